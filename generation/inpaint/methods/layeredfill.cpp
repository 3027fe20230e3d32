#include "inpaint/methods/layeredfill.h"

#include "inpaint/methods/motionsplit.h"
#include "inpaint/methods/sampling.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

namespace retake::generation::detail {

namespace {

// Movers are looked for, and hole pixels take a mover's story, this far from
// a hole or from the mover's visible pixels (share of the frame's diagonal):
// an object far from every hole has nothing to do with it.
constexpr double kReachShare = 0.1;
// Flow samples (every other analysis pixel) that fit one similarity: fewer
// is no rigid object, and the first few movers are all a hole meets.
constexpr int kMinMoverSamples = 30;
constexpr int kMaxMoversPerPair = 3;
constexpr double kRansacTolerance = 1.0; // analysis px
constexpr float kMaxFlowError = 1.0f;    // analysis px, as motionsplit.h
// A colour difference (squared RGB distance, 0-1 per channel) counts at most
// this much: one source on something else must not outweigh all the rest.
constexpr float kColourCap = 3 * 0.1f * 0.1f;
// A landed source that does not move as its layer (it shows the other
// layer) costs this share of kColourCap.
constexpr float kContradictionCost = 1.0f;
// Photo-consistency residual (mean absolute difference per channel, 0-1) of
// a pixel with its neighbouring frame under a layer's motion, above which
// the pixel does not move as that layer: the noise floor of the footage
// (twice the median residual of the camera's layer) plus a margin.
constexpr float kResidualMargin = 0.03f;

// A story is taken when at least this many landings move as its layer and
// its disagreement (judge()) is at most this share of kColourCap: one frame
// alone, or a story whose frames disagree, is worth less than the flow.
// Sintel (a character, no rigid object) needs the strictness: 0.35 cost it
// 0.5 dB with every pixel filled.
constexpr int kMinAgreeing = 2;
constexpr float kAcceptCost = 0.2f;

// A rigid object's motion between a pair of neighbouring frames.
struct Mover {
    cv::Matx33d forward;  // frame a -> a+1, full-resolution px
    cv::Matx33d backward; // its inverse
    // Analysis px from the mover's visible samples, in frame a and in a+1.
    cv::Mat reachHere, reachThere;
    // Photo-consistency residual under this motion, analysis resolution:
    // frame a against a+1 (on a's grid) and a+1 against a (on a+1's).
    cv::Mat residualHere, residualThere;
};

cv::Matx33d toAnalysis(double scale) {
    const double offset = 0.5 * scale - 0.5;
    return {scale, 0, offset, 0, scale, offset, 0, 0, 1};
}

cv::Point2f project(const cv::Matx33d& h, float x, float y) {
    const double w = h(2, 0) * x + h(2, 1) * y + h(2, 2);
    return {float((h(0, 0) * x + h(0, 1) * y + h(0, 2)) / w),
            float((h(1, 0) * x + h(1, 1) * y + h(1, 2)) / w)};
}

// Mean absolute difference per channel between `here` and `there` brought
// onto here's grid by `hereToThere`, over a 3x3 neighbourhood (single pixels
// differ by noise). -1 where neither frame shows real picture to compare.
cv::Mat photoResidual(const cv::Mat& here, const cv::Mat& hereHole, const cv::Mat& there,
                      const cv::Mat& thereHole, const cv::Matx33d& hereToThere) {
    const int window = 3;
    cv::Mat warped, warpedHole;
    cv::warpPerspective(there, warped, cv::Mat(hereToThere), here.size(),
                        cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    cv::warpPerspective(thereHole, warpedHole, cv::Mat(hereToThere), here.size(),
                        cv::INTER_NEAREST | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, 255);
    cv::Mat difference;
    cv::absdiff(here, warped, difference);
    cv::Mat summed;
    cv::transform(difference, summed, cv::Matx13f(1.0f / 3, 1.0f / 3, 1.0f / 3));
    cv::Mat valid;
    cv::Mat((hereHole == 0) & (warpedHole == 0)).convertTo(valid, CV_32F, 1.0 / 255.0);
    summed = summed.mul(valid);
    cv::Mat total, count;
    cv::boxFilter(summed, total, CV_32F, {window, window}, {-1, -1}, false);
    cv::boxFilter(valid, count, CV_32F, {window, window}, {-1, -1}, false);
    cv::Mat residual = total / cv::max(count, 1e-6f);
    residual.setTo(-1.0f, count < 0.5f);
    return residual;
}

// The smaller of two residuals where both compare something.
void keepSmaller(cv::Mat& into, const cv::Mat& other) {
    if (into.empty()) {
        into = other.clone();
        return;
    }
    for (int y = 0; y < into.rows; ++y) {
        auto* a = into.ptr<float>(y);
        const auto* b = other.ptr<float>(y);
        for (int x = 0; x < into.cols; ++x)
            if (b[x] >= 0 && (a[x] < 0 || b[x] < a[x]))
                a[x] = b[x];
    }
}

float medianOf(const cv::Mat& residual) {
    std::vector<float> values;
    for (int y = 0; y < residual.rows; y += 2)
        for (int x = 0; x < residual.cols; x += 2)
            if (residual.at<float>(y, x) >= 0)
                values.push_back(residual.at<float>(y, x));
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(values.size() / 2),
                     values.end());
    return values[values.size() / 2];
}

cv::Mat distanceFrom(const std::vector<cv::Point2f>& points, cv::Size size) {
    cv::Mat free(size, CV_8U, cv::Scalar(255));
    for (const cv::Point2f& p : points) {
        const int x = int(std::lround(p.x));
        const int y = int(std::lround(p.y));
        if (x >= 0 && y >= 0 && x < size.width && y < size.height)
            free.at<std::uint8_t>(y, x) = 0;
    }
    cv::Mat distance;
    cv::distanceTransform(free, distance, cv::DIST_L2, 3);
    return distance;
}

// The rigid movers around the holes of frames a and a+1: sequential RANSAC
// on the flow that departs from the camera's homography.
std::vector<Mover> findMovers(const LayeredFillFrames& frames, int a, const cv::Matx33d& camera,
                              const LayeredFillOptions& options, double reach) {
    const cv::Mat& flow = (*frames.nextFlow)[std::size_t(a)];
    const cv::Mat& error = (*frames.nextError)[std::size_t(a)];
    const cv::Mat holes = (*frames.holes)[std::size_t(a)] | (*frames.holes)[std::size_t(a + 1)];
    const cv::Mat& holeThere = (*frames.holes)[std::size_t(a + 1)];
    // The flow next to a hole is the completion's guess, not a measurement.
    cv::Mat guessed;
    cv::dilate(holes, guessed, cv::getStructuringElement(cv::MORPH_ELLIPSE, {9, 9}));
    cv::Mat distance;
    cv::distanceTransform(holes == 0, distance, cv::DIST_L2, 3);
    const cv::Mat textured = texturedPixels((*frames.gray)[std::size_t(a)]);
    const float scale = frames.flowScale;
    std::vector<cv::Point2f> source, target;
    for (int y = 0; y < flow.rows; y += 2)
        for (int x = 0; x < flow.cols; x += 2) {
            if (guessed.at<std::uint8_t>(y, x) || !textured.at<std::uint8_t>(y, x) ||
                error.at<float>(y, x) > kMaxFlowError || distance.at<float>(y, x) > reach)
                continue;
            const cv::Vec2f v = flow.at<cv::Vec2f>(y, x);
            const cv::Point2f withCamera = project(camera, float(x), float(y));
            const cv::Vec2f cameraMotion(withCamera.x - float(x), withCamera.y - float(y));
            const cv::Vec2f departure = v - cameraMotion;
            const float limit =
                options.tolerance * scale + options.share * float(cv::norm(cameraMotion));
            if (cv::norm(departure) <= limit)
                continue;
            const cv::Point2f to(float(x) + v[0], float(y) + v[1]);
            const int tx = int(std::lround(to.x));
            const int ty = int(std::lround(to.y));
            if (tx < 0 || ty < 0 || tx >= flow.cols || ty >= flow.rows ||
                holeThere.at<std::uint8_t>(ty, tx))
                continue;
            source.emplace_back(float(x), float(y));
            target.push_back(to);
        }
    std::vector<Mover> movers;
    const cv::Matx33d analysis = toAnalysis(scale);
    while (int(movers.size()) < kMaxMoversPerPair && int(source.size()) >= kMinMoverSamples) {
        std::vector<std::uint8_t> inliers;
        const cv::Mat found = cv::estimateAffinePartial2D(source, target, inliers, cv::RANSAC,
                                                          kRansacTolerance, 2000, 0.99);
        const auto agreeing = std::count(inliers.begin(), inliers.end(), 1);
        if (found.empty() || agreeing < kMinMoverSamples)
            break;
        cv::Matx33d motion = cv::Matx33d::eye();
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 3; ++c)
                motion(r, c) = found.at<double>(r, c);
        std::vector<cv::Point2f> here, there, restSource, restTarget;
        for (std::size_t i = 0; i < source.size(); ++i) {
            if (inliers[i]) {
                here.push_back(source[i]);
                there.push_back(project(motion, source[i].x, source[i].y));
            } else {
                restSource.push_back(source[i]);
                restTarget.push_back(target[i]);
            }
        }
        Mover m;
        m.forward = analysis.inv() * motion * analysis;
        m.backward = m.forward.inv();
        m.reachHere = distanceFrom(here, flow.size());
        m.reachThere = distanceFrom(there, flow.size());
        movers.push_back(std::move(m));
        source = std::move(restSource);
        target = std::move(restTarget);
    }
    return movers;
}

// The mover of `movers` nearest to analysis position (x, y) within `reach`,
// measured in the pair's first frame (`there` false) or second; -1 for none.
int nearestMover(const std::vector<Mover>& movers, bool there, float x, float y, double reach) {
    int best = -1;
    float nearest = float(reach);
    for (std::size_t k = 0; k < movers.size(); ++k) {
        const cv::Mat& distance = there ? movers[k].reachThere : movers[k].reachHere;
        const int ix = std::clamp(int(std::lround(x)), 0, distance.cols - 1);
        const int iy = std::clamp(int(std::lround(y)), 0, distance.rows - 1);
        const float d = distance.at<float>(iy, ix);
        if (d <= nearest) {
            nearest = d;
            best = int(k);
        }
    }
    return best;
}

// A frame a story reached, showing real picture there.
struct Landing {
    int distance;
    int side; // 0 = earlier frame, 1 = later
    cv::Vec3f colour;
    bool movesAsLayer; // the picture there moves as the story says
};

// What a story's landings say: how badly they disagree (lower is better,
// infinite for no evidence) and the colour they give.
struct Verdict {
    float cost = std::numeric_limits<float>::infinity();
    cv::Vec3f colour;
    int agreeing = 0;
    // Told by two frames or more that agree: the story is confirmed.
    bool confirmed() const { return agreeing >= kMinAgreeing && cost <= kAcceptCost * kColourCap; }
};

Verdict judge(const std::vector<Landing>& landings) {
    Verdict v;
    // The colour: the nearest agreeing landing on each side, the nearer
    // weighing more (as the flow tracks are blended).
    int nearest[2] = {-1, -1};
    int agreeing = 0;
    for (std::size_t i = 0; i < landings.size(); ++i) {
        const Landing& l = landings[i];
        if (!l.movesAsLayer)
            continue;
        ++agreeing;
        int& n = nearest[l.side];
        if (n < 0 || l.distance < landings[std::size_t(n)].distance)
            n = int(i);
    }
    if (agreeing == 0)
        return v;
    cv::Vec3f sum(0, 0, 0);
    float weight = 0;
    for (int n : nearest)
        if (n >= 0) {
            const float w = 1.0f / float(landings[std::size_t(n)].distance);
            sum += w * landings[std::size_t(n)].colour;
            weight += w;
        }
    v.colour = sum / weight;
    // The disagreement: of every agreeing landing with that colour, and of
    // the landings on the other layer. One prior observation at a quarter
    // of the cap: a story told by one landing is not perfectly consistent.
    float disagreement = 0.25f * kColourCap;
    for (const Landing& l : landings) {
        if (l.movesAsLayer) {
            const cv::Vec3f d = l.colour - v.colour;
            disagreement += std::min(d.dot(d), kColourCap);
        } else {
            disagreement += kContradictionCost * kColourCap;
        }
    }
    v.cost = disagreement / float(landings.size() + 1);
    v.agreeing = agreeing;
    return v;
}

// -1 where nothing was compared.
float residualAt(const cv::Mat& residual, const cv::Point2f& analysisPosition) {
    if (residual.empty())
        return -1;
    const int x = std::clamp(int(std::lround(analysisPosition.x)), 0, residual.cols - 1);
    const int y = std::clamp(int(std::lround(analysisPosition.y)), 0, residual.rows - 1);
    return residual.at<float>(y, x);
}

float smallerResidual(float a, float b) {
    if (a < 0)
        return b;
    if (b < 0)
        return a;
    return std::min(a, b);
}

bool movesAs(const cv::Mat& residual, float limit, const cv::Point2f& analysisPosition) {
    // Nothing to compare with is no evidence against.
    const float r = residualAt(residual, analysisPosition);
    return r < 0 || r <= limit;
}

} // namespace

std::vector<std::vector<Layer>> fillLayers(const LayeredFillFrames& frames, FrameAligner& aligner,
                                           const LayeredFillOptions& options,
                                           const std::function<void()>& checkCancelled) {
    const int n = frames.count;
    const int width = frames.width;
    const int height = frames.height;
    const std::size_t plane = std::size_t(width) * height;
    std::vector<std::vector<Layer>> layers(static_cast<std::size_t>(n));
    if (n < 2)
        return layers;
    const cv::Size analysisSize = (*frames.holes)[0].size();
    const double reach =
        kReachShare * std::hypot(double(analysisSize.width), double(analysisSize.height));
    const float scale = frames.flowScale;

    std::vector<std::vector<Mover>> movers(static_cast<std::size_t>(n - 1));
    bool anyMover = false;
    for (int a = 0; a + 1 < n; ++a) {
        checkCancelled();
        if (cv::countNonZero((*frames.holes)[std::size_t(a)] |
                             (*frames.holes)[std::size_t(a + 1)]) == 0)
            continue;
        const std::optional<cv::Matx33d> camera = aligner.analysisHomography(a, a + 1);
        if (!camera)
            continue;
        movers[std::size_t(a)] = findMovers(frames, a, *camera, options, reach);
        anyMover = anyMover || !movers[std::size_t(a)].empty();
    }
    if (!anyMover && !options.everyPixel)
        return layers;

    // The frames in colour at analysis resolution, for the photo-consistency
    // of each layer's motion.
    std::vector<cv::Mat> colour(static_cast<std::size_t>(n));
    for (int t = 0; t < n; ++t) {
        cv::Mat planes[3];
        for (int c = 0; c < 3; ++c)
            planes[c] =
                cv::Mat(height, width, CV_32F,
                        const_cast<float*>(frames.source + plane * (3 * std::size_t(t) + c)));
        cv::Mat full;
        cv::merge(planes, 3, full);
        if (full.size() == analysisSize)
            colour[std::size_t(t)] = full;
        else
            cv::resize(full, colour[std::size_t(t)], analysisSize, 0, 0, cv::INTER_AREA);
    }
    const cv::Matx33d analysis = toAnalysis(scale);
    // Per frame: the camera layer's residual (with either neighbour) and the
    // limit above which a pixel does not move as a layer.
    std::vector<cv::Mat> cameraResidual(static_cast<std::size_t>(n));
    std::vector<float> limit(std::size_t(n), kResidualMargin);
    for (int t = 0; t < n; ++t) {
        for (int other : {t - 1, t + 1}) {
            if (other < 0 || other >= n)
                continue;
            const std::optional<cv::Matx33d> h = aligner.analysisHomography(t, other);
            if (!h)
                continue;
            keepSmaller(cameraResidual[std::size_t(t)],
                        photoResidual(colour[std::size_t(t)], (*frames.holes)[std::size_t(t)],
                                      colour[std::size_t(other)],
                                      (*frames.holes)[std::size_t(other)], *h));
        }
        if (!cameraResidual[std::size_t(t)].empty())
            limit[std::size_t(t)] = 2 * medianOf(cameraResidual[std::size_t(t)]) + kResidualMargin;
    }
    for (int a = 0; a + 1 < n; ++a)
        for (Mover& m : movers[std::size_t(a)]) {
            const cv::Matx33d forward = analysis * m.forward * analysis.inv();
            m.residualHere = photoResidual(colour[std::size_t(a)], (*frames.holes)[std::size_t(a)],
                                           colour[std::size_t(a + 1)],
                                           (*frames.holes)[std::size_t(a + 1)], forward);
            m.residualThere = photoResidual(
                colour[std::size_t(a + 1)], (*frames.holes)[std::size_t(a + 1)],
                colour[std::size_t(a)], (*frames.holes)[std::size_t(a)], forward.inv());
        }

    const int maxDistance = std::max(1, 3 * options.sourcesPerSide);
    for (int t = 0; t < n; ++t) {
        auto& unknown = (*frames.unknown)[std::size_t(t)];
        if ((*frames.unknownCount)[std::size_t(t)] == 0)
            continue;
        checkCancelled();
        const bool moversHere = (t + 1 < n && !movers[std::size_t(t)].empty()) ||
                                (t > 0 && !movers[std::size_t(t - 1)].empty());
        const bool fillAll = options.everyPixel;
        if (!moversHere && !fillAll)
            continue;
        std::vector<std::optional<cv::Matx33d>> toFrame(static_cast<std::size_t>(n));
        for (int s = std::max(0, t - maxDistance); s <= std::min(n - 1, t + maxDistance); ++s)
            if (s != t)
                toFrame[std::size_t(s)] = aligner.homography(t, s);
        auto& decided = layers[std::size_t(t)];
        decided.assign(plane, Layer::Undecided);
        float* out = frames.out + plane * 3 * std::size_t(t);
        const auto toAnalysisPoint = [&](const cv::Point2f& p) {
            return cv::Point2f((p.x + 0.5f) * scale - 0.5f, (p.y + 0.5f) * scale - 0.5f);
        };
        const auto landsOnPicture = [&](int s, const cv::Point2f& p) {
            return insideImage(p.x, p.y, width, height) &&
                   allKnown(frames.masked + plane * std::size_t(s), width, height, p.x, p.y);
        };
        for (std::size_t px = 0; px < plane; ++px) {
            if (!unknown[px])
                continue;
            const cv::Point2f here(float(px % std::size_t(width)), float(px / std::size_t(width)));
            // The mover's story, step by step: each pair of frames has its
            // own movers, the nearest one carries the pixel on.
            std::vector<Landing> moverLandings;
            for (int side = 0; side < 2; ++side) {
                const int dir = side ? 1 : -1;
                cv::Point2f p = here;
                int landed = 0;
                for (int a = t; landed < options.sourcesPerSide;) {
                    const int b = a + dir;
                    if (b < 0 || b >= n || std::abs(b - t) > maxDistance)
                        break;
                    const auto& pair = movers[std::size_t(std::min(a, b))];
                    const cv::Point2f pa = toAnalysisPoint(p);
                    const int k = nearestMover(pair, dir < 0, pa.x, pa.y, reach);
                    if (k < 0)
                        break;
                    const Mover& m = pair[std::size_t(k)];
                    p = project(dir > 0 ? m.forward : m.backward, p.x, p.y);
                    a = b;
                    if (!insideImage(p.x, p.y, width, height))
                        break;
                    if (!landsOnPicture(b, p))
                        continue;
                    // The picture it lands on must itself move as this mover
                    // does, with the frame it came from.
                    // The frame it came from often hides it (the hole), so
                    // the mover of the pair beyond is asked too.
                    const cv::Point2f pb = toAnalysisPoint(p);
                    float residual = residualAt(dir > 0 ? m.residualThere : m.residualHere, pb);
                    const int beyond = b + dir;
                    if (beyond >= 0 && beyond < n) {
                        const auto& next = movers[std::size_t(std::min(b, beyond))];
                        const int kb = nearestMover(next, dir < 0, pb.x, pb.y, reach);
                        if (kb >= 0)
                            residual = smallerResidual(
                                residual, residualAt(dir > 0 ? next[std::size_t(kb)].residualHere
                                                             : next[std::size_t(kb)].residualThere,
                                                     pb));
                    }
                    moverLandings.push_back({std::abs(b - t), side,
                                             sampleRgb(frames.source + plane * 3 * std::size_t(b),
                                                       width, height, p.x, p.y),
                                             residual < 0 || residual <= limit[std::size_t(b)]});
                    ++landed;
                }
            }
            if (moverLandings.empty() && !fillAll)
                continue;
            std::vector<Landing> cameraLandings;
            for (int side = 0; side < 2; ++side) {
                const int dir = side ? 1 : -1;
                int landed = 0;
                for (int d = 1; d <= maxDistance && landed < options.sourcesPerSide; ++d) {
                    const int s = t + dir * d;
                    if (s < 0 || s >= n)
                        break;
                    if (!toFrame[std::size_t(s)])
                        continue;
                    const cv::Point2f p = project(*toFrame[std::size_t(s)], here.x, here.y);
                    if (!landsOnPicture(s, p))
                        continue;
                    cameraLandings.push_back({d, side,
                                              sampleRgb(frames.source + plane * 3 * std::size_t(s),
                                                        width, height, p.x, p.y),
                                              movesAs(cameraResidual[std::size_t(s)],
                                                      limit[std::size_t(s)], toAnalysisPoint(p))});
                    ++landed;
                }
            }
            // Only a comparison decides: a story nothing can check is no
            // evidence (a logo never seen behind, a mover leaving the frame).
            if (cameraLandings.empty())
                continue;
            const Verdict background = judge(cameraLandings);
            const Verdict mover = judge(moverLandings);
            if (mover.cost < background.cost && mover.confirmed()) {
                decided[px] = Layer::Mover;
                for (int c = 0; c < 3; ++c)
                    out[plane * std::size_t(c) + px] = mover.colour[c];
                unknown[px] = 0;
                --(*frames.unknownCount)[std::size_t(t)];
            } else if (background.cost <= mover.cost && background.confirmed()) {
                decided[px] = Layer::Background;
                if (fillAll) {
                    for (int c = 0; c < 3; ++c)
                        out[plane * std::size_t(c) + px] = background.colour[c];
                    unknown[px] = 0;
                    --(*frames.unknownCount)[std::size_t(t)];
                }
            }
        }
    }
    return layers;
}

} // namespace retake::generation::detail
