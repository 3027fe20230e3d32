#include "timeline/waveformcache.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace retake::gui {

WaveformCache::WaveformCache(QObject* parent)
    : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<AudioPeaks>::finished, this, [this] {
        const QString path = running_;
        done_.insert(path, {std::make_shared<const AudioPeaks>(watcher_.result()), runningState_});
        running_.clear();
        Q_EMIT ready(path);
        startNext();
    });
}

WaveformCache::~WaveformCache() {
    cancel_->store(true);
    watcher_.disconnect(this);
    watcher_.waitForFinished();
}

WaveformCache::FileState WaveformCache::stateOf(const QString& path) {
    const QFileInfo info(path);
    return {info.size(), info.lastModified()};
}

const AudioPeaks* WaveformCache::peaks(const QString& path, double seconds) {
    if (const auto found = done_.constFind(path); found != done_.constEnd())
        return found->peaks.get();
    if (running_ != path && std::none_of(queue_.cbegin(), queue_.cend(),
                                         [&](const Wanted& w) { return w.path == path; })) {
        queue_.append({path, seconds});
        startNext();
    }
    return nullptr;
}

void WaveformCache::forgetChangedFiles() {
    for (auto it = done_.begin(); it != done_.end();)
        it = stateOf(it.key()) == it->read ? std::next(it) : done_.erase(it);
}

void WaveformCache::startNext() {
    if (!running_.isEmpty() || queue_.isEmpty())
        return;
    const Wanted next = queue_.takeFirst();
    running_ = next.path;
    runningState_ = stateOf(next.path);
    const auto cancel = cancel_;
    watcher_.setFuture(QtConcurrent::run([next, cancel] {
        try {
            return readAudioPeaks(next.path, next.seconds, kBucketsPerSecond, cancel.get());
        } catch (...) {
            // Unreadable audio draws no waveform; the timeline still shows
            // the clip, and playback or export say what is wrong.
            return AudioPeaks{};
        }
    }));
}

} // namespace retake::gui
