// `retake-cli camera`: lens, keys, moves, handheld, shot-size solver, camera
// files (blockingcommand.cpp has `retake-cli blocking`).
// Frames on the command line are the shot's own (0 = its first frame); the
// project stores media frames.
#include "cameracommand.h"

#include "camera/blockingrender.h"
#include "camera/cameraexport.h"
#include "camera/camerajson.h"
#include "camera/lens.h"
#include "camera/motion.h"
#include "cli.h"
#include "media/media.h"
#include "options.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSize>
#include <algorithm>
#include <cmath>

namespace retake::cli {

namespace {

void addCameraOptions(QCommandLineParser& p) {
    const auto opt = [&](const char* name, const char* help, const char* value = nullptr) {
        addOption(p, name, help, value);
    };
    opt("shot", "Shot ID, ID prefix or name.", "SHOT");
    opt("focal", "Focal length in mm.", "MM");
    opt("filmback",
        "Filmback preset (super35, fullframe, alexa35, alexaminilf, vraptor8kvv, "
        "ursaminipro12k, super16, iphone15pro) or WxH in mm.",
        "PRESET|WxH");
    opt("fit", "Sensor fit: fill, overscan, horizontal, vertical.", "FIT");
    opt("shift", "Lens shift on the filmback in mm (right, up).", "X,Y");
    opt("squeeze", "Anamorphic squeeze: 1, 1.33, 1.5, 1.8 or 2.", "S");
    opt("focus", "Focus distance in metres (with --at: a focus key, for focus pulls).", "M");
    opt("fstop", "f-stop (at least 0.5).", "N");
    opt("blades", "Aperture blades (0 = round).", "N");
    opt("shutter", "Shutter angle in degrees.", "DEG");
    opt("distortion", "Radial distortion k1,k2 (OpenCV convention).", "K1,K2");
    opt("vignette", "Vignette strength 0..1.", "V");
    opt("position", "Camera position in metres (Z up).", "X,Y,Z");
    opt("rotation", "Pan, tilt, roll in degrees (pan 0 looks along +Y).", "PAN,TILT,ROLL");
    opt("at", "Write --position/--rotation/--focal/--focus as a key at this shot frame.", "FRAME");
    opt("key", "Add or replace a key: FRAME:X,Y,Z:PAN,TILT,ROLL[:FOCAL[:EASING]] (repeatable).",
        "KEY");
    opt("remove-key", "Remove the key at this shot frame (repeatable).", "FRAME");
    opt("clear-keys", "Remove every key (the camera keeps its last fixed pose).");
    opt("easing", "Easing of --at keys and moves: linear, ease-in, ease-out, ease-in-out, hold.",
        "EASING");
    opt("move",
        "Move preset as keys: pan:DEG, tilt:DEG, dolly-in:M, dolly-out:M, truck:M, "
        "pedestal:M, crane:M, zoom:MM, dolly-zoom:MM, orbit:DEG, focus-pull:M. Added to what "
        "the camera already does there: a pan after a dolly on the same frames does both.",
        "KIND:AMOUNT");
    opt("range", "Frames of the move, inclusive (default: the whole shot).", "A-B");
    opt("subject-distance", "Subject distance for crane, dolly-zoom and orbit (default 3 m).", "M");
    opt("handheld", "Handheld preset: off, subtle, handheld, heavy, walking, running.", "PRESET");
    opt("handheld-rotation", "Handheld rotation RMS in degrees.", "DEG");
    opt("handheld-position", "Handheld position RMS in cm.", "CM");
    opt("handheld-band", "Handheld frequency band in Hz.", "LO-HI");
    opt("walk", "Walking bob amplitude in cm.", "CM");
    opt("breath", "Breathing amplitude in cm.", "CM");
    opt("seed", "Handheld seed.", "N");
    opt("solve-size", "Distance that frames a shot size: ECU, CU, MCU, MS, COWBOY, FULL, WS, EWS.",
        "SIZE");
    opt("move-to-frame",
        "With --solve-size: move the camera along its view axis so that the subject at the "
        "focus distance is framed so (focus follows; one undo step).");
    opt("size-at", "Shot size this lens gives of the subject at a distance.", "M");
    opt("subject-height", "Subject height for the shot-size solver (default 1.75 m).", "M");
    opt("project-point", "Print the pixel a world point lands on (with --frame).", "X,Y,Z");
    opt("frame", "Shot frame for --project-point (default 0).", "FRAME");
    opt("export", "Write the baked camera: .usda, .chan or .py (Blender) (repeatable).", "FILE");
    opt("first-frame", "Frame number of the shot's first frame in exports (default 1).", "N");
    opt("json", "Print JSON.");
}

void applyLens(Camera& c, const QCommandLineParser& p) {
    if (has(p, "focal") && !has(p, "at"))
        c.focalLengthMm = parseNumber(optionValue(p, "focal"), QStringLiteral("--focal"));
    if (has(p, "filmback")) {
        const QString text = optionValue(p, "filmback");
        if (const FilmbackPreset* preset = findFilmbackPreset(text)) {
            c.filmbackWidthMm = preset->widthMm;
            c.filmbackHeightMm = preset->heightMm;
            c.lens.filmbackPreset = QLatin1String(preset->name);
        } else {
            const QStringList wh = text.toLower().split(QLatin1Char('x'));
            if (wh.size() != 2)
                usageError(QStringLiteral("--filmback: \"%1\" is neither a preset nor WxH in mm.")
                               .arg(text));
            c.filmbackWidthMm = parseNumber(wh[0], QStringLiteral("--filmback"));
            c.filmbackHeightMm = parseNumber(wh[1], QStringLiteral("--filmback"));
            c.lens.filmbackPreset.clear();
        }
    }
    if (has(p, "fit") && !sensorFitFromString(optionValue(p, "fit"), &c.lens.sensorFit))
        usageError(QStringLiteral("--fit: \"%1\" is not fill, overscan, horizontal or vertical.")
                       .arg(optionValue(p, "fit")));
    if (has(p, "shift")) {
        const auto v = parseNumbers(optionValue(p, "shift"), 2, QStringLiteral("--shift"),
                                    QStringLiteral("X,Y"));
        c.lens.shiftXMm = v[0];
        c.lens.shiftYMm = v[1];
    }
    if (has(p, "squeeze")) {
        const double s = parseNumber(optionValue(p, "squeeze"), QStringLiteral("--squeeze"));
        static const double allowed[] = {1.0, 1.33, 1.5, 1.8, 2.0};
        if (std::none_of(std::begin(allowed), std::end(allowed),
                         [s](double a) { return std::abs(a - s) < 1e-9; }))
            usageError(QStringLiteral("--squeeze: %1 is not one of 1, 1.33, 1.5, 1.8, 2.").arg(s));
        c.lens.anamorphicSqueeze = s;
    }
    if (has(p, "focus") && !has(p, "at"))
        c.focusDistanceM = parseNumber(optionValue(p, "focus"), QStringLiteral("--focus"));
    if (has(p, "fstop"))
        c.fStop = parseNumber(optionValue(p, "fstop"), QStringLiteral("--fstop"));
    if (has(p, "blades"))
        c.lens.apertureBlades =
            int(parseNumber(optionValue(p, "blades"), QStringLiteral("--blades")));
    if (has(p, "shutter"))
        c.shutterAngleDeg = parseNumber(optionValue(p, "shutter"), QStringLiteral("--shutter"));
    if (has(p, "distortion")) {
        const auto v = parseNumbers(optionValue(p, "distortion"), 2, QStringLiteral("--distortion"),
                                    QStringLiteral("K1,K2"));
        c.lens.distortionK1 = v[0];
        c.lens.distortionK2 = v[1];
    }
    if (has(p, "vignette"))
        c.lens.vignette = parseNumber(optionValue(p, "vignette"), QStringLiteral("--vignette"));
}

Easing easingOption(const QCommandLineParser& p) {
    Easing e = Easing::EaseInOut;
    if (has(p, "easing") && !easingFromString(optionValue(p, "easing"), &e))
        usageError(QStringLiteral("--easing: \"%1\" is not linear, ease-in, ease-out, "
                                  "ease-in-out or hold.")
                       .arg(optionValue(p, "easing")));
    return e;
}

CameraKey parseKey(const Shot& shot, const QString& text) {
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() < 3 || parts.size() > 5)
        usageError(QStringLiteral("--key: expected FRAME:X,Y,Z:PAN,TILT,ROLL[:FOCAL[:EASING]], "
                                  "got \"%1\".")
                       .arg(text));
    CameraKey k;
    k.frame = shot.source.start + parseFrame(parts[0], QStringLiteral("--key"));
    k.pose.position = parseVec(parts[1], QStringLiteral("--key position"));
    const auto r = parseNumbers(parts[2], 3, QStringLiteral("--key rotation"),
                                QStringLiteral("PAN,TILT,ROLL"));
    k.pose.panDeg = r[0];
    k.pose.tiltDeg = r[1];
    k.pose.rollDeg = r[2];
    if (parts.size() > 3 && !parts[3].isEmpty()) {
        k.pose.focalLengthMm = parseNumber(parts[3], QStringLiteral("--key focal length"));
        if (!(k.pose.focalLengthMm > 0))
            usageError(QStringLiteral("--key: the focal length must be greater than 0 mm (got %1).")
                           .arg(parts[3]));
    }
    if (parts.size() > 4 && !easingFromString(parts[4], &k.easing))
        usageError(QStringLiteral("--key: \"%1\" is not an easing.").arg(parts[4]));
    return k;
}

void applyMotion(Camera& c, const Shot& shot, const QCommandLineParser& p) {
    CameraMotion& m = c.motion;
    if (has(p, "clear-keys") && (has(p, "remove-key") || has(p, "key")))
        usageError(QStringLiteral("--clear-keys contradicts --remove-key and --key: give one."));
    if (has(p, "clear-keys")) {
        if (!m.keys.isEmpty())
            m.pose = m.keys.back().pose;
        m.keys.clear();
    }
    for (const QString& f : p.values(QStringLiteral("remove-key"))) {
        const FrameNumber frame = shot.source.start + parseFrame(f, QStringLiteral("--remove-key"));
        if (!removeKey(m, frame))
            usageError(QStringLiteral("--remove-key: shot \"%1\" has no camera key at frame %2.")
                           .arg(shot.name, f));
    }
    QSet<FrameNumber> keyed;
    for (const QString& text : p.values(QStringLiteral("key"))) {
        const CameraKey k = parseKey(shot, text);
        if (keyed.contains(k.frame))
            usageError(
                QStringLiteral("--key: two keys at frame %1.").arg(k.frame - shot.source.start));
        keyed.insert(k.frame);
        setKey(m, k);
    }
    const bool posing = has(p, "position") || has(p, "rotation");
    if (has(p, "at") && !posing && !has(p, "focal") && !has(p, "focus"))
        usageError(QStringLiteral("--at needs --position, --rotation, --focal or --focus to key."));
    if (has(p, "at")) {
        const FrameNumber frame =
            shot.source.start + parseFrame(optionValue(p, "at"), QStringLiteral("--at"));
        if (keyed.contains(frame))
            usageError(QStringLiteral("--at %1 and --key give two keys at the same frame.")
                           .arg(optionValue(p, "at")));
        CameraKey k{frame, keyedPose(c, double(frame)), easingOption(p)};
        // keyedPose resolves the focal length to a number; a camera whose keys
        // never set one keeps following the lens (0), so a later --focal
        // without --at still changes the whole shot.
        bool zoomKeyed = m.pose.focalLengthMm > 0;
        for (const auto& key : m.keys)
            zoomKeyed = zoomKeyed || key.pose.focalLengthMm > 0;
        if (!zoomKeyed)
            k.pose.focalLengthMm = 0;
        // The same for the focus distance: keys follow --focus until one pulls focus.
        bool focusKeyed = m.pose.focusDistanceM > 0;
        for (const auto& key : m.keys)
            focusKeyed = focusKeyed || key.pose.focusDistanceM > 0;
        if (!focusKeyed)
            k.pose.focusDistanceM = 0;
        if (has(p, "focus")) { // with --at, --focus keys a focus pull
            k.pose.focusDistanceM = parseNumber(optionValue(p, "focus"), QStringLiteral("--focus"));
            if (!(k.pose.focusDistanceM > 0))
                usageError(QStringLiteral("--focus: the focus distance must be greater than 0 m."));
        }
        if (has(p, "focal")) // with --at, --focal keys a zoom instead of changing the lens
            k.pose.focalLengthMm = parseNumber(optionValue(p, "focal"), QStringLiteral("--focal"));
        if (has(p, "position"))
            k.pose.position = parseVec(optionValue(p, "position"), QStringLiteral("--position"));
        if (has(p, "rotation")) {
            const auto r = parseNumbers(optionValue(p, "rotation"), 3, QStringLiteral("--rotation"),
                                        QStringLiteral("PAN,TILT,ROLL"));
            k.pose.panDeg = r[0];
            k.pose.tiltDeg = r[1];
            k.pose.rollDeg = r[2];
        }
        setKey(m, k);
    } else if (posing) {
        if (!m.keys.isEmpty())
            usageError(QStringLiteral("The camera of shot \"%1\" is keyed: give --at FRAME to "
                                      "key --position/--rotation, or --clear-keys first.")
                           .arg(shot.name));
        if (has(p, "position"))
            m.pose.position = parseVec(optionValue(p, "position"), QStringLiteral("--position"));
        if (has(p, "rotation")) {
            const auto r = parseNumbers(optionValue(p, "rotation"), 3, QStringLiteral("--rotation"),
                                        QStringLiteral("PAN,TILT,ROLL"));
            m.pose.panDeg = r[0];
            m.pose.tiltDeg = r[1];
            m.pose.rollDeg = r[2];
        }
    }
    if (has(p, "move")) {
        const QStringList parts = optionValue(p, "move").split(QLatin1Char(':'));
        MoveParams move;
        if (parts.size() != 2 || !moveKindFromString(parts[0], &move.kind))
            usageError(QStringLiteral("--move: expected KIND:AMOUNT with KIND one of pan, tilt, "
                                      "dolly-in, dolly-out, truck, pedestal, crane, zoom, "
                                      "dolly-zoom, orbit, focus-pull; got \"%1\".")
                           .arg(optionValue(p, "move")));
        move.amount = parseNumber(parts[1], QStringLiteral("--move"));
        const FrameRange range =
            has(p, "range") ? parseShotRange(shot, optionValue(p, "range")) : shot.source;
        if (!shot.source.contains(range))
            usageError(QStringLiteral("--range is outside shot \"%1\" (frames 0-%2).")
                           .arg(shot.name)
                           .arg(shot.duration() - 1));
        move.start = range.start;
        move.frames = range.length() - 1;
        for (FrameNumber f : keyed)
            if (f >= range.start && f < range.end)
                usageError(QStringLiteral("--key at frame %1 falls inside the --move range: "
                                          "the move would replace it.")
                               .arg(f - shot.source.start));
        move.easing = easingOption(p);
        if (has(p, "subject-distance"))
            move.subjectDistanceM = parseNumber(optionValue(p, "subject-distance"),
                                                QStringLiteral("--subject-distance"));
        m = withMove(c, move);
    }
    Handheld& h = m.handheld;
    if (has(p, "handheld")) {
        const HandheldPreset* preset = findHandheldPreset(optionValue(p, "handheld"));
        if (!preset)
            usageError(QStringLiteral("--handheld: \"%1\" is not off, subtle, handheld, heavy, "
                                      "walking or running.")
                           .arg(optionValue(p, "handheld")));
        const quint64 seed = h.seed;
        h = preset->handheld;
        h.seed = seed;
        if (QLatin1String(preset->name) == QLatin1String("off") &&
            (has(p, "handheld-rotation") || has(p, "handheld-position") || has(p, "walk") ||
             has(p, "breath")))
            usageError(QStringLiteral("--handheld off contradicts the handheld amplitudes given."));
    }
    if (has(p, "handheld-rotation"))
        h.rotationDeg =
            parseNumber(optionValue(p, "handheld-rotation"), QStringLiteral("--handheld-rotation"));
    if (has(p, "handheld-position"))
        h.positionCm =
            parseNumber(optionValue(p, "handheld-position"), QStringLiteral("--handheld-position"));
    if (has(p, "handheld-band")) {
        const QStringList band = optionValue(p, "handheld-band").split(QLatin1Char('-'));
        if (band.size() != 2)
            usageError(QStringLiteral("--handheld-band: expected LO-HI in Hz, got \"%1\".")
                           .arg(optionValue(p, "handheld-band")));
        h.bandLowHz = parseNumber(band[0], QStringLiteral("--handheld-band"));
        h.bandHighHz = parseNumber(band[1], QStringLiteral("--handheld-band"));
    }
    if (has(p, "walk"))
        h.walkCm = parseNumber(optionValue(p, "walk"), QStringLiteral("--walk"));
    if (has(p, "breath"))
        h.breathCm = parseNumber(optionValue(p, "breath"), QStringLiteral("--breath"));
    if (has(p, "seed")) {
        bool ok = false;
        h.seed = optionValue(p, "seed").toULongLong(&ok);
        if (!ok)
            usageError(QStringLiteral("--seed: \"%1\" is not a whole number.")
                           .arg(optionValue(p, "seed")));
    }
}

QJsonObject cameraJson(const Camera& c, const Shot& shot, const Project& project) {
    const int w = project.width, h = project.height;
    const FrameWindow fw = frameWindow(c, w, h);
    const Intrinsics k = intrinsics(c, w, h);
    const DepthOfField dof = depthOfField(c);
    QJsonObject o = cameraToJson(c);
    QJsonObject motion = o.value(QStringLiteral("motion")).toObject();
    // Keys in the shot's own frames, like every frame on the command line.
    QJsonArray keys;
    for (auto v : motion.value(QStringLiteral("keys")).toArray()) {
        QJsonObject key = v.toObject();
        key.insert(QStringLiteral("frame"),
                   key.value(QStringLiteral("frame")).toDouble() - double(shot.source.start));
        keys.append(key);
    }
    motion.insert(QStringLiteral("keys"), keys);
    o.insert(QStringLiteral("motion"), motion);
    o.insert(QStringLiteral("shot"), shot.name);
    const QJsonObject derived{
        {"image", QJsonObject{{"width", w}, {"height", h}}},
        {"frameWindowMm", QJsonObject{{"width", fw.widthMm}, {"height", fw.heightMm}}},
        {"intrinsics", QJsonObject{{"fx", k.fx}, {"fy", k.fy}, {"cx", k.cx}, {"cy", k.cy}}},
        {"depthOfField",
         QJsonObject{{"circleOfConfusionMm", dof.circleOfConfusionMm},
                     {"hyperfocalM", dof.hyperfocalM},
                     {"nearM", dof.nearM},
                     {"farM", std::isinf(dof.farM) ? QJsonValue(QStringLiteral("infinity"))
                                                   : QJsonValue(dof.farM)}}}};
    for (auto it = derived.begin(); it != derived.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

int runCamera(const QStringList& args) {
    QCommandLineParser p;
    addCameraOptions(p);
    if (!parse(p, args,
               QStringLiteral("Show or edit a shot's camera: lens, filmback, keys, move presets "
                              "and handheld motion (one undo step), solve shot sizes, project "
                              "points and write camera files. Axes: metres, Z up; pan 0 looks "
                              "along +Y, positive pan turns left, positive tilt looks up. "
                              "Frames are the shot's own (0 = first frame)."),
               QStringLiteral("PROJECT")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    if (!has(p, "shot"))
        usageError(QStringLiteral("Give the shot with --shot SHOT."));
    if (has(p, "solve-size") && has(p, "size-at"))
        usageError(QStringLiteral("--solve-size and --size-at ask opposite questions: give one."));
    editProject(path, [&](Document& doc) {
        const Shot& shot = resolveShot(doc.project(), optionValue(p, "shot"));
        const Id shotId = shot.id;
        Camera c = shot.camera;
        applyLens(c, p);
        applyMotion(c, shot, p);
        // Framing moves the camera before anything is reported, so that all
        // of it describes the moved camera.
        double movedCloser = 0;
        if (has(p, "move-to-frame")) {
            ShotSize size;
            if (!has(p, "solve-size") || !shotSizeFromString(optionValue(p, "solve-size"), &size))
                usageError(QStringLiteral("--move-to-frame needs --solve-size with the shot size "
                                          "to frame (ECU, CU, MCU, MS, COWBOY, FULL, WS, EWS)."));
            const double subject = has(p, "subject-height")
                                       ? parseNumber(optionValue(p, "subject-height"),
                                                     QStringLiteral("--subject-height"))
                                       : 1.75;
            if (!(subject > 0))
                usageError(QStringLiteral("--subject-height must be greater than 0 m."));
            const double d =
                distanceForShotSize(c, doc.project().width, doc.project().height, size, subject);
            movedCloser = c.focusDistanceM - d;
            c = withSubjectAt(c, d);
        }
        if (c != shot.camera)
            doc.setCamera(shotId, c); // validates; one undo step
        const Project& project = doc.project();
        const Shot& now = *project.findShot(shotId);
        const Camera& cam = now.camera;
        QJsonObject out = cameraJson(cam, now, project);
        QStringList lines;
        const DepthOfField dof = depthOfField(cam);
        const FrameWindow fw = frameWindow(cam, project.width, project.height);
        lines << QStringLiteral("shot \"%1\": %2 mm, filmback %3 x %4 mm%5, frame window %6 x "
                                "%7 mm (%8), f/%9, focus %10 m")
                     .arg(now.name)
                     .arg(cam.focalLengthMm)
                     .arg(cam.filmbackWidthMm)
                     .arg(cam.filmbackHeightMm)
                     .arg(cam.lens.filmbackPreset.isEmpty()
                              ? QString()
                              : QStringLiteral(" (%1)").arg(cam.lens.filmbackPreset))
                     .arg(fw.widthMm, 0, 'f', 2)
                     .arg(fw.heightMm, 0, 'f', 2)
                     .arg(toString(cam.lens.sensorFit))
                     .arg(cam.fStop)
                     .arg(cam.focusDistanceM);
        lines << QStringLiteral("depth of field: near %1 m, far %2, hyperfocal %3 m (CoC %4 mm)")
                     .arg(dof.nearM, 0, 'f', 2)
                     .arg(std::isinf(dof.farM) ? QStringLiteral("infinity")
                                               : QStringLiteral("%1 m").arg(dof.farM, 0, 'f', 2))
                     .arg(dof.hyperfocalM, 0, 'f', 2)
                     .arg(dof.circleOfConfusionMm, 0, 'f', 4);
        lines << QStringLiteral("keys: %1%2")
                     .arg(cam.motion.keys.size())
                     .arg(cam.motion.handheld.active() ? QStringLiteral(", handheld") : QString());
        const double subject =
            has(p, "subject-height")
                ? parseNumber(optionValue(p, "subject-height"), QStringLiteral("--subject-height"))
                : 1.75;
        if (!(subject > 0))
            usageError(QStringLiteral("--subject-height must be greater than 0 m."));
        if (has(p, "solve-size")) {
            ShotSize size;
            if (!shotSizeFromString(optionValue(p, "solve-size"), &size))
                usageError(QStringLiteral("--solve-size: \"%1\" is not ECU, CU, MCU, MS, COWBOY, "
                                          "FULL, WS or EWS.")
                               .arg(optionValue(p, "solve-size")));
            const double d = distanceForShotSize(cam, project.width, project.height, size, subject);
            out.insert(QStringLiteral("solve"),
                       QJsonObject{{"size", QLatin1String(shotSizeInfo(size).code)},
                                   {"subjectHeightM", subject},
                                   {"distanceM", d}});
            lines << QStringLiteral("%1 of a %2 m subject with %3 mm: %4 m from the camera")
                         .arg(QLatin1String(shotSizeInfo(size).code))
                         .arg(subject)
                         .arg(cam.focalLengthMm)
                         .arg(d, 0, 'f', 3);
            if (has(p, "move-to-frame")) {
                out.insert(QStringLiteral("moved"), QJsonObject{{"closerM", movedCloser}});
                lines << QStringLiteral("camera moved %1 m %2 along its view axis; focus %3 m")
                             .arg(std::abs(movedCloser), 0, 'f', 3)
                             .arg(movedCloser >= 0 ? QStringLiteral("closer")
                                                   : QStringLiteral("back"))
                             .arg(cam.focusDistanceM, 0, 'f', 3);
            }
        }
        if (has(p, "size-at")) {
            const double d = parseNumber(optionValue(p, "size-at"), QStringLiteral("--size-at"));
            if (!(d > 0))
                usageError(QStringLiteral("--size-at must be greater than 0 m."));
            const ShotSizeEstimate e = shotSizeAt(cam, project.width, project.height, d, subject);
            out.insert(QStringLiteral("sizeAt"),
                       QJsonObject{{"distanceM", d},
                                   {"size", QLatin1String(shotSizeInfo(e.nearest).code)},
                                   {"frameHeightM", e.frameHeightM},
                                   {"frameHeightInSubjects", e.frameHeightInSubjects}});
            lines << QStringLiteral("at %1 m: %2 (frame %3 m high, %4 subject heights)")
                         .arg(d)
                         .arg(QLatin1String(shotSizeInfo(e.nearest).name))
                         .arg(e.frameHeightM, 0, 'f', 3)
                         .arg(e.frameHeightInSubjects, 0, 'f', 3);
        }
        if (has(p, "project-point")) {
            const Vec3 world =
                parseVec(optionValue(p, "project-point"), QStringLiteral("--project-point"));
            const FrameNumber frame =
                now.source.start +
                (has(p, "frame") ? parseFrame(optionValue(p, "frame"), QStringLiteral("--frame"))
                                 : 0);
            const CameraPose pose = evaluatePose(cam, double(frame), project.frameRate);
            const PixelPoint px =
                projectPoint(intrinsics(cam, project.width, project.height, pose.focalLengthMm),
                             cameraToWorld(pose), world);
            out.insert(QStringLiteral("projection"), QJsonObject{{"x", px.x},
                                                                 {"y", px.y},
                                                                 {"depthM", px.depth},
                                                                 {"inFront", px.inFront}});
            lines << (px.inFront ? QStringLiteral("point lands at pixel (%1, %2), depth %3 m")
                                       .arg(px.x, 0, 'f', 3)
                                       .arg(px.y, 0, 'f', 3)
                                       .arg(px.depth, 0, 'f', 4)
                                 : QStringLiteral("point is behind the camera"));
        }
        QJsonArray exported;
        QJsonArray notes; // what the files cannot say (cameraFileNotes)
        for (const QString& file : p.values(QStringLiteral("export"))) {
            CameraExportSettings s;
            s.frames = now.source;
            s.frameRate = project.frameRate;
            s.imageWidth = project.width;
            s.imageHeight = project.height;
            s.name = QStringLiteral("RetakeCamera");
            if (has(p, "first-frame"))
                s.firstOutputFrame =
                    parseFrame(optionValue(p, "first-frame"), QStringLiteral("--first-frame"));
            const QString absolute = QFileInfo(file).absoluteFilePath();
            writeCameraFile(absolute, cam, s);
            exported.append(absolute);
            lines << QStringLiteral("wrote %1").arg(absolute);
            for (const QString& note : cameraFileNotes(absolute, cam, s)) {
                notes.append(note);
                lines << QStringLiteral("  ") + note;
            }
        }
        if (!exported.isEmpty())
            out.insert(QStringLiteral("exported"), exported);
        if (!notes.isEmpty())
            out.insert(QStringLiteral("notes"), notes);
        if (has(p, "json"))
            printJson(out);
        else
            for (const auto& line : lines)
                printLine(line);
    });
    return Ok;
}

} // namespace retake::cli
