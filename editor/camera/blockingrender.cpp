#include "camera/blockingrender.h"

#include "camera/lens.h"
#include "camera/motion.h"
#include "core/atomicfile.h"
#include "core/error.h"
#include "core/jsonnumbers.h"
#include "core/leftovers.h"
#include "core/progress.h"
#include "core/stagingfolder.h"
#include "core/translate.h"
#include "engines/engineerrors.h"
#include "engines/frameconversion.h"
#include "engines/generationlibrary.h"
#include "media/encode.h"
#include "mediaio/writemedia.h"
#include "model/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace retake {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Written beside every sequence renderBlockingSequence makes.
constexpr const char* kRenderRecordName = ".retake-render.json";

std::array<float, 3> toFloat3(const Vec3& v) {
    return {float(v.x), float(v.y), float(v.z)};
}

// "shot.####.exr" -> "shot.%04d.exr"; printf patterns pass through.
QString printfPattern(const QString& pattern) {
    static const QRegularExpression hashes(QStringLiteral("#+"));
    const QRegularExpressionMatch m = hashes.match(pattern);
    if (!m.hasMatch())
        return pattern;
    QString out = pattern;
    return out.replace(m.capturedStart(), m.capturedLength(),
                       QLatin1String("%0") + QString::number(m.capturedLength()) +
                           QLatin1Char('d')); // not arg(): "%0" would count as a marker
}

} // namespace

generation::BlockingView blockingView(const Camera& camera, const CameraPose& pose, int imageWidth,
                                      int imageHeight, bool depthOfField) {
    const Intrinsics k = intrinsics(camera, imageWidth, imageHeight, pose.focalLengthMm);
    generation::BlockingView v;
    v.width = imageWidth;
    v.height = imageHeight;
    v.fx = k.fx;
    v.fy = k.fy;
    v.cx = k.cx;
    v.cy = k.cy;
    v.k1 = k.k1;
    v.k2 = k.k2;
    v.vignette = camera.lens.vignette;
    if (depthOfField) {
        // Blur circle on the sensor (f / N) f |d - s| / (d (s - f)), in pixels
        // (fx / f per mm): (f / N) fx / (s - f) * |1 - s / d|.
        // The pose's focus distance: a focus pull changes it per frame.
        const double f = pose.focalLengthMm > 0 ? pose.focalLengthMm : camera.focalLengthMm;
        const double focusM = pose.focusDistanceM > 0 ? pose.focusDistanceM : camera.focusDistanceM;
        const double s = focusM * 1000.0;
        v.focusDistanceM = focusM;
        v.dofScalePx = s > f ? f / camera.fStop * k.fx / (s - f) : 0;
    }
    const RigidTransform m = cameraToWorld(pose);
    const double t[3] = {m.t.x, m.t.y, m.t.z};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j)
            v.cameraToWorld[i][j] = m.r[i][j];
        v.cameraToWorld[i][3] = t[i];
    }
    return v;
}

generation::BlockingWorld blockingWorld(const BlockingScene& scene) {
    generation::BlockingWorld w;
    w.ground = scene.ground;
    w.groundColour = toFloat3(scene.groundColour);
    const double az = scene.sunAzimuthDeg * kPi / 180, el = scene.sunElevationDeg * kPi / 180;
    // Same convention as pan: azimuth 0 points along +Y, positive turns left.
    w.sunDirection = {-std::sin(az) * std::cos(el), std::cos(az) * std::cos(el), std::sin(el)};
    w.sunIntensity = float(scene.sunIntensity);
    w.skyColour = toFloat3(scene.skyColour);
    w.shadows = scene.shadows;
    for (const auto& o : scene.objects) {
        generation::BlockingItem item;
        switch (o.shape) {
        case BlockingShape::Box:
        case BlockingShape::Wall:
            item.kind = generation::BlockingKind::Box;
            break;
        case BlockingShape::Cylinder:
            item.kind = generation::BlockingKind::Cylinder;
            break;
        case BlockingShape::Sphere:
            item.kind = generation::BlockingKind::Sphere;
            break;
        case BlockingShape::Person:
            item.kind = generation::BlockingKind::Person;
            break;
        }
        item.id = o.id;
        item.position = {o.position.x, o.position.y, o.position.z};
        item.size = {o.size.x, o.size.y, o.size.z};
        item.yawDeg = o.yawDeg;
        item.colour = toFloat3(o.colour);
        w.items.push_back(item);
    }
    return w;
}

QStringList renderBlockingSequence(const Camera& camera, const BlockingScene& scene,
                                   const BlockingSequenceSettings& settings,
                                   const Progress* progress) {
    if (settings.frames.length() <= 0)
        throw Error(ErrorKind::Usage, tr("Nothing to render: the frame range is empty."));
    if (settings.width <= 0 || settings.height <= 0)
        throw Error(ErrorKind::Usage, tr("The render size must be greater than 0."));
    const QString pattern = printfPattern(QFileInfo(settings.pattern).absoluteFilePath());
    const QFileInfo patternInfo(pattern);
    if (!patternInfo.fileName().contains(QRegularExpression(QStringLiteral("%0?\\d*d"))))
        throw Error(ErrorKind::Usage,
                    tr("%1: a sequence needs a frame number in its name, like block.####.exr")
                        .arg(settings.pattern));
    const bool exr = pattern.endsWith(QLatin1String(".exr"), Qt::CaseInsensitive);
    QDir dir = patternInfo.absoluteDir();
    OutputFolder folder(dir.absolutePath());
    StagingFolder staging = StagingFolder::beside(dir.absolutePath(), QStringLiteral("blocking"));

    const generation::BlockingWorld world = blockingWorld(scene);
    const std::unique_ptr<generation::BlockingRendering> renderer =
        generationBackend().blockingRenderer();
    ImageWriteOptions options;
    options.exrPixelType = ExrPixelType::Float; // depth and colour at full precision
    QStringList names;
    const FrameNumber count = settings.frames.length();
    for (FrameNumber i = 0; i < count; ++i) {
        if (progress)
            progress->checkCancelled();
        const FrameNumber frame = settings.frames.start + i;
        const auto renderAt = [&](double time) {
            const CameraPose pose = evaluatePose(camera, time, settings.frameRate);
            return translateEngineErrors([&] {
                return renderer->render(world,
                                        blockingView(camera, pose, settings.width, settings.height,
                                                     settings.depthOfField));
            });
        };
        generation::BlockingImage render = renderAt(double(frame));
        if (settings.motionBlurSamples > 1) {
            // Sample k at frame + open * ((k + 0.5) / n - 0.5): evenly inside
            // the open shutter, symmetric about the frame.
            const double open = camera.shutterAngleDeg / 360.0;
            const int n = settings.motionBlurSamples;
            std::vector<double> sum(render.rgb.size(), 0.0);
            for (int k = 0; k < n; ++k) {
                const generation::BlockingImage sample =
                    renderAt(double(frame) + open * ((k + 0.5) / n - 0.5));
                for (std::size_t j = 0; j < sum.size(); ++j)
                    sum[j] += sample.rgb[j];
                if (progress)
                    progress->checkCancelled();
            }
            for (std::size_t j = 0; j < sum.size(); ++j)
                render.rgb[j] = float(sum[j] / n);
        }
        const QString name = QString::asprintf(patternInfo.fileName().toUtf8().constData(),
                                               int(settings.firstFileNumber + i));
        writeImageFile(staging.filePath(name), fromBlockingRender(render, exr), options);
        names << name;
        if (progress)
            progress->report(double(i + 1) / double(count) * 0.99, tr("Rendering blocking"));
    }
    // Retake's own record of what it rendered here, so that a re-render
    // trusts this file and never the shape of a path in a project file.
    const QJsonObject record{{"writer", QStringLiteral("Retake " RETAKE_VERSION)},
                             {"kind", QStringLiteral("blocking")},
                             {"pattern", patternInfo.fileName()},
                             {"first", qint64(settings.firstFileNumber)},
                             {"count", qint64(count)},
                             {"width", settings.width},
                             {"height", settings.height}};
    writeFileAtomically(dir.filePath(QLatin1String(kRenderRecordName)),
                        QJsonDocument(record).toJson());
    const QStringList files = staging.moveInto(dir.absolutePath(), names);
    if (progress)
        progress->report(1.0, tr("Done"));
    folder.keep();
    return files;
}

std::optional<BlockingSequenceSettings> findOwnBlockingSequence(const Project& project,
                                                                const Shot& shot) {
    const MediaRef* media = project.findMedia(shot.mediaId);
    static const QRegularExpression number(QStringLiteral("(\\d+)\\.exr$"));
    const QRegularExpressionMatch m = media ? number.match(media->path) : QRegularExpressionMatch();
    if (!m.hasMatch())
        return std::nullopt;
    // Only a folder Retake rendered into, and only the sequence it rendered
    // there: a project file naming some other folder gets no re-render.
    const QDir dir = QFileInfo(media->path).absoluteDir();
    QFile recordFile(dir.filePath(QLatin1String(kRenderRecordName)));
    if (recordFile.size() > 65536 || !recordFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject record = QJsonDocument::fromJson(recordFile.readAll()).object();
    const QString pattern = media->path.mid(dir.absolutePath().size() + 1,
                                            m.capturedStart(1) - dir.absolutePath().size() - 1) +
                            QLatin1String("%0") + QString::number(m.capturedLength(1)) +
                            QLatin1String("d.exr");
    const qint64 first = record.value(QLatin1String("first")).toInteger(-1);
    const qint64 count = record.value(QLatin1String("count")).toInteger(-1);
    const int width = record.value(QLatin1String("width")).toInt(),
              height = record.value(QLatin1String("height")).toInt();
    if (record.value(QLatin1String("kind")).toString() != QLatin1String("blocking") ||
        record.value(QLatin1String("pattern")).toString() != pattern || first < 0 || count <= 0 ||
        count > kMaxFrameNumber || first > kMaxFrameNumber || width <= 0 || height <= 0 ||
        width > 65536 || height > 65536)
        return std::nullopt;
    BlockingSequenceSettings s;
    s.frames = {0, count}; // what Retake rendered, not what the project file claims
    s.frameRate = project.frameRate;
    s.width = width;
    s.height = height;
    s.firstFileNumber = first;
    s.pattern = dir.filePath(pattern);
    return s;
}

BlockingSequenceSettings ownBlockingSequence(const Project& project, const Shot& shot) {
    if (std::optional<BlockingSequenceSettings> own = findOwnBlockingSequence(project, shot))
        return *own;
    throw Error(ErrorKind::Usage,
                tr("Shot \"%1\" has no blocking picture of its own: its media is not an EXR "
                   "sequence that Retake rendered (retake-cli blocking --create records each "
                   "render beside its frames).")
                    .arg(shot.name));
}

} // namespace retake
