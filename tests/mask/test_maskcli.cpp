// retake-cli mask with painting options: shapes, erase, fill/invert/clear,
// shape keys, copy a frame, --render PNGs checked pixel by pixel; refused
// commands leave the project file untouched; regeneration with a painted mask
// keeps unmasked pixels bit-identical and its provenance names the pixels.
#include "clirun.h"
#include "filebytes.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "pixelchanges.h"
#include "testclip.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;

namespace {

using retake::testing::cli;
using retake::testing::Run;

using retake::testing::fileBytes;

// 255 inside `r`, 0 elsewhere; the first wrong pixel otherwise.
QString exactly(const QImage& mask, const QRect& r) {
    if (mask.isNull())
        return QStringLiteral("no image");
    const QImage grey = mask.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < grey.height(); ++y)
        for (int x = 0; x < grey.width(); ++x) {
            const int expected = r.contains(x, y) ? 255 : 0;
            if (grey.constScanLine(y)[x] != expected)
                return QStringLiteral("pixel %1,%2 is %3, expected %4")
                    .arg(x)
                    .arg(y)
                    .arg(grey.constScanLine(y)[x])
                    .arg(expected);
        }
    return QString();
}

} // namespace

class TestMaskCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString clip;

    QString makeProject(const QString& name) {
        const QString project = dir.filePath(name);
        if (cli({QStringLiteral("new"), project}).exitCode != 0)
            return QString();
        if (cli({QStringLiteral("import"), project, clip, QStringLiteral("--name"),
                 QStringLiteral("Plate")})
                .exitCode != 0)
            return QString();
        return project;
    }

    Run mask(const QString& project, QStringList args) {
        return cli(QStringList{QStringLiteral("mask"), project, QStringLiteral("--shot"),
                               QStringLiteral("Plate")} +
                   args);
    }

    // The points of the last key of the first shape of the first shot's
    // painted mask, as the project file holds them.
    static QJsonArray lastKeyPoints(const QString& project) {
        return QJsonDocument::fromJson(fileBytes(project))
            .object()
            .value(QStringLiteral("shots"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("masks"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("painted"))
            .toObject()
            .value(QStringLiteral("shapes"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("keys"))
            .toArray()
            .last()
            .toObject()
            .value(QStringLiteral("points"))
            .toArray();
    }

    QImage rendered(const QString& folder, int frame) {
        return QImage(QDir(folder).filePath(
            QStringLiteral("mask_%1.png").arg(frame, 4, 10, QLatin1Char('0'))));
    }

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("ffmpeg is not installed");
        clip = dir.filePath(QStringLiteral("plate.mkv"));
        {
            const QString failed = retake::testing::makeLosslessClip(
                clip, QStringLiteral("testsrc2=s=128x96:r=24:d=1"));
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
    }

    void helpNamesThePaintingOptions() {
        const Run r = cli({QStringLiteral("mask"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* option : {"--rect", "--ellipse", "--polygon", "--stroke", "--size",
                                   "--hardness", "--erase", "--fill", "--invert", "--clear",
                                   "--frames", "--key", "--copy-frame", "--to", "--render"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }

    void shapesAndOperationsRenderExactPixels() {
        const QString project = makeProject(QStringLiteral("paint.retake"));
        QVERIFY(!project.isEmpty());
        const QString out = dir.filePath(QStringLiteral("paint"));
        Run r = mask(project, {QStringLiteral("--rect"), QStringLiteral("10,8,20,15"),
                               QStringLiteral("--render"), out, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value("action").toString(), QStringLiteral("shape"));
        QCOMPARE(json.value("kind").toString(), QStringLiteral("rectangle"));
        QCOMPARE(json.value("created").toBool(), true);
        QCOMPARE(json.value("shapes").toInt(), 1);
        QCOMPARE(json.value("frames").toString(), QStringLiteral("0-23"));
        QCOMPARE(json.value("rendered").toArray().size(), 24);
        for (int f : {0, 11, 23})
            QCOMPARE(exactly(rendered(out, f), QRect(10, 8, 20, 15)), QString());
        QCOMPARE(rendered(out, 0).size(), QSize(128, 96));

        // An eraser stroke through the rectangle's middle row on frames 2-3.
        r = mask(project, {QStringLiteral("--stroke"), QStringLiteral("0,15.5,128,15.5"),
                           QStringLiteral("--size"), QStringLiteral("3"), QStringLiteral("--erase"),
                           QStringLiteral("--frames"), QStringLiteral("2-3"),
                           QStringLiteral("--render"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("stroke (erase) on frames 2-3")), qPrintable(r.out));
        // --frames also limits --render.
        QVERIFY2(r.out.contains(QStringLiteral("rendered 2 frames")), qPrintable(r.out));
        const QImage erased = rendered(out, 2).convertToFormat(QImage::Format_Grayscale8);
        QCOMPARE(erased.constScanLine(15)[20], uchar(0));
        QCOMPARE(erased.constScanLine(10)[20], uchar(255));
        QCOMPARE(erased.constScanLine(20)[20], uchar(255));
        QCOMPARE(rendered(out, 3), rendered(out, 2));

        // Invert frame 5, fill frame 6, clear frame 7.
        QCOMPARE(mask(project,
                      {QStringLiteral("--invert"), QStringLiteral("--frames"), QStringLiteral("5")})
                     .exitCode,
                 0);
        QCOMPARE(mask(project,
                      {QStringLiteral("--fill"), QStringLiteral("--frames"), QStringLiteral("6")})
                     .exitCode,
                 0);
        QCOMPARE(mask(project,
                      {QStringLiteral("--clear"), QStringLiteral("--frames"), QStringLiteral("7")})
                     .exitCode,
                 0);
        const QString ops = dir.filePath(QStringLiteral("ops"));
        r = mask(project, {QStringLiteral("--render"), ops, QStringLiteral("--frames"),
                           QStringLiteral("4-8")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QFile::exists(QDir(ops).filePath(QStringLiteral("mask_0003.png"))));
        QCOMPARE(exactly(rendered(ops, 4), QRect(10, 8, 20, 15)), QString());
        const QImage inverted = rendered(ops, 5).convertToFormat(QImage::Format_Grayscale8);
        QCOMPARE(inverted.constScanLine(10)[15], uchar(0));
        QCOMPARE(inverted.constScanLine(50)[100], uchar(255));
        QCOMPARE(exactly(rendered(ops, 6), QRect(0, 0, 128, 96)), QString());
        QCOMPARE(exactly(rendered(ops, 7), QRect()), QString());
        QCOMPARE(exactly(rendered(ops, 8), QRect(10, 8, 20, 15)), QString());
    }

    void shapeKeysAndCopyFrame() {
        const QString project = makeProject(QStringLiteral("keys.retake"));
        QVERIFY(!project.isEmpty());
        Run r =
            mask(project, {QStringLiteral("--rect"), QStringLiteral("0,40,10,10"),
                           QStringLiteral("--key"), QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString shape =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("shape").toString();
        QVERIFY(!shape.isEmpty());
        r = mask(project,
                 {QStringLiteral("--shape"), shape.left(8), QStringLiteral("--key"),
                  QStringLiteral("20"), QStringLiteral("--rect"), QStringLiteral("80,40,10,10")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("key at frame 20")), qPrintable(r.out));
        // Copy frame 10 (halfway) to frames 21-23, which would otherwise hold at x 80.
        r = mask(project, {QStringLiteral("--copy-frame"), QStringLiteral("10"),
                           QStringLiteral("--to"), QStringLiteral("21-23")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString out = dir.filePath(QStringLiteral("keys"));
        QCOMPARE(mask(project, {QStringLiteral("--render"), out}).exitCode, 0);
        QCOMPARE(exactly(rendered(out, 0), QRect(0, 40, 10, 10)), QString());
        QCOMPARE(exactly(rendered(out, 10), QRect(40, 40, 10, 10)), QString());
        QCOMPARE(exactly(rendered(out, 5), QRect(20, 40, 10, 10)), QString());
        QCOMPARE(exactly(rendered(out, 20), QRect(80, 40, 10, 10)), QString());
        QCOMPARE(exactly(rendered(out, 22), QRect(40, 40, 10, 10)), QString());

        // --list shows the shapes with shot frames and keys; --remove-shape deletes one.
        r = mask(project, {QStringLiteral("--list"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray list =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("shapeList").toArray();
        QCOMPARE(list.size(), 2); // the keyed rectangle (minus 21-23) and its copy on 21-23
        const QJsonObject keyed = list[0].toObject();
        QCOMPARE(keyed.value("id").toString(), shape);
        QCOMPARE(keyed.value("frames").toArray(), (QJsonArray{"0-20"}));
        QCOMPARE(keyed.value("keys").toArray(), (QJsonArray{0, 20}));
        QCOMPARE(list[1].toObject().value("frames").toArray(), (QJsonArray{"21-23"}));
        r = mask(project, {QStringLiteral("--list")});
        QVERIFY2(r.out.contains(shape + QStringLiteral("\trectangle\tframes 0-20")),
                 qPrintable(r.out));
        const QString copy = list[1].toObject().value("id").toString();
        r = mask(project, {QStringLiteral("--remove-shape"), copy.left(8)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 shapes")), qPrintable(r.out));
        QCOMPARE(mask(project, {QStringLiteral("--remove-shape"), copy.left(8)}).exitCode, 1);

        // A key with another point count is refused and changes nothing.
        const QByteArray before = fileBytes(project);
        r = mask(project, {QStringLiteral("--shape"), shape.left(8), QStringLiteral("--key"),
                           QStringLiteral("5"), QStringLiteral("--polygon"),
                           QStringLiteral("0,0,10,0,5,5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("same number")), qPrintable(r.err));
        QCOMPARE(fileBytes(project), before);
    }

    void removeShapeKey() {
        const QString project = makeProject(QStringLiteral("removekey.retake"));
        QVERIFY(!project.isEmpty());
        Run r =
            mask(project, {QStringLiteral("--rect"), QStringLiteral("0,40,10,10"),
                           QStringLiteral("--key"), QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString shape =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("shape").toString();
        r = mask(project,
                 {QStringLiteral("--shape"), shape.left(8), QStringLiteral("--key"),
                  QStringLiteral("20"), QStringLiteral("--rect"), QStringLiteral("80,40,10,10")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // A frame without a key, and the JSON of a removal.
        QByteArray before = fileBytes(project);
        r = mask(project, {QStringLiteral("--shape"), shape.left(8), QStringLiteral("--remove-key"),
                           QStringLiteral("5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no key at shot frame 5; its keys are at 0, 20")),
                 qPrintable(r.err));
        QCOMPARE(fileBytes(project), before);
        r = mask(project, {QStringLiteral("--shape"), shape.left(8), QStringLiteral("--remove-key"),
                           QStringLiteral("20"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value("action").toString(), QStringLiteral("remove-key"));
        QCOMPARE(json.value("key").toInt(), 20);
        // Without the key at 20 the rectangle holds its key at 0 everywhere.
        const QString out = dir.filePath(QStringLiteral("removekey"));
        QCOMPARE(mask(project, {QStringLiteral("--render"), out}).exitCode, 0);
        QCOMPARE(exactly(rendered(out, 10), QRect(0, 40, 10, 10)), QString());
        QCOMPARE(exactly(rendered(out, 20), QRect(0, 40, 10, 10)), QString());
        // The only key stays.
        before = fileBytes(project);
        r = mask(project, {QStringLiteral("--shape"), shape.left(8), QStringLiteral("--remove-key"),
                           QStringLiteral("0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("only key")), qPrintable(r.err));
        QCOMPARE(fileBytes(project), before);
    }

    void badArgumentsAreRefused_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("rect numbers") << QStringList{"--rect", "1,2,3"} << "X,Y,W,H";
        QTest::newRow("rect text") << QStringList{"--rect", "1,2,a,4"} << "not \"1,2,a,4\"";
        QTest::newRow("two edits") << QStringList{"--rect", "1,2,3,4", "--fill"} << "one edit";
        QTest::newRow("polygon") << QStringList{"--polygon", "1,2,3,4"} << "three";
        QTest::newRow("hardness") << QStringList{"--stroke", "1,2", "--hardness", "3"}
                                  << "hardness";
        QTest::newRow("frames") << QStringList{"--fill", "--frames", "20-40"} << "outside";
        QTest::newRow("copy") << QStringList{"--copy-frame", "3"} << "--to";
        QTest::newRow("shape") << QStringList{"--shape", "abcd"} << "--key";
        QTest::newRow("remove key") << QStringList{"--remove-key", "3"} << "needs --shape";
        QTest::newRow("mask") << QStringList{"--mask", "ffffffff", "--fill"} << "no painted mask";
        QTest::newRow("file too") << QStringList{"m.png", "--fill"} << "do not go together";
        QTest::newRow("render only") << QStringList{"--render", "x"} << "no painted mask yet";
    }

    // --track on a clip whose picture (a cellular automaton's pattern, all
    // detail; seeded, or every run would track a different picture) slides
    // 1 px left a frame: the shape
    // follows it to every frame, one undo step; bad requests are refused.
    void trackMakesTheShapeFollowThePicture() {
        const QString pan = dir.filePath(QStringLiteral("pan.mkv"));
        const QString failed = retake::testing::makeLosslessClip(
            pan,
            QStringLiteral("cellauto=s=400x300:rule=110:r=24:full=0:seed=7,trim=start_frame=299:"
                           "end_frame=300,loop=loop=23:size=1,setpts=N/24/TB,"
                           "crop=128:96:x=n:y=60"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString project = dir.filePath(QStringLiteral("track.retake"));
        QCOMPARE(cli({QStringLiteral("new"), project}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), project, pan, QStringLiteral("--name"),
                      QStringLiteral("Plate")})
                     .exitCode,
                 0);
        Run r = mask(project, {QStringLiteral("--rect"), QStringLiteral("40,30,40,30"),
                               QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString shape = QJsonDocument::fromJson(r.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("shape"))
                                  .toString();
        QVERIFY(!shape.isEmpty());

        const QByteArray before = fileBytes(project);
        for (const QStringList& bad :
             {QStringList{QStringLiteral("--track"), QStringLiteral("forward")},
              QStringList{QStringLiteral("--shape"), shape, QStringLiteral("--track"),
                          QStringLiteral("sideways")},
              QStringList{QStringLiteral("--shape"), shape, QStringLiteral("--track"),
                          QStringLiteral("both"), QStringLiteral("--model"),
                          QStringLiteral("affine")}}) {
            const Run refused = mask(project, bad);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(QStringLiteral("--track")) ||
                         refused.err.contains(QStringLiteral("--model")),
                     qPrintable(refused.err));
        }
        QCOMPARE(fileBytes(project), before);

        r = mask(project, {QStringLiteral("--shape"), shape, QStringLiteral("--track"),
                           QStringLiteral("forward"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject done = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(done.value(QStringLiteral("tracked")).toArray().size(), 23);
        QVERIFY(done.value(QStringLiteral("stops")).toArray().isEmpty());
        r = mask(project, {QStringLiteral("--list"), QStringLiteral("--json")});
        const QJsonObject listed = QJsonDocument::fromJson(r.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("shapeList"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(listed.value(QStringLiteral("kind")).toString(), QStringLiteral("polygon"));
        QCOMPARE(listed.value(QStringLiteral("keys")).toArray().size(), 24);
        // The project file holds the keys: the last one is the first moved 23 px left.
        const QJsonArray last = lastKeyPoints(project);
        const double want[8] = {17, 30, 57, 30, 57, 60, 17, 60};
        for (int i = 0; i < 8; ++i)
            QVERIFY2(std::abs(last[i].toDouble() - want[i]) < 0.2,
                     qPrintable(QStringLiteral("coordinate %1: %2, want %3")
                                    .arg(i)
                                    .arg(last[i].toDouble())
                                    .arg(want[i])));

        // The dense model moves each point on its own, and says so.
        r = mask(project, {QStringLiteral("--shape"), shape, QStringLiteral("--track"),
                           QStringLiteral("forward"), QStringLiteral("--model"),
                           QStringLiteral("dense"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject dense = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(dense.value(QStringLiteral("model")).toString(), QStringLiteral("dense"));
        QCOMPARE(dense.value(QStringLiteral("tracked")).toArray().size(), 23);
        const QJsonArray denseLast = lastKeyPoints(project);
        for (int i = 0; i < 8; ++i)
            QVERIFY2(std::abs(denseLast[i].toDouble() - want[i]) < 0.5,
                     qPrintable(QStringLiteral("dense, coordinate %1: %2, want %3")
                                    .arg(i)
                                    .arg(denseLast[i].toDouble())
                                    .arg(want[i])));
    }

    void badArgumentsAreRefused() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        static const QString project = makeProject(QStringLiteral("bad.retake"));
        QVERIFY(!project.isEmpty());
        const QByteArray before = fileBytes(project);
        const Run r = mask(project, args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QCOMPARE(fileBytes(project), before);
    }

    void regenWithAPaintedMask() {
        const QString project = makeProject(QStringLiteral("regen.retake"));
        QVERIFY(!project.isEmpty());
        const QRect maskRect(40, 20, 30, 24);
        QCOMPARE(mask(project, {QStringLiteral("--rect"), QStringLiteral("40,20,30,24")}).exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("lock"), project, QStringLiteral("--shot"),
                      QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("0-3")})
                     .exitCode,
                 0);
        Run r = cli({QStringLiteral("regen"), project, QStringLiteral("--shot"),
                     QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("0-7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Later edits to the shapes must not change what the take recorded.
        QCOMPARE(mask(project, {QStringLiteral("--clear")}).exitCode, 0);
        const QString out = dir.filePath(QStringLiteral("rg/f_####.png"));
        r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), out,
                 QStringLiteral("--range"), QStringLiteral("0-7"), QStringLiteral("--start-number"),
                 QStringLiteral("0")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto source = openMedia(clip);
        auto exported = openMedia(dir.filePath(QStringLiteral("rg/f_0000.png")));
        QCOMPARE(exported->info().frameCount, 8);
        int changedFrames = 0;
        // The engine dilates the mask; outside that margin every pixel is the original's.
        const QRect guard = maskRect.adjusted(-16, -16, 16, 16);
        for (int f = 0; f < 8; ++f) {
            const Image original = source->readFrame(f);
            const Image result = exported->readFrame(f);
            QCOMPARE(result.pixels.size(), original.pixels.size());
            if (f <= 3) {
                QVERIFY2(result.pixels == original.pixels, "a locked frame changed");
                continue;
            }
            const retake::testing::PixelChanges changes =
                retake::testing::pixelChanges(result, original, guard, maskRect);
            QVERIFY2(
                changes.firstOutside.isEmpty(),
                qPrintable(
                    QStringLiteral("frame %1 pixel %2 changed").arg(f).arg(changes.firstOutside)));
            changedFrames += changes.inside ? 1 : 0;
        }
        QCOMPARE(changedFrames, 4);

        // Provenance names, per regenerated frame, the mask PNG the take kept.
        QFile manifestFile(dir.filePath(QStringLiteral("rg/f.provenance.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonArray frames = QJsonDocument::fromJson(manifestFile.readAll())
                                      .object()
                                      .value(QStringLiteral("frames"))
                                      .toArray();
        QCOMPARE(frames.size(), 8);
        for (int f = 0; f < 8; ++f) {
            const QJsonObject frame = frames[f].toObject();
            if (f <= 3) {
                QCOMPARE(frame.value("origin").toString(), QStringLiteral("original"));
                QVERIFY(!frame.contains(QStringLiteral("mask")));
                continue;
            }
            QCOMPARE(frame.value("origin").toString(), QStringLiteral("regenerated"));
            const QString maskFile = frame.value("mask").toString();
            QVERIFY2(
                maskFile.endsWith(QStringLiteral("mask_%1.png").arg(f, 5, 10, QLatin1Char('0'))),
                qPrintable(maskFile));
            QCOMPARE(exactly(QImage(maskFile), maskRect), QString());
        }
    }
};

QTEST_GUILESS_MAIN(TestMaskCli)
#include "test_maskcli.moc"
