// Retake's camera and EXR files read by Blender itself (Debian's blender 3.4,
// in background mode), in one launch because Blender takes seconds to start:
//   (a) the .chan through Blender's own Nuke importer (io_anim_nuke_chan),
//   (b) the generated Blender script run as `blender --python`,
//   (c) the depth of an exported EXR read by Blender's image loader (the
//       compositor's Image node, whose Depth output reaches Z of a single-part
//       file and ViewLayer.Depth.Z of a multilayer one; bpy's Image.pixels
//       give colour only),
//   (d) a test point projected by Blender's camera (world_to_camera_view)
//       against Retake's own projection, within 0.5 px.
// Blender only reports what it reads; every comparison is made here.
#include "camera/cameraexport.h"
#include "camera/lens.h"
#include "camera/motion.h"
#include "cameraexportsettings.h"
#include "media/encode.h"
#include "mediaio/writemedia.h"
#include "model/project.h"
#include "processrun.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;

namespace {

constexpr int kW = 1920, kH = 1080;
constexpr int kExrW = 64, kExrH = 32;

// A keyframed camera: a zoom and a move with easing, lens shift, DoF.
Camera keyedCamera() {
    Camera c;
    c.focalLengthMm = 35;
    c.filmbackWidthMm = 24.89;
    c.filmbackHeightMm = 18.66;
    c.focusDistanceM = 4.5;
    c.fStop = 2.0;
    c.lens.shiftXMm = 0.8;
    c.lens.shiftYMm = -0.4;
    c.lens.apertureBlades = 7;
    CameraKey a;
    a.frame = 0;
    a.pose.position = {0, -6, 1.6};
    a.pose.focalLengthMm = 35;
    CameraKey b;
    b.frame = 12;
    b.pose.position = {1.0, -4.0, 1.8};
    b.pose.panDeg = 15;
    b.pose.tiltDeg = -5;
    b.pose.rollDeg = 3;
    b.pose.focalLengthMm = 50;
    b.easing = Easing::Linear;
    CameraKey e;
    e.frame = 23;
    e.pose.position = {2.0, -3.0, 2.1};
    e.pose.panDeg = 28;
    e.pose.tiltDeg = -9;
    e.pose.focalLengthMm = 40;
    setKey(c.motion, a);
    setKey(c.motion, b);
    setKey(c.motion, e);
    return c;
}

CameraExportSettings exportSettings() {
    return retake::testing::ntscCameraExport(kW, kH);
}

// Depth of the test EXRs at a pixel: a ramp across, 0 (no depth) in one corner.
float depthAt(int x, int y) {
    if (x < 4 && y < 4)
        return 0.0f;
    return 0.5f + 0.25f * float(x) + 0.125f * float(y);
}

Image depthImage() {
    Image image(kExrW, kExrH, 4, SampleType::Float32);
    image.depth.resize(std::size_t(kExrW) * kExrH);
    float* p = image.samples<float>();
    for (int y = 0; y < kExrH; ++y)
        for (int x = 0; x < kExrW; ++x) {
            float* px = p + (std::size_t(y) * kExrW + x) * 4;
            px[0] = 0.25f, px[1] = 0.5f, px[2] = 0.75f, px[3] = 1.0f;
            image.depth[std::size_t(y) * kExrW + x] = depthAt(x, y);
        }
    return image;
}

const QList<QPoint> kDepthPixels{{0, 0}, {10, 3}, {63, 0}, {5, 31}, {40, 20}};
const QList<Vec3> kTestPoints{{0.4, 1.0, 1.9}, {-0.8, 2.5, 0.7}, {2.5, 4.0, 2.2}};
const QList<int> kProjectedFrames{0, 5, 12, 17, 23};

// Runs inside Blender after Retake's script (a second --python).
const char* const kBlenderCheck = R"PY(
import json, os, sys
import bpy
from bpy_extras.object_utils import world_to_camera_view
from mathutils import Vector

cfg = json.load(open(os.environ["RETAKE_BLENDER_CHECK"]))
out = {"version": bpy.app.version_string}
scene = bpy.context.scene

# (b) What Retake's script built.
cam = scene.camera
d = cam.data
out["camera"] = cam.name
out["sensor"] = [d.sensor_fit, d.sensor_width, d.sensor_height]
out["shift"] = [d.shift_x, d.shift_y]
out["clip"] = [d.clip_start, d.clip_end]
out["dof"] = [d.dof.use_dof, d.dof.focus_distance, d.dof.aperture_fstop, d.dof.aperture_blades]
out["frameRange"] = [scene.frame_start, scene.frame_end]
out["fps"] = [scene.render.fps, scene.render.fps_base]
out["resolution"] = [scene.render.resolution_x, scene.render.resolution_y,
                     scene.render.resolution_percentage,
                     scene.render.pixel_aspect_x, scene.render.pixel_aspect_y]

# (a) The .chan through Blender's Nuke importer, onto a second camera.
bpy.ops.preferences.addon_enable(module="io_anim_nuke_chan")
chan_cam = bpy.data.objects.new("ChanCamera", bpy.data.cameras.new("ChanCamera"))
scene.collection.objects.link(chan_cam)
bpy.context.view_layer.objects.active = chan_cam
chan_cam.select_set(True)
# Exactly the settings Retake's note for the file gives (cameraFileNotes).
chan = cfg["chanSettings"]
result = bpy.ops.import_scene.import_chan(filepath=cfg["chan"], z_up=True,
                                          rotation_order=chan["rotationOrder"],
                                          sensor_width=chan["sensor"][0],
                                          sensor_height=chan["sensor"][1])
out["chanImport"] = sorted(result)
chan_cam.data.shift_x, chan_cam.data.shift_y = chan["shift"]

def matrix(obj):
    return [list(row) for row in obj.matrix_world]

frames = []
for f in range(cfg["firstFrame"], cfg["lastFrame"] + 1):
    scene.frame_set(f)
    entry = {"frame": f, "script": {"matrix": matrix(cam), "lens": cam.data.lens},
             "chan": {"matrix": matrix(chan_cam), "lens": chan_cam.data.lens,
                      "sensor": [chan_cam.data.sensor_fit, chan_cam.data.sensor_width,
                                 chan_cam.data.sensor_height]}}
    # (d) Blender's projection of the test points, in pixels from the top-left corner.
    if f in cfg["projectFrames"]:
        for key, obj in (("pixels", cam), ("chanPixels", chan_cam)):
            pixels = []
            for p in cfg["points"]:
                v = world_to_camera_view(scene, obj, Vector(p))
                pixels.append([v.x * scene.render.resolution_x,
                               (1.0 - v.y) * scene.render.resolution_y, v.z])
            entry[key] = pixels
    frames.append(entry)
out["frames"] = frames

# (c) Depth of the EXRs through the compositor's Image node (Blender's image
# loader), written out as a float EXR and read back with Blender's loader.
ds = bpy.data.scenes.new("RetakeDepthCheck")
ds.render.resolution_x, ds.render.resolution_y = cfg["exrSize"]
ds.render.resolution_percentage = 100
ds.render.image_settings.file_format = "OPEN_EXR"
ds.render.image_settings.color_depth = "32"
ds.render.image_settings.color_mode = "RGB"
ds.view_settings.view_transform = "Standard"
ds.use_nodes = True
tree = ds.node_tree
depth = {}
for key, path in cfg["exrs"].items():
    tree.nodes.clear()
    img = bpy.data.images.load(path)
    node = tree.nodes.new("CompositorNodeImage")
    node.image = img
    composite = tree.nodes.new("CompositorNodeComposite")
    tree.links.new(node.outputs["Depth"], composite.inputs["Image"])
    ds.render.filepath = os.path.join(cfg["dir"], "blender_depth_" + key + ".exr")
    bpy.ops.render.render(write_still=True, scene=ds.name)
    back = bpy.data.images.load(ds.render.filepath)
    px = back.pixels[:]
    w, h = back.size
    c = back.channels
    values = [px[((h - 1 - y) * w + x) * c] for x, y in cfg["pixels"]]
    colour = list(img.pixels[:4]) if img.channels else []
    depth[key] = {"outputs": [o.name for o in node.outputs], "imageType": img.type,
                  "size": [w, h], "depth": values, "firstPixelColour": colour}
out["depth"] = depth
json.dump(out, open(cfg["out"], "w"))
print("retake-blender-check: ok")
)PY";

bool close(double a, double b, double tolerance) {
    return std::abs(a - b) <= tolerance;
}

QString describe(double a, double b) {
    return QStringLiteral("%1 vs %2").arg(a, 0, 'g', 10).arg(b, 0, 'g', 10);
}

} // namespace

class TestBlender : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        blender_ = QStandardPaths::findExecutable(QStringLiteral("blender"));
        if (blender_.isEmpty())
            QSKIP("blender is not installed (Debian: apt-get install blender); the Blender "
                  "round trip is not checked");
        QVERIFY(dir_.isValid());
        runBlender();
    }

    // (b) the generated script: camera data, DoF, frame range and rate.
    void scriptCameraSettings() {
        const Camera c = keyedCamera();
        const FrameWindow w = frameWindow(c, kW, kH);
        const QJsonArray sensor = result_[QStringLiteral("sensor")].toArray();
        QCOMPARE(sensor[0].toString(), QStringLiteral("HORIZONTAL"));
        QVERIFY2(close(sensor[1].toDouble(), w.widthMm, 1e-4),
                 qPrintable(describe(sensor[1].toDouble(), w.widthMm)));
        QVERIFY2(close(sensor[2].toDouble(), w.heightMm, 1e-4),
                 qPrintable(describe(sensor[2].toDouble(), w.heightMm)));
        const QJsonArray shift = result_[QStringLiteral("shift")].toArray();
        QVERIFY(close(shift[0].toDouble(), 0.8 / w.widthMm, 1e-6));
        QVERIFY(close(shift[1].toDouble(), -0.4 / w.widthMm, 1e-6));
        const QJsonArray clip = result_[QStringLiteral("clip")].toArray();
        QVERIFY(close(clip[0].toDouble(), 0.05, 1e-6));
        QVERIFY(close(clip[1].toDouble(), 500, 1e-3));
        const QJsonArray dof = result_[QStringLiteral("dof")].toArray();
        QVERIFY(dof[0].toBool());
        QVERIFY(close(dof[1].toDouble(), 4.5, 1e-5));
        QVERIFY(close(dof[2].toDouble(), 2.0, 1e-5));
        QCOMPARE(dof[3].toInt(), 7);
        const QJsonArray range = result_[QStringLiteral("frameRange")].toArray();
        QCOMPARE(range[0].toInt(), 1001);
        QCOMPARE(range[1].toInt(), 1024);
        const QJsonArray fps = result_[QStringLiteral("fps")].toArray();
        QCOMPARE(fps[0].toInt(), 24);
        QVERIFY(close(fps[1].toDouble(), 1.001, 1e-6));
        // The rate Blender will play at: fps / fps_base.
        QVERIFY(close(fps[0].toDouble() / fps[1].toDouble(), 24000.0 / 1001.0, 1e-5));
        const QJsonArray res = result_[QStringLiteral("resolution")].toArray();
        QCOMPARE(res[0].toInt(), kW);
        QCOMPARE(res[1].toInt(), kH);
        QCOMPARE(res[2].toInt(), 100);
        QVERIFY(QFileInfo::exists(dir_.filePath(QStringLiteral("scene.blend"))));
    }

    // (a) and (b): both cameras follow Retake's camera frame by frame.
    void animatedCameraFrameByFrame() {
        const Camera c = keyedCamera();
        const CameraExportSettings s = exportSettings();
        const QJsonArray frames = result_[QStringLiteral("frames")].toArray();
        QCOMPARE(frames.size(), 24);
        const QJsonArray import = result_[QStringLiteral("chanImport")].toArray();
        QCOMPARE(import.first().toString(), QStringLiteral("FINISHED"));
        double worstPosition = 0, worstRotation = 0, worstLens = 0;
        for (int i = 0; i < frames.size(); ++i) {
            const QJsonObject f = frames[i].toObject();
            QCOMPARE(f[QStringLiteral("frame")].toInt(), 1001 + i);
            const CameraPose pose = evaluatePose(c, double(i), s.frameRate);
            const RigidTransform expected = cameraToWorld(pose);
            for (const char* which : {"script", "chan"}) {
                const QJsonObject cam = f[QLatin1String(which)].toObject();
                const QJsonArray m = cam[QStringLiteral("matrix")].toArray();
                const double position[3] = {pose.position.x, pose.position.y, pose.position.z};
                for (int r = 0; r < 3; ++r) {
                    const QJsonArray row = m[r].toArray();
                    worstPosition =
                        std::max(worstPosition, std::abs(row[3].toDouble() - position[r]));
                    for (int k = 0; k < 3; ++k)
                        worstRotation =
                            std::max(worstRotation, std::abs(row[k].toDouble() - expected.r[r][k]));
                }
                const double lens = cam[QStringLiteral("lens")].toDouble();
                worstLens = std::max(worstLens, std::abs(lens - pose.focalLengthMm));
                QVERIFY2(close(lens, pose.focalLengthMm, 1e-3),
                         qPrintable(QStringLiteral("%1 camera, frame %2: lens %3")
                                        .arg(QLatin1String(which))
                                        .arg(1001 + i)
                                        .arg(describe(lens, pose.focalLengthMm))));
            }
            const QJsonArray chanSensor =
                f[QStringLiteral("chan")].toObject()[QStringLiteral("sensor")].toArray();
            QCOMPARE(chanSensor[0].toString(), QStringLiteral("HORIZONTAL"));
        }
        qInfo("worst differences from Retake: position %.2g m, rotation %.2g, lens %.2g mm",
              worstPosition, worstRotation, worstLens);
        QVERIFY2(worstPosition < 1e-4, qPrintable(QString::number(worstPosition)));
        QVERIFY2(worstRotation < 1e-4, qPrintable(QString::number(worstRotation)));
        // The key frames' values are reached exactly, so the easing is baked right.
        const QJsonObject key12 = frames[12].toObject()[QStringLiteral("script")].toObject();
        QVERIFY(close(key12[QStringLiteral("lens")].toDouble(), 50, 1e-4));
        QVERIFY(
            close(key12[QStringLiteral("matrix")].toArray()[0].toArray()[3].toDouble(), 1.0, 1e-5));
    }

    // (d) issue 6's round trip: the same point lands on the same pixel, from
    // Retake's script and from the .chan imported as Retake's note says
    // (rotation order, filmback, the lens shift the format cannot hold).
    void projectionMatchesRetake() {
        const Camera c = keyedCamera();
        const CameraExportSettings s = exportSettings();
        const QJsonArray frames = result_[QStringLiteral("frames")].toArray();
        double worst = 0;
        int compared = 0;
        for (int i : kProjectedFrames)
            for (const char* which : {"pixels", "chanPixels"}) {
                const QJsonArray pixels = frames[i].toObject()[QLatin1String(which)].toArray();
                QCOMPARE(pixels.size(), kTestPoints.size());
                const CameraPose pose = evaluatePose(c, double(i), s.frameRate);
                const Intrinsics k = intrinsics(c, kW, kH, pose.focalLengthMm);
                for (int p = 0; p < kTestPoints.size(); ++p) {
                    const PixelPoint ours = projectPoint(k, cameraToWorld(pose), kTestPoints[p]);
                    QVERIFY(ours.inFront);
                    const QJsonArray theirs = pixels[p].toArray();
                    const double dx = theirs[0].toDouble() - ours.x,
                                 dy = theirs[1].toDouble() - ours.y;
                    const double error = std::hypot(dx, dy);
                    worst = std::max(worst, error);
                    ++compared;
                    QVERIFY2(error < 0.5,
                             qPrintable(QStringLiteral("%7, frame %1 point %2: Blender (%3, %4), "
                                                       "Retake (%5, %6)")
                                            .arg(1001 + i)
                                            .arg(p)
                                            .arg(theirs[0].toDouble())
                                            .arg(theirs[1].toDouble())
                                            .arg(ours.x)
                                            .arg(ours.y)
                                            .arg(QLatin1String(which))));
                    // Blender's z is the distance along the view axis: Retake's depth.
                    QVERIFY(close(theirs[2].toDouble(), ours.depth, 1e-4));
                }
            }
        qInfo("%d projections, worst distance %.4f px", compared, worst);
    }

    // (c) Blender's image loader reads the depth Retake wrote, in both namings.
    void exrDepthReadByBlender() {
        const QJsonObject depth = result_[QStringLiteral("depth")].toObject();
        for (const char* key : {"z", "blender"}) {
            const QJsonObject d = depth[QLatin1String(key)].toObject();
            QVERIFY2(!d.isEmpty(), key);
            QVERIFY(d[QStringLiteral("outputs")].toArray().contains(QStringLiteral("Depth")));
            const QJsonArray size = d[QStringLiteral("size")].toArray();
            QCOMPARE(size[0].toInt(), kExrW);
            QCOMPARE(size[1].toInt(), kExrH);
            const QJsonArray values = d[QStringLiteral("depth")].toArray();
            QCOMPARE(values.size(), kDepthPixels.size());
            for (int i = 0; i < kDepthPixels.size(); ++i) {
                const QPoint p = kDepthPixels[i];
                QVERIFY2(
                    close(values[i].toDouble(), depthAt(p.x(), p.y()), 1e-6),
                    qPrintable(QStringLiteral("%1 naming, pixel (%2, %3): %4")
                                   .arg(QLatin1String(key))
                                   .arg(p.x())
                                   .arg(p.y())
                                   .arg(describe(values[i].toDouble(), depthAt(p.x(), p.y())))));
            }
        }
        // The single-part file's colour through bpy's Image.pixels (RGBA; Z is
        // reachable only through the compositor, as above).
        const QJsonArray colour =
            depth[QStringLiteral("z")].toObject()[QStringLiteral("firstPixelColour")].toArray();
        QCOMPARE(colour.size(), 4);
        QVERIFY(close(colour[2].toDouble(), 0.75, 1e-3));
    }

private:
    void runBlender() {
        const Camera camera = keyedCamera();
        const CameraExportSettings s = exportSettings();
        const QString chan = dir_.filePath(QStringLiteral("camera.chan"));
        const QString script = dir_.filePath(QStringLiteral("camera.py"));
        writeCameraFile(chan, camera, s);
        writeCameraFile(script, camera, s);
        ImageWriteOptions z;
        z.exrPixelType = ExrPixelType::Half;
        writeImageFile(dir_.filePath(QStringLiteral("depth_z.exr")), depthImage(), z);
        ImageWriteOptions blender = z;
        blender.exrDepthNaming = ExrDepthNaming::Blender;
        writeImageFile(dir_.filePath(QStringLiteral("depth_blender.exr")), depthImage(), blender);

        const FrameWindow w = frameWindow(camera, kW, kH);
        QJsonArray points, pixels, projectFrames;
        for (const Vec3& p : kTestPoints)
            points.append(QJsonArray{p.x, p.y, p.z});
        for (const QPoint& p : kDepthPixels)
            pixels.append(QJsonArray{p.x(), p.y()});
        for (int f : kProjectedFrames)
            projectFrames.append(1001 + f);
        // The import settings as a user reads them in Retake's note.
        const QString notes = cameraFileNotes(chan, camera, s).join(QLatin1Char(' '));
        const QRegularExpression documented(QStringLiteral(
            "Rotation Order (\\w+),.*sensor width ([-0-9.e]+) mm and sensor height ([-0-9.e]+) "
            "mm.*Blender shift X ([-0-9.e]+), shift Y ([-0-9.e]+);"));
        const QRegularExpressionMatch said = documented.match(notes);
        QVERIFY2(said.hasMatch(), qPrintable(notes));
        const QJsonObject chanSettings{
            {"rotationOrder", said.captured(1)},
            {"sensor", QJsonArray{said.captured(2).toDouble(), said.captured(3).toDouble()}},
            {"shift", QJsonArray{said.captured(4).toDouble(), said.captured(5).toDouble()}}};
        const QJsonObject config{
            {"chan", chan},
            {"chanSettings", chanSettings},
            {"sensor", QJsonArray{w.widthMm, w.heightMm}},
            {"firstFrame", 1001},
            {"lastFrame", 1024},
            {"projectFrames", projectFrames},
            {"points", points},
            {"exrSize", QJsonArray{kExrW, kExrH}},
            {"exrs", QJsonObject{{"z", dir_.filePath(QStringLiteral("depth_z.exr"))},
                                 {"blender", dir_.filePath(QStringLiteral("depth_blender.exr"))}}},
            {"pixels", pixels},
            {"dir", dir_.path()},
            {"out", dir_.filePath(QStringLiteral("blender.json"))}};
        const QString configPath = dir_.filePath(QStringLiteral("check.json"));
        QFile configFile(configPath);
        QVERIFY(configFile.open(QIODevice::WriteOnly));
        configFile.write(QJsonDocument(config).toJson());
        configFile.close();
        const QString check = dir_.filePath(QStringLiteral("check.py"));
        QFile checkFile(check);
        QVERIFY(checkFile.open(QIODevice::WriteOnly));
        checkFile.write(kBlenderCheck);
        checkFile.close();

        retake::testing::RunOptions withCheck;
        withCheck.environment.insert(QStringLiteral("RETAKE_BLENDER_CHECK"), configPath);
        withCheck.mergeChannels = true;
        withCheck.timeoutMs = 180000;
        // Retake's script runs exactly as a user runs it (`blender --python
        // camera.py -- scene.blend`), then the check.
        const retake::testing::Run checked = retake::testing::run(
            blender_,
            {QStringLiteral("-b"), QStringLiteral("--factory-startup"),
             QStringLiteral("--python-exit-code"), QStringLiteral("1"), QStringLiteral("--python"),
             script, QStringLiteral("--python"), check, QStringLiteral("--"),
             dir_.filePath(QStringLiteral("scene.blend"))},
            withCheck);
        const QString log = checked.out + checked.err;
        QVERIFY2(checked.ok() && log.contains(QStringLiteral("retake-blender-check: ok")),
                 qPrintable(log.right(4000)));
        QFile out(dir_.filePath(QStringLiteral("blender.json")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        result_ = QJsonDocument::fromJson(out.readAll()).object();
        qInfo("Blender %s", qPrintable(result_[QStringLiteral("version")].toString()));
    }

    QString blender_;
    QTemporaryDir dir_;
    QJsonObject result_;
};

QTEST_GUILESS_MAIN(TestBlender)
#include "test_blender.moc"
