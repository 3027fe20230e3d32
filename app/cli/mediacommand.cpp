// `retake-cli media`: list the media pool and set a media's input colour
// space (stored in the project; the viewer and every export use it).
#include "mediacommand.h"

#include "editcommands.h"
#include "ocio/colourpipeline.h"
#include "timeline/mediacolour.h"

#include <QFileInfo>

namespace retake::cli {

namespace {

// A media by ID prefix (4+ characters), path or file name; with none given,
// the shot's media, or the only media of the project.
const MediaRef& resolveMedia(const Document& doc, const QCommandLineParser& p) {
    const Project& project = doc.project();
    if (p.isSet(QStringLiteral("shot")))
        return *project.findMedia(resolveShot(project, p.value(QStringLiteral("shot"))).mediaId);
    if (!p.isSet(QStringLiteral("media"))) {
        if (project.media.size() == 1)
            return project.media.front();
        throw Error(ErrorKind::Usage,
                    QStringLiteral("The project has %1 media; say which with --media ID|NAME or "
                                   "--shot SHOT.")
                        .arg(project.media.size()));
    }
    const QString key = p.value(QStringLiteral("media"));
    QVector<const MediaRef*> found;
    for (const auto& m : project.media)
        if ((key.size() >= 4 && idToString(m.id).startsWith(key, Qt::CaseInsensitive)) ||
            m.path == QFileInfo(key).absoluteFilePath() || QFileInfo(m.path).fileName() == key)
            found << &m;
    if (found.size() == 1)
        return *found.front();
    if (found.isEmpty())
        throw Error(ErrorKind::Usage,
                    QStringLiteral("No media \"%1\" in the project (give an ID prefix, a path or a "
                                   "file name; `retake-cli media PROJECT` lists them).")
                        .arg(key));
    throw Error(
        ErrorKind::Usage,
        QStringLiteral("\"%1\" names %2 media; give an ID prefix.").arg(key).arg(found.size()));
}

QString describeInputSpace(const ColourPipeline& pipeline, const MediaRef& m) {
    if (m.inputSpace.isEmpty())
        return QStringLiteral("auto (%1)").arg(automaticInputSpace(pipeline, m));
    return pipeline.hasColourSpace(m.inputSpace)
               ? m.inputSpace
               : QStringLiteral("%1 (not in %2)").arg(m.inputSpace, pipeline.configPath());
}

void media(Document& doc, const QCommandLineParser& p, const QStringList&) {
    const ColourPipeline pipeline = ColourPipeline::load(p.value(QStringLiteral("ocio-config")));
    if (p.isSet(QStringLiteral("input-space"))) {
        const MediaRef& m = resolveMedia(doc, p);
        const QString value = p.value(QStringLiteral("input-space"));
        const bool automatic = value.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0;
        doc.setMediaInputSpace(m.id, automatic ? QString() : value, pipeline);
        const MediaRef& now = *doc.project().findMedia(m.id);
        printLine(QStringLiteral("%1\tinput colour space: %2")
                      .arg(QFileInfo(now.path).fileName(), describeInputSpace(pipeline, now)));
        return;
    }
    const bool one = p.isSet(QStringLiteral("media")) || p.isSet(QStringLiteral("shot"));
    for (const auto& m : doc.project().media)
        if (!one || m.id == resolveMedia(doc, p).id)
            printLine(QStringLiteral("%1\t%2\t%3")
                          .arg(idToString(m.id).left(8), QFileInfo(m.path).fileName(),
                               describeInputSpace(pipeline, m)));
}

} // namespace

EditCommand mediaEditCommand() {
    return {"media",
            "List the project's media with their input colour spaces; set one's input colour "
            "space (stored in the project, used by the viewer and every export).",
            "",
            [](QCommandLineParser& p) {
                p.addOption({QStringLiteral("media"),
                             QStringLiteral("Media ID prefix, path or file name."),
                             QStringLiteral("MEDIA")});
                p.addOption({QStringLiteral("shot"), QStringLiteral("The media of this shot."),
                             QStringLiteral("SHOT")});
                p.addOption({QStringLiteral("input-space"),
                             QStringLiteral("Colour space, alias or role of the config, or auto "
                                            "(the file's colour tags, else the config's file "
                                            "rules)."),
                             QStringLiteral("NAME|auto")});
                p.addOption({QStringLiteral("ocio-config"),
                             QStringLiteral("OCIO config the name is checked against (default: "
                                            "Retake's bundled config)."),
                             QStringLiteral("FILE")});
            },
            media};
}

} // namespace retake::cli
