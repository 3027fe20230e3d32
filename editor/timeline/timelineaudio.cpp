#include "timeline/timelineaudio.h"

#include "core/error.h"
#include "core/translate.h"
#include "mediaio/openmedia.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace retake {

namespace {

QVector<ShotPlacement> timelinePictures(const Project& project) {
    if (const Track* video = project.firstTrack(TrackKind::Video))
        return project.placements(video->id);
    return {};
}

} // namespace

TimelineAudio::TimelineAudio(Project project)
    : TimelineAudio(project, timelinePictures(project), true) {}

TimelineAudio TimelineAudio::forShot(Project project, Id shotId) {
    QVector<ShotPlacement> pictures;
    if (const Shot* shot = project.findShot(shotId))
        pictures.push_back({shotId, FrameRange{0, shot->source.length()}});
    return TimelineAudio(std::move(project), std::move(pictures), false);
}

TimelineAudio::TimelineAudio(Project project, QVector<ShotPlacement> pictures, bool withAudioTracks)
    : project_(std::move(project))
    , placements_(std::move(pictures))
    , withAudioTracks_(withAudioTracks) {
    for (const ShotPlacement& placed : placements_) {
        const Shot* shot = project_.findShot(placed.shotId);
        const MediaRef* media = shot ? project_.findMedia(shot->mediaId) : nullptr;
        if (shot && shot->audioEnabled && media && media->hasAudio() && media->online)
            consider(*media);
    }
    if (!withAudioTracks_)
        return;
    for (const Track& track : project_.tracks)
        if (track.kind == TrackKind::Audio && !track.muted)
            for (const AudioClip& clip : track.clips)
                if (const MediaRef* media = project_.findMedia(clip.mediaId);
                    media && media->online && media->hasAudio())
                    consider(*media);
}

void TimelineAudio::consider(const MediaRef& media) {
    if (sampleRate_ == 0) {
        sampleRate_ = media.audioSampleRate;
        channels_ = media.audioChannels;
    } else if (media.audioSampleRate != sampleRate_ || media.audioChannels != channels_) {
        throwBadInput(media.path, tr("has %1 Hz %2-channel audio but the timeline plays "
                                     "%3 Hz %4-channel; mixing audio formats is not supported")
                                      .arg(media.audioSampleRate)
                                      .arg(media.audioChannels)
                                      .arg(sampleRate_)
                                      .arg(channels_));
    }
}

std::int64_t TimelineAudio::sampleAtFrame(FrameNumber frame) const {
    if (!hasAudio())
        return 0;
    return (Rational(frame) * Rational(sampleRate_) / project_.frameRate).floored();
}

void TimelineAudio::addFrom(const MediaRef& media, std::int64_t sourceStart, std::int64_t count,
                            float gain, float* into) {
    auto& reader = readers_[media.path.toStdString()];
    if (!reader)
        reader = openAudio(media.path);
    if (!reader || count <= 0)
        return;
    const std::vector<float> samples = reader->read(std::max<std::int64_t>(0, sourceStart), count);
    const std::size_t n = std::min(samples.size(), std::size_t(count) * channels_);
    for (std::size_t i = 0; i < n; ++i)
        into[i] += gain * samples[i];
}

std::vector<float> TimelineAudio::read(std::int64_t start, std::int64_t count) {
    std::vector<float> mix(std::size_t(std::max<std::int64_t>(0, count)) * channels_, 0.0f);
    if (!hasAudio() || count <= 0)
        return mix;
    const Rational rate(sampleRate_);
    const std::int64_t end = start + count;
    // Each shot's sound starts where its picture does.
    for (const ShotPlacement& placed : placements_) {
        const Shot* shot = project_.findShot(placed.shotId);
        const MediaRef* media = shot ? project_.findMedia(shot->mediaId) : nullptr;
        if (!shot || !shot->audioEnabled || !media || !media->hasAudio() || !media->online)
            continue;
        const std::int64_t from = std::max(start, sampleAtFrame(placed.timeline.start));
        const std::int64_t to = std::min(end, sampleAtFrame(placed.timeline.end));
        if (to <= from)
            continue;
        const std::int64_t mediaStart =
            (Rational(shot->source.start) * rate / media->frameRate).floored();
        addFrom(*media, mediaStart + (from - sampleAtFrame(placed.timeline.start)), to - from, 1.0f,
                mix.data() + (from - start) * channels_);
    }
    for (const Track& track : project_.tracks) {
        if (!withAudioTracks_ || track.kind != TrackKind::Audio || track.muted)
            continue;
        for (const AudioClip& clip : track.clips) {
            const MediaRef* media = project_.findMedia(clip.mediaId);
            if (!media || !media->online || !media->hasAudio())
                continue;
            const std::int64_t clipStart = sampleAtFrame(clip.timelineStart);
            const std::int64_t clipLength = (clip.duration * rate).floored();
            const std::int64_t from = std::max(start, clipStart);
            const std::int64_t to = std::min(end, clipStart + clipLength);
            if (to <= from)
                continue;
            addFrom(*media, (clip.sourceStart * rate).floored() + (from - clipStart), to - from,
                    float(std::pow(10.0, clip.gainDb / 20.0)),
                    mix.data() + (from - start) * channels_);
        }
    }
    return mix;
}

std::vector<float> TimelineAudio::readFrame(FrameNumber frame) {
    const std::int64_t start = sampleAtFrame(frame);
    return read(start, sampleAtFrame(frame + 1) - start);
}

} // namespace retake
