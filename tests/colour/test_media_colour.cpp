// A media's input colour space chosen by the user: stored in the project
// (older files without it load as automatic), set through one undoable
// Document edit or `retake-cli media`, validated against the config with
// close names in the error, and used by the export (the viewer calls the
// same export/mediacolour.h rule): an sRGB-tagged ramp treated as linear
// comes out as OCIO's processor for that conversion computes it.
#include "../media/mediatestutil.h"
#include "clirun.h"
#include "core/error.h"
#include "document/document.h"
#include "mediaio/openmedia.h"
#include "ocio/colourpipeline.h"
#include "projectfile/projectfile.h"
#include "timeline/mediacolour.h"

#include <QColorSpace>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace retake;
using namespace retake::test;
using retake::testing::cli;
using retake::testing::Run;

namespace {

const QString kLinear = QStringLiteral("Linear Rec.709 (sRGB)");
const QString kSrgb = QStringLiteral("sRGB - Texture");

Project oneMediaProject(const QString& mediaPath) {
    Project p = Project::createEmpty(QStringLiteral("colour"), Rational(24), 64, 8);
    MediaRef m;
    m.id = newId();
    m.path = mediaPath;
    m.kind = MediaKind::Still;
    m.width = 64;
    m.height = 8;
    m.frameCount = 1;
    m.colour.primaries = QStringLiteral("bt709");
    m.colour.transfer = QStringLiteral("iec61966-2-1");
    p.media.push_back(m);
    return p;
}

} // namespace

class TestMediaColour : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString path(const QString& name) const { return dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void projectFileRoundTripKeepsTheChoice() {
        Project p = oneMediaProject(path(QStringLiteral("ramp.png")));
        p.media[0].inputSpace = kLinear;
        const QString file = path(QStringLiteral("roundtrip.retake"));
        const QByteArray data = serializeProject(p, file);
        QVERIFY(data.contains("\"inputSpace\""));
        const Project back = parseProject(data, file);
        QCOMPARE(back.media[0].inputSpace, kLinear);
        QVERIFY(back == p);
        // Automatic is not written, and a file without the field (every file
        // from before it) loads as automatic.
        p.media[0].inputSpace.clear();
        const QByteArray automatic = serializeProject(p, file);
        QVERIFY(!automatic.contains("\"inputSpace\""));
        QVERIFY(parseProject(automatic, file).media[0].inputSpace.isEmpty());
        // A wrong type is reported with the field's place.
        QJsonObject root = QJsonDocument::fromJson(data).object();
        QJsonArray media = root.value(QStringLiteral("media")).toArray();
        QJsonObject m0 = media[0].toObject();
        m0.insert(QStringLiteral("inputSpace"), 3);
        media[0] = m0;
        root.insert(QStringLiteral("media"), media);
        try {
            parseProject(QJsonDocument(root).toJson(), file);
            QFAIL("a number as inputSpace was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(QStringLiteral("media[0].inputSpace")),
                     qPrintable(e.message()));
        }
    }

    void documentEditIsOneUndoStepAndValidates() {
        Document doc(oneMediaProject(path(QStringLiteral("ramp.png"))));
        const ColourPipeline pipeline = ColourPipeline::bundled();
        const Id mediaId = doc.project().media[0].id;
        QCOMPARE(mediaInputSpace(pipeline, doc.project().media[0]), kSrgb); // from the tags
        // A role is stored by the colour space it names.
        doc.setMediaInputSpace(mediaId, QStringLiteral("scene_linear"), pipeline);
        const QString sceneLinear = pipeline.colourSpaceName(QStringLiteral("scene_linear"));
        QCOMPARE(doc.project().media[0].inputSpace, sceneLinear);
        QCOMPARE(mediaInputSpace(pipeline, doc.project().media[0]), sceneLinear);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.setMediaInputSpace(mediaId, kLinear, pipeline);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.project().media[0].inputSpace, sceneLinear);
        doc.undoStack()->undo();
        QVERIFY(doc.project().media[0].inputSpace.isEmpty());
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(doc.project().media[0].inputSpace, kLinear);
        QVERIFY(doc.project().consistencyProblems().isEmpty());

        // Unknown: refused, nothing changed, close names offered.
        try {
            doc.setMediaInputSpace(mediaId, QStringLiteral("acescgg"), pipeline);
            QFAIL("an unknown colour space was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
            QVERIFY2(e.message().contains(QStringLiteral("Did you mean: \"ACEScg\"")),
                     qPrintable(e.message()));
        }
        QCOMPARE(doc.project().media[0].inputSpace, kLinear);
        QCOMPARE(doc.undoStack()->count(), 2);
        try {
            doc.setMediaInputSpace(newId(), kLinear, pipeline);
            QFAIL("an unknown media was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
        }
        // Back to automatic.
        doc.setMediaInputSpace(mediaId, QString(), pipeline);
        QVERIFY(doc.project().media[0].inputSpace.isEmpty());

        // A project made with another config: the rule names the media and
        // the space instead of silently falling back.
        MediaRef foreign = doc.project().media[0];
        foreign.inputSpace = QStringLiteral("ARRI LogC4");
        try {
            mediaInputSpace(pipeline, foreign);
            QFAIL("a space the config lacks was used");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QStringLiteral("ramp.png")) &&
                         e.message().contains(QStringLiteral("ARRI LogC4")),
                     qPrintable(e.message()));
        }
    }

    void closeNamesForTypos() {
        const ColourPipeline pipeline = ColourPipeline::bundled();
        QCOMPARE(pipeline.closeColourSpaces(QStringLiteral("acescg")).value(0),
                 QStringLiteral("ACEScg"));
        QVERIFY(pipeline.closeColourSpaces(QStringLiteral("srgb texture"))
                    .contains(QStringLiteral("sRGB - Texture")));
        QVERIFY(pipeline.closeColourSpaces(QStringLiteral("zzzzzzzzzzzz")).isEmpty());
    }

    // End to end through the CLI: the choice is stored, listed, validated,
    // and the export grades with it.
    void cliOverrideChangesTheExportedPixels() {
        // A horizontal ramp, 0..255, with an sRGB colour space in the PNG.
        QImage ramp(64, 8, QImage::Format_RGB888);
        for (int y = 0; y < ramp.height(); ++y)
            for (int x = 0; x < ramp.width(); ++x) {
                const int v = x * 255 / (ramp.width() - 1);
                ramp.setPixel(x, y, qRgb(v, 255 - v, (v * 3) % 256));
            }
        ramp.setColorSpace(QColorSpace::SRgb);
        const QString rampPath = path(QStringLiteral("cliramp.png"));
        QVERIFY(ramp.save(rampPath));
        const QString project = path(QStringLiteral("cli.retake"));
        Run r = cli({QStringLiteral("new"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("import"), project, rampPath});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = cli({QStringLiteral("media"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("cliramp.png\tauto (%1)").arg(kSrgb)),
                 qPrintable(r.out));

        // Unknown name: usage error naming close names; the file is unchanged.
        const QByteArray before = [&] {
            QFile f(project);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        r = cli({QStringLiteral("media"), project, QStringLiteral("--media"),
                 QStringLiteral("cliramp.png"), QStringLiteral("--input-space"),
                 QStringLiteral("linear rec.709")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Unknown colour space \"linear rec.709\"")) &&
                     r.err.contains(QStringLiteral("Did you mean")) && r.err.contains(kLinear),
                 qPrintable(r.err));
        {
            QFile f(project);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
        }
        r = cli({QStringLiteral("media"), project, QStringLiteral("--media"),
                 QStringLiteral("nosuch.mov"), QStringLiteral("--input-space"), kLinear});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No media \"nosuch.mov\"")), qPrintable(r.err));

        // Automatic: sRGB in, sRGB out = the file's own pixels.
        r = cli({QStringLiteral("export"), project, QStringLiteral("--output-space"), kSrgb,
                 QStringLiteral("--out"), path(QStringLiteral("auto/a_####.png"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Image source = openMedia(rampPath)->readFrame(0);
        const Image automatic = openMedia(path(QStringLiteral("auto/a_1001.png")))->readFrame(0);
        QVERIFY(samePixels(automatic, source));

        r = cli({QStringLiteral("media"), project, QStringLiteral("--media"),
                 QStringLiteral("cliramp.png"), QStringLiteral("--input-space"), kLinear});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("input colour space: %1").arg(kLinear)),
                 qPrintable(r.out));
        QCOMPARE(loadProjectFile(project).media[0].inputSpace, kLinear);
        r = cli({QStringLiteral("info"), project, QStringLiteral("--json")});
        QCOMPARE(retake::testing::json(r)[QStringLiteral("media")]
                     .toArray()[0]
                     .toObject()[QStringLiteral("inputSpace")]
                     .toString(),
                 kLinear);

        // Linear in, sRGB out: what OCIO's processor for that conversion gives.
        r = cli({QStringLiteral("export"), project, QStringLiteral("--output-space"), kSrgb,
                 QStringLiteral("--out"), path(QStringLiteral("linear/l_####.png"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Image graded = openMedia(path(QStringLiteral("linear/l_1001.png")))->readFrame(0);
        ColourGrade grade;
        grade.inputSpace = kLinear;
        grade.outputSpace = kSrgb;
        const Image expected =
            ColourPipeline::bundled().processor(grade).apply(source, SampleType::UInt8);
        QCOMPARE(graded.type, SampleType::UInt8);
        QVERIFY(samePixels(graded, expected));
        QVERIFY(!samePixels(graded, source));
        // The linear-to-sRGB curve lifts the darks: 50% grey becomes ~188.
        const int middle = 32 * 255 / 63; // red channel of column 32
        const double lifted = 255.0 * (1.055 * std::pow(middle / 255.0, 1 / 2.4) - 0.055);
        QVERIFY2(std::abs(graded.samples<quint8>()[32 * 3] - lifted) <= 1.0,
                 qPrintable(QString::number(graded.samples<quint8>()[32 * 3])));

        // --input-space on the export still wins over the project's choice.
        r = cli({QStringLiteral("export"), project, QStringLiteral("--input-space"), kSrgb,
                 QStringLiteral("--output-space"), kSrgb, QStringLiteral("--out"),
                 path(QStringLiteral("forced/f_####.png"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(
            samePixels(openMedia(path(QStringLiteral("forced/f_1001.png")))->readFrame(0), source));

        // And auto clears it.
        r = cli({QStringLiteral("media"), project, QStringLiteral("--input-space"),
                 QStringLiteral("auto")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(loadProjectFile(project).media[0].inputSpace.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMediaColour)
#include "test_media_colour.moc"
