// Deliveries read the same in every player: each movie Retake exports is
// decoded by ffmpeg (which honours the stream's tags, as Resolve, Premiere,
// Nuke and browsers do) and compared with the source decoded the same way,
// never through Retake's own reader, which would undo its own mistakes.
// "Beyond codec loss": ffmpeg's own transcode of the source to the same
// codec is the reference for what the codec alone costs.
//
// Sources: 8-bit BT.709 limited H.264, 10-bit BT.709 limited ProRes, and an
// 8-bit full-range JPEG still. EXR: scene-linear by default, checked against
// the sRGB formula and read by Blender through its "Standard" view.
#include "clirun.h"
#include "media/media.h"
#include "mediaio/openmedia.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;
using retake::testing::cli;
using retake::testing::Run;

namespace {

constexpr int kW = 352, kH = 192;

// Flat patches and slow ramps: every pixel away from a patch edge is smooth,
// so chroma subsampling costs nothing there and a levels error (a stretch,
// an offset, a wrong matrix) is all that can move it.
QImage pattern() {
    QImage image(kW, kH, QImage::Format_RGB888);
    const QColor patches[] = {QColor(16, 16, 16),    QColor(235, 235, 235), QColor(191, 191, 0),
                              QColor(0, 191, 191),   QColor(0, 191, 0),     QColor(191, 0, 191),
                              QColor(191, 0, 0),     QColor(0, 0, 191),     QColor(128, 128, 128),
                              QColor(250, 250, 250), QColor(4, 4, 4),       QColor(200, 150, 100)};
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            QColor c;
            if (y < 64) // ramps: grey, and a warm one
                c = y < 32 ? QColor(x * 255 / (kW - 1), x * 255 / (kW - 1), x * 255 / (kW - 1))
                           : QColor(x * 200 / (kW - 1) + 30, x * 120 / (kW - 1) + 20, 40);
            else
                c = patches[(x / 88) + 4 * ((y - 64) / 43 % 3)];
            image.setPixelColor(x, y, c);
        }
    return image;
}

// Pixels at least 4 px from any change in the pattern (patch edges).
QVector<bool> smoothArea(const QImage& image) {
    QVector<bool> smooth(kW * kH, true);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const QColor c = image.pixelColor(x, y);
            const auto differs = [&](int u, int v) {
                if (u < 0 || v < 0 || u >= kW || v >= kH)
                    return true; // the frame's border
                const QColor o = image.pixelColor(u, v);
                return std::abs(o.red() - c.red()) + std::abs(o.green() - c.green()) +
                           std::abs(o.blue() - c.blue()) >
                       12;
            };
            if (differs(x + 1, y) || differs(x, y + 1) || differs(x - 1, y) || differs(x, y - 1))
                for (int v = y - 4; v <= y + 4; ++v)
                    for (int u = x - 4; u <= x + 4; ++u)
                        if (u >= 0 && v >= 0 && u < kW && v < kH)
                            smooth[v * kW + u] = false;
        }
    return smooth;
}

bool succeeds(const QString& program, const QStringList& args, QByteArray* out = nullptr) {
    const Run r = retake::testing::run(program, args);
    if (!r.ok()) {
        qWarning().noquote() << r.describe(program, args);
        return false;
    }
    if (out)
        *out = r.rawOut;
    return true;
}

bool ffmpeg(const QStringList& args) {
    return succeeds(
        QStringLiteral("ffmpeg"),
        QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} + args);
}

// Frame `n` as 16-bit RGB, decoded and converted by ffmpeg by the stream's
// own tags, scaled to 8-bit code values.
std::vector<double> decodeRgb(const QString& file, int n) {
    QByteArray raw;
    if (!succeeds(QStringLiteral("ffmpeg"),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), file,
                   QStringLiteral("-vf"), QStringLiteral("select=eq(n\\,%1)").arg(n),
                   QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-f"),
                   QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                   QStringLiteral("rgb48le"), QStringLiteral("-")},
                  &raw) ||
        raw.size() != kW * kH * 6)
        return {};
    std::vector<double> rgb(std::size_t(kW) * kH * 3);
    const auto* samples = reinterpret_cast<const quint16*>(raw.constData());
    for (std::size_t i = 0; i < rgb.size(); ++i)
        rgb[i] = samples[i] / 257.0;
    return rgb;
}

struct Difference {
    double mean = 1e9, max = 1e9;
};

Difference compare(const std::vector<double>& a, const std::vector<double>& b,
                   const QVector<bool>& smooth) {
    if (a.size() != b.size() || a.empty())
        return {};
    Difference d{0, 0};
    int count = 0;
    for (int i = 0; i < kW * kH; ++i) {
        if (!smooth[i])
            continue;
        for (int c = 0; c < 3; ++c) {
            const double e = std::abs(a[std::size_t(i) * 3 + c] - b[std::size_t(i) * 3 + c]);
            d.mean += e;
            d.max = std::max(d.max, e);
            ++count;
        }
    }
    d.mean /= count;
    return d;
}

QString probe(const QString& file, const QString& entries) {
    QByteArray out;
    succeeds(QStringLiteral("ffprobe"),
             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
              QStringLiteral("v:0"), QStringLiteral("-show_entries"),
              QStringLiteral("stream=") + entries, QStringLiteral("-of"), QStringLiteral("csv=p=0"),
              file},
             &out);
    return QString::fromUtf8(out).trimmed();
}

struct CodecCase {
    const char* name;       // retake-cli --codec
    const char* extension;  // of the movie
    QStringList ffmpegArgs; // ffmpeg's own encode of the same codec (the loss reference)
    const char* pixFmt8;    // expected pixel format from an 8-bit source
    const char* pixFmt10;   // ... from a 10-bit source
};

QVector<CodecCase> codecs() {
    const auto args = [](const char* text) {
        return QString::fromLatin1(text).split(QLatin1Char(' '));
    };
    return {
        {"prores-422hq", "mov", args("-c:v prores_ks -profile:v 3 -pix_fmt yuv422p10le"),
         "yuv422p10le", "yuv422p10le"},
        // ffmpeg's ProRes decoder reports 4444 as 12-bit whatever was encoded.
        {"prores-4444", "mov", args("-c:v prores_ks -profile:v 4 -pix_fmt yuva444p10le"),
         "yuva444p12le", "yuva444p12le"},
        {"h264", "mp4", args("-c:v libx264 -crf 18 -pix_fmt yuv420p"), "yuv420p", "yuv420p"},
        {"h265", "mp4",
         args("-c:v libx265 -crf 20 -pix_fmt yuv420p10le -x265-params log-level=error"), "yuv420p",
         "yuv420p10le"},
        {"dnxhr-hq", "mov", args("-c:v dnxhd -profile:v dnxhr_hq -pix_fmt yuv422p"), "yuv422p",
         "yuv422p"},
        {"dnxhr-hqx", "mov", args("-c:v dnxhd -profile:v dnxhr_hqx -pix_fmt yuv422p10le"),
         "yuv422p10le", "yuv422p10le"},
    };
}

} // namespace

class TestDeliveryLevels : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QImage image;
    QVector<bool> smooth;

    QString path(const QString& name) const { return dir.filePath(name); }

    QString projectFor(const QString& source, const QString& name) {
        const QString project = path(name + QStringLiteral(".retake"));
        if (cli({QStringLiteral("new"), project, QStringLiteral("--force")}).exitCode != 0)
            return {};
        const Run r = cli({QStringLiteral("import"), project, source});
        return r.exitCode == 0 ? project : QString();
    }

private Q_SLOTS:
    void initTestCase() {
        for (const char* tool : {"ffmpeg", "ffprobe"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QSKIP("ffmpeg and ffprobe are needed");
        image = pattern();
        smooth = smoothArea(image);
        QVERIFY(image.save(path(QStringLiteral("pattern.png"))));
        const QString png = path(QStringLiteral("pattern.png"));
        const QStringList loop{QStringLiteral("-loop"),      QStringLiteral("1"),
                               QStringLiteral("-framerate"), QStringLiteral("24"),
                               QStringLiteral("-i"),         png,
                               QStringLiteral("-frames:v"),  QStringLiteral("6")};
        const QStringList tags{QStringLiteral("-colorspace"),      QStringLiteral("bt709"),
                               QStringLiteral("-color_primaries"), QStringLiteral("bt709"),
                               QStringLiteral("-color_trc"),       QStringLiteral("bt709"),
                               QStringLiteral("-color_range"),     QStringLiteral("tv")};
        // The RGB pattern becomes limited-range BT.709 YUV, as a camera
        // writes it; lossless so the source is exactly that.
        QVERIFY(ffmpeg(loop +
                       QStringList{QStringLiteral("-vf"),
                                   QStringLiteral("scale=out_color_matrix=bt709:out_range=tv,"
                                                  "format=yuv420p"),
                                   QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                   QStringLiteral("-qp"), QStringLiteral("0")} +
                       tags + QStringList{path(QStringLiteral("h264_709.mp4"))}));
        QVERIFY(
            ffmpeg(loop + QStringList{QStringLiteral("-vf"),
                                      QStringLiteral("scale=out_color_matrix=bt709:out_range=tv,"
                                                     "format=yuv422p10le"),
                                      QStringLiteral("-c:v"), QStringLiteral("prores_ks"),
                                      QStringLiteral("-profile:v"), QStringLiteral("3"),
                                      // ffmpeg's CLI tags ProRes only through this
                                      // filter, and MOV only with a 'colr' atom.
                                      QStringLiteral("-bsf:v"),
                                      QStringLiteral("prores_metadata=color_primaries=bt709:"
                                                     "color_trc=bt709:colorspace=bt709"),
                                      QStringLiteral("-movflags"), QStringLiteral("+write_colr"),
                                      path(QStringLiteral("prores10_709.mov"))}));
        // JFIF: BT.601 full range, as every camera and phone writes it.
        QVERIFY(ffmpeg({QStringLiteral("-i"), png, QStringLiteral("-q:v"), QStringLiteral("1"),
                        QStringLiteral("-pix_fmt"), QStringLiteral("yuvj444p"),
                        path(QStringLiteral("still.jpg"))}));
    }

    void moviesDecodeLikeTheSource_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("codec");
        QTest::addColumn<QString>(
            "expectedTags"); // range,matrix,transfer,primaries (ffprobe's order)
        QTest::addColumn<bool>("tenBit");
        const struct {
            const char* file;
            const char* tags;
            bool tenBit;
        } sources[] = {{"h264_709.mp4", "tv,bt709,bt709,bt709", false},
                       {"prores10_709.mov", "tv,bt709,bt709,bt709", true},
                       // An untagged JPEG is sRGB: BT.709 primaries, sRGB transfer.
                       {"still.jpg", "tv,bt709,iec61966-2-1,bt709", false}};
        for (const auto& s : sources)
            for (int c = 0; c < codecs().size(); ++c)
                QTest::newRow(
                    qPrintable(QStringLiteral("%1 -> %2")
                                   .arg(QLatin1String(s.file), QLatin1String(codecs()[c].name))))
                    << QString::fromLatin1(s.file) << c << QString::fromLatin1(s.tags) << s.tenBit;
    }
    void moviesDecodeLikeTheSource() {
        QFETCH(QString, source);
        QFETCH(int, codec);
        QFETCH(QString, expectedTags);
        QFETCH(bool, tenBit);
        const CodecCase c = codecs()[codec];
        const QString input = path(source);
        const QString stem =
            QFileInfo(source).baseName() + QLatin1Char('_') +
            QString::fromLatin1(c.name).replace(QLatin1Char('-'), QLatin1Char('_'));
        const QString project = projectFor(input, stem);
        QVERIFY(!project.isEmpty());
        const QString out = path(stem + QLatin1Char('.') + QLatin1String(c.extension));
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), out,
                           QStringLiteral("--codec"), QString::fromLatin1(c.name),
                           QStringLiteral("--no-audio")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // What the stream says, as ffprobe reads it.
        QCOMPARE(
            probe(out, QStringLiteral("color_range,color_space,color_primaries,color_transfer")),
            expectedTags);
        QCOMPARE(probe(out, QStringLiteral("pix_fmt")),
                 QString::fromLatin1(tenBit ? c.pixFmt10 : c.pixFmt8));

        // What it decodes to, against the source and against ffmpeg's own
        // transcode of the source to the same codec (the codec's loss).
        const QString reference =
            path(stem + QStringLiteral("_ffmpeg.") + QLatin1String(c.extension));
        QVERIFY(
            ffmpeg(QStringList{QStringLiteral("-i"), input, QStringLiteral("-frames:v"),
                               QStringLiteral("6"), QStringLiteral("-vf"),
                               QStringLiteral("scale=out_color_matrix=bt709:out_range=tv")} +
                   c.ffmpegArgs +
                   QStringList{QStringLiteral("-colorspace"), QStringLiteral("bt709"),
                               QStringLiteral("-color_range"), QStringLiteral("tv"), reference}));
        const int frame = source.endsWith(QLatin1String(".jpg")) ? 0 : 3;
        const std::vector<double> original = decodeRgb(input, frame);
        const Difference retake = compare(decodeRgb(out, frame), original, smooth);
        const Difference codecLoss = compare(decodeRgb(reference, frame), original, smooth);
        qInfo("%s: retake mean %.2f max %.1f; ffmpeg's own transcode mean %.2f max %.1f",
              qPrintable(stem), retake.mean, retake.max, codecLoss.mean, codecLoss.max);
        QVERIFY2(
            retake.mean <= codecLoss.mean + 1.0,
            qPrintable(
                QStringLiteral("mean %1 vs codec loss %2").arg(retake.mean).arg(codecLoss.mean)));
        QVERIFY2(retake.max <= codecLoss.max + 4.0,
                 qPrintable(
                     QStringLiteral("max %1 vs codec loss %2").arg(retake.max).arg(codecLoss.max)));
    }

    // Full range is a choice; ProRes cannot carry it and says so.
    void fullRangeIsAskedForAndRefusedForProRes() {
        const QString project =
            projectFor(path(QStringLiteral("h264_709.mp4")), QStringLiteral("full"));
        const QString out = path(QStringLiteral("full.mp4"));
        Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), out,
                     QStringLiteral("--full-range"), QStringLiteral("--no-audio")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(probe(out, QStringLiteral("color_range")), QStringLiteral("pc"));
        const Difference d =
            compare(decodeRgb(out, 3), decodeRgb(path(QStringLiteral("h264_709.mp4")), 3), smooth);
        QVERIFY2(d.mean < 1.5, qPrintable(QString::number(d.mean)));
        r = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                 path(QStringLiteral("full.mov")), QStringLiteral("--full-range")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("limited range")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("full.mov"))));
    }

    // A graded delivery says what its output space is; a space with no
    // standard tag is written untagged, and the export says so.
    void gradedExportsCarryTheOutputSpacesTags() {
        const QString project =
            projectFor(path(QStringLiteral("h264_709.mp4")), QStringLiteral("graded"));
        const QString display = path(QStringLiteral("display.mov"));
        Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), display,
                     QStringLiteral("--display"), QStringLiteral("Rec.1886 Rec.709 - Display"),
                     QStringLiteral("--view"), QStringLiteral("Un-tone-mapped"),
                     QStringLiteral("--no-audio")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(probe(display,
                       QStringLiteral("color_range,color_space,color_primaries,color_transfer")),
                 QStringLiteral("tv,bt709,bt709,bt709"));
        const QString srgb = path(QStringLiteral("srgb.mp4"));
        r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), srgb,
                 QStringLiteral("--output-space"), QStringLiteral("sRGB - Texture"),
                 QStringLiteral("--no-audio")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(probe(srgb, QStringLiteral("color_transfer,color_primaries")),
                 QStringLiteral("iec61966-2-1,bt709"));
        const QString log = path(QStringLiteral("log.mov"));
        r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), log,
                 QStringLiteral("--output-space"), QStringLiteral("ACEScct"),
                 QStringLiteral("--no-audio")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("no standard video tag")), qPrintable(r.err));
        QCOMPARE(probe(log, QStringLiteral("color_range,color_transfer,color_primaries")),
                 QStringLiteral("tv,unknown,unknown"));
    }

    // `info --json` says what a default delivery carries.
    void infoShowsTheDeliveryTags() {
        const QString project =
            projectFor(path(QStringLiteral("still.jpg")), QStringLiteral("info"));
        const QJsonObject delivery =
            retake::testing::json(cli({QStringLiteral("info"), project, QStringLiteral("--json")}))
                .value(QStringLiteral("media"))
                .toArray()[0]
                .toObject()
                .value(QStringLiteral("delivery"))
                .toObject();
        QCOMPARE(delivery.value(QStringLiteral("primaries")).toString(), QStringLiteral("bt709"));
        QCOMPARE(delivery.value(QStringLiteral("transfer")).toString(),
                 QStringLiteral("iec61966-2-1"));
        QCOMPARE(delivery.value(QStringLiteral("matrix")).toString(), QStringLiteral("bt709"));
        QCOMPARE(delivery.value(QStringLiteral("range")).toString(), QStringLiteral("tv"));
    }

    // EXR holds scene-linear light by default: the source's sRGB values
    // decoded by the sRGB formula, and the header says which space.
    void exrIsSceneLinearByDefault() {
        const QString project =
            projectFor(path(QStringLiteral("pattern.png")), QStringLiteral("exr"));
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                           path(QStringLiteral("exr/p_####.exr")), QStringLiteral("--exr-type"),
                           QStringLiteral("float")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString exr = path(QStringLiteral("exr/p_1001.exr"));
        QByteArray header;
        if (succeeds(QStringLiteral("exrheader"), {exr}, &header))
            QVERIFY2(header.contains("Linear Rec.709 (sRGB)"), header.constData());
        const Image linear = openMedia(exr)->readFrame(0);
        QCOMPARE(linear.type, SampleType::Float32);
        const auto decode = [](int code) {
            const double v = code / 255.0;
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        double worst = 0;
        for (const QPoint at : {QPoint(20, 80), QPoint(200, 100), QPoint(300, 170), QPoint(10, 10),
                                QPoint(340, 20), QPoint(120, 140)}) {
            const QColor c = image.pixelColor(at);
            const float* px = linear.samples<float>() +
                              (std::size_t(at.y()) * kW + at.x()) * std::size_t(linear.channels);
            worst =
                std::max({worst, std::abs(px[0] - decode(c.red())),
                          std::abs(px[1] - decode(c.green())), std::abs(px[2] - decode(c.blue()))});
        }
        QVERIFY2(worst < 2e-3, qPrintable(QString::number(worst)));

        // Blender reads it as it reads any EXR (scene linear) and shows it
        // through its sRGB "Standard" view: the source comes back.
        const QString blender = QStandardPaths::findExecutable(QStringLiteral("blender"));
        if (blender.isEmpty())
            QSKIP("Blender is not installed");
        const QString png = path(QStringLiteral("blender.png"));
        const QString script = QStringLiteral("import bpy\n"
                                              "scene = bpy.context.scene\n"
                                              "scene.view_settings.view_transform = 'Standard'\n"
                                              "scene.view_settings.look = 'None'\n"
                                              "scene.display_settings.display_device = 'sRGB'\n"
                                              "scene.render.image_settings.file_format = 'PNG'\n"
                                              "scene.render.image_settings.color_depth = '8'\n"
                                              "image = bpy.data.images.load(r'%1')\n"
                                              "image.save_render(r'%2', scene=scene)\n")
                                   .arg(exr, png);
        QVERIFY(succeeds(blender, {QStringLiteral("-b"), QStringLiteral("--factory-startup"),
                                   QStringLiteral("--python-exit-code"), QStringLiteral("1"),
                                   QStringLiteral("--python-expr"), script}));
        const QImage shown = QImage(png).convertToFormat(QImage::Format_RGB888);
        QCOMPARE(shown.size(), image.size());
        int maxError = 0;
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x) {
                const QColor a = shown.pixelColor(x, y), b = image.pixelColor(x, y);
                maxError =
                    std::max({maxError, std::abs(a.red() - b.red()),
                              std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
            }
        QVERIFY2(maxError <= 2, qPrintable(QString::number(maxError)));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryLevels)
#include "test_delivery_levels.moc"
