// `retake-cli camera` (lens, keys, moves, handheld, shot-size solver, camera
// files) and `retake-cli blocking` (the shot's blocking scene and its render).
// Frames on the command line are the shot's own (0 = its first frame); the
// project stores media frames.
#include "camera/blockingrender.h"
#include "camera/cameraexport.h"
#include "camera/camerajson.h"
#include "camera/lens.h"
#include "camera/motion.h"
#include "cli.h"
#include "media/media.h"

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

[[noreturn]] void usageError(const QString& message) {
    throw Error(ErrorKind::Usage, message);
}

double parseNumber(const QString& text, const QString& what) {
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        usageError(QStringLiteral("%1: \"%2\" is not a number.").arg(what, text));
    return v;
}

QVector<double> parseNumbers(const QString& text, int count, const QString& what,
                             const QString& syntax) {
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != count)
        usageError(QStringLiteral("%1: expected %2, got \"%3\".").arg(what, syntax, text));
    QVector<double> values;
    for (const auto& p : parts)
        values << parseNumber(p, what);
    return values;
}

Vec3 parseVec(const QString& text, const QString& what) {
    const auto v = parseNumbers(text, 3, what, QStringLiteral("X,Y,Z"));
    return {v[0], v[1], v[2]};
}

FrameNumber parseFrame(const QString& text, const QString& what) {
    bool ok = false;
    const qlonglong f = text.trimmed().toLongLong(&ok);
    if (!ok)
        usageError(QStringLiteral("%1: \"%2\" is not a frame number.").arg(what, text));
    return f;
}

QString setOption(const QCommandLineParser& p, const char* name) {
    return p.value(QLatin1String(name));
}
bool has(const QCommandLineParser& p, const char* name) {
    return p.isSet(QLatin1String(name));
}

// ---- camera ---------------------------------------------------------------

void addCameraOptions(QCommandLineParser& p) {
    const auto opt = [&](const char* name, const char* help, const char* value = nullptr) {
        if (value)
            p.addOption({QLatin1String(name), QLatin1String(help), QLatin1String(value)});
        else
            p.addOption({QLatin1String(name), QLatin1String(help)});
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
    opt("focus", "Focus distance in metres.", "M");
    opt("fstop", "f-stop (at least 0.5).", "N");
    opt("blades", "Aperture blades (0 = round).", "N");
    opt("shutter", "Shutter angle in degrees.", "DEG");
    opt("distortion", "Radial distortion k1,k2 (OpenCV convention).", "K1,K2");
    opt("vignette", "Vignette strength 0..1.", "V");
    opt("position", "Camera position in metres (Z up).", "X,Y,Z");
    opt("rotation", "Pan, tilt, roll in degrees (pan 0 looks along +Y).", "PAN,TILT,ROLL");
    opt("at", "Write --position/--rotation/--focal as a key at this shot frame.", "FRAME");
    opt("key", "Add or replace a key: FRAME:X,Y,Z:PAN,TILT,ROLL[:FOCAL[:EASING]] (repeatable).",
        "KEY");
    opt("remove-key", "Remove the key at this shot frame (repeatable).", "FRAME");
    opt("clear-keys", "Remove every key (the camera keeps its last fixed pose).");
    opt("easing", "Easing of --at keys and moves: linear, ease-in, ease-out, ease-in-out, hold.",
        "EASING");
    opt("move",
        "Move preset as keys: pan:DEG, tilt:DEG, dolly-in:M, dolly-out:M, truck:M, "
        "pedestal:M, crane:M, zoom:MM, dolly-zoom:MM, orbit:DEG.",
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
        c.focalLengthMm = parseNumber(setOption(p, "focal"), QStringLiteral("--focal"));
    if (has(p, "filmback")) {
        const QString text = setOption(p, "filmback");
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
    if (has(p, "fit") && !sensorFitFromString(setOption(p, "fit"), &c.lens.sensorFit))
        usageError(QStringLiteral("--fit: \"%1\" is not fill, overscan, horizontal or vertical.")
                       .arg(setOption(p, "fit")));
    if (has(p, "shift")) {
        const auto v = parseNumbers(setOption(p, "shift"), 2, QStringLiteral("--shift"),
                                    QStringLiteral("X,Y"));
        c.lens.shiftXMm = v[0];
        c.lens.shiftYMm = v[1];
    }
    if (has(p, "squeeze")) {
        const double s = parseNumber(setOption(p, "squeeze"), QStringLiteral("--squeeze"));
        static const double allowed[] = {1.0, 1.33, 1.5, 1.8, 2.0};
        if (std::none_of(std::begin(allowed), std::end(allowed),
                         [s](double a) { return std::abs(a - s) < 1e-9; }))
            usageError(QStringLiteral("--squeeze: %1 is not one of 1, 1.33, 1.5, 1.8, 2.").arg(s));
        c.lens.anamorphicSqueeze = s;
    }
    if (has(p, "focus"))
        c.focusDistanceM = parseNumber(setOption(p, "focus"), QStringLiteral("--focus"));
    if (has(p, "fstop"))
        c.fStop = parseNumber(setOption(p, "fstop"), QStringLiteral("--fstop"));
    if (has(p, "blades"))
        c.lens.apertureBlades =
            int(parseNumber(setOption(p, "blades"), QStringLiteral("--blades")));
    if (has(p, "shutter"))
        c.shutterAngleDeg = parseNumber(setOption(p, "shutter"), QStringLiteral("--shutter"));
    if (has(p, "distortion")) {
        const auto v = parseNumbers(setOption(p, "distortion"), 2, QStringLiteral("--distortion"),
                                    QStringLiteral("K1,K2"));
        c.lens.distortionK1 = v[0];
        c.lens.distortionK2 = v[1];
    }
    if (has(p, "vignette"))
        c.lens.vignette = parseNumber(setOption(p, "vignette"), QStringLiteral("--vignette"));
}

Easing easingOption(const QCommandLineParser& p) {
    Easing e = Easing::EaseInOut;
    if (has(p, "easing") && !easingFromString(setOption(p, "easing"), &e))
        usageError(QStringLiteral("--easing: \"%1\" is not linear, ease-in, ease-out, "
                                  "ease-in-out or hold.")
                       .arg(setOption(p, "easing")));
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
    if (has(p, "at") && !posing && !has(p, "focal"))
        usageError(QStringLiteral("--at needs --position, --rotation or --focal to key."));
    if (has(p, "at")) {
        const FrameNumber frame =
            shot.source.start + parseFrame(setOption(p, "at"), QStringLiteral("--at"));
        if (keyed.contains(frame))
            usageError(QStringLiteral("--at %1 and --key give two keys at the same frame.")
                           .arg(setOption(p, "at")));
        CameraKey k{frame, keyedPose(c, double(frame)), easingOption(p)};
        // keyedPose resolves the focal length to a number; a camera whose keys
        // never set one keeps following the lens (0), so a later --focal
        // without --at still changes the whole shot.
        bool zoomKeyed = m.pose.focalLengthMm > 0;
        for (const auto& key : m.keys)
            zoomKeyed = zoomKeyed || key.pose.focalLengthMm > 0;
        if (!zoomKeyed)
            k.pose.focalLengthMm = 0;
        if (has(p, "focal")) // with --at, --focal keys a zoom instead of changing the lens
            k.pose.focalLengthMm = parseNumber(setOption(p, "focal"), QStringLiteral("--focal"));
        if (has(p, "position"))
            k.pose.position = parseVec(setOption(p, "position"), QStringLiteral("--position"));
        if (has(p, "rotation")) {
            const auto r = parseNumbers(setOption(p, "rotation"), 3, QStringLiteral("--rotation"),
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
            m.pose.position = parseVec(setOption(p, "position"), QStringLiteral("--position"));
        if (has(p, "rotation")) {
            const auto r = parseNumbers(setOption(p, "rotation"), 3, QStringLiteral("--rotation"),
                                        QStringLiteral("PAN,TILT,ROLL"));
            m.pose.panDeg = r[0];
            m.pose.tiltDeg = r[1];
            m.pose.rollDeg = r[2];
        }
    }
    if (has(p, "move")) {
        const QStringList parts = setOption(p, "move").split(QLatin1Char(':'));
        MoveParams move;
        if (parts.size() != 2 || !moveKindFromString(parts[0], &move.kind))
            usageError(QStringLiteral("--move: expected KIND:AMOUNT with KIND one of pan, tilt, "
                                      "dolly-in, dolly-out, truck, pedestal, crane, zoom, "
                                      "dolly-zoom, orbit; got \"%1\".")
                           .arg(setOption(p, "move")));
        move.amount = parseNumber(parts[1], QStringLiteral("--move"));
        const FrameRange range =
            has(p, "range") ? parseShotRange(shot, setOption(p, "range")) : shot.source;
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
            move.subjectDistanceM =
                parseNumber(setOption(p, "subject-distance"), QStringLiteral("--subject-distance"));
        m = withMove(c, move);
    }
    Handheld& h = m.handheld;
    if (has(p, "handheld")) {
        const HandheldPreset* preset = findHandheldPreset(setOption(p, "handheld"));
        if (!preset)
            usageError(QStringLiteral("--handheld: \"%1\" is not off, subtle, handheld, heavy, "
                                      "walking or running.")
                           .arg(setOption(p, "handheld")));
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
            parseNumber(setOption(p, "handheld-rotation"), QStringLiteral("--handheld-rotation"));
    if (has(p, "handheld-position"))
        h.positionCm =
            parseNumber(setOption(p, "handheld-position"), QStringLiteral("--handheld-position"));
    if (has(p, "handheld-band")) {
        const QStringList band = setOption(p, "handheld-band").split(QLatin1Char('-'));
        if (band.size() != 2)
            usageError(QStringLiteral("--handheld-band: expected LO-HI in Hz, got \"%1\".")
                           .arg(setOption(p, "handheld-band")));
        h.bandLowHz = parseNumber(band[0], QStringLiteral("--handheld-band"));
        h.bandHighHz = parseNumber(band[1], QStringLiteral("--handheld-band"));
    }
    if (has(p, "walk"))
        h.walkCm = parseNumber(setOption(p, "walk"), QStringLiteral("--walk"));
    if (has(p, "breath"))
        h.breathCm = parseNumber(setOption(p, "breath"), QStringLiteral("--breath"));
    if (has(p, "seed")) {
        bool ok = false;
        h.seed = setOption(p, "seed").toULongLong(&ok);
        if (!ok)
            usageError(
                QStringLiteral("--seed: \"%1\" is not a whole number.").arg(setOption(p, "seed")));
    }
}

QJsonObject cameraJson(const Camera& c, const Shot& shot, const Project& project) {
    const int w = project.width, h = project.height;
    const FrameWindow fw = frameWindow(c, w, h);
    const Intrinsics k = intrinsics(c, w, h);
    const DepthOfField dof = depthOfField(c);
    QJsonObject motion = cameraMotionToJson(c.motion);
    // Keys in the shot's own frames, like every frame on the command line.
    QJsonArray keys;
    for (auto v : motion.value(QStringLiteral("keys")).toArray()) {
        QJsonObject o = v.toObject();
        o.insert(QStringLiteral("frame"),
                 o.value(QStringLiteral("frame")).toDouble() - double(shot.source.start));
        keys.append(o);
    }
    motion.insert(QStringLiteral("keys"), keys);
    return {{"shot", shot.name},
            {"focalLengthMm", c.focalLengthMm},
            {"filmbackWidthMm", c.filmbackWidthMm},
            {"filmbackHeightMm", c.filmbackHeightMm},
            {"focusDistanceM", c.focusDistanceM},
            {"fStop", c.fStop},
            {"shutterAngleDeg", c.shutterAngleDeg},
            {"lens", lensDetailsToJson(c.lens)},
            {"motion", motion},
            {"image", QJsonObject{{"width", w}, {"height", h}}},
            {"frameWindowMm", QJsonObject{{"width", fw.widthMm}, {"height", fw.heightMm}}},
            {"intrinsics", QJsonObject{{"fx", k.fx}, {"fy", k.fy}, {"cx", k.cx}, {"cy", k.cy}}},
            {"depthOfField",
             QJsonObject{{"circleOfConfusionMm", dof.circleOfConfusionMm},
                         {"hyperfocalM", dof.hyperfocalM},
                         {"nearM", dof.nearM},
                         {"farM", std::isinf(dof.farM) ? QJsonValue(QStringLiteral("infinity"))
                                                       : QJsonValue(dof.farM)}}}};
}

int runCamera(const QStringList& args) {
    QCommandLineParser p;
    addCameraOptions(p);
    bool help = false;
    if (!parse(p, args,
               QStringLiteral("Show or edit a shot's camera: lens, filmback, keys, move presets "
                              "and handheld motion (one undo step), solve shot sizes, project "
                              "points and write camera files. Axes: metres, Z up; pan 0 looks "
                              "along +Y, positive pan turns left, positive tilt looks up. "
                              "Frames are the shot's own (0 = first frame)."),
               QStringLiteral("PROJECT"), &help))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    if (!has(p, "shot"))
        usageError(QStringLiteral("Give the shot with --shot SHOT."));
    if (has(p, "solve-size") && has(p, "size-at"))
        usageError(QStringLiteral("--solve-size and --size-at ask opposite questions: give one."));
    editProject(path, [&](Document& doc) {
        const Shot& shot = resolveShot(doc.project(), setOption(p, "shot"));
        const Id shotId = shot.id;
        Camera c = shot.camera;
        applyLens(c, p);
        applyMotion(c, shot, p);
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
                ? parseNumber(setOption(p, "subject-height"), QStringLiteral("--subject-height"))
                : 1.75;
        if (!(subject > 0))
            usageError(QStringLiteral("--subject-height must be greater than 0 m."));
        if (has(p, "solve-size")) {
            ShotSize size;
            if (!shotSizeFromString(setOption(p, "solve-size"), &size))
                usageError(QStringLiteral("--solve-size: \"%1\" is not ECU, CU, MCU, MS, COWBOY, "
                                          "FULL, WS or EWS.")
                               .arg(setOption(p, "solve-size")));
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
        }
        if (has(p, "size-at")) {
            const double d = parseNumber(setOption(p, "size-at"), QStringLiteral("--size-at"));
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
                parseVec(setOption(p, "project-point"), QStringLiteral("--project-point"));
            const FrameNumber frame =
                now.source.start +
                (has(p, "frame") ? parseFrame(setOption(p, "frame"), QStringLiteral("--frame"))
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
        for (const QString& file : p.values(QStringLiteral("export"))) {
            CameraExportSettings s;
            s.frames = now.source;
            s.frameRate = project.frameRate;
            s.imageWidth = project.width;
            s.imageHeight = project.height;
            s.name = QStringLiteral("RetakeCamera");
            if (has(p, "first-frame"))
                s.firstOutputFrame =
                    parseFrame(setOption(p, "first-frame"), QStringLiteral("--first-frame"));
            const QString absolute = QFileInfo(file).absoluteFilePath();
            writeCameraFile(absolute, cam, s);
            exported.append(absolute);
            lines << QStringLiteral("wrote %1").arg(absolute);
        }
        if (!exported.isEmpty())
            out.insert(QStringLiteral("exported"), exported);
        if (has(p, "json"))
            printJson(out);
        else
            for (const auto& line : lines)
                printLine(line);
    });
    return Ok;
}

// ---- blocking -------------------------------------------------------------

Vec3 parseColor(const QString& text) {
    if (text.startsWith(QLatin1Char('#')) && text.size() == 7) {
        bool ok = false;
        const uint rgb = text.mid(1).toUInt(&ok, 16);
        if (!ok)
            usageError(QStringLiteral("\"%1\" is not a colour.").arg(text));
        // #rrggbb is sRGB-encoded; the scene stores linear albedo.
        const auto lin = [](double v) {
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return {lin(((rgb >> 16) & 255) / 255.0), lin(((rgb >> 8) & 255) / 255.0),
                lin((rgb & 255) / 255.0)};
    }
    return parseVec(text, QStringLiteral("colour"));
}

BlockingObject parseObject(const QString& text, const BlockingScene& scene) {
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() < 3 || parts.size() > 6)
        usageError(QStringLiteral("expected NAME:SHAPE:X,Y,Z[:SIZE[:YAW[:COLOUR]]], got \"%1\".")
                       .arg(text));
    BlockingObject o;
    o.name = parts[0].trimmed();
    if (o.name.isEmpty())
        usageError(QStringLiteral("A blocking object needs a name (\"%1\").").arg(text));
    if (!blockingShapeFromString(parts[1], &o.shape))
        usageError(
            QStringLiteral("\"%1\" is not box, wall, cylinder, sphere or person.").arg(parts[1]));
    o.position = parseVec(parts[2], QStringLiteral("position"));
    switch (o.shape) {
    case BlockingShape::Box:
        o.size = {1, 1, 1};
        break;
    case BlockingShape::Wall:
        o.size = {4, 0.15, 2.7};
        break;
    case BlockingShape::Cylinder:
        o.size = {0.5, 0.5, 1};
        break;
    case BlockingShape::Sphere:
        o.size = {0.5, 0.5, 0.5};
        break;
    case BlockingShape::Person:
        o.size = {0.45, 0.3, 1.75};
        break;
    }
    if (parts.size() > 3 && !parts[3].isEmpty()) {
        const QStringList s = parts[3].split(QLatin1Char(','));
        if (s.size() == 1) {
            const double v = parseNumber(s[0], QStringLiteral("size"));
            // One number: a person's height, a sphere's diameter, a cube's side.
            if (o.shape == BlockingShape::Person)
                o.size.z = v;
            else
                o.size = {v, v, v};
        } else if (s.size() == 2 && o.shape == BlockingShape::Cylinder) {
            o.size = {parseNumber(s[0], QStringLiteral("size")),
                      parseNumber(s[0], QStringLiteral("size")),
                      parseNumber(s[1], QStringLiteral("size"))};
        } else {
            o.size = parseVec(parts[3], QStringLiteral("size"));
        }
    }
    if (parts.size() > 4 && !parts[4].isEmpty())
        o.yawDeg = parseNumber(parts[4], QStringLiteral("yaw"));
    if (parts.size() > 5)
        o.color = parseColor(parts[5]);
    int id = 2;
    for (const auto& other : scene.objects)
        id = std::max(id, other.id + 1);
    o.id = id;
    return o;
}

void addBlockingOptions(QCommandLineParser& p) {
    const auto opt = [&](const char* name, const char* help, const char* value = nullptr) {
        if (value)
            p.addOption({QLatin1String(name), QLatin1String(help), QLatin1String(value)});
        else
            p.addOption({QLatin1String(name), QLatin1String(help)});
    };
    opt("shot", "Shot ID, ID prefix or name.", "SHOT");
    opt("create",
        "Create a blocking shot: renders the scene into blocking/NAME/ beside the project and "
        "imports it as a new shot.",
        "NAME");
    opt("frames", "Length of a --create shot in frames (default 48).", "N");
    opt("refresh", "Re-render a --create shot's own picture (--create with objects does).");
    opt("add",
        "Add an object: NAME:SHAPE:X,Y,Z[:SIZE[:YAW[:COLOUR]]]; SHAPE box, wall, cylinder, "
        "sphere, person; SIZE W,D,H (box, wall), DIAMETER,H (cylinder), DIAMETER (sphere), "
        "HEIGHT (person); COLOUR #rrggbb or linear R,G,B (repeatable).",
        "OBJECT");
    opt("set", "Replace the object of that name (same syntax as --add; repeatable).", "OBJECT");
    opt("remove", "Remove the object of that name (repeatable).", "NAME");
    opt("sun", "Sun azimuth (0 = +Y, counter-clockwise) and elevation in degrees.", "AZ,EL");
    opt("shadows", "Cast sun shadows: on or off.", "on|off");
    opt("ground", "Ground plane: on or off.", "on|off");
    opt("disable", "Make the shot an ordinary shot again (the scene is kept).");
    opt("render", "Render the shot's frames to an image sequence (.exr with depth, or .png).",
        "PATTERN");
    opt("size", "Render size (default: the project's).", "WxH");
    opt("range", "Frames to render, inclusive (default: the whole shot).", "A-B");
    opt("first-number", "Number of the first file (default 1).", "N");
    opt("dof", "Depth of field from the camera's focus distance and f-stop.");
    opt("motion-blur", "Motion blur from the shutter angle: renders averaged per frame (e.g. 8).",
        "SAMPLES");
    opt("json", "Print JSON.");
}

QSize sizeOption(const QCommandLineParser& p, QSize fallback) {
    if (!has(p, "size"))
        return fallback;
    const QStringList wh = setOption(p, "size").toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    QSize size;
    if (wh.size() == 2)
        size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
    if (!okW || !okH || size.width() <= 0 || size.height() <= 0)
        usageError(QStringLiteral("--size: expected WxH, got \"%1\".").arg(setOption(p, "size")));
    return size;
}

// A new shot whose media is its own blocking render (sky and ground until
// objects are added): rendered into blocking/NAME/ beside the project, then
// imported. Later --render calls into that folder refresh the picture.
Id createBlockingShot(Document& doc, const QString& projectPath, const QCommandLineParser& p) {
    const QString name = setOption(p, "create").trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        usageError(QStringLiteral("--create: \"%1\" is not a usable shot name.").arg(name));
    const FrameNumber frames =
        has(p, "frames") ? parseFrame(setOption(p, "frames"), QStringLiteral("--frames")) : 48;
    if (frames < 1)
        usageError(QStringLiteral("--frames must be at least 1."));
    const Project& project = doc.project();
    const QSize size = sizeOption(p, QSize(project.width, project.height));
    BlockingScene scene;
    scene.enabled = true;
    BlockingSequenceSettings s;
    s.frames = {0, frames};
    s.frameRate = project.frameRate;
    s.width = size.width();
    s.height = size.height();
    s.firstFileNumber = 0;
    s.pattern = QFileInfo(projectPath)
                    .absoluteDir()
                    .filePath(QStringLiteral("blocking/%1/%1.####.exr").arg(name));
    const QStringList files = renderBlockingSequence(Camera(), scene, s);
    MediaInfo info = openMedia(files.front())->info();
    info.frameRate = project.frameRate; // an image sequence plays at the project's rate
    const Id shotId = doc.importMedia(info, name);
    doc.setBlockingScene(shotId, scene);
    return shotId;
}

int runBlocking(const QStringList& args) {
    QCommandLineParser p;
    addBlockingOptions(p);
    bool help = false;
    if (!parse(p, args,
               QStringLiteral("Create, edit and render a shot's blocking scene: simple shapes "
                              "and stand-in people in metres (Z up, objects stand on their "
                              "position), a sun and a sky, seen through the shot's camera. "
                              "EXR renders hold linear colour and Z = depth in metres along "
                              "the camera axis."),
               QStringLiteral("PROJECT"), &help))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    if (has(p, "shot") == has(p, "create"))
        usageError(QStringLiteral("Give the shot with --shot SHOT, or --create NAME for a new "
                                  "blocking shot."));
    editProject(path, [&](Document& doc) {
        const Id shotId = has(p, "create") ? createBlockingShot(doc, path, p)
                                           : resolveShot(doc.project(), setOption(p, "shot")).id;
        const Shot& shot = *doc.project().findShot(shotId);
        BlockingScene scene = shot.blocking;
        const bool editing = has(p, "add") || has(p, "set") || has(p, "remove") || has(p, "sun") ||
                             has(p, "shadows") || has(p, "ground");
        if (editing && has(p, "disable"))
            usageError(QStringLiteral("--disable contradicts editing the scene in the same call."));
        if (editing)
            scene.enabled = true;
        if (has(p, "disable"))
            scene.enabled = false;
        for (const QString& name : p.values(QStringLiteral("remove"))) {
            const int before = scene.objects.size();
            scene.objects.erase(
                std::remove_if(scene.objects.begin(), scene.objects.end(),
                               [&](const BlockingObject& o) { return o.name == name; }),
                scene.objects.end());
            if (scene.objects.size() == before)
                usageError(QStringLiteral("--remove: no object \"%1\" in shot \"%2\".")
                               .arg(name, shot.name));
        }
        for (const QString& text : p.values(QStringLiteral("set"))) {
            BlockingObject o = parseObject(text, scene);
            const BlockingObject* old = scene.find(o.name);
            if (!old)
                usageError(QStringLiteral("--set: no object \"%1\"; use --add.").arg(o.name));
            o.id = old->id;
            for (auto& existing : scene.objects)
                if (existing.name == o.name)
                    existing = o;
        }
        for (const QString& text : p.values(QStringLiteral("add"))) {
            const BlockingObject o = parseObject(text, scene);
            if (scene.find(o.name))
                usageError(QStringLiteral("--add: an object \"%1\" exists; use --set to change it.")
                               .arg(o.name));
            scene.objects.push_back(o);
        }
        if (has(p, "sun")) {
            const auto v = parseNumbers(setOption(p, "sun"), 2, QStringLiteral("--sun"),
                                        QStringLiteral("AZ,EL"));
            scene.sunAzimuthDeg = v[0];
            scene.sunElevationDeg = v[1];
        }
        const auto onOff = [&](const char* name) {
            const QString v = setOption(p, name).toLower();
            if (v != QLatin1String("on") && v != QLatin1String("off"))
                usageError(QStringLiteral("--%1: expected on or off, got \"%2\".")
                               .arg(QLatin1String(name), v));
            return v == QLatin1String("on");
        };
        if (has(p, "shadows"))
            scene.shadows = onOff("shadows");
        if (has(p, "ground"))
            scene.ground = onOff("ground");
        if (scene != shot.blocking)
            doc.setBlockingScene(shotId, scene);

        const Project& project = doc.project();
        const Shot& now = *project.findShot(shotId);
        QJsonObject out{{"shot", now.name}, {"scene", blockingSceneToJson(now.blocking)}};
        QStringList lines;
        lines << QStringLiteral("shot \"%1\": blocking %2, %3 objects, sun %4/%5 deg")
                     .arg(now.name)
                     .arg(now.blocking.enabled ? QStringLiteral("on") : QStringLiteral("off"))
                     .arg(now.blocking.objects.size())
                     .arg(now.blocking.sunAzimuthDeg)
                     .arg(now.blocking.sunElevationDeg);
        for (const auto& o : now.blocking.objects)
            lines << QStringLiteral("  %1\t%2\tid %3\tat %4,%5,%6\tsize %7,%8,%9")
                         .arg(o.name, toString(o.shape))
                         .arg(o.id)
                         .arg(o.position.x)
                         .arg(o.position.y)
                         .arg(o.position.z)
                         .arg(o.size.x)
                         .arg(o.size.y)
                         .arg(o.size.z);
        if (has(p, "render")) {
            if (!now.blocking.enabled)
                usageError(QStringLiteral("Shot \"%1\" has no blocking scene: add objects first.")
                               .arg(now.name));
            BlockingSequenceSettings s;
            s.frames = has(p, "range") ? parseShotRange(now, setOption(p, "range")) : now.source;
            if (!now.source.contains(s.frames))
                usageError(QStringLiteral("--range is outside shot \"%1\".").arg(now.name));
            s.frameRate = project.frameRate;
            const QSize size = sizeOption(p, QSize(project.width, project.height));
            s.width = size.width();
            s.height = size.height();
            if (has(p, "first-number"))
                s.firstFileNumber =
                    parseFrame(setOption(p, "first-number"), QStringLiteral("--first-number"));
            s.pattern = setOption(p, "render");
            s.depthOfField = has(p, "dof");
            if (has(p, "motion-blur")) {
                s.motionBlurSamples =
                    int(parseFrame(setOption(p, "motion-blur"), QStringLiteral("--motion-blur")));
                if (s.motionBlurSamples < 1 || s.motionBlurSamples > 64)
                    usageError(QStringLiteral("--motion-blur: between 1 and 64 samples."));
            }
            Progress progress(stderrProgress(QStringLiteral("blocking")));
            installInterruptHandler(&progress);
            const QStringList files =
                renderBlockingSequence(now.camera, now.blocking, s, &progress);
            installInterruptHandler(nullptr);
            out.insert(QStringLiteral("files"), QJsonArray::fromStringList(files));
            lines << QStringLiteral("rendered %1 frames: %2 ... %3")
                         .arg(files.size())
                         .arg(files.front(), files.back());
        }
        if (has(p, "refresh") || (has(p, "create") && !now.blocking.objects.isEmpty())) {
            // The shot's media must be a sequence --create wrote: NAME.####.exr.
            const MediaRef* media = project.findMedia(now.mediaId);
            static const QRegularExpression number(QStringLiteral("(\\d+)\\.exr$"));
            const QRegularExpressionMatch m =
                media ? number.match(media->path) : QRegularExpressionMatch();
            if (!m.hasMatch() || !media->path.contains(QLatin1String("/blocking/")))
                usageError(QStringLiteral("--refresh: shot \"%1\" was not made with --create.")
                               .arg(now.name));
            BlockingSequenceSettings s;
            s.frames = {0, media->frameCount};
            s.frameRate = project.frameRate;
            s.width = media->width;
            s.height = media->height;
            s.firstFileNumber = m.captured(1).toLongLong();
            s.pattern = media->path.left(m.capturedStart(1)) + QLatin1String("%0") +
                        QString::number(m.capturedLength(1)) + QLatin1String("d.exr");
            Progress progress(stderrProgress(QStringLiteral("blocking")));
            installInterruptHandler(&progress);
            renderBlockingSequence(now.camera, now.blocking, s, &progress);
            installInterruptHandler(nullptr);
            lines << QStringLiteral("refreshed %1 frames of %2")
                         .arg(s.frames.length())
                         .arg(media->path);
        }
        if (has(p, "json"))
            printJson(out);
        else
            for (const auto& line : lines)
                printLine(line);
    });
    return Ok;
}

} // namespace

int runCameraCommand(const QStringList& args) {
    return runCamera(args);
}
int runBlockingCommand(const QStringList& args) {
    return runBlocking(args);
}

} // namespace retake::cli
