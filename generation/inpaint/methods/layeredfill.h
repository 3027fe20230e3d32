#pragma once

// A layered fill for holes that an object moving on its own passes through
// (a car driving through a pan). Around each hole the flow that departs from
// the camera's homography is fitted, by RANSAC, with one similarity per
// rigid mover and pair of neighbouring frames. Each hole pixel then has two
// stories: it is background, carried by the camera's motion, or it is part
// of the mover, carried by the mover's own motion. Each is followed to the
// frames that show the position, and the true one is told apart by photo
// consistency: its sources agree in colour with one another and land on
// picture that itself moves as that layer does (the camera's story must
// land on background, the mover's on the mover). The chosen layer's sources
// give the colour. A label spread smoothly from the hole's border
// (motionsplit.h) draws the road over the car's edge; this decides pixel by
// pixel from what other frames show there.

#include "inpaint/methods/alignedfill.h"
#include "inpaint/methods/alignment.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace retake::generation::detail {

struct LayeredFillFrames : ChunkHoles {
    // At analysis resolution: the flow from each frame to the next
    // (CV_32FC2) and its forward-backward error (CV_32F), gray frames
    // (CV_8U, holes filled smoothly) and holes (CV_8U, non-zero inside).
    const std::vector<cv::Mat>* nextFlow = nullptr;
    const std::vector<cv::Mat>* nextError = nullptr;
    const std::vector<cv::Mat>* gray = nullptr;
    const std::vector<cv::Mat>* holes = nullptr;
};

struct LayeredFillOptions {
    // Frames each story is followed to on either side, at most.
    int sourcesPerSide = 4;
    // Flow further than this from the camera's motion (full-resolution px,
    // plus `share` of the motion) moves on its own (as motionsplit.h).
    float tolerance = 1.0f;
    float share = 0.1f;
    // Also fill the hole pixels whose background story is confirmed, and
    // those of frames without movers, instead of leaving them to the aligned
    // frames and the flow. Off by default: +3.3 dB on the street pan and +13
    // on the static diagnostic case, but -0.1 dB on Sintel (a character
    // that is no rigid object).
    bool everyPixel = false;
};

// Per frame, at full resolution, what the layered fill decided for each hole
// pixel.
enum class Layer : std::uint8_t { Undecided = 0, Background = 1, Mover = 2 };

// Fills the hole pixels it decides for and returns the decisions per frame
// (empty vectors for frames it had nothing to say about). `checkCancelled`
// runs between frames.
std::vector<std::vector<Layer>> fillLayers(const LayeredFillFrames& frames, FrameAligner& aligner,
                                           const LayeredFillOptions& options,
                                           const std::function<void()>& checkCancelled);

} // namespace retake::generation::detail
