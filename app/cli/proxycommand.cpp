#include "proxycommand.h"

#include "cli.h"
#include "document/document.h"
#include "options.h"
#include "proxy/proxybuild.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace retake::cli {

int runProxy(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("size"), QStringLiteral("half (default) or quarter of each side."),
                 QStringLiteral("SIZE")});
    p.addOption({QStringLiteral("shot"),
                 QStringLiteral("Only this shot's media, made even when it would not need one."),
                 QStringLiteral("SHOT")});
    if (!parse(p, args,
               QStringLiteral(
                   "Make the viewer's proxies: all-intra H.264 copies at half or a quarter of the "
                   "size, of each video that is long-GOP or larger than 1920x1080, in the "
                   "project's cache folder. Only the viewer reads them; export, generation and "
                   "masks always read the original. `info` lists them."),
               QStringLiteral("PROJECT")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    ProxySize size = ProxySize::Half;
    if (p.isSet(QStringLiteral("size")) &&
        !proxySizeFromString(p.value(QStringLiteral("size")), &size))
        throw Error(ErrorKind::Usage, QStringLiteral("--size: \"%1\" is not half or quarter")
                                          .arg(p.value(QStringLiteral("size"))));
    const auto doc = Document::open(path);
    const Project& project = doc->project();

    QVector<const MediaRef*> media;
    const bool oneShot = p.isSet(QStringLiteral("shot"));
    if (oneShot) {
        const Shot& shot = resolveShot(project, p.value(QStringLiteral("shot")));
        const MediaRef* m = project.findMedia(shot.mediaId);
        if (m->kind != MediaKind::Video)
            throw Error(ErrorKind::Usage,
                        QStringLiteral("shot %1: its media %2 is %3; only video gets a proxy")
                            .arg(shot.name, m->isGap() ? QStringLiteral("(a gap)") : m->path,
                                 toString(m->kind)));
        media << m;
    } else {
        for (const MediaRef& m : project.media)
            if (m.kind == MediaKind::Video)
                media << &m;
    }

    retake::Progress progress(stderrProgress(QStringLiteral("proxy")));
    installInterruptHandler(&progress);
    int exit = Ok;
    for (const MediaRef* m : media) {
        const QString name = QFileInfo(m->path).fileName();
        if (!m->online) {
            printStatus(
                QStringLiteral("%1: offline (%2), no proxy; relink it first").arg(name, m->path));
            exit = exit == Ok ? BadInputFile : exit;
            continue;
        }
        try {
            const ProxyBuildResult r = makeProxy(doc->cacheDir(), *m, size, oneShot, &progress);
            if (r.file.isEmpty())
                printLine(QStringLiteral("%1: not needed (%2)").arg(name, noProxyReason(*m)));
            else
                printLine(QStringLiteral("%1: %2 %3 proxy %4x%5, %6 frames%7 (%8): %9")
                              .arg(name, r.made ? QStringLiteral("made") : QStringLiteral("has a"),
                                   toString(size))
                              .arg(r.frameSize.width())
                              .arg(r.frameSize.height())
                              .arg(r.frames)
                              .arg(r.made ? QStringLiteral(" in %1 s").arg(r.seconds, 0, 'f', 1)
                                          : QString(),
                                   r.reason.isEmpty() ? QStringLiteral("asked for") : r.reason,
                                   r.file));
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            printStatus(e.message());
            exit = exit == Ok ? (e.kind() == ErrorKind::Output ? OutputError : BadInputFile) : exit;
        }
    }
    installInterruptHandler(nullptr);
    return exit;
}

} // namespace retake::cli
