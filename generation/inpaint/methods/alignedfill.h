#pragma once

// Hole filling from other frames brought into place by their homography
// (alignment.h): for each hole pixel the nearest frames in time, from both
// sides, that show real picture there. A frame's contribution is refused
// where it disagrees with the picture around the hole (something moved
// between the frames) and otherwise shifted by a smooth correction that
// matches it to that picture (the membrane of seamless cloning), so exposure
// drift leaves no seam and no outline of the hole. Pixels that move on their
// own (motionsplit.h) are left to the flow.

#include "inpaint/methods/alignment.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace retake::generation::detail {

// A chunk's frames and what is still to fill in them, as the fills that
// work on a whole chunk (this one, layeredfill.h) share them.
struct ChunkHoles {
    int count = 0;
    int width = 0;
    int height = 0;
    const float* source = nullptr; // [count,3,H,W] the chunk as given
    // [count,H,W]; 1 = masked in the source: never read from.
    const std::uint8_t* masked = nullptr;
    float* out = nullptr; // [count,3,H,W] result; only unknown pixels are written
    // Per frame, 1 = still to fill; cleared where filled.
    std::vector<std::vector<std::uint8_t>>* unknown = nullptr;
    std::vector<int>* unknownCount = nullptr;
    float flowScale = 1.0f; // analysis px per full-resolution px
};

struct AlignedFillFrames : ChunkHoles {
    // Per frame at analysis resolution, 255 where a hole pixel moves on its
    // own (motionsplit.h): a homography would replace a car driving through
    // by the road. An empty map: nothing could be told, nothing is filled.
    const std::vector<cv::Mat>* moving = nullptr;
};

struct AlignedFillOptions {
    int maxSources = 0;  // frames tried per hole frame (0 = all)
    int seamBand = 6;    // px around the hole the correction is measured on
    bool correct = true; // apply the membrane correction
    // Mean luminance departure (0-1) around a candidate above which the
    // aligned frame is judged to show something else there.
    float maxMismatch = 0.04f;
};

// Returns how many pixels it filled. `checkCancelled` runs between frames.
int fillFromAlignedFrames(const AlignedFillFrames& frames, FrameAligner& aligner,
                          const AlignedFillOptions& options,
                          const std::function<void()>& checkCancelled);

} // namespace retake::generation::detail
