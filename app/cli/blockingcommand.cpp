// `retake-cli blocking`: the shot's blocking scene and its render.
// Frames on the command line are the shot's own (0 = its first frame); the
// project stores media frames.
#include "blockingcommand.h"

#include "camera/blockingedit.h"
#include "camera/blockingrender.h"
#include "camera/cameraexport.h"
#include "camera/camerajson.h"
#include "camera/lens.h"
#include "camera/motion.h"
#include "camera/shotdescription.h"
#include "cli.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "options.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSize>
#include <algorithm>
#include <cmath>
#include <optional>

namespace retake::cli {

namespace {

Vec3 parseColour(const QString& text) {
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
    o.size = defaultBlockingSize(o.shape);
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
        o.colour = parseColour(parts[5]);
    o.id = nextBlockingObjectId(scene);
    return o;
}

void addBlockingOptions(QCommandLineParser& p) {
    const auto opt = [&](const char* name, const char* help, const char* value = nullptr) {
        addOption(p, name, help, value);
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
    opt("describe",
        "Build the scene and the camera from a shot description, e.g. \"MS 35mm dolly in 2s, "
        "two people at a table, dusk\" (grammar: docs/shot-description.md); replaces the "
        "scene and the camera's pose and keys. Unknown words are listed.",
        "TEXT");
    opt("dry-run", "With --describe: print the scene and camera as JSON, change nothing.");
    opt("json", "Print JSON.");
}

DescribedShot describe(const QCommandLineParser& p, const Project& project, const Shot* shot) {
    if (shot)
        return describeShot(optionValue(p, "describe"), shot->camera,
                            shotDescriptionSettings(project, *shot));
    ShotDescriptionSettings s;
    s.imageWidth = project.width;
    s.imageHeight = project.height;
    s.frameRate = project.frameRate;
    // A new shot takes its length from the description unless --frames says.
    s.shotFrames =
        has(p, "frames") ? parseFrame(optionValue(p, "frames"), QStringLiteral("--frames")) : 0;
    return describeShot(optionValue(p, "describe"), Camera(), s);
}

QJsonObject describedJson(const DescribedShot& d, const QString& shotName) {
    QJsonObject camera = cameraToJson(d.camera);
    return {{"shot", shotName},
            {"shotSize", QLatin1String(shotSizeInfo(d.shotSize).code)},
            {"subjectHeightM", d.subjectHeightM},
            {"subjectDistanceM", d.subjectDistanceM},
            {"moveFrames", qint64(d.moveFrames)},
            {"unknownWords", QJsonArray::fromStringList(d.unknownWords)},
            {"camera", camera},
            {"scene", blockingSceneToJson(d.scene)}};
}

void reportUnknown(const DescribedShot& d) {
    if (!d.unknownWords.isEmpty())
        printStatus(QStringLiteral("note: words the shot description does not know (ignored): %1")
                        .arg(d.unknownWords.join(QStringLiteral(", "))));
}

QSize sizeOption(const QCommandLineParser& p, QSize fallback) {
    if (!has(p, "size"))
        return fallback;
    const QStringList wh = optionValue(p, "size").toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    QSize size;
    if (wh.size() == 2)
        size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
    if (!okW || !okH || size.width() <= 0 || size.height() <= 0)
        usageError(QStringLiteral("--size: expected WxH, got \"%1\".").arg(optionValue(p, "size")));
    return size;
}

// A new shot whose media is its own blocking render (sky and ground until
// objects are added): rendered into blocking/NAME/ beside the project, then
// imported. Later --render calls into that folder refresh the picture.
Id createBlockingShot(Document& doc, const QString& projectPath, const QCommandLineParser& p,
                      FrameNumber defaultFrames) {
    const QString name = optionValue(p, "create").trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        usageError(QStringLiteral("--create: \"%1\" is not a usable shot name.").arg(name));
    const FrameNumber frames =
        has(p, "frames") ? parseFrame(optionValue(p, "frames"), QStringLiteral("--frames"))
                         : defaultFrames;
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

} // namespace

int runBlocking(const QStringList& args) {
    QCommandLineParser p;
    addBlockingOptions(p);
    if (!parse(p, args,
               QStringLiteral("Create, edit and render a shot's blocking scene: simple shapes "
                              "and stand-in people in metres (Z up, objects stand on their "
                              "position), a sun and a sky, seen through the shot's camera. "
                              "EXR renders hold linear colour and Z = depth in metres along "
                              "the camera axis."),
               QStringLiteral("PROJECT")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    if (has(p, "shot") == has(p, "create"))
        usageError(QStringLiteral("Give the shot with --shot SHOT, or --create NAME for a new "
                                  "blocking shot."));
    if (has(p, "dry-run")) {
        if (!has(p, "describe"))
            usageError(QStringLiteral("--dry-run goes with --describe."));
        const auto doc = Document::open(path);
        const Shot* shot =
            has(p, "shot") ? &resolveShot(doc->project(), optionValue(p, "shot")) : nullptr;
        const DescribedShot d = describe(p, doc->project(), shot);
        reportUnknown(d);
        printJson(describedJson(d, shot ? shot->name : optionValue(p, "create")));
        return Ok;
    }
    editProject(path, [&](Document& doc) {
        std::optional<DescribedShot> described;
        if (has(p, "describe") && has(p, "create"))
            described = describe(p, doc.project(), nullptr);
        const FrameNumber newFrames =
            described && described->moveFrames > 0 ? described->moveFrames : 48;
        const Id shotId = has(p, "create") ? createBlockingShot(doc, path, p, newFrames)
                                           : resolveShot(doc.project(), optionValue(p, "shot")).id;
        if (has(p, "describe") && !described)
            described = describe(p, doc.project(), doc.project().findShot(shotId));
        if (described) {
            reportUnknown(*described);
            doc.setCamera(shotId, described->camera);
        }
        const Shot& shot = *doc.project().findShot(shotId);
        BlockingScene scene = described ? described->scene : shot.blocking;
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
            const auto v = parseNumbers(optionValue(p, "sun"), 2, QStringLiteral("--sun"),
                                        QStringLiteral("AZ,EL"));
            scene.sunAzimuthDeg = v[0];
            scene.sunElevationDeg = v[1];
        }
        const auto onOff = [&](const char* name) {
            const QString v = optionValue(p, name).toLower();
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
        if (described) {
            out.insert(QStringLiteral("unknownWords"),
                       QJsonArray::fromStringList(described->unknownWords));
            out.insert(QStringLiteral("camera"), cameraToJson(now.camera));
        }
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
            s.frames = has(p, "range") ? parseShotRange(now, optionValue(p, "range")) : now.source;
            if (!now.source.contains(s.frames))
                usageError(QStringLiteral("--range is outside shot \"%1\".").arg(now.name));
            s.frameRate = project.frameRate;
            const QSize size = sizeOption(p, QSize(project.width, project.height));
            s.width = size.width();
            s.height = size.height();
            if (has(p, "first-number"))
                s.firstFileNumber =
                    parseFrame(optionValue(p, "first-number"), QStringLiteral("--first-number"));
            s.pattern = optionValue(p, "render");
            s.depthOfField = has(p, "dof");
            if (has(p, "motion-blur")) {
                s.motionBlurSamples =
                    int(parseFrame(optionValue(p, "motion-blur"), QStringLiteral("--motion-blur")));
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
        if (has(p, "refresh") ||
            (has(p, "create") && (described || !now.blocking.objects.isEmpty()))) {
            // The shot's media must be a sequence --create wrote: NAME.####.exr.
            const BlockingSequenceSettings s = ownBlockingSequence(project, now);
            const MediaRef* media = project.findMedia(now.mediaId);
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

} // namespace retake::cli
