// Video decoding: frame-exact random access, formats, VFR conform, colour.

#include "core/error.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "mediatestutil.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cmath>

using namespace retake;
using namespace retake::test;

namespace {

QString rawFormatFor(const MediaInfo& info) {
    if (info.sampleType == SampleType::UInt8)
        return info.channels == 4 ? QStringLiteral("rgba") : QStringLiteral("rgb24");
    return info.channels == 4 ? QStringLiteral("rgba64le") : QStringLiteral("rgb48le");
}

std::size_t frameBytes(const MediaInfo& info) {
    return std::size_t(info.width) * info.height * info.channels * bytesPerSample(info.sampleType);
}

} // namespace

class VideoTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (!haveTool(QStringLiteral("ffmpeg")) || !haveTool(QStringLiteral("ffprobe")))
            QSKIP("the ffmpeg and ffprobe tools are not installed");
        QVERIFY(dir_.isValid());
    }

    void randomAccessMatchesSequentialDecode_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("encode");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<int>("bitDepth");
        QTest::addColumn<int>("channels");

        const QString longGop = QStringLiteral("testsrc2=s=320x180:r=25:d=6");
        const QString shortClip = QStringLiteral("testsrc2=s=320x180:r=25:d=2");
        QTest::newRow("h264 B-frames long GOP, MP4")
            << "h264.mp4" << longGop
            << QStringList{"-c:v", "libx264", "-preset", "veryfast", "-bf",
                           "3",    "-g",      "48",      "-pix_fmt", "yuv420p"}
            << "h264" << 8 << 3;
        QTest::newRow("h264 open GOP, MKV")
            << "h264open.mkv" << longGop
            << QStringList{"-c:v", "libx264", "-preset",      "veryfast",   "-bf",      "3",
                           "-g",   "40",      "-x264-params", "open-gop=1", "-pix_fmt", "yuv420p"}
            << "h264" << 8 << 3;
        QTest::newRow("h265 B-frames, MKV")
            << "hevc.mkv" << longGop
            << QStringList{"-c:v",     "libx265",      "-preset",
                           "veryfast", "-x265-params", "keyint=30:bframes=4:log-level=error",
                           "-pix_fmt", "yuv420p"}
            << "hevc" << 8 << 3;
        QTest::newRow("h265 10-bit, MP4")
            << "hevc10.mp4" << shortClip
            << QStringList{"-c:v",     "libx265",      "-preset",
                           "veryfast", "-x265-params", "keyint=20:log-level=error",
                           "-pix_fmt", "yuv420p10le"}
            << "hevc" << 10 << 3;
        QTest::newRow("VP9 with altref, MKV")
            << "vp9.mkv" << longGop << QStringList{"-c:v",
                                                   "libvpx-vp9",
                                                   "-b:v",
                                                   "400k",
                                                   "-g",
                                                   "30",
                                                   "-deadline",
                                                   "realtime",
                                                   "-cpu-used",
                                                   "8",
                                                   "-lag-in-frames",
                                                   "16",
                                                   "-auto-alt-ref",
                                                   "1"}
            << "vp9" << 8 << 3;
        QTest::newRow("ProRes 422 HQ, MOV")
            << "prores.mov" << shortClip
            << QStringList{"-c:v", "prores_ks", "-profile:v", "3", "-pix_fmt", "yuv422p10le"}
            << "prores" << 10 << 3;
        QTest::newRow("ProRes 4444 with alpha, MOV")
            << "prores4444.mov"
            << "testsrc2=s=320x180:r=25:d=2,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='X*"
               "255/W'"
            << QStringList{"-c:v", "prores_ks", "-profile:v", "4", "-pix_fmt", "yuva444p10le"}
            << "prores" << 12 << 4; // FFmpeg decodes ProRes 4444 as 12-bit
        QTest::newRow("DNxHR HQ, MXF")
            << "dnxhr.mxf" << shortClip
            << QStringList{"-c:v", "dnxhd", "-profile:v", "dnxhr_hq", "-pix_fmt", "yuv422p"}
            << "dnxhd" << 8 << 3;
        QTest::newRow("MPEG-2 long GOP, MXF")
            << "mpeg2.mxf" << longGop
            << QStringList{"-c:v", "mpeg2video", "-b:v", "4M", "-bf", "2", "-g", "15"}
            << "mpeg2video" << 8 << 3;
        QTest::newRow("MJPEG, MOV")
            << "mjpeg.mov" << shortClip << QStringList{"-c:v", "mjpeg", "-q:v", "3"} << "mjpeg" << 8
            << 3;
        QTest::newRow("PNG with alpha, MOV")
            << "png.mov"
            << "testsrc2=s=320x180:r=25:d=1,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='Y'"
            << QStringList{"-c:v", "png", "-pix_fmt", "rgba"} << "png" << 8 << 4;
    }

    void randomAccessMatchesSequentialDecode() {
        QFETCH(QString, file);
        QFETCH(QString, source);
        QFETCH(QStringList, encode);
        QFETCH(QString, codec);
        QFETCH(int, bitDepth);
        QFETCH(int, channels);

        const QString path = dir_.filePath(file);
        RETAKE_FFMPEG(QStringList{"-f", "lavfi", "-i", source} + encode + QStringList{path});
        checkFrameAccess(path, codec, bitDepth, channels);
    }

    void editListStartingMidGop() {
        // A stream-copied trim: the file starts at a keyframe that an edit
        // list hides, so the first frame of the media is not a keyframe.
        const QString source = dir_.filePath("untrimmed.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=6", "-c:v", "libx264",
                      "-preset", "veryfast", "-bf", "3", "-g", "48", source);
        const QString path = dir_.filePath("trimmed.mp4");
        RETAKE_FFMPEG("-ss", "1.3", "-i", source, "-c", "copy", path);
        checkFrameAccess(path, "h264", 8, 3);
    }

    void variableFrameRateIsConformed() {
        // 30 frames at 30 fps, then 30 frames at 15 fps: 3 seconds.
        const QString path = dir_.filePath("vfr.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=2", "-vf",
                      "setpts='if(lt(N,30),N,30+(N-30)*2)/30/TB'", "-fps_mode", "passthrough",
                      "-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", "20",
                      "-video_track_timescale", "3000", path);
        auto reader = openMedia(path);
        const MediaInfo& info = reader->info();
        QVERIFY(info.variableFrameRate);
        QVERIFY(!info.warnings.filter(QStringLiteral("variable frame rate")).isEmpty());
        const double rate = info.frameRate.toDouble();
        QVERIFY2(rate > 10 && rate < 40, qPrintable(info.frameRate.toString()));
        // Frames start inside the 3 s the source lasts.
        QVERIFY2(std::abs(double(info.frameCount) - 3.0 * rate) <= 1.0,
                 qPrintable(QStringLiteral("%1 frames at %2").arg(info.frameCount).arg(rate)));

        QString error;
        const QByteArray source = ffmpegFrames(path, QStringLiteral("rgb24"), &error);
        QVERIFY2(!source.isEmpty(), qPrintable(error));
        const std::size_t bytes = frameBytes(info);
        QCOMPARE(std::size_t(source.size()), 60 * bytes);
        auto sourceTime = [](int k) { return (k < 30 ? k : 30 + (k - 30) * 2) / 30.0; };

        auto check = [&](FrameNumber n) {
            const double t = double(n) / rate;
            int expected = 0;
            for (int k = 0; k < 60; ++k)
                if (sourceTime(k) <= t + 1e-6)
                    expected = k;
            const Image image = reader->readFrame(n);
            int best = -1;
            double bestDiff = 1e9;
            for (int k = 0; k < 60; ++k) {
                const double d = meanAbsDiff(image, source.constData() + std::size_t(k) * bytes);
                if (d < bestDiff) {
                    bestDiff = d;
                    best = k;
                }
            }
            QVERIFY2(best == expected && bestDiff < 2.0,
                     qPrintable(QStringLiteral("frame %1 (t=%2) shows source %3, expected %4")
                                    .arg(n)
                                    .arg(t)
                                    .arg(best)
                                    .arg(expected)));
        };
        for (FrameNumber n = 0; n < info.frameCount; ++n)
            check(n);
        for (FrameNumber n :
             {info.frameCount - 1, FrameNumber(3), FrameNumber(40), FrameNumber(39)})
            check(n);
    }

    void colourTagsAreRead() {
        const QString path = dir_.filePath("tagged.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=0.4", "-c:v", "libx264",
                      "-pix_fmt", "yuv420p10le", "-color_primaries", "bt2020", "-color_trc",
                      "smpte2084", "-colorspace", "bt2020nc", "-color_range", "tv", path);
        const MediaInfo info = openMedia(path)->info();
        QCOMPARE(info.colour.primaries, QStringLiteral("bt2020"));
        QCOMPARE(info.colour.transfer, QStringLiteral("smpte2084"));
        QCOMPARE(info.colour.matrix, QStringLiteral("bt2020nc"));
        QCOMPARE(info.colour.range, QStringLiteral("tv"));
        QCOMPARE(info.pixelFormat, QStringLiteral("yuv420p10le"));
        QCOMPARE(info.container, QStringLiteral("mov,mp4,m4a,3gp,3g2,mj2"));
        QVERIFY2(info.warnings.isEmpty(), qPrintable(info.warnings.join('\n')));
    }

    void untaggedColourIsAssumedWithWarning() {
        const QString path = dir_.filePath("untagged.mkv");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=1280x720:r=25:d=0.2", "-c:v", "libx264",
                      "-preset", "ultrafast", "-pix_fmt", "yuv420p", path);
        const MediaInfo info = openMedia(path)->info();
        QCOMPARE(info.colour, ColourTags());
        QVERIFY2(!info.warnings.filter(QStringLiteral("BT.709")).isEmpty(),
                 qPrintable(info.warnings.join('\n')));
        QVERIFY(!info.warnings.filter(QStringLiteral("limited")).isEmpty());
    }

    void colourMatrixAndRangeAreApplied_data() {
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("matrix"); // scale filter's name
        QTest::addColumn<QString>("tag");    // the stream tag
        QTest::addColumn<QString>("range");  // tv or pc
        QTest::newRow("BT.709 on SD") << "320x180"
                                      << "bt709"
                                      << "bt709"
                                      << "tv";
        QTest::newRow("BT.601 on HD") << "1280x720"
                                      << "bt601"
                                      << "smpte170m"
                                      << "tv";
        QTest::newRow("BT.709 full range") << "320x180"
                                           << "bt709"
                                           << "bt709"
                                           << "pc";
    }

    void colourMatrixAndRangeAreApplied() {
        QFETCH(QString, size);
        QFETCH(QString, matrix);
        QFETCH(QString, tag);
        QFETCH(QString, range);
        // A flat colour converted to YUV with a known matrix and range, coded
        // losslessly: decoding with any other matrix or range misses by many
        // levels.
        const QString path =
            dir_.filePath(QStringLiteral("flat-%1-%2-%3.mkv").arg(size, tag, range));
        // (geq on planar RGB gives exact values; the color source rounds through YUV.)
        RETAKE_FFMPEG(
            "-f", "lavfi", "-i",
            QStringLiteral("nullsrc=s=%1:d=0.2,format=gbrp,geq=r=192:g=48:b=32").arg(size), "-vf",
            QStringLiteral("scale=out_color_matrix=%1:out_range=%2,format=yuv444p")
                .arg(matrix, range),
            "-colorspace", tag, "-color_range", range, "-c:v", "libx264", "-qp", "0", "-preset",
            "ultrafast", path);
        auto reader = openMedia(path);
        QCOMPARE(reader->info().colour.matrix, tag);
        QCOMPARE(reader->info().colour.range, range);
        const Image image = reader->readFrame(0);
        const int x = image.width / 2, y = image.height / 2;
        const int expected[3] = {0xC0, 0x30, 0x20};
        for (int c = 0; c < 3; ++c) {
            const int got = int(std::lround(image.sampleAsFloat(x, y, c) * 255));
            QVERIFY2(std::abs(got - expected[c]) <= 2,
                     qPrintable(QStringLiteral("channel %1: %2, expected %3")
                                    .arg(c)
                                    .arg(got)
                                    .arg(expected[c])));
        }
    }

    void audioStreamIsDescribed() {
        const QString path = dir_.filePath("withaudio.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=1", "-f", "lavfi", "-i",
                      "sine=frequency=1000:sample_rate=48000:duration=1", "-ac", "2", "-c:v",
                      "libx264", "-preset", "ultrafast", "-c:a", "aac", path);
        const MediaInfo info = openMedia(path)->info();
        QVERIFY(info.audio.present());
        QCOMPARE(info.audio.sampleRate, 48000);
        QCOMPARE(info.audio.channels, 2);
        QCOMPARE(info.audio.channelLayout, QStringLiteral("stereo"));
        QCOMPARE(info.audio.codec, QStringLiteral("aac"));
        QCOMPARE(info.frameCount, FrameNumber(25));
    }

    void longClipIndexesWithoutDecoding() {
        // 3 minutes: opening must not decode the clip, and the last frame
        // must be reachable directly.
        const QString path = dir_.filePath("long.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=128x72:r=25:d=180", "-c:v", "libx264",
                      "-preset", "ultrafast", "-g", "100", path);
        QElapsedTimer timer;
        timer.start();
        auto reader = openMedia(path);
        QCOMPARE(reader->info().frameCount, FrameNumber(4500));
        const Image last = reader->readFrame(4499);
        const Image middle = reader->readFrame(2250);
        QVERIFY(!last.isNull() && !middle.isNull());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    // A viewer's reader keeps what it decoded on the way: after a jump into
    // a long GOP, stepping back frame by frame (and forward again) decodes
    // the GOP at most once more, never once per step, and every frame is the
    // exact frame a sequential decode gives. A budget too small for one
    // picture keeps none; 0 lets them go.
    void steppingBackReusesDecodedPictures() {
        const QString path = dir_.filePath("longgop.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=4", "-c:v", "libx264",
                      "-preset", "veryfast", "-g", "48", "-bf", "3", "-pix_fmt", "yuv420p", path);
        auto sequential = openMedia(path);
        std::vector<Image> expected;
        for (FrameNumber n = 0; n < 48; ++n)
            expected.push_back(sequential->readFrame(n));

        auto viewer = openMedia(path);
        viewer->keepDecodedFrames(std::size_t(64) << 20);
        viewer->readFrame(70); // elsewhere first, as a viewer would be
        QVERIFY(viewer->readFrame(40).pixels == expected[40].pixels);
        const MediaReader::DecodeStats afterJump = viewer->decodeStats();
        for (FrameNumber n = 39; n >= 30; --n)
            QVERIFY2(viewer->readFrame(n).pixels == expected[std::size_t(n)].pixels,
                     qPrintable(QStringLiteral("frame %1").arg(n)));
        for (FrameNumber n = 31; n <= 40; ++n)
            QVERIFY2(viewer->readFrame(n).pixels == expected[std::size_t(n)].pixels,
                     qPrintable(QStringLiteral("frame %1 again").arg(n)));
        const MediaReader::DecodeStats stats = viewer->decodeStats();
        // Frame 39 may have been skipped on the way to 40 (nothing refers
        // to it): one seek back decodes every frame of the GOP and keeps it.
        QVERIFY2(stats.seeks - afterJump.seeks <= 1,
                 qPrintable(QStringLiteral("%1 seeks").arg(stats.seeks - afterJump.seeks)));
        QVERIFY2(stats.framesDecoded - afterJump.framesDecoded <= 48,
                 qPrintable(QStringLiteral("%1 pictures decoded for 20 steps")
                                .arg(stats.framesDecoded - afterJump.framesDecoded)));
        QVERIFY2(stats.keptHits >= 19, qPrintable(QString::number(stats.keptHits)));

        // Without keeping, each step back is a seek.
        auto plain = openMedia(path);
        plain->readFrame(40);
        const std::int64_t seeksBefore = plain->decodeStats().seeks;
        for (FrameNumber n = 39; n >= 35; --n)
            QVERIFY(plain->readFrame(n).pixels == expected[std::size_t(n)].pixels);
        QCOMPARE(plain->decodeStats().seeks - seeksBefore, std::int64_t(5));
        QCOMPARE(plain->decodeStats().keptHits, std::int64_t(0));

        // A budget smaller than one picture (320x180 4:2:0 is 86 kB) keeps
        // nothing; 0 drops what was kept.
        auto tiny = openMedia(path);
        tiny->keepDecodedFrames(1000);
        tiny->readFrame(40);
        tiny->readFrame(39);
        QCOMPARE(tiny->decodeStats().keptHits, std::int64_t(0));
        viewer->keepDecodedFrames(0);
        const std::int64_t hitsBefore = viewer->decodeStats().keptHits;
        QVERIFY(viewer->readFrame(33).pixels == expected[33].pixels);
        QCOMPARE(viewer->decodeStats().keptHits, hitsBefore);
    }

    // Viewer pictures: fitted by swscale while converting, 8-bit as RGBX.
    // They must show the same picture as the full-size frame (here against
    // its 2x2 box average, on a smooth picture so that filter shapes differ
    // little: measured 2.4 code values on average, from chroma siting, and a
    // bias under 1.2 per channel), at any access order, and turning the
    // preview off must give back the exact full-size frames.
    void previewFramesAreFittedWhileDecoding() {
        const QString path = dir_.filePath("preview.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=1,gblur=sigma=4", "-c:v",
                      "libx264", "-preset", "veryfast", "-g", "10", "-pix_fmt", "yuv420p", path);
        auto full = openMedia(path);
        auto preview = openMedia(path);
        preview->setPreviewSize(QSize(160, 120));
        for (const FrameNumber n :
             {FrameNumber(0), FrameNumber(17), FrameNumber(4), FrameNumber(5)}) {
            const Image reference = full->readFrame(n);
            const Image fitted = preview->readFrame(n);
            QCOMPARE(fitted.width, 160);
            QCOMPARE(fitted.height, 90); // 16:9 kept inside 160x120
            QCOMPARE(fitted.channels, 4);
            QVERIFY(fitted.alphaIsPadding);
            QCOMPARE(fitted.type, SampleType::UInt8);
            double totalError = 0;
            double signedError[3] = {0, 0, 0};
            for (int y = 0; y < fitted.height; ++y) {
                for (int x = 0; x < fitted.width; ++x) {
                    const std::uint8_t* px = fitted.pixels.data() + (y * fitted.width + x) * 4;
                    QCOMPARE(int(px[3]), 255);
                    for (int c = 0; c < 3; ++c) {
                        int sum = 0;
                        for (int dy = 0; dy < 2; ++dy)
                            for (int dx = 0; dx < 2; ++dx)
                                sum +=
                                    reference
                                        .pixels[((2 * y + dy) * reference.width + 2 * x + dx) * 3 +
                                                c];
                        totalError += std::abs(px[c] - sum / 4.0);
                        signedError[c] += px[c] - sum / 4.0;
                    }
                }
            }
            const double meanError = totalError / (fitted.width * fitted.height * 3);
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(signedError[c]) / (fitted.width * fitted.height) < 2.0,
                         qPrintable(QStringLiteral("frame %1, channel %2: bias %3")
                                        .arg(n)
                                        .arg(c)
                                        .arg(signedError[c] / (fitted.width * fitted.height))));
            QVERIFY2(
                meanError < 3.5,
                qPrintable(
                    QStringLiteral("frame %1: mean error %2 code values").arg(n).arg(meanError)));
        }
        // A frame smaller than the preview size keeps its size.
        preview->setPreviewSize(QSize(640, 480));
        const Image unscaled = preview->readFrame(9);
        QCOMPARE(unscaled.width, 320);
        QCOMPARE(unscaled.channels, 4);
        // Off again: exactly the full-size frame.
        preview->setPreviewSize(QSize());
        const Image again = preview->readFrame(12);
        QCOMPARE(again.channels, 3);
        QVERIFY(!again.alphaIsPadding);
        QVERIFY(again.pixels == full->readFrame(12).pixels);
    }

    // 10-bit sources keep 16-bit samples in the preview (the display
    // transform wants them): fitted, never padded.
    void previewOfTenBitVideoKeepsSixteenBits() {
        const QString path = dir_.filePath("preview10.mov");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=0.4", "-c:v", "prores_ks",
                      "-profile:v", "3", "-pix_fmt", "yuv422p10le", path);
        auto preview = openMedia(path);
        preview->setPreviewSize(QSize(80, 80));
        const Image fitted = preview->readFrame(3);
        QCOMPARE(fitted.width, 80);
        QCOMPARE(fitted.height, 45);
        QCOMPARE(fitted.channels, 3);
        QCOMPARE(fitted.type, SampleType::UInt16);
        QVERIFY(!fitted.alphaIsPadding);
    }

private:
    // Frame count, order and content against ffprobe/ffmpeg, then random
    // access against a sequential decode, bit for bit.
    void checkFrameAccess(const QString& path, const QString& codec, int bitDepth, int channels) {
        QString error;
        const QJsonObject stream =
            probeStream(ffprobe(path, {"-count_frames", "-select_streams", "v:0"}, &error),
                        QStringLiteral("video"));
        QVERIFY2(!stream.isEmpty(), qPrintable(error));
        const int expectedFrames = stream.value("nb_read_frames").toString().toInt();
        QVERIFY(expectedFrames > 0);

        auto sequential = openMedia(path);
        const MediaInfo& info = sequential->info();
        QCOMPARE(toString(info.kind), toString(MediaKind::Video));
        QCOMPARE(info.codec, codec);
        QCOMPARE(info.width, 320);
        QCOMPARE(info.height, 180);
        QCOMPARE(info.frameCount, FrameNumber(expectedFrames));
        QCOMPARE(info.frameRate, Rational(25));
        QCOMPARE(info.bitDepth, bitDepth);
        QCOMPARE(info.channels, channels);
        QCOMPARE(info.sampleType, bitDepth > 8 ? SampleType::UInt16 : SampleType::UInt8);
        QVERIFY(!info.variableFrameRate);
        QCOMPARE(info.path, QFileInfo(path).absoluteFilePath());

        std::vector<Image> frames;
        for (FrameNumber n = 0; n < info.frameCount; ++n)
            frames.push_back(sequential->readFrame(n));

        // The sequential decode is the n-th frame in presentation order as
        // ffmpeg itself decodes it (conversion to RGB may differ by a level).
        const QByteArray reference = ffmpegFrames(path, rawFormatFor(info), &error);
        QVERIFY2(!reference.isEmpty(), qPrintable(error));
        const std::size_t bytes = frameBytes(info);
        QCOMPARE(std::size_t(reference.size()), bytes * frames.size());
        for (std::size_t n = 0; n < frames.size(); ++n) {
            const double same = meanAbsDiff(frames[n], reference.constData() + n * bytes);
            QVERIFY2(same < 2.0,
                     qPrintable(
                         QStringLiteral("frame %1 differs from ffmpeg's by %2").arg(n).arg(same)));
            for (std::size_t m : {n - 1, n + 1})
                if (m < frames.size() && !samePixels(frames[n], frames[m]))
                    QVERIFY2(
                        meanAbsDiff(frames[n], reference.constData() + m * bytes) > same,
                        qPrintable(
                            QStringLiteral("frame %1 looks more like ffmpeg's %2").arg(n).arg(m)));
        }
        if (channels == 4) {
            // Alpha survives: transparent and opaque parts are both there.
            const Image& f = frames.front();
            QVERIFY(f.sampleAsFloat(1, f.height - 2, 3) != f.sampleAsFloat(f.width - 2, 1, 3));
        }

        // Random access in a fresh reader: keyframe boundaries, backwards
        // steps, near-forward jumps, the ends, and random frames.
        auto random = openMedia(path);
        const FrameNumber last = info.frameCount - 1;
        std::vector<FrameNumber> order = {last, 0, 47, 48, 49, 30, 29, 31, 35, 12, 11, last - 1, 1};
        QRandomGenerator rng(1234);
        for (int i = 0; i < 40; ++i)
            order.push_back(FrameNumber(rng.bounded(int(info.frameCount))));
        for (FrameNumber n : order) {
            if (n < 0 || n > last)
                continue;
            const Image image = random->readFrame(n);
            QVERIFY2(
                samePixels(image, frames[std::size_t(n)]),
                qPrintable(
                    QStringLiteral("readFrame(%1) differs from the sequential decode").arg(n)));
        }
        QVERIFY_THROWS_EXCEPTION(Error, random->readFrame(info.frameCount));
        QVERIFY_THROWS_EXCEPTION(Error, random->readFrame(-1));
    }

    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(VideoTest)
#include "test_media_video.moc"
