// retake-cli regen on a real project: locked frames and unmasked pixels stay
// bit-identical, a take is recorded and switchable, exports show it.
#include "clirun.h"
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

using namespace retake;

namespace {

using retake::testing::cli;
using retake::testing::Run;

// A frame unlike every other: a gradient shifted by the frame number plus a
// bright square whose place depends on it.
QImage distinctFrame(int index, QSize size) {
    QImage image(size, QImage::Format_RGB888);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y,
                           qRgb((x * 4 + index * 37) % 256, (y * 5 + index * 11) % 256,
                                (x + y + index * 53) % 256));
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 6; ++x)
            image.setPixel(2 + index * 3 + x, 30 + y, qRgb(255, 255, 255));
    return image;
}

QJsonObject shotInfo(const QString& project) {
    const Run r = cli({QStringLiteral("info"), project, QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out.toUtf8())
        .object()
        .value(QStringLiteral("shots"))
        .toArray()[0]
        .toObject();
}

} // namespace

class TestRegen : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString project, clip, mask;
    const QRect maskRect{40, 20, 30, 24};

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("ffmpeg is not installed");
        // A lossless 8-bit clip, so what Retake decodes is what the test made.
        clip = dir.filePath(QStringLiteral("plate.mkv"));
        {
            const QString failed = retake::testing::makeLosslessClip(
                clip, QStringLiteral("testsrc2=s=128x96:r=24:d=1"));
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        QImage m(128, 96, QImage::Format_Grayscale8);
        m.fill(0);
        for (int y = maskRect.top(); y <= maskRect.bottom(); ++y)
            for (int x = maskRect.left(); x <= maskRect.right(); ++x)
                m.setPixel(x, y, qRgb(255, 255, 255));
        mask = dir.filePath(QStringLiteral("mask.png"));
        QVERIFY(m.save(mask));
        project = dir.filePath(QStringLiteral("r.retake"));
        QCOMPARE(cli({QStringLiteral("new"), project}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), project, clip, QStringLiteral("--name"),
                      QStringLiteral("Plate")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("lock"), project, QStringLiteral("--shot"),
                      QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("0-5")})
                     .exitCode,
                 0);
    }

    void regenWithoutMaskIsRefused() {
        const Run r =
            cli({QStringLiteral("regen"), project, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("6-10")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no mask")), qPrintable(r.err));
    }

    void regenRespectsLocksAndMask() {
        QCOMPARE(cli({QStringLiteral("mask"), project, QStringLiteral("--shot"),
                      QStringLiteral("Plate"), mask})
                     .exitCode,
                 0);
        const Run r = cli({QStringLiteral("regen"), project, QStringLiteral("--shot"),
                           QStringLiteral("Plate"), QStringLiteral("--range"),
                           QStringLiteral("0-11"), QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("0-5 are locked")), qPrintable(r.err));
        const QJsonObject shot = shotInfo(project);
        QCOMPARE(shot.value(QStringLiteral("takes")).toArray().size(), 1);
        QCOMPARE(shot.value(QStringLiteral("takes"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("frames"))
                     .toString(),
                 QStringLiteral("0-11"));

        // Export the take's range and compare with the source frame by frame.
        const QString out = dir.filePath(QStringLiteral("t/f_####.png"));
        const Run ex = cli({QStringLiteral("export"), project, QStringLiteral("--out"), out,
                            QStringLiteral("--range"), QStringLiteral("0-11"),
                            QStringLiteral("--start-number"), QStringLiteral("0")});
        QVERIFY2(ex.exitCode == 0, qPrintable(ex.err));
        auto source = openMedia(clip);
        auto exported =
            openMedia(dir.filePath(QStringLiteral("t/f_0000.png"))); // the whole sequence
        QCOMPARE(exported->info().frameCount, 12);
        int changedFrames = 0;
        for (int f = 0; f < 12; ++f) {
            const Image original = source->readFrame(f);
            const Image result = exported->readFrame(f);
            QCOMPARE(result.pixels.size(), original.pixels.size());
            if (f <= 5) {
                QVERIFY2(result.pixels == original.pixels,
                         qPrintable(QStringLiteral("locked frame %1 changed").arg(f)));
                continue;
            }
            // Outside the dilated mask nothing may change.
            const QRect guard = maskRect.adjusted(-16, -16, 16, 16);
            const retake::testing::PixelChanges changes =
                retake::testing::pixelChanges(result, original, guard, maskRect);
            QVERIFY2(
                changes.firstOutside.isEmpty(),
                qPrintable(
                    QStringLiteral("frame %1 pixel %2 changed").arg(f).arg(changes.firstOutside)));
            changedFrames += changes.inside ? 1 : 0;
        }
        QCOMPARE(changedFrames, 6); // every unlocked frame was regenerated inside the mask
        // The manifest says which frames were generated: locked ones are original.
        QFile manifestFile(dir.filePath(QStringLiteral("t/f.provenance.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonArray manifest = QJsonDocument::fromJson(manifestFile.readAll())
                                        .object()
                                        .value(QStringLiteral("frames"))
                                        .toArray();
        QCOMPARE(manifest.size(), 12);
        for (int f = 0; f < 12; ++f)
            QCOMPARE(manifest[f].toObject().value(QStringLiteral("origin")).toString(),
                     f <= 5 ? QStringLiteral("original") : QStringLiteral("regenerated"));
    }

    void takesSwitchAndOriginalComesBack() {
        const QString takeId = shotInfo(project)
                                   .value(QStringLiteral("takes"))
                                   .toArray()[0]
                                   .toObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
        Run r = cli({QStringLiteral("takes"), project, QStringLiteral("--shot"),
                     QStringLiteral("Plate"), QStringLiteral("--original"),
                     QStringLiteral("--range"), QStringLiteral("0-11")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("* ")));
        const QString out = dir.filePath(QStringLiteral("o/f_####.png"));
        QCOMPARE(cli({QStringLiteral("export"), project, QStringLiteral("--out"), out,
                      QStringLiteral("--range"), QStringLiteral("8"),
                      QStringLiteral("--start-number"), QStringLiteral("8")})
                     .exitCode,
                 0);
        QVERIFY(openMedia(dir.filePath(QStringLiteral("o/f_0008.png")))->readFrame(0).pixels ==
                openMedia(clip)->readFrame(8).pixels);
        r = cli({QStringLiteral("takes"), project, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--use"), takeId.left(8),
                 QStringLiteral("--range"), QStringLiteral("0-11")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("* ") + takeId));
    }

    void fullyLockedRangeIsRefused() {
        const Run r =
            cli({QStringLiteral("regen"), project, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("1-4")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("all locked")), qPrintable(r.err));
        QCOMPARE(shotInfo(project).value(QStringLiteral("takes")).toArray().size(), 1);
    }

    // `inpaint` reads every file it lists, not the first of the sequence the
    // file's name belongs to.
    void inpaintKeepsEachFrameOwnPixels_data() {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("zero-padded") << QStringLiteral("%1.png");
        QTest::newRow("unpadded prefix") << QStringLiteral("frame_%2.png");
        QTest::newRow("padded prefix") << QStringLiteral("f_%3.png");
    }

    void inpaintKeepsEachFrameOwnPixels() {
        QFETCH(QString, pattern);
        QTemporaryDir work;
        QVERIFY(work.isValid());
        const QSize size(64, 48);
        const QRect hole(20, 10, 14, 12);
        const int frameCount = 7;
        const QDir root(work.path());
        QVERIFY(root.mkpath(QStringLiteral("frames")) && root.mkpath(QStringLiteral("masks")));
        QStringList names;
        for (int f = 0; f < frameCount; ++f) {
            const QString name =
                pattern.arg(f, 5, 10, QLatin1Char('0')).arg(f).arg(f + 1, 4, 10, QLatin1Char('0'));
            names << name;
            QVERIFY(distinctFrame(f, size).save(root.filePath(QStringLiteral("frames/") + name)));
            QImage mask(size, QImage::Format_Grayscale8);
            mask.fill(0);
            for (int y = hole.top(); y <= hole.bottom(); ++y)
                for (int x = hole.left(); x <= hole.right(); ++x)
                    mask.setPixel(x + f, y, qRgb(255, 255, 255));
            QVERIFY(mask.save(root.filePath(QStringLiteral("masks/") + name)));
        }
        // Files that are no frames must be passed over.
        for (const QString& other : {QStringLiteral("notes.txt"), QStringLiteral("clip.edl")}) {
            QFile file(root.filePath(QStringLiteral("frames/") + other));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not an image\n");
        }
        const Run r =
            cli({QStringLiteral("inpaint"), QStringLiteral("--frames"),
                 root.filePath(QStringLiteral("frames")), QStringLiteral("--masks"),
                 root.filePath(QStringLiteral("masks")), QStringLiteral("--out"),
                 root.filePath(QStringLiteral("out")), QStringLiteral("--lock"),
                 QStringLiteral("2-3"), QStringLiteral("--param"), QStringLiteral("dilate=0"),
                 QStringLiteral("--param"), QStringLiteral("feather=0")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (int f = 0; f < frameCount; ++f) {
            const QImage input = QImage(root.filePath(QStringLiteral("frames/") + names[f]))
                                     .convertToFormat(QImage::Format_RGB888);
            const QImage output = QImage(root.filePath(QStringLiteral("out/") + names[f]))
                                      .convertToFormat(QImage::Format_RGB888);
            QVERIFY2(!output.isNull(), qPrintable(names[f] + QStringLiteral(" was not written")));
            QCOMPARE(output.size(), size);
            const bool locked = f == 2 || f == 3;
            bool holeChanged = false;
            for (int y = 0; y < size.height(); ++y)
                for (int x = 0; x < size.width(); ++x) {
                    const bool inHole = hole.translated(f, 0).contains(x, y);
                    const bool same = output.pixel(x, y) == input.pixel(x, y);
                    if (inHole && !locked) {
                        holeChanged = holeChanged || !same;
                        continue;
                    }
                    QVERIFY2(same, qPrintable(QStringLiteral("%1: pixel %2,%3 is not its own "
                                                             "input's")
                                                  .arg(names[f])
                                                  .arg(x)
                                                  .arg(y)));
                }
            QVERIFY2(locked || holeChanged,
                     qPrintable(names[f] + QStringLiteral(": the hole was not filled")));
        }
    }

    void unknownEngineIsNamed() {
        const Run r =
            cli({QStringLiteral("regen"), project, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--engine"), QStringLiteral("magic")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("magic")) &&
                     r.err.contains(QStringLiteral("propagate")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestRegen)
#include "test_regen.moc"
