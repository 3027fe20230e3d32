#pragma once

// Optics of `Camera`: filmback presets, the visible window for an output
// size, pinhole projection to pixels, depth of field and the shot-size
// solver. Axis conventions: camera/cameratypes.h.
//
// Projection (pixel (0,0) is the top-left corner of the top-left pixel, so
// pixel centres sit at i + 0.5; depth is along the camera axis, not along the ray):
//
//   camera point (x, y, z), looking down -Z:   depth = -z
//   normalised:  xn = x / depth,  yn = y / depth
//   distortion:  s = 1 + k1 r^2 + k2 r^4,  r^2 = xn^2 + yn^2   (xn, yn *= s)
//   pixels:      px = cx + fx * xn,   py = cy - fy * yn
//   fx = f / W * width,  fy = f / H * height      (f focal length mm)
//   cx = width / 2 - shiftX / W * width,  cy = height / 2 + shiftY / H * height
//
// where W x H (mm) is the frame window: the part of the de-squeezed filmback
// (width * squeeze, height) the image shows under the sensor fit. W / H is
// always the image aspect, so pixels are square and fx == fy.

#include "model/cameratypes.h"

#include <QString>
#include <QVector>
#include <array>

namespace retake {

struct Camera;

struct FilmbackPreset {
    const char* name;  // what the CLI and project files use
    const char* label; // what a person reads
    double widthMm;
    double heightMm;
};
const QVector<FilmbackPreset>& filmbackPresets();
const FilmbackPreset* findFilmbackPreset(const QString& name);

// Camera-to-world rotation and translation (metres): world = R * local + t.
struct RigidTransform {
    std::array<std::array<double, 3>, 3> r{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
    Vec3 t;

    Vec3 apply(const Vec3& p) const;
    RigidTransform inverse() const;
};
RigidTransform cameraToWorld(const CameraPose& pose);

struct FrameWindow {
    double widthMm = 0;
    double heightMm = 0;
};
FrameWindow frameWindow(const Camera& camera, int imageWidth, int imageHeight);

// Pinhole intrinsics in pixels for one focal length (a zoom changes it per
// frame; pass 0 for the camera's own focal length).
struct Intrinsics {
    int width = 0;
    int height = 0;
    double fx = 0, fy = 0, cx = 0, cy = 0;
    double k1 = 0, k2 = 0;
};
Intrinsics intrinsics(const Camera& camera, int imageWidth, int imageHeight,
                      double focalLengthMm = 0);

struct PixelPoint {
    double x = 0, y = 0;
    double depth = 0;     // metres along the camera axis; <= 0 behind the camera
    bool inFront = false; // depth > 0 (x, y are meaningless otherwise)
};
PixelPoint projectPoint(const Intrinsics& k, const RigidTransform& cameraToWorld,
                        const Vec3& world);

// Depth of field. The circle of confusion is the filmback diagonal / 1500
// (the rule behind the 0.029-0.030 mm full-frame figure lens scales use),
// on the physical (squeezed) filmback.
//   H = f^2 / (N c) + f,  near = s (H - f) / (H + s - 2 f),
//   far = s (H - f) / (H - s) when s < H, else infinity.
struct DepthOfField {
    double circleOfConfusionMm = 0;
    double hyperfocalM = 0;
    double nearM = 0;
    double farM = 0; // +infinity past the hyperfocal distance
};
DepthOfField depthOfField(const Camera& camera, double focalLengthMm = 0);

// Shot sizes by the height of the frame, in subject heights (1.75 m default):
//   ECU  0.08  eyes to mouth            MS      0.50  waist up with headroom
//   CU   0.17  head and neck            Cowboy  0.70  mid-thigh up
//   MCU  0.30  head to mid-chest        Full    1.15  head to toe, with margin
//   Wide 2.50  figure in its setting    EWS     8.00  figure small in the landscape
// The frame height at distance d is d * H / f (H frame window height), so the
// distance that frames a size is  d = f * k * subject / H.
enum class ShotSize {
    ExtremeCloseUp,
    CloseUp,
    MediumCloseUp,
    Medium,
    Cowboy,
    Full,
    Wide,
    ExtremeWide
};
struct ShotSizeInfo {
    ShotSize size;
    const char* code; // "ECU", "CU", "MCU", "MS", "COWBOY", "FULL", "WS", "EWS"
    const char* name;
    double frameHeightInSubjects;
};
const QVector<ShotSizeInfo>& shotSizes();
const ShotSizeInfo& shotSizeInfo(ShotSize size);
bool shotSizeFromString(const QString& text, ShotSize* size); // codes and names, any case

double distanceForShotSize(const Camera& camera, int imageWidth, int imageHeight, ShotSize size,
                           double subjectHeightM = 1.75, double focalLengthMm = 0);
struct ShotSizeEstimate {
    ShotSize nearest = ShotSize::Medium; // closest in log scale
    double frameHeightInSubjects = 0;
    double frameHeightM = 0; // height of the frame at that distance
};
ShotSizeEstimate shotSizeAt(const Camera& camera, int imageWidth, int imageHeight, double distanceM,
                            double subjectHeightM = 1.75, double focalLengthMm = 0);

// The first problem that makes a camera invalid (for Document::setCamera),
// or an empty string. Checks the lens details and the keys too.
QString cameraProblem(const Camera& camera);

QString toString(SensorFit fit); // "fill", "overscan", "horizontal", "vertical"
bool sensorFitFromString(const QString& text, SensorFit* fit);

} // namespace retake
