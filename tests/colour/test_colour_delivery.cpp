// EXR delivery and provenance: exrheader reads every metadata field Retake
// writes (rate, timecode, camera, colour space, provenance), depth is named
// Z or Blender's ViewLayer.Depth.Z, and the JSON manifest says per frame
// whether it is original or regenerated, with the take, engine, seed, model
// hash, prompt and mask file.
#include "../media/mediatestutil.h"
#include "document/document.h"
#include "export/exporter.h"
#include "export/provenance.h"
#include "media/encode.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace retake;
using namespace retake::test;

namespace {

constexpr int kFrames = 6;
constexpr int kW = 64, kH = 36;

QString exrheader(const QString& file) {
    const Run r = run(QStringLiteral("exrheader"), {file});
    return r.ok() ? r.out : QString();
}

} // namespace

class TestColourDelivery : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    Project project;
    Id shotId;
    QString maskFile3;

    QString path(const QString& name) const { return dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        if (!haveTool(QStringLiteral("exrheader")) || !haveTool(QStringLiteral("ffmpeg")))
            QSKIP("exrheader/ffmpeg are not installed");
        // A plate with depth: float EXR frames with a Z channel.
        QDir().mkpath(path(QStringLiteral("plate")));
        for (int i = 0; i < kFrames; ++i) {
            Image im = patternImage(kW, kH, 3, SampleType::Float32, i);
            im.depth.assign(std::size_t(kW) * kH, 2.0f + i);
            writeImageFile(
                path(QStringLiteral("plate/p_%1.exr").arg(i + 1, 4, 10, QLatin1Char('0'))), im);
        }
        // A take over frames 2-3 and its mask sequence.
        QDir().mkpath(path(QStringLiteral("take")));
        QDir().mkpath(path(QStringLiteral("mask")));
        for (int i = 0; i < 2; ++i) {
            writeImageFile(
                path(QStringLiteral("take/t_%1.exr").arg(i + 1, 4, 10, QLatin1Char('0'))),
                noiseImage(kW, kH, 3, SampleType::Float32, quint32(i)));
            Image mask(kW, kH, 3, SampleType::UInt8);
            std::fill(mask.pixels.begin(), mask.pixels.end(), 255);
            writeImageFile(
                path(QStringLiteral("mask/m_%1.png").arg(i + 1, 4, 10, QLatin1Char('0'))), mask);
        }
        maskFile3 = path(QStringLiteral("mask/m_0002.png"));
        Project empty = Project::createEmpty(QStringLiteral("delivery"), Rational(25), kW, kH);
        empty.settingsFromFirstMedia = false; // 25 fps, not the EXR's default
        Document doc(empty);
        shotId = doc.importMedia(openMedia(path(QStringLiteral("plate/p_0001.exr")))->info(),
                                 QStringLiteral("Plate"));
        Camera camera;
        camera.focalLengthMm = 40;
        camera.filmbackWidthMm = 36;
        camera.filmbackHeightMm = 24;
        camera.focusDistanceM = 4.5;
        camera.fStop = 5.6;
        doc.setCamera(shotId, camera);
        const Id mask = doc.addMask(shotId, path(QStringLiteral("mask/m_0001.png")), {2, 4}, false);
        Take take;
        take.engine = QStringLiteral("propagate");
        take.seed = 42;
        take.prompt = QStringLiteral("remove the sign");
        take.range = {2, 4};
        take.maskId = mask;
        take.modelHash = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015");
        take.framesPath = path(QStringLiteral("take/t_0001.exr"));
        doc.addTake(shotId, take);
        project = doc.project();
    }

    void exrHeaderCarriesEveryField() {
        ExportRequest request;
        request.output = path(QStringLiteral("out/plate_####.exr"));
        request.imageOptions.exrPixelType = ExrPixelType::Float;
        request.colour = ExportColour{};
        request.colour->grade.outputSpace = QStringLiteral("ACEScg");
        Progress progress;
        const ExportResult result = exportProject(project, request, progress);
        QCOMPARE(result.files.size(), kFrames);
        const QString header = exrheader(result.files[3]);
        for (const char* expected :
             {"framesPerSecond (type rational): 25/1",
              "timeCode (type timecode):", "time 00:00:00:03", "focus (type float): 4.5",
              "aperture (type float): 5.6", "focalLengthMm (type float): 40",
              "filmbackWidthMm (type float): 36", "filmbackHeightMm (type float): 24",
              "colorSpace (type string): \"ACEScg\"", "oiio:ColorSpace (type string): \"ACEScg\"",
              "retake/provenance (type string): \"regenerated take=",
              "engine=propagate seed=42 model=9f86d081884c7d659a2feaa0c55ad015 mask=",
              "retake/manifest (type string): \"plate.provenance.json\"",
              "dataWindow (type box2i): (0 0) - (63 35)",
              "displayWindow (type box2i): (0 0) - (63 35)"})
            QVERIFY2(header.contains(QString::fromUtf8(expected)),
                     qPrintable(QStringLiteral("missing \"%1\" in:\n%2")
                                    .arg(QString::fromUtf8(expected), header)));
        QVERIFY(header.contains(maskFile3));
        // Frame 0 is original and has the plate's depth; the take's frames have none.
        const QString header0 = exrheader(result.files[0]);
        QVERIFY(header0.contains(QStringLiteral("retake/provenance (type string): \"original\"")));
        QVERIFY2(header0.contains(QStringLiteral("Z, 32-bit floating-point")), qPrintable(header0));
        QVERIFY(header0.contains(QStringLiteral("R, 32-bit floating-point")));
        // Graded to ACEScg: the pixels are the bundled config's conversion
        // from the EXR's linear Rec.709 (float EXR: exact).
        const Image written = openMedia(path(QStringLiteral("out/plate_1001.exr")))->readFrame(0);
        const Image plate = openMedia(path(QStringLiteral("plate/p_0001.exr")))->readFrame(0);
        ColourGrade grade;
        grade.inputSpace = QStringLiteral("Linear Rec.709 (sRGB)");
        grade.outputSpace = QStringLiteral("ACEScg");
        const Image expected = ColourPipeline::bundled().processor(grade).apply(plate);
        double moved = 0;
        for (std::size_t i = 0; i < plate.sampleCount(); ++i) {
            QVERIFY(std::abs(written.samples<float>()[i] - expected.samples<float>()[i]) < 1e-6f);
            moved += std::abs(written.samples<float>()[i] - plate.samples<float>()[i]);
        }
        QVERIFY(moved > 1.0); // the conversion changed the picture
        QCOMPARE(written.depth, plate.depth);
    }

    void blenderDepthNaming() {
        ExportRequest request;
        request.output = path(QStringLiteral("blender/b_####.exr"));
        request.imageOptions.exrDepthNaming = ExrDepthNaming::Blender;
        Progress progress;
        const ExportResult result = exportProject(project, request, progress);
        const QString header = exrheader(result.files[0]);
        for (const char* channel : {"ViewLayer.Combined.R, 16-bit floating-point",
                                    "ViewLayer.Combined.B, 16-bit floating-point",
                                    "ViewLayer.Depth.Z, 32-bit floating-point"})
            QVERIFY2(header.contains(QLatin1String(channel)), qPrintable(header));
        QVERIFY(!header.contains(QStringLiteral("\n    Z,")));
        // Retake's own reader finds the colour layer and the depth again.
        const Image back = openMedia(result.files[0])->readFrame(0);
        QCOMPARE(back.depth.size(), std::size_t(kW) * kH);
        QCOMPARE(back.depth[0], 2.0f);
        // Without a grade the colour space is the input's (EXR: linear by the config's rule).
        QVERIFY(
            header.contains(QStringLiteral("colorSpace (type string): \"Linear Rec.709 (sRGB)\"")));
    }

    void manifestRecordsEveryFrame() {
        ExportRequest request;
        request.output = path(QStringLiteral("movie.mov"));
        Progress progress;
        const ExportResult result = exportProject(project, request, progress);
        QCOMPARE(result.manifest, path(QStringLiteral("movie.mov.provenance.json")));
        QFile f(result.manifest);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(m.value("schema").toString(), QStringLiteral("retake.provenance/1"));
        QCOMPARE(m.value("summary").toObject().value("original").toInt(), kFrames - 2);
        QCOMPARE(m.value("summary").toObject().value("regenerated").toInt(), 2);
        const QJsonArray frames = m.value("frames").toArray();
        QCOMPARE(frames.size(), kFrames);
        for (int i = 0; i < kFrames; ++i) {
            const QJsonObject fr = frames[i].toObject();
            QCOMPARE(fr.value("index").toInt(), i);
            QCOMPARE(fr.value("mediaFrame").toInt(), i);
            QCOMPARE(fr.value("timecode").toString(), QStringLiteral("00:00:00:0%1").arg(i));
            const bool regenerated = i == 2 || i == 3;
            QCOMPARE(fr.value("origin").toString(),
                     regenerated ? QStringLiteral("regenerated") : QStringLiteral("original"));
            QCOMPARE(fr.contains("take"), regenerated);
        }
        QCOMPARE(frames[3].toObject().value("mask").toString(), maskFile3);
        const QJsonObject take = m.value("takes").toArray().at(0).toObject();
        QCOMPARE(take.value("engine").toString(), QStringLiteral("propagate"));
        QCOMPARE(take.value("seed").toInt(), 42);
        QCOMPARE(take.value("prompt").toString(), QStringLiteral("remove the sign"));
        QCOMPARE(take.value("modelHash").toString(),
                 QStringLiteral("9f86d081884c7d659a2feaa0c55ad015"));
        QCOMPARE(frames[2].toObject().value("take").toString(), take.value("id").toString());

        QCOMPARE(ProvenanceManifest::sidecarPathFor(QStringLiteral("/o/shot_####.exr"), true),
                 QStringLiteral("/o/shot.provenance.json"));
        QCOMPARE(ProvenanceManifest::sidecarPathFor(QStringLiteral("/o/shot.%04d.png"), true),
                 QStringLiteral("/o/shot.provenance.json"));
        QCOMPARE(ProvenanceManifest::sidecarPathFor(QStringLiteral("/o/####.exr"), true),
                 QStringLiteral("/o/frames.provenance.json"));
    }
};

QTEST_GUILESS_MAIN(TestColourDelivery)
#include "test_colour_delivery.moc"
