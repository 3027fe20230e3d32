#pragma once

// Whether files are opened or read while something runs (Linux inotify):
// proves that a command never loads a file it could reach, where an access
// time would depend on the mount's atime policy.

#include <QMap>
#include <QString>
#include <QStringList>
#include <sys/inotify.h>
#include <unistd.h>

namespace retake::testing {

class OpenWatch {
public:
    explicit OpenWatch(const QStringList& files)
        : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        for (const QString& file : files) {
            const int wd = fd_ < 0 ? -1
                                   : inotify_add_watch(fd_, QFile::encodeName(file).constData(),
                                                       IN_OPEN | IN_ACCESS);
            if (wd < 0)
                failed_ << file;
            else
                names_.insert(wd, file);
        }
    }
    ~OpenWatch() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    OpenWatch(const OpenWatch&) = delete;
    OpenWatch& operator=(const OpenWatch&) = delete;

    // The files that could not be watched (empty when all are).
    QStringList unwatched() const { return fd_ < 0 ? names_.values() + failed_ : failed_; }

    // The watched files opened or read since the last call, each once.
    QStringList touched() {
        QStringList files;
        alignas(inotify_event) char buffer[4096];
        for (;;) {
            const ssize_t got = ::read(fd_, buffer, sizeof buffer);
            if (got <= 0)
                break;
            for (ssize_t at = 0; at < got;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
                const QString file = names_.value(event->wd);
                if (!file.isEmpty() && !files.contains(file))
                    files << file;
                at += ssize_t(sizeof(inotify_event) + event->len);
            }
        }
        return files;
    }

private:
    int fd_;
    QMap<int, QString> names_;
    QStringList failed_;
};

} // namespace retake::testing
