#include "timeline/audiopeaks.h"

#include "mediaio/openmedia.h"

#include <algorithm>
#include <cmath>

namespace retake {

float AudioPeaks::maxBetween(double fromSeconds, double toSeconds) const {
    if (peak.empty() || bucketsPerSecond <= 0 || !(toSeconds > fromSeconds))
        return 0;
    const auto first =
        std::max<std::int64_t>(0, std::int64_t(std::floor(fromSeconds * bucketsPerSecond)));
    const auto last = std::min<std::int64_t>(std::int64_t(peak.size()),
                                             std::int64_t(std::ceil(toSeconds * bucketsPerSecond)));
    float loudest = 0;
    for (std::int64_t i = first; i < last; ++i)
        loudest = std::max(loudest, peak[std::size_t(i)]);
    return loudest;
}

AudioPeaks readAudioPeaks(const QString& path, double seconds, int bucketsPerSecond,
                          const std::atomic<bool>* cancel) {
    const std::unique_ptr<AudioReader> reader = openAudio(path);
    AudioPeaks peaks;
    peaks.bucketsPerSecond = bucketsPerSecond;
    if (!reader)
        return peaks;
    const AudioInfo& info = reader->info();
    if (!info.present() || bucketsPerSecond <= 0 || !(seconds > 0))
        return peaks;
    const auto total = std::int64_t(std::ceil(seconds * info.sampleRate));
    // Bucket b holds the samples s with floor(s * bucketsPerSecond / rate) == b.
    const std::int64_t buckets = (total * bucketsPerSecond + info.sampleRate - 1) / info.sampleRate;
    peaks.peak.assign(std::size_t(buckets), 0.0f);
    const std::int64_t block = info.sampleRate; // a second at a time
    for (std::int64_t start = 0; start < total; start += block) {
        if (cancel && cancel->load())
            break;
        const std::int64_t count = std::min(block, total - start);
        const std::vector<float> samples = reader->read(start, count);
        const std::int64_t got =
            std::min<std::int64_t>(count, std::int64_t(samples.size()) / info.channels);
        for (std::int64_t s = 0; s < got; ++s) {
            float loudest = 0;
            for (int c = 0; c < info.channels; ++c)
                loudest = std::max(loudest, std::abs(samples[std::size_t(s * info.channels + c)]));
            const std::int64_t b = (start + s) * bucketsPerSecond / info.sampleRate;
            float& into = peaks.peak[std::size_t(b)];
            into = std::max(into, std::min(loudest, 1.0f));
        }
    }
    return peaks;
}

} // namespace retake
