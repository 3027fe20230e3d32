// Stills, image sequences, EXR with depth, and writing image files.

#include "core/error.h"
#include "media/encode.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "mediatestutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cmath>

using namespace retake;
using namespace retake::test;

namespace {

QString makeDir(const QTemporaryDir& root, const QString& name) {
    QDir(root.path()).mkpath(name);
    return QDir(root.path()).filePath(name);
}

// Half has an 11-bit significand: within half an ulp of the value.
bool withinHalf(float got, float want) {
    return std::abs(got - want) <= std::max(std::abs(want) * (1.0f / 2048.0f), 1e-7f);
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class ImagesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (!haveTool(QStringLiteral("ffmpeg")))
            QSKIP("the ffmpeg tool is not installed");
        QVERIFY(root_.isValid());
    }

    void pngSequenceFromOneFileName() {
        const QString dir = makeDir(root_, "seq");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=64x36:r=25", "-frames:v", "12",
                      "-start_number", "7", dir + "/shot_%04d.png");
        // Files that look alike but belong to other sequences.
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=32x18", "-frames:v", "1",
                      dir + "/shot_07.png");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=32x18", "-frames:v", "1",
                      dir + "/shot_0030.jpg");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=32x18", "-frames:v", "1",
                      dir + "/take_0030.png");

        auto reader = openMedia(dir + "/shot_0010.png");
        const MediaInfo& info = reader->info();
        QCOMPARE(toString(info.kind), toString(MediaKind::ImageSequence));
        QCOMPARE(info.frameCount, FrameNumber(12));
        QCOMPARE(info.firstFileNumber, std::int64_t(7));
        QCOMPARE(info.sequencePattern, QStringLiteral("shot_%04d.png"));
        QCOMPARE(info.path, QFileInfo(dir + "/shot_0007.png").absoluteFilePath());
        QCOMPARE(info.codec, QStringLiteral("png"));
        QCOMPARE(info.width, 64);
        QCOMPARE(info.channels, 3);
        QCOMPARE(info.sampleType, SampleType::UInt8);

        QString error;
        for (FrameNumber n : {0, 11, 3, 4, 0}) {
            const QString file =
                QStringLiteral("%1/shot_%2.png").arg(dir).arg(7 + n, 4, 10, QLatin1Char('0'));
            const QByteArray expected = ffmpegFrames(file, "rgb24", &error);
            QVERIFY2(!expected.isEmpty(), qPrintable(error));
            const Image image = reader->readFrame(n);
            QCOMPARE(image.pixels.size(), std::size_t(expected.size()));
            QVERIFY2(std::memcmp(image.pixels.data(), expected.constData(), image.pixels.size()) ==
                         0,
                     qPrintable(QStringLiteral("frame %1 is not %2").arg(n).arg(file)));
        }
        QVERIFY_THROWS_EXCEPTION(Error, reader->readFrame(12));

        // A gap names the pattern and the missing numbers.
        QVERIFY(QFile::remove(dir + "/shot_0012.png"));
        QVERIFY(QFile::remove(dir + "/shot_0013.png"));
        try {
            openMedia(dir + "/shot_0007.png");
            QFAIL("a sequence with a gap opened");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains("shot_%04d.png") && e.message().contains("12, 13"),
                     qPrintable(e.message()));
        }
    }

    void sixteenBitAndAlphaSequences() {
        const QString dir = makeDir(root_, "seq16");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=48x27:r=25", "-frames:v", "3", "-pix_fmt",
                      "rgb48be", dir + "/deep.%03d.png");
        auto reader = openMedia(dir + "/deep.002.png");
        QCOMPARE(reader->info().frameCount, FrameNumber(3));
        QCOMPARE(reader->info().sequencePattern, QStringLiteral("deep.%03d.png"));
        QCOMPARE(reader->info().firstFileNumber, std::int64_t(1));
        QCOMPARE(reader->info().sampleType, SampleType::UInt16);
        QCOMPARE(reader->info().bitDepth, 16);
        QString error;
        const QByteArray expected = ffmpegFrames(dir + "/deep.003.png", "rgb48le", &error);
        const Image image = reader->readFrame(2);
        QCOMPARE(image.pixels.size(), std::size_t(expected.size()));
        QVERIFY(std::memcmp(image.pixels.data(), expected.constData(), image.pixels.size()) == 0);

        const QString alphaDir = makeDir(root_, "alpha");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=48x27:r=25", "-frames:v", "2", "-vf",
                      "format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='X*5'",
                      alphaDir + "/matte_%02d.png");
        auto alpha = openMedia(alphaDir + "/matte_01.png");
        QCOMPARE(alpha->info().channels, 4);
        const Image matte = alpha->readFrame(1);
        QCOMPARE(matte.channels, 4);
        QCOMPARE(int(matte.samples<std::uint8_t>()[(5 * 48 + 10) * 4 + 3]), 50);
    }

    void unpaddedSequence() {
        const QString dir = makeDir(root_, "unpadded");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=32x18:r=25", "-frames:v", "12",
                      dir + "/img%d.png");
        auto reader = openMedia(dir + "/img3.png");
        QCOMPARE(reader->info().frameCount, FrameNumber(12));
        QCOMPARE(reader->info().sequencePattern, QStringLiteral("img%d.png"));
        QCOMPARE(reader->info().firstFileNumber, std::int64_t(1));
        QVERIFY(!reader->readFrame(11).isNull());
    }

    void stills() {
        const QString dir = makeDir(root_, "stills");
        // A lone numbered file is a still, as is an unnumbered one.
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=64x36", "-frames:v", "1",
                      dir + "/plate_0100.png");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=64x36", "-frames:v", "1",
                      dir + "/plate.jpg");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=64x36", "-frames:v", "1", "-pix_fmt",
                      "rgb48le", dir + "/plate.tif");
        for (const QString name : {"plate_0100.png", "plate.jpg", "plate.tif"}) {
            auto reader = openMedia(dir + "/" + name);
            QCOMPARE(toString(reader->info().kind), toString(MediaKind::Still));
            QCOMPARE(reader->info().frameCount, FrameNumber(1));
            QCOMPARE(reader->info().width, 64);
            QVERIFY(!reader->readFrame(0).isNull());
            QVERIFY_THROWS_EXCEPTION(Error, reader->readFrame(1));
        }
        auto jpeg = openMedia(dir + "/plate.jpg");
        QCOMPARE(jpeg->info().codec, QStringLiteral("mjpeg"));
        QVERIFY2(jpeg->info().warnings.isEmpty(), qPrintable(jpeg->info().warnings.join('\n')));
        auto tiff = openMedia(dir + "/plate.tif");
        QCOMPARE(tiff->info().sampleType, SampleType::UInt16);
    }

    void blenderMultilayerExrWithDepth() {
        if (!haveTool(QStringLiteral("oiiotool")))
            QSKIP("oiiotool is not installed");
        const QString dir = makeDir(root_, "blender");
        const QString path = dir + "/Image0001.exr";
        const Run r =
            run("oiiotool",
                {"--pattern", "constant:color=0.25,0.5,0.75,1,12.5", "64x32", "5", "--chnames",
                 "ViewLayer.Combined.R,ViewLayer.Combined.G,ViewLayer.Combined.B,"
                 "ViewLayer.Combined.A,ViewLayer.Depth.Z",
                 "-d", "half", "-d", "ViewLayer.Depth.Z=float", "-o", path});
        QVERIFY2(r.ok(), qPrintable(r.err));
        auto reader = openMedia(path);
        const MediaInfo& info = reader->info();
        QCOMPARE(toString(info.kind), toString(MediaKind::Still));
        QVERIFY(info.hasDepth);
        QCOMPARE(info.channels, 4);
        QCOMPARE(info.sampleType, SampleType::Float32);
        QCOMPARE(info.bitDepth, 16);
        QCOMPARE(info.codec, QStringLiteral("exr"));
        const Image image = reader->readFrame(0);
        QCOMPARE(image.depth.size(), std::size_t(64 * 32));
        QCOMPARE(image.depth[100], 12.5f);
        const float want[4] = {0.25f, 0.5f, 0.75f, 1.f};
        for (int c = 0; c < 4; ++c)
            QCOMPARE(image.sampleAsFloat(10, 10, c), want[c]);
    }

    void exrDataWindowInsideDisplayWindow() {
        if (!haveTool(QStringLiteral("oiiotool")))
            QSKIP("oiiotool is not installed");
        const QString path = makeDir(root_, "crop") + "/crop.exr";
        const Run r = run("oiiotool", {"--pattern", "constant:color=1,0.5,0.25", "64x32", "3",
                                       "--crop", "20x10+8+6", "-d", "half", "-o", path});
        QVERIFY2(r.ok(), qPrintable(r.err));
        const Image image = openMedia(path)->readFrame(0);
        QCOMPARE(image.width, 64);
        QCOMPARE(image.height, 32);
        QCOMPARE(image.sampleAsFloat(8, 6, 0), 1.f);
        QCOMPARE(image.sampleAsFloat(27, 15, 1), 0.5f);
        QCOMPARE(image.sampleAsFloat(7, 6, 0), 0.f);
        QCOMPARE(image.sampleAsFloat(28, 15, 0), 0.f);
        QCOMPARE(image.sampleAsFloat(0, 0, 2), 0.f);
    }

    void exrSequenceWithDepth() {
        const QString dir = makeDir(root_, "exrseq");
        for (int i = 1; i <= 3; ++i) {
            Image image = patternImage(40, 20, 3, SampleType::Float32, i);
            image.depth.assign(40 * 20, float(i) * 100.f);
            writeImageFile(
                QStringLiteral("%1/render_%2.exr").arg(dir).arg(i, 4, 10, QLatin1Char('0')), image);
        }
        auto reader = openMedia(dir + "/render_0002.exr");
        QCOMPARE(toString(reader->info().kind), toString(MediaKind::ImageSequence));
        QCOMPARE(reader->info().frameCount, FrameNumber(3));
        QVERIFY(reader->info().hasDepth);
        QCOMPARE(reader->readFrame(2).depth[7], 300.f);
        QCOMPARE(reader->readFrame(0).depth[7], 100.f);
    }

    void pngRoundTripIsExact_data() {
        QTest::addColumn<int>("channels");
        QTest::addColumn<SampleType>("type");
        QTest::newRow("RGB 8-bit") << 3 << SampleType::UInt8;
        QTest::newRow("RGBA 8-bit") << 4 << SampleType::UInt8;
        QTest::newRow("RGB 16-bit") << 3 << SampleType::UInt16;
        QTest::newRow("RGBA 16-bit") << 4 << SampleType::UInt16;
    }

    void pngRoundTripIsExact() {
        QFETCH(int, channels);
        QFETCH(SampleType, type);
        const QString dir = makeDir(root_, QStringLiteral("png%1-%2").arg(channels).arg(int(type)));
        const Image written = noiseImage(67, 33, channels, type, 42);
        const QString path = dir + "/noise.png";
        writeImageFile(path, written);
        QCOMPARE(filesIn(dir), QStringList{"noise.png"});
        const Image read = openMedia(path)->readFrame(0);
        QVERIFY(samePixels(read, written));

        // Overwriting replaces the file atomically and leaves nothing else.
        writeImageFile(path, noiseImage(67, 33, channels, type, 43));
        QCOMPARE(filesIn(dir), QStringList{"noise.png"});
        QVERIFY(!samePixels(openMedia(path)->readFrame(0), written));
    }

    void floatToPngIsSixteenBit() {
        const QString path = makeDir(root_, "floatpng") + "/f.png";
        Image image(2, 1, 3, SampleType::Float32);
        const float values[6] = {0.f, 0.5f, 1.f, -1.f, 2.f, 0.25f};
        std::memcpy(image.pixels.data(), values, sizeof values);
        writeImageFile(path, image);
        const Image read = openMedia(path)->readFrame(0);
        QCOMPARE(read.type, SampleType::UInt16);
        const std::uint16_t want[6] = {0, 32768, 65535, 0, 65535, 16384};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(read.samples<std::uint16_t>()[i], want[i]);
    }

    void exrRoundTrip_data() {
        QTest::addColumn<ExrPixelType>("pixelType");
        QTest::addColumn<ExrCompression>("compression");
        QTest::addColumn<QString>("headerName");
        QTest::addColumn<int>("channels");
        QTest::newRow("half none RGB") << ExrPixelType::Half << ExrCompression::None << "none" << 3;
        QTest::newRow("half zip RGBA") << ExrPixelType::Half << ExrCompression::Zip << "zip" << 4;
        QTest::newRow("half piz RGB") << ExrPixelType::Half << ExrCompression::Piz << "piz" << 3;
        QTest::newRow("half dwaa RGBA")
            << ExrPixelType::Half << ExrCompression::Dwaa << "dwa, small scanline blocks" << 4;
        QTest::newRow("float zip RGBA") << ExrPixelType::Float << ExrCompression::Zip << "zip" << 4;
        QTest::newRow("float piz RGB") << ExrPixelType::Float << ExrCompression::Piz << "piz" << 3;
    }

    void exrRoundTrip() {
        QFETCH(ExrPixelType, pixelType);
        QFETCH(ExrCompression, compression);
        QFETCH(QString, headerName);
        QFETCH(int, channels);
        const QString dir =
            makeDir(root_, QStringLiteral("exr-%1").arg(QTest::currentDataTag()).replace(' ', '-'));
        const bool lossy = compression == ExrCompression::Dwaa;
        // DWAA is lossy on half colour: a smooth image, compared loosely.
        Image written = lossy ? patternImage(64, 48, channels, SampleType::Float32, 3)
                              : noiseImage(64, 48, channels, SampleType::Float32, 9);
        written.alphaPremultiplied = true; // as an EXR holds it: written unchanged
        written.depth.resize(64 * 48);
        for (std::size_t i = 0; i < written.depth.size(); ++i)
            written.depth[i] = 0.1f + float(i) * 1.37f;
        ImageWriteOptions options;
        options.exrPixelType = pixelType;
        options.exrCompression = compression;
        const QString path = dir + "/out.exr";
        writeImageFile(path, written, options);
        QCOMPARE(filesIn(dir), QStringList{"out.exr"});

        auto reader = openMedia(path);
        QVERIFY(reader->info().hasDepth);
        QCOMPARE(reader->info().channels, channels);
        QCOMPARE(reader->info().bitDepth, pixelType == ExrPixelType::Half ? 16 : 32);
        const Image read = reader->readFrame(0);
        QCOMPARE(read.type, SampleType::Float32);
        // Depth is always full float: exact.
        QVERIFY(read.depth == written.depth);
        double worst = 0, total = 0;
        for (std::size_t i = 0; i < read.sampleCount(); ++i) {
            const float got = read.samples<float>()[i];
            const float want = written.samples<float>()[i];
            if (!lossy && pixelType == ExrPixelType::Float)
                QCOMPARE(got, want);
            else if (!lossy && !withinHalf(got, want))
                QFAIL(qPrintable(QStringLiteral("sample %1: %2 vs %3").arg(i).arg(got).arg(want)));
            worst = std::max(worst, double(std::abs(got - want)));
            total += std::abs(got - want);
        }
        if (lossy)
            QVERIFY2(total / double(read.sampleCount()) < 0.01, qPrintable(QString::number(worst)));

        if (!haveTool(QStringLiteral("exrheader")))
            QSKIP("exrheader is not installed");
        const Run header = run("exrheader", {path});
        QVERIFY2(header.ok(), qPrintable(header.err));
        const QString text = header.out;
        QVERIFY2(
            text.contains(QStringLiteral("compression (type compression): %1").arg(headerName)),
            qPrintable(text));
        const QString colourType =
            pixelType == ExrPixelType::Half ? "16-bit floating-point" : "32-bit floating-point";
        for (const QString channel : {"R", "G", "B"})
            QVERIFY2(text.contains(QStringLiteral("\n    %1, %2").arg(channel, colourType)),
                     qPrintable(text));
        QCOMPARE(text.contains(QStringLiteral("\n    A, %1").arg(colourType)), channels == 4);
        QVERIFY2(text.contains("\n    Z, 32-bit floating-point"), qPrintable(text));
        QVERIFY(text.contains("dataWindow (type box2i): (0 0) - (63 47)"));
        QVERIFY(text.contains("displayWindow (type box2i): (0 0) - (63 47)"));
    }

    // OpenEXR's alpha is associated, PNG's straight: a half-transparent
    // pixel of an EXR made by oiiotool goes into a PNG at its straight value,
    // as oiiotool writes it, and back into an EXR premultiplied again.
    void alphaFollowsEachFormatsConvention() {
        if (!haveTool(QStringLiteral("oiiotool")))
            QSKIP("oiiotool is not installed");
        const QString dir = makeDir(root_, "alpha-convention");
        const QString exr = dir + "/edge.exr";
        const Run made = run("oiiotool", {"--pattern", "constant:color=0.25,0.125,0.0625,0.5",
                                          "8x4", "4", "-d", "half", "-o", exr});
        QVERIFY2(made.ok(), qPrintable(made.err));
        const QString reference = dir + "/reference.png";
        const Run converted = run("oiiotool", {exr, "-d", "uint16", "-o", reference});
        QVERIFY2(converted.ok(), qPrintable(converted.err));

        const Image edge = openMedia(exr)->readFrame(0);
        QVERIFY(edge.alphaPremultiplied);
        const QString png = dir + "/edge.png";
        writeImageFile(png, edge);
        const Image ours = openMedia(png)->readFrame(0);
        const Image theirs = openMedia(reference)->readFrame(0);
        QCOMPARE(ours.channels, 4);
        QVERIFY(!ours.alphaPremultiplied);
        const float straight[4] = {0.5f, 0.25f, 0.125f, 0.5f};
        for (int c = 0; c < 4; ++c) {
            QVERIFY2(std::abs(ours.sampleAsFloat(3, 2, c) - straight[c]) <= 1.0f / 65535,
                     qPrintable(
                         QStringLiteral("channel %1: %2").arg(c).arg(ours.sampleAsFloat(3, 2, c))));
            QVERIFY2(std::abs(ours.sampleAsFloat(3, 2, c) - theirs.sampleAsFloat(3, 2, c)) <=
                         1.0f / 65535,
                     qPrintable(QStringLiteral("channel %1: %2, oiiotool %3")
                                    .arg(c)
                                    .arg(ours.sampleAsFloat(3, 2, c))
                                    .arg(theirs.sampleAsFloat(3, 2, c))));
        }

        // The straight PNG into an EXR: premultiplied again.
        const QString back = dir + "/back.exr";
        writeImageFile(back, ours);
        const Image again = openMedia(back)->readFrame(0);
        const float associated[4] = {0.25f, 0.125f, 0.0625f, 0.5f};
        for (int c = 0; c < 4; ++c)
            QVERIFY2(withinHalf(again.sampleAsFloat(3, 2, c), associated[c]),
                     qPrintable(QString::number(again.sampleAsFloat(3, 2, c))));
    }

    void blenderNamedExrRoundTrip() {
        // Written with Blender's multilayer names, read back from them.
        const QString dir = makeDir(root_, "blendernames");
        ImageWriteOptions options;
        options.exrDepthNaming = ExrDepthNaming::Blender;
        Image colour = patternImage(16, 8, 4, SampleType::Float32, 1);
        colour.alphaPremultiplied = true; // as an EXR holds it: written unchanged
        colour.depth.assign(16 * 8, 7.25f);
        writeImageFile(dir + "/rgba.exr", colour, options);
        auto reader = openMedia(dir + "/rgba.exr");
        QVERIFY(reader->info().hasDepth);
        QCOMPARE(reader->info().channels, 4);
        const Image read = reader->readFrame(0);
        QCOMPARE(read.depth[5], 7.25f);
        for (int c = 0; c < 4; ++c)
            QVERIFY(withinHalf(read.sampleAsFloat(3, 2, c), colour.sampleAsFloat(3, 2, c)));

        const Image grey = patternImage(16, 8, 1, SampleType::Float32, 2);
        writeImageFile(dir + "/grey.exr", grey, options);
        const Image greyRead = openMedia(dir + "/grey.exr")->readFrame(0);
        QCOMPARE(greyRead.channels, 3);
        for (int c = 0; c < 3; ++c)
            QVERIFY(withinHalf(greyRead.sampleAsFloat(5, 6, c), grey.sampleAsFloat(5, 6, 0)));

        if (!haveTool(QStringLiteral("exrheader")))
            QSKIP("exrheader is not installed");
        const Run header = run("exrheader", {dir + "/rgba.exr"});
        QVERIFY(header.out.contains("ViewLayer.Combined.R, 16-bit floating-point"));
        QVERIFY(header.out.contains("ViewLayer.Depth.Z, 32-bit floating-point"));
    }

    void exrWithoutDepthWhenAsked() {
        const QString path = makeDir(root_, "nodepth") + "/a.exr";
        Image image = patternImage(8, 8, 3, SampleType::UInt8, 0);
        image.depth.assign(64, 5.f);
        ImageWriteOptions options;
        options.writeDepth = false;
        writeImageFile(path, image, options);
        auto reader = openMedia(path);
        QVERIFY(!reader->info().hasDepth);
        // 8-bit input is normalised to [0,1].
        QVERIFY(
            withinHalf(reader->readFrame(0).sampleAsFloat(3, 4, 1), image.sampleAsFloat(3, 4, 1)));
    }

    void tiffAndJpegWriting() {
        const QString dir = makeDir(root_, "tiffjpeg");
        const Image deep = noiseImage(31, 17, 4, SampleType::UInt16, 5);
        writeImageFile(dir + "/a.tif", deep);
        QVERIFY(samePixels(openMedia(dir + "/a.tif")->readFrame(0), deep));
        const Image photo = patternImage(64, 32, 3, SampleType::UInt8, 2);
        writeImageFile(dir + "/b.jpg", photo);
        const Image read = openMedia(dir + "/b.jpg")->readFrame(0);
        QVERIFY2(meanAbsDiff(read, photo) < 2.0,
                 qPrintable(QString::number(meanAbsDiff(read, photo))));
    }

    void writeErrors() {
        const QString dir = makeDir(root_, "errors");
        const Image image = noiseImage(4, 4, 3, SampleType::UInt8, 1);
        try {
            writeImageFile(dir + "/a.gif", image);
            QFAIL("wrote a .gif");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
        }
        QFile file(dir + "/plain.txt");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        for (const QString name : {"/plain.txt/a.png", "/plain.txt/a.exr"}) {
            try {
                writeImageFile(dir + name, image);
                QFAIL("wrote below a file");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::Output);
                QVERIFY2(e.message().contains(dir + name) &&
                             e.message().contains("Not a directory"),
                         qPrintable(e.message()));
            }
        }
        QCOMPARE(filesIn(dir), QStringList{"plain.txt"});
    }

private:
    QTemporaryDir root_;
};

QTEST_GUILESS_MAIN(ImagesTest)
#include "test_media_images.moc"
