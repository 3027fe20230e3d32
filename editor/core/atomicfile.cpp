#include "core/atomicfile.h"

#include "core/error.h"
#include "core/leftovers.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retake {

namespace {

// Syncs a file (or folder) by path; a file system that cannot sync (EINVAL,
// ENOTSUP) is not an error, a failed write-back is.
int syncPath(const QString& path, int flags) {
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int error = 0;
    if (::fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP)
        error = errno;
    if (::close(fd) != 0 && error == 0 && errno != EINTR)
        error = errno;
    return error;
}

} // namespace

QString systemError(int error) {
    const QString text = QString::fromLocal8Bit(std::strerror(error));
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return tr("disk full (%1)").arg(text);
    case EFBIG:
        return tr("file size limit reached (%1)").arg(text);
    default:
        return text;
    }
}

TemporaryTarget::TemporaryTarget(const QString& finalPath)
    : finalPath_(finalPath) {
    const QFileInfo target(finalPath);
    if (target.isDir())
        throwOutputError(finalPath, tr("is a directory"));
    const QString dir = target.absolutePath();
    // Hidden, with the final name and the owner in it: a crash leaves an
    // obvious orphan, never a file that looks finished, and the next run
    // removes it (core/leftovers.h).
    for (int attempt = 0;; ++attempt) {
        const QString candidate =
            QStringLiteral("%1/.%2.%3.%4%5")
                .arg(dir, target.fileName(), leftoverOwnerTag())
                .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'))
                .arg(QLatin1String(kPartialSuffix));
        const QByteArray native = QFile::encodeName(candidate);
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            tempPath_ = candidate;
            return;
        }
        const int error = errno;
        if (error != EEXIST || attempt > 16)
            throwOutputError(finalPath,
                             tr("cannot create a file in %1: %2")
                                 .arg(QDir::toNativeSeparators(dir), systemError(error)));
    }
}

TemporaryTarget::~TemporaryTarget() {
    if (!committed_ && !tempPath_.isEmpty())
        ::unlink(QFile::encodeName(tempPath_).constData());
}

void TemporaryTarget::commit() {
    if (committed_)
        return;
    // The data must be on disk before the name points at it: otherwise a
    // crash or power cut after the rename leaves an empty file where the old
    // one was.
    if (const int error = syncPath(tempPath_, O_RDONLY))
        throwOutputError(finalPath_, tr("cannot write: %1").arg(systemError(error)));
    if (::rename(QFile::encodeName(tempPath_).constData(),
                 QFile::encodeName(finalPath_).constData()) != 0)
        throwOutputError(
            finalPath_, tr("cannot move the finished file into place: %1").arg(systemError(errno)));
    committed_ = true;
    // The rename itself lives in the folder; a failure here cannot undo it.
    syncPath(QFileInfo(finalPath_).absolutePath(), O_RDONLY | O_DIRECTORY);
}

OutputFolder::OutputFolder(const QString& path) {
    QStringList missing;
    for (QFileInfo level(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
         !level.exists() && level.absoluteFilePath() != level.absolutePath();
         level = QFileInfo(level.absolutePath()))
        missing.prepend(level.absoluteFilePath());
    for (const QString& folder : missing) {
        if (::mkdir(QFile::encodeName(folder).constData(), 0777) == 0)
            created_ << folder; // only what this made is removed again
        else if (errno != EEXIST)
            throwOutputError(folder, tr("cannot create the folder: %1").arg(systemError(errno)));
    }
}

OutputFolder::~OutputFolder() {
    for (auto it = created_.crbegin(); it != created_.crend(); ++it)
        if (::rmdir(QFile::encodeName(*it).constData()) != 0)
            break; // not empty: something else lives there now
}

void writeBytes(const QString& path, const QByteArray& bytes, const QString& finalPath) {
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        throwOutputError(finalPath, tr("cannot write: %1").arg(systemError(errno)));
    const char* data = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        const ssize_t done = ::write(fd, data, std::size_t(left));
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0) {
            const int error = done < 0 ? errno : ENOSPC;
            ::close(fd);
            throwOutputError(finalPath, tr("cannot write: %1").arg(systemError(error)));
        }
        data += done;
        left -= done;
    }
    // Network and quota file systems report a full disk only at sync or close.
    int error = ::fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP ? errno : 0;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    if (error != 0)
        throwOutputError(finalPath, tr("cannot write: %1").arg(systemError(error)));
}

void writeFileAtomically(const QString& finalPath, const QByteArray& bytes) {
    TemporaryTarget target(finalPath);
    writeBytes(target.path(), bytes, finalPath);
    struct stat existing {};
    // lstat: a symlink at the final name is replaced, so its target's mode
    // does not matter.
    if (::lstat(QFile::encodeName(finalPath).constData(), &existing) == 0 &&
        S_ISREG(existing.st_mode))
        ::chmod(QFile::encodeName(target.path()).constData(), existing.st_mode & 07777);
    target.commit();
}

} // namespace retake
