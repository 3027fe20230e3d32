#pragma once

// Camera motion over time: keyed poses with easing, move presets that write
// ordinary keys, and seeded handheld noise. Pure functions of a Camera; edits
// are committed with Document::setCamera (one undo step). Frames are media
// frames (see cameratypes.h); time in seconds is frame / frame rate.

#include "camera/lens.h"
#include "core/rational.h"
#include "model/cameratypes.h"

#include <QVector>

namespace retake {

struct Camera;

// Maps 0..1 to 0..1: Linear, EaseIn (t^2), EaseOut, EaseInOut (smoothstep
// 3t^2 - 2t^3), Hold (0 until the next key).
double ease(Easing easing, double t);
QString toString(Easing easing); // "linear", "ease-in", "ease-out", "ease-in-out", "hold"
bool easingFromString(const QString& text, Easing* easing);

// The keyed pose at a (fractional) media frame, before handheld: the fixed
// pose without keys, the first/last key outside their range, else the two
// neighbouring keys blended by the earlier key's easing (angles in degrees,
// not wrapped, so 350 -> 10 turns 340 degrees the way the user keyed it).
// focalLengthMm and focusDistanceM are resolved: never 0 in the result.
CameraPose keyedPose(const Camera& camera, double frame);

struct HandheldOffset {
    double panDeg = 0, tiltDeg = 0, rollDeg = 0;
    Vec3 localM; // camera-local metres: +X right, +Y up, +Z backwards
};
HandheldOffset handheldAt(const Handheld& handheld, double seconds);

// Final pose: keyed pose plus handheld, at frame / frameRate seconds.
CameraPose evaluatePose(const Camera& camera, double frame, Rational frameRate);

struct HandheldPreset {
    const char* name;
    Handheld handheld; // seed 1; the caller sets its own
};
// off, tripod-bump, subtle, handheld, heavy, walking, running
const QVector<HandheldPreset>& handheldPresets();
const HandheldPreset* findHandheldPreset(const QString& name);

// Adds `key`, replacing a key at the same frame; keeps the keys sorted.
void setKey(CameraMotion& motion, const CameraKey& key);
bool removeKey(CameraMotion& motion, FrameNumber frame);

enum class MoveKind {
    Pan,
    Tilt,
    DollyIn,
    DollyOut,
    Truck,
    Pedestal,
    Crane,
    Zoom,
    DollyZoom,
    Orbit,
    FocusPull
};
// "pan", "tilt", "dolly-in", ..., "dolly-zoom", "orbit", "focus-pull"
QString toString(MoveKind kind);
bool moveKindFromString(const QString& text, MoveKind* kind);

// amount by kind:
//   pan, tilt      degrees (left, up positive)
//   dolly-in/out   metres along the level view direction (both positive)
//   truck          metres to the camera's right (negative = left)
//   pedestal       metres up
//   crane          metres up while tilting to hold the point subjectDistance ahead
//   zoom           the end focal length in mm
//   dolly-zoom     the end focal length in mm; the camera moves so the subject
//                  subjectDistance ahead keeps its size (f / d constant)
//   orbit          degrees counter-clockwise (seen from above) around the point
//                  subjectDistance ahead, turning to keep it centred
//   focus-pull     the end focus distance in metres (a rack focus: the camera
//                  does not move; the depth of field follows per frame)
struct MoveParams {
    MoveKind kind = MoveKind::DollyIn;
    FrameNumber start = 0; // media frame
    FrameNumber frames = 48;
    double amount = 1;
    double subjectDistanceM = 3;
    Easing easing = Easing::EaseInOut;
};
// The camera's motion with the move written as keys from the pose at
// `start`. Where the camera already moves over the range (keys, an earlier
// move), the move is added to that motion: a dolly then a pan on the same
// frames dolly and pan at once, and later keys carry the move's end offset.
// The sum is two keys when the camera's motion over the range is one
// segment between the same frames with the same easing, else a key on every
// frame of the segments the range touches (exact, not approximated). Throws
// Error(Usage) for impossible moves (no frames, dolly past the subject, ...).
CameraMotion withMove(const Camera& camera, const MoveParams& move);

// The camera moved along its view axis so that the subject it is focused
// on (the focus distance: where "Shot size" assumes the subject stands)
// ends `distanceM` away, focus following. Keyed poses each move along their
// own view axis by the same amount and their focus pulls follow, so a move
// keeps its shape. Throws Error(Usage) for a distance that is not > 0 or a
// focus pull the move would put behind the camera.
Camera withSubjectAt(const Camera& camera, double distanceM);

} // namespace retake
