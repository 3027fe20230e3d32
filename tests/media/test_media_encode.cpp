// Encoding: codecs, profiles, colour tags, audio sync, temporary files and
// write failures (read-only directory, full disk, missing encoder).
//
// The write failures run in a child process of this executable (started with
// --child): tests run as root, so a read-only directory is simulated by the
// child dropping to uid 65534, and a full disk by RLIMIT_FSIZE with SIGXFSZ
// ignored.

#include "core/error.h"
#include "ffmpeg/videoencoder.h"
#include "media/encode.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "mediatestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace retake;
using namespace retake::test;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 180;
constexpr int kFrames = 25;
constexpr int kRate = 48000;

EncodeSettings settingsFor(VideoCodec codec, Rational rate = Rational(25)) {
    EncodeSettings s;
    s.codec = codec;
    s.width = kWidth;
    s.height = kHeight;
    s.frameRate = rate;
    s.colour.primaries = QStringLiteral("bt709");
    s.colour.transfer = QStringLiteral("bt709");
    s.colour.matrix = QStringLiteral("bt709");
    s.colour.range = QStringLiteral("tv");
    s.audioSampleRate = kRate;
    s.audioChannels = 2;
    return s;
}

std::vector<float> sineAudio(std::int64_t first, std::int64_t count) {
    std::vector<float> samples(std::size_t(count) * 2);
    for (std::int64_t i = 0; i < count; ++i) {
        const double t = double(first + i) / kRate;
        samples[std::size_t(i) * 2] = float(0.5 * std::sin(2 * M_PI * 440 * t));
        samples[std::size_t(i) * 2 + 1] = float(0.25 * std::sin(2 * M_PI * 660 * t));
    }
    return samples;
}

// Video and matching audio frame by frame, as the exporter hands them over.
void encodeClip(VideoEncoder& encoder, const EncodeSettings& s, int frames, int channels) {
    const double samplesPerFrame = kRate / s.frameRate.toDouble();
    std::int64_t written = 0;
    for (int f = 0; f < frames; ++f) {
        encoder.writeFrame(patternImage(s.width, s.height, channels, SampleType::UInt16, f));
        const auto until = std::int64_t(std::llround((f + 1) * samplesPerFrame));
        const std::vector<float> audio = sineAudio(written, until - written);
        encoder.writeAudio(audio.data(), until - written);
        written = until;
    }
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

// --child video CODEC PATH FRAMES | --child image PATH: exit 0 on success,
// 10 + ErrorKind on a Retake error, printing the message.
int runChild(int argc, char** argv) {
    const QByteArray mode = argc > 2 ? argv[2] : "";
    try {
        if (mode == "video" && argc == 6) {
            VideoCodec codec;
            if (!videoCodecFromString(QString::fromLocal8Bit(argv[3]), &codec))
                return 2;
            const EncodeSettings s = settingsFor(codec);
            auto encoder = createVideoEncoder(QString::fromLocal8Bit(argv[4]), s);
            encodeClip(*encoder, s, std::atoi(argv[5]), 3);
            encoder->finish();
        } else if (mode == "image" && argc == 4) {
            writeImageFile(QString::fromLocal8Bit(argv[3]),
                           noiseImage(256, 256, 4, SampleType::UInt16, 3));
        } else {
            return 2;
        }
    } catch (const Error& e) {
        std::printf("%s\n", e.message().toLocal8Bit().constData());
        return 10 + int(e.kind());
    }
    return 0;
}

struct ChildResult {
    int exitCode = -1;
    QString output;
};

ChildResult runAsChild(const QStringList& args, std::function<void()> modifier) {
    RunOptions options;
    options.childSetup = std::move(modifier);
    options.mergeChannels = true;
    const Run child =
        run(QCoreApplication::applicationFilePath(), QStringList{"--child"} + args, options);
    return {child.exitCode, (child.out + child.err).trimmed()};
}

void dropToNobody() {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0)
        ::_exit(3);
}

std::function<void()> limitFileSize(rlim_t bytes) {
    return [bytes] {
        // Ignored, the signal turns into EFBIG from write(): the disk-full
        // path without filling a disk.
        std::signal(SIGXFSZ, SIG_IGN);
        const struct rlimit limit = {bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    };
}

} // namespace

class EncodeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (!haveTool(QStringLiteral("ffprobe")))
            QSKIP("ffprobe is not installed");
        QVERIFY(dir_.isValid());
    }

    void codecNames() {
        for (VideoCodec codec : {VideoCodec::ProRes422HQ, VideoCodec::ProRes4444, VideoCodec::H264,
                                 VideoCodec::H265, VideoCodec::DNxHRHQ}) {
            VideoCodec parsed;
            QVERIFY(videoCodecFromString(toString(codec), &parsed));
            QVERIFY(parsed == codec);
        }
        QVERIFY(!videoCodecFromString("mpeg1", nullptr));
    }

    void encodesWithTagsAndAudio_data() {
        QTest::addColumn<VideoCodec>("codec");
        QTest::addColumn<QString>("file");
        QTest::addColumn<Rational>("rate");
        QTest::addColumn<QString>("codecName");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("pixelFormat");
        QTest::addColumn<QString>("audioCodec");
        QTest::addColumn<int>("channels");
        QTest::newRow("ProRes 422 HQ")
            << VideoCodec::ProRes422HQ << "prores.mov" << Rational(25) << "prores"
            << "HQ"
            << "yuv422p10le"
            << "pcm_s24le" << 3;
        QTest::newRow("ProRes 422 HQ 23.976")
            << VideoCodec::ProRes422HQ << "ntsc.mov" << Rational(24000, 1001) << "prores"
            << "HQ"
            << "yuv422p10le"
            << "pcm_s24le" << 3;
        // Encoded from yuva444p10le; FFmpeg's decoder reports any 4444 as 12-bit.
        QTest::newRow("ProRes 4444")
            << VideoCodec::ProRes4444 << "prores4444.mov" << Rational(25) << "prores"
            << "4444"
            << "yuva444p12le"
            << "pcm_s24le" << 4;
        QTest::newRow("H.264") << VideoCodec::H264 << "h264.mp4" << Rational(25) << "h264"
                               << "High"
                               << "yuv420p"
                               << "aac" << 3;
        QTest::newRow("H.265") << VideoCodec::H265 << "h265.mp4" << Rational(25) << "hevc"
                               << "Main"
                               << "yuv420p"
                               << "aac" << 3;
        QTest::newRow("DNxHR HQ") << VideoCodec::DNxHRHQ << "dnxhr.mov" << Rational(25) << "dnxhd"
                                  << "DNXHR HQ"
                                  << "yuv422p"
                                  << "pcm_s24le" << 3;
    }

    void encodesWithTagsAndAudio() {
        QFETCH(VideoCodec, codec);
        QFETCH(QString, file);
        QFETCH(Rational, rate);
        QFETCH(QString, codecName);
        QFETCH(QString, profile);
        QFETCH(QString, pixelFormat);
        QFETCH(QString, audioCodec);
        QFETCH(int, channels);

        const QString dir =
            QDir(dir_.path()).filePath(QString(QTest::currentDataTag()).replace(' ', '_'));
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(file);
        const EncodeSettings s = settingsFor(codec, rate);
        {
            auto encoder = createVideoEncoder(path, s);
            // Nothing under the final name until finish().
            QVERIFY(!QFile::exists(path));
            encodeClip(*encoder, s, kFrames, channels);
            encoder->finish();
        }
        QCOMPARE(filesIn(dir), QStringList{file});

        QString error;
        const QJsonObject probe = ffprobe(path, {"-count_frames"}, &error);
        QVERIFY2(!probe.isEmpty(), qPrintable(error));
        const QJsonObject video = probeStream(probe, "video");
        QCOMPARE(video.value("codec_name").toString(), codecName);
        QCOMPARE(video.value("profile").toString(), profile);
        QCOMPARE(video.value("pix_fmt").toString(), pixelFormat);
        QCOMPARE(video.value("nb_read_frames").toString().toInt(), kFrames);
        QCOMPARE(video.value("r_frame_rate").toString(),
                 rate.toString().contains('/') ? rate.toString() : rate.toString() + "/1");
        QCOMPARE(video.value("color_primaries").toString(), QStringLiteral("bt709"));
        QCOMPARE(video.value("color_transfer").toString(), QStringLiteral("bt709"));
        QCOMPARE(video.value("color_space").toString(), QStringLiteral("bt709"));
        QCOMPARE(video.value("color_range").toString(), QStringLiteral("tv"));
        if (codec == VideoCodec::H265)
            QCOMPARE(video.value("codec_tag_string").toString(), QStringLiteral("hvc1"));

        const QJsonObject audio = probeStream(probe, "audio");
        QCOMPARE(audio.value("codec_name").toString(), audioCodec);
        QCOMPARE(audio.value("sample_rate").toString(), QString::number(kRate));
        QCOMPARE(audio.value("channels").toInt(), 2);
        // In sync: both streams last as long as the frames do.
        const double length = kFrames / rate.toDouble();
        QVERIFY2(std::abs(video.value("duration").toString().toDouble() - length) < 0.01,
                 qPrintable(video.value("duration").toString()));
        QVERIFY2(std::abs(audio.value("duration").toString().toDouble() - length) < 0.03,
                 qPrintable(audio.value("duration").toString()));
        QVERIFY2(std::abs(audio.value("start_time").toString().toDouble() -
                          video.value("start_time").toString().toDouble()) < 0.001,
                 qPrintable(audio.value("start_time").toString()));

        // Interleaved in the file, not all audio after all video.
        const Run packets = run("ffprobe", {"-v", "error", "-show_entries", "packet=stream_index",
                                            "-of", "csv=p=0", path});
        QVERIFY(packets.ok());
        const QList<QByteArray> order = packets.rawOut.trimmed().split('\n');
        int switches = 0;
        for (int i = 1; i < order.size(); ++i)
            switches += order[i] != order[i - 1];
        QVERIFY2(switches >= 4, qPrintable(QString::number(switches)));

        // Read back: the same colour tags and pictures close to the input.
        auto reader = openMedia(path);
        QCOMPARE(reader->info().frameCount, FrameNumber(kFrames));
        QCOMPARE(reader->info().colour.matrix, QStringLiteral("bt709"));
        QCOMPARE(reader->info().channels, channels);
        for (int f : {0, 12, 24}) {
            const Image input = patternImage(kWidth, kHeight, channels, SampleType::UInt16, f);
            const double diff = meanAbsDiff(reader->readFrame(f), input);
            QVERIFY2(diff < 3.0,
                     qPrintable(QStringLiteral("frame %1 differs by %2").arg(f).arg(diff)));
        }
        auto sound = openAudio(path);
        QVERIFY(sound);
        const std::vector<float> got = sound->read(10000, 100);
        const std::vector<float> want = sineAudio(10000, 100);
        double worst = 0;
        for (std::size_t i = 0; i < got.size(); ++i)
            worst = std::max(worst, double(std::abs(got[i] - want[i])));
        QVERIFY2(worst < (audioCodec == "aac" ? 0.05 : 1e-5), qPrintable(QString::number(worst)));
    }

    void unusualFileNames() {
        // A colon would be an FFmpeg protocol prefix, a percent sign an
        // image2 pattern: neither may change where the file goes.
        const QString dir = QDir(dir_.path()).filePath("names");
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + "/take:2 [v2] 100%d.mp4";
        EncodeSettings s = settingsFor(VideoCodec::H264);
        auto encoder = createVideoEncoder(path, s);
        encodeClip(*encoder, s, 3, 3);
        encoder->finish();
        QCOMPARE(filesIn(dir), QStringList{"take:2 [v2] 100%d.mp4"});
        QCOMPARE(openMedia(path)->info().frameCount, FrameNumber(3));
        QVERIFY(openAudio(path));
    }

    void unfinishedEncoderLeavesNothing() {
        const QString dir = QDir(dir_.path()).filePath("unfinished");
        QVERIFY(QDir().mkpath(dir));
        {
            const EncodeSettings s = settingsFor(VideoCodec::ProRes422HQ);
            auto encoder = createVideoEncoder(dir + "/cancelled.mov", s);
            QCOMPARE(filesIn(dir).size(), 1); // the temporary file, beside the target
            encodeClip(*encoder, s, 3, 3);
        }
        QCOMPARE(filesIn(dir), QStringList());
    }

    void usageErrors() {
        const QString dir = QDir(dir_.path()).filePath("usage");
        QVERIFY(QDir().mkpath(dir));
        auto kindOf = [](const std::function<void()>& f) {
            try {
                f();
            } catch (const Error& e) {
                return int(e.kind());
            }
            return 0;
        };
        EncodeSettings s = settingsFor(VideoCodec::ProRes422HQ);
        QCOMPARE(kindOf([&] { createVideoEncoder(dir + "/a.avi", s); }), int(ErrorKind::Usage));
        QCOMPARE(kindOf([&] { createVideoEncoder(dir + "/a.mp4", s); }), int(ErrorKind::Usage));
        EncodeSettings empty = s;
        empty.width = 0;
        QCOMPARE(kindOf([&] { createVideoEncoder(dir + "/a.mov", empty); }), int(ErrorKind::Usage));
        s.audioSampleRate = 0;
        s.audioChannels = 0;
        auto encoder = createVideoEncoder(dir + "/b.mov", s);
        QCOMPARE(
            kindOf([&] { encoder->writeFrame(patternImage(16, 16, 3, SampleType::UInt8, 0)); }),
            int(ErrorKind::Usage));
        const float silence[4] = {};
        QCOMPARE(kindOf([&] { encoder->writeAudio(silence, 2); }), int(ErrorKind::Usage));
        encoder.reset();
        QCOMPARE(filesIn(dir), QStringList());

        try {
            ffmpeg::requireEncoder("retake_no_such_encoder", "a test");
            QFAIL("a missing encoder was found");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
            QVERIFY(e.message().contains("retake_no_such_encoder"));
        }
    }

    void nonDirectoryParent() {
        const QString file = QDir(dir_.path()).filePath("plain.txt");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        try {
            createVideoEncoder(file + "/out.mov", settingsFor(VideoCodec::H264));
            QFAIL("created a file below a file");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Output);
            QVERIFY2(e.message().contains(file + "/out.mov") &&
                         e.message().contains("Not a directory"),
                     qPrintable(e.message()));
        }
    }

    void readOnlyDirectory() {
        const QString dir = QDir(dir_.path()).filePath("readonly");
        QVERIFY(QDir().mkpath(dir));
        // Others may enter the directory (and its parents) but not write.
        const auto enter = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                           QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(dir_.path(), enter));
        QVERIFY(QFile::setPermissions(dir, enter));
        for (const QStringList& args :
             {QStringList{"video", "prores-422hq", dir + "/out.mov", "5"},
              QStringList{"image", dir + "/out.png"}, QStringList{"image", dir + "/out.exr"}}) {
            const ChildResult r = runAsChild(args, dropToNobody);
            QVERIFY2(r.exitCode == 10 + int(ErrorKind::Output), qPrintable(r.output));
            QVERIFY2(r.output.startsWith(args[args.size() == 4 ? 2 : 1]) &&
                         r.output.contains("Permission denied"),
                     qPrintable(r.output));
        }
        QCOMPARE(filesIn(dir), QStringList());
    }

    void diskFull() {
        const QString dir = QDir(dir_.path()).filePath("full");
        QVERIFY(QDir().mkpath(dir));
        // Fails while writing media data.
        ChildResult r = runAsChild({"video", "prores-422hq", dir + "/out.mov", "40"},
                                   limitFileSize(300 * 1024));
        QVERIFY2(r.exitCode == 10 + int(ErrorKind::Output), qPrintable(r.output));
        QVERIFY2(r.output.startsWith(dir + "/out.mov") && r.output.contains("File too large"),
                 qPrintable(r.output));
        QCOMPARE(filesIn(dir), QStringList());

        // Fails only at the end, when the index (trailer) is written.
        r = runAsChild({"video", "prores-422hq", dir + "/whole.mov", "40"}, [] {});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        const qint64 size = QFileInfo(dir + "/whole.mov").size();
        QVERIFY(QFile::remove(dir + "/whole.mov"));
        r = runAsChild({"video", "prores-422hq", dir + "/late.mov", "40"},
                       limitFileSize(size - 64));
        QVERIFY2(r.exitCode == 10 + int(ErrorKind::Output), qPrintable(r.output));
        QVERIFY2(r.output.contains("File too large"), qPrintable(r.output));
        QCOMPARE(filesIn(dir), QStringList());

        for (const QString name : {"/out.png", "/out.exr"}) {
            r = runAsChild({"image", dir + name}, limitFileSize(20 * 1024));
            QVERIFY2(r.exitCode == 10 + int(ErrorKind::Output), qPrintable(r.output));
            QVERIFY2(r.output.startsWith(dir + name) && r.output.contains("File too large"),
                     qPrintable(r.output));
        }
        QCOMPARE(filesIn(dir), QStringList());
    }

private:
    QTemporaryDir dir_;
};

int main(int argc, char** argv) {
    if (argc > 1 && QByteArray(argv[1]) == "--child")
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    EncodeTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_media_encode.moc"
