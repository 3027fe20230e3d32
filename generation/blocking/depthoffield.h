#pragma once

// Depth of field from a depth plane (internal, torch): shared by the blocking
// renderer and reframe's depthOfFieldFromDepth (retake/generation/reframe.h).

#include <torch/torch.h>

namespace retake::generation::detail {

// colour [C,H,W], depth [H,W] metres (inf = far). A pixel blurs over a radius of
// scale / 2 * |1 - focus / depth| px (at most 32): separable box filters at radii
// 0, 1, 2, 4, ..., 32, each pixel blending the two rungs around its radius (a
// gather approximation: a sharp foreground does not bleed over the background).
torch::Tensor depthOfField(const torch::Tensor& colour, const torch::Tensor& depth, double focus,
                           double scale);

} // namespace retake::generation::detail
