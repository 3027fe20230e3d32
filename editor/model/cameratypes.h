#pragma once

// Value types of the physical camera that model/project.h embeds in
// `Camera`. Plain data, compared with ==, copied freely; the maths lives in
// lens.h (optics, projection, shot sizes) and motion.h (keys, moves, handheld).
//
// World and camera axes (metres, degrees), the same as Blender's:
//
//        +Z up
//         |   +Y  (pan 0 looks along +Y, level)
//         |  /
//         | /
//         o------ +X
//
//   Right-handed, Z up. A pose is a position and three angles:
//     pan   about world +Z, positive turns the camera LEFT (counter-clockwise
//           seen from above); 0 looks along +Y.
//     tilt  positive looks UP; 0 is level.
//     roll  about the view axis, positive turns the camera counter-clockwise
//           as seen from behind it (the horizon in the picture turns clockwise).
//   Camera-local axes follow Blender/USD/OpenGL: +X right, +Y up, looking
//   down -Z. camera-to-world = Rx(+90 deg, world) . Ry(pan) . Rx(tilt) . Rz(roll)
//   in a Y-up frame, i.e. exactly Nuke's rotate (tilt, pan, roll) = (rx, ry, rz)
//   with rotation order ZXY once world Z-up is mapped to Nuke's Y-up.

#include "core/rational.h"

#include <QString>
#include <QVector>

namespace retake {

struct Vec3 {
    double x = 0, y = 0, z = 0;
    bool operator==(const Vec3& o) const { return x == o.x && y == o.y && z == o.z; }
    bool operator!=(const Vec3& o) const { return !(*this == o); }
};

// How the filmback maps onto an output image whose aspect differs from it.
//   Horizontal  filmback width spans the image width
//   Vertical    filmback height spans the image height
//   Fill        the image is inside the filmback (the larger fit: nothing outside
//               the filmback is shown; the usual "shoot 16:9 on a 4:3 sensor")
//   Overscan    the whole filmback is inside the image
enum class SensorFit { Fill, Overscan, Horizontal, Vertical };

// Lens and sensor details beyond Camera's focal length / filmback / focus.
struct LensDetails {
    QString filmbackPreset; // a preset name from filmbackPresets(); empty = custom
    SensorFit sensorFit = SensorFit::Fill;
    // Lens shift on the (de-squeezed) filmback in mm, as USD's aperture
    // offsets: +X moves the framing right, +Y up, without turning the camera.
    double shiftXMm = 0;
    double shiftYMm = 0;
    // Anamorphic squeeze: 1 (spherical), 1.33, 1.5, 1.8 or 2. The image is
    // de-squeezed for display, so the horizontal field is that of a filmback
    // squeeze x wider.
    double anamorphicSqueeze = 1.0;
    int apertureBlades = 0; // 0 = round aperture
    // Radial distortion, OpenCV/Brown convention on normalised pinhole
    // coordinates (x/depth, y/depth): r_d = r (1 + k1 r^2 + k2 r^4).
    double distortionK1 = 0;
    double distortionK2 = 0;
    double vignette = 0; // 0..1: brightness lost at the image corners

    bool operator==(const LensDetails& o) const {
        return filmbackPreset == o.filmbackPreset && sensorFit == o.sensorFit &&
               shiftXMm == o.shiftXMm && shiftYMm == o.shiftYMm &&
               anamorphicSqueeze == o.anamorphicSqueeze && apertureBlades == o.apertureBlades &&
               distortionK1 == o.distortionK1 && distortionK2 == o.distortionK2 &&
               vignette == o.vignette;
    }
    bool operator!=(const LensDetails& o) const { return !(*this == o); }
};

struct CameraPose {
    Vec3 position{0, 0, 1.6}; // metres; eye height by default
    double panDeg = 0;
    double tiltDeg = 0;
    double rollDeg = 0;
    double focalLengthMm = 0; // 0 = the lens's focal length (not animated)
    // Focus pulls: metres, eased between keys like the focal length; 0 = the
    // camera's focus distance (not animated).
    double focusDistanceM = 0;

    bool operator==(const CameraPose& o) const {
        return position == o.position && panDeg == o.panDeg && tiltDeg == o.tiltDeg &&
               rollDeg == o.rollDeg && focalLengthMm == o.focalLengthMm &&
               focusDistanceM == o.focusDistanceM;
    }
    bool operator!=(const CameraPose& o) const { return !(*this == o); }
};

// The curve from a key to the next one (the last key's easing is unused).
enum class Easing { Linear, EaseIn, EaseOut, EaseInOut, Hold };

struct CameraKey {
    FrameNumber frame = 0; // media frame, like locks and masks
    CameraPose pose;
    Easing easing = Easing::EaseInOut;

    bool operator==(const CameraKey& o) const {
        return frame == o.frame && pose == o.pose && easing == o.easing;
    }
    bool operator!=(const CameraKey& o) const { return !(*this == o); }
};

// Operator motion added on top of the keyed move. Each of the six channels
// (pan, tilt, roll; camera-local x, y, z) is a sum of sinusoids with seeded
// frequencies inside [bandLowHz, bandHighHz] and seeded phases, scaled so its
// RMS is the amplitude: band-limited by construction and a pure function of
// (seed, time). Walk adds a vertical bob at the step rate and a sway at half
// of it; breath a slow rise and tilt.
struct Handheld {
    double rotationDeg = 0; // RMS of pan and tilt noise (roll gets half)
    double positionCm = 0;  // RMS of the position noise per axis
    double bandLowHz = 0.5;
    double bandHighHz = 3.0;
    double walkCm = 0;   // amplitude of the step bob
    double walkHz = 1.8; // steps per second
    double breathCm = 0; // amplitude of the breathing rise
    double breathHz = 0.25;
    quint64 seed = 1;

    bool active() const { return rotationDeg > 0 || positionCm > 0 || walkCm > 0 || breathCm > 0; }
    bool operator==(const Handheld& o) const {
        return rotationDeg == o.rotationDeg && positionCm == o.positionCm &&
               bandLowHz == o.bandLowHz && bandHighHz == o.bandHighHz && walkCm == o.walkCm &&
               walkHz == o.walkHz && breathCm == o.breathCm && breathHz == o.breathHz &&
               seed == o.seed;
    }
    bool operator!=(const Handheld& o) const { return !(*this == o); }
};

// Where the camera is over time: a fixed pose, or keys (sorted by frame, no
// two at the same frame) when there are any; plus handheld motion.
struct CameraMotion {
    CameraPose pose;
    QVector<CameraKey> keys;
    Handheld handheld;

    bool operator==(const CameraMotion& o) const {
        return pose == o.pose && keys == o.keys && handheld == o.handheld;
    }
    bool operator!=(const CameraMotion& o) const { return !(*this == o); }
};

} // namespace retake
