#include "export/depthexport.h"

#include "core/atomicfile.h"
#include "core/error.h"
#include "core/leftovers.h"
#include "core/stagingfolder.h"
#include "core/translate.h"
#include "export/depthsource.h"
#include "export/outputguard.h"
#include "mediaio/writemedia.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>

namespace retake {

namespace {

bool hasDepth(float metres) {
    return std::isfinite(metres) && metres > 0.0f;
}

// "out/depth_####.png" -> "out/depth.depth.json".
QString sidecarPathFor(const QString& pattern) {
    const QFileInfo info(pattern);
    static const QRegularExpression number(QStringLiteral("[._-]?(#+|%0?\\d*d)"));
    const QString base = QFileInfo(QString(info.fileName()).remove(number)).completeBaseName();
    return info.absoluteDir().filePath((base.isEmpty() ? QStringLiteral("depth") : base) +
                                       QStringLiteral(".depth.json"));
}

struct FrameStats {
    float minM = std::numeric_limits<float>::infinity();
    float maxM = 0;
    qint64 noDepth = 0;
    qint64 clamped = 0;
};

FrameStats statsOf(const DepthPlane& plane) {
    FrameStats s;
    for (float d : plane.metres) {
        if (!hasDepth(d)) {
            ++s.noDepth;
            continue;
        }
        s.minM = std::min(s.minM, d);
        s.maxM = std::max(s.maxM, d);
        if (d > kPng16MaxDepthM)
            ++s.clamped;
    }
    return s;
}

// The file of one frame, in the request's format.
void writeDepthFile(const QString& path, const DepthPlane& plane, const DepthExportRequest& request,
                    double nearM, double farM, const QString& sourceText) {
    Image image;
    image.width = plane.width;
    image.height = plane.height;
    image.channels = 1;
    const std::size_t n = plane.metres.size();
    switch (request.format) {
    case DepthMapFormat::ExrMetres: {
        image.type = SampleType::Float32;
        image.depth.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            image.depth[i] = hasDepth(plane.metres[i]) ? plane.metres[i]
                                                       : std::numeric_limits<float>::infinity();
        ImageWriteOptions options;
        options.exrDepthOnly = true;
        options.exrCompression = request.exrCompression;
        options.exrMetadata = {
            {"retake/depthUnits", "metres along the camera axis"},
            {"retake/depthNoValue", "+inf"},
            {"retake/depthSource", sourceText.toStdString()},
            {"software",
             QStringLiteral("Retake %1").arg(QStringLiteral(RETAKE_VERSION)).toStdString()}};
        writeImageFile(path, image, options);
        return;
    }
    case DepthMapFormat::Png16Millimetres: {
        image.type = SampleType::UInt16;
        image.pixels.resize(n * 2);
        std::uint16_t* out = image.samples<std::uint16_t>();
        for (std::size_t i = 0; i < n; ++i)
            out[i] = depthToMillimetres(plane.metres[i]);
        break;
    }
    case DepthMapFormat::Preview8: {
        image.type = SampleType::UInt8;
        image.pixels.resize(n);
        std::uint8_t* out = image.samples<std::uint8_t>();
        for (std::size_t i = 0; i < n; ++i)
            out[i] = depthToPreview(plane.metres[i], nearM, farM);
        break;
    }
    }
    writeImageFile(path, image);
}

void writeRaw(const QString& path, const DepthPlane& plane) {
    QFile f(path);
    const qint64 bytes = qint64(plane.metres.size() * sizeof(float));
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(reinterpret_cast<const char*>(plane.metres.data()), bytes) != bytes)
        throwOutputError(path, tr("cannot write: %1").arg(f.errorString()));
}

DepthPlane readRaw(const QString& path, int width, int height) {
    DepthPlane plane{width, height, std::vector<float>(std::size_t(width) * height)};
    QFile f(path);
    const qint64 bytes = qint64(plane.metres.size() * sizeof(float));
    if (!f.open(QIODevice::ReadOnly) ||
        f.read(reinterpret_cast<char*>(plane.metres.data()), bytes) != bytes)
        throwOutputError(path, tr("cannot read back: %1").arg(f.errorString()));
    return plane;
}

QJsonObject formatDescription(const DepthExportRequest& request) {
    switch (request.format) {
    case DepthMapFormat::ExrMetres:
        return {{"format", "exr"},
                {"encoding", "OpenEXR, one 32-bit float channel"},
                {"channel", "Z"},
                {"units", "metres"},
                {"noDepthValue", "+inf"}};
    case DepthMapFormat::Png16Millimetres:
        return {{"format", "png16"},
                {"encoding", "16-bit greyscale PNG"},
                {"units", "millimetres"},
                {"noDepthValue", 0},
                {"clampMetres", kPng16MaxDepthM},
                {"clampNote", "depth beyond 65.535 m is written as 65535"}};
    case DepthMapFormat::Preview8:
        return {{"format", "preview"},
                {"encoding", "8-bit greyscale PNG, for viewing only"},
                {"units", "normalised between nearMetres and farMetres"},
                {"noDepthValue", 0},
                {"mapping", "value = 1 + round(254 * (far - depth) / (far - near)), clamped to "
                            "1..255: near = 255 (white), far = 1, no depth = 0 (black); linear "
                            "in depth"}};
    }
    return {};
}

} // namespace

QString toString(DepthMapFormat format) {
    switch (format) {
    case DepthMapFormat::ExrMetres:
        return QStringLiteral("exr");
    case DepthMapFormat::Png16Millimetres:
        return QStringLiteral("png16");
    case DepthMapFormat::Preview8:
        return QStringLiteral("preview");
    }
    return QString();
}

bool depthMapFormatFromString(const QString& text, DepthMapFormat* format) {
    for (DepthMapFormat f :
         {DepthMapFormat::ExrMetres, DepthMapFormat::Png16Millimetres, DepthMapFormat::Preview8})
        if (text.trimmed().toLower() == toString(f)) {
            *format = f;
            return true;
        }
    return false;
}

QString toString(DepthSource source) {
    switch (source) {
    case DepthSource::Auto:
        return QStringLiteral("auto");
    case DepthSource::Model:
        return QStringLiteral("model");
    case DepthSource::Media:
        return QStringLiteral("media");
    case DepthSource::Blocking:
        return QStringLiteral("blocking");
    }
    return QString();
}

bool depthSourceFromString(const QString& text, DepthSource* source) {
    for (DepthSource s :
         {DepthSource::Auto, DepthSource::Model, DepthSource::Media, DepthSource::Blocking})
        if (text.trimmed().toLower() == toString(s)) {
            *source = s;
            return true;
        }
    return false;
}

std::uint16_t depthToMillimetres(float metres, bool* clamped) {
    if (clamped)
        *clamped = false;
    if (!hasDepth(metres))
        return 0;
    const double mm = std::round(double(metres) * 1000.0);
    if (mm > 65535.0) {
        if (clamped)
            *clamped = true;
        return 65535;
    }
    // Depth under half a millimetre still has depth: 0 would say it has none.
    return std::uint16_t(std::max(1.0, mm));
}

std::uint8_t depthToPreview(float metres, double nearM, double farM) {
    if (!hasDepth(metres))
        return 0;
    const double span = farM - nearM;
    const double t = span > 0 ? (farM - double(metres)) / span : 1.0;
    return std::uint8_t(1 + std::lround(254.0 * std::clamp(t, 0.0, 1.0)));
}

namespace {

QStringList targetsOf(const DepthExportRequest& request, const QVector<ExportFrame>& frames) {
    const QString pattern = sequencePrintfPattern(QFileInfo(request.output).absoluteFilePath());
    const QFileInfo patternInfo(pattern);
    QStringList targets;
    for (int i = 0; i < frames.size(); ++i)
        targets << patternInfo.dir().filePath(
            sequenceFileName(patternInfo.fileName(), request.firstFileNumber + i));
    targets << sidecarPathFor(pattern);
    return targets;
}

// The request's own checks and its frames, before any depth source is looked at.
QVector<ExportFrame> checkedDepthFrames(const Project& project, const DepthExportRequest& request) {
    const QString suffix = QFileInfo(request.output).suffix().toLower();
    const bool exr = request.format == DepthMapFormat::ExrMetres;
    if ((exr && suffix != QLatin1String("exr")) || (!exr && suffix != QLatin1String("png")))
        throw Error(ErrorKind::Usage,
                    tr("%1: %2 depth maps are written as .%3 files")
                        .arg(request.output, toString(request.format),
                             exr ? QStringLiteral("exr") : QStringLiteral("png")));
    if (!isSequenceOutput(request.output))
        throw Error(ErrorKind::Usage,
                    tr("%1: depth maps are a sequence and need a frame number in the name, like "
                       "depth_####.%2")
                        .arg(request.output, suffix));
    if (request.nearM.has_value() != request.farM.has_value() ||
        (request.nearM && (!(*request.nearM >= 0) || !(*request.farM > *request.nearM))))
        throw Error(ErrorKind::Usage,
                    tr("Give both the near and the far depth, with 0 <= near < far."));
    ExportRequest frameRequest;
    frameRequest.shotId = request.shotId;
    frameRequest.timelineRange = request.timelineRange;
    const QVector<ExportFrame> frames = exportFrames(project, frameRequest);
    if (frames.isEmpty())
        throw Error(ErrorKind::Usage, tr("Nothing to export: the range holds no frames."));
    checkOutputTargets(project, targetsOf(request, frames), request.overwrite);
    return frames;
}

} // namespace

QStringList depthExportTargets(const Project& project, const DepthExportRequest& request) {
    ExportRequest frameRequest;
    frameRequest.shotId = request.shotId;
    frameRequest.timelineRange = request.timelineRange;
    return targetsOf(request, exportFrames(project, frameRequest));
}

void checkDepthExport(const Project& project, const DepthExportRequest& request) {
    const QVector<ExportFrame> frames = checkedDepthFrames(project, request);
    const DepthProvider provider(project, request, frames);
}

DepthExportResult exportDepthMaps(const Project& project, const DepthExportRequest& request,
                                  Progress& progress) {
    const QVector<ExportFrame> frames = checkedDepthFrames(project, request);
    // Every shot's source is decided (and the model loaded) before any file exists.
    DepthProvider provider(project, request, frames);
    const QString pattern = sequencePrintfPattern(QFileInfo(request.output).absoluteFilePath());
    const QFileInfo patternInfo(pattern);
    QDir dir = patternInfo.absoluteDir();
    OutputFolder folder(dir.absolutePath());
    progress.note(sweepLeftovers(dir.absolutePath()).summary(dir.absolutePath()));
    StagingFolder stage = StagingFolder::beside(dir.absolutePath(), QStringLiteral("depth"));

    // A preview without a given range is scaled to the whole export's depth,
    // known only after the last frame: its frames wait as raw floats.
    const bool deferred = request.format == DepthMapFormat::Preview8 && !request.nearM;
    DepthExportResult result;
    QJsonArray frameEntries;
    QStringList names;
    float nearest = std::numeric_limits<float>::infinity(), farthest = 0;
    int width = 0, height = 0;
    for (int i = 0; i < frames.size();) {
        progress.checkCancelled();
        const Shot& shot = *frames[i].shot;
        int count = 1;
        while (count < provider.batchSize(shot) && i + count < frames.size() &&
               frames[i + count].shot == &shot)
            ++count;
        const std::vector<DepthPlane> planes = provider.compute(frames, i, count);
        for (int k = 0; k < count; ++k, ++i) {
            const DepthPlane& plane = planes[k];
            if (i == 0) {
                width = plane.width;
                height = plane.height;
            } else if (plane.width != width || plane.height != height) {
                throw Error(ErrorKind::Usage,
                            tr("Depth of shot \"%1\" is %2x%3 but the export started at %4x%5; "
                               "export the shot alone with --shot.")
                                .arg(shot.name)
                                .arg(plane.width)
                                .arg(plane.height)
                                .arg(width)
                                .arg(height));
            }
            const FrameStats stats = statsOf(plane);
            nearest = std::min(nearest, stats.minM);
            farthest = std::max(farthest, stats.maxM);
            result.noDepthPixels += stats.noDepth;
            if (request.format == DepthMapFormat::Png16Millimetres)
                result.clampedPixels += stats.clamped;
            const QString name =
                sequenceFileName(patternInfo.fileName(), request.firstFileNumber + i);
            names << name;
            if (deferred)
                writeRaw(stage.filePath(QStringLiteral("raw-%1.f32").arg(i)), plane);
            else
                writeDepthFile(stage.filePath(name), plane, request, request.nearM.value_or(0),
                               request.farM.value_or(0), provider.describe(shot));
            QJsonObject entry{{"file", name},
                              {"shot", shot.name},
                              {"shotFrame", qint64(frames[i].mediaFrame - shot.source.start)},
                              {"mediaFrame", qint64(frames[i].mediaFrame)},
                              {"source", toString(provider.sourceFor(shot))},
                              {"noDepthPixels", stats.noDepth}};
            if (frames[i].timelineFrame >= 0)
                entry.insert("timelineFrame", qint64(frames[i].timelineFrame));
            if (stats.noDepth < qint64(plane.metres.size())) {
                entry.insert("minMetres", double(stats.minM));
                entry.insert("maxMetres", double(stats.maxM));
            }
            if (request.format == DepthMapFormat::Png16Millimetres)
                entry.insert("clampedPixels", stats.clamped);
            if (provider.sourceFor(shot) == DepthSource::Media &&
                shot.activeTakeAt(frames[i].mediaFrame))
                entry.insert("pictureRegenerated", true);
            frameEntries.append(entry);
            progress.report(double(i + 1) / frames.size() * (deferred ? 0.6 : 0.97), tr("Depth"));
        }
    }
    const bool anyDepth = farthest > 0;
    result.nearM = request.nearM.value_or(anyDepth ? nearest : 0);
    result.farM = request.farM.value_or(anyDepth ? farthest : 0);
    if (deferred) {
        for (int i = 0; i < frames.size(); ++i) {
            progress.checkCancelled();
            const QString raw = stage.filePath(QStringLiteral("raw-%1.f32").arg(i));
            writeDepthFile(stage.filePath(names[i]), readRaw(raw, width, height), request,
                           result.nearM, result.farM, QString());
            QFile::remove(raw);
            progress.report(0.6 + 0.37 * double(i + 1) / frames.size(), tr("Preview"));
        }
    }
    result.files << stage.moveInto(dir.absolutePath(), names);

    QJsonArray sources;
    QSet<Id> seen;
    for (const auto& f : frames) {
        if (seen.contains(f.shot->id))
            continue;
        seen.insert(f.shot->id);
        const QString line = provider.describe(*f.shot);
        result.sources << QStringLiteral("%1: %2").arg(f.shot->name, line);
        QJsonObject s{{"shot", f.shot->name},
                      {"shotId", idToString(f.shot->id)},
                      {"source", toString(provider.sourceFor(*f.shot))},
                      {"description", line}};
        if (provider.sourceFor(*f.shot) == DepthSource::Model)
            s.insert("model", QJsonObject{{"path", QFileInfo(request.modelPath).absoluteFilePath()},
                                          {"sha256", provider.modelHash()},
                                          {"device", request.device}});
        sources.append(s);
    }
    if (result.clampedPixels > 0)
        result.warnings << tr("%1 pixels are farther than %2 m and were clamped to 65535 mm.")
                               .arg(result.clampedPixels)
                               .arg(kPng16MaxDepthM);
    if (!anyDepth)
        result.warnings << tr("No pixel of the export has depth (all sky or empty).");

    QJsonObject sidecar = formatDescription(request);
    sidecar.insert("kind", "retake depth map");
    sidecar.insert("software", QStringLiteral("Retake %1").arg(QStringLiteral(RETAKE_VERSION)));
    sidecar.insert("depthIs", "distance along the camera axis (not along the ray), in metres "
                              "before encoding");
    sidecar.insert("pattern", patternInfo.fileName());
    sidecar.insert("width", width);
    sidecar.insert("height", height);
    sidecar.insert("frameRate", project.frameRate.toString());
    sidecar.insert("nearMetres", result.nearM);
    sidecar.insert("farMetres", result.farM);
    sidecar.insert("rangeFrom",
                   request.nearM ? "given" : "the export's nearest and farthest depth");
    if (request.format == DepthMapFormat::Png16Millimetres)
        sidecar.insert("clampedPixels", result.clampedPixels);
    sidecar.insert("noDepthPixels", result.noDepthPixels);
    sidecar.insert("sources", sources);
    sidecar.insert("frames", frameEntries);
    result.sidecar = sidecarPathFor(pattern);
    folder.keep();
    writeFileAtomically(result.sidecar, QJsonDocument(sidecar).toJson());
    result.frames = frames.size();
    progress.report(1.0, tr("Done"));
    return result;
}

} // namespace retake
