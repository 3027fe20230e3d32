#pragma once

// The shot camera in other tools' conventions, and files for them: USD
// (.usda), Nuke (.chan) and a Blender Python script. Every frame is baked
// (keys, easing and handheld evaluated), so the other tool shows exactly the
// camera Retake renders with; lens distortion and vignette are not exported
// (none of the three camera models has them).
//
// Blender: Z-up like Retake, so matrix_world is Retake's camera-to-world;
//   rotation_euler (mode XYZ, radians) is decomposed from it and kept
//   continuous from frame to frame. The frame window (cameratypes.h) becomes
//   sensor_fit HORIZONTAL, sensor_width W, sensor_height H, and
//   shift_x = shiftX / W, shift_y = shiftY / W (Blender measures both shifts
//   in units of the fitted sensor width).
// USD: upAxis Z, metersPerUnit from the settings (1 = metres). Lens values
//   are in TENTHS of a scene unit: focalLength = mm / (100 * metersPerUnit),
//   so 35 mm is 0.35 on a metre stage and 35 on a centimetre stage;
//   horizontal/verticalAperture are the frame window W x H, the aperture
//   offsets the lens shift, focusDistance and clippingRange in scene units.
//   The transform is one xformOp:transform (row vectors: translation in the
//   last row) sampled at every frame; time codes are the output frame numbers.
// Nuke .chan: Nuke's Y-up world, (x, y, z)_nuke = (x, z, -y)_retake; one line
//   per frame "frame tx ty tz rx ry rz vfov" with rotate (rx, ry, rz) =
//   (tilt, pan, roll) in degrees for rotation order ZXY (Nuke's camera
//   default), and vfov the vertical field of view of the frame window. The
//   format states neither the rotation order nor the filmback, and has no
//   lens shift: cameraFileNotes() says what to set on import (Blender's
//   importer defaults to XYZ, which put a rolled camera 353 px off).

#include "core/framerange.h"
#include "core/rational.h"
#include "model/cameratypes.h"

#include <QString>
#include <QStringList>
#include <array>

namespace retake {

struct Camera;

struct CameraExportSettings {
    FrameRange frames;                // media frames to bake
    FrameNumber firstOutputFrame = 1; // frame number written for frames.start
    Rational frameRate{24};
    int imageWidth = 1920;
    int imageHeight = 1080;
    double clipNearM = 0.1;
    double clipFarM = 1000.0;
    double usdMetersPerUnit = 1.0;
    QString name = QStringLiteral("RetakeCamera");
};

struct BlenderCamera {
    double lensMm = 50;
    double sensorWidthMm = 36;
    double sensorHeightMm = 24;
    double shiftX = 0, shiftY = 0;
    double clipStart = 0.1, clipEnd = 1000;
    double focusDistanceM = 10, fStop = 2.8;
    int apertureBlades = 0;
    Vec3 location;
    Vec3 rotationEulerXyzRad;
    std::array<std::array<double, 4>, 4> matrixWorld{}; // column-vector convention, row-major
};
// `previousEuler` (optional) keeps the Euler angles continuous with a previous frame.
BlenderCamera toBlender(const Camera& camera, const CameraPose& pose, int imageWidth,
                        int imageHeight, const Vec3* previousEuler = nullptr);

struct UsdCamera {
    double focalLength = 0; // tenths of a scene unit, like the three below
    double horizontalAperture = 0, verticalAperture = 0;
    double horizontalApertureOffset = 0, verticalApertureOffset = 0;
    double focusDistance = 0; // scene units
    double fStop = 0;
    double clipNear = 0, clipFar = 0;                 // scene units
    std::array<std::array<double, 4>, 4> transform{}; // USD's row-vector matrix
};
UsdCamera toUsd(const Camera& camera, const CameraPose& pose, int imageWidth, int imageHeight,
                double metersPerUnit = 1.0, double clipNearM = 0.1, double clipFarM = 1000.0);

QString usdaText(const Camera& camera, const CameraExportSettings& settings);
QString nukeChanText(const Camera& camera, const CameraExportSettings& settings);
// Run as `blender -b --python FILE [-- OUT.blend]`: builds the camera (and
// saves OUT.blend when given).
QString blenderScriptText(const Camera& camera, const CameraExportSettings& settings);

// What a person importing `path` must set by hand, and what its format
// cannot carry of this camera; empty when the file says everything (.usda,
// .py). Callers show it next to "wrote ...".
QStringList cameraFileNotes(const QString& path, const Camera& camera,
                            const CameraExportSettings& settings);

enum class CameraFileFormat { Usda, NukeChan, BlenderPython };
// By extension (.usda, .chan, .py); atomic (QSaveFile). Throws Error(Usage)
// for another extension, Error(Output) when the file cannot be written.
void writeCameraFile(const QString& path, const Camera& camera,
                     const CameraExportSettings& settings);

} // namespace retake
