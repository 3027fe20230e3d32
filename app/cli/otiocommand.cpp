// retake-cli otio export|import: OpenTimelineIO interchange (editor/interchange/otio.h).
#include "otiocommand.h"

#include "cli.h"
#include "interchange/otio.h"
#include "options.h"
#include "projectfile/projectfile.h"

#include <QFileInfo>

namespace retake::cli {

namespace {

int otioExport(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("out"),
                 QStringLiteral("The .otio file to write, or an .otioz bundle: the timeline "
                                "with every media file it uses, for handing over."),
                 QStringLiteral("FILE")});
    if (!parse(p, args,
               QStringLiteral("Write the project's timeline as OpenTimelineIO JSON: tracks, shots "
                              "as clips with their media, lock ranges as markers, takes as "
                              "metadata."),
               QStringLiteral("PROJECT")))
        return Ok;
    const Project project = loadProjectFile(positional(p, 0, QStringLiteral("the project file")));
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("Give the .otio file with --out."));
    if (isOtioBundle(out))
        writeOtioBundle(project, out);
    else
        writeOtioFile(project, out);
    printLine(QFileInfo(out).absoluteFilePath());
    return Ok;
}

int otioImport(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("out"), QStringLiteral("The project file to create."),
                 QStringLiteral("PROJECT")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Replace an existing project file.")});
    if (!parse(p, args,
               QStringLiteral("Create a project from an OpenTimelineIO .otio timeline or .otioz "
                              "bundle (its media is unpacked beside it, into FILE.otioz.media). "
                              "Prints a report, one line per item: \"kept: ...\", \"changed: "
                              "...\" or \"dropped: ...\", then the project file."),
               QStringLiteral("FILE.otio|FILE.otioz")))
        return Ok;
    const QString in = positional(p, 0, QStringLiteral("the .otio file"));
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("Give the project file with --out."));
    if (QFileInfo::exists(out) && !p.isSet(QStringLiteral("force")))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1 exists; use --force to replace it.").arg(out));
    const OtioImport imported = isOtioBundle(in) ? readOtioBundle(in) : readOtioFile(in);
    for (const OtioReportLine& line : imported.report)
        printLine(line.toString());
    saveProjectFile(imported.project, out);
    printLine(QFileInfo(out).absoluteFilePath());
    return Ok;
}

} // namespace

int runOtio(const QStringList& args) {
    const QString sub = args.value(1);
    if (sub == QLatin1String("export"))
        return otioExport(args.mid(1));
    if (sub == QLatin1String("import"))
        return otioImport(args.mid(1));
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printLine(QStringLiteral("retake-cli otio export PROJECT --out FILE.otio|FILE.otioz\n"
                                 "retake-cli otio import FILE.otio|FILE.otioz --out PROJECT.retake "
                                 "[--force]"));
        return sub.isEmpty() ? UsageError : Ok;
    }
    throw Error(ErrorKind::Usage,
                QStringLiteral("otio: unknown subcommand \"%1\"; use export or import.").arg(sub));
}

} // namespace retake::cli
