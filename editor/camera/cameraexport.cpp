#include "camera/cameraexport.h"

#include "camera/lens.h"
#include "camera/motion.h"
#include "core/atomicfile.h"
#include "core/error.h"
#include "core/translate.h"
#include "model/project.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>
#include <QVector>
#include <cmath>

namespace retake {

namespace {

constexpr double kPi = 3.14159265358979323846;

QString num(double v) {
    if (std::abs(v) < 1e-12)
        v = 0; // no "-0" or 1e-17 noise in text files
    return QString::number(v, 'g', 15);
}

double wrapNear(double angle, double reference) {
    return angle + 2 * kPi * std::round((reference - angle) / (2 * kPi));
}

// R = Rz(z) Ry(y) Rx(x), Blender's XYZ Euler order.
Vec3 eulerXyz(const std::array<std::array<double, 3>, 3>& r, const Vec3* previous) {
    Vec3 a;
    const double cy = std::hypot(r[0][0], r[1][0]);
    if (cy > 1e-9) {
        a.x = std::atan2(r[2][1], r[2][2]);
        a.y = std::atan2(-r[2][0], cy);
        a.z = std::atan2(r[1][0], r[0][0]);
    } else { // gimbal lock: put everything in x
        a.x = std::atan2(-r[1][2], r[1][1]);
        a.y = std::atan2(-r[2][0], cy);
        a.z = 0;
    }
    if (!previous)
        return a;
    // The equivalent solution (x + pi, pi - y, z + pi), each wrapped next to
    // the previous frame's angles; keep whichever moves least.
    const Vec3 b{a.x + kPi, kPi - a.y, a.z + kPi};
    const auto near = [&](Vec3 e) {
        return Vec3{wrapNear(e.x, previous->x), wrapNear(e.y, previous->y),
                    wrapNear(e.z, previous->z)};
    };
    const Vec3 na = near(a), nb = near(b);
    const auto cost = [&](const Vec3& e) {
        return std::abs(e.x - previous->x) + std::abs(e.y - previous->y) +
               std::abs(e.z - previous->z);
    };
    return cost(na) <= cost(nb) ? na : nb;
}

struct Baked {
    FrameNumber outputFrame;
    CameraPose pose;
};

QVector<Baked> bake(const Camera& camera, const CameraExportSettings& s) {
    if (s.frames.length() <= 0)
        throw Error(ErrorKind::Usage, tr("The camera export needs at least one frame."));
    if (s.imageWidth <= 0 || s.imageHeight <= 0)
        throw Error(ErrorKind::Usage, tr("The camera export needs an image size."));
    QVector<Baked> frames;
    for (FrameNumber f = s.frames.start; f < s.frames.end; ++f)
        frames.push_back({s.firstOutputFrame + (f - s.frames.start),
                          evaluatePose(camera, double(f), s.frameRate)});
    return frames;
}

bool focalAnimated(const QVector<Baked>& frames) {
    for (const auto& b : frames)
        if (b.pose.focalLengthMm != frames.front().pose.focalLengthMm)
            return true;
    return false;
}

bool focusAnimated(const QVector<Baked>& frames) {
    for (const auto& b : frames)
        if (b.pose.focusDistanceM != frames.front().pose.focusDistanceM)
            return true;
    return false;
}

} // namespace

BlenderCamera toBlender(const Camera& camera, const CameraPose& pose, int imageWidth,
                        int imageHeight, const Vec3* previousEuler) {
    const FrameWindow w = frameWindow(camera, imageWidth, imageHeight);
    BlenderCamera b;
    b.lensMm = pose.focalLengthMm > 0 ? pose.focalLengthMm : camera.focalLengthMm;
    b.sensorWidthMm = w.widthMm;
    b.sensorHeightMm = w.heightMm;
    b.shiftX = camera.lens.shiftXMm / w.widthMm;
    b.shiftY = camera.lens.shiftYMm / w.widthMm;
    b.focusDistanceM = pose.focusDistanceM > 0 ? pose.focusDistanceM : camera.focusDistanceM;
    b.fStop = camera.fStop;
    b.apertureBlades = camera.lens.apertureBlades;
    const RigidTransform m = cameraToWorld(pose);
    b.location = m.t;
    b.rotationEulerXyzRad = eulerXyz(m.r, previousEuler);
    const double t[3] = {m.t.x, m.t.y, m.t.z};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j)
            b.matrixWorld[i][j] = m.r[i][j];
        b.matrixWorld[i][3] = t[i];
    }
    b.matrixWorld[3] = {0, 0, 0, 1};
    return b;
}

UsdCamera toUsd(const Camera& camera, const CameraPose& pose, int imageWidth, int imageHeight,
                double metersPerUnit, double clipNearM, double clipFarM) {
    const FrameWindow w = frameWindow(camera, imageWidth, imageHeight);
    const double tenthsPerMm = 1.0 / (100.0 * metersPerUnit);
    UsdCamera u;
    u.focalLength =
        (pose.focalLengthMm > 0 ? pose.focalLengthMm : camera.focalLengthMm) * tenthsPerMm;
    u.horizontalAperture = w.widthMm * tenthsPerMm;
    u.verticalAperture = w.heightMm * tenthsPerMm;
    u.horizontalApertureOffset = camera.lens.shiftXMm * tenthsPerMm;
    u.verticalApertureOffset = camera.lens.shiftYMm * tenthsPerMm;
    u.focusDistance =
        (pose.focusDistanceM > 0 ? pose.focusDistanceM : camera.focusDistanceM) / metersPerUnit;
    u.fStop = camera.fStop;
    u.clipNear = clipNearM / metersPerUnit;
    u.clipFar = clipFarM / metersPerUnit;
    // USD multiplies row vectors: rows 0-2 are the images of the local axes
    // (columns of R), row 3 the translation.
    const RigidTransform m = cameraToWorld(pose);
    for (int i = 0; i < 3; ++i)
        u.transform[i] = {m.r[0][i], m.r[1][i], m.r[2][i], 0};
    u.transform[3] = {m.t.x / metersPerUnit, m.t.y / metersPerUnit, m.t.z / metersPerUnit, 1};
    return u;
}

QString usdaText(const Camera& camera, const CameraExportSettings& s) {
    const QVector<Baked> frames = bake(camera, s);
    const double fps = s.frameRate.toDouble();
    const UsdCamera first = toUsd(camera, frames.front().pose, s.imageWidth, s.imageHeight,
                                  s.usdMetersPerUnit, s.clipNearM, s.clipFarM);
    QString out;
    out += QStringLiteral("#usda 1.0\n(\n");
    out += QStringLiteral("    defaultPrim = \"%1\"\n").arg(s.name);
    out += QStringLiteral("    doc = \"Retake camera, %1x%2, every frame baked\"\n")
               .arg(s.imageWidth)
               .arg(s.imageHeight);
    out += QStringLiteral("    endTimeCode = %1\n").arg(frames.back().outputFrame);
    out += QStringLiteral("    framesPerSecond = %1\n").arg(num(fps));
    out += QStringLiteral("    metersPerUnit = %1\n").arg(num(s.usdMetersPerUnit));
    out += QStringLiteral("    startTimeCode = %1\n").arg(frames.front().outputFrame);
    out += QStringLiteral("    timeCodesPerSecond = %1\n").arg(num(fps));
    out += QStringLiteral("    upAxis = \"Z\"\n)\n\n");
    out += QStringLiteral("def Camera \"%1\"\n{\n").arg(s.name);
    out += QStringLiteral("    float2 clippingRange = (%1, %2)\n")
               .arg(num(first.clipNear), num(first.clipFar));
    if (focalAnimated(frames)) {
        out += QStringLiteral("    float focalLength.timeSamples = {\n");
        for (const auto& b : frames)
            out +=
                QStringLiteral("        %1: %2,\n")
                    .arg(b.outputFrame)
                    .arg(num(toUsd(camera, b.pose, s.imageWidth, s.imageHeight, s.usdMetersPerUnit)
                                 .focalLength));
        out += QStringLiteral("    }\n");
    } else {
        out += QStringLiteral("    float focalLength = %1\n").arg(num(first.focalLength));
    }
    if (focusAnimated(frames)) { // a focus pull
        out += QStringLiteral("    float focusDistance.timeSamples = {\n");
        for (const auto& b : frames)
            out +=
                QStringLiteral("        %1: %2,\n")
                    .arg(b.outputFrame)
                    .arg(num(toUsd(camera, b.pose, s.imageWidth, s.imageHeight, s.usdMetersPerUnit)
                                 .focusDistance));
        out += QStringLiteral("    }\n");
    } else {
        out += QStringLiteral("    float focusDistance = %1\n").arg(num(first.focusDistance));
    }
    out += QStringLiteral("    float fStop = %1\n").arg(num(first.fStop));
    out += QStringLiteral("    float horizontalAperture = %1\n").arg(num(first.horizontalAperture));
    out += QStringLiteral("    float horizontalApertureOffset = %1\n")
               .arg(num(first.horizontalApertureOffset));
    out += QStringLiteral("    token projection = \"perspective\"\n");
    out += QStringLiteral("    float verticalAperture = %1\n").arg(num(first.verticalAperture));
    out += QStringLiteral("    float verticalApertureOffset = %1\n")
               .arg(num(first.verticalApertureOffset));
    out += QStringLiteral("    matrix4d xformOp:transform.timeSamples = {\n");
    for (const auto& b : frames) {
        const UsdCamera u = toUsd(camera, b.pose, s.imageWidth, s.imageHeight, s.usdMetersPerUnit);
        QStringList rows;
        for (const auto& row : u.transform)
            rows << QStringLiteral("(%1, %2, %3, %4)")
                        .arg(num(row[0]), num(row[1]), num(row[2]), num(row[3]));
        out += QStringLiteral("        %1: (%2),\n")
                   .arg(b.outputFrame)
                   .arg(rows.join(QStringLiteral(", ")));
    }
    out += QStringLiteral("    }\n");
    out += QStringLiteral("    uniform token[] xformOpOrder = [\"xformOp:transform\"]\n}\n");
    return out;
}

QString nukeChanText(const Camera& camera, const CameraExportSettings& s) {
    const QVector<Baked> frames = bake(camera, s);
    const FrameWindow w = frameWindow(camera, s.imageWidth, s.imageHeight);
    QString out;
    for (const auto& b : frames) {
        const CameraPose& p = b.pose;
        const double vfov = 2 * std::atan(w.heightMm / (2 * p.focalLengthMm)) * 180 / kPi;
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\t%8\n")
                   .arg(b.outputFrame)
                   .arg(num(p.position.x), num(p.position.z), num(-p.position.y), num(p.tiltDeg),
                        num(p.panDeg), num(p.rollDeg), num(vfov));
    }
    return out;
}

QString blenderScriptText(const Camera& camera, const CameraExportSettings& s) {
    const QVector<Baked> frames = bake(camera, s);
    const double fps = s.frameRate.toDouble();
    const int fpsInt = std::max(1, int(std::lround(fps)));
    QString data;
    Vec3 previous;
    for (int i = 0; i < frames.size(); ++i) {
        const BlenderCamera b = toBlender(camera, frames[i].pose, s.imageWidth, s.imageHeight,
                                          i > 0 ? &previous : nullptr);
        previous = b.rotationEulerXyzRad;
        data += QStringLiteral("    (%1, (%2, %3, %4), (%5, %6, %7), %8, %9),\n")
                    .arg(frames[i].outputFrame)
                    .arg(num(b.location.x), num(b.location.y), num(b.location.z),
                         num(b.rotationEulerXyzRad.x), num(b.rotationEulerXyzRad.y),
                         num(b.rotationEulerXyzRad.z), num(b.lensMm), num(b.focusDistanceM));
    }
    const BlenderCamera b = toBlender(camera, frames.front().pose, s.imageWidth, s.imageHeight);
    QString py;
    py += QStringLiteral(
        "# Retake camera for Blender 3.0 or later. Run: blender -b --python THIS.py [-- "
        "OUT.blend]\n"
        "# Every frame is baked: location (m) and rotation_euler (XYZ, radians) of the\n"
        "# camera object in Blender's Z-up world, the focal length and the focus distance.\n"
        "import sys\n\nimport bpy\n\n");
    py += QStringLiteral("NAME = \"%1\"\n").arg(s.name);
    py += QStringLiteral("FRAMES = [  # frame, location, rotation_euler, lens_mm, focus_m\n") +
          data + QStringLiteral("]\n\n");
    py += QStringLiteral("scene = bpy.context.scene\n"
                         "cam_data = bpy.data.cameras.new(NAME)\n"
                         "cam_data.type = 'PERSP'\n"
                         "cam_data.sensor_fit = 'HORIZONTAL'\n");
    py += QStringLiteral("cam_data.sensor_width = %1\n").arg(num(b.sensorWidthMm));
    py += QStringLiteral("cam_data.sensor_height = %1\n").arg(num(b.sensorHeightMm));
    py += QStringLiteral("cam_data.shift_x = %1\n").arg(num(b.shiftX));
    py += QStringLiteral("cam_data.shift_y = %1\n").arg(num(b.shiftY));
    py += QStringLiteral("cam_data.clip_start = %1\n").arg(num(s.clipNearM));
    py += QStringLiteral("cam_data.clip_end = %1\n").arg(num(s.clipFarM));
    py += QStringLiteral("cam_data.dof.use_dof = True\n");
    py += QStringLiteral("cam_data.dof.focus_distance = %1\n").arg(num(b.focusDistanceM));
    py += QStringLiteral("cam_data.dof.aperture_fstop = %1\n").arg(num(b.fStop));
    py += QStringLiteral("cam_data.dof.aperture_blades = %1\n").arg(b.apertureBlades);
    // Blender's anamorphic bokeh: the aperture is squeeze times taller than wide.
    py += QStringLiteral("cam_data.dof.aperture_ratio = %1\n")
              .arg(num(camera.lens.anamorphicSqueeze));
    py += QStringLiteral("cam = bpy.data.objects.new(NAME, cam_data)\n"
                         "scene.collection.objects.link(cam)\n"
                         "scene.camera = cam\n"
                         "cam.rotation_mode = 'XYZ'\n");
    py += QStringLiteral("scene.render.resolution_x = %1\n").arg(s.imageWidth);
    py += QStringLiteral("scene.render.resolution_y = %1\n").arg(s.imageHeight);
    py += QStringLiteral("scene.render.resolution_percentage = 100\n"
                         "scene.render.pixel_aspect_x = 1.0\n"
                         "scene.render.pixel_aspect_y = 1.0\n");
    // fps / fps_base is the exact rate (24000/1001 -> 24 / 1.001).
    py += QStringLiteral("scene.render.fps = %1\n").arg(fpsInt);
    py += QStringLiteral("scene.render.fps_base = %1\n").arg(num(fpsInt / fps));
    py += QStringLiteral("scene.frame_start = %1\n").arg(frames.front().outputFrame);
    py += QStringLiteral("scene.frame_end = %1\n\n").arg(frames.back().outputFrame);
    py += QStringLiteral(
        "for frame, location, rotation, lens, focus in FRAMES:\n"
        "    cam.location = location\n"
        "    cam.rotation_euler = rotation\n"
        "    cam_data.lens = lens\n"
        "    cam_data.dof.focus_distance = focus\n"
        "    cam.keyframe_insert(data_path=\"location\", frame=frame)\n"
        "    cam.keyframe_insert(data_path=\"rotation_euler\", frame=frame)\n"
        "    cam_data.keyframe_insert(data_path=\"lens\", frame=frame)\n"
        "    cam_data.dof.keyframe_insert(data_path=\"focus_distance\", frame=frame)\n"
        "\n"
        "# Baked per frame: linear in-betweens (motion blur sub-frames) follow the samples.\n"
        "for action in (cam.animation_data.action, cam_data.animation_data.action):\n"
        "    for fcurve in action.fcurves:\n"
        "        for point in fcurve.keyframe_points:\n"
        "            point.interpolation = 'LINEAR'\n"
        "scene.frame_set(scene.frame_start)\n"
        "\n"
        "if \"--\" in sys.argv:\n"
        "    args = sys.argv[sys.argv.index(\"--\") + 1:]\n"
        "    if args:\n"
        "        bpy.ops.wm.save_as_mainfile(filepath=args[0])\n");
    return py;
}

QStringList cameraFileNotes(const QString& path, const Camera& camera,
                            const CameraExportSettings& settings) {
    if (QFileInfo(path).suffix().toLower() != QLatin1String("chan"))
        return {};
    const FrameWindow w = frameWindow(camera, settings.imageWidth, settings.imageHeight);
    // To be typed by a person: six digits put a shift within 1e-6 of a frame width.
    const auto shown = [](double v) { return QString::number(v, 'g', 6); };
    QStringList notes;
    notes << tr("%1: a .chan file does not say its rotation order or filmback. Blender: select a "
                "camera, File > Import > Nuke (.chan) with Rotation Order ZXY, Make Z Up on, "
                "sensor width %2 mm and sensor height %3 mm. Nuke: a Camera with rot_order ZXY "
                "(the default), haperture %2 and vaperture %3.")
                 .arg(QFileInfo(path).fileName(), shown(w.widthMm), shown(w.heightMm));
    const double shiftX = camera.lens.shiftXMm;
    const double shiftY = camera.lens.shiftYMm;
    if (shiftX != 0 || shiftY != 0)
        // Blender measures both shifts in fitted sensor widths; Nuke's window
        // translate in half frame widths, for both axes.
        notes << tr("%1: a .chan file has no lens shift, and this camera's (%2 mm, %3 mm) is not "
                    "in it. Set it by hand: Blender shift X %4, shift Y %5; Nuke win_translate "
                    "%6 %7. The .usda and .py files carry it.")
                     .arg(QFileInfo(path).fileName(), shown(shiftX), shown(shiftY),
                          shown(shiftX / w.widthMm), shown(shiftY / w.widthMm),
                          shown(2 * shiftX / w.widthMm), shown(2 * shiftY / w.widthMm));
    return notes;
}

void writeCameraFile(const QString& path, const Camera& camera,
                     const CameraExportSettings& settings) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    QString text;
    if (suffix == QLatin1String("usda"))
        text = usdaText(camera, settings);
    else if (suffix == QLatin1String("chan"))
        text = nukeChanText(camera, settings);
    else if (suffix == QLatin1String("py"))
        text = blenderScriptText(camera, settings);
    else
        throw Error(
            ErrorKind::Usage,
            tr("%1: camera files are .usda (USD), .chan (Nuke) or .py (Blender)").arg(path));
    writeFileAtomically(path, text.toUtf8());
}

} // namespace retake
