// EXR files laid out as other programs write them, made here through
// OpenEXR's own API: luminance/chroma (Y, RY, BY, chroma subsampled),
// colour in other primaries (the chromaticities attribute), deep data.

#include "core/error.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "ocio/colourpipeline.h"

#include <ImfArray.h>
#include <ImfChannelList.h>
#include <ImfChromaticities.h>
#include <ImfDeepFrameBuffer.h>
#include <ImfDeepScanLineOutputFile.h>
#include <ImfHeader.h>
#include <ImfPartType.h>
#include <ImfRgbaFile.h>
#include <ImfStandardAttributes.h>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;

namespace {

constexpr int kWidth = 64;
constexpr int kHeight = 32;

// Rec.709 linear colours: one per quarter of the picture, so chroma
// subsampling (2x2 blocks) sees flat colour everywhere it averages.
Imf::Rgba quarterColour(int x, int y) {
    const int quarter = (x >= kWidth / 2 ? 1 : 0) + (y >= kHeight / 2 ? 2 : 0);
    const float colours[4][3] = {
        {0.8f, 0.2f, 0.1f}, {0.1f, 0.6f, 0.2f}, {0.2f, 0.3f, 0.9f}, {0.5f, 0.5f, 0.5f}};
    return Imf::Rgba(colours[quarter][0], colours[quarter][1], colours[quarter][2], 1.0f);
}

} // namespace

class ExrForeignTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(root_.isValid()); }

    // OpenEXR's luminance/chroma files (its Flowers.exr, MtTamNorth.exr):
    // read as colour, not as the grey of their Y channel.
    void luminanceChromaIsColour() {
        const QString path = root_.filePath(QStringLiteral("yc.exr"));
        Imf::Array2D<Imf::Rgba> pixels(kHeight, kWidth);
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x)
                pixels[y][x] = quarterColour(x, y);
        {
            Imf::RgbaOutputFile file(QFile::encodeName(path).constData(), kWidth, kHeight,
                                     Imf::WRITE_YC);
            file.setFrameBuffer(&pixels[0][0], 1, kWidth);
            file.writePixels(kHeight);
        }
        {
            // The file really is luminance/chroma, chroma at half resolution.
            Imf::RgbaInputFile check(QFile::encodeName(path).constData());
            const Imf::Channel* ry = check.header().channels().findChannel("RY");
            QVERIFY(ry != nullptr);
            QCOMPARE(ry->xSampling, 2);
            QVERIFY(check.header().channels().findChannel("R") == nullptr);
        }
        auto reader = openMedia(path);
        QVERIFY2(reader->info().warnings.join(' ').contains(QStringLiteral("luminance/chroma")),
                 qPrintable(reader->info().warnings.join(' ')));
        const Image image = reader->readFrame(0);
        QCOMPARE(image.channels, 3);
        // Exactly what OpenEXR's own RGBA interface makes of the file...
        Imf::RgbaInputFile reference(QFile::encodeName(path).constData());
        Imf::Array2D<Imf::Rgba> expected(kHeight, kWidth);
        reference.setFrameBuffer(&expected[0][0], 1, kWidth);
        reference.readPixels(0, kHeight - 1);
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x) {
                QCOMPARE(image.sampleAsFloat(x, y, 0), float(expected[y][x].r));
                QCOMPARE(image.sampleAsFloat(x, y, 1), float(expected[y][x].g));
                QCOMPARE(image.sampleAsFloat(x, y, 2), float(expected[y][x].b));
            }
        // ...which, away from the quarters' borders (chroma is filtered),
        // is the colour written, to the precision of half chroma.
        expectQuarterColours(image, 0.02f);
        // Not grey: red stays red.
        QVERIFY(image.sampleAsFloat(16, 8, 0) > 3 * image.sampleAsFloat(16, 8, 2));
    }

    // An EXR whose chromaticities say its RGB are CIE XYZ (XYZ.exr of
    // openexr-images): the values stay as written, the primaries are named,
    // and the automatic input space is the config's CIE-XYZ-D65, through
    // which OCIO gives back the Rec.709 colours whose XYZ the file holds.
    void xyzPrimariesChooseTheXyzInputSpace() {
        const QString path = root_.filePath(QStringLiteral("xyz.exr"));
        const Imf::Chromaticities xyz(Imath::V2f(1, 0), Imath::V2f(0, 1), Imath::V2f(0, 0),
                                      Imath::V2f(1.0f / 3, 1.0f / 3));
        // The standard Rec.709 (D65) -> XYZ matrix.
        const double rec709ToXyz[3][3] = {{0.4123908, 0.3575843, 0.1804808},
                                          {0.2126390, 0.7151687, 0.0721923},
                                          {0.0193308, 0.1191948, 0.9505322}};
        Imf::Array2D<Imf::Rgba> pixels;
        transformed(rec709ToXyz, pixels);
        writeRgb(path, pixels, xyz);

        auto reader = openMedia(path);
        QCOMPARE(reader->info().colour.primaries, QStringLiteral("smpte428"));
        QCOMPARE(reader->info().colour.transfer, QStringLiteral("linear"));
        const Image image = reader->readFrame(0);
        QCOMPARE(image.sampleAsFloat(16, 8, 0), float(pixels[8][16].r)); // as written

        const ColourPipeline pipeline = ColourPipeline::bundled();
        ColourGrade grade;
        grade.inputSpace = pipeline.inputSpaceFor(path, reader->info().colour);
        QCOMPARE(grade.inputSpace, QStringLiteral("CIE-XYZ-D65"));
        grade.outputSpace = QStringLiteral("Linear Rec.709 (sRGB)");
        const Image rec709 = pipeline.processor(grade).apply(image, SampleType::Float32);
        expectQuarterColours(rec709, 0.01f);
    }

    // Primaries no space of the config stands for (P3-D65 here): the values
    // are brought to linear Rec.709 on reading, and the user is told.
    void otherPrimariesAreConvertedToRec709() {
        const QString path = root_.filePath(QStringLiteral("p3.exr"));
        const Imf::Chromaticities p3(Imath::V2f(0.680f, 0.320f), Imath::V2f(0.265f, 0.690f),
                                     Imath::V2f(0.150f, 0.060f), Imath::V2f(0.3127f, 0.3290f));
        // The published Rec.709 -> Display P3 matrix (same D65 white).
        const double rec709ToP3[3][3] = {{0.8224622, 0.1775378, 0.0},
                                         {0.0331942, 0.9668058, 0.0},
                                         {0.0170826, 0.0723974, 0.9105199}};
        Imf::Array2D<Imf::Rgba> p3Pixels;
        transformed(rec709ToP3, p3Pixels);
        writeRgb(path, p3Pixels, p3);
        auto reader = openMedia(path);
        QVERIFY2(reader->info().warnings.join(' ').contains(QStringLiteral("not Rec.709")),
                 qPrintable(reader->info().warnings.join(' ')));
        expectQuarterColours(reader->readFrame(0), 0.003f);

        // Rec.709 chromaticities stated explicitly change nothing.
        const QString plain = root_.filePath(QStringLiteral("rec709.exr"));
        const double identity[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        Imf::Array2D<Imf::Rgba> pixels;
        transformed(identity, pixels);
        writeRgb(plain, pixels, Imf::Chromaticities());
        QCOMPARE(openMedia(plain)->readFrame(0).sampleAsFloat(16, 8, 0), float(pixels[8][16].r));
        QVERIFY(openMedia(plain)->info().warnings.isEmpty());
        QCOMPARE(openMedia(plain)->info().colour.primaries, QStringLiteral("unspecified"));
    }

    // Deep files (several samples a pixel) are refused, by name, with what
    // to do about it; they were refused as "truncated".
    void deepDataIsRefusedClearly() {
        const QString path = root_.filePath(QStringLiteral("deep.exr"));
        {
            Imf::Header header(kWidth, kHeight);
            header.channels().insert("R", Imf::Channel(Imf::HALF));
            header.channels().insert("A", Imf::Channel(Imf::HALF));
            header.setType(Imf::DEEPSCANLINE);
            header.compression() = Imf::ZIPS_COMPRESSION;
            Imf::DeepScanLineOutputFile file(QFile::encodeName(path).constData(), header);
            Imf::Array2D<unsigned int> counts(kHeight, kWidth);
            Imf::Array2D<half*> red(kHeight, kWidth);
            Imf::Array2D<half*> alpha(kHeight, kWidth);
            std::vector<half> values(std::size_t(kWidth) * kHeight, half(0.5f));
            for (int y = 0; y < kHeight; ++y)
                for (int x = 0; x < kWidth; ++x) {
                    counts[y][x] = 1;
                    red[y][x] = &values[std::size_t(y) * kWidth + x];
                    alpha[y][x] = &values[std::size_t(y) * kWidth + x];
                }
            Imf::DeepFrameBuffer frameBuffer;
            frameBuffer.insertSampleCountSlice(Imf::Slice(Imf::UINT, (char*)&counts[0][0],
                                                          sizeof(unsigned int),
                                                          sizeof(unsigned int) * kWidth));
            frameBuffer.insert("R", Imf::DeepSlice(Imf::HALF, (char*)&red[0][0], sizeof(half*),
                                                   sizeof(half*) * kWidth, sizeof(half)));
            frameBuffer.insert("A", Imf::DeepSlice(Imf::HALF, (char*)&alpha[0][0], sizeof(half*),
                                                   sizeof(half*) * kWidth, sizeof(half)));
            file.setFrameBuffer(frameBuffer);
            file.writePixels(kHeight);
        }
        try {
            openMedia(path)->readFrame(0);
            QFAIL("a deep EXR was read");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QStringLiteral("deep.exr")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("deep data")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("--flatten")), qPrintable(e.message()));
        }
    }

private:
    // The quarter colours through a 3x3 matrix, as half RGBA.
    static void transformed(const double m[3][3], Imf::Array2D<Imf::Rgba>& pixels) {
        pixels.resizeErase(kHeight, kWidth);
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x) {
                const Imf::Rgba rgb = quarterColour(x, y);
                const double in[3] = {rgb.r, rgb.g, rgb.b};
                double out[3] = {0, 0, 0};
                for (int i = 0; i < 3; ++i)
                    for (int k = 0; k < 3; ++k)
                        out[i] += m[i][k] * in[k];
                pixels[y][x] = Imf::Rgba(float(out[0]), float(out[1]), float(out[2]), 1.0f);
            }
    }

    static void writeRgb(const QString& path, const Imf::Array2D<Imf::Rgba>& pixels,
                         const Imf::Chromaticities& primaries) {
        Imf::Header header(kWidth, kHeight);
        Imf::addChromaticities(header, primaries);
        Imf::RgbaOutputFile file(QFile::encodeName(path).constData(), header, Imf::WRITE_RGB);
        file.setFrameBuffer(&pixels[0][0], 1, kWidth);
        file.writePixels(kHeight);
    }

    static void expectQuarterColours(const Image& image, float tolerance) {
        for (const QPoint p : {QPoint(16, 8), QPoint(48, 8), QPoint(16, 24), QPoint(48, 24)}) {
            const Imf::Rgba want = quarterColour(p.x(), p.y());
            const float wanted[3] = {float(want.r), float(want.g), float(want.b)};
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(image.sampleAsFloat(p.x(), p.y(), c) - wanted[c]) < tolerance,
                         qPrintable(QStringLiteral("(%1,%2) channel %3: %4, want %5")
                                        .arg(p.x())
                                        .arg(p.y())
                                        .arg(c)
                                        .arg(image.sampleAsFloat(p.x(), p.y(), c))
                                        .arg(wanted[c])));
        }
    }

    QTemporaryDir root_;
};

QTEST_GUILESS_MAIN(ExrForeignTest)
#include "test_media_exrforeign.moc"
