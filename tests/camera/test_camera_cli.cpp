// retake-cli camera / blocking end to end: edits saved in the project, JSON
// output, camera files, a rendered EXR sequence with depth, and exit code 1
// with a clear message for bad input.
#include "clirun.h"
#include "media/encode.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "testclip.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;

namespace {

using retake::testing::cli;
using retake::testing::json;
using retake::testing::Run;

} // namespace

class TestCameraCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString project_;

    QStringList camera(const QStringList& more) const {
        return QStringList{QStringLiteral("camera"), project_, QStringLiteral("--shot"),
                           QStringLiteral("plate")} +
               more;
    }
    void expectUsageError(const QStringList& args, const char* needle) {
        const QByteArray before = [&] {
            QFile f(project_);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        const Run r = cli(args);
        QVERIFY2(r.exitCode == 1, qPrintable(QString::number(r.exitCode) + r.out + r.err));
        QVERIFY2(r.err.contains(QLatin1String(needle), Qt::CaseInsensitive), qPrintable(r.err));
        QFile f(project_);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before); // nothing saved
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // A 24-frame 320x180 PNG sequence as the shot's media.
        project_ = dir_.filePath(QStringLiteral("p.retake"));
        const QString failed = retake::testing::newProjectWithPngPlate(
            project_, dir_.path(), 24, 320, 180, QStringLiteral("1920x1080"),
            [](int frame, std::size_t) { return std::uint8_t(frame * 10); });
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void setLensAndReadJson() {
        const Run r = cli(
            camera({QStringLiteral("--focal"), QStringLiteral("50"), QStringLiteral("--filmback"),
                    QStringLiteral("alexaminilf"), QStringLiteral("--fstop"), QStringLiteral("2.8"),
                    QStringLiteral("--focus"), QStringLiteral("3"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("focalLengthMm")).toDouble(), 50.0);
        QCOMPARE(o.value(QStringLiteral("filmbackWidthMm")).toDouble(), 36.70);
        QCOMPARE(o.value(QStringLiteral("lens"))
                     .toObject()
                     .value(QStringLiteral("filmbackPreset"))
                     .toString(),
                 QStringLiteral("alexaminilf"));
        const QJsonObject dof = o.value(QStringLiteral("depthOfField")).toObject();
        QVERIFY(dof.value(QStringLiteral("nearM")).toDouble() < 3);
        // Saved: a second call without edits shows the same lens.
        const Run again = cli(camera({QStringLiteral("--json")}));
        QCOMPARE(json(again).value(QStringLiteral("focalLengthMm")).toDouble(), 50.0);
    }

    void solveShotSize() {
        const Run r = cli(camera(
            {QStringLiteral("--solve-size"), QStringLiteral("MS"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = json(r);
        const double h = o.value(QStringLiteral("frameWindowMm"))
                             .toObject()
                             .value(QStringLiteral("height"))
                             .toDouble();
        const double f = o.value(QStringLiteral("focalLengthMm")).toDouble();
        const double d = o.value(QStringLiteral("solve"))
                             .toObject()
                             .value(QStringLiteral("distanceM"))
                             .toDouble();
        QVERIFY(std::abs(d - f * 0.5 * 1.75 / h) < 1e-9);
        const Run inverse = cli(camera(
            {QStringLiteral("--size-at"), QString::number(d, 'g', 17), QStringLiteral("--json")}));
        QCOMPARE(json(inverse)
                     .value(QStringLiteral("sizeAt"))
                     .toObject()
                     .value(QStringLiteral("size"))
                     .toString(),
                 QStringLiteral("MS"));
    }

    void keysMovesHandheldAndExports() {
        Run r = cli(camera(
            {QStringLiteral("--position"), QStringLiteral("0,-4,1.6"), QStringLiteral("--move"),
             QStringLiteral("dolly-in:2"), QStringLiteral("--range"), QStringLiteral("0-23"),
             QStringLiteral("--handheld"), QStringLiteral("subtle"), QStringLiteral("--seed"),
             QStringLiteral("9"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray keys = json(r)
                                    .value(QStringLiteral("motion"))
                                    .toObject()
                                    .value(QStringLiteral("keys"))
                                    .toArray();
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys[1].toObject().value(QStringLiteral("frame")).toDouble(), 23.0);
        QVERIFY(
            std::abs(keys[1].toObject().value(QStringLiteral("position")).toArray()[1].toDouble() +
                     2) < 1e-9);
        // A pose without --at on a keyed camera is ambiguous.
        expectUsageError(camera({QStringLiteral("--position"), QStringLiteral("0,0,1")}), "--at");
        r = cli(camera({QStringLiteral("--at"), QStringLiteral("12"), QStringLiteral("--rotation"),
                        QStringLiteral("10,0,0"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)
                     .value(QStringLiteral("motion"))
                     .toObject()
                     .value(QStringLiteral("keys"))
                     .toArray()
                     .size(),
                 3);
        r = cli(camera({QStringLiteral("--project-point"), QStringLiteral("0,10,1.6"),
                        QStringLiteral("--frame"), QStringLiteral("0"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(json(r)
                    .value(QStringLiteral("projection"))
                    .toObject()
                    .value(QStringLiteral("inFront"))
                    .toBool());
        const QString usda = dir_.filePath(QStringLiteral("cam.usda"));
        const QString chan = dir_.filePath(QStringLiteral("cam.chan"));
        const QString py = dir_.filePath(QStringLiteral("cam.py"));
        r = cli(camera({QStringLiteral("--export"), usda, QStringLiteral("--export"), chan,
                        QStringLiteral("--export"), py}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(usda) && QFile::exists(chan) && QFile::exists(py));
        // A .chan states neither rotation order nor filmback: the output says
        // what to set on import, once, for the .chan only.
        QCOMPARE(r.out.count(QStringLiteral("Rotation Order ZXY")), 1);
        QVERIFY2(!r.out.contains(QStringLiteral("no lens shift")), qPrintable(r.out));
        // ...and what it cannot carry: a lens shift, with the values to type.
        r = cli(camera({QStringLiteral("--shift"), QStringLiteral("2,-1"),
                        QStringLiteral("--export"), chan, QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray notes = json(r).value(QStringLiteral("notes")).toArray();
        QCOMPARE(notes.size(), 2);
        QVERIFY2(notes[1].toString().contains(QStringLiteral("no lens shift")) &&
                     notes[1].toString().contains(QStringLiteral("(2 mm, -1 mm)")),
                 qPrintable(notes[1].toString()));
        expectUsageError(
            camera({QStringLiteral("--export"), dir_.filePath(QStringLiteral("c.fbx"))}), ".usda");
    }

    void badInput() {
        expectUsageError(camera({QStringLiteral("--focal"), QStringLiteral("0")}), "focal length");
        expectUsageError(camera({QStringLiteral("--focal"), QStringLiteral("-35")}),
                         "focal length");
        expectUsageError(camera({QStringLiteral("--filmback"), QStringLiteral("0x10")}),
                         "filmback");
        expectUsageError(camera({QStringLiteral("--filmback"), QStringLiteral("36x-2")}),
                         "filmback");
        expectUsageError(camera({QStringLiteral("--fstop"), QStringLiteral("0.4")}), "f-stop");
        expectUsageError(camera({QStringLiteral("--key"), QStringLiteral("5:0,0,1.6:0,0,0"),
                                 QStringLiteral("--key"), QStringLiteral("5:1,0,1.6:0,0,0")}),
                         "two keys");
        expectUsageError(camera({QStringLiteral("--solve-size"), QStringLiteral("MS"),
                                 QStringLiteral("--size-at"), QStringLiteral("3")}),
                         "opposite");
        expectUsageError(camera({QStringLiteral("--clear-keys"), QStringLiteral("--key"),
                                 QStringLiteral("1:0,0,1:0,0,0")}),
                         "contradicts");
        expectUsageError(camera({QStringLiteral("--handheld"), QStringLiteral("off"),
                                 QStringLiteral("--walk"), QStringLiteral("2")}),
                         "contradicts");
        expectUsageError(camera({QStringLiteral("--squeeze"), QStringLiteral("1.7")}), "squeeze");
        expectUsageError(camera({QStringLiteral("--solve-size"), QStringLiteral("XXL")}), "XXL");
        expectUsageError(camera({QStringLiteral("--move"), QStringLiteral("wobble:3")}), "--move");
    }

    void blockingRenderWithDepth() {
        const QStringList base{QStringLiteral("blocking"), project_, QStringLiteral("--shot"),
                               QStringLiteral("plate")};
        Run r = cli(base +
                    QStringList{QStringLiteral("--add"), QStringLiteral("anna:person:0,1,0:1.68"),
                                QStringLiteral("--add"), QStringLiteral("wall:wall:0,6,0:8,0.2,3"),
                                QStringLiteral("--add"),
                                QStringLiteral("crate:box:1.5,3,0:0.8:20:#a05020"),
                                QStringLiteral("--sun"), QStringLiteral("120,35"),
                                QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)
                     .value(QStringLiteral("scene"))
                     .toObject()
                     .value(QStringLiteral("objects"))
                     .toArray()
                     .size(),
                 3);
        expectUsageError(
            base + QStringList{QStringLiteral("--add"), QStringLiteral("anna:person:0,0,0")},
            "exists");
        expectUsageError(
            base + QStringList{QStringLiteral("--add"), QStringLiteral("cube:box:0,0,0:-1")},
            "size");
        // A level, fixed camera so the wall's depth is known exactly.
        r = cli(camera(
            {QStringLiteral("--clear-keys"), QStringLiteral("--handheld"), QStringLiteral("off")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(camera({QStringLiteral("--position"), QStringLiteral("0,-4,1.6"),
                        QStringLiteral("--rotation"), QStringLiteral("0,0,0")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString pattern = dir_.filePath(QStringLiteral("render/block.####.exr"));
        r = cli(base + QStringList{QStringLiteral("--render"), pattern, QStringLiteral("--size"),
                                   QStringLiteral("192x108"), QStringLiteral("--range"),
                                   QStringLiteral("0-1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray files = json(r).value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].toString(), dir_.filePath(QStringLiteral("render/block.0001.exr")));
        const auto reader = openMedia(files[0].toString());
        QVERIFY(reader->info().hasDepth);
        const Image frame = reader->readFrame(0);
        // Pixel column 20, a bit above the centre row: the wall (front face
        // at y = 5.9) seen from y = -4 along +Y: depth 9.9 m exactly.
        const float depth = frame.depth[std::size_t(40) * 192 + 20];
        QVERIFY2(std::abs(depth - 9.9f) < 1e-4f, qPrintable(QString::number(depth)));

        // A new shot that is its own blocking render.
        r = cli({QStringLiteral("blocking"), project_, QStringLiteral("--create"),
                 QStringLiteral("previs"), QStringLiteral("--frames"), QStringLiteral("3"),
                 QStringLiteral("--size"), QStringLiteral("64x36"), QStringLiteral("--add"),
                 QStringLiteral("pillar:cylinder:0,3,0:0.5,2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString first = dir_.filePath(QStringLiteral("blocking/previs/previs.0000.exr"));
        QVERIFY(QFile::exists(first));
        const auto previs = openMedia(first);
        QCOMPARE(previs->info().frameCount, FrameNumber(3));
        // The default camera (1.6 m high, looking along +Y) sees the pillar centred.
        QCOMPARE(previs->readFrame(0).depth[std::size_t(18) * 64 + 32] < 3.0f, true);
        r = cli({QStringLiteral("info"), project_, QStringLiteral("--json")});
        QVERIFY(r.out.contains(QLatin1String("previs")));
    }
};

QTEST_GUILESS_MAIN(TestCameraCli)
#include "test_camera_cli.moc"
