// Writing .otio through OpenTimelineIO's library: Retake's exact values ride
// along in metadata["retake"]; times are rational times other tools read;
// what an import kept of another tool's file (the `otio` fields) is the
// starting point of each object, so it goes back out untouched.

#include "core/atomicfile.h"
#include "core/error.h"
#include "core/translate.h"
#include "interchange/otio.h"
#include "interchange/otiojson.h"
#include "interchange/otioretakemeta.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QUrl>
#include <algorithm>
#include <opentimelineio/clip.h>
#include <opentimelineio/externalReference.h>
#include <opentimelineio/gap.h>
#include <opentimelineio/imageSequenceReference.h>
#include <opentimelineio/marker.h>
#include <opentimelineio/stack.h>
#include <opentimelineio/timeline.h>
#include <opentimelineio/track.h>

namespace retake {

namespace {

otio::RationalTime rationalTime(double value, Rational rate) {
    return otio::RationalTime(value, rate.toDouble());
}

otio::TimeRange timeRange(double start, double duration, Rational rate) {
    return otio::TimeRange(rationalTime(start, rate), rationalTime(duration, rate));
}

void setRetakeMetadata(otio::SerializableObjectWithMetadata* object, const QJsonObject& retake) {
    object->metadata()["retake"] = otioDictionary(retake);
}

// The object an import kept (model/project.h's `otio` fields), when it is a T.
template <class T> OtioRetainer<T> kept(const QString& text) {
    return text.isEmpty() ? OtioRetainer<T>() : otioFromText<T>(text);
}

// The clip's media. An offline clip that came from an import keeps the
// reference its file gave it, untouched (a MissingReference or
// GeneratorReference stays one; an ExternalReference keeps its URL as the
// other tool wrote it and its available range); relinked, the media is
// online and gets a file reference to the media as found on disk.
void setMediaReference(otio::Clip* clip, bool fromImport, const MediaRef& media, double duration,
                       Rational rate) {
    const QJsonObject retake{{"mediaId", idToString(media.id)},
                             {"frameRate", media.frameRate.toString()}};
    otio::MediaReference* current = fromImport ? clip->media_reference() : nullptr;
    auto* external = dynamic_cast<otio::ExternalReference*>(current);
    if (!media.online && current) {
        setRetakeMetadata(current, retake);
        return;
    }
    OtioRetainer<otio::ExternalReference> fresh;
    if (!external) {
        fresh = new otio::ExternalReference();
        external = fresh;
    }
    external->set_name(toStd(QFileInfo(media.path).fileName()));
    external->set_target_url(toStd(QUrl::fromLocalFile(media.path).toString()));
    external->set_available_range(duration > 0 ? std::optional(timeRange(0, duration, rate))
                                               : std::nullopt);
    setRetakeMetadata(external, retake);
    if (fresh)
        clip->set_media_reference(fresh);
}

// A gap goes back out as a gap (with what the imported one carried).
OtioRetainer<otio::Item> gapItem(const Project& project, const Shot& shot) {
    const MediaRef* media = project.findMedia(shot.mediaId);
    if (!media || !media->isGap())
        return {};
    OtioRetainer<otio::Gap> gap = kept<otio::Gap>(shot.otio);
    if (!gap)
        gap = new otio::Gap();
    gap->set_source_range(timeRange(0, double(shot.duration()), project.frameRate));
    return OtioRetainer<otio::Item>(gap.value);
}

OtioRetainer<otio::Item> shotItem(const Project& project, const Shot& shot) {
    if (OtioRetainer<otio::Item> gap = gapItem(project, shot))
        return gap;
    const MediaRef& media = *project.findMedia(shot.mediaId);
    // Clip times are media frames at the media's rate, so they read right in
    // any OTIO tool; Retake plays them frame for frame at the project rate.
    const Rational rate = media.frameRate;
    OtioRetainer<otio::Clip> clip = kept<otio::Clip>(shot.otio);
    if (!clip)
        clip = new otio::Clip();
    clip->set_name(toStd(shot.name));
    setRetakeMetadata(clip, OtioRetakeMeta::shotMetadata(shot));
    clip->set_source_range(timeRange(double(shot.source.start), double(shot.duration()), rate));
    for (const FrameRange& lock : shot.locks.ranges())
        clip->markers().push_back(new otio::Marker(
            "locked", timeRange(double(lock.start), double(lock.length()), rate),
            otio::Marker::Color::red, otioDictionary({{"retake", QJsonObject{{"kind", "lock"}}}}),
            toStd(tr("Locked: regeneration never changes these frames"))));
    setMediaReference(clip, !shot.otio.isEmpty(), media, double(media.frameCount), rate);
    return OtioRetainer<otio::Item>(clip.value);
}

OtioRetainer<otio::Track> track(const Track& from, const char* kind, const QString& name,
                                const QJsonObject& retake) {
    OtioRetainer<otio::Track> t = kept<otio::Track>(from.otio);
    if (!t)
        t = new otio::Track();
    t->clear_children();
    t->set_name(toStd(name));
    t->set_kind(kind);
    t->set_enabled(!from.muted);
    setRetakeMetadata(t, retake);
    return t;
}

OtioRetainer<otio::Track> videoTrack(const Project& project, const Track& from) {
    OtioRetainer<otio::Track> t =
        track(from, otio::Track::Kind::video, from.name,
              QJsonObject{{"trackId", idToString(from.id)}, {"muted", from.muted}});
    for (const Id& id : from.shots)
        t->append_child(shotItem(project, *project.findShot(id)));
    return t;
}

// OTIO tracks are sequential, so overlapping audio clips go to extra tracks
// ("lanes") after the first. Times are at the media's sample rate, so every
// audio position is exact.
QVector<OtioRetainer<otio::Track>> audioTracks(const Project& project, const Track& from) {
    QVector<AudioClip> clips = from.clips;
    std::stable_sort(clips.begin(), clips.end(), [](const AudioClip& a, const AudioClip& b) {
        return a.timelineStart < b.timelineStart;
    });
    struct Lane {
        OtioRetainer<otio::Track> track;
        Rational end{0}; // seconds
    };
    QVector<Lane> lanes;
    const auto addLane = [&] {
        const int i = lanes.size();
        lanes.push_back(
            {track(
                 from, otio::Track::Kind::audio,
                 i == 0 ? from.name : QStringLiteral("%1 (%2)").arg(from.name).arg(i + 1),
                 QJsonObject{{"trackId", idToString(from.id)}, {"muted", from.muted}, {"lane", i}}),
             Rational(0)});
        return &lanes.back();
    };
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
        if (!lane)
            lane = addLane();
        if (lane->end < start)
            lane->track->append_child(
                new otio::Gap(timeRange(0, ((start - lane->end) * rate).toDouble(), rate)));
        OtioRetainer<otio::Clip> clip = kept<otio::Clip>(c.otio);
        if (!clip)
            clip = new otio::Clip();
        if (c.otio.isEmpty()) // else the name the clip came with
            clip->set_name(toStd(QFileInfo(media.path).fileName()));
        setRetakeMetadata(clip, QJsonObject{{"clipId", idToString(c.id)},
                                            {"mediaId", idToString(c.mediaId)},
                                            {"timelineStart", qint64(c.timelineStart)},
                                            {"sourceStart", c.sourceStart.toString()},
                                            {"duration", c.duration.toString()},
                                            {"gainDb", c.gainDb}});
        clip->set_source_range(
            timeRange((c.sourceStart * rate).toDouble(), (c.duration * rate).toDouble(), rate));
        const Rational mediaSeconds =
            media.frameCount > 0 ? Rational(media.frameCount) / media.frameRate : Rational(0);
        setMediaReference(clip, !c.otio.isEmpty(), media, (mediaSeconds * rate).toDouble(), rate);
        lane->track->append_child(clip);
        lane->end = start + c.duration;
    }
    if (lanes.isEmpty())
        addLane();
    QVector<OtioRetainer<otio::Track>> tracks;
    for (const Lane& lane : lanes)
        tracks.push_back(lane.track);
    return tracks;
}

} // namespace

QByteArray projectToOtio(const Project& project) {
    OtioRetainer<otio::Timeline> timeline = kept<otio::Timeline>(project.otio);
    if (!timeline)
        timeline = new otio::Timeline(std::string(), rationalTime(0, project.frameRate));
    timeline->set_name(toStd(project.name));
    setRetakeMetadata(timeline, QJsonObject{{"projectId", idToString(project.id)},
                                            {"frameRate", project.frameRate.toString()},
                                            {"width", project.width},
                                            {"height", project.height}});
    if (!timeline->tracks())
        timeline->set_tracks(new otio::Stack("tracks"));
    otio::Stack* stack = timeline->tracks();
    stack->clear_children();
    for (const Track& t : project.tracks) {
        if (t.kind == TrackKind::Video)
            stack->append_child(videoTrack(project, t));
        else
            for (const OtioRetainer<otio::Track>& lane : audioTracks(project, t))
                stack->append_child(lane);
    }
    otio::ErrorStatus error;
    const std::string json = timeline->to_json_string(&error, nullptr, 4);
    if (otio::is_error(error))
        throw Error(ErrorKind::Internal, tr("OpenTimelineIO could not write the timeline: %1")
                                             .arg(fromStd(error.full_description)));
    return QByteArray::fromStdString(json);
}

void writeOtioFile(const Project& project, const QString& path) {
    writeFileAtomically(path, projectToOtio(project));
}

} // namespace retake
