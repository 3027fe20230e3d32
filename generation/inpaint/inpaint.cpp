#include "retake/generation/inpaint.h"

#include "inpaint/engine.h"
#include "inpaint/methods/mask_ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace retake::generation {
namespace detail {

namespace {

std::string shape(const FrameStack& s) {
    return "[" + std::to_string(s.count) + "," + std::to_string(s.channels) + "," +
           std::to_string(s.height) + "," + std::to_string(s.width) + "]";
}

void validateShapes(const InpaintRequest& r) {
    const FrameStack& f = r.frames;
    if (f.count <= 0 || f.height <= 0 || f.width <= 0)
        throwBadInput("no frames given");
    if (f.channels != 3)
        throwBadInput("frames must have 3 channels (RGB), got " + shape(f));
    if (f.data.size() != std::size_t(f.count) * f.frameSize())
        throwBadInput("frames hold " + std::to_string(f.data.size()) + " floats, " + shape(f) +
                      " needs " + std::to_string(std::size_t(f.count) * f.frameSize()));
    const FrameStack& m = r.masks;
    if (m.count != f.count)
        throwBadInput("there are " + std::to_string(m.count) + " masks for " +
                      std::to_string(f.count) + " frames; give one mask per frame");
    if (m.channels != 1 || m.height != f.height || m.width != f.width)
        throwBadInput("masks are " + shape(m) + " but frames are " + shape(f) +
                      "; masks must be [T,1,H,W] with the frames' height and width");
    if (m.data.size() != std::size_t(m.count) * m.frameSize())
        throwBadInput("mask data size does not match " + shape(m));
    if (!r.locked.empty() && int(r.locked.size()) != f.count)
        throwBadInput("there are " + std::to_string(r.locked.size()) + " locked flags for " +
                      std::to_string(f.count) + " frames");
    const FrameStack& p = r.reference;
    if (!p.empty()) {
        if ((p.count != 1 && p.count != f.count) || p.channels != 3 || p.height != f.height ||
            p.width != f.width)
            throwBadInput("reference frames are " + shape(p) + "; expected [1,3," +
                          std::to_string(f.height) + "," + std::to_string(f.width) + "] or " + "[" +
                          std::to_string(f.count) + ",3," + std::to_string(f.height) + "," +
                          std::to_string(f.width) + "]");
        if (p.data.size() != std::size_t(p.count) * p.frameSize())
            throwBadInput("reference data size does not match " + shape(p));
    }
}

std::unique_ptr<Engine> makeEngine(const std::string& requested, const Params& params,
                                   const std::string& device) {
    const std::string name = canonicalEngineName(requested);
    if (name == "propagate")
        return makePropagateEngine(params);
    if (name == "interpolate")
        return makeInterpolateEngine(params);
    if (name == "model")
        return makeModelEngine(params, device);
    if (name == "shot-trained")
        return makeShotTrainedEngine(params, device);
    throwBadInput("unknown engine '" + requested + "'");
}

struct Span {
    int begin = 0;
    int end = 0; // exclusive
};

// Fixed chunks overlapping by `overlap` frames; chunks without any active
// frame are dropped (their frames stay the source).
std::vector<Span> fixedChunks(const std::vector<bool>& active, int size, int overlap) {
    const int count = int(active.size());
    size = std::max(1, size);
    overlap = std::clamp(overlap, 0, size - 1);
    std::vector<Span> spans;
    for (int begin = 0;; begin += size - overlap) {
        const int end = std::min(count, begin + size);
        if (std::any_of(active.begin() + begin, active.begin() + end, [](bool a) { return a; }))
            spans.push_back({begin, end});
        if (end == count)
            break;
    }
    return spans;
}

// One span per run of active frames plus the frame on either side.
std::vector<Span> gapChunks(const std::vector<bool>& active) {
    const int count = int(active.size());
    std::vector<Span> spans;
    for (int t = 0; t < count;) {
        if (!active[std::size_t(t)]) {
            ++t;
            continue;
        }
        int end = t;
        while (end < count && active[std::size_t(end)])
            ++end;
        spans.push_back({std::max(0, t - 1), std::min(count, end + 1)});
        t = end;
    }
    return spans;
}

// Reads the request's frames and masks, writes into `result`, which may be
// request.frames itself (the rvalue overload): the driver reads frame t
// before it writes it and never reads it again.
class MemoryStream : public FrameStream {
public:
    MemoryStream(const InpaintRequest& request, FrameStack& result)
        : request_(request)
        , result_(result) {}
    int count() const override { return request_.frames.count; }
    int height() const override { return request_.frames.height; }
    int width() const override { return request_.frames.width; }
    void readMask(int t, float* mask) override {
        const float* m = request_.masks.frame(t);
        std::copy(m, m + request_.masks.planeSize(), mask);
    }
    void readFrame(int t, float* rgb, float* mask) override {
        const float* f = request_.frames.frame(t);
        std::copy(f, f + request_.frames.frameSize(), rgb);
        readMask(t, mask);
    }
    void writeFrame(int t, const float* rgb) override {
        if (rgb != result_.frame(t))
            std::copy(rgb, rgb + result_.frameSize(), result_.frame(t));
    }

private:
    const InpaintRequest& request_;
    FrameStack& result_;
};

void validateStream(const StreamedInpaintRequest& r) {
    if (!r.stream)
        throwBadInput("no frame stream given");
    const FrameStream& s = *r.stream;
    if (s.count() <= 0 || s.height() <= 0 || s.width() <= 0)
        throwBadInput("no frames given");
    if (!r.locked.empty() && int(r.locked.size()) != s.count())
        throwBadInput("there are " + std::to_string(r.locked.size()) + " locked flags for " +
                      std::to_string(s.count()) + " frames");
    const FrameStack& p = r.reference;
    if (!p.empty()) {
        if ((p.count != 1 && p.count != s.count()) || p.channels != 3 || p.height != s.height() ||
            p.width != s.width())
            throwBadInput("reference frames are " + shape(p) + "; expected [1,3," +
                          std::to_string(s.height()) + "," + std::to_string(s.width()) + "] or [" +
                          std::to_string(s.count()) + ",3," + std::to_string(s.height()) + "," +
                          std::to_string(s.width()) + "]");
        if (p.data.size() != std::size_t(p.count) * p.frameSize())
            throwBadInput("reference data size does not match " + shape(p));
    }
}

// The frames of the current chunk, read from the stream once each: frames
// shared with the previous chunk move to the front instead of being read again.
class ChunkWindow {
public:
    // writes = false: a compute stage of a split run, which reads only its
    // chunks' frames and writes nothing.
    ChunkWindow(FrameStream& stream, const RunContext& context, bool writes)
        : stream_(stream)
        , context_(context)
        , plane_(std::size_t(stream.height()) * stream.width())
        , writes_(writes) {}

    // Makes the window hold frames [span.begin, span.end); frames before
    // span.begin that no chunk covers are passed through unchanged.
    void moveTo(Span span) {
        const int keepBegin = std::max(span.begin, begin_);
        const int kept = std::max(0, end_ - keepBegin);
        if (kept > 0) {
            std::memmove(frames_.data(), frames_.data() + frameFloats() * (keepBegin - begin_),
                         sizeof(float) * frameFloats() * std::size_t(kept));
            std::memmove(masks_.data(), masks_.data() + plane_ * (keepBegin - begin_),
                         sizeof(float) * plane_ * std::size_t(kept));
        }
        passThroughUntil(span.begin);
        const int n = span.end - span.begin;
        frames_.resize(frameFloats() * std::size_t(n));
        masks_.resize(plane_ * std::size_t(n));
        for (int t = span.begin + kept; t < span.end; ++t) {
            context_.checkCancelled();
            const std::size_t i = std::size_t(t - span.begin);
            stream_.readFrame(t, frames_.data() + frameFloats() * i, masks_.data() + plane_ * i);
        }
        begin_ = span.begin;
        end_ = span.end;
        nextRead_ = std::max(nextRead_, span.end);
    }
    // Frames [nextRead, end) go out as read (no chunk changes them).
    void passThroughUntil(int end) {
        if (!writes_) {
            nextRead_ = std::max(nextRead_, end);
            return;
        }
        std::vector<float> rgb(frameFloats()), mask(plane_);
        for (; nextRead_ < end; ++nextRead_) {
            context_.checkCancelled();
            stream_.readFrame(nextRead_, rgb.data(), mask.data());
            write(nextRead_, rgb.data());
        }
    }
    void write(int t, const float* rgb) { stream_.writeFrame(t, rgb); }
    const float* frame(int t) const { return frames_.data() + frameFloats() * (t - begin_); }
    const float* mask(int t) const { return masks_.data() + plane_ * (t - begin_); }
    std::size_t frameFloats() const { return plane_ * 3; }

private:
    FrameStream& stream_;
    const RunContext& context_;
    std::size_t plane_;
    std::vector<float> frames_; // [end_-begin_,3,H,W]
    std::vector<float> masks_;  // [end_-begin_,H,W]
    bool writes_;
    int begin_ = 0;
    int end_ = 0;
    int nextRead_ = 0;
};

// Frames per chunk: chunk_frames, lowered so the chunk's full-resolution
// buffers fit chunk_memory_mb. Per frame the driver holds the source (RGB
// float), its mask, the engine's output, the composite alpha and the fill
// flags: 45 bytes a pixel (373 MB a 4K frame). The engines' own state is at
// flow resolution or per pixel to fill, small beside this.
int chunkFramesFor(const Params& params, std::size_t plane) {
    const int asked = std::max(1, params.integer("chunk_frames"));
    const double budget = params.number("chunk_memory_mb") * 1024.0 * 1024.0;
    if (budget <= 0)
        return asked;
    const double perFrame = 45.0 * double(plane);
    return std::clamp(int(budget / perFrame), 2, asked);
}

// Share of the progress bar the mask pass takes (it reads no pictures).
constexpr double maskPassShare = 0.02;

bool run(const std::string& engineName, const StreamedInpaintRequest& request) {
    validateStream(request);
    FrameStream& stream = *request.stream;
    const Params params(engineName, request.params);
    RunContext context(request.progress, request.cancel);
    context.checkCancelled();

    const int count = stream.count();
    const int height = stream.height();
    const int width = stream.width();
    const std::size_t plane = std::size_t(height) * width;
    const std::size_t frameFloats = plane * 3;
    const std::vector<bool>& locked = request.locked;
    const auto isLocked = [&](int t) { return !locked.empty() && locked[std::size_t(t)]; };
    if (!locked.empty() && std::all_of(locked.begin(), locked.end(), [](bool l) { return l; }))
        throwBadInput("every frame is locked, so nothing may be regenerated; unlock the frames "
                      "to change");

    // Mask pass: which frames the run regenerates, before any picture is read.
    std::vector<bool> active(std::size_t(count), false);
    bool everythingMasked = true;
    {
        std::vector<float> mask(plane);
        context.setSpan(0.0, maskPassShare);
        for (int t = 0; t < count; ++t) {
            context.report(double(t) / count, "masks");
            stream.readMask(t, mask.data());
            active[std::size_t(t)] = !isLocked(t) && anyMasked(mask.data(), plane);
            everythingMasked = everythingMasked && std::all_of(mask.begin(), mask.end(),
                                                               [](float v) { return v > 0.5f; });
        }
    }
    ChunkSplit* split = request.split;
    using Stage = ChunkSplit::Stage;
    const bool computing = split && split->stage == Stage::Compute;
    ChunkWindow window(stream, context, !computing);
    if (std::none_of(active.begin(), active.end(), [](bool a) { return a; })) {
        if (!request.passThroughWhenNothingToDo || split)
            throw InpaintError(InpaintErrorKind::NothingToDo,
                               "the mask is empty on every unlocked frame: nothing to regenerate");
        context.setSpan(maskPassShare, 1.0);
        window.passThroughUntil(count);
        return false;
    }
    auto engine = makeEngine(engineName, params, request.device);
    const bool anyLocked = std::any_of(locked.begin(), locked.end(), [](bool l) { return l; });
    if (engine->needsKnownPixels() && request.reference.empty() && !anyLocked && everythingMasked)
        throw InpaintError(InpaintErrorKind::Unfillable,
                           "the mask covers every pixel of every frame and there is no reference "
                           "frame or locked frame: the " +
                               engineName +
                               " engine rebuilds masked pixels from pixels seen elsewhere in the "
                               "shot, so there is nothing to copy from. Give a clean plate, lock "
                               "a frame, shrink the mask, or use a model engine");

    MaskOptions options;
    options.dilate = params.integer("dilate");
    options.feather = params.integer("feather");
    options.temporalBlend = params.integer("temporal_blend");
    const std::vector<float> scales = temporalScales(active, options.temporalBlend);

    const int chunkFrames = chunkFramesFor(params, plane);
    const std::vector<Span> spans =
        engine->chunkPerGap()
            ? gapChunks(active)
            : fixedChunks(active, chunkFrames,
                          // A chunk shortened for memory keeps most of its frames new.
                          chunkFrames < params.integer("chunk_frames")
                              ? std::min(params.integer("chunk_overlap"), chunkFrames / 4)
                              : params.integer("chunk_overlap"));

    if (split && split->stage == Stage::Plan) {
        split->chunks.clear();
        for (const Span& span : spans)
            split->chunks.emplace_back(span.begin, span.end);
        split->chunksIndependent = !engine->carriesStateAcrossChunks();
        return true;
    }
    std::size_t firstChunk = 0;
    std::size_t endChunk = spans.size();
    if (computing) {
        if (split->first < 0 || split->first > split->end || std::size_t(split->end) > spans.size())
            throwBadInput("chunks " + std::to_string(split->first) + "-" +
                          std::to_string(split->end) + " asked of a run of " +
                          std::to_string(spans.size()) + " chunks");
        firstChunk = std::size_t(split->first);
        endChunk = std::size_t(split->end);
    }

    // Engine output of the previous chunk for the frames it shares with the
    // next one, cross-faded so a chunk boundary does not show as a jump.
    std::vector<float> carried;
    Span carriedSpan;
    std::vector<float> composited(frameFloats);
    for (std::size_t k = firstChunk; k < endChunk; ++k) {
        const Span span = spans[k];
        const int n = span.end - span.begin;
        const double share = (1.0 - maskPassShare) / double(endChunk - firstChunk);
        context.setSpan(maskPassShare + share * double(k - firstChunk),
                        maskPassShare + share * double(k + 1 - firstChunk));
        context.report(0.0, "reading frames");
        window.moveTo(span);

        Chunk chunk;
        chunk.first = span.begin;
        chunk.count = n;
        chunk.height = height;
        chunk.width = width;
        chunk.frames = window.frame(span.begin);
        chunk.fill.assign(plane * std::size_t(n), 0);
        chunk.active.assign(std::size_t(n), false);
        chunk.locked.assign(std::size_t(n), false);
        chunk.reference = &request.reference;
        chunk.seed = request.seed + std::uint64_t(span.begin);
        chunk.prompt = request.prompt;
        chunk.device = request.device;
        std::vector<float> chunkAlpha(plane * std::size_t(n));
        for (int i = 0; i < n; ++i) {
            context.checkCancelled();
            const int t = span.begin + i;
            chunk.locked[std::size_t(i)] = isLocked(t);
            chunk.active[std::size_t(i)] = active[std::size_t(t)];
            float* a = chunkAlpha.data() + plane * std::size_t(i);
            // Masked pixels are unknown to the engine on locked frames too:
            // what the user masked (a logo, a boom) is often still in the
            // approved frames and must not be copied back from them. Locked
            // frames still come out unchanged: only active frames composite.
            frameAlpha(window.mask(t), height, width, options, 1.0f, a);
            std::uint8_t* fill = chunk.fill.data() + plane * std::size_t(i);
            for (std::size_t p = 0; p < plane; ++p)
                fill[p] = a[p] > 0.0f;
            if (!active[std::size_t(t)])
                std::fill(a, a + plane, 0.0f);
            // Temporal fade applies to what is composited, not to what the
            // engine fills.
            for (std::size_t p = 0; p < plane; ++p)
                a[p] *= scales[std::size_t(t)];
        }

        std::vector<float> out(window.frame(span.begin),
                               window.frame(span.begin) + frameFloats * n);
        if (split && split->stage == Stage::Assemble) {
            for (int t = span.begin; t < span.end; ++t)
                split->chunkInput(int(k), t,
                                  out.data() + frameFloats * std::size_t(t - span.begin));
        } else {
            engine->run(chunk, context, out.data());
        }
        if (computing) {
            for (int t = span.begin; t < span.end; ++t)
                split->chunkOutput(int(k), t,
                                   out.data() + frameFloats * std::size_t(t - span.begin));
            continue;
        }
        context.report(1.0, "compositing");

        // Cross-fade with the previous chunk over the frames both computed.
        for (int t = std::max(span.begin, carriedSpan.begin); t < carriedSpan.end; ++t) {
            const float w = float(t - span.begin + 1) / float(carriedSpan.end - span.begin + 1);
            float* mine = out.data() + frameFloats * std::size_t(t - span.begin);
            const float* theirs = carried.data() + frameFloats * std::size_t(t - carriedSpan.begin);
            for (std::size_t i = 0; i < frameFloats; ++i)
                mine[i] = theirs[i] + w * (mine[i] - theirs[i]);
        }
        // Frames the next chunk also covers are composited after the cross-fade.
        const int keepFrom =
            k + 1 < spans.size() ? std::clamp(spans[k + 1].begin, span.begin, span.end) : span.end;
        for (int t = span.begin; t < keepFrom; ++t) {
            compositeFrame(window.frame(t), out.data() + frameFloats * std::size_t(t - span.begin),
                           chunkAlpha.data() + plane * std::size_t(t - span.begin), plane,
                           composited.data());
            window.write(t, composited.data());
        }
        carriedSpan = {keepFrom, span.end};
        carried.assign(out.begin() + std::ptrdiff_t(frameFloats) * (keepFrom - span.begin),
                       out.end());
    }
    window.passThroughUntil(count);
    context.setSpan(0.0, 1.0);
    context.report(1.0, "done");
    if (!split || computing)
        engine->finish();
    return true;
}

void runInMemory(const std::string& engineName, const InpaintRequest& request, FrameStack& result) {
    validateShapes(request);
    MemoryStream stream(request, result);
    StreamedInpaintRequest streamed;
    static_cast<InpaintSettings&>(streamed) = request;
    streamed.stream = &stream;
    run(engineName, streamed);
}

} // namespace
} // namespace detail

FrameStack inpaint(const std::string& engine, const InpaintRequest& request) {
    FrameStack result(request.frames.count, request.frames.channels, request.frames.height,
                      request.frames.width);
    detail::runInMemory(engine, request, result);
    return result;
}

FrameStack inpaint(const std::string& engine, InpaintRequest&& request) {
    detail::runInMemory(engine, request, request.frames);
    return std::move(request.frames);
}

bool inpaint(const std::string& engine, const StreamedInpaintRequest& request) {
    return detail::run(engine, request);
}

} // namespace retake::generation
