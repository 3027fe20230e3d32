// regen (a take on a project's shot) and inpaint (plain image sequences).
#include "regencommands.h"

#include "cli.h"
#include "options.h"
#include "regen/regenerate.h"

#include <QFileInfo>

namespace retake::cli {

namespace {

void addEngineOptions(QCommandLineParser& p) {
    p.addOption({QStringLiteral("engine"),
                 QStringLiteral("propagate (default), interpolate, model, shot-trained."),
                 QStringLiteral("ENGINE")});
    p.addOption({QStringLiteral("seed"),
                 QStringLiteral("Seed; the same seed gives the same result on the CPU."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("param"),
                 QStringLiteral("Engine parameter (repeatable); see --list-params."),
                 QStringLiteral("KEY=VALUE")});
    p.addOption({QStringLiteral("reference"),
                 QStringLiteral("A clean plate image the engine may copy from."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("device"), QStringLiteral("cpu (default), cuda, cuda:N or auto."),
                 QStringLiteral("DEVICE")});
    p.addOption({QStringLiteral("list-params"),
                 QStringLiteral("Print the engine's parameters and defaults, and exit.")});
}

QMap<QString, QString> parseParams(const QStringList& values) {
    QMap<QString, QString> params;
    for (const QString& v : values) {
        const int eq = v.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw Error(ErrorKind::Usage,
                        QStringLiteral("--param takes KEY=VALUE, not \"%1\".").arg(v));
        params.insert(v.left(eq), v.mid(eq + 1));
    }
    return params;
}

bool listParams(const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("list-params")))
        return false;
    const QString engine = p.value(QStringLiteral("engine")).isEmpty()
                               ? QStringLiteral("propagate")
                               : p.value(QStringLiteral("engine"));
    if (regenerationEngineNamed(engine).isEmpty())
        throw Error(ErrorKind::Usage,
                    QStringLiteral("Unknown engine \"%1\"; engines: %2.")
                        .arg(engine, regenerationEngines().join(QStringLiteral(", "))));
    std::fputs(QStringLiteral("%1 parameters:\n%2")
                   .arg(engine, describeEngineParameters(engine))
                   .toLocal8Bit()
                   .constData(),
               stdout);
    return true;
}

qint64 seedArg(const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("seed")))
        return 0;
    bool ok = false;
    const qint64 seed = p.value(QStringLiteral("seed")).toLongLong(&ok);
    if (!ok)
        throw Error(ErrorKind::Usage, QStringLiteral("--seed takes an integer, not \"%1\".")
                                          .arg(p.value(QStringLiteral("seed"))));
    return seed;
}

void addRegenOptions(QCommandLineParser& p) {
    p.addOption({QStringLiteral("shot"), QStringLiteral("Shot ID, ID prefix or name."),
                 QStringLiteral("SHOT")});
    p.addOption({QStringLiteral("range"),
                 QStringLiteral("Frames A-B of the shot, inclusive (default: all)."),
                 QStringLiteral("A-B")});
    p.addOption({QStringLiteral("prompt"), QStringLiteral("Prompt for engines that use one."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("reference-follows"),
                 QStringLiteral("Pin the --reference plate to a moving surface: a painted shape "
                                "(ID or prefix) tracked on it with the planar model; the plate "
                                "is warped onto every frame along it."),
                 QStringLiteral("SHAPE")});
    p.addOption({QStringLiteral("reference-frame"),
                 QStringLiteral("The shot frame the plate shows the surface as (default: the "
                                "first of --range)."),
                 QStringLiteral("F")});
    addEngineOptions(p);
}

RegenRequest regenRequestFrom(const QCommandLineParser& p, const Project& project) {
    const Shot& shot = resolveShot(project, p.value(QStringLiteral("shot")));
    RegenRequest request;
    request.shotId = shot.id;
    request.range = p.isSet(QStringLiteral("range"))
                        ? parseShotRange(shot, p.value(QStringLiteral("range")))
                        : shot.source;
    if (p.isSet(QStringLiteral("engine")))
        request.engine = p.value(QStringLiteral("engine"));
    request.parameters = parseParams(p.values(QStringLiteral("param")));
    request.seed = seedArg(p);
    request.prompt = p.value(QStringLiteral("prompt"));
    request.referencePath = p.value(QStringLiteral("reference"));
    if (p.isSet(QStringLiteral("reference-follows"))) {
        const QString key = p.value(QStringLiteral("reference-follows"));
        for (const MaskRef& m : shot.masks)
            for (const MaskShape& s : m.painted.shapes)
                if (key.size() >= 4 && idToString(s.id).startsWith(key, Qt::CaseInsensitive))
                    request.referenceFollows = s.id;
        if (request.referenceFollows.isNull())
            throw Error(ErrorKind::Usage,
                        QStringLiteral("Shot \"%1\" has no painted shape \"%2\" (an ID or a "
                                       "prefix of 4 or more characters).")
                            .arg(shot.name, key));
    }
    if (p.isSet(QStringLiteral("reference-frame")))
        request.referenceFrame =
            shot.source.start + parseFrame(p.value(QStringLiteral("reference-frame")),
                                           QStringLiteral("--reference-frame"));
    if (p.isSet(QStringLiteral("device")))
        request.device = p.value(QStringLiteral("device"));
    return request;
}

} // namespace

RegenRequest regenRequestFromArguments(const QStringList& arguments, const Project& project) {
    QCommandLineParser p;
    addRegenOptions(p);
    if (!p.parse(QStringList{QStringLiteral("regen")} + arguments))
        throw Error(ErrorKind::Usage, QStringLiteral("regen: %1").arg(p.errorText()));
    if (!p.positionalArguments().isEmpty())
        throw Error(
            ErrorKind::Usage,
            QStringLiteral("regen: unexpected \"%1\"").arg(p.positionalArguments().first()));
    return regenRequestFrom(p, project);
}

int runRegen(const QStringList& args) {
    QCommandLineParser p;
    addRegenOptions(p);
    if (!parse(
            p, args,
            QStringLiteral(
                "Regenerate the masked pixels of a shot's frame range as a new take. Locked frames "
                "and pixels outside the mask stay bit-identical; the media is never modified."),
            QStringLiteral("PROJECT")) ||
        listParams(p))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    auto doc = Document::open(path);
    const RegenRequest request = regenRequestFrom(p, doc->project());
    // Copied: the take changes the project the shot lives in.
    const Shot shot = *doc->project().findShot(request.shotId);

    retake::Progress progress(stderrProgress(QStringLiteral("regen")));
    installInterruptHandler(&progress);
    const RegenResult result = regenerate(doc->project(), doc->cacheDir(), request, progress);
    installInterruptHandler(nullptr);
    for (const QString& note : result.notes)
        printStatus(QStringLiteral("note: %1").arg(note));
    const Id takeId = doc->addTake(shot.id, result.take);
    doc->save();
    printLine(QStringLiteral("%1\ttake over frames %2 (%3, seed %4)")
                  .arg(idToString(takeId),
                       request.range.shifted(-shot.source.start).toInclusiveString(),
                       request.engine)
                  .arg(request.seed));
    return Ok;
}

int runInpaint(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("frames"),
                 QStringLiteral("Folder of frames (PNG/EXR/TIFF/JPEG, sorted by name)."),
                 QStringLiteral("DIR")});
    p.addOption(
        {QStringLiteral("masks"),
         QStringLiteral(
             "Folder of masks, one per frame, or one mask file for all (non-zero = regenerate)."),
         QStringLiteral("DIR")});
    p.addOption({QStringLiteral("out"),
                 QStringLiteral("Output folder: same file names, same format."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("lock"),
                 QStringLiteral("Frames A-B (0-based, inclusive) to keep exactly (repeatable)."),
                 QStringLiteral("A-B")});
    addEngineOptions(p);
    if (!parse(
            p, args,
            QStringLiteral(
                "Inpaint a plain image sequence without a project (tools, scripts, benchmarks)."),
            QString()) ||
        listParams(p))
        return Ok;
    SequenceInpaintRequest request;
    request.framesDir = p.value(QStringLiteral("frames"));
    request.masksPath = p.value(QStringLiteral("masks"));
    request.outDir = p.value(QStringLiteral("out"));
    if (request.framesDir.isEmpty() || request.masksPath.isEmpty() || request.outDir.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("Give --frames, --masks and --out."));
    for (const QString& lock : p.values(QStringLiteral("lock"))) {
        const auto range = FrameRange::fromInclusiveString(lock);
        if (!range)
            throw Error(ErrorKind::Usage,
                        QStringLiteral("\"%1\" is not a frame range A-B.").arg(lock));
        request.locks << *range;
    }
    if (p.isSet(QStringLiteral("engine")))
        request.engine = p.value(QStringLiteral("engine"));
    request.parameters = parseParams(p.values(QStringLiteral("param")));
    request.seed = seedArg(p);
    request.referencePath = p.value(QStringLiteral("reference"));
    if (p.isSet(QStringLiteral("device")))
        request.device = p.value(QStringLiteral("device"));
    retake::Progress progress(stderrProgress(QStringLiteral("inpaint")));
    installInterruptHandler(&progress);
    const QStringList written = inpaintSequence(request, progress);
    installInterruptHandler(nullptr);
    printLine(QStringLiteral("%1 (%2 frames)")
                  .arg(QFileInfo(request.outDir).absoluteFilePath())
                  .arg(written.size()));
    return Ok;
}

} // namespace retake::cli
