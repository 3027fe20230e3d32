// Users' models of both kinds (docs/models.md): the document's own Python
// examples, run at test time with the venv's PyTorch, make a TorchScript file
// and an AOTInductor package of each model; both go through `model check`,
// `regen`, `inpaint` and `export --depth` and must agree. Bad files are
// refused naming the problem and change nothing; a project never loads the
// models its takes name.
#include "clirun.h"
#include "devset.h"
#include "filebytes.h"
#include "openwatch.h"
#include "testclip.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

using namespace retake::testing;

constexpr int kWidth = 128;
constexpr int kHeight = 96;
constexpr int kFrames = 24;
const QRect kMaskRect(40, 30, 40, 30);

// The ```python blocks of docs/models.md, in order.
QStringList docExamples() {
    QFile doc(QStringLiteral(RETAKE_SOURCE_DIR "/docs/models.md"));
    if (!doc.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(doc.readAll());
    QStringList blocks;
    const QRegularExpression fence(QStringLiteral("```python\\n(.*?)```"),
                                   QRegularExpression::DotMatchesEverythingOption);
    for (auto it = fence.globalMatch(text); it.hasNext();)
        blocks << it.next().captured(1);
    return blocks;
}

// Models the document does not show, for the refusals.
const char* const kOtherModels = R"(
import sys, torch, zipfile
out = sys.argv[1]

class TemporalMean(torch.nn.Module):
    def forward(self, frames, masks):
        keep = 1.0 - masks
        return frames * keep + (frames * keep).sum(0, keepdim=True) / keep.sum(0, keepdim=True).clamp(min=1.0) * masks

# Compiled for 256x256 frames only: larger than the test's 128x96 plate.
example = (torch.rand(2, 3, 256, 256), torch.zeros(2, 1, 256, 256))
program = torch.export.export(TemporalMean().eval(), example)
torch._inductor.aoti_compile_and_package(program, package_path=out + "/fixed_256.pt2")

# Per pixel, so tiles and frames per call cannot change its result, but a
# tile put back in the wrong place would show: the masked pixels inverted.
class Invert(torch.nn.Module):
    def forward(self, frames: torch.Tensor, masks: torch.Tensor) -> torch.Tensor:
        return frames * (1.0 - masks) + (1.0 - frames) * masks

# 5 frames of 64x64 per call: the 128x96 plate needs overlapping tiles and
# its 24 frames a padded last call.
example = (torch.rand(5, 3, 64, 64), torch.zeros(5, 1, 64, 64))
program = torch.export.export(Invert().eval(), example)
torch._inductor.aoti_compile_and_package(program, package_path=out + "/invert_64.pt2")
torch.jit.script(Invert()).save(out + "/invert.pt")

# The documented package as a newer PyTorch would write it.
source = zipfile.ZipFile(out + "/temporal_mean.pt2")
newer = zipfile.ZipFile(out + "/newer.pt2", "w", zipfile.ZIP_STORED)
for item in source.infolist():
    data = source.read(item.filename)
    newer.writestr(item, b"99" if item.filename.endswith("/archive_version") else data)
newer.close()
torch.save({"weights": torch.zeros(3)}, out + "/weights_only.pt")

# The documented package as if compiled for CUDA (its metadata says so).
source = zipfile.ZipFile(out + "/temporal_mean.pt2")
cuda = zipfile.ZipFile(out + "/cuda_only.pt2", "w", zipfile.ZIP_STORED)
for item in source.infolist():
    data = source.read(item.filename)
    if item.filename.endswith("_metadata.json"):
        data = data.replace(b'"AOTI_DEVICE_KEY": "cpu"', b'"AOTI_DEVICE_KEY": "cuda"')
    cuda.writestr(item, data)
cuda.close()
)";

QString sha256Of(const QString& path) {
    return QString::fromLatin1(
        QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex());
}

QStringList filesUnder(const QString& dir) {
    QStringList files;
    for (QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext();)
        files << it.next();
    files.sort();
    return files;
}

QStringList sortedImages(const QString& dir) {
    QStringList files = QDir(dir).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    for (QString& f : files)
        f = dir + QLatin1Char('/') + f;
    return files;
}

// The largest difference of any RGB channel (8-bit) between two pictures,
// inside `inside` (or everywhere) and outside `outside` (if given).
int maxDifference(const QImage& a, const QImage& b, const QRect& inside = QRect(),
                  const QRect& outside = QRect()) {
    const QImage x = a.convertToFormat(QImage::Format_RGB888);
    const QImage y = b.convertToFormat(QImage::Format_RGB888);
    if (x.size() != y.size())
        return 256;
    int worst = 0;
    for (int row = 0; row < x.height(); ++row)
        for (int col = 0; col < x.width(); ++col) {
            if (inside.isValid() && !inside.contains(col, row))
                continue;
            if (outside.isValid() && outside.contains(col, row))
                continue;
            const QRgb p = x.pixel(col, row), q = y.pixel(col, row);
            worst = std::max({worst, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                              std::abs(qBlue(p) - qBlue(q))});
        }
    return worst;
}

} // namespace

class TestUserModels : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // One copy of the project per kind: a regeneration starts from what the
    // shot shows, so a second one on the same project would start from the
    // first one's take.
    QString kindProject(int kind) const { return path(QStringLiteral("kind_%1.retake").arg(kind)); }

    Run regen(const QString& model, const QString& project) {
        return cli({QStringLiteral("regen"), project, QStringLiteral("--shot"),
                    QStringLiteral("Plate"), QStringLiteral("--range"),
                    QStringLiteral("0-%1").arg(kFrames - 1), QStringLiteral("--engine"),
                    QStringLiteral("model"), QStringLiteral("--param"),
                    QStringLiteral("model=") + model, QStringLiteral("--param"),
                    QStringLiteral("temporal_blend=0")});
    }

    // The shot as it shows now (its active take), as PNGs in `folder`.
    QStringList exportShot(const QString& project, const QString& folder) {
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--shot"),
                           QStringLiteral("Plate"), QStringLiteral("--out"),
                           path(folder + QStringLiteral("/f_####.png"))});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return sortedImages(path(folder));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("ffmpeg is not installed");
        const QStringList examples = docExamples();
        QCOMPARE(examples.size(), 2);
        // torch.jit.script and torch.export read the classes' source: each
        // example runs as a file, in the folder its files are written to.
        int n = 0;
        for (const QString& example : examples + QStringList{QString::fromUtf8(kOtherModels)}) {
            const QString script = path(QStringLiteral("example_%1.py").arg(n++));
            QFile file(script);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("import os, sys\nos.chdir(sys.argv[1])\n");
            file.write(example.toUtf8());
            file.close();
            RunOptions options;
            options.timeoutMs = 600000;
            const Run made = run(QStringLiteral(RETAKE_PYTHON), {script, dir_.path()}, options);
            if (made.exitCode != 0 && made.err.contains(QStringLiteral("No module named 'torch'")))
                QSKIP("torch is not installed in " RETAKE_PYTHON);
            QVERIFY2(made.exitCode == 0, qPrintable(script + QLatin1Char('\n') + made.err));
        }
        for (const char* made : {"temporal_mean.pt", "temporal_mean.pt2", "floor_plane.pt",
                                 "floor_plane.pt2", "fixed_256.pt2", "invert.pt", "invert_64.pt2"})
            QVERIFY2(QFileInfo::exists(path(QString::fromLatin1(made))), made);
        QFile truncated(path(QStringLiteral("truncated.pt2")));
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        const QByteArray whole = fileBytes(path(QStringLiteral("temporal_mean.pt2")));
        truncated.write(whole.left(whole.size() / 2));
        truncated.close();
        QFile notes(path(QStringLiteral("notes.pt2")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("my model, version 2\n");
        notes.close();

        // A lossless plate that moves (testsrc2), a rectangle masked on every
        // frame, frames 0-5 locked.
        const QString clip = path(QStringLiteral("plate.mkv"));
        const QString failed = makeLosslessClip(
            clip, QStringLiteral("testsrc2=s=%1x%2:r=24:d=1").arg(kWidth).arg(kHeight));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        project_ = path(QStringLiteral("models.retake"));
        const QString made = newProjectWithClip(project_, clip);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QCOMPARE(cli({QStringLiteral("lock"), project_, QStringLiteral("--shot"),
                      QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("0-5")})
                     .exitCode,
                 0);
        const Run masked = cli({QStringLiteral("mask"), project_, QStringLiteral("--shot"),
                                QStringLiteral("Plate"), QStringLiteral("--rect"),
                                QStringLiteral("%1,%2,%3,%4")
                                    .arg(kMaskRect.x())
                                    .arg(kMaskRect.y())
                                    .arg(kMaskRect.width())
                                    .arg(kMaskRect.height())});
        QVERIFY2(masked.exitCode == 0, qPrintable(masked.err));
    }

    void checkTellsTheKindsApart() {
        const struct {
            const char* file;
            const char* kind;
            const char* role;
            const char* frames;
        } cases[] = {
            {"temporal_mean.pt", "TorchScript", "inpainting", "frames [T any, C 3, H any, W any]"},
            {"temporal_mean.pt2", "AOTInductor package", "inpainting",
             "frames [T 2 to 64, C 3, H 16 to 2160, W 16 to 4096]"},
            {"floor_plane.pt", "TorchScript", "depth", "frames [T any, C 3, H any, W any]"},
            {"floor_plane.pt2", "AOTInductor package", "depth",
             "frames [T 2 to 64, C 3, H 16 to 2160, W 16 to 4096]"},
            {"fixed_256.pt2", "AOTInductor package", "inpainting",
             "frames [T 2, C 3, H 256, W 256]"},
        };
        for (const auto& c : cases) {
            const QString file = path(QString::fromLatin1(c.file));
            // The name says nothing: a package renamed .pt is still a package.
            const QString renamed = path(QStringLiteral("renamed_") + QString::fromLatin1(c.file) +
                                         QStringLiteral(".bin"));
            QFile::remove(renamed);
            QVERIFY(QFile::copy(file, renamed));
            for (const QString& asked : {file, renamed}) {
                const Run r = cli({QStringLiteral("model"), QStringLiteral("check"), asked,
                                   QStringLiteral("--json")});
                QVERIFY2(r.exitCode == 0, qPrintable(r.err));
                const QJsonObject o = json(r);
                QCOMPARE(o[QStringLiteral("kind")].toString(), QString::fromLatin1(c.kind));
                QCOMPARE(o[QStringLiteral("role")].toString(), QString::fromLatin1(c.role));
                QCOMPARE(o[QStringLiteral("sha256")].toString(), sha256Of(file));
                QVERIFY(!o[QStringLiteral("takesPrompt")].toBool());
                const QString frames = o[QStringLiteral("inputs")].toArray()[0].toString();
                QVERIFY2(frames.startsWith(QString::fromLatin1(c.frames)), qPrintable(frames));
                QVERIFY(o[QStringLiteral("secondsPerFrame")].toDouble() > 0);
                if (QString::fromLatin1(c.kind).startsWith(QLatin1String("AOTI")))
                    QVERIFY2(o[QStringLiteral("compiledFor")].toString().startsWith(
                                 QLatin1String("cpu")),
                             qPrintable(o[QStringLiteral("compiledFor")].toString()));
            }
        }
        // The printed form names the same.
        const Run text = cli({QStringLiteral("model"), QStringLiteral("check"),
                              path(QStringLiteral("temporal_mean.pt2"))});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("kind: AOTInductor package")) &&
                     text.out.contains(QStringLiteral("prompt: no")) &&
                     text.out.contains(QStringLiteral("ms per frame")),
                 qPrintable(text.out));
    }

    void bothKindsRegenerateAlike() {
        const QStringList source = exportShot(project_, QStringLiteral("source"));
        QCOMPARE(source.size(), kFrames);
        QStringList results[2];
        const QString models[2] = {path(QStringLiteral("temporal_mean.pt")),
                                   path(QStringLiteral("temporal_mean.pt2"))};
        for (int kind = 0; kind < 2; ++kind) {
            QFile::remove(kindProject(kind));
            QVERIFY(QFile::copy(project_, kindProject(kind)));
            const Run r = regen(models[kind], kindProject(kind));
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            // The take records the file's hash.
            QVERIFY(
                QString::fromUtf8(fileBytes(kindProject(kind))).contains(sha256Of(models[kind])));
            results[kind] = exportShot(kindProject(kind), QStringLiteral("result_%1").arg(kind));
            QCOMPARE(results[kind].size(), kFrames);
        }
        const QRect grown = kMaskRect.adjusted(-6, -6, 6, 6); // dilate 4 and feather 3
        bool changed = false;
        for (int f = 0; f < kFrames; ++f) {
            const QImage original(source[f]);
            const QImage script(results[0][f]);
            const QImage package(results[1][f]);
            QVERIFY2(maxDifference(script, package) <= 1,
                     qPrintable(QStringLiteral("frame %1: TorchScript and package differ by %2")
                                    .arg(f)
                                    .arg(maxDifference(script, package))));
            if (f <= 5) {
                QCOMPARE(maxDifference(package, original), 0); // locked
                continue;
            }
            QCOMPARE(maxDifference(package, original, QRect(), grown), 0);
            changed = changed || maxDifference(package, original, kMaskRect) > 8;
        }
        QVERIFY2(changed, "the model changed nothing inside the mask");
    }

    void fixedPackageIsTiledAndPadded() {
        const QStringList source = exportShot(project_, QStringLiteral("source"));
        QCOMPARE(source.size(), kFrames);
        const QString models[2] = {path(QStringLiteral("invert.pt")),
                                   path(QStringLiteral("invert_64.pt2"))};
        QStringList results[2];
        for (int kind = 0; kind < 2; ++kind) {
            const QString project = path(QStringLiteral("invert_%1.retake").arg(kind));
            QFile::remove(project);
            QVERIFY(QFile::copy(project_, project));
            const Run r = regen(models[kind], project);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            results[kind] = exportShot(project, QStringLiteral("invert_%1").arg(kind));
            QCOMPARE(results[kind].size(), kFrames);
        }
        for (int f = 6; f < kFrames; ++f) {
            const QImage script(results[0][f]);
            const QImage package(results[1][f]);
            QVERIFY2(
                maxDifference(script, package) <= 1,
                qPrintable(
                    QStringLiteral("frame %1: %2").arg(f).arg(maxDifference(script, package))));
            QImage inverted = QImage(source[f]).convertToFormat(QImage::Format_RGB888);
            inverted.invertPixels();
            QVERIFY2(maxDifference(package, inverted, kMaskRect) <= 1,
                     qPrintable(QStringLiteral("frame %1: %2")
                                    .arg(f)
                                    .arg(maxDifference(package, inverted, kMaskRect))));
        }
    }

    void staticCaseIsExactInsideTheMask() {
        const QString missing = devsetMissing();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        const DevsetPython python = findDevsetPython();
        if (python.program.isEmpty())
            QSKIP(qPrintable(python.error));
        const QString cases = path(QStringLiteral("diagnostic"));
        const Run made =
            runDevsetPython(python.program, {devsetPath() + QStringLiteral("/make_cases.py"),
                                             QStringLiteral("--diagnostic"), cases});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString still = cases + QStringLiteral("/still_static_blobs");
        const QStringList truth = sortedImages(still + QStringLiteral("/gt"));
        const QStringList masks = sortedImages(still + QStringLiteral("/masks"));
        QVERIFY(!truth.isEmpty() && truth.size() == masks.size());
        for (const char* model : {"temporal_mean.pt", "temporal_mean.pt2"}) {
            const QString out = path(QStringLiteral("still_") + QString::fromLatin1(model));
            const Run r = cli(
                {QStringLiteral("inpaint"), QStringLiteral("--frames"),
                 still + QStringLiteral("/frames"), QStringLiteral("--masks"),
                 still + QStringLiteral("/masks"), QStringLiteral("--out"), out,
                 QStringLiteral("--engine"), QStringLiteral("model"), QStringLiteral("--param"),
                 QStringLiteral("model=") + path(QString::fromLatin1(model)),
                 QStringLiteral("--param"), QStringLiteral("dilate=0"), QStringLiteral("--param"),
                 QStringLiteral("feather=0"), QStringLiteral("--param"),
                 QStringLiteral("chunk_frames=%1").arg(truth.size())});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QStringList results = sortedImages(out);
            QCOMPARE(results.size(), truth.size());
            qint64 maskedPixels = 0;
            for (int f = 0; f < truth.size(); ++f) {
                const QImage mask = QImage(masks[f]).convertToFormat(QImage::Format_Grayscale8);
                const QImage expected(truth[f]);
                const QImage result(results[f]);
                for (int y = 0; y < mask.height(); ++y)
                    for (int x = 0; x < mask.width(); ++x) {
                        if (qGray(mask.pixel(x, y)) == 0)
                            continue;
                        ++maskedPixels;
                        if (expected.pixel(x, y) != result.pixel(x, y))
                            QFAIL(qPrintable(QStringLiteral("%1, frame %2 (%3, %4): not exact")
                                                 .arg(QString::fromLatin1(model))
                                                 .arg(f)
                                                 .arg(x)
                                                 .arg(y)));
                    }
            }
            QVERIFY(maskedPixels > 10000);
        }
    }

    void depthKindsAgree() {
        std::vector<quint16> depth[2];
        const char* models[2] = {"floor_plane.pt", "floor_plane.pt2"};
        for (int kind = 0; kind < 2; ++kind) {
            const QString folder = path(QStringLiteral("depth_%1").arg(kind));
            const Run r =
                cli({QStringLiteral("export"), project_, QStringLiteral("--shot"),
                     QStringLiteral("Plate"), QStringLiteral("--depth"), QStringLiteral("png16"),
                     QStringLiteral("--depth-model"), path(QString::fromLatin1(models[kind])),
                     QStringLiteral("--out"), folder + QStringLiteral("/d_####.png")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QStringList files = sortedImages(folder);
            QCOMPARE(files.size(), kFrames);
            // Millimetres: 10 m at the top row, 2 m at the bottom.
            const QImage last(files.last());
            QCOMPARE(last.format(), QImage::Format_Grayscale16);
            for (int y = 0; y < kHeight; ++y)
                for (int x : {0, kWidth / 2, kWidth - 1})
                    depth[kind].push_back(
                        reinterpret_cast<const quint16*>(last.constScanLine(y))[x]);
            QVERIFY2(std::abs(int(depth[kind].front()) - 10000) <= 1,
                     qPrintable(QString::number(depth[kind].front())));
            QVERIFY2(std::abs(int(depth[kind].back()) - 2000) <= 1,
                     qPrintable(QString::number(depth[kind].back())));
        }
        for (std::size_t i = 0; i < depth[0].size(); ++i)
            QVERIFY2(std::abs(int(depth[0][i]) - int(depth[1][i])) <= 1,
                     qPrintable(QStringLiteral("%1 vs %2").arg(depth[0][i]).arg(depth[1][i])));
    }

    void badModelsAreRefusedAndChangeNothing() {
        const struct {
            const char* file;
            const char* says;
        } cases[] = {
            {"floor_plane.pt2", "the package takes 1 tensor(s) and gives 1; expected forward("},
            {"fixed_256.pt2", "the model takes a height of 256 px"},
            {"truncated.pt2", "damaged or truncated"},
            {"notes.pt2", "not a model: neither a TorchScript file nor an AOTInductor package"},
            {"weights_only.pt", "a checkpoint saved by torch.save (weights, no code), not a model"},
            {"newer.pt2", "written by a newer PyTorch than Retake's PyTorch"},
            {"absent.pt2", "no such model file"},
            {"cuda_only.pt2", "compiled for CUDA only, and this machine has no CUDA device"},
        };
        const QByteArray before = fileBytes(project_);
        const QStringList filesBefore = filesUnder(dir_.path());
        for (const auto& c : cases) {
            const QString model = path(QString::fromLatin1(c.file));
            if (QString::fromLatin1(c.file) == QLatin1String("cuda_only.pt2") &&
                cli({QStringLiteral("system")}).out.contains(QStringLiteral("cuda:")))
                continue; // a machine with CUDA would try it
            const Run r = regen(model, project_);
            QVERIFY2(r.exitCode == 2,
                     qPrintable(
                         QStringLiteral("%1: exit %2: %3").arg(model).arg(r.exitCode).arg(r.err)));
            const QString says = QString::fromLatin1(c.says);
            if (says != QLatin1String("no such model file"))
                QVERIFY2(r.err.contains(model + QStringLiteral(": ")) && r.err.contains(says),
                         qPrintable(r.err));
            QVERIFY2(!r.err.contains(model + QStringLiteral(": ") + model), qPrintable(r.err));
            QCOMPARE(fileBytes(project_), before);
            QCOMPARE(filesUnder(dir_.path()), filesBefore);
            if (says == QLatin1String("the model takes a height of 256 px"))
                continue; // the check runs it at sizes it accepts
            const Run check = cli({QStringLiteral("model"), QStringLiteral("check"), model,
                                   QStringLiteral("--role"), QStringLiteral("inpainting")});
            QCOMPARE(check.exitCode, 2);
            QVERIFY2(check.err.contains(says), qPrintable(check.err));
        }
        // An inpainting model asked for depth.
        const QString folder = path(QStringLiteral("depth_wrong"));
        const Run depth =
            cli({QStringLiteral("export"), project_, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--depth"), QStringLiteral("png16"),
                 QStringLiteral("--depth-model"), path(QStringLiteral("temporal_mean.pt2")),
                 QStringLiteral("--out"), folder + QStringLiteral("/d_####.png")});
        QCOMPARE(depth.exitCode, 2);
        QVERIFY2(depth.err.contains(QStringLiteral("the package takes 2 tensor(s)")),
                 qPrintable(depth.err));
        QVERIFY(sortedImages(folder).isEmpty());
        QCOMPARE(fileBytes(project_), before);
    }

    void aProjectNeverLoadsTheModelsItNames() {
        // The takes made above name the files in their parameters.
        const QStringList models{path(QStringLiteral("temporal_mean.pt")),
                                 path(QStringLiteral("temporal_mean.pt2"))};
        OpenWatch watch(models);
        QVERIFY2(watch.unwatched().isEmpty(), qPrintable(watch.unwatched().join(QLatin1Char(' '))));
        for (int kind = 0; kind < 2; ++kind) {
            const QString project = kindProject(kind);
            QVERIFY2(QString::fromUtf8(fileBytes(project)).contains(models[kind]),
                     qPrintable(models[kind]));
            const QString out = path(QStringLiteral("again_%1").arg(kind));
            const QList<QStringList> commands = {
                {QStringLiteral("info"), project},
                {QStringLiteral("info"), project, QStringLiteral("--json")},
                {QStringLiteral("export"), project, QStringLiteral("--out"),
                 out + QStringLiteral(".mov")},
                {QStringLiteral("export"), project, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--out"),
                 out + QStringLiteral("/f_####.exr")},
                {QStringLiteral("otio"), QStringLiteral("export"), project, QStringLiteral("--out"),
                 out + QStringLiteral(".otio")},
            };
            for (const QStringList& command : commands) {
                const Run r = cli(command);
                QVERIFY2(r.exitCode == 0, qPrintable(command.join(QLatin1Char(' ')) + r.err));
                const QStringList touched = watch.touched();
                QVERIFY2(touched.isEmpty(),
                         qPrintable(command.join(QLatin1Char(' ')) + QStringLiteral(" opened ") +
                                    touched.join(QLatin1Char(' '))));
            }
        }
        // The watch sees a load: naming the model does load it.
        QCOMPARE(cli({QStringLiteral("model"), QStringLiteral("check"), models[1]}).exitCode, 0);
        QCOMPARE(watch.touched(), QStringList{models[1]});
    }
};

QTEST_GUILESS_MAIN(TestUserModels)
#include "test_usermodels.moc"
