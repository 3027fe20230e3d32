#pragma once

// The loudness outline of a media file's audio, for drawing waveforms: the
// largest absolute sample over all channels in each bucket of time. Read
// once per file, in blocks, off the UI thread (the timeline's waveform cache
// asks for it), so a long file never sits in memory whole.

#include <QString>
#include <atomic>
#include <vector>

namespace retake {

struct AudioPeaks {
    int bucketsPerSecond = 0;
    std::vector<float> peak; // 0..1 (clipped), one per bucket from the file's start

    bool empty() const { return peak.empty(); }
    // The largest peak over [fromSeconds, toSeconds); 0 outside the file.
    float maxBetween(double fromSeconds, double toSeconds) const;
};

// Reads the first `seconds` of the file's audio (its media's duration:
// the reader pads past the end with silence). Empty for a file without
// audio; Error(BadInput) from the reader for one that cannot be read.
// Returns what was read so far when `cancel` becomes true.
AudioPeaks readAudioPeaks(const QString& path, double seconds, int bucketsPerSecond,
                          const std::atomic<bool>* cancel = nullptr);

} // namespace retake
