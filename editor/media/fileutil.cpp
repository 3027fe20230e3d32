#include "media/fileutil.h"

#include "core/error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace retake {

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

void requireReadableFile(const QString& path) {
    const QFileInfo file(path);
    if (!file.exists())
        throwBadInput(path, QStringLiteral("file does not exist"));
    if (file.isDir())
        throwBadInput(path, QStringLiteral("is a directory, not a media file"));
    if (!file.isReadable())
        throwBadInput(path, QStringLiteral("file is not readable (permission denied)"));
    if (file.size() == 0)
        throwBadInput(path, QStringLiteral("file is empty"));
}

TemporaryTarget::TemporaryTarget(const QString& finalPath)
    : finalPath_(finalPath) {
    const QFileInfo target(finalPath);
    if (target.isDir())
        throwOutputError(finalPath, QStringLiteral("is a directory"));
    const QString dir = target.absolutePath();
    // Hidden and with the final name in it: a crash leaves an obvious orphan,
    // never a file that looks finished.
    for (int attempt = 0;; ++attempt) {
        const QString candidate =
            QStringLiteral("%1/.%2.%3.retake-partial")
                .arg(dir, target.fileName())
                .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
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
                             QStringLiteral("cannot create a file in %1: %2")
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
    if (::rename(QFile::encodeName(tempPath_).constData(),
                 QFile::encodeName(finalPath_).constData()) != 0)
        throwOutputError(
            finalPath_,
            QStringLiteral("cannot move the finished file into place: %1").arg(systemError(errno)));
    committed_ = true;
}

void writeBytes(const QString& path, const QByteArray& bytes, const QString& finalPath) {
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        throwOutputError(finalPath, QStringLiteral("cannot write: %1").arg(systemError(errno)));
    const char* data = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        const ssize_t done = ::write(fd, data, std::size_t(left));
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0) {
            const int error = done < 0 ? errno : ENOSPC;
            ::close(fd);
            throwOutputError(finalPath, QStringLiteral("cannot write: %1").arg(systemError(error)));
        }
        data += done;
        left -= done;
    }
    // Network and quota file systems report a full disk only at close.
    if (::close(fd) != 0)
        throwOutputError(finalPath, QStringLiteral("cannot write: %1").arg(systemError(errno)));
}

QString fileSha256(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace retake
