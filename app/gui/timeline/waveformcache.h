#pragma once

// Waveforms for the timeline: each media file's audio outline
// (editor/timeline/audiopeaks.h) read once, off the UI thread, one file at a
// time, and kept for the session. A file is read again when it changes on
// disk (size or modification time).

#include "timeline/audiopeaks.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

namespace retake::gui {

class WaveformCache : public QObject {
    Q_OBJECT

public:
    // Buckets per second: fine enough for a frame at 24-60 fps to have its own.
    static constexpr int kBucketsPerSecond = 240;

    explicit WaveformCache(QObject* parent = nullptr);
    ~WaveformCache() override; // stops the read in progress, at its next second of audio

    // The outline of `path`'s first `seconds` of audio, or nullptr while it
    // is read (ready() follows). A file that cannot be read has an empty one.
    const AudioPeaks* peaks(const QString& path, double seconds);

Q_SIGNALS:
    void ready(const QString& path);

private:
    struct Wanted {
        QString path;
        double seconds = 0;
    };
    static QString keyOf(const QString& path);
    void startNext();

    QHash<QString, std::shared_ptr<const AudioPeaks>> done_; // by keyOf()
    QList<Wanted> queue_;
    QString running_;     // keyOf() of the file being read
    QString runningPath_; // and its path
    QFutureWatcher<AudioPeaks> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
};

} // namespace retake::gui
