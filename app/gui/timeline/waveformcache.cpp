#include "timeline/waveformcache.h"

#include <QDateTime>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace retake::gui {

WaveformCache::WaveformCache(QObject* parent)
    : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<AudioPeaks>::finished, this, [this] {
        const QString path = runningPath_;
        done_.insert(running_, std::make_shared<const AudioPeaks>(watcher_.result()));
        running_.clear();
        runningPath_.clear();
        Q_EMIT ready(path);
        startNext();
    });
}

WaveformCache::~WaveformCache() {
    cancel_->store(true);
    watcher_.disconnect(this);
    watcher_.waitForFinished();
}

QString WaveformCache::keyOf(const QString& path) {
    const QFileInfo info(path);
    return QStringLiteral("%1|%2|%3")
        .arg(path)
        .arg(info.size())
        .arg(info.lastModified().toMSecsSinceEpoch());
}

const AudioPeaks* WaveformCache::peaks(const QString& path, double seconds) {
    const QString key = keyOf(path);
    if (const auto found = done_.constFind(key); found != done_.constEnd())
        return found->get();
    if (running_ != key && std::none_of(queue_.cbegin(), queue_.cend(),
                                        [&](const Wanted& w) { return keyOf(w.path) == key; })) {
        queue_.append({path, seconds});
        startNext();
    }
    return nullptr;
}

void WaveformCache::startNext() {
    if (!running_.isEmpty() || queue_.isEmpty())
        return;
    const Wanted next = queue_.takeFirst();
    running_ = keyOf(next.path);
    runningPath_ = next.path;
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
