#include "export/outputguard.h"

#include "core/error.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QVector>
#include <algorithm>

namespace retake {

namespace {

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

// A file (or, for numbered files, every frame of its sequence, or a take's
// whole folder) the project reads, resolved once: matching a target is then
// string work, however many frames an export writes.
struct UsedFile {
    QString path;           // resolved
    QString folder;         // set for a take: everything below it
    QString prefix, suffix; // set for a numbered file: "shot_" + digits + ".png"
    QString label;          // what it is, for the message
};

UsedFile usedFile(const QString& file, bool sequence, const QString& label) {
    UsedFile used{resolved(file), {}, {}, {}, label};
    // The number is the last run of digits before the extension, as
    // media/imagesequence.h reads it; the name alone decides, so a sequence
    // with a gap still owns its names.
    static const QRegularExpression numbered(
        QStringLiteral("^(.*?)(\\d+)(\\.\\w*[A-Za-z_]\\w*)?$"));
    const QRegularExpressionMatch m = numbered.match(QFileInfo(used.path).fileName());
    if (sequence && m.hasMatch()) {
        used.prefix = QFileInfo(used.path).absolutePath() + QLatin1Char('/') + m.captured(1);
        used.suffix = m.captured(3);
    }
    return used;
}

QVector<UsedFile> filesTheProjectReads(const Project& project) {
    QVector<UsedFile> used;
    for (const MediaRef& m : project.media)
        if (!m.path.isEmpty())
            used << usedFile(m.path, m.kind == MediaKind::ImageSequence,
                             tr("media \"%1\" of this project").arg(QFileInfo(m.path).fileName()));
    for (const Shot& s : project.shots) {
        for (const MaskRef& mask : s.masks)
            if (!mask.path.isEmpty())
                used << usedFile(mask.path, true, tr("a mask of shot \"%1\"").arg(s.name));
        for (const Take& t : s.takes)
            if (!t.framesPath.isEmpty()) {
                UsedFile take{
                    resolved(t.framesPath), {}, {}, {}, tr("a take of shot \"%1\"").arg(s.name)};
                take.folder = take.path + QLatin1Char('/');
                used << take;
            }
    }
    return used;
}

bool reads(const UsedFile& used, const QString& target) {
    if (target == used.path)
        return true;
    if (!used.folder.isEmpty())
        return target.startsWith(used.folder);
    if (used.prefix.isEmpty() || !target.startsWith(used.prefix) || !target.endsWith(used.suffix) ||
        target.size() <= used.prefix.size() + used.suffix.size())
        return false;
    const QStringView digits = QStringView(target).mid(
        used.prefix.size(), target.size() - used.prefix.size() - used.suffix.size());
    return std::all_of(digits.begin(), digits.end(),
                       [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
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
    const QVector<UsedFile> used = filesTheProjectReads(project);
    for (const QString& target : targets) {
        const QString path = resolved(target);
        for (const UsedFile& file : used)
            if (reads(file, path))
                throw Error(ErrorKind::Usage,
                            tr("%1: is %2; an export never writes over a file the project reads. "
                               "Choose another name.")
                                .arg(QDir::toNativeSeparators(target), file.label));
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
