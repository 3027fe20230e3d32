#include "camera/lens.h"

#include "core/translate.h"
#include "model/project.h"

#include <QCoreApplication>
#include <QMap>
#include <cmath>
#include <limits>

namespace retake {

namespace {

constexpr double kPi = 3.14159265358979323846;
double rad(double deg) {
    return deg * kPi / 180.0;
}
using Mat = std::array<std::array<double, 3>, 3>;

Mat multiply(const Mat& a, const Mat& b) {
    Mat m{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                m[i][j] += a[i][k] * b[k][j];
    return m;
}
Mat rotX(double a) {
    const double c = std::cos(a), s = std::sin(a);
    return Mat{{{1, 0, 0}, {0, c, -s}, {0, s, c}}};
}
Mat rotY(double a) {
    const double c = std::cos(a), s = std::sin(a);
    return Mat{{{c, 0, s}, {0, 1, 0}, {-s, 0, c}}};
}
Mat rotZ(double a) {
    const double c = std::cos(a), s = std::sin(a);
    return Mat{{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}};
}

double focalOf(const Camera& camera, double focalLengthMm) {
    return focalLengthMm > 0 ? focalLengthMm : camera.focalLengthMm;
}

} // namespace

// Published sensor sizes (active area used for the recording format named):
//   Super 35      ANSI/SMPTE Super 35 4-perf camera aperture 24.89 x 18.66 mm
//                 (Unreal's CineCamera default filmback is 24.89 x 18.67)
//   Full frame    36 x 24 mm still-photo frame (VistaVision 8-perf)
//   ALEXA 35      ARRI: 4.6K 3:2 Open Gate 27.99 x 19.22 mm
//   ALEXA Mini LF ARRI: 4.5K LF Open Gate 36.70 x 25.54 mm
//   V-RAPTOR 8K VV RED: 8K VV 17:9 40.96 x 21.60 mm
//   URSA Mini Pro 12K Blackmagic Design: 12K 17:9 27.03 x 14.25 mm
//   Super 16      Super 16 camera aperture 12.52 x 7.41 mm
//   iPhone 15 Pro main camera: 1/1.28-inch type, 9.8 x 7.3 mm (6.86 mm lens =
//                 Apple's "24 mm" equivalent: 43.27 / 12.22 * 6.86 = 24.3)
const QVector<FilmbackPreset>& filmbackPresets() {
    static const QVector<FilmbackPreset> presets = {
        {"super35", "Super 35 (4-perf)", 24.89, 18.66},
        {"fullframe", "Full frame 36x24", 36.0, 24.0},
        {"alexa35", "ARRI ALEXA 35 (Open Gate 3:2)", 27.99, 19.22},
        {"alexaminilf", "ARRI ALEXA Mini LF (Open Gate)", 36.70, 25.54},
        {"vraptor8kvv", "RED V-RAPTOR 8K VV (17:9)", 40.96, 21.60},
        {"ursaminipro12k", "Blackmagic URSA Mini Pro 12K (17:9)", 27.03, 14.25},
        {"super16", "Super 16", 12.52, 7.41},
        {"iphone15pro", "iPhone 15 Pro main camera", 9.8, 7.3},
    };
    return presets;
}

const FilmbackPreset* findFilmbackPreset(const QString& name) {
    for (const auto& p : filmbackPresets())
        if (name.compare(QLatin1String(p.name), Qt::CaseInsensitive) == 0)
            return &p;
    return nullptr;
}

Vec3 RigidTransform::apply(const Vec3& p) const {
    return {r[0][0] * p.x + r[0][1] * p.y + r[0][2] * p.z + t.x,
            r[1][0] * p.x + r[1][1] * p.y + r[1][2] * p.z + t.y,
            r[2][0] * p.x + r[2][1] * p.y + r[2][2] * p.z + t.z};
}

RigidTransform RigidTransform::inverse() const {
    RigidTransform inv;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            inv.r[i][j] = r[j][i];
    const Vec3 minusT{-t.x, -t.y, -t.z};
    inv.t = {};
    inv.t = inv.apply(minusT);
    return inv;
}

RigidTransform cameraToWorld(const CameraPose& pose) {
    // Y-up camera rig (Nuke order ZXY: roll, then tilt, then pan), then the
    // Y-up frame turned into Z-up by +90 deg about X.
    const Mat yUp = multiply(rotY(rad(pose.panDeg)),
                             multiply(rotX(rad(pose.tiltDeg)), rotZ(rad(pose.rollDeg))));
    RigidTransform m;
    m.r = multiply(rotX(kPi / 2), yUp);
    // Exact zeros keep exported matrices clean (cos(90 deg) is 6e-17).
    for (auto& row : m.r)
        for (double& v : row)
            if (std::abs(v) < 1e-15)
                v = 0;
    m.t = pose.position;
    return m;
}

FrameWindow frameWindow(const Camera& camera, int imageWidth, int imageHeight) {
    const double squeeze = camera.lens.anamorphicSqueeze > 0 ? camera.lens.anamorphicSqueeze : 1;
    const double fw = camera.filmbackWidthMm * squeeze, fh = camera.filmbackHeightMm;
    const double imageAspect = double(imageWidth) / double(imageHeight);
    bool horizontal = true;
    switch (camera.lens.sensorFit) {
    case SensorFit::Horizontal:
        horizontal = true;
        break;
    case SensorFit::Vertical:
        horizontal = false;
        break;
    // Fill: the window lies inside the filmback, so a filmback wider than the
    // image is cropped at the sides (the heights match).
    case SensorFit::Fill:
        horizontal = fw / fh <= imageAspect;
        break;
    case SensorFit::Overscan:
        horizontal = fw / fh >= imageAspect;
        break;
    }
    return horizontal ? FrameWindow{fw, fw / imageAspect} : FrameWindow{fh * imageAspect, fh};
}

Intrinsics intrinsics(const Camera& camera, int imageWidth, int imageHeight, double focalLengthMm) {
    const FrameWindow w = frameWindow(camera, imageWidth, imageHeight);
    const double f = focalOf(camera, focalLengthMm);
    Intrinsics k;
    k.width = imageWidth;
    k.height = imageHeight;
    k.fx = f / w.widthMm * imageWidth;
    k.fy = f / w.heightMm * imageHeight;
    k.cx = imageWidth / 2.0 - camera.lens.shiftXMm / w.widthMm * imageWidth;
    k.cy = imageHeight / 2.0 + camera.lens.shiftYMm / w.heightMm * imageHeight;
    k.k1 = camera.lens.distortionK1;
    k.k2 = camera.lens.distortionK2;
    return k;
}

PixelPoint projectPoint(const Intrinsics& k, const RigidTransform& cameraToWorld,
                        const Vec3& world) {
    const Vec3 c = cameraToWorld.inverse().apply(world);
    PixelPoint p;
    p.depth = -c.z;
    p.inFront = p.depth > 0;
    if (!p.inFront)
        return p;
    double xn = c.x / p.depth, yn = c.y / p.depth;
    const double r2 = xn * xn + yn * yn;
    const double s = 1 + k.k1 * r2 + k.k2 * r2 * r2;
    xn *= s;
    yn *= s;
    p.x = k.cx + k.fx * xn;
    p.y = k.cy - k.fy * yn;
    return p;
}

DepthOfField depthOfField(const Camera& camera, double focalLengthMm) {
    const double f = focalOf(camera, focalLengthMm);
    DepthOfField d;
    d.circleOfConfusionMm = std::hypot(camera.filmbackWidthMm, camera.filmbackHeightMm) / 1500.0;
    const double hyperMm = f * f / (camera.fStop * d.circleOfConfusionMm) + f;
    const double s = camera.focusDistanceM * 1000.0;
    d.hyperfocalM = hyperMm / 1000.0;
    d.nearM = s * (hyperMm - f) / (hyperMm + s - 2 * f) / 1000.0;
    d.farM = s < hyperMm ? s * (hyperMm - f) / (hyperMm - s) / 1000.0
                         : std::numeric_limits<double>::infinity();
    return d;
}

const QVector<ShotSizeInfo>& shotSizes() {
    static const QVector<ShotSizeInfo> sizes = {
        {ShotSize::ExtremeCloseUp, "ECU", "extreme close-up", 0.08},
        {ShotSize::CloseUp, "CU", "close-up", 0.17},
        {ShotSize::MediumCloseUp, "MCU", "medium close-up", 0.30},
        {ShotSize::Medium, "MS", "medium", 0.50},
        {ShotSize::Cowboy, "COWBOY", "cowboy", 0.70},
        {ShotSize::Full, "FULL", "full", 1.15},
        {ShotSize::Wide, "WS", "wide", 2.50},
        {ShotSize::ExtremeWide, "EWS", "extreme wide", 8.00},
    };
    return sizes;
}

const ShotSizeInfo& shotSizeInfo(ShotSize size) {
    for (const auto& s : shotSizes())
        if (s.size == size)
            return s;
    return shotSizes()[3];
}

bool shotSizeFromString(const QString& text, ShotSize* size) {
    const QString t = text.trimmed();
    static const QMap<QString, ShotSize> aliases = {
        {QStringLiteral("XCU"), ShotSize::ExtremeCloseUp},
        {QStringLiteral("BCU"), ShotSize::ExtremeCloseUp},
        {QStringLiteral("M"), ShotSize::Medium},
        {QStringLiteral("MCS"), ShotSize::MediumCloseUp},
        {QStringLiteral("FS"), ShotSize::Full},
        {QStringLiteral("LS"), ShotSize::Wide},
        {QStringLiteral("WIDE"), ShotSize::Wide},
        {QStringLiteral("XWS"), ShotSize::ExtremeWide},
        {QStringLiteral("ELS"), ShotSize::ExtremeWide},
        {QStringLiteral("AMERICAN"), ShotSize::Cowboy},
    };
    for (const auto& s : shotSizes())
        if (t.compare(QLatin1String(s.code), Qt::CaseInsensitive) == 0 ||
            t.compare(QLatin1String(s.name), Qt::CaseInsensitive) == 0) {
            *size = s.size;
            return true;
        }
    const auto it = aliases.find(t.toUpper());
    if (it == aliases.end())
        return false;
    *size = it.value();
    return true;
}

double distanceForShotSize(const Camera& camera, int imageWidth, int imageHeight, ShotSize size,
                           double subjectHeightM, double focalLengthMm) {
    const FrameWindow w = frameWindow(camera, imageWidth, imageHeight);
    return focalOf(camera, focalLengthMm) * shotSizeInfo(size).frameHeightInSubjects *
           subjectHeightM / w.heightMm;
}

ShotSizeEstimate shotSizeAt(const Camera& camera, int imageWidth, int imageHeight, double distanceM,
                            double subjectHeightM, double focalLengthMm) {
    const FrameWindow w = frameWindow(camera, imageWidth, imageHeight);
    ShotSizeEstimate e;
    e.frameHeightM = distanceM * w.heightMm / focalOf(camera, focalLengthMm);
    e.frameHeightInSubjects = e.frameHeightM / subjectHeightM;
    double best = std::numeric_limits<double>::infinity();
    for (const auto& s : shotSizes()) {
        const double d = std::abs(std::log(e.frameHeightInSubjects / s.frameHeightInSubjects));
        if (d < best) {
            best = d;
            e.nearest = s.size;
        }
    }
    return e;
}

QString cameraProblem(const Camera& camera) {
    const LensDetails& l = camera.lens;
    if (!(l.anamorphicSqueeze >= 1 && l.anamorphicSqueeze <= 2.5))
        return tr("Anamorphic squeeze must be between 1 and 2.5 (got %1).")
            .arg(l.anamorphicSqueeze);
    if (!std::isfinite(l.shiftXMm) || !std::isfinite(l.shiftYMm))
        return tr("Lens shift must be a finite number of millimetres.");
    if (l.apertureBlades != 0 && (l.apertureBlades < 3 || l.apertureBlades > 32))
        return tr("Aperture blades must be 0 (round) or 3 to 32 (got %1).").arg(l.apertureBlades);
    if (!std::isfinite(l.distortionK1) || !std::isfinite(l.distortionK2) ||
        std::abs(l.distortionK1) > 2 || std::abs(l.distortionK2) > 2)
        return tr("Distortion k1 and k2 must be between -2 and 2.");
    if (!(l.vignette >= 0 && l.vignette <= 1))
        return tr("Vignette must be between 0 and 1 (got %1).").arg(l.vignette);
    if (!l.filmbackPreset.isEmpty() && !findFilmbackPreset(l.filmbackPreset))
        return tr("Unknown filmback preset \"%1\".").arg(l.filmbackPreset);
    const auto poseProblem = [](const CameraPose& p) -> QString {
        if (!std::isfinite(p.position.x) || !std::isfinite(p.position.y) ||
            !std::isfinite(p.position.z) || !std::isfinite(p.panDeg) || !std::isfinite(p.tiltDeg) ||
            !std::isfinite(p.rollDeg))
            return tr("Camera positions and angles must be finite numbers.");
        if (p.focalLengthMm < 0 || !std::isfinite(p.focalLengthMm))
            return tr("A keyed focal length must be greater than 0 mm (got %1).")
                .arg(p.focalLengthMm);
        if (p.focusDistanceM < 0 || !std::isfinite(p.focusDistanceM))
            return tr("A keyed focus distance must be greater than 0 m (got %1).")
                .arg(p.focusDistanceM);
        return {};
    };
    QString problem = poseProblem(camera.motion.pose);
    if (!problem.isEmpty())
        return problem;
    const auto& keys = camera.motion.keys;
    for (int i = 0; i < keys.size(); ++i) {
        problem = poseProblem(keys[i].pose);
        if (!problem.isEmpty())
            return problem;
        if (i > 0 && keys[i].frame == keys[i - 1].frame)
            return tr("Two camera keys at frame %1.").arg(keys[i].frame);
        if (i > 0 && keys[i].frame < keys[i - 1].frame)
            return tr("Camera keys must be in frame order (frame %1 after %2).")
                .arg(keys[i].frame)
                .arg(keys[i - 1].frame);
    }
    const Handheld& h = camera.motion.handheld;
    if (h.rotationDeg < 0 || h.positionCm < 0 || h.walkCm < 0 || h.breathCm < 0)
        return tr("Handheld amplitudes cannot be negative.");
    if (!(h.bandLowHz > 0 && h.bandHighHz > h.bandLowHz))
        return tr("The handheld band needs 0 < low < high (got %1-%2 Hz).")
            .arg(h.bandLowHz)
            .arg(h.bandHighHz);
    if (!(h.walkHz > 0) || !(h.breathHz > 0))
        return tr("Walk and breath frequencies must be greater than 0 Hz.");
    return {};
}

QString toString(SensorFit fit) {
    switch (fit) {
    case SensorFit::Fill:
        return QStringLiteral("fill");
    case SensorFit::Overscan:
        return QStringLiteral("overscan");
    case SensorFit::Horizontal:
        return QStringLiteral("horizontal");
    case SensorFit::Vertical:
        return QStringLiteral("vertical");
    }
    return QStringLiteral("fill");
}

bool sensorFitFromString(const QString& text, SensorFit* fit) {
    for (SensorFit f :
         {SensorFit::Fill, SensorFit::Overscan, SensorFit::Horizontal, SensorFit::Vertical})
        if (text.compare(toString(f), Qt::CaseInsensitive) == 0) {
            *fit = f;
            return true;
        }
    return false;
}

} // namespace retake
