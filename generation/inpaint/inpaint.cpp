#include "retake/generation/inpaint.h"

#include "inpaint/engine.h"
#include "inpaint/mask_ops.h"

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

std::unique_ptr<Engine> makeEngine(const std::string& name, const Params& params,
                                   const std::string& device) {
    if (name == "propagate")
        return makePropagateEngine(params);
    if (name == "interpolate")
        return makeInterpolateEngine(params);
    if (name == "model")
        return makeModelEngine(params, device);
    if (name == "internal")
        return makeInternalEngine(params, device);
    throwBadInput("unknown engine '" + name + "'");
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

// `result` may be request.frames itself (the rvalue overload): chunk k only
// composites frames before chunk k+1's first frame, and no later chunk reads
// those, so the source a chunk reads is never one already overwritten.
void run(const std::string& engineName, const InpaintRequest& request, FrameStack& result) {
    validateShapes(request);
    const Params params(engineName, request.params);
    RunContext context(request.progress, request.cancel);
    context.checkCancelled();

    const FrameStack& frames = request.frames;
    const std::size_t plane = frames.planeSize();
    if (!request.locked.empty() &&
        std::all_of(request.locked.begin(), request.locked.end(), [](bool l) { return l; }))
        throwBadInput("every frame is locked, so nothing may be regenerated; unlock the frames "
                      "to change");
    const std::vector<bool> active = activeFrames(request.masks, request.locked);
    if (std::none_of(active.begin(), active.end(), [](bool a) { return a; }))
        throw InpaintError(InpaintErrorKind::NothingToDo,
                           "the mask is empty on every unlocked frame: nothing to regenerate");

    auto engine = makeEngine(engineName, params, request.device);

    const bool anyLocked =
        std::any_of(request.locked.begin(), request.locked.end(), [](bool l) { return l; });
    if (engine->needsKnownPixels() && request.reference.empty() && !anyLocked &&
        std::all_of(request.masks.data.begin(), request.masks.data.end(),
                    [](float v) { return v > 0.5f; }))
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

    const std::vector<Span> spans =
        engine->chunkPerGap()
            ? gapChunks(active)
            : fixedChunks(active, params.integer("chunk_frames"), params.integer("chunk_overlap"));

    // Engine output of the previous chunk for the frames it shares with the
    // next one, cross-faded so a chunk boundary does not show as a jump.
    std::vector<float> carried;
    Span carriedSpan;
    std::vector<float> alpha(plane);
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const Span span = spans[k];
        const int n = span.end - span.begin;
        context.setSpan(double(k) / double(spans.size()), double(k + 1) / double(spans.size()));
        context.report(0.0, "masks");

        Chunk chunk;
        chunk.first = span.begin;
        chunk.count = n;
        chunk.height = frames.height;
        chunk.width = frames.width;
        chunk.frames = frames.frame(span.begin);
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
            chunk.locked[std::size_t(i)] =
                !request.locked.empty() && request.locked[std::size_t(t)];
            chunk.active[std::size_t(i)] = active[std::size_t(t)];
            float* a = chunkAlpha.data() + plane * std::size_t(i);
            // Masked pixels are unknown to the engine on locked frames too:
            // what the user masked (a logo, a boom) is often still in the
            // approved frames and must not be copied back from them. Locked
            // frames still come out unchanged: only active frames composite.
            frameAlpha(request.masks.frame(t), frames.height, frames.width, options, 1.0f, a);
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

        std::vector<float> out(frames.frame(span.begin), frames.frame(span.end));
        engine->run(chunk, context, out.data());
        context.report(1.0, "compositing");

        const std::size_t frameFloats = plane * 3;
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
        for (int t = span.begin; t < keepFrom; ++t)
            compositeFrame(frames.frame(t), out.data() + frameFloats * std::size_t(t - span.begin),
                           chunkAlpha.data() + plane * std::size_t(t - span.begin), plane,
                           result.frame(t));
        carriedSpan = {keepFrom, span.end};
        carried.assign(out.begin() + std::ptrdiff_t(frameFloats) * (keepFrom - span.begin),
                       out.end());
    }
    context.setSpan(0.0, 1.0);
    context.report(1.0, "done");
    engine->finish();
}

} // namespace
} // namespace detail

FrameStack inpaint(const std::string& engine, const InpaintRequest& request) {
    FrameStack result = request.frames;
    detail::run(engine, request, result);
    return result;
}

FrameStack inpaint(const std::string& engine, InpaintRequest&& request) {
    detail::run(engine, request, request.frames);
    return std::move(request.frames);
}

} // namespace retake::generation
