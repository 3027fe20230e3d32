// ColourPipeline against the real OpenColorIO 2.1 and independent references:
// the bundled config loads with every built-in style it names, LUT grades
// match ffmpeg's lut3d filter, colour space conversions match ocioconvert,
// CDLs round-trip through .cc/.cdl, and bad configs/LUTs/names give errors
// that name the file and the problem.
#include "../media/mediatestutil.h"
#include "core/error.h"
#include "media/encode.h"
#include "mediaio/openmedia.h"
#include "ocio/colourpipeline.h"
#include "processrun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>
#include <cmath>
#include <functional>

using namespace retake;
using namespace retake::test;

namespace {

const QString kConfigFile = QStringLiteral(RETAKE_SOURCE_DIR "/resources/ocio/config.ocio");

using RgbFunction = std::function<void(double, double, double, double*)>;

// A grade with colour crosstalk and curves, so a wrong axis order or
// interpolation shows up.
void sampleGrade(double r, double g, double b, double* out) {
    out[0] = std::clamp(0.85 * std::pow(r, 0.8) + 0.15 * g, 0.0, 1.0);
    out[1] = std::clamp(0.1 * r + 0.75 * g + 0.15 * b, 0.0, 1.0);
    out[2] = std::clamp(std::pow(b, 1.4) * 0.9 + 0.05, 0.0, 1.0);
}

void writeText(const QString& path, const QString& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

QString cube3d(int n, const RgbFunction& fn) {
    QString s;
    QTextStream t(&s);
    t << "TITLE \"retake test\"\nLUT_3D_SIZE " << n << "\n";
    double o[3];
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) { // red fastest
                fn(r / double(n - 1), g / double(n - 1), b / double(n - 1), o);
                t << QString::number(o[0], 'f', 6) << ' ' << QString::number(o[1], 'f', 6) << ' '
                  << QString::number(o[2], 'f', 6) << '\n';
            }
    return s;
}

QString spi3d(int n, const RgbFunction& fn) {
    QString s;
    QTextStream t(&s);
    t << "SPILUT 1.0\n3 3\n" << n << ' ' << n << ' ' << n << '\n';
    double o[3];
    for (int r = 0; r < n; ++r)
        for (int g = 0; g < n; ++g)
            for (int b = 0; b < n; ++b) {
                fn(r / double(n - 1), g / double(n - 1), b / double(n - 1), o);
                t << r << ' ' << g << ' ' << b << ' ' << QString::number(o[0], 'f', 6) << ' '
                  << QString::number(o[1], 'f', 6) << ' ' << QString::number(o[2], 'f', 6) << '\n';
            }
    return s;
}

// Flame .3dl: 10-bit input shaper, 12-bit output, blue fastest.
QString flame3dl(int n, const RgbFunction& fn) {
    QString s;
    QTextStream t(&s);
    for (int i = 0; i < n; ++i)
        t << (i * 1023 / (n - 1)) << (i + 1 < n ? " " : "\n");
    double o[3];
    for (int r = 0; r < n; ++r)
        for (int g = 0; g < n; ++g)
            for (int b = 0; b < n; ++b) {
                fn(r / double(n - 1), g / double(n - 1), b / double(n - 1), o);
                t << qRound(o[0] * 4095) << ' ' << qRound(o[1] * 4095) << ' ' << qRound(o[2] * 4095)
                  << '\n';
            }
    return s;
}

double curve(double v) {
    return std::pow(v, 1.0 / 1.8);
}

QString cube1d(int n) {
    QString s = QStringLiteral("LUT_1D_SIZE %1\n").arg(n);
    for (int i = 0; i < n; ++i) {
        const QString v = QString::number(curve(i / double(n - 1)), 'f', 6);
        s += v + QLatin1Char(' ') + v + QLatin1Char(' ') + v + QLatin1Char('\n');
    }
    return s;
}

QString spi1d(int n) {
    QString s = QStringLiteral("Version 1\nFrom 0.0 1.0\nLength %1\nComponents 1\n{\n").arg(n);
    for (int i = 0; i < n; ++i)
        s += QStringLiteral("  %1\n").arg(QString::number(curve(i / double(n - 1)), 'f', 6));
    return s + QStringLiteral("}\n");
}

QString csp1d(int n) {
    QString s = QStringLiteral("CSPLUTV100\n1D\n\n");
    for (int c = 0; c < 3; ++c)
        s += QStringLiteral("2\n0.0 1.0\n0.0 1.0\n");
    s += QStringLiteral("\n%1\n").arg(n);
    for (int i = 0; i < n; ++i) {
        const QString v = QString::number(curve(i / double(n - 1)), 'f', 6);
        s += v + QLatin1Char(' ') + v + QLatin1Char(' ') + v + QLatin1Char('\n');
    }
    return s;
}

int maxDiff(const Image& a, const Image& b) {
    if (a.width != b.width || a.height != b.height || a.channels != b.channels || a.type != b.type)
        return 1 << 30;
    int worst = 0;
    for (std::size_t i = 0; i < a.sampleCount(); ++i) {
        const int d = a.type == SampleType::UInt8
                          ? std::abs(int(a.samples<quint8>()[i]) - int(b.samples<quint8>()[i]))
                          : std::abs(int(a.samples<quint16>()[i]) - int(b.samples<quint16>()[i]));
        worst = std::max(worst, d);
    }
    return worst;
}

Image readImage(const QString& path) {
    return openMedia(path)->readFrame(0);
}

template <class F> QString errorOf(F&& f, ErrorKind* kind = nullptr) {
    try {
        f();
    } catch (const Error& e) {
        if (kind)
            *kind = e.kind();
        return e.message();
    }
    return QString();
}

} // namespace

class TestColourPipeline : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString source; // 8-bit sRGB test picture, 192x108

    QString path(const QString& name) const { return dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir.isValid());
        if (!haveTool(QStringLiteral("ffmpeg")))
            QSKIP("ffmpeg is not installed");
        source = path(QStringLiteral("source.png"));
        RETAKE_FFMPEG(QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=192x108:rate=1"), QStringLiteral("-frames:v"),
                      QStringLiteral("1"), QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"),
                      source);
    }

    // Both the compiled-in copy and the file in resources/ load; every
    // colour space converts to the reference, which fails if a
    // BuiltinTransform style the config names is missing from this OCIO.
    void bundledConfigHasTheSpacesRolesAndDisplays() {
        for (const ColourPipeline& cp :
             {ColourPipeline::bundled(), ColourPipeline::fromFile(kConfigFile)}) {
            const QStringList spaces = cp.colourSpaces();
            for (const char* name :
                 {"sRGB - Texture", "Rec.709 - Camera", "Linear Rec.709 (sRGB)", "ACEScg",
                  "ACES2065-1", "ACEScct", "ARRI LogC3 (EI800) - AWG", "Sony S-Log3 - S-Gamut3",
                  "Sony S-Log3 - S-Gamut3.Cine", "RED Log3G10 - REDWideGamutRGB",
                  "Panasonic V-Log - V-Gamut", "Canon Log 2 - Cinema Gamut",
                  "Canon Log 3 - Cinema Gamut", "sRGB - Display", "Rec.1886 Rec.709 - Display",
                  "CIE-XYZ-D65", "Raw"})
                QVERIFY2(spaces.contains(QString::fromLatin1(name)), name);
            for (const char* role : {"scene_linear", "color_timing", "data", "aces_interchange",
                                     "cie_xyz_d65_interchange", "rendering", "compositing_log"})
                QVERIFY2(cp.roles().contains(QString::fromLatin1(role)), role);
            QCOMPARE(cp.colourSpaceName(QStringLiteral("scene_linear")), QStringLiteral("ACEScg"));
            QCOMPARE(cp.colourSpaceName(QStringLiteral("color_timing")), QStringLiteral("ACEScct"));
            QCOMPARE(cp.colourSpaceName(QStringLiteral("data")), QStringLiteral("Raw"));
            QCOMPARE(cp.displays(), (QStringList{QStringLiteral("sRGB - Display"),
                                                 QStringLiteral("Rec.1886 Rec.709 - Display")}));
            for (const QString& display : cp.displays())
                QCOMPARE(cp.views(display),
                         (QStringList{QStringLiteral("ACES 1.0 - SDR Video"),
                                      QStringLiteral("Un-tone-mapped"), QStringLiteral("Raw")}));
            for (const QString& space : spaces) {
                if (space == QLatin1String("Raw"))
                    continue;
                ColourGrade g;
                g.inputSpace = space;
                g.outputSpace = QStringLiteral("ACES2065-1");
                QVERIFY2(!errorOf([&] { cp.processor(g); }).size(), qPrintable(space));
            }
        }
    }

    void knownValues() {
        const ColourPipeline cp = ColourPipeline::bundled();
        Image px(1, 1, 3, SampleType::Float32);
        px.samples<float>()[0] = px.samples<float>()[1] = px.samples<float>()[2] = 0.5f;
        ColourGrade g;
        g.inputSpace = QStringLiteral("sRGB - Texture");
        g.outputSpace = QStringLiteral("Linear Rec.709 (sRGB)");
        const Image lin = cp.processor(g).apply(px);
        QVERIFY(std::abs(lin.samples<float>()[0] - 0.214041f) < 1e-4f);
        // 18% grey in ACEScct is 0.4135884.
        Image grey(1, 1, 3, SampleType::Float32);
        std::fill_n(grey.samples<float>(), 3, 0.18f);
        g.inputSpace = QStringLiteral("ACEScg");
        g.outputSpace = QStringLiteral("ACEScct");
        QVERIFY(std::abs(cp.processor(g).apply(grey).samples<float>()[1] - 0.4135884f) < 1e-4f);
        // File tags pick the input space; without tags the file rules do.
        ColourTags tags;
        tags.transfer = QStringLiteral("bt709");
        tags.primaries = QStringLiteral("bt709");
        QCOMPARE(cp.inputSpaceFor(QStringLiteral("/a/b.mov"), tags),
                 QStringLiteral("Rec.709 - Camera"));
        QCOMPARE(cp.inputSpaceFor(QStringLiteral("/a/b.0001.exr"), ColourTags{}),
                 QStringLiteral("Linear Rec.709 (sRGB)"));
        QCOMPARE(cp.inputSpaceFor(QStringLiteral("/a/b.0001.png"), ColourTags{}),
                 QStringLiteral("sRGB - Texture"));
        ColourGrade out;
        out.outputSpace = QStringLiteral("srgb"); // alias
        QCOMPARE(cp.tagsFor(out).transfer, QStringLiteral("iec61966-2-1"));
        out.outputSpace = QStringLiteral("Rec.709 - Camera");
        QCOMPARE(cp.tagsFor(out).transfer, QStringLiteral("bt709"));
        out.outputSpace = QStringLiteral("ACEScct");
        QCOMPARE(cp.tagsFor(out).transfer, QStringLiteral("unspecified"));
        // HDR and wide-gamut names of the ACES studio configs (not in ours).
        out.outputSpace = QStringLiteral("Rec.2100-PQ - Display");
        QCOMPARE(cp.tagsFor(out).primaries, QStringLiteral("bt2020"));
        QCOMPARE(cp.tagsFor(out).transfer, QStringLiteral("smpte2084"));
        out.outputSpace = QStringLiteral("Rec.2100-HLG - Display");
        QCOMPARE(cp.tagsFor(out).transfer, QStringLiteral("arib-std-b67"));
        out.outputSpace = QStringLiteral("Linear Rec.2020");
        QCOMPARE(cp.tagsFor(out).transfer, QStringLiteral("linear"));
        QCOMPARE(cp.tagsFor(out).matrix, QStringLiteral("bt2020nc"));
    }

    // A 3D .cube applied by Retake equals ffmpeg's lut3d (tetrahedral) on the
    // same 8-bit picture within one code value (ffmpeg truncates, OCIO rounds).
    void cubeMatchesFfmpegLut3d() {
        const QString lut = path(QStringLiteral("grade.cube"));
        writeText(lut, cube3d(17, sampleGrade));
        const QString reference = path(QStringLiteral("ffmpeg-graded.png"));
        RETAKE_FFMPEG(QStringLiteral("-i"), source, QStringLiteral("-vf"),
                      QStringLiteral("lut3d=file=%1:interp=tetrahedral").arg(lut),
                      QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"), reference);
        ColourGrade g;
        g.inputSpace = QStringLiteral("sRGB - Texture");
        g.lutPath = lut;
        const Image graded = ColourPipeline::bundled().processor(g).apply(readImage(source));
        QCOMPARE(graded.type, SampleType::UInt8);
        const Image expected = readImage(reference);
        QVERIFY2(maxDiff(graded, expected) <= 1,
                 qPrintable(QStringLiteral("max diff %1").arg(maxDiff(graded, expected))));
        QVERIFY(meanAbsDiff(graded, readImage(source)) > 3.0); // the grade did something
    }

    // The same grade as .spi3d and .3dl, and a 1D curve as .cube, .spi1d and
    // .csp, give the same pictures: every format goes through OCIO.
    void lutFormatsAgree() {
        const ColourPipeline cp = ColourPipeline::bundled();
        const Image in = readImage(source);
        auto gradeWith = [&](const QString& name, const QString& text) {
            writeText(path(name), text);
            ColourGrade g;
            g.inputSpace = QStringLiteral("sRGB - Texture");
            g.lutPath = path(name);
            return cp.processor(g).apply(in);
        };
        const Image cube = gradeWith(QStringLiteral("g.cube"), cube3d(17, sampleGrade));
        QVERIFY(maxDiff(cube, gradeWith(QStringLiteral("g.spi3d"), spi3d(17, sampleGrade))) <= 1);
        QVERIFY(maxDiff(cube, gradeWith(QStringLiteral("g.3dl"), flame3dl(17, sampleGrade))) <= 1);
        const Image c1 = gradeWith(QStringLiteral("c.cube"), cube1d(1024));
        QVERIFY(maxDiff(c1, gradeWith(QStringLiteral("c.spi1d"), spi1d(1024))) <= 1);
        QVERIFY(maxDiff(c1, gradeWith(QStringLiteral("c.csp"), csp1d(1024))) <= 1);
        // The 1D curve itself, computed here.
        const quint8* src = in.samples<quint8>();
        for (std::size_t i = 0; i < in.sampleCount(); i += 97)
            QVERIFY(std::abs(c1.samples<quint8>()[i] - qRound(curve(src[i] / 255.0) * 255)) <= 1);
    }

    // Conversions and display/view outputs equal ocioconvert's with the same
    // config file, on the same 8-bit picture.
    void matchesOcioconvert() {
        if (!haveTool(QStringLiteral("ocioconvert")))
            QSKIP("ocioconvert is not installed");
        const ColourPipeline cp = ColourPipeline::fromFile(kConfigFile);
        struct Case {
            QStringList args;
            ColourGrade grade;
        };
        ColourGrade toCct;
        toCct.inputSpace = QStringLiteral("sRGB - Texture");
        toCct.outputSpace = QStringLiteral("ACEScct");
        ColourGrade view;
        view.inputSpace = QStringLiteral("sRGB - Texture");
        view.display = QStringLiteral("Rec.1886 Rec.709 - Display");
        view.view = QStringLiteral("ACES 1.0 - SDR Video");
        const Image in = readImage(source);
        int n = 0;
        for (const Case& c : {Case{{source, toCct.inputSpace, QString(), toCct.outputSpace}, toCct},
                              Case{{QStringLiteral("--view"), source, view.inputSpace, QString(),
                                    view.display, view.view},
                                   view}}) {
            QStringList args = c.args;
            // No digits in the name: openMedia would read "x-1.png" as frame 1
            // of a sequence starting at "x-0.png".
            const QString out =
                path(QStringLiteral("ocioconvert-%1.png").arg(QLatin1Char(char('a' + n++))));
            args[args.indexOf(QString())] = out;
            retake::testing::RunOptions options;
            options.environment.insert(QStringLiteral("OCIO"), kConfigFile);
            const retake::testing::Run converted =
                retake::testing::run(QStringLiteral("ocioconvert"), args, options);
            QVERIFY2(converted.ok(), qPrintable(converted.err));
            const Image ours = cp.processor(c.grade).apply(in);
            const Image theirs = readImage(out);
            QVERIFY2(maxDiff(ours, theirs) <= 1, qPrintable(QStringLiteral("%1: max diff %2")
                                                                .arg(args.join(QLatin1Char(' ')))
                                                                .arg(maxDiff(ours, theirs))));
        }
    }

    void sampleTypesConvertInAndOut() {
        ColourGrade g;
        g.inputSpace = QStringLiteral("sRGB - Texture");
        g.outputSpace = QStringLiteral("Linear Rec.709 (sRGB)");
        const ColourProcessor proc = ColourPipeline::bundled().processor(g);
        const Image in = readImage(source);
        const Image f = proc.apply(in, SampleType::Float32);
        QCOMPARE(f.type, SampleType::Float32);
        const Image w = proc.apply(in, SampleType::UInt16);
        for (std::size_t i = 0; i < in.sampleCount(); i += 53)
            QVERIFY(std::abs(w.samples<quint16>()[i] / 65535.0 - f.samples<float>()[i]) < 1e-4);
        // RGBA: alpha passes through, depth is kept.
        Image rgba(4, 4, 4, SampleType::UInt8);
        for (std::size_t i = 0; i < rgba.sampleCount(); ++i)
            rgba.samples<quint8>()[i] = quint8(i * 13);
        rgba.depth.assign(16, 2.5f);
        const Image back = proc.apply(rgba, SampleType::Float32);
        for (int i = 0; i < 16; ++i)
            QCOMPARE(back.samples<float>()[i * 4 + 3], rgba.samples<quint8>()[i * 4 + 3] / 255.0f);
        QCOMPARE(back.depth, rgba.depth);
        // A large image splits across threads and equals a row-by-row apply.
        const Image big = noiseImage(300, 257, 3, SampleType::UInt16, 7);
        const Image whole = proc.apply(big, SampleType::UInt16);
        Image row(300, 1, 3, SampleType::UInt16);
        std::memcpy(row.pixels.data(), big.pixels.data() + 200 * 300 * 6, 300 * 6);
        QVERIFY(std::memcmp(proc.apply(row).pixels.data(), whole.pixels.data() + 200 * 300 * 6,
                            300 * 6) == 0);
    }

    // The export grades frames in place; 16-bit frames through OCIO's 16-bit
    // path only where it is within 8/65535 of the float path. Checked on
    // noise (every value the lattice probe did not see) for a LUT grade, a
    // log-to-linear camera transform and the ACES display transform.
    void inPlaceAndSixteenBitPathsMatchTheFloatPath() {
        const QString lut = path(QStringLiteral("inplace.cube"));
        writeText(lut, cube3d(33, sampleGrade));
        ColourGrade lutGrade;
        lutGrade.inputSpace = QStringLiteral("Rec.709 - Camera");
        lutGrade.lutPath = lut;
        ColourGrade logGrade;
        logGrade.inputSpace = QStringLiteral("ACEScct");
        logGrade.outputSpace = QStringLiteral("ACEScg");
        ColourGrade acesGrade;
        acesGrade.inputSpace = QStringLiteral("ACEScg");
        acesGrade.display = ColourPipeline::bundled().defaultDisplay();
        const Image noise = noiseImage(331, 130, 3, SampleType::UInt16, 11);
        for (const ColourGrade* each : {&lutGrade, &logGrade, &acesGrade}) {
            const ColourGrade& grade = *each;
            const ColourProcessor proc = ColourPipeline::bundled().processor(grade);
            const Image reference = proc.apply(noise, SampleType::UInt16);
            Image copy = noise;
            const Image inPlace = proc.apply(std::move(copy), SampleType::UInt16);
            QCOMPARE(inPlace.type, SampleType::UInt16);
            int worst = 0;
            for (std::size_t i = 0; i < noise.sampleCount(); ++i)
                worst = std::max(worst, std::abs(int(inPlace.samples<quint16>()[i]) -
                                                 int(reference.samples<quint16>()[i])));
            const int probed = proc.uint16PathError();
            qInfo("%s: 16-bit path error on the probe %d, on noise %d (of 65535)",
                  qPrintable(proc.description()), probed, worst);
            // A LUT grade is the case the 16-bit path exists for (graded
            // ProRes): its probe must find it exact enough to be used.
            if (each == &lutGrade)
                QVERIFY2(probed <= 8, qPrintable(QString::number(probed)));
            // Within the bound when the 16-bit path is used, identical otherwise.
            QVERIFY2(worst <= (probed <= 8 ? 12 : 0), qPrintable(QString::number(worst)));
            // 8-bit and float frames in place equal the copying path exactly.
            const Image bytes = proc.apply(noise, SampleType::UInt8);
            Image bytesCopy = bytes;
            QVERIFY(samePixels(proc.apply(std::move(bytesCopy), SampleType::UInt8),
                               proc.apply(bytes, SampleType::UInt8)));
            const Image floats = proc.apply(noise, SampleType::Float32);
            Image floatsCopy = floats;
            QVERIFY(samePixels(proc.apply(std::move(floatsCopy), SampleType::Float32),
                               proc.apply(floats, SampleType::Float32)));
        }
        // A type change still converts.
        ColourGrade identity;
        identity.inputSpace = QStringLiteral("sRGB - Texture");
        Image bytes = noiseImage(8, 8, 3, SampleType::UInt8, 3);
        const Image wide = ColourPipeline::bundled().processor(identity).apply(std::move(bytes),
                                                                               SampleType::UInt16);
        QCOMPARE(wide.type, SampleType::UInt16);
        QCOMPARE(wide.pixels.size(), std::size_t(8 * 8 * 3 * 2));
    }

    void cdlRoundTripAndGrade() {
        CdlGrade cdl;
        cdl.slope = {1.2, 1.0, 0.8};
        cdl.offset = {0.01, 0.0, -0.02};
        cdl.power = {1.1, 1.0, 0.9};
        cdl.saturation = 0.85;
        cdl.id = QStringLiteral("shot_010");
        for (const char* ext : {"cc", "cdl"}) {
            const QString file = path(QStringLiteral("grade.%1").arg(QLatin1String(ext)));
            writeCdl(file, cdl);
            QCOMPARE(readCdl(file), cdl);
            QVERIFY(QFile(file).open(QIODevice::ReadOnly));
        }
        // Slope/offset/power then saturation (Rec.709 luma), on one pixel.
        Image px(1, 1, 3, SampleType::Float32);
        const float rgb[3] = {0.2f, 0.5f, 0.7f};
        std::copy(rgb, rgb + 3, px.samples<float>());
        ColourGrade g;
        g.inputSpace = QStringLiteral("ACEScct");
        g.cdl = cdl;
        const Image out = ColourPipeline::bundled().processor(g).apply(px);
        double sop[3];
        for (int c = 0; c < 3; ++c)
            sop[c] = std::pow(rgb[c] * cdl.slope[c] + cdl.offset[c], cdl.power[c]);
        const double luma = 0.2126 * sop[0] + 0.7152 * sop[1] + 0.0722 * sop[2];
        for (int c = 0; c < 3; ++c)
            QVERIFY(std::abs(out.samples<float>()[c] - (luma + cdl.saturation * (sop[c] - luma))) <
                    1e-4);
        ErrorKind kind{};
        const QString err = errorOf(
            [&] {
                writeText(path(QStringLiteral("bad.cc")), QStringLiteral("<ColorCorrection>"));
                readCdl(path(QStringLiteral("bad.cc")));
            },
            &kind);
        QCOMPARE(kind, ErrorKind::BadInput);
        QVERIFY2(err.contains(QStringLiteral("bad.cc")), qPrintable(err));
    }

    void badLutsNameTheFileAndTheProblem() {
        const ColourPipeline cp = ColourPipeline::bundled();
        QString lines = cube3d(5, sampleGrade);
        const struct {
            const char* name;
            QString text;
            const char* problem; // what OCIO's message must mention
        } cases[] = {
            {"short.cube", lines.left(lines.lastIndexOf(QLatin1Char('\n'), -2) + 1), "entries"},
            {"garbage.cube",
             QString(lines).replace(QStringLiteral("LUT_3D_SIZE 5\n"),
                                    QStringLiteral("LUT_3D_SIZE 5\nthis is not a lut line\n")),
             "line"},
            {"wrongsize.cube",
             QString(lines).replace(QStringLiteral("LUT_3D_SIZE 5"),
                                    QStringLiteral("LUT_3D_SIZE 7")),
             "entries"},
            {"empty.cube", QString(), ""},
        };
        for (const auto& c : cases) {
            const QString file = path(QString::fromLatin1(c.name));
            writeText(file, c.text);
            ColourGrade g;
            g.inputSpace = QStringLiteral("sRGB - Texture");
            g.lutPath = file;
            ErrorKind kind{};
            const QString err = errorOf([&] { cp.processor(g); }, &kind);
            QCOMPARE(kind, ErrorKind::BadInput);
            QVERIFY2(err.startsWith(file), qPrintable(err));
            QVERIFY2(err.contains(QLatin1String(c.problem), Qt::CaseInsensitive), qPrintable(err));
        }
        ColourGrade missing;
        missing.inputSpace = QStringLiteral("sRGB - Texture");
        missing.lutPath = path(QStringLiteral("nowhere.cube"));
        QVERIFY(errorOf([&] { cp.processor(missing); }).contains(QStringLiteral("no such LUT")));
    }

    void unknownNamesAndBrokenConfigs() {
        const ColourPipeline cp = ColourPipeline::bundled();
        ColourGrade g;
        g.inputSpace = QStringLiteral("Alexa LogC9");
        ErrorKind kind{};
        QString err = errorOf([&] { cp.processor(g); }, &kind);
        QCOMPARE(kind, ErrorKind::Usage);
        QVERIFY2(err.contains(QStringLiteral("\"Alexa LogC9\"")) &&
                     err.contains(QStringLiteral("ACEScg")),
                 qPrintable(err));
        g.inputSpace = QStringLiteral("ACEScg");
        g.display = QStringLiteral("sRGB - Display");
        g.view = QStringLiteral("Filmic");
        QVERIFY(errorOf([&] { cp.processor(g); }).contains(QStringLiteral("no view \"Filmic\"")));

        const QString garbage = path(QStringLiteral("garbage.ocio"));
        writeText(garbage, QStringLiteral("ocio_profile_version: 2\ncolorspaces: [[[\n"));
        err = errorOf([&] { ColourPipeline::fromFile(garbage); }, &kind);
        QCOMPARE(kind, ErrorKind::BadInput);
        QVERIFY2(err.startsWith(garbage), qPrintable(err));

        // A config whose colour space names a LUT that is not there.
        QFile bundled(kConfigFile);
        QVERIFY(bundled.open(QIODevice::ReadOnly));
        // A search path, as every config with LUT files needs (OCIO refuses
        // FileTransforms in a config whose search_path is empty).
        QString text =
            QString::fromUtf8(bundled.readAll())
                .replace(QStringLiteral("search_path: \"\""), QStringLiteral("search_path: \".\""));
        text += QStringLiteral("\n  - !<ColorSpace>\n    name: Film Print\n    isdata: false\n"
                               "    from_scene_reference: !<FileTransform> {src: "
                               "print_emulation.cube, interpolation: best}\n");
        const QString brokenConfig = path(QStringLiteral("missing-lut.ocio"));
        writeText(brokenConfig, text);
        err = errorOf([&] { ColourPipeline::fromFile(brokenConfig); }, &kind);
        QCOMPARE(kind, ErrorKind::BadInput);
        QVERIFY2(err.startsWith(brokenConfig) &&
                     err.contains(QStringLiteral("print_emulation.cube")),
                 qPrintable(err));
        // With the file present, the same config loads and its space works.
        writeText(path(QStringLiteral("print_emulation.cube")), cube3d(5, sampleGrade));
        QVERIFY(ColourPipeline::fromFile(brokenConfig)
                    .colourSpaces()
                    .contains(QStringLiteral("Film Print")));
        QVERIFY(errorOf([&] {
                    ColourPipeline::fromFile(path(QStringLiteral("none.ocio")));
                }).contains(QStringLiteral("no such OCIO config")));
    }
};

QTEST_GUILESS_MAIN(TestColourPipeline)
#include "test_colour_pipeline.moc"
