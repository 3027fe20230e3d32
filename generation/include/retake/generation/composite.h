#pragma once

// The one compositing rule every engine's output goes through.
//
// "Outside the mask" means outside the DILATED mask. With d the Euclidean
// distance (px) from a pixel to the nearest user-mask pixel of its frame:
//
//   d == 0 (user mask)             engine output            alpha = 1
//   0 < d <= dilate - feather      engine output            alpha = 1
//   dilate - feather < d <= dilate linear blend, alpha = (dilate + 1 - d) / (feather + 1)
//   d > dilate                     source, bit-exact         alpha = 0
//   locked frame, any pixel        source, bit-exact         alpha = 0
//
//   source     |        band          |   user mask
//   ...........:-----dilate px------->|################
//   alpha 0    :  1/4  2/4  3/4  1  1 |  1  1  1  1
//
// The band exists because a user mask rarely covers the object's soft edge
// (halo, motion blur, compression ringing); the feather hides the seam. With
// dilate = 0 every pixel outside the user mask is bit-exact.
//
// Temporal blend: in a run of frames whose masks are non-empty, the first and
// last `temporalBlend` frames that border a frame the run does not regenerate
// (unmasked or locked, not the clip's ends) have alpha scaled by k/(n+1) for
// the k-th frame from the border, so a regenerated range fades in instead of
// popping. Pixels where alpha is exactly 0 or 1 are copied, not computed, so
// alpha 0 is bit-exact with the source and alpha 1 with the engine.

#include "retake/generation/frames.h"

#include <vector>

namespace retake::generation {

struct MaskOptions {
    int dilate = 4;
    int feather = 3; // clamped to dilate
    int temporalBlend = 0;
};

// [T,1,H,W] alpha as described above (locked frames all 0). The region an
// engine must fill is alpha > 0.
FrameStack blendWeights(const FrameStack& masks, const std::vector<bool>& locked,
                        const MaskOptions& options);

// out = source where alpha == 0, engine where alpha == 1, else the blend.
// source and engine: [T,3,H,W]; alpha from blendWeights().
FrameStack composite(const FrameStack& source, const FrameStack& engine, const FrameStack& alpha);

} // namespace retake::generation
