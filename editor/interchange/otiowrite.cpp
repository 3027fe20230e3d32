// Writing OpenTimelineIO JSON: Retake's exact values ride along in
// metadata["retake"]; times are (value, rate) pairs other tools read.

#include "core/atomicfile.h"
#include "core/translate.h"
#include "interchange/otio.h"
#include "mask/maskjson.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <algorithm>

namespace retake {

namespace {


QJsonObject rationalTime(double value, Rational rate) {
    return {{"OTIO_SCHEMA", "RationalTime.1"}, {"rate", rate.toDouble()}, {"value", value}};
}

QJsonObject timeRange(double start, double duration, Rational rate) {
    return {{"OTIO_SCHEMA", "TimeRange.1"},
            {"start_time", rationalTime(start, rate)},
            {"duration", rationalTime(duration, rate)}};
}

// Items share these fields; OTIO's reader wants every one present.
QJsonObject item(const char* schema, const QString& name, const QJsonObject& retake) {
    return {{"OTIO_SCHEMA", schema},
            {"name", name},
            {"metadata", retake.isEmpty() ? QJsonObject() : QJsonObject{{"retake", retake}}},
            {"source_range", QJsonValue::Null},
            {"effects", QJsonArray()},
            {"markers", QJsonArray()},
            {"enabled", true}};
}

QJsonObject externalReference(const MediaRef& media, double duration, Rational rate) {
    return {{"OTIO_SCHEMA", "ExternalReference.1"},
            {"name", QFileInfo(media.path).fileName()},
            {"metadata",
             QJsonObject{{"retake", QJsonObject{{"mediaId", idToString(media.id)},
                                                {"frameRate", media.frameRate.toString()}}}}},
            {"available_range", duration > 0 ? QJsonValue(timeRange(0, duration, rate))
                                             : QJsonValue(QJsonValue::Null)},
            {"available_image_bounds", QJsonValue::Null},
            {"target_url", QUrl::fromLocalFile(media.path).toString()}};
}

QJsonArray rangeJson(FrameRange r) {
    return {qint64(r.start), qint64(r.end)};
}

QJsonArray regeneratedJson(const Take& t) {
    QJsonArray ranges;
    for (const FrameRange& r : t.regenerated.ranges())
        ranges.append(rangeJson(r));
    return ranges;
}

QJsonObject cameraJson(const Camera& c) {
    return {{"focalLengthMm", c.focalLengthMm},
            {"filmbackWidthMm", c.filmbackWidthMm},
            {"filmbackHeightMm", c.filmbackHeightMm},
            {"focusDistanceM", c.focusDistanceM},
            {"fStop", c.fStop},
            {"shutterAngleDeg", c.shutterAngleDeg}};
}

QJsonObject shotMetadata(const Shot& shot) {
    QJsonArray takes, active, masks;
    for (const Take& t : shot.takes) {
        QJsonObject params;
        for (auto it = t.parameters.begin(); it != t.parameters.end(); ++it)
            params.insert(it.key(), it.value());
        takes.append(QJsonObject{{"id", idToString(t.id)},
                                 {"engine", t.engine},
                                 {"parameters", params},
                                 {"seed", QString::number(t.seed)}, // 64-bit exact
                                 {"prompt", t.prompt},
                                 {"range", rangeJson(t.range)},
                                 {"regenerated", regeneratedJson(t)},
                                 {"maskId", t.maskId.isNull() ? QString() : idToString(t.maskId)},
                                 {"created", t.created.toString(Qt::ISODateWithMs)},
                                 {"framesPath", t.framesPath},
                                 {"modelHash", t.modelHash}});
    }
    for (const TakeSelection& s : shot.activeTakes)
        active.append(
            QJsonObject{{"range", rangeJson(s.range)},
                        {"takeId", s.takeId.isNull() ? QString() : idToString(s.takeId)}});
    for (const MaskRef& m : shot.masks) {
        QJsonObject mask{{"id", idToString(m.id)},
                         {"path", m.path},
                         {"range", rangeJson(m.range)},
                         {"stationary", m.stationary}};
        if (m.isPainted())
            mask.insert("painted", paintedMaskToJson(m.painted));
        masks.append(mask);
    }
    return {{"shotId", idToString(shot.id)},
            {"mediaId", idToString(shot.mediaId)},
            {"source", rangeJson(shot.source)},
            {"prompt", shot.prompt},
            {"notes", shot.notes},
            {"audioEnabled", shot.audioEnabled},
            {"camera", cameraJson(shot.camera)},
            {"masks", masks},
            {"takes", takes},
            {"activeTakes", active}};
}

QJsonObject shotClip(const Project& project, const Shot& shot) {
    const MediaRef& media = *project.findMedia(shot.mediaId);
    // Clip times are media frames at the media's rate, so they read right in
    // any OTIO tool; Retake plays them frame for frame at the project rate.
    const Rational rate = media.frameRate;
    QJsonObject clip = item("Clip.2", shot.name, shotMetadata(shot));
    clip.insert("source_range",
                timeRange(double(shot.source.start), double(shot.duration()), rate));
    QJsonArray markers;
    for (const FrameRange& lock : shot.locks.ranges())
        markers.append(QJsonObject{
            {"OTIO_SCHEMA", "Marker.2"},
            {"name", "locked"},
            {"metadata", QJsonObject{{"retake", QJsonObject{{"kind", "lock"}}}}},
            {"color", "RED"},
            {"marked_range", timeRange(double(lock.start), double(lock.length()), rate)},
            {"comment", tr("Locked: regeneration never changes these frames")}});
    clip.insert("markers", markers);
    clip.insert("media_references",
                QJsonObject{{kOtioDefaultMediaKey, externalReference(media, double(media.frameCount), rate)}});
    clip.insert("active_media_reference_key", kOtioDefaultMediaKey);
    return clip;
}

QJsonObject videoTrack(const Project& project, const Track& track) {
    QJsonObject t = item("Track.1", track.name,
                         QJsonObject{{"trackId", idToString(track.id)}, {"muted", track.muted}});
    QJsonArray children;
    for (const Id& id : track.shots)
        children.append(shotClip(project, *project.findShot(id)));
    t.insert("children", children);
    t.insert("kind", "Video");
    t.insert("enabled", !track.muted);
    return t;
}

// OTIO tracks are sequential, so overlapping audio clips go to extra tracks
// ("lanes") after the first. Times are at the media's sample rate, so every
// audio position is exact.
QVector<QJsonObject> audioTracks(const Project& project, const Track& track) {
    QVector<AudioClip> clips = track.clips;
    std::stable_sort(clips.begin(), clips.end(), [](const AudioClip& a, const AudioClip& b) {
        return a.timelineStart < b.timelineStart;
    });
    struct Lane {
        QJsonArray children;
        Rational end{0}; // seconds
    };
    QVector<Lane> lanes;
    for (const AudioClip& c : clips) {
        const MediaRef& media = *project.findMedia(c.mediaId);
        const Rational rate =
            media.audioSampleRate > 0 ? Rational(media.audioSampleRate) : project.frameRate;
        const Rational start = frameToSeconds(c.timelineStart, project.frameRate);
        Lane* lane = nullptr;
        for (Lane& l : lanes)
            if (l.end <= start) {
                lane = &l;
                break;
            }
        if (!lane) {
            lanes.push_back({});
            lane = &lanes.back();
        }
        if (lane->end < start) {
            QJsonObject gap = item("Gap.1", QString(), {});
            gap.insert("source_range", timeRange(0, ((start - lane->end) * rate).toDouble(), rate));
            lane->children.append(gap);
        }
        QJsonObject clip = item("Clip.2", QFileInfo(media.path).fileName(),
                                QJsonObject{{"clipId", idToString(c.id)},
                                            {"mediaId", idToString(c.mediaId)},
                                            {"timelineStart", qint64(c.timelineStart)},
                                            {"sourceStart", c.sourceStart.toString()},
                                            {"duration", c.duration.toString()},
                                            {"gainDb", c.gainDb}});
        clip.insert("source_range", timeRange((c.sourceStart * rate).toDouble(),
                                              (c.duration * rate).toDouble(), rate));
        const Rational mediaSeconds =
            media.frameCount > 0 ? Rational(media.frameCount) / media.frameRate : Rational(0);
        clip.insert("media_references",
                    QJsonObject{{kOtioDefaultMediaKey, externalReference(
                                                media, (mediaSeconds * rate).toDouble(), rate)}});
        clip.insert("active_media_reference_key", kOtioDefaultMediaKey);
        lane->children.append(clip);
        lane->end = start + c.duration;
    }
    if (lanes.isEmpty())
        lanes.push_back({});
    QVector<QJsonObject> tracks;
    for (int i = 0; i < lanes.size(); ++i) {
        QJsonObject t = item(
            "Track.1", i == 0 ? track.name : QStringLiteral("%1 (%2)").arg(track.name).arg(i + 1),
            QJsonObject{{"trackId", idToString(track.id)}, {"muted", track.muted}, {"lane", i}});
        t.insert("children", lanes[i].children);
        t.insert("kind", "Audio");
        t.insert("enabled", !track.muted);
        tracks.push_back(t);
    }
    return tracks;
}

} // namespace

QJsonObject projectToOtio(const Project& project) {
    QJsonArray tracks;
    for (const Track& track : project.tracks) {
        if (track.kind == TrackKind::Video)
            tracks.append(videoTrack(project, track));
        else
            for (const QJsonObject& t : audioTracks(project, track))
                tracks.append(t);
    }
    QJsonObject stack = item("Stack.1", QStringLiteral("tracks"), {});
    stack.insert("children", tracks);
    return {
        {"OTIO_SCHEMA", "Timeline.1"},
        {"name", project.name},
        {"metadata", QJsonObject{{"retake", QJsonObject{{"projectId", idToString(project.id)},
                                                        {"frameRate", project.frameRate.toString()},
                                                        {"width", project.width},
                                                        {"height", project.height}}}}},
        {"global_start_time", rationalTime(0, project.frameRate)},
        {"tracks", stack}};
}

void writeOtioFile(const Project& project, const QString& path) {
    writeFileAtomically(path,
                        QJsonDocument(projectToOtio(project)).toJson(QJsonDocument::Indented));
}

} // namespace retake
