#include "core/leftovers.h"

#include "core/atomicfile.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace retake {

namespace {

QString hostTag() {
    static const QString tag = QString::fromLatin1(
        QCryptographicHash::hash(QSysInfo::machineHostName().toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(8));
    return tag;
}

bool processRunning(qint64 pid) {
    if (pid <= 0 || pid > std::numeric_limits<pid_t>::max())
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

qint64 sizeOf(const QFileInfo& entry) {
    if (!entry.isDir() || entry.isSymLink())
        return entry.size();
    qint64 total = 0;
    QDirIterator it(entry.absoluteFilePath(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace

QString leftoverOwnerTag() {
    return QStringLiteral("%1-%2").arg(hostTag()).arg(qint64(::getpid()));
}

QString stagingDirTemplate(const QString& folder, const QString& kind) {
    return QDir(folder).filePath(
        QStringLiteral(".retake-%1.%2.XXXXXX").arg(kind, leftoverOwnerTag()));
}

QString partialFolderName(const QString& name) {
    return QStringLiteral(".%1.%2.partial").arg(name, leftoverOwnerTag());
}

QString LeftoverSweep::summary(const QString& folder) const {
    if (removed == 0)
        return QString();
    const QString what = removed == 1 ? tr("1 leftover") : tr("%1 leftovers").arg(removed);
    return tr("removed %1 (%2 MB) of interrupted work in %3")
        .arg(what)
        .arg(double(bytes) / 1e6, 0, 'f', 1)
        .arg(QDir::toNativeSeparators(folder));
}

LeftoverSweep sweepLeftovers(const QString& folder) {
    // The owner tag sits in the same place in each of the three shapes of
    // temporary names (see TemporaryTarget and the helpers above).
    static const QRegularExpression owned(QStringLiteral(
        "^\\..+\\.([0-9a-f]{8})-([0-9]+)(?:\\.[0-9a-f]{6}\\.retake-partial|\\.[A-Za-z0-9]{6}|"
        "\\.partial)$"));
    LeftoverSweep sweep;
    const QFileInfoList entries = QDir(folder).entryInfoList(
        QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    for (const QFileInfo& entry : entries) {
        const QRegularExpressionMatch m = owned.match(entry.fileName());
        if (!m.hasMatch() || m.captured(1) != hostTag() ||
            processRunning(m.captured(2).toLongLong()))
            continue;
        const qint64 bytes = sizeOf(entry);
        const bool gone = entry.isDir() && !entry.isSymLink()
                              ? QDir(entry.absoluteFilePath()).removeRecursively()
                              : QFile::remove(entry.absoluteFilePath());
        if (!gone)
            continue;
        ++sweep.removed;
        sweep.bytes += bytes;
        sweep.paths << entry.absoluteFilePath();
    }
    return sweep;
}

} // namespace retake
