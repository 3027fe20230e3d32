// Graded export end to end through retake-cli: the pictures equal ffmpeg's
// lut3d and ocioconvert on the same input, encodes carry the codec, profile,
// bit depth and colour tags ffprobe reports, and bad colour input fails with
// the right exit code and no output under the final name.
#include "../media/mediatestutil.h"
#include "clirun.h"
#include "mediaio/openmedia.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>
#include <cmath>
#include <sys/resource.h>
#include <unistd.h>

using namespace retake;
using namespace retake::test;

namespace {

const QString kConfigFile = QStringLiteral(RETAKE_SOURCE_DIR "/resources/ocio/config.ocio");
constexpr int kFrames = 12;

using retake::testing::cli;
using retake::testing::Run;

QString cube3d(int n) {
    QString s;
    QTextStream t(&s);
    t << "LUT_3D_SIZE " << n << "\n";
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const double R = r / double(n - 1), G = g / double(n - 1), B = b / double(n - 1);
                t << QString::number(std::min(1.0, 0.8 * std::pow(R, 0.7) + 0.2 * G), 'f', 6) << ' '
                  << QString::number(0.15 * R + 0.7 * G + 0.15 * B, 'f', 6) << ' '
                  << QString::number(std::pow(B, 1.3), 'f', 6) << '\n';
            }
    return s;
}

int maxDiff8(const Image& a, const Image& b) {
    if (a.width != b.width || a.height != b.height || a.sampleCount() != b.sampleCount() ||
        a.type != SampleType::UInt8 || b.type != SampleType::UInt8)
        return 1 << 30;
    int worst = 0;
    for (std::size_t i = 0; i < a.sampleCount(); ++i)
        worst =
            std::max(worst, std::abs(int(a.samples<quint8>()[i]) - int(b.samples<quint8>()[i])));
    return worst;
}

} // namespace

class TestColourExport : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString project;
    QString lut;

    QString path(const QString& name) const { return dir.filePath(name); }

    QJsonObject probe(const QString& file) {
        QString error;
        const QJsonObject p = ffprobe(file, {QStringLiteral("-count_frames")}, &error);
        if (!error.isEmpty())
            qWarning() << error;
        return probeStream(p, QStringLiteral("video"));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir.isValid());
        if (!haveTool(QStringLiteral("ffmpeg")) || !haveTool(QStringLiteral("ffprobe")))
            QSKIP("ffmpeg/ffprobe are not installed");
        QDir().mkpath(path(QStringLiteral("plate")));
        RETAKE_FFMPEG(QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=160x90:rate=24"), QStringLiteral("-frames:v"),
                      QString::number(kFrames), QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"),
                      path(QStringLiteral("plate/plate_%04d.png")));
        lut = path(QStringLiteral("grade.cube"));
        QFile f(lut);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(cube3d(17).toUtf8());
        f.close();
        project = path(QStringLiteral("p.retake"));
        Run r = cli({QStringLiteral("new"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("import"), project, path(QStringLiteral("plate/plate_0001.png"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void lutGradedSequenceMatchesFfmpegLut3d() {
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--lut"), lut,
                           QStringLiteral("--out"), path(QStringLiteral("graded/g_####.png"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QDir().mkpath(path(QStringLiteral("ref")));
        RETAKE_FFMPEG(
            QStringLiteral("-i"), path(QStringLiteral("plate/plate_%04d.png")),
            QStringLiteral("-vf"), QStringLiteral("lut3d=file=%1:interp=tetrahedral").arg(lut),
            QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"), QStringLiteral("-start_number"),
            QStringLiteral("1001"), path(QStringLiteral("ref/r_%04d.png")));
        // openMedia on a numbered file opens its whole sequence.
        const auto ours = openMedia(path(QStringLiteral("graded/g_1001.png")));
        const auto ref = openMedia(path(QStringLiteral("ref/r_1001.png")));
        QCOMPARE(ours->info().frameCount, FrameNumber(kFrames));
        QCOMPARE(ref->info().frameCount, FrameNumber(kFrames));
        for (int i = 0; i < kFrames; ++i) {
            const Image a = ours->readFrame(i), b = ref->readFrame(i);
            QVERIFY2(
                maxDiff8(a, b) <= 1,
                qPrintable(QStringLiteral("frame %1: max diff %2").arg(i).arg(maxDiff8(a, b))));
        }
    }

    void displayViewMatchesOcioconvert() {
        if (!haveTool(QStringLiteral("ocioconvert")))
            QSKIP("ocioconvert is not installed");
        const Run r =
            cli({QStringLiteral("export"), project, QStringLiteral("--ocio-config"), kConfigFile,
                 QStringLiteral("--input-space"), QStringLiteral("sRGB - Texture"),
                 QStringLiteral("--display"), QStringLiteral("sRGB - Display"),
                 QStringLiteral("--view"), QStringLiteral("ACES 1.0 - SDR Video"),
                 QStringLiteral("--range"), QStringLiteral("0-1"), QStringLiteral("--out"),
                 path(QStringLiteral("view/v_####.png"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        retake::testing::RunOptions options;
        options.environment.insert(QStringLiteral("OCIO"), kConfigFile);
        const QString ref = path(QStringLiteral("view-ref.png"));
        const Run converted = retake::testing::run(
            QStringLiteral("ocioconvert"),
            {QStringLiteral("--view"), path(QStringLiteral("plate/plate_0002.png")),
             QStringLiteral("sRGB - Texture"), ref, QStringLiteral("sRGB - Display"),
             QStringLiteral("ACES 1.0 - SDR Video")},
            options);
        QVERIFY2(converted.ok(), qPrintable(converted.err));
        // Frame 1 of the exported sequence (openMedia opens the whole sequence).
        const Image ours = openMedia(path(QStringLiteral("view/v_1001.png")))->readFrame(1);
        const Image theirs = openMedia(ref)->readFrame(0);
        QVERIFY2(maxDiff8(ours, theirs) <= 1, qPrintable(QString::number(maxDiff8(ours, theirs))));
    }

    // 10-bit ProRes 422 HQ with the output space's tags, every frame there.
    void gradedProResIs10BitAndTagged() {
        const QString out = path(QStringLiteral("graded.mov"));
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--lut"), lut,
                           QStringLiteral("--output-space"), QStringLiteral("Rec.709 - Camera"),
                           QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject s = probe(out);
        QCOMPARE(s.value(QStringLiteral("codec_name")).toString(), QStringLiteral("prores"));
        QCOMPARE(s.value(QStringLiteral("profile")).toString(), QStringLiteral("HQ"));
        QCOMPARE(s.value(QStringLiteral("pix_fmt")).toString(), QStringLiteral("yuv422p10le"));
        QCOMPARE(s.value(QStringLiteral("bits_per_raw_sample")).toString(), QStringLiteral("10"));
        QCOMPARE(s.value(QStringLiteral("color_primaries")).toString(), QStringLiteral("bt709"));
        QCOMPARE(s.value(QStringLiteral("color_transfer")).toString(), QStringLiteral("bt709"));
        QCOMPARE(s.value(QStringLiteral("color_space")).toString(), QStringLiteral("bt709"));
        QCOMPARE(s.value(QStringLiteral("nb_read_frames")).toString(), QString::number(kFrames));
    }

    void h264CarriesTheOutputSpaceTags() {
        const struct {
            QStringList args;
            const char* transfer;
        } cases[] = {
            {{QStringLiteral("--output-space"), QStringLiteral("sRGB - Texture")}, "iec61966-2-1"},
            {{QStringLiteral("--display"), QStringLiteral("Rec.1886 Rec.709 - Display")}, "bt709"},
        };
        int n = 0;
        for (const auto& c : cases) {
            const QString out = path(QStringLiteral("tagged%1.mp4").arg(n++));
            const Run r =
                cli(QStringList{QStringLiteral("export"), project, QStringLiteral("--out"), out} +
                    c.args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QJsonObject s = probe(out);
            QCOMPARE(s.value(QStringLiteral("codec_name")).toString(), QStringLiteral("h264"));
            QCOMPARE(s.value(QStringLiteral("color_primaries")).toString(),
                     QStringLiteral("bt709"));
            QCOMPARE(s.value(QStringLiteral("color_transfer")).toString(),
                     QString::fromLatin1(c.transfer));
            QCOMPARE(s.value(QStringLiteral("color_space")).toString(), QStringLiteral("bt709"));
        }
    }

    void badColourInputLeavesNoOutput() {
        QFile bad(path(QStringLiteral("bad.cube")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("LUT_3D_SIZE 9\n0 0 0\n1 1 1\n");
        bad.close();
        QFile config(path(QStringLiteral("broken.ocio")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("ocio_profile_version: 2\nroles: {\n");
        config.close();
        const struct {
            QStringList args;
            int exitCode;
            QString mentions;
        } cases[] = {
            {{QStringLiteral("--output-space"), QStringLiteral("Kodak 2383")},
             1,
             QStringLiteral("Kodak 2383")},
            {{QStringLiteral("--lut"), path(QStringLiteral("bad.cube"))},
             2,
             path(QStringLiteral("bad.cube"))},
            {{QStringLiteral("--lut"), path(QStringLiteral("missing.cube"))},
             2,
             path(QStringLiteral("missing.cube"))},
            {{QStringLiteral("--ocio-config"), path(QStringLiteral("broken.ocio"))},
             2,
             path(QStringLiteral("broken.ocio"))},
            {{QStringLiteral("--display"), QStringLiteral("sRGB - Display"),
              QStringLiteral("--output-space"), QStringLiteral("ACEScg")},
             1,
             QStringLiteral("not both")},
        };
        for (const auto& c : cases) {
            for (const QString& out :
                 {path(QStringLiteral("bad.mov")), path(QStringLiteral("badseq/b_####.png"))}) {
                const Run r = cli(
                    QStringList{QStringLiteral("export"), project, QStringLiteral("--out"), out} +
                    c.args);
                QVERIFY2(r.exitCode == c.exitCode,
                         qPrintable(QStringLiteral("%1: exit %2: %3")
                                        .arg(c.args.join(QLatin1Char(' ')))
                                        .arg(r.exitCode)
                                        .arg(r.err)));
                QVERIFY2(r.err.contains(c.mentions), qPrintable(r.err));
            }
            QVERIFY(!QFile::exists(path(QStringLiteral("bad.mov"))));
            QVERIFY(QDir(path(QStringLiteral("badseq")))
                        .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)
                        .isEmpty());
        }
    }

    // Graded exports (movie and EXR sequence) to a full disk or a read-only
    // folder: exit code 3, a message naming the target, nothing left behind.
    void gradedExportToFullDiskOrReadOnlyFolder() {
        const QStringList grade{QStringLiteral("--lut"), lut, QStringLiteral("--output-space"),
                                QStringLiteral("sRGB - Texture")};
        const QString full = path(QStringLiteral("fulldisk"));
        QDir().mkpath(full);
        // A 32 KiB file size limit stands in for a full disk (EFBIG and
        // ENOSPC reach the writers the same way).
        const auto smallDisk = [] {
            struct rlimit limit {
                32 * 1024, 32 * 1024
            };
            setrlimit(RLIMIT_FSIZE, &limit);
        };
        for (const QString& out :
             {full + QStringLiteral("/graded.mov"), full + QStringLiteral("/seq/g_####.exr")}) {
            const Run r =
                cli(QStringList{QStringLiteral("export"), project, QStringLiteral("--out"), out,
                                QStringLiteral("--exr-type"), QStringLiteral("float"),
                                QStringLiteral("--exr-compression"), QStringLiteral("none")} +
                        grade,
                    smallDisk);
            QVERIFY2(
                r.exitCode == 3,
                qPrintable(QStringLiteral("%1: exit %2 %3").arg(out).arg(r.exitCode).arg(r.err)));
            QVERIFY2(r.err.contains(full), qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(full + QStringLiteral("/graded.mov")));
        QVERIFY2(QDir(full + QStringLiteral("/seq"))
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .isEmpty(),
                 "a partial sequence was left behind");

        const QString ro = path(QStringLiteral("readonly"));
        QDir().mkpath(ro);
        const auto enter = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                           QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                           QFileDevice::ReadOther | QFileDevice::ExeOther;
        QFile::setPermissions(dir.path(), enter);
        QFile::setPermissions(ro, enter);
        for (const QString& file : QDir(dir.path()).entryList(QDir::Files))
            QFile::setPermissions(dir.filePath(file),
                                  QFile::permissions(dir.filePath(file)) | QFileDevice::ReadOther);
        QFile::setPermissions(path(QStringLiteral("plate")), enter);
        for (const QString& file : QDir(path(QStringLiteral("plate"))).entryList(QDir::Files))
            QFile::setPermissions(path(QStringLiteral("plate/") + file),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ReadOther);
        // Root ignores permissions: write as "nobody", as a user would.
        const bool root = geteuid() == 0;
        const auto asNobody = [root] {
            if (root && (setgid(65534) != 0 || setuid(65534) != 0))
                _exit(99);
        };
        for (const QString& out :
             {ro + QStringLiteral("/graded.mov"), ro + QStringLiteral("/g_####.exr")}) {
            const Run r =
                cli(QStringList{QStringLiteral("export"), project, QStringLiteral("--out"), out} +
                        grade,
                    asNobody);
            QVERIFY2(
                r.exitCode == 3,
                qPrintable(QStringLiteral("%1: exit %2 %3").arg(out).arg(r.exitCode).arg(r.err)));
            QVERIFY2(r.err.contains(ro), qPrintable(r.err));
        }
        QVERIFY(
            QDir(ro).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestColourExport)
#include "test_colour_export.moc"
