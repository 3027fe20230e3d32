// OpenTimelineIO bundles (.otioz, interchange/otio.h): the zip holds
// version.txt, content.otio and the media under media/, media stored
// uncompressed, as OpenTimelineIO's otioz adapter writes and reads them.

#include "core/atomicfile.h"
#include "core/error.h"
#include "core/translate.h"
#include "interchange/otio.h"
#include "interchange/otiojson.h"
#include "media/imagesequence.h"
#include "zip/ziparchive.h"

#include <QFileInfo>
#include <QHash>
#include <QUrl>
#include <opentimelineio/clip.h>
#include <opentimelineio/externalReference.h>
#include <opentimelineio/timeline.h>

namespace retake {

namespace {

const char* const kContent = "content.otio";
const char* const kVersionFile = "version.txt";
const char* const kBundleVersion = "1.0.0";
const char* const kMediaFolder = "media/";
// content.otio is text: a timeline of this size is already absurd.
constexpr qint64 kMaxContentBytes = qint64(512) << 20;

// An entry that stays inside the folder it is unpacked into: relative, no
// "." or ".." step, no drive, no backslash (a zip from elsewhere may name
// "../../.bashrc").
bool staysInside(const QString& name) {
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
        name.contains(QLatin1Char(':')))
        return false;
    const QStringList steps = name.split(QLatin1Char('/'));
    for (int i = 0; i < steps.size(); ++i) {
        const QString& step = steps[i];
        if (step == QLatin1String(".") || step == QLatin1String("..") ||
            (step.isEmpty() && i + 1 < steps.size()))
            return false;
    }
    return true;
}

// Every file a media reference stands for: the file, or all of its
// sequence's.
QStringList filesOf(const MediaRef& media) {
    if (media.kind != MediaKind::ImageSequence)
        return {media.path};
    QStringList files;
    if (const auto scan = scanSequence(media.path))
        for (std::int64_t n = scan->first; n <= scan->last; ++n)
            files << scan->filePath(n);
    return files.isEmpty() ? QStringList{media.path} : files;
}

} // namespace

bool isOtioBundle(const QString& path) {
    return QFileInfo(path).suffix().compare(QLatin1String("otioz"), Qt::CaseInsensitive) == 0;
}

QString otioBundleMediaFolder(const QString& bundle) {
    const QFileInfo info(bundle);
    return info.absoluteDir().filePath(info.fileName() + QStringLiteral(".media"));
}

OtioImport readOtioBundle(const QString& bundle, const Progress* progress) {
    const zip::ZipArchiveReader archive(bundle);
    if (!archive.contains(QString::fromLatin1(kContent)))
        throwBadInput(bundle, tr("is not an OpenTimelineIO bundle: it holds no %1")
                                  .arg(QString::fromLatin1(kContent)));
    const QByteArray content = archive.read(QString::fromLatin1(kContent), kMaxContentBytes);
    const QDir folder(otioBundleMediaFolder(bundle));
    // Checked whole before anything is written, so a bad entry leaves nothing behind.
    QVector<zip::ZipEntry> media;
    for (const zip::ZipEntry& entry : archive.entries()) {
        if (entry.directory || entry.name == QLatin1String(kContent) ||
            entry.name == QLatin1String(kVersionFile))
            continue;
        if (!staysInside(entry.name))
            throwBadInput(bundle, tr("names a file outside its folder (\"%1\"); nothing was "
                                     "unpacked")
                                      .arg(entry.name));
        const QFileInfo there(folder.filePath(entry.name));
        if (there.exists() && (!there.isFile() || there.size() != entry.size))
            throwBadInput(bundle, tr("would replace %1, which is another file; move it away "
                                     "or unpack the bundle elsewhere")
                                      .arg(there.filePath()));
        media << entry;
    }
    qint64 total = 0, done = 0;
    for (const zip::ZipEntry& entry : media)
        total += entry.size;
    for (const zip::ZipEntry& entry : media) {
        const QFileInfo there(folder.filePath(entry.name));
        if (there.exists()) { // unpacked by an earlier import of this bundle
            done += entry.size;
            continue;
        }
        if (!QDir().mkpath(there.absolutePath()))
            throw Error(ErrorKind::Output,
                        tr("%1: cannot make the folder").arg(there.absolutePath()));
        archive.extract(entry.name, there.filePath(), [&](qint64 bytes) {
            done += bytes;
            if (progress) {
                progress->report(total > 0 ? double(done) / double(total) : 1.0,
                                 tr("unpacking %1").arg(QFileInfo(entry.name).fileName()));
                progress->checkCancelled();
            }
        });
    }
    return otioToProject(content, QFileInfo(bundle).absoluteFilePath(), folder);
}

void writeOtioBundle(const Project& project, const QString& path, const Progress* progress) {
    const OtioRetainer<otio::Timeline> timeline =
        otioFromText<otio::Timeline>(QString::fromUtf8(projectToOtio(project)));
    if (!timeline)
        throw Error(ErrorKind::Internal, tr("the timeline could not be read back for bundling"));

    // Each online file once, by the name it gets inside media/.
    QHash<QString, QString> urlToName; // file URL as the writer puts it -> name in the bundle
    QHash<QString, QString> nameToFile;
    for (const MediaRef& media : project.media) {
        if (!media.online || media.isGap() || media.path.isEmpty())
            continue;
        for (const QString& file : filesOf(media)) {
            const QString name = QFileInfo(file).fileName();
            const QString taken = nameToFile.value(name);
            if (!taken.isEmpty() && taken != file)
                throw Error(ErrorKind::Usage,
                            tr("%1 and %2 have the same name; a bundle holds its media in one "
                               "folder (media/), so rename one of them")
                                .arg(taken, file));
            nameToFile.insert(name, file);
        }
        urlToName.insert(QUrl::fromLocalFile(media.path).toString(),
                         QFileInfo(media.path).fileName());
    }
    for (const auto& clip : timeline->find_clips()) {
        for (const auto& [key, reference] : clip->media_references()) {
            auto* external = dynamic_cast<otio::ExternalReference*>(reference);
            if (!external)
                continue;
            const QString name = urlToName.value(fromStd(external->target_url()));
            if (!name.isEmpty())
                external->set_target_url(toStd(QString::fromLatin1(kMediaFolder) + name));
        }
    }
    otio::ErrorStatus error;
    const std::string json = timeline->to_json_string(&error, nullptr, 4);
    if (otio::is_error(error))
        throw Error(ErrorKind::Internal, tr("OpenTimelineIO could not write the timeline: %1")
                                             .arg(fromStd(error.full_description)));

    zip::ZipArchiveWriter archive(path);
    archive.addBytes(QString::fromLatin1(kVersionFile), QByteArray(kBundleVersion));
    archive.addBytes(QString::fromLatin1(kContent), QByteArray::fromStdString(json));
    for (auto it = nameToFile.cbegin(); it != nameToFile.cend(); ++it)
        archive.addFile(QString::fromLatin1(kMediaFolder) + it.key(), it.value());
    archive.commit(
        [&](double done) {
            if (progress)
                progress->report(done, tr("writing %1").arg(QFileInfo(path).fileName()));
        },
        [&] { return progress && progress->isCancelled(); });
}

} // namespace retake
