#include "projectfile.h"

#include "camera/camerajson.h"
#include "core/atomicfile.h"
#include "core/error.h"
#include "core/jsonnumbers.h"
#include "core/translate.h"
#include "mask/maskjson.h"
#include "media/mediasignature.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <functional>

namespace retake {

namespace {

// Larger than any camera or display (16K is 15360), small enough that a
// frame's byte count cannot overflow.
constexpr qint64 kMaxImageSide = 65536;

// ---- writing -------------------------------------------------------------

QJsonValue rationalToJson(Rational r) {
    return r.toString();
}
QJsonArray rangeToJson(FrameRange r) {
    return QJsonArray{qint64(r.start), qint64(r.end)};
}

QJsonObject colorToJson(const ColourTags& c) {
    return {{"primaries", c.primaries},
            {"transfer", c.transfer},
            {"matrix", c.matrix},
            {"range", c.range}};
}

// A Windows path ("D:/media/x.mov", from an OTIO file made on Windows) is
// absolute on every system: stored as it is, never under the project folder.
bool isWindowsDrivePath(const QString& path) {
    return path.size() >= 3 && path[0].isLetter() && path[1] == QLatin1Char(':') &&
           (path[2] == QLatin1Char('/') || path[2] == QLatin1Char('\\'));
}

QString relativePath(const QDir& base, const QString& absolute) {
    if (isWindowsDrivePath(absolute))
        return absolute;
    return absolute.isEmpty() ? QString() : base.relativeFilePath(absolute);
}

QJsonObject mediaToJson(const MediaRef& m, const QDir& base) {
    QJsonObject o{{"id", idToString(m.id)},
                  {"path", relativePath(base, m.path)},
                  {"kind", toString(m.kind)},
                  {"width", m.width},
                  {"height", m.height},
                  {"frameRate", rationalToJson(m.frameRate)},
                  {"frameCount", qint64(m.frameCount)},
                  {"color", colorToJson(m.colour)},
                  {"hasDepth", m.hasDepth}};
    // Optional (absent = automatic), so files from before it still load.
    if (!m.inputSpace.isEmpty())
        o.insert("inputSpace", m.inputSpace);
    if (m.hasAudio())
        o.insert("audio",
                 QJsonObject{{"sampleRate", m.audioSampleRate}, {"channels", m.audioChannels}});
    return o;
}

QJsonObject takeToJson(const Take& t, const QDir& base) {
    QJsonObject params;
    for (auto it = t.parameters.cbegin(); it != t.parameters.cend(); ++it)
        params.insert(it.key(), it.value());
    QJsonObject o{{"id", idToString(t.id)},
                  {"engine", t.engine},
                  {"parameters", params},
                  {"seed", t.seed},
                  {"prompt", t.prompt},
                  {"range", rangeToJson(t.range)},
                  {"created", t.created.toUTC().toString(Qt::ISODateWithMs)},
                  {"frames", relativePath(base, t.framesPath)}};
    QJsonArray regenerated;
    for (const auto& r : t.regenerated.ranges())
        regenerated.append(rangeToJson(r));
    o.insert("regenerated", regenerated);
    if (!t.maskId.isNull())
        o.insert("mask", idToString(t.maskId));
    if (!t.modelHash.isEmpty())
        o.insert("modelHash", t.modelHash);
    if (!t.author.isEmpty())
        o.insert("author", t.author);
    return o;
}

QJsonObject shotToJson(const Shot& s, const QDir& base) {
    QJsonArray locks, masks, takes, active;
    for (const auto& r : s.locks.ranges())
        locks.append(rangeToJson(r));
    for (const auto& m : s.masks) {
        QJsonObject mask{{"id", idToString(m.id)},
                         {"path", relativePath(base, m.path)},
                         {"range", rangeToJson(m.range)},
                         {"stationary", m.stationary}};
        if (m.isPainted()) // optional field: files without painted masks are unchanged
            mask.insert("painted", paintedMaskToJson(m.painted));
        masks.append(mask);
    }
    for (const auto& t : s.takes)
        takes.append(takeToJson(t, base));
    for (const auto& a : s.activeTakes)
        active.append(QJsonObject{
            {"range", rangeToJson(a.range)},
            {"take", a.takeId.isNull() ? QJsonValue() : QJsonValue(idToString(a.takeId))}});
    QJsonArray lockCredits; // optional: files without credits are written as before
    for (const LockCredit& c : s.lockCredits)
        lockCredits.append(QJsonObject{{"range", rangeToJson(c.range)},
                                       {"author", c.author},
                                       {"when", c.when.toUTC().toString(Qt::ISODateWithMs)}});
    QJsonObject shot{{"id", idToString(s.id)},
                     {"name", s.name},
                     {"media", idToString(s.mediaId)},
                     {"source", rangeToJson(s.source)},
                     {"locks", locks},
                     {"masks", masks},
                     {"takes", takes},
                     {"activeTakes", active},
                     {"camera", cameraToJson(s.camera)},
                     {"prompt", s.prompt},
                     {"notes", s.notes},
                     {"audioEnabled", s.audioEnabled}};
    if (!lockCredits.isEmpty())
        shot.insert("lockCredits", lockCredits);
    return shot;
}

// OTIO's JSON of what an import found and Retake has no field for (model/project.h),
// as an optional field: projects without it are written as before.
void insertOtio(QJsonObject& o, const QString& otio) {
    if (!otio.isEmpty())
        o.insert("otio", otio);
}

QJsonObject trackToJson(const Track& t) {
    QJsonObject o{{"id", idToString(t.id)},
                  {"kind", t.kind == TrackKind::Video ? "video" : "audio"},
                  {"name", t.name},
                  {"muted", t.muted}};
    insertOtio(o, t.otio);
    if (t.kind == TrackKind::Video) {
        QJsonArray shots;
        for (const Id& id : t.shots)
            shots.append(idToString(id));
        o.insert("shots", shots);
    } else {
        QJsonArray clips;
        for (const auto& c : t.clips)
            clips.append(QJsonObject{{"id", idToString(c.id)},
                                     {"media", idToString(c.mediaId)},
                                     {"sourceStart", rationalToJson(c.sourceStart)},
                                     {"duration", rationalToJson(c.duration)},
                                     {"timelineStart", qint64(c.timelineStart)},
                                     {"gainDb", c.gainDb}});
        for (int k = 0; k < t.clips.size(); ++k)
            if (!t.clips[k].otio.isEmpty()) {
                QJsonObject clip = clips[k].toObject();
                insertOtio(clip, t.clips[k].otio);
                clips[k] = clip;
            }
        o.insert("clips", clips);
    }
    return o;
}

// ---- reading -------------------------------------------------------------

// Reads fields and reports the first wrong one with its path in the document
// ("shots[2].source"), so a hand-edited file can be fixed.
class Reader {
public:
    Reader(const QString& file, const QDir& base)
        : file_(file)
        , base_(base) {}

    [[noreturn]] void fail(const QString& where, const QString& problem) const {
        throwBadInput(file_, QStringLiteral("%1: %2").arg(where, problem));
    }

    QJsonValue field(const QJsonObject& o, const QString& where, const char* key) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            fail(where, tr("missing field \"%1\"").arg(QLatin1String(key)));
        return v;
    }
    QString string(const QJsonObject& o, const QString& where, const char* key,
                   bool required = true) const {
        const QJsonValue v = required ? field(o, where, key) : o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return QString();
        if (!v.isString())
            fail(where + QLatin1Char('.') + QLatin1String(key), tr("expected a string"));
        return v.toString();
    }
    // An integer in [minimum, maximum]; anything else refuses the load.
    qint64 integer(const QJsonObject& o, const QString& where, const char* key, qint64 minimum,
                   qint64 maximum, qint64 fallback = 0, bool required = true) const {
        const QJsonValue v = required ? field(o, where, key) : o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (const auto problem = numberProblem(v, true, double(minimum), double(maximum)))
            fail(where + QLatin1Char('.') + QLatin1String(key), *problem);
        return qint64(v.toDouble());
    }
    double number(const QJsonObject& o, const QString& where, const char* key,
                  double fallback) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (const auto problem = numberProblem(v))
            fail(where + QLatin1Char('.') + QLatin1String(key), *problem);
        return v.toDouble();
    }
    // A [start, end) pair of frame numbers, non-empty.
    FrameRange rangeValue(const QJsonValue& v, const QString& at) const {
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2)
            fail(at, tr("expected [start, end]"));
        for (int i = 0; i < 2; ++i)
            if (const auto problem = frameNumberProblem(a[i]))
                fail(QStringLiteral("%1[%2]").arg(at).arg(i), *problem);
        const FrameRange r{qint64(a[0].toDouble()), qint64(a[1].toDouble())};
        if (r.end < r.start)
            fail(at, tr("end (%1) before start (%2)").arg(r.end).arg(r.start));
        return r;
    }
    bool boolean(const QJsonObject& o, const QString& where, const char* key, bool fallback) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            fail(where + QLatin1Char('.') + QLatin1String(key), tr("expected true or false"));
        return v.toBool();
    }
    Id id(const QJsonObject& o, const QString& where, const char* key, bool required = true) const {
        const QString text = string(o, where, key, required);
        if (text.isEmpty() && !required)
            return Id();
        const QUuid uuid = QUuid::fromString(text);
        if (uuid.isNull())
            fail(where + QLatin1Char('.') + QLatin1String(key),
                 tr("\"%1\" is not an ID").arg(text));
        return uuid;
    }
    Rational rational(const QJsonObject& o, const QString& where, const char* key) const {
        const QString text = string(o, where, key);
        const auto r = Rational::fromString(text);
        if (!r)
            fail(where + QLatin1Char('.') + QLatin1String(key),
                 tr("\"%1\" is not a number or fraction").arg(text));
        return *r;
    }
    // A frame rate: positive and at most 1000 fps (above that, timecode and
    // frame arithmetic stop meaning anything).
    Rational frameRate(const QJsonObject& o, const QString& where, const char* key) const {
        const Rational r = rational(o, where, key);
        if (!r.isPositive() || r.toDouble() > 1000.0)
            fail(where + QLatin1Char('.') + QLatin1String(key),
                 tr("%1 is not a frame rate (more than 0, at most 1000 fps)").arg(r.toString()));
        return r;
    }
    FrameRange range(const QJsonObject& o, const QString& where, const char* key) const {
        return rangeValue(field(o, where, key), where + QLatin1Char('.') + QLatin1String(key));
    }
    // A range that must hold frames (a lock, a regenerated span): an empty
    // one is a damaged file, not something to drop quietly.
    FrameRange nonEmptyRange(const QJsonValue& v, const QString& at) const {
        const FrameRange r = rangeValue(v, at);
        if (r.isEmpty())
            fail(at, tr("empty range (end equals start)"));
        return r;
    }
    QJsonArray array(const QJsonObject& o, const QString& where, const char* key,
                     bool required = true) const {
        const QJsonValue v = required ? field(o, where, key) : o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            fail(where + QLatin1Char('.') + QLatin1String(key), tr("expected an array"));
        return v.toArray();
    }
    QJsonObject object(const QJsonValue& v, const QString& where) const {
        if (!v.isObject())
            fail(where, tr("expected an object"));
        return v.toObject();
    }
    QString path(const QJsonObject& o, const QString& where, const char* key) const {
        const QString stored = string(o, where, key, false);
        if (stored.isEmpty() || isWindowsDrivePath(stored))
            return stored;
        return QDir::cleanPath(base_.absoluteFilePath(stored));
    }
    ColourTags color(const QJsonObject& o, const QString& where) const {
        ColourTags c;
        if (!o.contains(QLatin1String("color")))
            return c;
        const QJsonObject co =
            object(o.value(QLatin1String("color")), where + QStringLiteral(".colour"));
        c.primaries = string(co, where, "primaries");
        c.transfer = string(co, where, "transfer");
        c.matrix = string(co, where, "matrix");
        c.range = string(co, where, "range");
        return c;
    }

private:
    QString file_;
    QDir base_;
};

MediaKind parseMediaKind(const Reader& r, const QString& text, const QString& where) {
    for (MediaKind k :
         {MediaKind::Video, MediaKind::ImageSequence, MediaKind::Still, MediaKind::Gap})
        if (toString(k) == text)
            return k;
    r.fail(where, tr("unknown media kind \"%1\"").arg(text));
}

Project readProject(const QJsonObject& root, const Reader& r) {
    Project p;
    p.id = r.id(root, "project", "id");
    p.name = r.string(root, "project", "name");
    p.frameRate = r.frameRate(root, "project", "frameRate");
    p.width = int(r.integer(root, "project", "width", 0, kMaxImageSide));
    p.height = int(r.integer(root, "project", "height", 0, kMaxImageSide));
    p.settingsFromFirstMedia = r.boolean(root, "project", "settingsFromFirstMedia", false);
    p.otio = r.string(root, "project", "otio", false);

    const QJsonArray media = r.array(root, "project", "media");
    for (int i = 0; i < media.size(); ++i) {
        const QString at = QStringLiteral("media[%1]").arg(i);
        const QJsonObject o = r.object(media[i], at);
        MediaRef m;
        m.id = r.id(o, at, "id");
        m.path = r.path(o, at, "path");
        m.kind = parseMediaKind(r, r.string(o, at, "kind"), at + QStringLiteral(".kind"));
        m.width = int(r.integer(o, at, "width", 0, kMaxImageSide));
        m.height = int(r.integer(o, at, "height", 0, kMaxImageSide));
        m.frameRate = r.frameRate(o, at, "frameRate");
        m.frameCount = r.integer(o, at, "frameCount", 0, kMaxFrameNumber);
        m.colour = r.color(o, at);
        m.hasDepth = r.boolean(o, at, "hasDepth", false);
        m.inputSpace = r.string(o, at, "inputSpace", false);
        if (o.contains(QLatin1String("audio"))) {
            const QJsonObject a =
                r.object(o.value(QLatin1String("audio")), at + QStringLiteral(".audio"));
            m.audioSampleRate =
                int(r.integer(a, at + QStringLiteral(".audio"), "sampleRate", 0, 10'000'000));
            m.audioChannels = int(r.integer(a, at + QStringLiteral(".audio"), "channels", 0, 1024));
        }
        p.media.push_back(m);
    }

    const QJsonArray shots = r.array(root, "project", "shots");
    for (int i = 0; i < shots.size(); ++i) {
        const QString at = QStringLiteral("shots[%1]").arg(i);
        const QJsonObject o = r.object(shots[i], at);
        Shot s;
        s.id = r.id(o, at, "id");
        s.name = r.string(o, at, "name");
        s.mediaId = r.id(o, at, "media");
        s.source = r.range(o, at, "source");
        const QJsonArray locks = r.array(o, at, "locks", false);
        for (int k = 0; k < locks.size(); ++k)
            s.locks.add(r.nonEmptyRange(locks[k], QStringLiteral("%1.locks[%2]").arg(at).arg(k)));
        const QJsonArray credits = r.array(o, at, "lockCredits", false);
        for (int k = 0; k < credits.size(); ++k) {
            const QString cat = QStringLiteral("%1.lockCredits[%2]").arg(at).arg(k);
            const QJsonObject co = r.object(credits[k], cat);
            LockCredit credit;
            credit.range =
                r.nonEmptyRange(co.value(QLatin1String("range")), cat + QStringLiteral(".range"));
            credit.author = r.string(co, cat, "author", false);
            credit.when =
                QDateTime::fromString(r.string(co, cat, "when", false), Qt::ISODateWithMs);
            s.lockCredits.push_back(credit);
        }
        const QJsonArray masks = r.array(o, at, "masks", false);
        for (int k = 0; k < masks.size(); ++k) {
            const QString mat = QStringLiteral("%1.masks[%2]").arg(at).arg(k);
            const QJsonObject mo = r.object(masks[k], mat);
            MaskRef mask{r.id(mo, mat, "id"),
                         r.path(mo, mat, "path"),
                         r.range(mo, mat, "range"),
                         r.boolean(mo, mat, "stationary", false),
                         {}};
            if (mo.contains(QLatin1String("painted")))
                mask.painted = paintedMaskFromJson(
                    r.object(mo.value(QLatin1String("painted")), mat + QStringLiteral(".painted")),
                    mat + QStringLiteral(".painted"),
                    [&r](const QString& w, const QString& m) { r.fail(w, m); });
            s.masks.push_back(mask);
        }
        const QJsonArray takes = r.array(o, at, "takes", false);
        for (int k = 0; k < takes.size(); ++k) {
            const QString tat = QStringLiteral("%1.takes[%2]").arg(at).arg(k);
            const QJsonObject to = r.object(takes[k], tat);
            Take t;
            t.id = r.id(to, tat, "id");
            t.engine = r.string(to, tat, "engine");
            const QJsonObject params = to.value(QLatin1String("parameters")).toObject();
            for (auto it = params.begin(); it != params.end(); ++it)
                t.parameters.insert(it.key(), it.value().toVariant().toString());
            // Seeds are written as JSON numbers: exact up to 2^53.
            t.seed = r.integer(to, tat, "seed", -(qint64(1) << 53), qint64(1) << 53, 0, false);
            t.prompt = r.string(to, tat, "prompt", false);
            t.range = r.range(to, tat, "range");
            const QJsonArray regenerated = r.array(to, tat, "regenerated", false);
            for (int g = 0; g < regenerated.size(); ++g)
                t.regenerated.add(r.nonEmptyRange(
                    regenerated[g], QStringLiteral("%1.regenerated[%2]").arg(tat).arg(g)));
            if (!to.contains(QLatin1String("regenerated")))
                t.regenerated.add(t.range);
            t.maskId = r.id(to, tat, "mask", false);
            t.created =
                QDateTime::fromString(r.string(to, tat, "created", false), Qt::ISODateWithMs);
            t.framesPath = r.path(to, tat, "frames");
            t.modelHash = r.string(to, tat, "modelHash", false);
            t.author = r.string(to, tat, "author", false);
            s.takes.push_back(t);
        }
        const QJsonArray active = r.array(o, at, "activeTakes", false);
        for (int k = 0; k < active.size(); ++k) {
            const QString aat = QStringLiteral("%1.activeTakes[%2]").arg(at).arg(k);
            const QJsonObject ao = r.object(active[k], aat);
            s.activeTakes.push_back({r.range(ao, aat, "range"), r.id(ao, aat, "take", false)});
        }
        if (o.contains(QLatin1String("camera"))) {
            const QString cat = at + QStringLiteral(".camera");
            const QJsonObject co = r.object(o.value(QLatin1String("camera")), cat);
            Camera c;
            c.focalLengthMm = r.number(co, cat, "focalLengthMm", c.focalLengthMm);
            c.filmbackWidthMm = r.number(co, cat, "filmbackWidthMm", c.filmbackWidthMm);
            c.filmbackHeightMm = r.number(co, cat, "filmbackHeightMm", c.filmbackHeightMm);
            c.focusDistanceM = r.number(co, cat, "focusDistanceM", c.focusDistanceM);
            c.fStop = r.number(co, cat, "fStop", c.fStop);
            c.shutterAngleDeg = r.number(co, cat, "shutterAngleDeg", c.shutterAngleDeg);
            readCameraDetails(co, cat, c,
                              [&r](const QString& w, const QString& m) { r.fail(w, m); });
            s.camera = c;
        }
        if (o.contains(QLatin1String("blocking")))
            s.blocking = blockingSceneFromJson(
                r.object(o.value(QLatin1String("blocking")), at + QStringLiteral(".blocking")),
                at + QStringLiteral(".blocking"),
                [&r](const QString& w, const QString& m) { r.fail(w, m); });
        s.prompt = r.string(o, at, "prompt", false);
        s.notes = r.string(o, at, "notes", false);
        s.audioEnabled = r.boolean(o, at, "audioEnabled", true);
        s.otio = r.string(o, at, "otio", false);
        p.shots.push_back(s);
    }

    const QJsonArray tracks = r.array(root, "project", "tracks");
    for (int i = 0; i < tracks.size(); ++i) {
        const QString at = QStringLiteral("tracks[%1]").arg(i);
        const QJsonObject o = r.object(tracks[i], at);
        Track t;
        t.id = r.id(o, at, "id");
        const QString kind = r.string(o, at, "kind");
        if (kind != QLatin1String("video") && kind != QLatin1String("audio"))
            r.fail(at + QStringLiteral(".kind"), tr("expected \"video\" or \"audio\""));
        t.kind = kind == QLatin1String("video") ? TrackKind::Video : TrackKind::Audio;
        t.name = r.string(o, at, "name");
        t.muted = r.boolean(o, at, "muted", false);
        t.otio = r.string(o, at, "otio", false);
        for (const auto& v : r.array(o, at, "shots", false)) {
            const QUuid shotId = QUuid::fromString(v.toString());
            if (shotId.isNull())
                r.fail(at + QStringLiteral(".shots"), tr("\"%1\" is not an ID").arg(v.toString()));
            t.shots.push_back(shotId);
        }
        const QJsonArray clips = r.array(o, at, "clips", false);
        for (int k = 0; k < clips.size(); ++k) {
            const QString cat = QStringLiteral("%1.clips[%2]").arg(at).arg(k);
            const QJsonObject co = r.object(clips[k], cat);
            AudioClip c;
            c.id = r.id(co, cat, "id");
            c.mediaId = r.id(co, cat, "media");
            c.sourceStart = r.rational(co, cat, "sourceStart");
            c.duration = r.rational(co, cat, "duration");
            c.timelineStart = r.integer(co, cat, "timelineStart", 0, kMaxFrameNumber);
            c.gainDb = r.number(co, cat, "gainDb", 0.0);
            c.otio = r.string(co, cat, "otio", false);
            t.clips.push_back(c);
        }
        p.tracks.push_back(t);
    }
    const QStringList problems = p.consistencyProblems();
    if (!problems.isEmpty())
        r.fail(QStringLiteral("project"),
               tr("inconsistent: %1").arg(problems.join(QStringLiteral("; "))));
    return p;
}

// Upgrade steps, one per format version: upgrades[v] turns a version-v
// document into version v+1. Version 1 is the first format, so the table is
// empty; the loop below already runs every step a file needs.
const std::map<int, std::function<void(QJsonObject&)>>& upgradeSteps() {
    static const std::map<int, std::function<void(QJsonObject&)>> steps;
    return steps;
}

QString lineAndColumn(const QByteArray& data, int offset) {
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        if (data[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

QByteArray serializeProject(const Project& project, const QString& projectFilePath) {
    const QDir base = QFileInfo(projectFilePath).absoluteDir();
    QJsonArray media, shots, tracks;
    for (const auto& m : project.media)
        media.append(mediaToJson(m, base));
    for (const auto& s : project.shots) {
        QJsonObject shot = shotToJson(s, base);
        insertOtio(shot, s.otio);
        if (s.blocking != BlockingScene())
            shot.insert("blocking", blockingSceneToJson(s.blocking));
        shots.append(shot);
    }
    for (const auto& t : project.tracks)
        tracks.append(trackToJson(t));
    const QJsonObject root{{"format", kProjectFormatName},
                           {"version", kProjectFormatVersion},
                           {"writer", QStringLiteral("Retake " RETAKE_VERSION)},
                           {"id", idToString(project.id)},
                           {"name", project.name},
                           {"frameRate", rationalToJson(project.frameRate)},
                           {"width", project.width},
                           {"height", project.height},
                           {"settingsFromFirstMedia", project.settingsFromFirstMedia},
                           {"media", media},
                           {"shots", shots},
                           {"tracks", tracks}};
    QJsonObject withOtio = root;
    insertOtio(withOtio, project.otio);
    return QJsonDocument(withOtio).toJson(QJsonDocument::Indented);
}

Project parseProject(const QByteArray& data, const QString& projectFilePath) {
    if (data.trimmed().isEmpty())
        throwBadInput(projectFilePath, tr("the file is empty, not a Retake project"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throwBadInput(projectFilePath,
                      tr("not valid JSON at %1: %2")
                          .arg(lineAndColumn(data, parseError.offset), parseError.errorString()));
    if (!doc.isObject())
        throwBadInput(projectFilePath, tr("not a Retake project (the JSON is not an object)"));
    QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(kProjectFormatName))
        throwBadInput(projectFilePath,
                      tr("not a Retake project (format is \"%1\", expected \"%2\")")
                          .arg(root.value(QLatin1String("format")).toString(),
                               QLatin1String(kProjectFormatName)));
    const QJsonValue versionValue = root.value(QLatin1String("version"));
    const int version = versionValue.toInt(-1);
    if (version < 1)
        throwBadInput(projectFilePath,
                      tr("the format version is missing or not a positive integer"));
    if (version > kProjectFormatVersion)
        throwBadInput(projectFilePath,
                      tr("written by %1 in project format version %2; this Retake (%3) reads up to "
                         "version %4. Open it with a newer Retake.")
                          .arg(root.value(QLatin1String("writer")).toString(tr("a newer Retake")))
                          .arg(version)
                          .arg(QStringLiteral(RETAKE_VERSION))
                          .arg(kProjectFormatVersion));
    for (int v = version; v < kProjectFormatVersion; ++v) {
        const auto step = upgradeSteps().find(v);
        if (step == upgradeSteps().end())
            throwBadInput(projectFilePath, tr("no upgrade from format version %1").arg(v));
        step->second(root);
    }
    const Reader reader(projectFilePath, QFileInfo(projectFilePath).absoluteDir());
    return readProject(root, reader);
}

Project loadProjectFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists())
        throwBadInput(path, tr("no such file"));
    if (info.isDir())
        throwBadInput(path, tr("is a directory, not a project file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(path, tr("cannot read: %1").arg(file.errorString()));
    Project project = parseProject(file.readAll(), info.absoluteFilePath());
    refreshOnlineState(project);
    return project;
}

void saveProjectFile(const Project& project, const QString& path) {
    // A project reached through a symlink is saved where the link points, so
    // the link stays a link (the user chose to keep the file there).
    const QFileInfo info(path);
    const QString target = info.isSymLink() ? info.symLinkTarget() : path;
    const QByteArray data = serializeProject(project, info.absoluteFilePath());
    try {
        writeFileAtomically(target, data);
    } catch (const Error& e) {
        throw Error(ErrorKind::Output,
                    tr("%1 (saving failed, the previous file is unchanged)").arg(e.message()));
    }
}

int refreshOnlineState(Project& project) {
    int offline = 0;
    for (auto& m : project.media) {
        if (m.kind == MediaKind::Gap) { // no file to find
            m.online = true;
            m.notMedia = false;
            continue;
        }
        const QFileInfo info(m.path);
        const bool found = info.isFile() && info.isReadable();
        // A project may name any file; one that is no media is not online.
        m.notMedia = found && !fileHasMediaSignature(m.path);
        m.online = found && !m.notMedia;
        offline += m.online ? 0 : 1;
    }
    return offline;
}

QString projectCacheDir(const QString& projectFilePath) {
    const QFileInfo info(projectFilePath);
    return info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".retake-cache"));
}

} // namespace retake
