#pragma once

// A clean plate pinned to a moving surface: the plate shows the surface as
// it is on one frame; a mask shape tracked on that surface (a planar track,
// tracking/shapetracking.h) says where the surface is on every other frame,
// so the plate is warped onto each frame by the homography between the
// shape's outline there and on the plate's frame. The engines then get a
// plate per frame that lines up with the picture, instead of one plate
// they must register by optical flow across a change of perspective.

#include "media/media.h"
#include "model/paintedmask.h"
#include "retake/generation/frames.h"

#include <array>
#include <optional>

namespace retake {

using PlaneHomography = std::array<std::array<double, 3>, 3>;

// The homography taking `from` onto `to` (corresponding points, 4 or more,
// least squares beyond 4); nullopt when the points are degenerate (three on
// a line, fewer than 4).
std::optional<PlaneHomography> fitHomography(const MaskGeometry& from, const MaskGeometry& to);

// Frame slot t of `plates` ([T,3,H,W]) becomes `plate` seen through `plateToFrame`
// (bilinear; beyond the plate's edge its nearest edge pixel).
void warpPlate(const Image& plate, const PlaneHomography& plateToFrame,
               generation::FrameStack& plates, int t);

} // namespace retake
