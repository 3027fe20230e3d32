#pragma once

// A virtual camera move on a shot's existing pictures, as a new take
// (non-destructive; the caller records it with Document::addTake, one undo
// step). Three kinds, by what the request asks:
//
//   2D reframe   zoom (crop-zoom: focal length x zoom), pan/tilt/roll as a
//                turn about the lens's centre (exact without depth: the
//                centre moves by f * tan(angle) on the filmback, pixels via
//                the shot's lens, fx = focal / frame-window width * image
//                width, lens.h; the edges keystone), and optional handheld motion
//                (motion.h, seeded): its rotation exactly, its position shake
//                as seen on a plane at the focus distance (no depth needed,
//                so parallax within the picture is not reproduced). One
//                homography per frame in normalised pinhole coordinates,
//                between undistorting the output through the new lens and
//                redistorting through the shot's (k1, k2 kept: straight
//                lines stay as the lens draws them).
//   2.5D move    any camera translation (`moveM`) with rotation and zoom,
//                reprojected by the shot's depth (an EXR Z channel, a blocking
//                render) through the shot's lens distortion:
//                generation/reframe.h's reprojectFrame.
//   DoF          depth of field from the shot's depth, focus distance (keyed
//                focus pulls too) and f-stop; the picture is not moved.
//
// Pixels the new view needs from outside the original frame, or that were
// hidden (disoccluded), become the mask the regeneration engine fills
// (outpainting). Locked frames stay bit-identical, as with regen. A frame
// whose new view sees none of the original picture is an error.

#include "camera/lens.h"
#include "regen/regenerate.h"
#include "retake/generation/reframe.h"

namespace retake {

struct ReframeRequest {
    Id shotId;
    FrameRange range;          // media frames
    double zoom = 1;           // focal-length factor (> 1 = longer lens, crop in)
    double focalLengthMm = 0;  // instead of zoom: the new focal length (0 = use zoom)
    double panDeg = 0;         // left positive (cameratypes.h)
    double tiltDeg = 0;        // up positive
    double rollDeg = 0;        // counter-clockwise seen from behind the camera
    Handheld handheld;         // added operator motion (inactive = none)
    Vec3 moveM;                // camera-local metres: right, up, forward (needs depth)
    bool depthOfField = false; // blur by depth with the camera's focus and f-stop
    QString engine = QStringLiteral("propagate");
    QMap<QString, QString> parameters; // engine parameters
    qint64 seed = 0;
    QString device = QStringLiteral("cpu");
};

// Normalised pinhole coordinates of the new view (y up) -> those of the
// original picture: the camera turned by roll (about the optical axis), tilt
// (about its right axis) and pan (about its up axis), as a pan-and-tilt head
// turns it (the pose convention of cameratypes.h for a level camera), then a
// camera translation `moveM` (camera-local metres: right, up, forward) as
// seen on a plane facing the camera `planeDistanceM` ahead:
//   x_old = x (1 - forward / D) + right / D,  y_old = y (1 - forward / D) + up / D.
// That is exact for the plane and the 2D approximation of a small move:
// without depth, nearer things should shift more and farther ones less.
// Throws Error(Usage) for a move without a plane distance > 0, or forward
// past the plane.
generation::Homography reframeNormalisedHomography(double panDeg, double tiltDeg, double rollDeg,
                                                   const Vec3& moveM = {},
                                                   double planeDistanceM = 0);

// Output pixel -> source pixel for a 2D reframe with the intrinsics `k` of
// the original picture. A pan of a = atan(n / fx) moves the picture's centre
// by n pixels (its edges by more): pan left moves it right, tilt up moves it
// down.
generation::Homography reframeHomography(const Intrinsics& k, double zoom, double panDeg,
                                         double tiltDeg, double rollDeg);

// The pose a 2.5D move sees from: `pose` turned by pan/tilt/roll and moved by
// `moveM` (right, up, forward in the camera's own axes).
CameraPose movedPose(const CameraPose& pose, const Vec3& moveM, double panDeg, double tiltDeg,
                     double rollDeg);

// Throws Error(Usage) for impossible requests (zoom <= 0, a move without
// depth, DoF combined with a move, an interpolate engine, a new view that
// sees nothing of a frame), Error(BadInput) when the depth cannot be read.
RegenResult reframe(const Project& project, const QString& cacheDir, const ReframeRequest& request,
                    Progress& progress);

} // namespace retake
