// `retake-cli demo`: Retake's main job on the bundled demo shot, and
// `--make-source`, which renders that demo shot (no third-party footage).
#include "democommand.h"

#include "cli.h"
#include "core/progress.h"
#include "export/exporter.h"
#include "media/encode.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "options.h"
#include "projectfile/projectfile.h"
#include "regen/regenerate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace retake::cli {

namespace {

constexpr int kWidth = 432, kHeight = 240, kFrames = 72, kSampleRate = 48000;
const Rational kRate{24};
const QRect kLogoRect{318, 14, 100, 34};

QString resourceDir() {
    const QString besideBinary =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/retake"));
    if (QFileInfo::exists(besideBinary + QStringLiteral("/demo/demo.mp4")))
        return besideBinary;
    return QStringLiteral(RETAKE_RESOURCE_DIR);
}

// A camera trucking right over layered hills with a burnt-in logo in the
// corner: the classic "remove the bug" partial reshoot.
QImage renderDemoFrame(int frame, bool withLogo) {
    QImage image(kWidth, kHeight, QImage::Format_RGB888);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, kHeight);
    sky.setColorAt(0, QColor(70, 120, 190));
    sky.setColorAt(0.6, QColor(230, 170, 120));
    p.fillRect(image.rect(), sky);
    const double t = frame / 24.0;
    const struct {
        double speed, base, amplitude, wavelength;
        QColor colour;
    } layers[] = {{12, 120, 18, 140, QColor(90, 90, 130)},
                  {30, 150, 22, 110, QColor(60, 110, 70)},
                  {70, 185, 16, 80, QColor(40, 80, 40)}};
    for (const auto& layer : layers) {
        QPainterPath hills;
        hills.moveTo(0, kHeight);
        for (int x = 0; x <= kWidth; x += 4) {
            const double u = x + layer.speed * t;
            hills.lineTo(x, layer.base - layer.amplitude * std::sin(u / layer.wavelength * 6.2832) -
                                0.4 * layer.amplitude * std::sin(u / layer.wavelength * 17.0));
        }
        hills.lineTo(kWidth, kHeight);
        p.fillPath(hills, layer.colour);
    }
    // Fence posts in the foreground give strong parallax and texture.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(120, 85, 50));
    for (int k = -2; k < 12; ++k) {
        const double x =
            std::fmod(k * 48 - 110 * t, 48 * 12.0) + (k * 48 - 110 * t < 0 ? 48 * 12.0 : 0) - 48;
        p.drawRect(QRectF(x, 200, 7, 40));
    }
    p.fillRect(QRectF(0, 212, kWidth, 4), QColor(140, 100, 60));
    if (withLogo) {
        p.setBrush(QColor(250, 250, 250, 220));
        p.drawRoundedRect(kLogoRect, 6, 6);
        // Drawn from shapes, not text: the CLI has no font database.
        p.setBrush(QColor(200, 30, 40));
        p.drawEllipse(QRectF(kLogoRect.left() + 8, kLogoRect.top() + 6, 22, 22));
        for (int bar = 0; bar < 4; ++bar)
            p.drawRect(QRectF(kLogoRect.left() + 40 + bar * 14, kLogoRect.top() + 8 + (bar % 2) * 6,
                              9, 18 - (bar % 2) * 6));
    }
    p.end();
    return image;
}

Image toImage(const QImage& qimage) {
    const QImage rgb = qimage.convertToFormat(QImage::Format_RGB888);
    Image image(rgb.width(), rgb.height(), 3, SampleType::UInt8);
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(image.pixels.data() + std::size_t(y) * rgb.width() * 3, rgb.constScanLine(y),
                    std::size_t(rgb.width()) * 3);
    image.colour.primaries = image.colour.transfer = image.colour.matrix = QStringLiteral("bt709");
    image.colour.range = QStringLiteral("tv");
    return image;
}

void makeDemoSource(const QString& dir) {
    QDir().mkpath(dir);
    EncodeSettings settings;
    settings.codec = VideoCodec::H264;
    settings.width = kWidth;
    settings.height = kHeight;
    settings.frameRate = kRate;
    settings.colour.primaries = settings.colour.transfer = settings.colour.matrix =
        QStringLiteral("bt709");
    settings.colour.range = QStringLiteral("tv");
    settings.audioSampleRate = kSampleRate;
    settings.audioChannels = 2;
    auto encoder = createVideoEncoder(QDir(dir).filePath(QStringLiteral("demo.mp4")), settings);
    const std::int64_t samplesPerFrame = kSampleRate / 24;
    for (int f = 0; f < kFrames; ++f) {
        encoder->writeFrame(toImage(renderDemoFrame(f, true)));
        // A soft pad with a click on every second, so sync is audible.
        std::vector<float> audio(std::size_t(samplesPerFrame) * 2);
        for (std::int64_t s = 0; s < samplesPerFrame; ++s) {
            const double time = double(f * samplesPerFrame + s) / kSampleRate;
            const double click =
                (f % 24 == 0 && s < 480) ? 0.5 * std::sin(2 * M_PI * 1000 * time) : 0.0;
            const double pad =
                0.12 * std::sin(2 * M_PI * 220 * time) + 0.06 * std::sin(2 * M_PI * 330 * time);
            audio[std::size_t(s) * 2] = float(pad + click);
            audio[std::size_t(s) * 2 + 1] = float(pad * 0.8 + click);
        }
        encoder->writeAudio(audio.data(), samplesPerFrame);
    }
    encoder->finish();
    QImage mask(kWidth, kHeight, QImage::Format_Grayscale8);
    mask.fill(0);
    QPainter p(&mask);
    p.fillRect(kLogoRect, Qt::white);
    p.end();
    mask.save(QDir(dir).filePath(QStringLiteral("logo-mask.png")));
    printLine(QDir(dir).filePath(QStringLiteral("demo.mp4")));
}

} // namespace

int runDemo(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("make-source"),
                 QStringLiteral("Render the bundled demo media into DIR instead (maintainers)."),
                 QStringLiteral("DIR")});
    if (!parse(p, args,
               QStringLiteral("Retake's main job on the bundled demo: a 3-second shot with a "
                              "burnt-in logo. Creates a project, "
                              "locks the first and last second, masks the logo, regenerates the "
                              "middle second as a take, "
                              "and exports a ProRes movie with audio and an EXR sequence."),
               QStringLiteral("[OUTDIR]")))
        return Ok;
    if (p.isSet(QStringLiteral("make-source"))) {
        makeDemoSource(p.value(QStringLiteral("make-source")));
        return Ok;
    }
    const QString outDir =
        QFileInfo(p.positionalArguments().value(0, QStringLiteral("retake-demo")))
            .absoluteFilePath();
    QDir().mkpath(outDir);
    const QString source = QDir(resourceDir()).filePath(QStringLiteral("demo/demo.mp4"));
    const QString maskFile = QDir(resourceDir()).filePath(QStringLiteral("demo/logo-mask.png"));
    const QString projectPath = QDir(outDir).filePath(QStringLiteral("demo.retake"));

    Document doc(Project::createEmpty(QStringLiteral("Retake demo"), kRate, kWidth, kHeight),
                 projectPath);
    const auto reader = openMedia(source);
    const Id shotId = doc.importMedia(reader->info(), QStringLiteral("Field pan"));
    const Shot& shot = *doc.project().findShot(shotId);
    doc.lockRange(shotId, {0, 24});
    doc.lockRange(shotId, {48, 72});
    const Id maskId = doc.addMask(shotId, maskFile, shot.source, true);
    doc.saveAs(projectPath);
    printStatus(QStringLiteral("demo: project %1 (locked frames 0-23 and 48-71, logo masked)")
                    .arg(projectPath));

    retake::Progress progress(stderrProgress(QStringLiteral("demo")));
    installInterruptHandler(&progress);
    RegenRequest regen;
    regen.shotId = shotId;
    regen.range = {0, kFrames}; // crosses both locked ranges: only 24-47 change
    regen.maskId = maskId;
    regen.seed = 1;
    const RegenResult taken = regenerate(doc.project(), doc.cacheDir(), regen, progress);
    for (const QString& note : taken.notes)
        printStatus(QStringLiteral("note: %1").arg(note));
    const Id takeId = doc.addTake(shotId, taken.take);
    doc.save();
    ExportRequest movie;
    movie.output = QDir(outDir).filePath(QStringLiteral("demo.mov"));
    movie.codec = VideoCodec::ProRes422HQ;
    movie.overwrite = true; // the demo's own folder: a second run replaces the first
    const ExportResult movieResult = exportProject(doc.project(), movie, progress);
    ExportRequest exr;
    exr.output = QDir(outDir).filePath(QStringLiteral("exr/demo_####.exr"));
    exr.overwrite = true;
    const ExportResult exrResult = exportProject(doc.project(), exr, progress);
    installInterruptHandler(nullptr);

    printLine(QStringLiteral("project: %1").arg(projectPath));
    printLine(QStringLiteral("take:    %1 (propagate over frames 24-47, the logo removed)")
                  .arg(idToString(takeId)));
    printLine(QStringLiteral("movie:   %1 (%2 frames%3)")
                  .arg(movieResult.files.value(0))
                  .arg(movieResult.frames)
                  .arg(movieResult.audioWritten ? QStringLiteral(", with audio") : QString()));
    printLine(QStringLiteral("exr:     %1 (%2 files)")
                  .arg(QFileInfo(exrResult.files.value(0)).absolutePath())
                  .arg(exrResult.files.size()));
    return Ok;
}

} // namespace retake::cli
