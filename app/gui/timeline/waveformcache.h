#pragma once

// Waveforms for the timeline: each media file's audio outline
// (editor/timeline/audiopeaks.h) read once, off the UI thread, one file at a
// time, and kept for the session. Looking one up touches no file (the
// timeline asks on every paint); forgetChangedFiles() drops outlines whose
// file changed on disk (size or modification time), when the project does.

#include "timeline/audiopeaks.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QString>
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
    // Drops the outlines of files that changed since they were read.
    void forgetChangedFiles();

Q_SIGNALS:
    void ready(const QString& path);

private:
    struct FileState {
        qint64 size = -1;
        QDateTime modified;
        bool operator==(const FileState& o) const {
            return size == o.size && modified == o.modified;
        }
    };
    struct Outline {
        std::shared_ptr<const AudioPeaks> peaks;
        FileState read; // the file as it was when read
    };
    struct Wanted {
        QString path;
        double seconds = 0;
    };
    static FileState stateOf(const QString& path);
    void startNext();

    QHash<QString, Outline> done_; // by path
    QList<Wanted> queue_;
    QString running_; // the path being read, and its file then
    FileState runningState_;
    QFutureWatcher<AudioPeaks> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
};

} // namespace retake::gui
