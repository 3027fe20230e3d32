#include "core/stagingfolder.h"

#include "core/error.h"
#include "core/leftovers.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace retake {

StagingFolder::StagingFolder(const QString& path)
    : path_(path) {}

StagingFolder::StagingFolder(StagingFolder&& other) noexcept
    : path_(other.path_) {
    other.path_.clear();
}

StagingFolder StagingFolder::beside(const QString& folder, const QString& kind) {
    QTemporaryDir staging(stagingDirTemplate(folder, kind));
    if (!staging.isValid())
        throwOutputError(folder, tr("cannot write here: %1").arg(staging.errorString()));
    staging.setAutoRemove(false); // this object removes it
    return StagingFolder(staging.path());
}

StagingFolder StagingFolder::at(const QString& path) {
    QDir(path).removeRecursively();
    if (!QDir().mkpath(path))
        throwOutputError(path, tr("cannot create a folder here"));
    return StagingFolder(path);
}

StagingFolder::~StagingFolder() {
    if (!path_.isEmpty())
        QDir(path_).removeRecursively();
}

QString StagingFolder::filePath(const QString& name) const {
    return QDir(path_).filePath(name);
}

QStringList StagingFolder::moveInto(const QString& folder, const QStringList& names) {
    QStringList moved;
    for (const QString& name : names) {
        const QString from = filePath(name), to = QDir(folder).filePath(name);
        // rename(2) replaces an existing file atomically: there is never a
        // moment with neither the old nor the new frame under the name.
        if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) !=
            0)
            throwOutputError(to, tr("cannot move the finished frame into place: %1")
                                     .arg(QString::fromLocal8Bit(std::strerror(errno))));
        moved << to;
    }
    return moved;
}

QStringList StagingFolder::moveAllInto(const QString& folder) {
    QStringList names;
    for (const QFileInfo& f : QDir(path_).entryInfoList(QDir::Files, QDir::Name))
        names << f.fileName();
    return moveInto(folder, names);
}

void StagingFolder::renameTo(const QString& target) {
    if (!QDir().rename(path_, target))
        throwOutputError(target, tr("cannot move the finished frames into place"));
    path_.clear();
}

} // namespace retake
