#include "model/project.h"

#include <QFileInfo>
#include <QSet>

namespace retake {

MediaRef MediaRef::fromInfo(const MediaInfo& info) {
    MediaRef m;
    m.path = QFileInfo(info.path).absoluteFilePath();
    m.kind = info.kind;
    m.width = info.width;
    m.height = info.height;
    m.frameRate = info.frameRate;
    m.frameCount = info.frameCount;
    m.colour = info.colour;
    m.hasDepth = info.hasDepth;
    if (info.audio.present()) {
        m.audioSampleRate = info.audio.sampleRate;
        m.audioChannels = info.audio.channels;
    }
    return m;
}

Id newId() {
    return QUuid::createUuid();
}

QString idToString(const Id& id) {
    return id.toString(QUuid::WithoutBraces);
}

bool MediaRef::operator==(const MediaRef& o) const {
    return id == o.id && path == o.path && kind == o.kind && width == o.width &&
           height == o.height && frameRate == o.frameRate && frameCount == o.frameCount &&
           colour == o.colour && audioSampleRate == o.audioSampleRate &&
           audioChannels == o.audioChannels && hasDepth == o.hasDepth &&
           inputSpace == o.inputSpace && online == o.online;
}

bool Take::operator==(const Take& o) const {
    return id == o.id && engine == o.engine && parameters == o.parameters && seed == o.seed &&
           prompt == o.prompt && range == o.range && regenerated == o.regenerated &&
           maskId == o.maskId && created == o.created && framesPath == o.framesPath &&
           modelHash == o.modelHash && author == o.author;
}

bool Camera::operator==(const Camera& o) const {
    return focalLengthMm == o.focalLengthMm && filmbackWidthMm == o.filmbackWidthMm &&
           filmbackHeightMm == o.filmbackHeightMm && focusDistanceM == o.focusDistanceM &&
           fStop == o.fStop && shutterAngleDeg == o.shutterAngleDeg && lens == o.lens &&
           motion == o.motion;
}

const Take* Shot::findTake(const Id& takeId) const {
    for (const auto& take : takes)
        if (take.id == takeId)
            return &take;
    return nullptr;
}

const Take* Shot::activeTakeAt(FrameNumber mediaFrame) const {
    for (auto it = activeTakes.crbegin(); it != activeTakes.crend(); ++it)
        if (it->range.contains(mediaFrame))
            return it->takeId.isNull() ? nullptr : findTake(it->takeId);
    return nullptr;
}

bool Shot::operator==(const Shot& o) const {
    return id == o.id && name == o.name && mediaId == o.mediaId && source == o.source &&
           locks == o.locks && lockCredits == o.lockCredits && masks == o.masks &&
           takes == o.takes && activeTakes == o.activeTakes && camera == o.camera &&
           prompt == o.prompt && notes == o.notes && audioEnabled == o.audioEnabled &&
           blocking == o.blocking && otio == o.otio;
}

bool AudioClip::operator==(const AudioClip& o) const {
    return id == o.id && mediaId == o.mediaId && sourceStart == o.sourceStart &&
           duration == o.duration && timelineStart == o.timelineStart && gainDb == o.gainDb &&
           otio == o.otio;
}

Project Project::createEmpty(const QString& name, Rational rate, int width, int height) {
    Project p;
    p.id = newId();
    p.name = name;
    p.frameRate = rate;
    p.width = width;
    p.height = height;
    Track video;
    video.id = newId();
    video.kind = TrackKind::Video;
    video.name = QStringLiteral("V1");
    Track audio;
    audio.id = newId();
    audio.kind = TrackKind::Audio;
    audio.name = QStringLiteral("A1");
    p.tracks = {video, audio};
    return p;
}

template <class Container, class Value = typename Container::value_type>
static Value* findById(Container& items, const Id& id) {
    for (auto& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

const MediaRef* Project::findMedia(const Id& mediaId) const {
    return findById(const_cast<QVector<MediaRef>&>(media), mediaId);
}
MediaRef* Project::findMedia(const Id& mediaId) {
    return findById(media, mediaId);
}

const MediaRef* Project::findMediaByPath(const QString& absolutePath) const {
    for (const auto& m : media)
        if (m.path == absolutePath)
            return &m;
    return nullptr;
}

const Shot* Project::findShot(const Id& shotId) const {
    return findById(const_cast<QVector<Shot>&>(shots), shotId);
}
Shot* Project::findShot(const Id& shotId) {
    return findById(shots, shotId);
}

const Track* Project::findTrack(const Id& trackId) const {
    return findById(const_cast<QVector<Track>&>(tracks), trackId);
}
Track* Project::findTrack(const Id& trackId) {
    return findById(tracks, trackId);
}

const Track* Project::firstTrack(TrackKind kind) const {
    for (const auto& t : tracks)
        if (t.kind == kind)
            return &t;
    return nullptr;
}

const Shot* Project::resolveShot(const QString& idOrName) const {
    const QString key = idOrName.trimmed();
    if (key.isEmpty())
        return nullptr;
    const QUuid exact = QUuid::fromString(key);
    if (!exact.isNull())
        return findShot(exact);
    const Shot* found = nullptr;
    int matches = 0;
    for (const auto& shot : shots) {
        const bool byPrefix =
            key.size() >= 4 && idToString(shot.id).startsWith(key, Qt::CaseInsensitive);
        if (byPrefix || shot.name == key) {
            found = &shot;
            ++matches;
        }
    }
    return matches == 1 ? found : nullptr;
}

QVector<ShotPlacement> Project::placements(const Id& trackId) const {
    QVector<ShotPlacement> result;
    const Track* track = findTrack(trackId);
    if (!track)
        return result;
    FrameNumber at = 0;
    for (const Id& shotId : track->shots) {
        const Shot* shot = findShot(shotId);
        const FrameNumber length = shot ? shot->duration() : 0;
        result.push_back({shotId, {at, at + length}});
        at += length;
    }
    return result;
}

FrameNumber Project::duration() const {
    FrameNumber longest = 0;
    for (const auto& track : tracks) {
        if (track.kind == TrackKind::Video) {
            const auto placed = placements(track.id);
            if (!placed.isEmpty())
                longest = std::max(longest, placed.back().timeline.end);
        } else {
            for (const auto& clip : track.clips) {
                const FrameNumber end = clip.timelineStart + (clip.duration * frameRate).rounded();
                longest = std::max(longest, end);
            }
        }
    }
    return longest;
}

QStringList Project::consistencyProblems() const {
    QStringList problems;
    QSet<Id> ids;
    auto unique = [&](const Id& id, const QString& what) {
        if (id.isNull())
            problems << QStringLiteral("%1 has a null ID").arg(what);
        else if (ids.contains(id))
            problems << QStringLiteral("%1 reuses ID %2").arg(what, idToString(id));
        ids.insert(id);
    };
    unique(id, QStringLiteral("project"));
    if (!frameRate.isPositive())
        problems << QStringLiteral("frame rate %1 is not positive").arg(frameRate.toString());
    for (const auto& m : media) {
        unique(m.id, QStringLiteral("media %1").arg(m.path));
        if (m.frameCount <= 0)
            problems << QStringLiteral("media %1 has no frames").arg(m.path);
    }
    QMap<Id, int> placedCount;
    for (const auto& track : tracks) {
        unique(track.id, QStringLiteral("track %1").arg(track.name));
        if (track.kind == TrackKind::Audio && !track.shots.isEmpty())
            problems << QStringLiteral("audio track %1 holds shots").arg(track.name);
        for (const Id& shotId : track.shots) {
            placedCount[shotId]++;
            if (!findShot(shotId))
                problems << QStringLiteral("track %1 names a missing shot %2")
                                .arg(track.name, idToString(shotId));
        }
        for (const auto& clip : track.clips) {
            unique(clip.id, QStringLiteral("audio clip"));
            const MediaRef* m = findMedia(clip.mediaId);
            if (!m)
                problems
                    << QStringLiteral("audio clip %1 names missing media").arg(idToString(clip.id));
            else if (!m->hasAudio())
                problems << QStringLiteral("audio clip %1 uses media without audio")
                                .arg(idToString(clip.id));
            if (!clip.duration.isPositive() || clip.sourceStart < Rational(0) ||
                clip.timelineStart < 0)
                problems << QStringLiteral("audio clip %1 has an invalid range")
                                .arg(idToString(clip.id));
        }
    }
    for (const auto& shot : shots) {
        const QString what = QStringLiteral("shot %1").arg(shot.name);
        unique(shot.id, what);
        if (placedCount.value(shot.id) != 1)
            problems << QStringLiteral("%1 is on %2 tracks, not one")
                            .arg(what)
                            .arg(placedCount.value(shot.id));
        const MediaRef* m = findMedia(shot.mediaId);
        if (!m) {
            problems << QStringLiteral("%1 names missing media").arg(what);
            continue;
        }
        if (shot.source.isEmpty() || shot.source.start < 0 || shot.source.end > m->frameCount)
            problems << QStringLiteral("%1 uses frames %2 outside its media (0-%3)")
                            .arg(what, shot.source.toInclusiveString())
                            .arg(m->frameCount - 1);
        if (!shot.locks.isNormalised())
            problems << QStringLiteral("%1 has unmerged lock ranges").arg(what);
        for (const auto& r : shot.locks.ranges())
            if (!shot.source.contains(r))
                problems << QStringLiteral("%1 locks frames %2 outside the shot")
                                .arg(what, r.toInclusiveString());
        for (const auto& mask : shot.masks) {
            unique(mask.id, what + QStringLiteral(" mask"));
            if (mask.range.isEmpty())
                problems << QStringLiteral("%1 has an empty mask range").arg(what);
            if (!mask.isPainted() && !mask.painted.isEmpty())
                problems << QStringLiteral("%1 has a mask with both a file and shapes").arg(what);
            for (const QString& problem : mask.painted.problems(mask.range))
                problems << QStringLiteral("%1 %2").arg(what, problem);
        }
        for (const auto& take : shot.takes) {
            unique(take.id, what + QStringLiteral(" take"));
            if (take.range.isEmpty() || take.range.start < 0 || take.range.end > m->frameCount)
                problems << QStringLiteral("%1 has a take over invalid frames").arg(what);
        }
        for (const auto& sel : shot.activeTakes) {
            if (!sel.takeId.isNull() && !shot.findTake(sel.takeId))
                problems << QStringLiteral("%1 shows a missing take").arg(what);
        }
    }
    return problems;
}

bool Project::operator==(const Project& o) const {
    return id == o.id && name == o.name && frameRate == o.frameRate && width == o.width &&
           height == o.height && settingsFromFirstMedia == o.settingsFromFirstMedia &&
           media == o.media && shots == o.shots && tracks == o.tracks && otio == o.otio;
}

} // namespace retake
