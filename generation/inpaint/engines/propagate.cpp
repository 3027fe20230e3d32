// propagate: flow-guided video inpainting without learned weights.
//
//  1. DIS optical flow between neighbouring frames, both directions, on
//     frames whose holes are filled smoothly first (the hole's edge is no
//     motion). Flow inside the (grown) hole is replaced by a smooth fill
//     from the surrounding flow.
//  2. Camera motion (alignment.h): a homography per pair of neighbouring
//     frames, fitted to the flow and refined by ECC; distant frames chain
//     them. Around each hole, flow that departs from the homography marks
//     objects moving on their own (motionsplit.h); inside the hole those
//     take the movers' flow instead of an average with the background.
//  3. The hole's background is copied from the nearest frames in time that
//     show it, through the homography (alignedfill.h): exact for pans, zooms
//     and still cameras however far the source frame, matched in colour to
//     the hole's surroundings, refused where the surroundings disagree.
//  4. The rest is tracked frame by frame forward and backward through the
//     flow until it lands on a known pixel; a track stops where forward and
//     backward flow disagree (occlusion). Candidates from both directions
//     are blended by temporal distance, each shifted by a smooth correction
//     measured on the picture around the hole, tracked to the same source
//     frame (exposure drift leaves no seam).
//  5. Pixels still unknown: registered clean plates (a plate per frame, lined
//     up with each frame, goes before step 3 instead), then a spatial fill of
//     the frame with most unknown pixels (diffusion near the hole's edge,
//     PatchMatch deeper), which becomes a source for the others (so a static
//     shot with a fixed mask is filled once, coherently).

#include "inpaint/engine.h"
#include "inpaint/methods/alignedfill.h"
#include "inpaint/methods/flow.h"
#include "inpaint/methods/holeband.h"
#include "inpaint/methods/layeredfill.h"
#include "inpaint/methods/motionsplit.h"
#include "inpaint/methods/patchmatch.h"
#include "inpaint/methods/sampling.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>
#include <string>

namespace retake::generation::detail {

namespace {

// Flows at flow resolution, in flow-resolution px, with their
// forward-backward errors (same units).
struct FlowPair {
    cv::Mat forward; // frame a -> frame b, on a's grid
    cv::Mat error;   // on a's grid
};

// A seam difference (luminance, 0-1) further than this from the typical
// one is a track that landed on something else: it does not say how the
// exposure drifted.
constexpr float kSeamMismatch = 0.04f;

struct Candidate {
    cv::Vec3f colour;
    float weight = 0;
    // Per direction (backward, forward): the frame the track landed on, -1
    // for none, and its share of `weight`.
    int source[2] = {-1, -1};
    float sourceWeight[2] = {0, 0};
};

// Fills the hole pixels at most `depth` px from known picture by diffusion
// (OpenCV's Navier-Stokes inpainting) and clears them from `hole`. Thin
// holes (a logo's outline, a wire) are continued best by their surroundings'
// isophotes; patches the size of the hole would paste unrelated texture.
void diffuseThinParts(cv::Mat& rgb, cv::Mat& hole, float depth) {
    if (depth <= 0 || cv::countNonZero(hole) == 0)
        return;
    cv::Mat distance;
    cv::distanceTransform(hole, distance, cv::DIST_L2, 3);
    const cv::Mat shallow = (distance <= depth) & (hole != 0);
    if (cv::countNonZero(shallow) == 0)
        return;
    cv::Mat rgb8, filled8;
    rgb.convertTo(rgb8, CV_8UC3, 255.0);
    cv::inpaint(rgb8, hole, filled8, 5, cv::INPAINT_NS);
    cv::Mat filled;
    filled8.convertTo(filled, CV_32FC3, 1.0 / 255.0);
    filled.copyTo(rgb, shallow);
    hole.setTo(0, shallow);
}

class PropagateEngine final : public Engine {
public:
    explicit PropagateEngine(const Params& params)
        : preset_(params.text("flow_preset"))
        , maxSide_(params.integer("flow_max_side"))
        , threshold_(float(params.number("consistency")))
        , maxDistance_(params.integer("max_distance"))
        , patch_(params.integer("patch"))
        , iterations_(params.integer("spatial_iters"))
        , align_(params.integer("align") != 0)
        , alignSources_(params.integer("align_sources"))
        , seamBand_(params.integer("seam_band"))
        , diffuseDepth_(float(params.number("diffuse_depth")))
        , layers_(params.integer("layers")) {
        // Fail on a bad preset before any work is done.
        FlowEstimator(preset_, maxSide_, 64, 64);
    }

    void run(const Chunk& chunk, RunContext& context, float* out) override;

private:
    struct State {
        const Chunk* chunk = nullptr;
        float* out = nullptr;
        int n = 0, width = 0, height = 0;
        cv::Size flowSize;
        float sx = 1, sy = 1;       // full -> flow resolution
        std::vector<FlowPair> next; // t -> t+1, index t
        std::vector<FlowPair> prev; // t+1 -> t, index t
        std::vector<std::vector<std::uint8_t>> unknown;
        std::vector<int> unknownCount;
    };

    // Tracks from `frame`'s unknown pixels through the flow chain and returns
    // the blended colour per unknown pixel (weight 0 = nothing found).
    std::vector<Candidate> track(const State& s, int frame, const std::vector<int>& pixels) const;
    // The colours of `frame`'s `pixels` carried through the flow chain to
    // `target` (weight 0 where a track is lost on the way).
    std::vector<Candidate> trackTo(const State& s, int frame, const std::vector<int>& pixels,
                                   int target) const;
    int trackRound(State& s, RunContext& context, double from, double to) const;
    // Shifts the colours tracked into `frame`'s `pixels` by a smooth
    // correction, so that they meet the picture around the hole without a
    // seam (exposure and colour drift between the frames they came from).
    void matchSeam(const State& s, int frame, const std::vector<int>& pixels,
                   std::vector<Candidate>& found) const;
    void fillFromReference(State& s, FlowEstimator& estimator, RunContext& context) const;
    // Homographies between the frames: splits each hole's flow into camera
    // motion and objects moving on their own, and fills the camera part
    // from aligned frames.
    void alignAndFill(State& s, const std::vector<cv::Mat>& gray,
                      const std::vector<cv::Mat>& usable, const std::vector<cv::Mat>& holes,
                      RunContext& context) const;

    std::string preset_;
    int maxSide_;
    float threshold_;
    int maxDistance_;
    int patch_;
    int iterations_;
    bool align_;
    int alignSources_;
    int seamBand_;
    float diffuseDepth_;
    int layers_;
};

std::vector<Candidate> PropagateEngine::track(const State& s, int frame,
                                              const std::vector<int>& pixels) const {
    std::vector<Candidate> result(pixels.size());
    const int maxSteps = maxDistance_ > 0 ? maxDistance_ : s.n;
    const std::size_t plane = std::size_t(s.width) * s.height;
    struct Track {
        float x, y;
        int index;
    };
    for (int dir : {-1, 1}) {
        std::vector<Track> alive;
        alive.reserve(pixels.size());
        for (std::size_t i = 0; i < pixels.size(); ++i)
            alive.push_back({float(pixels[i] % s.width), float(pixels[i] / s.width), int(i)});
        int a = frame;
        for (int step = 1; step <= maxSteps && !alive.empty(); ++step) {
            const int b = a + dir;
            if (b < 0 || b >= s.n)
                break;
            const FlowPair& pair = dir > 0 ? s.next[std::size_t(a)] : s.prev[std::size_t(b)];
            const std::uint8_t* unknownB = s.unknown[std::size_t(b)].data();
            const float* colourB = s.out + plane * 3 * std::size_t(b);
            std::size_t kept = 0;
            for (Track tr : alive) {
                const float lx = (tr.x + 0.5f) * s.sx - 0.5f;
                const float ly = (tr.y + 0.5f) * s.sy - 0.5f;
                // Errors are in flow px; compare in full-resolution px.
                if (sampleFloat(pair.error, lx, ly) / s.sx > threshold_)
                    continue;
                const cv::Vec2f v = sampleVec2(pair.forward, lx, ly);
                tr.x += v[0] / s.sx;
                tr.y += v[1] / s.sy;
                if (!insideImage(tr.x, tr.y, s.width, s.height))
                    continue;
                if (allKnown(unknownB, s.width, s.height, tr.x, tr.y)) {
                    Candidate& c = result[std::size_t(tr.index)];
                    const float w = 1.0f / float(step);
                    c.colour += w * sampleRgb(colourB, s.width, s.height, tr.x, tr.y);
                    c.weight += w;
                    c.source[dir > 0] = b;
                    c.sourceWeight[dir > 0] = w;
                    continue;
                }
                alive[kept++] = tr;
            }
            alive.resize(kept);
            a = b;
        }
    }
    return result;
}

std::vector<Candidate> PropagateEngine::trackTo(const State& s, int frame,
                                                const std::vector<int>& pixels, int target) const {
    std::vector<Candidate> result(pixels.size());
    const int dir = target > frame ? 1 : -1;
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        float x = float(pixels[i] % s.width), y = float(pixels[i] / s.width);
        bool lost = false;
        for (int a = frame; a != target && !lost; a += dir) {
            const int b = a + dir;
            const FlowPair& pair = dir > 0 ? s.next[std::size_t(a)] : s.prev[std::size_t(b)];
            const float lx = (x + 0.5f) * s.sx - 0.5f;
            const float ly = (y + 0.5f) * s.sy - 0.5f;
            if (sampleFloat(pair.error, lx, ly) / s.sx > threshold_) {
                lost = true;
                break;
            }
            const cv::Vec2f v = sampleVec2(pair.forward, lx, ly);
            x += v[0] / s.sx;
            y += v[1] / s.sy;
            lost = !insideImage(x, y, s.width, s.height);
        }
        if (lost || !allKnown(s.unknown[std::size_t(target)].data(), s.width, s.height, x, y))
            continue;
        const std::size_t plane = std::size_t(s.width) * s.height;
        result[i].colour =
            sampleRgb(s.out + plane * 3 * std::size_t(target), s.width, s.height, x, y);
        result[i].weight = 1;
    }
    return result;
}

void PropagateEngine::matchSeam(const State& s, int frame, const std::vector<int>& pixels,
                                std::vector<Candidate>& found) const {
    // The real picture in a band around the hole is carried through the flow
    // to the frame the hole's colours came from; what it is predicted to be
    // there next to what it is here says how that frame's exposure departs
    // from this one's. The difference, spread smoothly over the hole (the
    // membrane of seamless cloning), corrects the colours from that frame.
    // Done per direction: the two sides of a track come from different
    // frames.
    const int width = s.width;
    const int height = s.height;
    const int band = seamBand_;
    int dominant[2] = {-1, -1};
    for (int side = 0; side < 2; ++side) {
        std::map<int, int> votes;
        for (const Candidate& c : found)
            if (c.source[side] >= 0)
                ++votes[c.source[side]];
        int most = 0;
        for (const auto& [source, count] : votes)
            if (count > most) {
                most = count;
                dominant[side] = source;
            }
    }
    if (dominant[0] < 0 && dominant[1] < 0)
        return;
    const HoleBand around = holeBand(pixels, width, height, band);
    const cv::Rect& roi = around.roi;
    const cv::Mat& hole = around.hole;
    const cv::Mat& near = around.near;
    const std::uint8_t* masked = s.chunk->fillOf(frame);
    const std::uint8_t* unknown = s.unknown[std::size_t(frame)].data();
    std::vector<int> ring;
    for (int y = 0; y < roi.height; ++y)
        for (int x = 0; x < roi.width; ++x) {
            const int px = (y + roi.y) * width + x + roi.x;
            if (near.at<std::uint8_t>(y, x) && !hole.at<std::uint8_t>(y, x) && !masked[px] &&
                !unknown[px])
                ring.push_back(px);
        }
    if (ring.size() < 8)
        return;
    const std::size_t plane = std::size_t(width) * height;
    const float* own = s.out + plane * 3 * std::size_t(frame);
    cv::Mat correction[2];
    for (int side = 0; side < 2; ++side) {
        if (dominant[side] < 0)
            continue;
        const std::vector<Candidate> predicted = trackTo(s, frame, ring, dominant[side]);
        struct Sample {
            int x, y;
            cv::Vec3f difference;
            float luma;
        };
        std::vector<Sample> samples;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            if (predicted[i].weight <= 0)
                continue;
            const std::size_t px = std::size_t(ring[i]);
            const cv::Vec3f actual(own[px], own[plane + px], own[2 * plane + px]);
            const cv::Vec3f d = actual - predicted[i].colour;
            samples.push_back({int(px % std::size_t(width)) - roi.x,
                               int(px / std::size_t(width)) - roi.y, d,
                               0.299f * d[0] + 0.587f * d[1] + 0.114f * d[2]});
        }
        if (samples.size() < 8)
            continue;
        // Exposure drift shifts the differences alike; one far from the
        // typical difference is a track that landed on something else.
        std::vector<float> luma;
        luma.reserve(samples.size());
        for (const auto& sample : samples)
            luma.push_back(sample.luma);
        std::nth_element(luma.begin(), luma.begin() + std::ptrdiff_t(luma.size() / 2), luma.end());
        const float typical = luma[luma.size() / 2];
        cv::Mat values = cv::Mat::zeros(roi.size(), CV_32FC3);
        cv::Mat agreeing = cv::Mat::zeros(roi.size(), CV_8U);
        int count = 0;
        for (const auto& sample : samples)
            if (std::abs(sample.luma - typical) <= kSeamMismatch) {
                values.at<cv::Vec3f>(sample.y, sample.x) = sample.difference;
                agreeing.at<std::uint8_t>(sample.y, sample.x) = 255;
                ++count;
            }
        if (count < 8)
            continue;
        pushPullFill(values, agreeing);
        correction[side] = values;
    }
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        Candidate& c = found[i];
        for (int side = 0; side < 2; ++side)
            if (c.source[side] == dominant[side] && !correction[side].empty())
                c.colour += c.sourceWeight[side] *
                            correction[side].at<cv::Vec3f>(pixels[i] / width - roi.y,
                                                           pixels[i] % width - roi.x);
    }
}

int PropagateEngine::trackRound(State& s, RunContext& context, double from, double to) const {
    // Results are applied after the round so that the order frames are
    // visited in cannot change the output.
    struct Pending {
        int frame;
        std::vector<int> pixels;
        std::vector<Candidate> found;
    };
    std::vector<Pending> pending;
    for (int t = 0; t < s.n; ++t) {
        context.report(from + (to - from) * double(t) / s.n, "propagation");
        if (s.unknownCount[std::size_t(t)] == 0)
            continue;
        Pending p;
        p.frame = t;
        const auto& unknown = s.unknown[std::size_t(t)];
        for (std::size_t i = 0; i < unknown.size(); ++i)
            if (unknown[i])
                p.pixels.push_back(int(i));
        p.found = track(s, t, p.pixels);
        if (seamBand_ > 0)
            matchSeam(s, t, p.pixels, p.found);
        pending.push_back(std::move(p));
    }
    const std::size_t plane = std::size_t(s.width) * s.height;
    int filled = 0;
    for (const Pending& p : pending) {
        float* dst = s.out + plane * 3 * std::size_t(p.frame);
        auto& unknown = s.unknown[std::size_t(p.frame)];
        for (std::size_t i = 0; i < p.pixels.size(); ++i) {
            const Candidate& c = p.found[i];
            if (c.weight <= 0)
                continue;
            const std::size_t px = std::size_t(p.pixels[i]);
            for (int ch = 0; ch < 3; ++ch)
                dst[plane * std::size_t(ch) + px] = c.colour[ch] / c.weight;
            unknown[px] = 0;
            --s.unknownCount[std::size_t(p.frame)];
            ++filled;
        }
    }
    return filled;
}

void PropagateEngine::fillFromReference(State& s, FlowEstimator& estimator,
                                        RunContext& context) const {
    const FrameStack& plates = *s.chunk->reference;
    cv::Mat cachedGray;
    for (int t = 0; t < s.n; ++t) {
        if (s.unknownCount[std::size_t(t)] == 0)
            continue;
        context.report(0.65, "reference frames");
        const int plateIndex = plates.count == 1 ? 0 : s.chunk->first + t;
        const float* plate = plates.frame(plateIndex);
        cv::Mat plateGray;
        if (plates.count == 1 && !cachedGray.empty()) {
            plateGray = cachedGray;
        } else {
            plateGray = estimator.prepare(toGray8(plate, s.height, s.width));
            cachedGray = plateGray;
        }
        const cv::Mat holeSmall =
            estimator.downscaleMask(s.unknown[std::size_t(t)].data(), s.height, s.width);
        // The hole smoothly filled first, as for the frames' own flow: what
        // the user masked (a logo's hard edges) is not in the plate, and its
        // edges made the flow around the hole follow nothing.
        const cv::Mat frameGray =
            smoothFill(estimator.prepare(toGray8(s.out + std::size_t(s.width) * s.height * 3 * t,
                                                 s.height, s.width)),
                       holeSmall == 0);
        cv::Mat toPlate = estimator.compute(frameGray, plateGray);
        cv::Mat fromPlate = estimator.compute(plateGray, frameGray);
        FlowEstimator::complete(toPlate, holeSmall, 4);
        FlowEstimator::complete(fromPlate, holeSmall, 4);
        const cv::Mat error = consistencyError(toPlate, fromPlate);
        const std::size_t plane = std::size_t(s.width) * s.height;
        float* dst = s.out + plane * 3 * std::size_t(t);
        auto& unknown = s.unknown[std::size_t(t)];
        for (std::size_t px = 0; px < plane; ++px) {
            if (!unknown[px])
                continue;
            const float x = float(px % std::size_t(s.width));
            const float y = float(px / std::size_t(s.width));
            const float lx = (x + 0.5f) * s.sx - 0.5f;
            const float ly = (y + 0.5f) * s.sy - 0.5f;
            // The completed flow is checked against the plate's own flow,
            // which has no hole: a wrong completion lands somewhere the plate
            // does not map back from.
            if (sampleFloat(error, lx, ly) / s.sx > threshold_)
                continue;
            const cv::Vec2f v = sampleVec2(toPlate, lx, ly);
            const float px2 = x + v[0] / s.sx;
            const float py2 = y + v[1] / s.sy;
            if (!insideImage(px2, py2, s.width, s.height))
                continue;
            const cv::Vec3f c = sampleRgb(plate, s.width, s.height, px2, py2);
            for (int ch = 0; ch < 3; ++ch)
                dst[plane * std::size_t(ch) + px] = c[ch];
            unknown[px] = 0;
            --s.unknownCount[std::size_t(t)];
        }
    }
}

void PropagateEngine::alignAndFill(State& s, const std::vector<cv::Mat>& gray,
                                   const std::vector<cv::Mat>& usable,
                                   const std::vector<cv::Mat>& holes, RunContext& context) const {
    // The chunk's pixels and holes as both whole-chunk fills see them.
    ChunkHoles chunk;
    chunk.count = s.n;
    chunk.width = s.width;
    chunk.height = s.height;
    chunk.source = s.chunk->frames;
    chunk.masked = s.chunk->fill.data();
    chunk.out = s.out;
    chunk.unknown = &s.unknown;
    chunk.unknownCount = &s.unknownCount;
    chunk.flowScale = s.sx;
    context.report(0.45, "aligning frames");
    std::vector<cv::Mat> nextFlow, nextError;
    for (const FlowPair& pair : s.next) {
        nextFlow.push_back(pair.forward);
        nextError.push_back(pair.error);
    }
    FrameAligner aligner(gray, usable, nextFlow, nextError, double(s.sx));
    MotionSplitOptions split;
    split.scale = s.sx;
    // Per frame, 255 where a hole pixel moves on its own; empty = no
    // neighbour homography to tell (all of it is left to the flow).
    std::vector<cv::Mat> moving(std::size_t(s.n));
    const cv::Mat margin = cv::getStructuringElement(cv::MORPH_ELLIPSE, {9, 9});
    for (int t = 0; t + 1 < s.n; ++t) {
        context.report(0.45 + 0.05 * t / s.n, "aligning frames");
        const std::optional<cv::Matx33d> camera = aligner.analysisHomography(t, t + 1);
        if (!camera)
            continue;
        FlowPair& f = s.next[std::size_t(t)];
        FlowPair& b = s.prev[std::size_t(t)];
        cv::Mat guessed;
        cv::dilate(holes[std::size_t(t)] | holes[std::size_t(t + 1)], guessed, margin);
        const cv::Mat forwardMovers = splitHoleMotion(
            f.forward, f.error, guessed, texturedPixels(gray[std::size_t(t)]), *camera, split);
        const cv::Mat backwardMovers =
            splitHoleMotion(b.forward, b.error, guessed, texturedPixels(gray[std::size_t(t + 1)]),
                            camera->inv(), split);
        f.error = consistencyError(f.forward, b.forward);
        b.error = consistencyError(b.forward, f.forward);
        for (const auto& [frame, movers] :
             {std::make_pair(t, forwardMovers), std::make_pair(t + 1, backwardMovers)}) {
            cv::Mat& m = moving[std::size_t(frame)];
            m = m.empty() ? movers : (m | movers);
        }
    }
    if (layers_ > 0) {
        LayeredFillFrames layerFrames;
        static_cast<ChunkHoles&>(layerFrames) = chunk;
        layerFrames.nextFlow = &nextFlow;
        layerFrames.nextError = &nextError;
        layerFrames.gray = &gray;
        layerFrames.holes = &holes;
        LayeredFillOptions layerOptions;
        layerOptions.everyPixel = layers_ > 1;
        const std::vector<std::vector<Layer>> layers =
            fillLayers(layerFrames, aligner, layerOptions, [&] { context.checkCancelled(); });
        // Hole pixels shown to be background go to the aligned frames even
        // where the label spread from the hole's border said they move.
        for (int t = 0; t < s.n; ++t) {
            const auto& decided = layers[std::size_t(t)];
            cv::Mat& m = moving[std::size_t(t)];
            if (decided.empty() || m.empty())
                continue;
            for (std::size_t px = 0; px < decided.size(); ++px)
                if (decided[px] == Layer::Background) {
                    const int x = std::clamp(int((float(px % std::size_t(s.width)) + 0.5f) * s.sx),
                                             0, m.cols - 1);
                    const int y = std::clamp(int((float(px / std::size_t(s.width)) + 0.5f) * s.sy),
                                             0, m.rows - 1);
                    m.at<std::uint8_t>(y, x) = 0;
                }
        }
    }
    AlignedFillFrames frames;
    static_cast<ChunkHoles&>(frames) = chunk;
    frames.moving = &moving;
    AlignedFillOptions options;
    options.seamBand = seamBand_;
    options.correct = seamBand_ > 0;
    options.maxSources = alignSources_;
    fillFromAlignedFrames(frames, aligner, options, [&] { context.checkCancelled(); });
}

void PropagateEngine::run(const Chunk& chunk, RunContext& context, float* out) {
    State s;
    s.chunk = &chunk;
    s.out = out;
    s.n = chunk.count;
    s.width = chunk.width;
    s.height = chunk.height;
    const std::size_t plane = chunk.plane();
    s.unknown.resize(std::size_t(s.n));
    s.unknownCount.assign(std::size_t(s.n), 0);
    bool anyKnown = !chunk.reference->empty();
    for (int t = 0; t < s.n; ++t) {
        const std::uint8_t* fill = chunk.fillOf(t);
        s.unknown[std::size_t(t)].assign(fill, fill + plane);
        const int count = int(std::count(fill, fill + plane, std::uint8_t(1)));
        s.unknownCount[std::size_t(t)] = count;
        anyKnown = anyKnown || std::size_t(count) < plane;
    }
    if (!anyKnown)
        throw InpaintError(InpaintErrorKind::Unfillable,
                           "frames " + std::to_string(chunk.first) + " to " +
                               std::to_string(chunk.first + chunk.count - 1) +
                               " are masked completely and no reference or locked frame is near "
                               "enough to copy from; raise chunk_frames or give a clean plate");

    FlowEstimator estimator(preset_, maxSide_, s.height, s.width);
    std::vector<cv::Mat> gray(std::size_t(s.n));
    std::vector<cv::Mat> holes(std::size_t(s.n));
    std::vector<cv::Mat> usable(std::size_t(s.n));
    for (int t = 0; t < s.n; ++t) {
        context.report(0.05 * t / s.n, "optical flow");
        holes[std::size_t(t)] = estimator.downscaleMask(chunk.fillOf(t), s.height, s.width);
        usable[std::size_t(t)] = holes[std::size_t(t)] == 0;
        // Flow and features see a smooth fill, not the edges of the hole
        // (the masked pixels hold whatever the user wants gone).
        gray[std::size_t(t)] = smoothFill(
            estimator.prepare(toGray8(chunk.frame(t), s.height, s.width)), usable[std::size_t(t)]);
    }
    s.flowSize = gray[0].size();
    s.sx = float(s.flowSize.width) / float(s.width);
    s.sy = float(s.flowSize.height) / float(s.height);
    s.next.resize(std::size_t(std::max(0, s.n - 1)));
    s.prev.resize(std::size_t(std::max(0, s.n - 1)));
    for (int t = 0; t + 1 < s.n; ++t) {
        context.report(0.05 + 0.4 * t / s.n, "optical flow");
        FlowPair& f = s.next[std::size_t(t)];
        FlowPair& b = s.prev[std::size_t(t)];
        f.forward = estimator.compute(gray[std::size_t(t)], gray[std::size_t(t + 1)]);
        b.forward = estimator.compute(gray[std::size_t(t + 1)], gray[std::size_t(t)]);
        // Both directions are completed over both frames' holes: the
        // consistency check compares them, and a flow left raw where the
        // other frame shows the removed object would reject good tracks.
        const cv::Mat either = holes[std::size_t(t)] | holes[std::size_t(t + 1)];
        FlowEstimator::complete(f.forward, either, 4);
        FlowEstimator::complete(b.forward, either, 4);
        f.error = consistencyError(f.forward, b.forward);
        b.error = consistencyError(b.forward, f.forward);
    }

    // A plate per frame (pinned to the surface by the editor, lined up with
    // each frame) is the best source there is for what it covers: it goes
    // first. Other frames would fill a hole that moves with its surface
    // from whatever the camera's motion brings under it. A single plate
    // must be registered across any motion, so it only fills what the
    // frames cannot.
    const bool platePerFrame = chunk.reference->count > 1;
    const auto anyUnknown = [&] {
        return std::any_of(s.unknownCount.begin(), s.unknownCount.end(),
                           [](int c) { return c > 0; });
    };
    if (platePerFrame)
        fillFromReference(s, estimator, context);
    if (align_)
        alignAndFill(s, gray, usable, holes, context);
    trackRound(s, context, 0.5, 0.65);
    if (!chunk.reference->empty() && !platePerFrame && anyUnknown())
        fillFromReference(s, estimator, context);

    // Thin parts no frame saw are diffused in every frame from its own
    // surroundings: people walking past a logo change what borders it, and a
    // key frame's fill copied to the others would show them stale.
    if (diffuseDepth_ > 0) {
        for (int t = 0; t < s.n; ++t) {
            const int count = s.unknownCount[std::size_t(t)];
            if (count == 0 || std::size_t(count) == plane)
                continue;
            context.report(0.65, "spatial fill");
            float* frame = out + plane * 3 * std::size_t(t);
            cv::Mat image = toInterleaved(frame, s.height, s.width);
            const cv::Mat unknown(s.height, s.width, CV_8U, s.unknown[std::size_t(t)].data());
            const cv::Mat before = unknown.clone();
            cv::Mat hole = unknown.clone();
            diffuseThinParts(image, hole, diffuseDepth_);
            const cv::Mat diffused = before & (hole == 0);
            writeFilled(image, diffused.data, frame);
            hole.copyTo(unknown);
            s.unknownCount[std::size_t(t)] = cv::countNonZero(hole);
        }
    }
    // Pixels no frame saw: fill one frame spatially, let the rest copy it.
    // Only a frame with some known pixels has patches to copy from.
    for (int round = 0; round < s.n; ++round) {
        int key = -1;
        int most = 0;
        int best = s.n;
        for (int t = 0; t < s.n; ++t) {
            const int count = s.unknownCount[std::size_t(t)];
            if (count == 0 || std::size_t(count) == plane)
                continue;
            // Among equally incomplete frames prefer the middle one: it is
            // the fewest steps from the others.
            const int centre = std::abs(2 * t - s.n + 1);
            if (count > most || (count == most && centre < best)) {
                most = count;
                best = centre;
                key = t;
            }
        }
        if (key < 0)
            break;
        context.report(0.65 + 0.3 * round / s.n, "spatial fill");
        float* frame = out + plane * 3 * std::size_t(key);
        cv::Mat image = toInterleaved(frame, s.height, s.width);
        const cv::Mat unknown(s.height, s.width, CV_8U, s.unknown[std::size_t(key)].data());
        cv::Mat hole = unknown.clone();
        PatchFillOptions options;
        options.patch = patch_;
        options.iterations = iterations_;
        options.seed = chunk.seed + std::uint64_t(key);
        patchFill(image, hole, options, [&] { context.checkCancelled(); });
        writeFilled(image, s.unknown[std::size_t(key)].data(), frame);
        std::fill(s.unknown[std::size_t(key)].begin(), s.unknown[std::size_t(key)].end(), 0);
        s.unknownCount[std::size_t(key)] = 0;
        trackRound(s, context, 0.65 + 0.3 * round / s.n, 0.65 + 0.3 * (round + 1) / s.n);
    }
    // Frames masked completely that no track reached (their flow is
    // guesswork): the nearest complete frame stands in. The interpolate
    // engine is the better tool for whole missing frames.
    for (int t = 0; t < s.n; ++t) {
        if (s.unknownCount[std::size_t(t)] == 0)
            continue;
        for (int d = 1; d < s.n; ++d) {
            int source = -1;
            for (int c : {t - d, t + d})
                if (source < 0 && c >= 0 && c < s.n && s.unknownCount[std::size_t(c)] == 0)
                    source = c;
            if (source < 0)
                continue;
            const std::size_t floats = plane * 3;
            std::copy(out + floats * std::size_t(source), out + floats * std::size_t(source + 1),
                      out + floats * std::size_t(t));
            break;
        }
    }
    context.report(1.0, "propagation");
}

} // namespace

std::unique_ptr<Engine> makePropagateEngine(const Params& params) {
    return std::make_unique<PropagateEngine>(params);
}

} // namespace retake::generation::detail
