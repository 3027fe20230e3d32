#pragma once

// Pictures between Retake's Image (interleaved, any sample type) and the
// planar float frames generation/ works on, in one place so that every
// engine sees channels and values the same way.

#include "media/media.h"
#include "retake/generation/blocking.h"
#include "retake/generation/frames.h"

namespace retake {

// Interleaved Image -> planar RGB [3,H,W]: integer samples scaled to [0,1];
// float samples as stored (an EXR's values above 1 stay, so untouched pixels
// come back exactly). Grey and grey+alpha images give grey in R, G and B;
// alpha is dropped.
void toPlanarRgb(const Image& image, float* out);
void toPlanarRgb(const Image& image, generation::FrameStack& stack, int t);

// Planar RGB -> an Image of `type`, tagged `colour`. Integer types clamp to
// [0,1] and round: k/255 in gives k out, so untouched pixels are bit-identical.
Image fromPlanarRgb(const float* in, int width, int height, SampleType type,
                    const ColourTags& colour);

// A mask file -> planar [H,W]: any non-zero sample marks the pixel (1), else 0.
void toPlanarMask(const Image& mask, float* out);

// A blocking render as an Image: Float32 linear RGB with the depth plane (for
// EXR), or UInt8 sRGB-encoded without depth (PNG and other 8-bit formats).
Image fromBlockingRender(const generation::BlockingImage& render, bool linearFloat);

} // namespace retake
