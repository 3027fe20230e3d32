#include "export/outputguard.h"

#include "core/error.h"
#include "media/imagesequence.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace retake {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Export", text);
}

// The path with its folder resolved through symlinks (the file itself need
// not exist yet), so "a/../plate.mov" and a link to the folder compare equal.
QString resolved(const QString& path) {
    const QFileInfo info(path);
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    const QString inDir =
        (dir.isEmpty() ? info.absolutePath() : dir) + QLatin1Char('/') + info.fileName();
    // A symlink at the name itself points at what a write would replace.
    if (info.isSymLink()) {
        const QString target = QFileInfo(inDir).canonicalFilePath();
        if (!target.isEmpty())
            return target;
    }
    return inDir;
}

// Whether `target` (resolved) is `file` or, for a numbered file, another
// frame of the same sequence.
bool isFileOrFrameOf(const QString& target, const QString& file, bool sequence) {
    if (file.isEmpty())
        return false;
    const QString used = resolved(file);
    if (target == used)
        return true;
    if (!sequence)
        return false;
    const std::optional<SequenceScan> scan = [&]() -> std::optional<SequenceScan> {
        try {
            return scanSequence(file);
        } catch (const Error&) { // a sequence with a gap still owns its names
            return std::nullopt;
        }
    }();
    const QFileInfo usedInfo(used);
    const QFileInfo targetInfo(target);
    if (usedInfo.absolutePath() != targetInfo.absolutePath())
        return false;
    if (!scan)
        return false;
    const QString name = targetInfo.fileName();
    if (!name.startsWith(scan->prefix) || !name.endsWith(scan->suffix))
        return false;
    const QString digits =
        name.mid(scan->prefix.size(), name.size() - scan->prefix.size() - scan->suffix.size());
    static const QRegularExpression number(QStringLiteral("^[0-9]+$"));
    return number.match(digits).hasMatch();
}

// A file the project reads, or nothing: what `target` would destroy.
QString usedBy(const Project& project, const QString& target) {
    for (const MediaRef& m : project.media)
        if (isFileOrFrameOf(target, m.path, m.kind == MediaKind::ImageSequence))
            return tr("media \"%1\" of this project").arg(QFileInfo(m.path).fileName());
    for (const Shot& s : project.shots) {
        for (const MaskRef& mask : s.masks)
            if (isFileOrFrameOf(target, mask.path, true))
                return tr("a mask of shot \"%1\"").arg(s.name);
        for (const Take& t : s.takes) {
            if (t.framesPath.isEmpty())
                continue;
            const QString takeDir = resolved(t.framesPath);
            if (target.startsWith(takeDir + QLatin1Char('/')))
                return tr("a take of shot \"%1\"").arg(s.name);
        }
    }
    return QString();
}

} // namespace

QStringList existingTargets(const QStringList& targets) {
    QStringList existing;
    for (const QString& target : targets)
        if (QFileInfo::exists(target) || QFileInfo(target).isSymLink())
            existing << target;
    return existing;
}

void checkOutputTargets(const Project& project, const QStringList& targets, bool overwrite) {
    for (const QString& target : targets) {
        const QString path = resolved(target);
        const QString used = usedBy(project, path);
        if (!used.isEmpty())
            throw Error(ErrorKind::Usage,
                        tr("%1: is %2; an export never writes over a file the project reads. "
                           "Choose another name.")
                            .arg(QDir::toNativeSeparators(target), used));
        if (QFileInfo(target).isDir())
            throw Error(ErrorKind::Usage,
                        tr("%1: is a folder").arg(QDir::toNativeSeparators(target)));
    }
    // A dangling symlink counts: it is still something the user made.
    const QStringList existing = overwrite ? QStringList() : existingTargets(targets);
    if (existing.isEmpty())
        return;
    if (existing.size() == 1)
        throw Error(ErrorKind::Usage, tr("%1: already exists; pass --overwrite to replace it")
                                          .arg(QDir::toNativeSeparators(existing.first())));
    throw Error(ErrorKind::Usage,
                tr("%1 and %2 more files of this export already exist (%3 of %4); pass "
                   "--overwrite to replace them")
                    .arg(QDir::toNativeSeparators(existing.first()))
                    .arg(existing.size() - 1)
                    .arg(existing.size())
                    .arg(targets.size()));
}

} // namespace retake
