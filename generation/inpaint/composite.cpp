#include "retake/generation/composite.h"

#include "inpaint/methods/mask_ops.h"
#include "retake/generation/inpaint.h"

#include <algorithm>
#include <cstring>
#include <opencv2/imgproc.hpp>

namespace retake::generation {
namespace detail {

bool anyMasked(const float* mask, std::size_t count) {
    return std::any_of(mask, mask + count, [](float v) { return v > 0.5f; });
}

std::vector<bool> activeFrames(const FrameStack& masks, const std::vector<bool>& locked) {
    std::vector<bool> active(std::size_t(masks.count), false);
    for (int t = 0; t < masks.count; ++t) {
        const bool isLocked = !locked.empty() && locked[std::size_t(t)];
        active[std::size_t(t)] = !isLocked && anyMasked(masks.frame(t), masks.frameSize());
    }
    return active;
}

std::vector<float> temporalScales(const std::vector<bool>& active, int blendFrames) {
    const int count = int(active.size());
    std::vector<float> scale(active.size(), 0.0f);
    for (int t = 0; t < count; ++t) {
        if (!active[std::size_t(t)])
            continue;
        scale[std::size_t(t)] = 1.0f;
        if (blendFrames <= 0)
            continue;
        // Distance to a regenerated range's border that touches an unregenerated
        // frame; the clip's own ends are not borders (nothing there to pop against).
        int before = 1;
        while (t - before >= 0 && active[std::size_t(t - before)])
            ++before;
        const bool borderBefore = t - before >= 0;
        int after = 1;
        while (t + after < count && active[std::size_t(t + after)])
            ++after;
        const bool borderAfter = t + after < count;
        int distance = blendFrames + 1;
        if (borderBefore)
            distance = std::min(distance, before);
        if (borderAfter)
            distance = std::min(distance, after);
        if (distance <= blendFrames)
            scale[std::size_t(t)] = float(distance) / float(blendFrames + 1);
    }
    return scale;
}

void frameAlpha(const float* mask, int height, int width, const MaskOptions& options, float scale,
                float* alpha) {
    const std::size_t plane = std::size_t(height) * width;
    if (scale <= 0.0f) {
        std::fill(alpha, alpha + plane, 0.0f);
        return;
    }
    const int dilate = std::max(0, options.dilate);
    const int feather = std::clamp(options.feather, 0, dilate);
    // distanceTransform measures the distance to the nearest zero pixel, so
    // the user mask is the zero set.
    cv::Mat outside(height, width, CV_8U);
    for (std::size_t i = 0; i < plane; ++i)
        outside.data[i] = mask[i] > 0.5f ? 0 : 255;
    cv::Mat distance;
    if (dilate > 0)
        cv::distanceTransform(outside, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE, CV_32F);
    for (std::size_t i = 0; i < plane; ++i) {
        float a = 0.0f;
        if (outside.data[i] == 0) {
            a = 1.0f;
        } else if (dilate > 0) {
            const float d = reinterpret_cast<const float*>(distance.data)[i];
            if (d <= float(dilate))
                a = std::min(1.0f, (float(dilate) + 1.0f - d) / (float(feather) + 1.0f));
        }
        alpha[i] = a * scale;
    }
}

void compositeFrame(const float* source, const float* engine, const float* alpha, std::size_t plane,
                    float* out) {
    for (int c = 0; c < 3; ++c) {
        const float* s = source + plane * c;
        const float* e = engine + plane * c;
        float* o = out + plane * c;
        for (std::size_t i = 0; i < plane; ++i) {
            const float a = alpha[i];
            // Copies at 0 and 1 rather than lerping: a lerp with a == 0 is
            // not bit-exact when the engine returned NaN or infinity.
            if (a <= 0.0f)
                o[i] = s[i];
            else if (a >= 1.0f)
                o[i] = e[i];
            else
                o[i] = s[i] + a * (e[i] - s[i]);
        }
    }
}

} // namespace detail

FrameStack blendWeights(const FrameStack& masks, const std::vector<bool>& locked,
                        const MaskOptions& options) {
    if (masks.channels != 1)
        throw InpaintError(InpaintErrorKind::BadInput, "masks must have one channel");
    if (!locked.empty() && int(locked.size()) != masks.count)
        throw InpaintError(InpaintErrorKind::BadInput, "one locked flag per mask frame expected");
    FrameStack alpha(masks.count, 1, masks.height, masks.width);
    const auto scales =
        detail::temporalScales(detail::activeFrames(masks, locked), options.temporalBlend);
    for (int t = 0; t < masks.count; ++t)
        detail::frameAlpha(masks.frame(t), masks.height, masks.width, options,
                           scales[std::size_t(t)], alpha.frame(t));
    return alpha;
}

FrameStack composite(const FrameStack& source, const FrameStack& engine, const FrameStack& alpha) {
    if (!source.sameShape(engine) || source.channels != 3 || alpha.channels != 1 ||
        alpha.count != source.count || alpha.height != source.height || alpha.width != source.width)
        throw InpaintError(InpaintErrorKind::BadInput,
                           "composite: source and engine must be [T,3,H,W] and alpha [T,1,H,W]");
    FrameStack out(source.count, 3, source.height, source.width);
    for (int t = 0; t < source.count; ++t)
        detail::compositeFrame(source.frame(t), engine.frame(t), alpha.frame(t), source.planeSize(),
                               out.frame(t));
    return out;
}

} // namespace retake::generation
