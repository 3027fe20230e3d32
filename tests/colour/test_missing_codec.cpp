// `retake-cli export` with a codec the local FFmpeg lacks: a usage error
// (exit 1) naming the codec and the missing encoder, and nothing under the
// final name, no temporary file and no manifest left beside it. The missing
// encoder is simulated at the library boundary (hide_encoder.cpp, preloaded),
// so the CLI runs its real code against the real FFmpeg.
#include "../media/mediatestutil.h"
#include "clirun.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace retake::test;

namespace {

using retake::testing::Run;

Run cliHiding(const QString& encoder, const QStringList& args) {
    retake::testing::RunOptions options;
    options.environment.insert(QStringLiteral("LD_PRELOAD"),
                               QStringLiteral(RETAKE_HIDE_ENCODER_LIB));
    options.environment.insert(QStringLiteral("RETAKE_TEST_HIDE_ENCODER"), encoder);
    return retake::testing::run(retake::testing::cliPath(), args, options);
}

} // namespace

class TestMissingCodec : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString project;
    QString path(const QString& name) const { return dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir.isValid());
        if (!haveTool(QStringLiteral("ffmpeg")))
            QSKIP("ffmpeg is not installed");
        QDir().mkpath(path(QStringLiteral("plate")));
        QString error;
        QVERIFY2(
            ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc2=size=128x72:rate=24"), QStringLiteral("-frames:v"),
                    QStringLiteral("4"), path(QStringLiteral("plate/p_%04d.png"))},
                   &error),
            qPrintable(error));
        project = path(QStringLiteral("codec.retake"));
        Run r = cliHiding(QString(), {QStringLiteral("new"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cliHiding(QString(), {QStringLiteral("import"), project,
                                  path(QStringLiteral("plate/p_0001.png"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void missingEncoderIsAClearErrorAndLeavesNothing_data() {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("file");
        QTest::newRow("h265") << "h265"
                              << "libx265"
                              << "H.265"
                              << "out265.mov";
        QTest::newRow("prores") << "prores-4444"
                                << "prores_ks"
                                << "ProRes"
                                << "out4444.mov";
    }

    void missingEncoderIsAClearErrorAndLeavesNothing() {
        QFETCH(QString, codec);
        QFETCH(QString, encoder);
        QFETCH(QString, label);
        QFETCH(QString, file);
        const QString outDir = path(QStringLiteral("out-") + codec);
        QVERIFY(QDir().mkpath(outDir));
        const QString out = QDir(outDir).filePath(file);
        const Run r =
            cliHiding(encoder, {QStringLiteral("export"), project, QStringLiteral("--codec"), codec,
                                QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no '%1' encoder").arg(encoder)) &&
                     r.err.contains(label, Qt::CaseInsensitive),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFileInfo::exists(out));
        // No temporary movie, no manifest, nothing at all beside it.
        QCOMPARE(QDir(outDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());

        // The same command with the encoder present works: the failure was
        // the missing encoder, not the request.
        const Run ok =
            cliHiding(QString(), {QStringLiteral("export"), project, QStringLiteral("--codec"),
                                  codec, QStringLiteral("--out"), out});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY(QFileInfo(out).size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestMissingCodec)
#include "test_missing_codec.moc"
