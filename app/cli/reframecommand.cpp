// `retake-cli reframe`: a virtual camera move on a shot's pictures as a new
// take (editor/camera/reframe.h). Frames on the command line are the shot's own.
#include "reframecommand.h"

#include "camera/motion.h"
#include "camera/reframe.h"
#include "cli.h"
#include "options.h"

#include <QJsonArray>

namespace retake::cli {

namespace {

void addReframeOptions(QCommandLineParser& p) {
    const auto opt = [&](const char* name, const char* help, const char* value = nullptr) {
        addOption(p, name, help, value);
    };
    opt("shot", "Shot ID, ID prefix or name.", "SHOT");
    opt("range", "Frames A-B of the shot, inclusive (default: all).", "A-B");
    opt("zoom",
        "Crop-zoom factor: the focal length times F (at least 0.25; below 1 the "
        "engine fills the new border).",
        "F");
    opt("focal", "The new focal length in mm (instead of --zoom).", "MM");
    opt("pan",
        "Pan in degrees, left positive: the camera turns about the lens's centre (the centre "
        "of the picture moves by focal * tan(angle) on the filmback, the edges keystone).",
        "DEG");
    opt("tilt", "Tilt in degrees, up positive.", "DEG");
    opt("roll", "Roll in degrees, counter-clockwise seen from behind the camera.", "DEG");
    opt("handheld",
        "Add handheld motion: subtle, handheld, heavy, walking, running. Without --move its "
        "position shake is approximated as seen on a plane at the shot's focus distance "
        "(nearer and farther things move alike).",
        "PRESET");
    opt("seed", "Seed of the handheld motion and of the engine.", "N");
    opt("move",
        "Move the camera by X right, Y up, Z forward metres (2.5D, needs depth: an EXR Z "
        "channel or a blocking render); disoccluded pixels are filled.",
        "X,Y,Z");
    opt("dof", "Depth of field from the shot's depth, focus distance (keyed focus pulls too) "
               "and f-stop.");
    opt("engine", "Fill engine: propagate (default), model or shot-trained.", "ENGINE");
    opt("param", "Engine parameter (repeatable).", "KEY=VALUE");
    opt("device", "cpu (default), cuda, cuda:N or auto.", "DEVICE");
    opt("json", "Print JSON.");
}

// The take's regenerated frames in the shot's own numbers ("0-10 14-20").
QString regeneratedFrames(const Take& take, const Shot& shot) {
    QStringList parts;
    for (const FrameRange& r : take.regenerated.ranges())
        parts << r.shifted(-shot.source.start).toInclusiveString();
    return parts.join(QLatin1Char(' '));
}

} // namespace

int runReframe(const QStringList& args) {
    QCommandLineParser p;
    addReframeOptions(p);
    if (!parse(p, args,
               QStringLiteral(
                   "Reframe a shot as a new take: crop-zoom, pan/tilt/roll and handheld on any "
                   "footage (through the shot's lens distortion, k1 and k2); with depth, a 2.5D "
                   "camera move (--move) or depth of field (--dof). "
                   "Pixels the new view needs from outside the picture, or that the move "
                   "uncovers, are filled by the regeneration engine. Locked frames stay "
                   "bit-identical."),
               QStringLiteral("PROJECT")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    if (has(p, "zoom") && has(p, "focal"))
        usageError(QStringLiteral("--zoom and --focal both set the new focal length: give one."));
    editProject(path, [&](Document& doc) {
        const Shot& shot = resolveShot(doc.project(), optionValue(p, "shot"));
        ReframeRequest r;
        r.shotId = shot.id;
        r.range = has(p, "range") ? parseShotRange(shot, optionValue(p, "range")) : shot.source;
        if (has(p, "zoom"))
            r.zoom = parseNumber(optionValue(p, "zoom"), QStringLiteral("--zoom"));
        if (has(p, "focal")) {
            r.focalLengthMm = parseNumber(optionValue(p, "focal"), QStringLiteral("--focal"));
            if (!(r.focalLengthMm > 0))
                usageError(QStringLiteral("--focal: the focal length must be greater than 0 mm."));
        }
        if (has(p, "pan"))
            r.panDeg = parseNumber(optionValue(p, "pan"), QStringLiteral("--pan"));
        if (has(p, "tilt"))
            r.tiltDeg = parseNumber(optionValue(p, "tilt"), QStringLiteral("--tilt"));
        if (has(p, "roll"))
            r.rollDeg = parseNumber(optionValue(p, "roll"), QStringLiteral("--roll"));
        if (has(p, "move"))
            r.moveM = parseVec(optionValue(p, "move"), QStringLiteral("--move"));
        r.depthOfField = has(p, "dof");
        if (has(p, "seed")) {
            bool ok = false;
            r.seed = optionValue(p, "seed").toLongLong(&ok);
            if (!ok)
                usageError(QStringLiteral("--seed: \"%1\" is not a whole number.")
                               .arg(optionValue(p, "seed")));
        }
        if (has(p, "handheld")) {
            const HandheldPreset* preset = findHandheldPreset(optionValue(p, "handheld"));
            if (!preset)
                usageError(QStringLiteral("--handheld: \"%1\" is not subtle, handheld, heavy, "
                                          "walking or running.")
                               .arg(optionValue(p, "handheld")));
            r.handheld = preset->handheld;
            r.handheld.seed = quint64(r.seed);
        }
        if (has(p, "engine"))
            r.engine = optionValue(p, "engine");
        for (const QString& v : p.values(QStringLiteral("param"))) {
            const int eq = v.indexOf(QLatin1Char('='));
            if (eq <= 0)
                usageError(QStringLiteral("--param takes KEY=VALUE, not \"%1\".").arg(v));
            r.parameters.insert(v.left(eq), v.mid(eq + 1));
        }
        if (has(p, "device"))
            r.device = optionValue(p, "device");

        Progress progress(stderrProgress(QStringLiteral("reframe")));
        installInterruptHandler(&progress);
        const RegenResult out = reframe(doc.project(), doc.cacheDir(), r, progress);
        installInterruptHandler(nullptr);
        for (const QString& note : out.notes)
            printStatus(QStringLiteral("note: %1").arg(note));
        const Id takeId = doc.addTake(shot.id, out.take);
        const QString frames = r.range.shifted(-shot.source.start).toInclusiveString();
        if (has(p, "json"))
            printJson({{"take", idToString(takeId)},
                       {"shot", shot.name},
                       {"frames", frames},
                       {"engine", r.engine},
                       {"reframe", out.take.parameters.value(QStringLiteral("reframe"))},
                       {"regenerated", regeneratedFrames(out.take, shot)},
                       {"notes", QJsonArray::fromStringList(out.notes)}});
        else
            printLine(QStringLiteral("%1\ttake over frames %2 (reframe %3, %4)")
                          .arg(idToString(takeId), frames,
                               out.take.parameters.value(QStringLiteral("reframe")), r.engine));
    });
    return Ok;
}

} // namespace retake::cli
