// retake-cli blocking --describe and retake-cli reframe end to end: a shot
// made from a description (dry run JSON, unknown words, contradictions with
// exit code 1 naming both words), focus keys, a 2.5D move and depth of field
// on the blocking shot's own depth, a 2D reframe of a plate, and bad input.
#include "clirun.h"
#include "filebytes.h"
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

using retake::testing::fileBytes;

} // namespace

class TestReframeCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString project_;

    void expectUsageError(const QStringList& args, const QStringList& needles) {
        const QByteArray before = fileBytes(project_);
        const Run r = cli(args);
        QVERIFY2(r.exitCode == 1, qPrintable(QString::number(r.exitCode) + r.out + r.err));
        for (const QString& needle : needles)
            QVERIFY2(r.err.contains(needle), qPrintable(needle + QStringLiteral(": ") + r.err));
        QCOMPARE(fileBytes(project_), before); // nothing saved
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        project_ = dir_.filePath(QStringLiteral("p.retake"));
        const QString failed = retake::testing::newProjectWithPngPlate(
            project_, dir_.path(), 6, 96, 54, QStringLiteral("96x54"),
            [](int frame, std::size_t k) {
                return std::uint8_t((k * 7 + std::size_t(frame) * 11) % 251);
            });
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void describeDryRunPrintsTheSceneAndChangesNothing() {
        const QByteArray before = fileBytes(project_);
        const Run r = cli({QStringLiteral("blocking"), project_, QStringLiteral("--shot"),
                           QStringLiteral("plate"), QStringLiteral("--describe"),
                           QStringLiteral("MS 35mm dolly in 0.25s, two people at a table, dusk, "
                                          "juggling"),
                           QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("shotSize")).toString(), QStringLiteral("MS"));
        QCOMPARE(o.value(QStringLiteral("moveFrames")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("unknownWords")).toArray(),
                 QJsonArray{QStringLiteral("juggling")});
        QVERIFY(r.err.contains(QLatin1String("juggling"))); // reported on stderr too
        QCOMPARE(o.value(QStringLiteral("scene"))
                     .toObject()
                     .value(QStringLiteral("objects"))
                     .toArray()
                     .size(),
                 3);
        QCOMPARE(o.value(QStringLiteral("camera"))
                     .toObject()
                     .value(QStringLiteral("motion"))
                     .toObject()
                     .value(QStringLiteral("keys"))
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(fileBytes(project_), before);
    }

    void contradictionsAndBadDescriptions() {
        const QStringList base{QStringLiteral("blocking"), project_, QStringLiteral("--shot"),
                               QStringLiteral("plate"), QStringLiteral("--describe")};
        expectUsageError(base + QStringList{QStringLiteral("CU WS a man")},
                         {QStringLiteral("\"CU\""), QStringLiteral("\"WS\"")});
        expectUsageError(base + QStringList{QStringLiteral("dolly in dolly out")},
                         {QStringLiteral("\"dolly in\""), QStringLiteral("\"dolly out\"")});
        expectUsageError(base + QStringList{QStringLiteral("noon night")},
                         {QStringLiteral("\"noon\""), QStringLiteral("\"night\"")});
        expectUsageError(base + QStringList{QStringLiteral("pan 2s")}, // the shot has 6 frames
                         {QStringLiteral("48 frames")});
        expectUsageError({QStringLiteral("blocking"), project_, QStringLiteral("--shot"),
                          QStringLiteral("plate"), QStringLiteral("--dry-run")},
                         {QStringLiteral("--describe")});
    }

    void describedShotWithDepthReframes() {
        // A 6-frame blocking shot made from a description, rendered with depth.
        Run r = cli({QStringLiteral("blocking"), project_, QStringLiteral("--create"),
                     QStringLiteral("previs"), QStringLiteral("--size"), QStringLiteral("96x54"),
                     QStringLiteral("--describe"),
                     QStringLiteral("FS 28mm a man and a woman, a wall, morning"),
                     QStringLiteral("--frames"), QStringLiteral("6"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r).value(QStringLiteral("unknownWords")).toArray().size(), 0);
        QCOMPARE(
            json(r).value(QStringLiteral("camera")).toObject().value("focalLengthMm").toDouble(),
            28.0);
        const QString first = dir_.filePath(QStringLiteral("blocking/previs/previs.0000.exr"));
        const auto previs = openMedia(first);
        QVERIFY(previs->info().hasDepth);
        // The man (1.78 m) stands at the origin's row: the centre column sees a person.
        QVERIFY(previs->readFrame(0).depth[std::size_t(27) * 96 + 48] < 20.f);

        // A focus pull keyed from the CLI: --at with --focus.
        r = cli({QStringLiteral("camera"), project_, QStringLiteral("--shot"),
                 QStringLiteral("previs"), QStringLiteral("--move"), QStringLiteral("focus-pull:9"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray keys = json(r)
                                    .value(QStringLiteral("motion"))
                                    .toObject()
                                    .value(QStringLiteral("keys"))
                                    .toArray();
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys[1].toObject().value(QStringLiteral("focusDistanceM")).toDouble(), 9.0);
        r = cli({QStringLiteral("camera"), project_, QStringLiteral("--shot"),
                 QStringLiteral("previs"), QStringLiteral("--at"), QStringLiteral("2"),
                 QStringLiteral("--focus"), QStringLiteral("4.5"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)
                     .value(QStringLiteral("motion"))
                     .toObject()
                     .value(QStringLiteral("keys"))
                     .toArray()
                     .size(),
                 3);

        // 2.5D: move the camera 20 cm right; the uncovered pixels are filled.
        r = cli({QStringLiteral("reframe"), project_, QStringLiteral("--shot"),
                 QStringLiteral("previs"), QStringLiteral("--move"), QStringLiteral("0.2,0,0"),
                 QStringLiteral("--range"), QStringLiteral("0-1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r).value(QStringLiteral("frames")).toString(), QStringLiteral("0-1"));
        QVERIFY(json(r)
                    .value(QStringLiteral("reframe"))
                    .toString()
                    .contains(QLatin1String("move=0.2,0,0")));
        // Depth of field from depth, with the keyed focus.
        r = cli({QStringLiteral("reframe"), project_, QStringLiteral("--shot"),
                 QStringLiteral("previs"), QStringLiteral("--dof"), QStringLiteral("--range"),
                 QStringLiteral("2-3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("info"), project_, QStringLiteral("--json")});
        int takes = 0;
        for (const auto& s : json(r).value(QStringLiteral("shots")).toArray())
            if (s.toObject().value(QStringLiteral("name")).toString() == QLatin1String("previs"))
                takes = s.toObject().value(QStringLiteral("takes")).toArray().size();
        QCOMPARE(takes, 2);
    }

    void reframeAPlate() {
        // Locked frames 2-3 stay as they are; a crop-zoom needs no fill.
        Run r = cli({QStringLiteral("lock"), project_, QStringLiteral("--shot"),
                     QStringLiteral("plate"), QStringLiteral("--range"), QStringLiteral("2-3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("reframe"), project_, QStringLiteral("--shot"),
                 QStringLiteral("plate"), QStringLiteral("--zoom"), QStringLiteral("1.5"),
                 QStringLiteral("--handheld"), QStringLiteral("subtle"), QStringLiteral("--seed"),
                 QStringLiteral("4"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r).value(QStringLiteral("regenerated")).toString(),
                 QStringLiteral("0-1 4-5"));
        QVERIFY(r.err.contains(QLatin1String("locked")));
        // Bad input: nothing saved, exit code 1.
        const QStringList base{QStringLiteral("reframe"), project_, QStringLiteral("--shot"),
                               QStringLiteral("plate")};
        expectUsageError(base + QStringList{QStringLiteral("--pan"), QStringLiteral("70")},
                         {QStringLiteral("sees none of the original picture")});
        expectUsageError(base + QStringList{QStringLiteral("--zoom"), QStringLiteral("0.1")},
                         {QStringLiteral("1/16")});
        expectUsageError(base + QStringList{QStringLiteral("--zoom"), QStringLiteral("2"),
                                            QStringLiteral("--focal"), QStringLiteral("50")},
                         {QStringLiteral("give one")});
        expectUsageError(base + QStringList{QStringLiteral("--move"), QStringLiteral("0,0,1")},
                         {QStringLiteral("no depth")});
        expectUsageError(base + QStringList{QStringLiteral("--focal"), QStringLiteral("0")},
                         {QStringLiteral("focal length")});
        expectUsageError(base + QStringList{QStringLiteral("--handheld"), QStringLiteral("wobbly")},
                         {QStringLiteral("wobbly")});
        expectUsageError(base, {QStringLiteral("Nothing to reframe")});
        expectUsageError({QStringLiteral("camera"), project_, QStringLiteral("--shot"),
                          QStringLiteral("plate"), QStringLiteral("--at"), QStringLiteral("1"),
                          QStringLiteral("--focus"), QStringLiteral("-2")},
                         {QStringLiteral("focus distance")});
    }
};

QTEST_GUILESS_MAIN(TestReframeCli)
#include "test_reframe_cli.moc"
