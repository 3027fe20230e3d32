#include "export/provenance.h"

#include "core/atomicfile.h"
#include "core/error.h"
#include "core/timecode.h"
#include "mask/maskraster.h"
#include "media/imagesequence.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace retake {

QString toString(FrameOriginKind kind) {
    switch (kind) {
    case FrameOriginKind::Regenerated:
        return QStringLiteral("regenerated");
    case FrameOriginKind::Rendered:
        return QStringLiteral("rendered");
    case FrameOriginKind::Original:
        break;
    }
    return QStringLiteral("original");
}

FrameOriginKind originKindOf(const Take* take) {
    if (!take)
        return FrameOriginKind::Original;
    return take->engine.startsWith(QLatin1String("render")) ? FrameOriginKind::Rendered
                                                            : FrameOriginKind::Regenerated;
}

ProvenanceManifest::ProvenanceManifest(const Project& project, const QString& output)
    : project_(project)
    , output_(output) {}

QString ProvenanceManifest::maskFileFor(const Shot& shot, const Take& take,
                                        FrameNumber mediaFrame) const {
    for (const MaskRef& mask : shot.masks) {
        if (mask.id != take.maskId)
            continue;
        if (mask.isPainted()) {
            // The pixels the take regenerated, kept with it (regen/regenerate.cpp).
            const QString file = QFileInfo(take.framesPath)
                                     .dir()
                                     .filePath(paintedMaskFileName(mediaFrame - take.range.start));
            return QFileInfo::exists(file) ? file
                                           : QStringLiteral("painted:%1").arg(idToString(mask.id));
        }
        if (mask.stationary)
            return mask.path;
        // The mask sequence's file for this frame, as regeneration read it.
        const auto scan = scanSequence(mask.path);
        if (!scan)
            return mask.path;
        return scan->filePath(scan->first + (mediaFrame - mask.range.start));
    }
    return {};
}

void ProvenanceManifest::addFrame(int index, const QString& file, const Shot& shot,
                                  FrameNumber mediaFrame, FrameNumber timelineFrame) {
    const Take* shown = shot.activeTakeAt(mediaFrame);
    // A take's frames that were locked when it ran are copies of the original.
    const Take* take = shown && shown->regenerated.contains(mediaFrame) ? shown : nullptr;
    const FrameOriginKind kind = originKindOf(take);
    ++counts_[int(kind)];
    QJsonObject f{{"index", index},
                  {"shot", idToString(shot.id)},
                  {"shotName", shot.name},
                  {"mediaFrame", qint64(mediaFrame)},
                  {"origin", toString(kind)}};
    if (!file.isEmpty())
        f.insert("file", QFileInfo(file).fileName());
    if (timelineFrame >= 0) {
        f.insert("timelineFrame", qint64(timelineFrame));
        f.insert("timecode", frameToTimecode(timelineFrame, project_.frameRate));
    }
    if (take) {
        const QString takeId = idToString(take->id);
        f.insert("take", takeId);
        const QString mask = maskFileFor(shot, *take, mediaFrame);
        if (!mask.isEmpty())
            f.insert("mask", mask);
        if (!takes_.contains(takeId)) {
            QJsonObject parameters;
            for (auto it = take->parameters.begin(); it != take->parameters.end(); ++it)
                parameters.insert(it.key(), it.value());
            QJsonObject t{
                {"id", takeId},
                {"shot", idToString(shot.id)},
                {"engine", take->engine},
                {"seed", take->seed},
                {"modelHash", take->modelHash},
                {"author", take->author},
                {"prompt", take->prompt},
                {"parameters", parameters},
                {"mediaFrames", QJsonArray{qint64(take->range.start), qint64(take->range.end)}},
                {"created", take->created.toString(Qt::ISODate)}};
            if (!take->maskId.isNull())
                t.insert("maskId", idToString(take->maskId));
            takes_.insert(takeId, t);
        }
    }
    if (frames_.size() <= index)
        frames_.resize(index + 1);
    frames_[index] = f;
}

QString ProvenanceManifest::frameSummary(int index) const {
    const QJsonObject f = frames_.value(index);
    const QString origin = f.value("origin").toString();
    if (!f.contains("take"))
        return origin;
    const QJsonObject t = takes_.value(f.value("take").toString());
    QString s = QStringLiteral("%1 take=%2 engine=%3 seed=%4")
                    .arg(origin, t.value("id").toString(), t.value("engine").toString())
                    .arg(qint64(t.value("seed").toDouble()));
    if (!t.value("modelHash").toString().isEmpty())
        s += QStringLiteral(" model=%1").arg(t.value("modelHash").toString());
    if (f.contains("mask"))
        s += QStringLiteral(" mask=%1").arg(f.value("mask").toString());
    return s;
}

QJsonObject ProvenanceManifest::toJson() const {
    QJsonArray frames, takes;
    for (const auto& f : frames_)
        frames.append(f);
    for (const auto& t : takes_)
        takes.append(t);
    QJsonObject colour;
    for (auto it = colour_.begin(); it != colour_.end(); ++it)
        colour.insert(it.key(), it.value());
    QJsonObject o{
        {"schema", "retake.provenance/1"},
        {"retakeVersion", QStringLiteral(RETAKE_VERSION)},
        {"created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {"project", QJsonObject{{"id", idToString(project_.id)}, {"name", project_.name}}},
        {"output", output_},
        {"frameRate", project_.frameRate.toString()},
        {"summary", QJsonObject{{"original", counts_[0]},
                                {"regenerated", counts_[1]},
                                {"rendered", counts_[2]}}},
        {"takes", takes},
        {"frames", frames}};
    if (!colour.isEmpty())
        o.insert("colour", colour);
    return o;
}

void ProvenanceManifest::write(const QString& path) const {
    // Temporary name, then rename: a symlink at the sidecar's name is
    // replaced, never followed to overwrite what it points at.
    writeFileAtomically(path, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

QString ProvenanceManifest::sidecarPathFor(const QString& output, bool sequence) {
    const QFileInfo info(output);
    if (!sequence)
        return info.absoluteFilePath() + QStringLiteral(".provenance.json");
    // Drop the frame number field and the extension, and the separator before it.
    static const QRegularExpression number(QStringLiteral("[._-]?(#+|%0?\\d*d)"));
    const QString base = QFileInfo(QString(info.fileName()).remove(number)).completeBaseName();
    return info.absoluteDir().filePath((base.isEmpty() ? QStringLiteral("frames") : base) +
                                       QStringLiteral(".provenance.json"));
}

} // namespace retake
