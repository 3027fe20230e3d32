#pragma once

// Per-frame pieces of the compositing rule in composite.h, shared by the
// public whole-stack functions and the chunked driver.

#include "retake/generation/composite.h"

#include <cstddef>
#include <vector>

namespace retake::generation::detail {

bool anyMasked(const float* mask, std::size_t count);

// Which frames the run regenerates: unlocked, with at least one mask pixel.
std::vector<bool> activeFrames(const FrameStack& masks, const std::vector<bool>& locked);

// Temporal fade factor per frame (1 = full engine output), see composite.h.
std::vector<float> temporalScales(const std::vector<bool>& active, int blendFrames);

// alpha for one frame; scale 0 (inactive/locked frame) gives all zeros.
void frameAlpha(const float* mask, int height, int width, const MaskOptions& options, float scale,
                float* alpha);

void compositeFrame(const float* source, const float* engine, const float* alpha, std::size_t plane,
                    float* out);

} // namespace retake::generation::detail
