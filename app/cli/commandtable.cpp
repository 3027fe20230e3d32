#include "commandtable.h"

#include "blockingcommand.h"
#include "creditscommand.h"
#include "cameracommand.h"
#include "cli.h"
#include "democommand.h"
#include "farmcommand.h"
#include "modelcommand.h"
#include "otiocommand.h"
#include "projectcommands.h"
#include "provenancecommand.h"
#include "proxycommand.h"
#include "reframecommand.h"
#include "regencommands.h"

namespace retake::cli {

const QVector<Command>& commands() {
    static const QVector<Command> list = [] {
        QVector<Command> c = {
            {"new", "Create a project.", runNew},
            {"info", "Describe a project or a media file (--json).", runInfo},
            {"regen", "Regenerate a masked frame range of a shot as a new take.", runRegen},
            {"inpaint", "Inpaint a plain image sequence (no project).", runInpaint},
            {"export", "Export the timeline or a shot as a movie or an image sequence.", runExport},
            {"otio", "Export or import an OpenTimelineIO timeline (.otio).", runOtio},
            {"shell", "Edit a project from commands on standard input, with autosave.", runShell},
            {"recover", "Recover a project from its crash autosave.", runRecover},
            {"demo", "Run Retake's main job on the bundled demo.", runDemo},
            {"camera", "Edit a shot's camera; shot sizes; camera files.", runCamera},
            {"blocking", "Edit and render a shot's blocking scene.", runBlocking},
            {"reframe",
             "Reframe a shot (zoom, pan, tilt, roll, handheld, 2.5D move, depth of "
             "field) as a new take.",
             runReframe},
            {"farm", "Regenerate and export on a render farm (Slurm, Open Job Description).",
             runFarm},
            {"proxy", "Make the viewer's proxies of long-GOP or large video (--size, --shot).",
             runProxy},
            {"credits", "The credit map: who generated and who locked what, per shot.",
             runCredits},
            {"provenance", "Show a file's Content Credentials (C2PA), checked.", runProvenance},
            {"model", "Check a model file of your own (TorchScript or .pt2).", runModel},
            {"system", "Versions and compute devices.", runSystem},
        };
        // The edit commands' names and summaries are their definitions'
        // (editcommands.cpp), which `shell` and the fuzz targets also use
        // without the rest of the table (and without libtorch).
        for (const EditCommand& edit : editCommands())
            c.push_back({edit.name, edit.summary, nullptr, &edit});
        return c;
    }();
    return list;
}

namespace {

int exitCode(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Usage:
        return UsageError;
    case ErrorKind::BadInput:
        return BadInputFile;
    case ErrorKind::Output:
        return OutputError;
    case ErrorKind::Cancelled:
        return Cancelled;
    case ErrorKind::Internal:
        return InternalError;
    }
    return InternalError;
}

} // namespace

int runCommand(const QStringList& args) {
    const QString name = args.value(0);
    for (const Command& command : commands()) {
        if (name != QLatin1String(command.name))
            continue;
        try {
            return command.edit ? runEditOnFile(*command.edit, args) : command.run(args);
        } catch (const Error& e) {
            printStatus(QStringLiteral("retake-cli %1: %2").arg(name, e.message()));
            return exitCode(e.kind());
        } catch (const std::exception& e) {
            printStatus(QStringLiteral("retake-cli %1: internal error: %2")
                            .arg(name, QString::fromLocal8Bit(e.what())));
            return InternalError;
        }
    }
    printStatus(
        QStringLiteral("retake-cli: unknown command \"%1\"; see retake-cli --help").arg(name));
    return UsageError;
}

} // namespace retake::cli
