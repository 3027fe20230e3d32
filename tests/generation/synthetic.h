#pragma once

// Ground truth the generation tests and benchmarks make themselves: textured
// scenes seen by a moving or static camera, occluders to remove, and the
// metrics to score a fill against the truth. Plain C++, deterministic.

#include "retake/generation/frames.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace retake::testing {

using generation::FrameStack;

// An RGB image larger than the frames, sampled with bilinear interpolation.
struct Texture {
    int width = 0;
    int height = 0;
    std::vector<float> rgb; // interleaved
    void sample(float x, float y, float out[3]) const;
};

// Multi-octave value noise plus sharp-edged discs and bars: enough structure
// for flow to lock on and for patches to be distinguishable.
Texture makeTexture(int width, int height, std::uint32_t seed);

// Frame t shows the texture's window at (x0 + dx*t, y0 + dy*t).
FrameStack movingCamera(const Texture& texture, int count, int height, int width, float dx,
                        float dy, float x0 = 8, float y0 = 8);

// Moving sinusoid layers with different velocities (water-like, no single flow).
FrameStack dynamicTexture(int count, int height, int width, std::uint32_t seed);

struct Box {
    int x, y, w, h;
};
using BoxAt = std::function<Box(int frame)>;

// [T,1,H,W] with 1 inside the box of each frame.
FrameStack boxMasks(int count, int height, int width, const BoxAt& box);
// Paints a colourful, textured occluder (a logo or an object) inside each box.
FrameStack withOccluder(const FrameStack& clean, const BoxAt& box);

// Quality inside the mask (mask > 0.5), on RGB.
double psnrInMask(const FrameStack& result, const FrameStack& truth, const FrameStack& masks);
// Mean SSIM (luma, 7x7 windows) over windows centred on masked pixels.
double ssimInMask(const FrameStack& result, const FrameStack& truth, const FrameStack& masks);
// True when every pixel where alpha == 0 has exactly the source's bits.
bool bitExactOutside(const FrameStack& result, const FrameStack& source, const FrameStack& alpha);

} // namespace retake::testing
