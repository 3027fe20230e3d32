// Reading OpenTimelineIO JSON, Retake's own (exact values in
// metadata["retake"]) and other tools' (seconds as doubles).

#include "core/error.h"
#include "core/jsonnumbers.h"
#include "core/translate.h"
#include "interchange/otio.h"
#include "mask/maskjson.h"
#include "media/media.h"
#include "mediaio/openmedia.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <algorithm>
#include <cmath>

namespace retake {

namespace {

Camera cameraFromJson(const QJsonObject& o) {
    Camera c;
    c.focalLengthMm = o.value("focalLengthMm").toDouble(c.focalLengthMm);
    c.filmbackWidthMm = o.value("filmbackWidthMm").toDouble(c.filmbackWidthMm);
    c.filmbackHeightMm = o.value("filmbackHeightMm").toDouble(c.filmbackHeightMm);
    c.focusDistanceM = o.value("focusDistanceM").toDouble(c.focusDistanceM);
    c.fStop = o.value("fStop").toDouble(c.fStop);
    c.shutterAngleDeg = o.value("shutterAngleDeg").toDouble(c.shutterAngleDeg);
    return c;
}

} // namespace

Rational rateFromOtio(double rate) {
    // No rate is a billion per second; beyond that the conversions below overflow.
    if (!(rate > 0) || !(rate < 1e9))
        return Rational(0);
    const double whole = std::round(rate);
    if (std::abs(rate - whole) < 1e-6)
        return Rational(std::int64_t(whole));
    const double ntsc = std::round(rate * 1.001);
    // Tools write NTSC rates both exactly (23.976023976...) and rounded
    // (23.976, 29.97); both mean n * 1000/1001, as in Rational::fromString.
    if (std::abs(rate - ntsc * 1000.0 / 1001.0) < 1e-4)
        return Rational(std::int64_t(ntsc) * 1000, 1001);
    return Rational(std::llround(rate * 1000000.0), 1000000);
}

namespace {

// Reading: Retake's own files carry exact values in metadata["retake"];
// files from other tools give seconds as (value, rate) doubles.
class OtioReader {
public:
    OtioReader(const QString& file)
        : file_(file)
        , baseDir_(QFileInfo(file).absoluteDir()) {}

    // A [start, end] frame range of Retake's own metadata, by the rule the
    // project file reads it with (core/jsonnumbers.h): a number a project
    // cannot hold refuses the import, naming the field, rather than being
    // clamped into a project that then refuses to load.
    FrameRange metaRange(const QJsonValue& v, const QString& where) const {
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2)
            throwBadInput(file_, tr("%1: expected [start, end]").arg(where));
        for (int i = 0; i < 2; ++i)
            if (const auto problem = frameNumberProblem(a[i]))
                throwBadInput(file_, QStringLiteral("%1[%2]: %3").arg(where).arg(i).arg(*problem));
        const FrameRange range{qint64(a[0].toDouble()), qint64(a[1].toDouble())};
        if (range.end < range.start)
            throwBadInput(
                file_,
                tr("%1: end (%2) before start (%3)").arg(where).arg(range.end).arg(range.start));
        return range;
    }

    OtioImport read(const QJsonObject& timeline) {
        if (!timeline.value("OTIO_SCHEMA").toString().startsWith(QLatin1String("Timeline.")))
            throwBadInput(file_, tr("is not an OpenTimelineIO timeline (OTIO_SCHEMA is \"%1\")")
                                     .arg(timeline.value("OTIO_SCHEMA").toString()));
        const QJsonObject meta = retakeMeta(timeline);
        const QJsonArray tracks = timeline.value("tracks").toObject().value("children").toArray();
        Project& p = result_.project;
        p = Project::createEmpty(timeline.value("name").toString(), Rational(24), 1920, 1080);
        p.tracks.clear();
        if (!meta.value("projectId").toString().isEmpty())
            p.id = Id(meta.value("projectId").toString());
        const auto rate = Rational::fromString(meta.value("frameRate").toString());
        p.frameRate = rate && rate->isPositive() ? *rate : firstVideoRate(tracks);
        for (const QJsonValue& t : tracks) {
            const QJsonObject track = t.toObject();
            if (track.value("kind").toString() == QLatin1String("Audio"))
                readAudioTrack(track);
            else
                readVideoTrack(track);
        }
        if (!p.firstTrack(TrackKind::Video))
            p.tracks.push_front(
                Track{newId(), TrackKind::Video, QStringLiteral("V1"), {}, {}, false});
        if (!p.firstTrack(TrackKind::Audio))
            p.tracks.push_back(
                Track{newId(), TrackKind::Audio, QStringLiteral("A1"), {}, {}, false});
        p.width = meta.value("width").toInt();
        p.height = meta.value("height").toInt();
        if (p.width <= 0 || p.height <= 0) {
            p.width = 1920;
            p.height = 1080;
            for (const MediaRef& m : p.media)
                if (m.width > 0 && m.kind != MediaKind::Still) {
                    p.width = m.width;
                    p.height = m.height;
                    break;
                }
        }
        p.settingsFromFirstMedia = false;
        // A rate the project file cannot hold would be saved and then refuse
        // to load (the same bound as projectfile's): refuse it here instead.
        const auto checkRate = [this](Rational rate, const QString& what) {
            if (!rate.isPositive() || rate.toDouble() > 1000.0)
                throwBadInput(
                    file_,
                    tr("%1 runs at %2 fps; Retake holds 0 to 1000 fps").arg(what, rate.toString()));
        };
        checkRate(p.frameRate, tr("the timeline"));
        for (const MediaRef& m : p.media)
            checkRate(m.frameRate, m.path);
        const QStringList problems = p.consistencyProblems();
        if (!problems.isEmpty())
            throwBadInput(file_, tr("describes a timeline Retake cannot hold: %1")
                                     .arg(problems.join(QStringLiteral("; "))));
        return std::move(result_);
    }

private:
    static QJsonObject retakeMeta(const QJsonObject& o) {
        return o.value("metadata").toObject().value("retake").toObject();
    }

    static double seconds(const QJsonObject& time) {
        const double rate = time.value("rate").toDouble();
        return rate > 0 ? time.value("value").toDouble() / rate : 0.0;
    }

    // [start, end) media frames of an OTIO range, at the media's rate. A
    // range Retake cannot represent refuses the file (a lock marker of 1e308
    // seconds was once dropped without a word).
    FrameRange frames(const QJsonObject& range, Rational mediaRate) const {
        const double start = seconds(range.value("start_time").toObject()) * mediaRate.toDouble();
        const double duration = seconds(range.value("duration").toObject()) * mediaRate.toDouble();
        const double limit = double(kMaxFrameNumber);
        if (!(std::abs(start) <= limit) || !(duration >= 0 && duration <= limit) ||
            !(std::abs(start + duration) <= limit))
            throwBadInput(file_, tr("a time range (start %1 s, duration %2 s) is out of range "
                                    "(frames up to %3)")
                                     .arg(seconds(range.value("start_time").toObject()))
                                     .arg(seconds(range.value("duration").toObject()))
                                     .arg(kMaxFrameNumber));
        const FrameNumber s = std::llround(start);
        return {s, s + std::llround(duration)};
    }

    Rational firstVideoRate(const QJsonArray& tracks) const {
        for (const QJsonValue& t : tracks)
            for (const QJsonValue& c : t.toObject().value("children").toArray()) {
                const QJsonObject range = c.toObject().value("source_range").toObject();
                const Rational r =
                    rateFromOtio(range.value("duration").toObject().value("rate").toDouble());
                if (c.toObject()
                        .value("OTIO_SCHEMA")
                        .toString()
                        .startsWith(QLatin1String("Clip.")) &&
                    r.isPositive())
                    return r;
            }
        return Rational(24);
    }

    static QJsonObject mediaReference(const QJsonObject& clip) {
        if (clip.contains("media_references")) {
            const QString key =
                clip.value("active_media_reference_key").toString(kOtioDefaultMediaKey);
            return clip.value("media_references").toObject().value(key).toObject();
        }
        return clip.value("media_reference").toObject(); // Clip.1
    }

    QString pathOf(const QJsonObject& clip) const {
        const QJsonObject ref = mediaReference(clip);
        const QString schema = ref.value("OTIO_SCHEMA").toString();
        QString url;
        if (schema.startsWith(QLatin1String("ExternalReference."))) {
            url = ref.value("target_url").toString();
        } else if (schema.startsWith(QLatin1String("ImageSequenceReference."))) {
            const double padding = ref.value("frame_zero_padding").toDouble();
            const double start = ref.value("start_frame").toDouble();
            // Bounded before use: a padding of 2e9 once allocated until it ran
            // out of memory.
            if (!(padding >= 0 && padding <= 32))
                throwBadInput(file_,
                              tr("frame_zero_padding %1 is out of range (0 to 32)")
                                  .arg(ref.value("frame_zero_padding").toVariant().toString()));
            if (!(std::abs(start) <= double(kMaxFrameNumber)) || start != std::floor(start))
                throwBadInput(file_, tr("start_frame %1 is not a frame number")
                                         .arg(ref.value("start_frame").toVariant().toString()));
            url = ref.value("target_url_base").toString() + ref.value("name_prefix").toString() +
                  QStringLiteral("%1").arg(qint64(start), int(padding), 10, QLatin1Char('0')) +
                  ref.value("name_suffix").toString();
        }
        if (url.isEmpty())
            return {};
        const QUrl u(url);
        const QString local = u.isLocalFile() ? u.toLocalFile() : url;
        return QDir::cleanPath(baseDir_.absoluteFilePath(local));
    }

    // Media by path, probed once; a missing file becomes offline media sized
    // by the reference's available_range.
    const MediaRef* media(const QJsonObject& clip, const QString& clipName) {
        const QString path = pathOf(clip);
        if (path.isEmpty())
            throwBadInput(file_, tr("clip \"%1\" has no file reference Retake can use "
                                    "(only ExternalReference and ImageSequenceReference)")
                                     .arg(clipName));
        Project& p = result_.project;
        if (const MediaRef* m = p.findMediaByPath(path))
            return m;
        const QJsonObject ref = mediaReference(clip);
        MediaRef m;
        try {
            m = MediaRef::fromInfo(openMedia(path)->info());
        } catch (const Error& e) {
            const QJsonObject available = ref.value("available_range").toObject();
            const auto exact = Rational::fromString(retakeMeta(ref).value("frameRate").toString());
            m.frameRate =
                exact
                    ? *exact
                    : rateFromOtio(available.value("duration").toObject().value("rate").toDouble());
            if (available.isEmpty() || !m.frameRate.isPositive())
                throwBadInput(path, tr("cannot be used and the OTIO file does not say how long it "
                                       "is (clip \"%1\"): %2")
                                        .arg(clipName, e.message()));
            // Audio references count in samples (48000 a second): offline,
            // such media is kept in video frames at the timeline's rate, so
            // the project holds a frame rate it can load again.
            if (m.frameRate.toDouble() > 1000.0) {
                const double frameCount =
                    std::ceil((seconds(available.value("start_time").toObject()) +
                               seconds(available.value("duration").toObject())) *
                              p.frameRate.toDouble());
                if (!(frameCount >= 0 && frameCount <= double(kMaxFrameNumber)))
                    throwBadInput(
                        file_,
                        tr("clip \"%1\": its available range is out of range").arg(clipName));
                m.frameRate = p.frameRate;
                m.frameCount = FrameNumber(frameCount);
            } else {
                m.frameCount = frames(available, m.frameRate).end;
            }
            m.online = false;
            // A file that exists but cannot be read as media is not "missing":
            // say what is wrong with it.
            result_.warnings << (QFileInfo::exists(path)
                                     ? tr("%1 cannot be used (%2); imported as offline media")
                                           .arg(path, e.message())
                                     : tr("%1 is missing; imported as offline media").arg(path));
        }
        const QString id = retakeMeta(ref).value("mediaId").toString();
        m.id = !id.isEmpty() && !p.findMedia(Id(id)) ? Id(id) : newId();
        m.path = path;
        p.media.push_back(m);
        return &p.media.back();
    }

    void readVideoTrack(const QJsonObject& json) {
        const QJsonObject tmeta = retakeMeta(json);
        Track track{newId(),
                    TrackKind::Video,
                    json.value("name").toString(),
                    {},
                    {},
                    !json.value("enabled").toBool(true)};
        if (!tmeta.value("trackId").toString().isEmpty())
            track.id = Id(tmeta.value("trackId").toString());
        for (const QJsonValue& v : json.value("children").toArray()) {
            const QJsonObject child = v.toObject();
            const QString schema = child.value("OTIO_SCHEMA").toString();
            if (schema.startsWith(QLatin1String("Clip."))) {
                track.shots << readShot(child);
            } else if (schema.startsWith(QLatin1String("Gap."))) {
                result_.warnings << tr("Track \"%1\": a gap of %2 s was closed (Retake's video "
                                       "tracks hold shots end to end)")
                                        .arg(track.name)
                                        .arg(seconds(child.value("source_range")
                                                         .toObject()
                                                         .value("duration")
                                                         .toObject()));
            } else {
                result_.warnings << tr("Track \"%1\": %2 \"%3\" was left out")
                                        .arg(track.name, schema, child.value("name").toString());
            }
        }
        result_.project.tracks.push_back(track);
    }

    Id readShot(const QJsonObject& clip) {
        const QJsonObject meta = retakeMeta(clip);
        Shot shot;
        shot.name = clip.value("name").toString();
        const MediaRef& m = *media(clip, shot.name);
        shot.mediaId = m.id;
        const QString id = meta.value("shotId").toString();
        shot.id = !id.isEmpty() && !result_.project.findShot(Id(id)) ? Id(id) : newId();
        shot.source = clip.value("source_range").isObject()
                          ? frames(clip.value("source_range").toObject(), m.frameRate)
                          : FrameRange{0, m.frameCount};
        for (const QJsonValue& mv : clip.value("markers").toArray()) {
            const QJsonObject marker = mv.toObject();
            const bool lock =
                retakeMeta(marker).value("kind").toString() == QLatin1String("lock") ||
                marker.value("name").toString().startsWith(QLatin1String("lock"),
                                                           Qt::CaseInsensitive);
            if (!lock)
                continue;
            const FrameRange marked = frames(marker.value("marked_range").toObject(), m.frameRate);
            const FrameRange kept = marked.intersected(shot.source);
            if (kept.isEmpty())
                result_.warnings << tr("Clip \"%1\": a lock marker lies outside the clip's "
                                       "range and locks nothing")
                                        .arg(shot.name);
            else if (kept != marked)
                result_.warnings << tr("Clip \"%1\": a lock marker reaches past the clip; only "
                                       "its frames inside the clip are locked")
                                        .arg(shot.name);
            shot.locks.add(kept);
        }
        shot.prompt = meta.value("prompt").toString();
        shot.notes = meta.value("notes").toString();
        shot.audioEnabled = meta.value("audioEnabled").toBool(true);
        if (meta.contains("camera"))
            shot.camera = cameraFromJson(meta.value("camera").toObject());
        for (const QJsonValue& v : meta.value("masks").toArray()) {
            const QJsonObject o = v.toObject();
            MaskRef mask{Id(o.value("id").toString()),
                         o.value("path").toString(),
                         metaRange(o.value("range"), QStringLiteral("metadata.retake.masks.range")),
                         o.value("stationary").toBool(),
                         {}};
            if (o.contains("painted"))
                mask.painted = paintedMaskFromJson(
                    o.value("painted").toObject(), QStringLiteral("metadata.retake.masks.painted"),
                    [this](const QString& where, const QString& problem) {
                        throwBadInput(file_, QStringLiteral("%1: %2").arg(where, problem));
                    });
            shot.masks.push_back(mask);
        }
        for (const QJsonValue& v : meta.value("takes").toArray()) {
            const QJsonObject o = v.toObject();
            Take t;
            t.id = Id(o.value("id").toString());
            t.engine = o.value("engine").toString();
            const QJsonObject params = o.value("parameters").toObject();
            for (auto it = params.begin(); it != params.end(); ++it)
                t.parameters.insert(it.key(), it.value().toString());
            t.seed = o.value("seed").toString().toLongLong();
            t.prompt = o.value("prompt").toString();
            t.range = metaRange(o.value("range"), QStringLiteral("metadata.retake.takes.range"));
            for (const QJsonValue& r : o.value("regenerated").toArray())
                t.regenerated.add(
                    metaRange(r, QStringLiteral("metadata.retake.takes.regenerated")));
            if (t.regenerated.isEmpty())
                t.regenerated.add(t.range);
            if (!o.value("maskId").toString().isEmpty())
                t.maskId = Id(o.value("maskId").toString());
            t.created = QDateTime::fromString(o.value("created").toString(), Qt::ISODateWithMs);
            t.framesPath = o.value("framesPath").toString();
            t.modelHash = o.value("modelHash").toString();
            shot.takes.push_back(t);
        }
        for (const QJsonValue& v : meta.value("activeTakes").toArray()) {
            const QJsonObject o = v.toObject();
            shot.activeTakes.push_back(
                {metaRange(o.value("range"), QStringLiteral("metadata.retake.activeTakes.range")),
                 o.value("takeId").toString().isEmpty() ? Id() : Id(o.value("takeId").toString())});
        }
        result_.project.shots.push_back(shot);
        return shot.id;
    }

    void readAudioTrack(const QJsonObject& json) {
        Project& p = result_.project;
        const QJsonObject tmeta = retakeMeta(json);
        // Lanes of one Retake track come back as one track.
        const Id trackId = tmeta.value("trackId").toString().isEmpty()
                               ? newId()
                               : Id(tmeta.value("trackId").toString());
        Track* track = p.findTrack(trackId);
        if (!track) {
            p.tracks.push_back(Track{trackId,
                                     TrackKind::Audio,
                                     json.value("name").toString(),
                                     {},
                                     {},
                                     !json.value("enabled").toBool(true)});
            track = &p.tracks.back();
        }
        double position = 0; // seconds from the start of the track
        for (const QJsonValue& v : json.value("children").toArray()) {
            const QJsonObject child = v.toObject();
            const QJsonObject range = child.value("source_range").toObject();
            const double length = seconds(range.value("duration").toObject());
            if (child.value("OTIO_SCHEMA").toString().startsWith(QLatin1String("Clip."))) {
                const QJsonObject meta = retakeMeta(child);
                const MediaRef& m = *media(child, child.value("name").toString());
                if (!m.hasAudio()) {
                    result_.warnings << tr("%1 has no audio; its clip was left out").arg(m.path);
                } else {
                    AudioClip c;
                    const QString id = meta.value("clipId").toString();
                    c.id = id.isEmpty() ? newId() : Id(id);
                    c.mediaId = m.id;
                    const auto start = Rational::fromString(meta.value("sourceStart").toString());
                    const auto duration = Rational::fromString(meta.value("duration").toString());
                    const Rational sampleRate(m.audioSampleRate);
                    c.sourceStart =
                        start
                            ? *start
                            : Rational(std::llround(seconds(range.value("start_time").toObject()) *
                                                    m.audioSampleRate)) /
                                  sampleRate;
                    c.duration =
                        duration ? *duration
                                 : Rational(std::llround(length * m.audioSampleRate)) / sampleRate;
                    c.timelineStart =
                        meta.contains("timelineStart")
                            ? FrameNumber(meta.value("timelineStart").toDouble())
                            : FrameNumber(std::llround(position * p.frameRate.toDouble()));
                    c.gainDb = meta.value("gainDb").toDouble();
                    track->clips.push_back(c);
                }
            }
            position += length;
        }
    }

    QString file_;
    QDir baseDir_;
    OtioImport result_;
};

} // namespace

OtioImport otioToProject(const QJsonObject& timeline, const QString& fileForMessages) {
    return OtioReader(fileForMessages).read(timeline);
}

OtioImport readOtioFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(path, tr("cannot be read: %1").arg(file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull())
        throwBadInput(path,
                      tr("is not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    return otioToProject(doc.object(), QFileInfo(path).absoluteFilePath());
}

} // namespace retake
