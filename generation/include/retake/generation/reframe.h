#pragma once

// Virtual camera moves on existing pictures: a 2D reframe (crop-zoom, shift,
// roll) as a homography, a 2.5D reprojection by depth for a small camera
// move, and depth of field from a depth plane. Plain arrays in and out, no
// Qt, no torch in this header. Each call changes one frame of a FrameStack in
// place and writes the pixels the new view cannot take from the picture (out
// of the frame, or disoccluded) into a mask for the regeneration engines
// (inpaint.h) to fill.
//
// Pixel convention (the editor's, camera/lens.h): (0,0) is the top-left
// corner of the top-left pixel; pixel (i, j) is sampled at (i + 0.5, j + 0.5).

#include "retake/generation/frames.h"

#include <array>

namespace retake::generation {

// Maps an output pixel position (x, y, 1) to a source position (homogeneous).
using Homography = std::array<std::array<double, 3>, 3>;

// Frame t of `frames` ([T,C,H,W]) becomes source(H * p) for every output
// pixel centre p: bilinear, the edge repeated for the half pixel at the
// border. masks ([T,1,H,W], same size) frame t gets 1 exactly where H * p lies
// outside the source rectangle [0, W] x [0, H] (or behind the projection),
// 0 elsewhere; those pixels are set to 0. Returns the masked fraction of the
// frame, 0..1. Throws std::invalid_argument for mismatched shapes.
double warpFrame(FrameStack& frames, FrameStack& masks, int t, const Homography& outputToSource);

// A pinhole camera with radial distortion, the editor's convention (lens.h):
// normalised pinhole coordinates (x, y) (y up) are distorted to
// (x, y) * (1 + k1 r^2 + k2 r^4), r^2 = x^2 + y^2, and drawn at pixel
// (cx + fx * xd, cy - fy * yd).
struct RadialLens {
    double fx = 0, fy = 0, cx = 0, cy = 0;
    double k1 = 0, k2 = 0;
};
// In place; false where the lens cannot draw that direction: past the radius
// at which r (1 + k1 r^2 + k2 r^4) stops growing (the picture would fold).
bool distortNormalised(const RadialLens& lens, double& x, double& y);
// The inverse (Newton on the radius); false for a distorted radius the lens
// never reaches.
bool undistortNormalised(const RadialLens& lens, double& x, double& y);

// As warpFrame, for pictures drawn through lenses with distortion: each
// output pixel is undistorted through `output` into normalised pinhole
// coordinates, mapped by `outputToSource` (homogeneous, normalised -> the
// source's normalised coordinates, y up), distorted through `source` and
// sampled there. Straight lines stay as the lenses draw them. With k1 = k2 =
// 0 on both lenses this is warpFrame with the homography
// toPixels(source) * outputToSource * toNormalised(output). Throws
// std::invalid_argument for a focal length <= 0 or mismatched shapes.
double warpFrameThroughLens(FrameStack& frames, FrameStack& masks, int t, const RadialLens& output,
                            const Homography& outputToSource, const RadialLens& source);

// A camera, as BlockingView (blocking.h): looks down -Z, +Y up; world = R *
// camera + t with cameraToWorld = [R | t], row-major. A pinhole unless k1 or
// k2 is set: then its pictures are drawn through that radial distortion
// (RadialLens above), as the blocking renderer draws them.
struct PinholeCamera {
    int width = 0;
    int height = 0;
    double fx = 0, fy = 0, cx = 0, cy = 0;
    double k1 = 0, k2 = 0;
    std::array<std::array<double, 4>, 3> cameraToWorld{{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}};
};

// 2.5D parallax: frame t, seen by `from` with `depth` (width * height metres
// along from's axis; +inf, NaN or <= 0 = infinitely far, e.g. sky), as `to`
// sees it, each through its own lens distortion (undistorted to rays, moved,
// distorted again: one resampling). Every pixel is forward-projected into
// `to` with a z-buffer (the
// nearest surface wins), one-pixel cracks are closed with the farther
// neighbour, and each output pixel takes its colour back from the source by
// bilinear sampling of only those taps whose depth agrees with it (3% + 2 cm),
// so a foreground edge never smears over the background it uncovers. Pixels
// no source surface reaches (disoccluded or outside the source frame) get 0
// and mask 1. Returns the masked fraction.
double reprojectFrame(FrameStack& frames, FrameStack& masks, int t, const float* depth,
                      const PinholeCamera& from, const PinholeCamera& to);

// Thin-lens depth of field on frame t from its depth (metres, as above): a
// point at depth d blurs into a circle of dofScalePx * |1 - focusDistanceM / d|
// pixels across. The blocking renderer's own filter (blocking.h), so a
// blocking render and a shot with depth blur alike.
void depthOfFieldFromDepth(FrameStack& frames, int t, const float* depth, double focusDistanceM,
                           double dofScalePx);

} // namespace retake::generation
