#include "media/fileutil.h"

#include "core/error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace retake {

void requireReadableFile(const QString& path) {
    const QFileInfo file(path);
    if (!file.exists())
        throwBadInput(path, QStringLiteral("file does not exist"));
    if (file.isDir())
        throwBadInput(path, QStringLiteral("is a directory, not a media file"));
    // A FIFO or a device (/dev/zero) has no size to read; it is not media.
    if (!file.isFile())
        throwBadInput(path, QStringLiteral("is not a regular file (a device, pipe or socket)"));
    if (!file.isReadable())
        throwBadInput(path, QStringLiteral("file is not readable (permission denied)"));
    if (file.size() == 0)
        throwBadInput(path, QStringLiteral("file is empty"));
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
