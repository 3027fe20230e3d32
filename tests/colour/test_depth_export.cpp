// Depth-map exports (export/depthexport.h): float EXR in metres, 16-bit PNG
// in millimetres and the 8-bit preview, from each depth source (an EXR depth
// channel, a blocking scene, a TorchScript model made here with the venv's
// torch). Pixel values are read back by ffmpeg (PNG) and OpenEXR, and a shot
// without depth, or a broken model, fails without writing anything.
#include "../media/mediatestutil.h"
#include "document/document.h"
#include "export/depthexport.h"
#include "media/encode.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "projectfile/projectfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <limits>

using namespace retake;
using namespace retake::test;

namespace {

constexpr int kW = 40, kH = 20, kFrames = 3;
constexpr float kInf = std::numeric_limits<float>::infinity();

// The plate's depth: a ramp, no depth (0) in the top-left corner, one pixel
// past the PNG's 65.535 m and one at +inf (sky) on frame 0.
float plateDepth(int x, int y, int frame) {
    if (x < 3 && y < 3)
        return 0.0f;
    if (frame == 0 && x == kW - 1 && y == kH - 1)
        return 80.0f;
    if (frame == 0 && x == kW - 2 && y == kH - 1)
        return kInf;
    return 0.25f + 0.5f * float(x) + 0.1f * float(y) + float(frame) + 0.0003f * float(x % 7);
}

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// A grey 16-bit PNG as ffmpeg decodes it (not Retake's reader).
std::vector<quint16> png16(const QString& path) {
    QString error;
    const QByteArray raw = ffmpegFrames(path, QStringLiteral("gray16le"), &error);
    std::vector<quint16> v(std::size_t(raw.size()) / 2);
    std::memcpy(v.data(), raw.constData(), v.size() * 2);
    return v;
}

std::vector<quint8> png8(const QString& path) {
    QString error;
    const QByteArray raw = ffmpegFrames(path, QStringLiteral("gray"), &error);
    return std::vector<quint8>(raw.begin(), raw.end());
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

const char* const kModels = R"PY(
import sys, torch

class Depth(torch.nn.Module):
    # 1 m plus 10 m per unit of mean brightness.
    def forward(self, frames):
        return 1.0 + 10.0 * frames.mean(dim=1, keepdim=True)

class WrongShape(torch.nn.Module):
    def forward(self, frames):
        return frames

class IntegerDepth(torch.nn.Module):
    def forward(self, frames):
        return (frames[:, :1] * 1000).to(torch.int64)

out = sys.argv[1]
torch.jit.script(Depth()).save(out + "/depth.pt")
torch.jit.script(WrongShape()).save(out + "/wrong_shape.pt")
torch.jit.script(IntegerDepth()).save(out + "/integer.pt")
print("ok")
)PY";

} // namespace

class TestDepthExport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    Project project_;
    Id exrShot_, pngShot_, blockingShot_;
    QString projectFile_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    DepthExportResult exportShot(const Id& shot, DepthMapFormat format, const QString& out,
                                 std::optional<double> nearM = {},
                                 std::optional<double> farM = {}) {
        DepthExportRequest r;
        r.output = path(out);
        r.format = format;
        r.shotId = shot;
        r.nearM = nearM;
        r.farM = farM;
        Progress progress;
        return exportDepthMaps(project_, r, progress);
    }

private Q_SLOTS:
    void initTestCase() {
        if (!haveTool(QStringLiteral("ffmpeg")))
            QSKIP("ffmpeg is not installed (the PNG values are checked with it)");
        QVERIFY(dir_.isValid());
        QDir().mkpath(path(QStringLiteral("plate")));
        QDir().mkpath(path(QStringLiteral("grey")));
        for (int f = 0; f < kFrames; ++f) {
            Image im = patternImage(kW, kH, 3, SampleType::Float32, f);
            im.depth.resize(std::size_t(kW) * kH);
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x)
                    im.depth[std::size_t(y) * kW + x] = plateDepth(x, y, f);
            writeImageFile(
                path(QStringLiteral("plate/p_%1.exr").arg(f + 1, 4, 10, QLatin1Char('0'))), im);
            // A plain picture without depth: grey levels 40..235 across.
            Image grey(kW, kH, 3, SampleType::UInt8);
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x)
                    for (int c = 0; c < 3; ++c)
                        grey.samples<quint8>()[(std::size_t(y) * kW + x) * 3 + c] =
                            quint8(40 + 5 * x + c + f);
            writeImageFile(
                path(QStringLiteral("grey/g_%1.png").arg(f + 1, 4, 10, QLatin1Char('0'))), grey);
        }
        Project empty = Project::createEmpty(QStringLiteral("depth"), Rational(24), kW, kH);
        empty.settingsFromFirstMedia = false;
        Document doc(empty);
        exrShot_ = doc.importMedia(openMedia(path(QStringLiteral("plate/p_0001.exr")))->info(),
                                   QStringLiteral("Plate"));
        pngShot_ = doc.importMedia(openMedia(path(QStringLiteral("grey/g_0001.png")))->info(),
                                   QStringLiteral("Grey"));
        // A blocking shot over the grey picture: camera 5 m in front of a
        // box whose front face is at y = -0.5, looking level along +Y.
        blockingShot_ = doc.importMedia(openMedia(path(QStringLiteral("grey/g_0001.png")))->info(),
                                        QStringLiteral("Blocking"));
        Camera camera;
        camera.motion.pose.position = {0, -5, 1.0};
        doc.setCamera(blockingShot_, camera);
        BlockingScene scene;
        scene.enabled = true;
        BlockingObject box;
        box.name = QStringLiteral("wall");
        box.position = {0, 0, 0};
        box.size = {20, 1, 1.1};
        scene.objects.push_back(box);
        doc.setBlockingScene(blockingShot_, scene);
        project_ = doc.project();
        projectFile_ = path(QStringLiteral("depth.retake"));
        saveProjectFile(project_, projectFile_);
    }

    void pixelConversions() {
        bool clamped = true;
        QCOMPARE(depthToMillimetres(1.2344f, &clamped), quint16(1234));
        QVERIFY(!clamped);
        QCOMPARE(depthToMillimetres(65.535f), quint16(65535));
        QCOMPARE(depthToMillimetres(80.0f, &clamped), quint16(65535));
        QVERIFY(clamped);
        for (float none : {0.0f, -1.0f, kInf, std::numeric_limits<float>::quiet_NaN()})
            QCOMPARE(depthToMillimetres(none), quint16(0));
        // Depth closer than half a millimetre is still depth, not "none".
        QCOMPARE(depthToMillimetres(0.0002f), quint16(1));
        QCOMPARE(depthToPreview(2.0f, 2.0, 10.0), quint8(255));
        QCOMPARE(depthToPreview(10.0f, 2.0, 10.0), quint8(1));
        QCOMPARE(depthToPreview(6.0f, 2.0, 10.0), quint8(128));
        QCOMPARE(depthToPreview(50.0f, 2.0, 10.0), quint8(1));
        QCOMPARE(depthToPreview(0.0f, 2.0, 10.0), quint8(0));
        QCOMPARE(depthToPreview(kInf, 2.0, 10.0), quint8(0));
    }

    void png16MillimetresRoundTrip() {
        const DepthExportResult r = exportShot(exrShot_, DepthMapFormat::Png16Millimetres,
                                               QStringLiteral("png16/d_####.png"));
        QCOMPARE(r.files.size(), kFrames);
        QCOMPARE(r.clampedPixels, qint64(1));
        QVERIFY2(r.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("65.535")),
                 qPrintable(r.warnings.join(QLatin1Char(' '))));
        for (int f = 0; f < kFrames; ++f) {
            const std::vector<quint16> mm = png16(r.files[f]);
            QCOMPARE(mm.size(), std::size_t(kW) * kH);
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x) {
                    const float d = plateDepth(x, y, f);
                    const quint16 expected = !std::isfinite(d) || d <= 0 ? 0
                                             : d > 65.535f               ? 65535
                                                           : quint16(std::lround(d * 1000.0));
                    const quint16 got = mm[std::size_t(y) * kW + x];
                    QVERIFY2(got == expected, qPrintable(QStringLiteral("frame %1 (%2,%3): %4 mm, "
                                                                        "expected %5")
                                                             .arg(f)
                                                             .arg(x)
                                                             .arg(y)
                                                             .arg(got)
                                                             .arg(expected)));
                    // Back to metres within half a millimetre.
                    if (got > 0 && got < 65535)
                        QVERIFY(std::abs(got / 1000.0 - d) <= 0.0005 + 1e-6);
                }
        }
        const QJsonObject side = readJson(r.sidecar);
        QCOMPARE(QFileInfo(r.sidecar).fileName(), QStringLiteral("d.depth.json"));
        QCOMPARE(side[QStringLiteral("units")].toString(), QStringLiteral("millimetres"));
        QCOMPARE(side[QStringLiteral("noDepthValue")].toInt(-1), 0);
        QCOMPARE(side[QStringLiteral("clampMetres")].toDouble(), 65.535);
        QCOMPARE(side[QStringLiteral("clampedPixels")].toInt(), 1);
        QCOMPARE(side[QStringLiteral("sources")]
                     .toArray()[0]
                     .toObject()[QStringLiteral("source")]
                     .toString(),
                 QStringLiteral("media"));
        QCOMPARE(side[QStringLiteral("frames")].toArray().size(), kFrames);
        // The nearest depth is frame 0 at (0, 3), just below the corner without depth.
        QCOMPARE(side[QStringLiteral("nearMetres")].toDouble(), double(plateDepth(0, 3, 0)));
        QCOMPARE(side[QStringLiteral("farMetres")].toDouble(), 80.0);
    }

    void exrMetresExact() {
        DepthExportRequest req;
        req.output = path(QStringLiteral("exr/d.####.exr"));
        req.format = DepthMapFormat::ExrMetres;
        req.shotId = exrShot_;
        req.exrCompression = ExrCompression::Piz;
        Progress progress;
        const DepthExportResult r = exportDepthMaps(project_, req, progress);
        QCOMPARE(r.files.size(), kFrames);
        // Retake's reader opens the files as the sequence they are.
        const auto reader = openMedia(r.files[0]);
        QVERIFY(reader->info().hasDepth);
        QCOMPARE(reader->info().frameCount, FrameNumber(kFrames));
        for (int f = 0; f < kFrames; ++f) {
            const Image im = reader->readFrame(f);
            QCOMPARE(im.depth.size(), std::size_t(kW) * kH);
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x) {
                    const float d = plateDepth(x, y, f), got = im.depth[std::size_t(y) * kW + x];
                    if (std::isfinite(d) && d > 0)
                        QCOMPARE(got, d); // float metres, bit-exact
                    else
                        QVERIFY2(std::isinf(got) && got > 0, qPrintable(QString::number(got)));
                }
        }
        if (haveTool(QStringLiteral("exrheader"))) {
            const Run h = run(QStringLiteral("exrheader"), {r.files[0]});
            const QString text = h.out;
            // One channel, Z, 32-bit float; no colour.
            QVERIFY2(text.contains(QRegularExpression(QStringLiteral(
                         "channels \\(type chlist\\):\\s*\\n\\s*Z, 32-bit floating-point"))),
                     qPrintable(text));
            QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("^\\s*R, "),
                                                       QRegularExpression::MultilineOption)),
                     qPrintable(text));
            QVERIFY(text.contains(QStringLiteral("piz")));
            QVERIFY(text.contains(QStringLiteral("metres along the camera axis")));
        }
        QCOMPARE(readJson(r.sidecar)[QStringLiteral("units")].toString(), QStringLiteral("metres"));
    }

    void previewNearIsWhite() {
        const DepthExportResult r =
            exportShot(exrShot_, DepthMapFormat::Preview8, QStringLiteral("preview/d_####.png"));
        const std::vector<quint8> v = png8(r.files[0]);
        QCOMPARE(v.size(), std::size_t(kW) * kH);
        // The export's nearest pixel (frame 0, (0,3)) is white, the farthest
        // (80 m) darkest, no depth black; nearer is always brighter.
        QCOMPARE(int(v[std::size_t(3) * kW]), 255);
        QVERIFY(v[std::size_t(3) * kW + 1] < 255);
        QCOMPARE(int(v[std::size_t(kH - 1) * kW + kW - 1]), 1);
        QCOMPARE(int(v[0]), 0);
        QCOMPARE(int(v[std::size_t(kH - 1) * kW + kW - 2]), 0);
        for (int x = 4; x < kW - 2; ++x)
            QVERIFY2(v[std::size_t(5) * kW + x] <= v[std::size_t(5) * kW + x - 1],
                     qPrintable(QStringLiteral("x=%1").arg(x)));
        QVERIFY(v[std::size_t(5) * kW + 4] > v[std::size_t(5) * kW + 30]);
        // Later frames share the scale: the same pixel is 1 m farther, so darker.
        const std::vector<quint8> v2 = png8(r.files[2]);
        QVERIFY(v2[std::size_t(5) * kW + 10] < v[std::size_t(5) * kW + 10]);
        // A given range: 5.65 m between 1 and 10 m.
        const DepthExportResult given = exportShot(
            exrShot_, DepthMapFormat::Preview8, QStringLiteral("preview2/d_####.png"), 1.0, 10.0);
        const std::vector<quint8> g = png8(given.files[0]);
        const float d = plateDepth(10, 4, 0);
        QCOMPARE(int(g[std::size_t(4) * kW + 10]), 1 + int(std::lround(254.0 * (10.0 - d) / 9.0)));
        const QJsonObject side = readJson(given.sidecar);
        QCOMPARE(side[QStringLiteral("nearMetres")].toDouble(), 1.0);
        QCOMPARE(side[QStringLiteral("farMetres")].toDouble(), 10.0);
        QVERIFY(side[QStringLiteral("mapping")].toString().contains(QStringLiteral("near = 255")));
    }

    void blockingSceneDepth() {
        const DepthExportResult r = exportShot(blockingShot_, DepthMapFormat::Png16Millimetres,
                                               QStringLiteral("blocking/b_####.png"));
        const std::vector<quint16> mm = png16(r.files[0]);
        QCOMPARE(mm.size(), std::size_t(kW) * kH);
        // The image centre sees the box's front face 4.5 m away along the axis.
        const int centre = (kH / 2) * kW + kW / 2;
        QVERIFY2(std::abs(int(mm[centre]) - 4500) <= 1, qPrintable(QString::number(mm[centre])));
        // Straight above the box, level rays see sky: no depth.
        QCOMPARE(int(mm[kW / 2]), 0);
        QCOMPARE(readJson(r.sidecar)[QStringLiteral("sources")]
                     .toArray()[0]
                     .toObject()[QStringLiteral("source")]
                     .toString(),
                 QStringLiteral("blocking"));
    }

    void shotWithoutDepthIsAnError() {
        const QString out = path(QStringLiteral("none"));
        QDir().mkpath(out);
        const Run r =
            run(QStringLiteral(RETAKE_CLI),
                {QStringLiteral("export"), projectFile_, QStringLiteral("--shot"),
                 QStringLiteral("Grey"), QStringLiteral("--depth"), QStringLiteral("png16"),
                 QStringLiteral("--out"), out + QStringLiteral("/d_####.png")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("has no depth")) &&
                     r.err.contains(QStringLiteral("--depth-model")),
                 qPrintable(r.err));
        QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(QLatin1Char(' '))));
        // Asking for a source the shot lacks is the same error.
        const Run media =
            run(QStringLiteral(RETAKE_CLI),
                {QStringLiteral("export"), projectFile_, QStringLiteral("--shot"),
                 QStringLiteral("Blocking"), QStringLiteral("--depth"), QStringLiteral("exr"),
                 QStringLiteral("--depth-source"), QStringLiteral("media"), QStringLiteral("--out"),
                 out + QStringLiteral("/d_####.exr")});
        QCOMPARE(media.exitCode, 2);
        QVERIFY2(media.err.contains(QStringLiteral("no depth channel")), qPrintable(media.err));
        QVERIFY(filesIn(out).isEmpty());
        // Usage mistakes.
        const Run wrongExt =
            run(QStringLiteral(RETAKE_CLI),
                {QStringLiteral("export"), projectFile_, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--depth"), QStringLiteral("exr"),
                 QStringLiteral("--out"), out + QStringLiteral("/d_####.png")});
        QCOMPARE(wrongExt.exitCode, 1);
        const Run strayOption = run(QStringLiteral(RETAKE_CLI),
                                    {QStringLiteral("export"), projectFile_,
                                     QStringLiteral("--depth-model"), QStringLiteral("x.pt"),
                                     QStringLiteral("--out"), out + QStringLiteral("/d_####.png")});
        QCOMPARE(strayOption.exitCode, 1);
        QVERIFY(filesIn(out).isEmpty());
    }

    void torchScriptDepthModel() {
        // torch.jit.script reads the classes' source: the script must be a file.
        const QString script = path(QStringLiteral("make_models.py"));
        QFile scriptFile(script);
        QVERIFY(scriptFile.open(QIODevice::WriteOnly));
        scriptFile.write(kModels);
        scriptFile.close();
        const Run made = run(QStringLiteral(RETAKE_PYTHON), {script, dir_.path()});
        if (made.exitCode != 0 && made.err.contains(QStringLiteral("No module named 'torch'")))
            QSKIP("torch is not installed in " RETAKE_PYTHON);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString out = path(QStringLiteral("model/m_####.png"));
        const Run r = run(QStringLiteral(RETAKE_CLI),
                          {QStringLiteral("export"), projectFile_, QStringLiteral("--shot"),
                           QStringLiteral("Grey"), QStringLiteral("--depth"),
                           QStringLiteral("png16"), QStringLiteral("--depth-model"),
                           path(QStringLiteral("depth.pt")), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (int f = 0; f < kFrames; ++f) {
            const std::vector<quint16> mm =
                png16(path(QStringLiteral("model/m_%1.png").arg(1001 + f)));
            QCOMPARE(mm.size(), std::size_t(kW) * kH);
            for (int x : {0, 7, 39}) {
                // Mean of the three channels (40 + 5x + f, +1, +2) / 255.
                const double mean = (40 + 5 * x + f + 1) / 255.0;
                const double expected = (1.0 + 10.0 * mean) * 1000.0;
                QVERIFY2(std::abs(mm[std::size_t(3) * kW + x] - expected) <= 1.0,
                         qPrintable(QStringLiteral("frame %1 x %2: %3 vs %4")
                                        .arg(f)
                                        .arg(x)
                                        .arg(mm[std::size_t(3) * kW + x])
                                        .arg(expected)));
            }
        }
        const QJsonObject side = readJson(path(QStringLiteral("model/m.depth.json")));
        const QJsonObject source = side[QStringLiteral("sources")].toArray()[0].toObject();
        QCOMPARE(source[QStringLiteral("source")].toString(), QStringLiteral("model"));
        QCOMPARE(
            source[QStringLiteral("model")].toObject()[QStringLiteral("sha256")].toString().size(),
            64);
    }

    void badDepthModels() {
        if (!QFile::exists(path(QStringLiteral("wrong_shape.pt"))))
            QSKIP("the models were not made (torchScriptDepthModel skipped)");
        QFile garbage(path(QStringLiteral("garbage.pt")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("not a model");
        garbage.close();
        const struct {
            QString model;
            QString mentions;
        } cases[] = {
            {path(QStringLiteral("wrong_shape.pt")),
             QStringLiteral("expected depth of shape [3,1,20,40]")},
            {path(QStringLiteral("integer.pt")), QStringLiteral("floating-point")},
            {path(QStringLiteral("garbage.pt")),
             QStringLiteral("not a model: neither a TorchScript file nor an AOTInductor package")},
            {path(QStringLiteral("missing.pt")), QStringLiteral("cannot open")},
        };
        const QString out = path(QStringLiteral("badmodel"));
        QDir().mkpath(out);
        for (const auto& c : cases) {
            const Run r = run(QStringLiteral(RETAKE_CLI),
                              {QStringLiteral("export"), projectFile_, QStringLiteral("--shot"),
                               QStringLiteral("Grey"), QStringLiteral("--depth"),
                               QStringLiteral("exr"), QStringLiteral("--depth-model"), c.model,
                               QStringLiteral("--out"), out + QStringLiteral("/d_####.exr")});
            QVERIFY2(r.exitCode == 2,
                     qPrintable(
                         QStringLiteral("%1: exit %2 %3").arg(c.model).arg(r.exitCode).arg(r.err)));
            QVERIFY2(r.err.contains(c.model) && r.err.contains(c.mentions), qPrintable(r.err));
            QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(QLatin1Char(' '))));
        }
    }
};

QTEST_GUILESS_MAIN(TestDepthExport)
#include "test_depth_export.moc"
