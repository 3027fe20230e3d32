// Camera files read back by the tools' own code where it is installed: the
// .usda through Pixar's USD (usd-core in Retake's venv), including the
// projection of a test point through Gf.Camera's frustum; the .chan line by
// line; the Blender script compiled by Python and run against a recording
// stand-in for bpy (Blender itself is not installed on the build machines).
#include "camera/cameraexport.h"
#include "camera/lens.h"
#include "camera/motion.h"
#include "cameraexportsettings.h"
#include "core/error.h"
#include "model/project.h"
#include "processrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;

namespace {

constexpr int kW = 1920, kH = 1080;

Camera testCamera() {
    Camera c;
    c.focalLengthMm = 35;
    c.filmbackWidthMm = 24.89;
    c.filmbackHeightMm = 18.66;
    c.focusDistanceM = 4.5;
    c.fStop = 2.0;
    c.lens.shiftXMm = 0.8;
    c.lens.shiftYMm = -0.4;
    c.lens.apertureBlades = 7;
    c.motion.pose.position = {0, -5, 1.6};
    MoveParams move;
    move.kind = MoveKind::DollyZoom;
    move.start = 0;
    move.frames = 23;
    move.amount = 50;
    c.motion = withMove(c, move);
    MoveParams pan;
    pan.kind = MoveKind::Pan;
    pan.start = 5;
    pan.frames = 10;
    pan.amount = 20;
    c.motion.keys = withMove(c, pan).keys;
    c.motion.handheld = findHandheldPreset(QStringLiteral("handheld"))->handheld;
    c.motion.handheld.seed = 7;
    return c;
}

CameraExportSettings settings() {
    return retake::testing::ntscCameraExport(kW, kH);
}

using retake::testing::Run;

Run python(const QStringList& args) {
    return retake::testing::run(QStringLiteral(RETAKE_PYTHON), args);
}

bool pxrAvailable() {
    return python({QStringLiteral("-c"), QStringLiteral("from pxr import Usd, UsdGeom")})
               .exitCode == 0;
}

const char* kUsdCheck = R"PY(
import json, sys
from pxr import Gf, Usd, UsdGeom
usda, expected_path = sys.argv[1], sys.argv[2]
exp = json.load(open(expected_path))
stage = Usd.Stage.Open(usda)
errors = []
def close(name, got, want, tol):
    if abs(got - want) > tol:
        errors.append("%s: got %r, want %r" % (name, got, want))
close("metersPerUnit", UsdGeom.GetStageMetersPerUnit(stage), 1.0, 0)
if UsdGeom.GetStageUpAxis(stage) != UsdGeom.Tokens.z:
    errors.append("upAxis is not Z")
close("timeCodesPerSecond", stage.GetTimeCodesPerSecond(), exp["fps"], 1e-9)
close("startTimeCode", stage.GetStartTimeCode(), exp["start"], 0)
close("endTimeCode", stage.GetEndTimeCode(), exp["end"], 0)
cam = UsdGeom.Camera(stage.GetPrimAtPath("/RetakeCamera"))
if not cam:
    errors.append("no UsdGeom.Camera at /RetakeCamera")
    print("\n".join(errors)); sys.exit(1)
clip = cam.GetClippingRangeAttr().Get()
close("clip near", clip[0], exp["clipNear"], 1e-6)
close("clip far", clip[1], exp["clipFar"], 1e-3)
close("focusDistance", cam.GetFocusDistanceAttr().Get(), exp["focusDistance"], 1e-5)
close("fStop", cam.GetFStopAttr().Get(), exp["fStop"], 1e-6)
close("horizontalAperture", cam.GetHorizontalApertureAttr().Get(), exp["hAperture"], 1e-6)
close("verticalAperture", cam.GetVerticalApertureAttr().Get(), exp["vAperture"], 1e-6)
close("horizontalApertureOffset", cam.GetHorizontalApertureOffsetAttr().Get(), exp["hOffset"], 1e-7)
close("verticalApertureOffset", cam.GetVerticalApertureOffsetAttr().Get(), exp["vOffset"], 1e-7)
if cam.GetProjectionAttr().Get() != "perspective":
    errors.append("projection is not perspective")
for f in exp["frames"]:
    t = Usd.TimeCode(f["time"])
    close("focalLength@%d" % f["time"], cam.GetFocalLengthAttr().Get(t), f["focal"], 1e-6)
    m = UsdGeom.Xformable(cam.GetPrim()).ComputeLocalToWorldTransform(t)
    for i in range(4):
        for j in range(4):
            close("transform[%d][%d]@%d" % (i, j, f["time"]), m[i][j], f["matrix"][i][j], 1e-9)
    # The test point through USD's own camera model.
    frustum = cam.GetCamera(t).frustum
    view = frustum.ComputeViewMatrix()
    proj = frustum.ComputeProjectionMatrix()
    ndc = proj.Transform(view.Transform(Gf.Vec3d(*exp["point"])))
    px = (ndc[0] + 1) / 2 * exp["width"]
    py = (1 - ndc[1]) / 2 * exp["height"]
    close("pixel x@%d" % f["time"], px, f["pixel"][0], 0.5)
    close("pixel y@%d" % f["time"], py, f["pixel"][1], 0.5)
if errors:
    print("\n".join(errors)); sys.exit(1)
print("ok")
)PY";

// A stand-in for Blender's bpy that records what the script sets.
const char* kFakeBpy = R"PY(
import sys, types, json
record = {"keys": [], "saved": None}
class Obj:
    def __init__(self, **kw):
        self.__dict__.update(kw)
    def keyframe_insert(self, data_path, frame):
        record["keys"].append((data_path, frame, getattr(self, data_path) if not isinstance(getattr(self, data_path), Obj) else None))
class Points:
    def __init__(self): self.interpolation = None
class FCurve:
    def __init__(self): self.keyframe_points = [Points()]
class Action:
    def __init__(self): self.fcurves = [FCurve()]
def new_camera(name):
    cam = Obj(name=name, dof=Obj(), animation_data=Obj(action=Action()))
    record["camera"] = cam
    return cam
def new_object(name, data):
    obj = Obj(name=name, data=data, animation_data=Obj(action=Action()))
    record["object"] = obj
    return obj
scene = Obj(collection=Obj(objects=Obj(link=lambda o: None)), render=Obj(), camera=None,
            frame_set=lambda f: None)
bpy = types.ModuleType("bpy")
bpy.context = Obj(scene=scene)
bpy.data = Obj(cameras=Obj(new=new_camera), objects=Obj(new=new_object))
bpy.ops = Obj(wm=Obj(save_as_mainfile=lambda filepath: record.__setitem__("saved", filepath)))
sys.modules["bpy"] = bpy
script, out = sys.argv[1], sys.argv[2]
sys.argv = ["blender", "--", "/tmp/out.blend"]
exec(compile(open(script).read(), script, "exec"), {"__name__": "__main__"})
cam = record["camera"]
result = {
    "sensor_fit": cam.sensor_fit, "sensor_width": cam.sensor_width,
    "sensor_height": cam.sensor_height, "shift_x": cam.shift_x, "shift_y": cam.shift_y,
    "clip_start": cam.clip_start, "clip_end": cam.clip_end,
    "focus_distance": cam.dof.focus_distance, "fstop": cam.dof.aperture_fstop,
    "blades": cam.dof.aperture_blades, "use_dof": cam.dof.use_dof,
    "fps": scene.render.fps, "fps_base": scene.render.fps_base,
    "frame_start": scene.frame_start, "frame_end": scene.frame_end,
    "res": [scene.render.resolution_x, scene.render.resolution_y],
    "active": scene.camera is record["object"], "saved": record["saved"],
    "keys": [[k[0], k[1], list(k[2]) if isinstance(k[2], (tuple, list)) else k[2]] for k in record["keys"]],
}
json.dump(result, open(out, "w"))
)PY";

} // namespace

class TestCameraExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usdReadByPixarUsd() {
        if (!pxrAvailable())
            QSKIP("usd-core is not installed in " RETAKE_PYTHON);
        QTemporaryDir dir;
        const Camera c = testCamera();
        const CameraExportSettings s = settings();
        const QString usda = dir.filePath(QStringLiteral("camera.usda"));
        writeCameraFile(usda, c, s);

        const Vec3 point{0.4, 1.0, 1.9};
        QJsonArray frames;
        for (FrameNumber f : {0, 6, 11, 23}) {
            const CameraPose pose = evaluatePose(c, double(f), s.frameRate);
            const UsdCamera u = toUsd(c, pose, kW, kH, 1.0);
            QJsonArray matrix;
            for (const auto& row : u.transform)
                matrix.append(QJsonArray{row[0], row[1], row[2], row[3]});
            const PixelPoint px =
                projectPoint(intrinsics(c, kW, kH, pose.focalLengthMm), cameraToWorld(pose), point);
            QVERIFY(px.inFront);
            frames.append(QJsonObject{{"time", double(s.firstOutputFrame + f)},
                                      {"focal", u.focalLength},
                                      {"matrix", matrix},
                                      {"pixel", QJsonArray{px.x, px.y}}});
        }
        const UsdCamera u0 = toUsd(c, evaluatePose(c, 0, s.frameRate), kW, kH, 1.0);
        const QJsonObject expected{{"fps", s.frameRate.toDouble()},
                                   {"start", double(s.firstOutputFrame)},
                                   {"end", double(s.firstOutputFrame + 23)},
                                   {"clipNear", 0.05},
                                   {"clipFar", 500.0},
                                   {"focusDistance", 4.5},
                                   {"fStop", 2.0},
                                   {"hAperture", u0.horizontalAperture},
                                   {"vAperture", u0.verticalAperture},
                                   {"hOffset", 0.008},
                                   {"vOffset", -0.004},
                                   {"width", kW},
                                   {"height", kH},
                                   {"point", QJsonArray{point.x, point.y, point.z}},
                                   {"frames", frames}};
        QFile e(dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write(QJsonDocument(expected).toJson());
        e.close();
        QFile script(dir.filePath(QStringLiteral("check.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kUsdCheck);
        script.close();
        const Run r = python({script.fileName(), usda, e.fileName()});
        QVERIFY2(r.exitCode == 0 && r.out.trimmed() == QLatin1String("ok"),
                 qPrintable(r.out + r.err));
    }

    void nukeChan() {
        QTemporaryDir dir;
        const Camera c = testCamera();
        const CameraExportSettings s = settings();
        const QString path = dir.filePath(QStringLiteral("camera.chan"));
        writeCameraFile(path, c, s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 24);
        const QStringList first = lines[10].split(QLatin1Char('\t'));
        QCOMPARE(first.size(), 8);
        QCOMPARE(first[0], QStringLiteral("1011"));
        const CameraPose pose = evaluatePose(c, 10, s.frameRate);
        // Y-up: (x, z, -y); rotate (tilt, pan, roll); vertical FOV of the window.
        QVERIFY(std::abs(first[1].toDouble() - pose.position.x) < 1e-9);
        QVERIFY(std::abs(first[2].toDouble() - pose.position.z) < 1e-9);
        QVERIFY(std::abs(first[3].toDouble() + pose.position.y) < 1e-9);
        QVERIFY(std::abs(first[4].toDouble() - pose.tiltDeg) < 1e-9);
        QVERIFY(std::abs(first[5].toDouble() - pose.panDeg) < 1e-9);
        QVERIFY(std::abs(first[6].toDouble() - pose.rollDeg) < 1e-9);
        const double h = frameWindow(c, kW, kH).heightMm;
        QVERIFY(std::abs(first[7].toDouble() - 2 * std::atan(h / 2 / pose.focalLengthMm) * 180 /
                                                   3.14159265358979) < 1e-6);
    }

    void blenderScriptRuns() {
        QTemporaryDir dir;
        const Camera c = testCamera();
        const CameraExportSettings s = settings();
        const QString path = dir.filePath(QStringLiteral("camera.py"));
        writeCameraFile(path, c, s);
        QFile fake(dir.filePath(QStringLiteral("fakebpy.py")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write(kFakeBpy);
        fake.close();
        const QString out = dir.filePath(QStringLiteral("result.json"));
        const Run r = python({fake.fileName(), path, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("sensor_fit")).toString(), QStringLiteral("HORIZONTAL"));
        QVERIFY(std::abs(o.value(QStringLiteral("sensor_width")).toDouble() - 24.89) < 1e-9);
        QVERIFY(std::abs(o.value(QStringLiteral("shift_x")).toDouble() - 0.8 / 24.89) < 1e-12);
        QCOMPARE(o.value(QStringLiteral("fps")).toInt(), 24);
        QVERIFY(std::abs(o.value(QStringLiteral("fps_base")).toDouble() - 1.001) < 1e-12);
        QCOMPARE(o.value(QStringLiteral("frame_start")).toInt(), 1001);
        QCOMPARE(o.value(QStringLiteral("frame_end")).toInt(), 1024);
        QCOMPARE(o.value(QStringLiteral("blades")).toInt(), 7);
        QVERIFY(o.value(QStringLiteral("use_dof")).toBool());
        QVERIFY(o.value(QStringLiteral("active")).toBool());
        QCOMPARE(o.value(QStringLiteral("saved")).toString(), QStringLiteral("/tmp/out.blend"));
        // 24 frames x (location, rotation, lens, focus distance), with the baked values.
        const QJsonArray keys = o.value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 96);
        const QJsonArray lens23 = keys[94].toArray();
        QCOMPARE(lens23[0].toString(), QStringLiteral("lens"));
        QVERIFY(std::abs(lens23[2].toDouble() - 50) < 1e-9);
        const QJsonArray focus23 = keys[95].toArray();
        QCOMPARE(focus23[0].toString(), QStringLiteral("focus_distance"));
        QVERIFY(std::abs(focus23[2].toDouble() - 4.5) < 1e-9);
        const QJsonArray loc5 = keys[20].toArray();
        QCOMPARE(loc5[1].toInt(), 1006);
        const CameraPose pose = evaluatePose(c, 5, s.frameRate);
        QVERIFY(std::abs(loc5[2].toArray()[1].toDouble() - pose.position.y) < 1e-9);
    }

    void refusesUnknownFormat() {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(Error, writeCameraFile(dir.filePath(QStringLiteral("c.fbx")),
                                                        testCamera(), settings()));
    }
};

QTEST_GUILESS_MAIN(TestCameraExport)
#include "test_camera_export.moc"
