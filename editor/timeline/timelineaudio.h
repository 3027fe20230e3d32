#pragma once

// The timeline's sound, for playback and for export alike: each shot's own
// audio under its picture (when the shot plays its audio) plus the clips of
// the unmuted audio tracks, mixed at one sample rate and channel count. Frame
// f owns the samples [sampleAtFrame(f), sampleAtFrame(f + 1)), computed
// exactly, so sound and picture never drift apart over a long timeline. Not
// thread-safe (it keeps one reader per file): one per thread.

#include "media/media.h"
#include "model/project.h"

#include <memory>
#include <unordered_map>
#include <vector>

namespace retake {

class TimelineAudio {
public:
    // Throws Error(BadInput) naming the file whose audio format differs from
    // the first one's (mixing formats is not supported).
    // The whole timeline: the first video track's shots and the audio tracks.
    explicit TimelineAudio(Project project);
    // One shot alone, without the audio tracks, on its own timeline: frame 0
    // is the first frame of the shot's source range.
    static TimelineAudio forShot(Project project, Id shotId);

    bool hasAudio() const { return sampleRate_ > 0; }
    int sampleRate() const { return sampleRate_; }
    int channels() const { return channels_; }
    // The sample at the start of a timeline frame.
    std::int64_t sampleAtFrame(FrameNumber frame) const;
    // `count` frames of interleaved samples from timeline sample `start`;
    // silence where nothing plays.
    std::vector<float> read(std::int64_t start, std::int64_t count);
    // The samples frame `frame` owns.
    std::vector<float> readFrame(FrameNumber frame);

private:
    TimelineAudio(Project project, QVector<ShotPlacement> pictures, bool withAudioTracks);
    void consider(const MediaRef& media);
    void addFrom(const MediaRef& media, std::int64_t sourceStart, std::int64_t count, float gain,
                 float* into);

    Project project_;
    QVector<ShotPlacement> placements_;
    bool withAudioTracks_ = true;
    int sampleRate_ = 0;
    int channels_ = 0;
    std::unordered_map<std::string, std::unique_ptr<AudioReader>> readers_;
};

} // namespace retake
