#include "maskcommand.h"

#include "core/atomicfile.h"
#include "mask/maskraster.h"
#include "options.h"
#include "tracking/shapetracking.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>

namespace retake::cli {

namespace {

const char* const shapeOptions[] = {"rect", "ellipse", "polygon", "stroke"};
const char* const frameOperations[] = {"fill",         "invert",     "clear", "copy-frame",
                                       "remove-shape", "remove-key", "track"};
const char* const paintedOptions[] = {
    "rect",  "ellipse",    "polygon",      "stroke",     "fill", "invert",
    "clear", "copy-frame", "render",       "new",        "mask", "shape",
    "key",   "list",       "remove-shape", "remove-key", "track"};

QVector<double> numbers(const QCommandLineParser& p, const char* option, const QString& syntax) {
    QVector<double> result;
    for (const QString& part : optionValue(p, option).split(QLatin1Char(','))) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok)
            usageError(QStringLiteral("--%1 takes %2 (numbers in media pixels), not \"%3\".")
                           .arg(QLatin1String(option), syntax, optionValue(p, option)));
        result << v;
    }
    return result;
}

MaskGeometry pairs(const QVector<double>& v) {
    MaskGeometry points;
    for (int i = 0; i + 1 < v.size(); i += 2)
        points.push_back({v[i], v[i + 1]});
    return points;
}

FrameNumber shotFrame(const Shot& shot, const QCommandLineParser& p, const char* option) {
    bool ok = false;
    const qint64 frame = optionValue(p, option).toLongLong(&ok);
    if (!ok)
        usageError(
            QStringLiteral("--%1 takes a frame number of the shot (0 = its first frame), not "
                           "\"%2\".")
                .arg(QLatin1String(option), optionValue(p, option)));
    return shot.source.start + frame;
}

QString shotFrames(const Shot& shot, FrameRange media) {
    return media.shifted(-shot.source.start).toInclusiveString();
}

// The kind and points of --rect/--ellipse/--polygon/--stroke, if one is given.
std::optional<std::pair<MaskShapeKind, MaskGeometry>> shapeArg(const QCommandLineParser& p) {
    int given = 0;
    for (const char* name : shapeOptions)
        given += has(p, name) ? 1 : 0;
    if (given > 1)
        usageError(
            QStringLiteral("Give one of --rect, --ellipse, --polygon and --stroke at a time."));
    if (has(p, "rect")) {
        const auto v = numbers(p, "rect", QStringLiteral("X,Y,W,H"));
        if (v.size() != 4 || v[2] <= 0 || v[3] <= 0)
            usageError(QStringLiteral("--rect takes X,Y,W,H with a positive width and height."));
        return std::pair{MaskShapeKind::Rectangle,
                         MaskGeometry{{v[0], v[1]}, {v[0] + v[2], v[1] + v[3]}}};
    }
    if (has(p, "ellipse")) {
        const auto v = numbers(p, "ellipse", QStringLiteral("CX,CY,RX,RY"));
        if (v.size() != 4 || v[2] <= 0 || v[3] <= 0)
            usageError(QStringLiteral("--ellipse takes CX,CY,RX,RY with positive radii."));
        return std::pair{MaskShapeKind::Ellipse,
                         MaskGeometry{{v[0] - v[2], v[1] - v[3]}, {v[0] + v[2], v[1] + v[3]}}};
    }
    if (has(p, "polygon")) {
        const auto v = numbers(p, "polygon", QStringLiteral("x1,y1,x2,y2,x3,y3,..."));
        if (v.size() < 6 || v.size() % 2 != 0)
            usageError(QStringLiteral("--polygon takes at least three x,y corners."));
        return std::pair{MaskShapeKind::Polygon, pairs(v)};
    }
    if (has(p, "stroke")) {
        const auto v = numbers(p, "stroke", QStringLiteral("x1,y1,x2,y2,..."));
        if (v.size() < 2 || v.size() % 2 != 0)
            usageError(QStringLiteral("--stroke takes x,y points (one point paints a dot)."));
        return std::pair{MaskShapeKind::Stroke, pairs(v)};
    }
    return std::nullopt;
}

double numberArg(const QCommandLineParser& p, const char* option, double fallback) {
    if (!has(p, option))
        return fallback;
    bool ok = false;
    const double v = optionValue(p, option).toDouble(&ok);
    if (!ok)
        usageError(QStringLiteral("--%1 takes a number, not \"%2\".")
                       .arg(QLatin1String(option), optionValue(p, option)));
    return v;
}

const MaskRef* findPainted(const Shot& shot, const QString& key) {
    const MaskRef* found = nullptr;
    for (const MaskRef& m : shot.masks) {
        if (!m.isPainted())
            continue;
        if (key.isEmpty() ||
            (key.size() >= 4 && idToString(m.id).startsWith(key, Qt::CaseInsensitive)))
            found = &m; // the newest when no key is given
    }
    return found;
}

// The painted mask to edit: --mask, else the newest. A null ID (with --new,
// or an edit on a shot without one) lets the edit start a new mask over the
// whole shot in the same undo step.
Id paintedMaskArg(const Shot& shot, const QCommandLineParser& p, bool editing) {
    if (has(p, "new") || (editing && !has(p, "mask") && !findPainted(shot, QString())))
        return Id();
    const MaskRef* mask = findPainted(shot, optionValue(p, "mask"));
    if (!mask && !has(p, "mask"))
        usageError(QStringLiteral("Shot \"%1\" has no painted mask yet; paint a shape first.")
                       .arg(shot.name));
    if (!mask)
        usageError(
            QStringLiteral("Shot \"%1\" has no painted mask \"%2\" (an ID or a prefix of 4 or "
                           "more characters).")
                .arg(shot.name, optionValue(p, "mask")));
    return mask->id;
}

Id shapeIdArg(const MaskRef& mask, const QString& key) {
    for (const MaskShape& s : mask.painted.shapes)
        if (key.size() >= 4 &&
            s.id.toString(QUuid::WithoutBraces).startsWith(key, Qt::CaseInsensitive))
            return s.id;
    usageError(QStringLiteral("The mask has no shape \"%1\" (an ID or a prefix of 4 or more "
                              "characters).")
                   .arg(key));
}

const MaskRef& maskById(const Document& doc, const Id& shotId, const Id& maskId) {
    for (const MaskRef& m : doc.project().findShot(shotId)->masks)
        if (m.id == maskId)
            return m;
    usageError(QStringLiteral("No mask with ID %1.").arg(idToString(maskId)));
}

// Writes DIR/mask_NNNN.png (shot frame numbers) for every frame of `frames`,
// each atomically so no half-written PNG is left under its name.
QStringList render(const Document& doc, const Shot& shot, const MaskRef& mask, FrameRange frames,
                   const QString& dir) {
    const MediaRef* media = doc.project().findMedia(shot.mediaId);
    if (!QDir().mkpath(dir))
        throwOutputError(dir, QStringLiteral("cannot create the folder"));
    QStringList files;
    for (FrameNumber f = frames.start; f < frames.end; ++f) {
        const QString path = QDir(dir).filePath(
            QStringLiteral("mask_%1.png").arg(f - shot.source.start, 4, 10, QLatin1Char('0')));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!rasteriseMask(mask.painted, f, QSize(media->width, media->height))
                 .save(&buffer, "PNG"))
            throwOutputError(path, QStringLiteral("cannot encode the mask as PNG"));
        writeFileAtomically(path, png);
        files << path;
    }
    return files;
}

QJsonObject shapeJson(const Shot& shot, const MaskShape& s) {
    QJsonArray frames, keys;
    for (const FrameRange& r : s.frames.ranges())
        frames.append(shotFrames(shot, r));
    for (FrameNumber key : s.keys.keys())
        keys.append(qint64(key - shot.source.start));
    QJsonObject o{{"id", idToString(s.id)},
                  {"kind", toString(s.kind)},
                  {"erase", s.erase},
                  {"frames", frames}};
    if (s.hasGeometry()) {
        o.insert("size", s.size);
        o.insert("hardness", s.hardness);
        o.insert("keys", keys);
    }
    return o;
}

// "<id>  <kind> [(erase)]  frames A-B[, ...]  keys K[, ...]", bottom shape first.
QString shapeLine(const Shot& shot, const MaskShape& s) {
    QStringList frames, keys;
    for (const FrameRange& r : s.frames.ranges())
        frames << shotFrames(shot, r);
    for (FrameNumber key : s.keys.keys())
        keys << QString::number(key - shot.source.start);
    QString line = QStringLiteral("%1\t%2%3\tframes %4")
                       .arg(idToString(s.id), toString(s.kind),
                            s.erase ? QStringLiteral(" (erase)") : QString(),
                            frames.join(QStringLiteral(", ")));
    if (s.hasGeometry())
        line += QStringLiteral("\tsize %1 px, hardness %2\tkeys %3")
                    .arg(s.size)
                    .arg(s.hardness)
                    .arg(keys.join(QStringLiteral(", ")));
    return line;
}

} // namespace

void addPaintedMaskOptions(QCommandLineParser& p) {
    const auto opt = [&p](const char* name, const char* help, const char* valueName = nullptr) {
        if (valueName)
            p.addOption({QString::fromLatin1(name), QString::fromUtf8(help),
                         QString::fromLatin1(valueName)});
        else
            p.addOption({QString::fromLatin1(name), QString::fromUtf8(help)});
    };
    opt("mask", "Painted mask to edit (ID or prefix; default: the shot's newest).", "MASK");
    opt("new", "Start a new painted mask over the whole shot.");
    opt("rect", "Paint a rectangle (media pixels).", "X,Y,W,H");
    opt("ellipse", "Paint an ellipse (centre and radii in media pixels).", "CX,CY,RX,RY");
    opt("polygon", "Paint a polygon (3 or more corners).", "x1,y1,x2,y2,...");
    opt("stroke", "Paint a brush stroke along the points (one point = a dot).", "x1,y1,...");
    opt("size", "Brush diameter in pixels (default 20).", "PX");
    opt("hardness", "Brush edge: 1 hard (default) to 0 soft.", "H");
    opt("erase", "The shape erases instead of painting (the eraser).");
    opt("fill", "Fill the whole frame on --frames.");
    opt("invert", "Invert the mask on --frames.");
    opt("clear", "Clear the mask on --frames.");
    opt("frames", "Shot frames to paint, fill, invert, clear or render (default: the whole mask).",
        "A-B");
    opt("key",
        "Key frame of the shape's geometry (default: the first of --frames); with "
        "--shape, adds or moves a key of that shape: shapes move linearly between keys.",
        "FRAME");
    opt("shape", "Shape to key, or whose key --remove-key deletes (ID or prefix).", "SHAPE");
    opt("remove-key",
        "With --shape, delete the shape's key at this shot frame: the shape then holds or moves "
        "between its other keys (its only key cannot go).",
        "FRAME");
    opt("track",
        "With --shape, make the shape follow the picture from --key (default: its first key), "
        "within --frames: forward, backward or both. A key on every tracked frame, one undo "
        "step; a direction stops, and says where, when the picture no longer shows the region.",
        "DIRECTION");
    opt("model",
        "What --track follows: translation (moving, turning, scaling; the default), planar (a "
        "flat surface in perspective: signs, screens, walls) or dense (each outline point by the "
        "picture's optical flow: what deforms, a face, cloth, a hand).",
        "MODEL");
    opt("min-confidence", "Tracker confidence (0-1) below which --track stops (default 0.5).", "C");
    opt("key-tolerance",
        "With --track, leave out keys the motion between their neighbours reproduces within this "
        "many pixels (default 0: a key on every frame).",
        "PX");
    opt("copy-frame", "Copy the mask of this shot frame to the frames of --to.", "F");
    opt("to", "Frames to copy --copy-frame to.", "A-B");
    opt("remove-shape", "Delete a shape (ID or prefix).", "SHAPE");
    opt("list", "List the mask's shapes, bottom to top.");
    opt("render", "Write the rasterised mask of --frames as DIR/mask_NNNN.png (shot frames).",
        "DIR");
    opt("json", "Print JSON.");
}

bool runPaintedMask(Document& doc, const QCommandLineParser& p, const QStringList& positional) {
    bool any = false;
    for (const char* name : paintedOptions)
        any = any || has(p, name);
    if (!any)
        return false;
    if (!positional.isEmpty())
        usageError(QStringLiteral("A mask file and painting options do not go together; attach the "
                                  "file with its own 'mask' command."));
    const auto shape = shapeArg(p);
    int operations = shape ? 1 : 0;
    for (const char* name : frameOperations)
        operations += has(p, name) ? 1 : 0;
    if (operations > 1)
        usageError(QStringLiteral("Give one edit at a time: a shape, --fill, --invert, --clear, "
                                  "--copy-frame, --remove-shape, --remove-key or --track."));
    if (has(p, "remove-key") && !has(p, "shape"))
        usageError(QStringLiteral("--remove-key FRAME needs --shape SHAPE: the shape whose key to "
                                  "delete."));
    if (has(p, "track") && !has(p, "shape"))
        usageError(QStringLiteral("--track needs --shape SHAPE: the shape to make follow the "
                                  "picture."));
    if (has(p, "track") && shape)
        usageError(QStringLiteral("--track moves an existing shape; paint it first, then track "
                                  "it."));
    if (has(p, "shape") && !shape && !has(p, "remove-key") && !has(p, "track"))
        usageError(
            QStringLiteral("--shape needs the key's geometry (--rect, --ellipse, --polygon or "
                           "--stroke) and --key."));
    if (has(p, "copy-frame") != has(p, "to"))
        usageError(QStringLiteral("--copy-frame F and --to A-B go together."));

    const Shot shot = resolveShot(doc.project(), p.value(QStringLiteral("shot")));
    Id maskId = paintedMaskArg(shot, p, operations > 0);
    const bool created = maskId.isNull();
    if (created && operations == 0)
        maskId = doc.addPaintedMask(shot.id);
    const FrameRange maskRange = created ? shot.source : maskById(doc, shot.id, maskId).range;
    const FrameRange frames =
        has(p, "frames") ? parseShotRange(shot, optionValue(p, "frames")) : maskRange;
    QJsonObject json{{"shot", idToString(shot.id)}, {"created", created}};
    QString summary;
    if (shape && has(p, "shape")) {
        if (!has(p, "key"))
            usageError(QStringLiteral("--shape needs --key FRAME."));
        if (maskId.isNull())
            usageError(QStringLiteral("Shot \"%1\" has no painted mask yet; paint a shape first.")
                           .arg(shot.name));
        const Id shapeId = shapeIdArg(maskById(doc, shot.id, maskId), optionValue(p, "shape"));
        const FrameNumber key = shotFrame(shot, p, "key");
        doc.setMaskShapeKey(shot.id, maskId, shapeId, key, shape->second);
        json.insert("action", QStringLiteral("key"));
        json.insert("shape", idToString(shapeId));
        json.insert("key", qint64(key - shot.source.start));
        summary = QStringLiteral("%1\tkey at frame %2")
                      .arg(idToString(shapeId))
                      .arg(key - shot.source.start);
    } else if (shape) {
        MaskShape s;
        s.kind = shape->first;
        s.erase = has(p, "erase");
        s.size = numberArg(p, "size", s.size);
        s.hardness = numberArg(p, "hardness", s.hardness);
        s.frames.add(frames);
        s.keys.insert(has(p, "key") ? shotFrame(shot, p, "key") : frames.start, shape->second);
        const Id shapeId = doc.addMaskShape(shot.id, maskId, s);
        json.insert("action", QStringLiteral("shape"));
        json.insert("shape", idToString(shapeId));
        json.insert("kind", toString(s.kind));
        json.insert("frames", shotFrames(shot, frames));
        summary =
            QStringLiteral("%1\t%2%3 on frames %4")
                .arg(idToString(shapeId), toString(s.kind),
                     s.erase ? QStringLiteral(" (erase)") : QString(), shotFrames(shot, frames));
    } else if (has(p, "fill") || has(p, "invert") || has(p, "clear")) {
        const QString action = has(p, "fill")     ? QStringLiteral("fill")
                               : has(p, "invert") ? QStringLiteral("invert")
                                                  : QStringLiteral("clear");
        if (action == QLatin1String("fill"))
            doc.fillMask(shot.id, maskId, frames);
        else if (action == QLatin1String("invert"))
            doc.invertMask(shot.id, maskId, frames);
        else
            doc.clearMask(shot.id, maskId, frames);
        json.insert("action", action);
        json.insert("frames", shotFrames(shot, frames));
        summary = QStringLiteral("%1 on frames %2").arg(action, shotFrames(shot, frames));
    } else if (has(p, "copy-frame")) {
        const FrameNumber from = shotFrame(shot, p, "copy-frame");
        const FrameRange to = parseShotRange(shot, optionValue(p, "to"));
        doc.copyMaskFrame(shot.id, maskId, from, to);
        json.insert("action", QStringLiteral("copy"));
        json.insert("from", qint64(from - shot.source.start));
        json.insert("to", shotFrames(shot, to));
        summary = QStringLiteral("copied frame %1 to frames %2")
                      .arg(from - shot.source.start)
                      .arg(shotFrames(shot, to));
    }
    if (has(p, "remove-shape")) {
        if (maskId.isNull())
            usageError(QStringLiteral("Shot \"%1\" has no painted mask yet.").arg(shot.name));
        const Id shapeId =
            shapeIdArg(maskById(doc, shot.id, maskId), optionValue(p, "remove-shape"));
        doc.removeMaskShape(shot.id, maskId, shapeId);
        json.insert("action", QStringLiteral("remove"));
        json.insert("shape", idToString(shapeId));
        summary = QStringLiteral("%1\tremoved").arg(idToString(shapeId));
    }
    if (has(p, "track")) {
        if (maskId.isNull())
            usageError(QStringLiteral("Shot \"%1\" has no painted mask yet.").arg(shot.name));
        const MaskRef& mask = maskById(doc, shot.id, maskId);
        ShapeTrackRequest request;
        request.shotId = shot.id;
        request.maskId = maskId;
        request.shapeId = shapeIdArg(mask, optionValue(p, "shape"));
        const MaskShape* tracked = mask.painted.findShape(request.shapeId);
        request.from = has(p, "key")                         ? shotFrame(shot, p, "key")
                       : tracked && !tracked->keys.isEmpty() ? tracked->keys.firstKey()
                                                             : frames.start;
        request.range = frames;
        if (!trackDirectionFromString(optionValue(p, "track"), &request.direction))
            usageError(QStringLiteral("--track: \"%1\" is not forward, backward or both.")
                           .arg(optionValue(p, "track")));
        if (has(p, "model") && !shapeTrackModelFromString(optionValue(p, "model"), &request.model))
            usageError(QStringLiteral("--model: \"%1\" is not translation, planar or dense.")
                           .arg(optionValue(p, "model")));
        request.minConfidence = numberArg(p, "min-confidence", request.minConfidence);
        request.keyTolerancePx = numberArg(p, "key-tolerance", 0);
        if (!(request.keyTolerancePx >= 0 && request.keyTolerancePx <= 100))
            usageError(QStringLiteral("--key-tolerance is between 0 and 100 pixels."));
        if (!(request.minConfidence >= 0 && request.minConfidence <= 1))
            usageError(QStringLiteral("--min-confidence is between 0 and 1."));
        const ShapeTrackResult result = trackShape(doc.project(), request, Progress());
        doc.replaceMaskShape(shot.id, maskId, result.shape);
        QJsonArray frameList;
        for (const TrackedFrame& t : result.tracked)
            frameList.append(QJsonObject{{"frame", qint64(t.frame - shot.source.start)},
                                         {"confidence", t.confidence}});
        json.insert("action", QStringLiteral("track"));
        json.insert("shape", idToString(request.shapeId));
        json.insert("model", toString(request.model));
        json.insert("from", qint64(request.from - shot.source.start));
        json.insert("tracked", frameList);
        json.insert("stops", QJsonArray::fromStringList(result.stops));
        json.insert("becamePolygon", result.becamePolygon);
        FrameRange covered{request.from, request.from + 1};
        for (const TrackedFrame& t : result.tracked)
            covered = {std::min(covered.start, t.frame), std::max(covered.end, t.frame + 1)};
        summary = QStringLiteral("%1	tracked (%2) from frame %3 over frames %4, %5 keys%6")
                      .arg(idToString(request.shapeId), toString(request.model))
                      .arg(request.from - shot.source.start)
                      .arg(shotFrames(shot, covered))
                      .arg(result.shape.keys.size())
                      .arg(result.becamePolygon ? QStringLiteral("; now a polygon") : QString());
        for (const QString& line : result.stops + result.notes)
            summary += QStringLiteral("\n") + line;
        json.insert("notes", QJsonArray::fromStringList(result.notes));
    }
    if (has(p, "remove-key")) {
        if (maskId.isNull())
            usageError(QStringLiteral("Shot \"%1\" has no painted mask yet.").arg(shot.name));
        const MaskRef& mask = maskById(doc, shot.id, maskId);
        const Id shapeId = shapeIdArg(mask, optionValue(p, "shape"));
        const FrameNumber key = shotFrame(shot, p, "remove-key");
        const MaskShape* s = mask.painted.findShape(shapeId);
        if (s && !s->keys.contains(key)) {
            // Said here in shot frames, as the user gave them.
            QStringList keys;
            for (FrameNumber k : s->keys.keys())
                keys << QString::number(k - shot.source.start);
            usageError(QStringLiteral("Shape %1 has no key at shot frame %2; its keys are at %3.")
                           .arg(idToString(shapeId))
                           .arg(key - shot.source.start)
                           .arg(keys.isEmpty() ? QStringLiteral("no frame")
                                               : keys.join(QStringLiteral(", "))));
        }
        doc.removeMaskShapeKey(shot.id, maskId, shapeId, key);
        json.insert("action", QStringLiteral("remove-key"));
        json.insert("shape", idToString(shapeId));
        json.insert("key", qint64(key - shot.source.start));
        summary = QStringLiteral("%1\tkey at frame %2 removed")
                      .arg(idToString(shapeId))
                      .arg(key - shot.source.start);
    }
    if (maskId.isNull()) // the edit started the shot's newest painted mask
        maskId = findPainted(*doc.project().findShot(shot.id), QString())->id;
    const MaskRef& mask = maskById(doc, shot.id, maskId);
    json.insert("mask", idToString(maskId));
    json.insert("shapes", int(mask.painted.shapes.size()));
    if (has(p, "render")) {
        const QStringList files = render(doc, shot, mask, frames, optionValue(p, "render"));
        json.insert("rendered", QJsonArray::fromStringList(files));
        summary += QStringLiteral("%1rendered %2 frames to %3")
                       .arg(summary.isEmpty() ? QString() : QStringLiteral("; "))
                       .arg(files.size())
                       .arg(optionValue(p, "render"));
    }
    if (has(p, "list")) {
        QJsonArray list;
        QStringList lines;
        for (const MaskShape& s : mask.painted.shapes) {
            list.append(shapeJson(shot, s));
            lines << shapeLine(shot, s);
        }
        json.insert("shapeList", list);
        if (!lines.isEmpty())
            summary += (summary.isEmpty() ? QString() : QStringLiteral("\n")) +
                       lines.join(QLatin1Char('\n'));
    }
    if (has(p, "json")) {
        printJson(json);
    } else {
        printLine(QStringLiteral("%1\tpainted mask, %2 shapes%3%4")
                      .arg(idToString(maskId))
                      .arg(mask.painted.shapes.size())
                      .arg(created ? QStringLiteral(" (new)") : QString())
                      .arg(summary.isEmpty() ? QString() : QStringLiteral("\n") + summary));
    }
    return true;
}

} // namespace retake::cli
