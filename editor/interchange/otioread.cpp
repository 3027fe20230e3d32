// Reading .otio through OpenTimelineIO's library: Retake's own files (exact
// values in metadata["retake"]) and other tools' (seconds as rational times,
// any media reference, gaps, transitions, nested stacks).

#include "core/error.h"
#include "core/jsonnumbers.h"
#include "core/translate.h"
#include "interchange/otio.h"
#include "interchange/otiojson.h"
#include "interchange/otioretakemeta.h"
#include "media/media.h"
#include "mediaio/openmedia.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <cmath>
#include <opentimelineio/clip.h>
#include <opentimelineio/effect.h>
#include <opentimelineio/externalReference.h>
#include <opentimelineio/gap.h>
#include <opentimelineio/imageSequenceReference.h>
#include <opentimelineio/marker.h>
#include <opentimelineio/stack.h>
#include <opentimelineio/stackAlgorithm.h>
#include <opentimelineio/timeline.h>
#include <opentimelineio/track.h>
#include <opentimelineio/trackAlgorithm.h>
#include <opentimelineio/transition.h>

namespace retake {

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

QString OtioReportLine::toString() const {
    static const char* const outcomes[] = {"kept", "changed", "dropped"};
    return QStringLiteral("%1: %2: %3").arg(QLatin1String(outcomes[int(outcome)]), item, what);
}

QStringList OtioImport::lines(OtioReportLine::Outcome outcome) const {
    QStringList out;
    for (const OtioReportLine& line : report)
        if (line.outcome == outcome)
            out << line.toString();
    return out;
}

namespace {

using Outcome = OtioReportLine::Outcome;

// The reference's file, decoded as OTIO's url_utils.filepath_from_url does:
// percent-escapes decoded, "file://localhost/" and "file:///" alike, a
// Windows drive ("/D:/media") without its leading slash, a path relative to
// the .otio file's folder.
QString pathFromUrl(const QString& url, const QDir& base) {
    if (url.isEmpty())
        return {};
    QString path = url;
    const QUrl u(url);
    if (u.scheme() == QLatin1String("file")) {
        path = u.path(QUrl::FullyDecoded);
        const QString host = u.host();
        if (!host.isEmpty() && host != QLatin1String("localhost"))
            path = QStringLiteral("//") + host + path; // a UNC share
    }
    static const QRegularExpression drive(QStringLiteral("^/[A-Za-z]:[/\\\\]"));
    if (drive.match(path).hasMatch())
        path = path.mid(1);
    if (path.size() >= 2 && path[1] == QLatin1Char(':'))
        return path; // a Windows path: as written, never under this folder
    return QDir::cleanPath(base.absoluteFilePath(path));
}

QString referenceSchema(const otio::MediaReference* ref) {
    return ref ? fromStd(ref->schema_name()) : QStringLiteral("no media reference");
}

// The media a clip uses, and the OTIO frame number of the media's first
// frame (an online file's available range may start at its timecode; Retake
// counts from the file's first frame).
struct ClipMedia {
    MediaRef* media = nullptr;
    FrameNumber otioFrameOfMediaStart = 0;
};

class OtioReader {
public:
    // Relative media URLs are resolved in `baseDir` (the file's folder for
    // an .otio, the unpacked bundle's for an .otioz).
    OtioReader(const QString& file, const QDir& baseDir)
        : file_(file)
        , baseDir_(baseDir)
        , meta_(file) {}

    OtioImport read(const QByteArray& json) {
        otio::ErrorStatus error;
        const OtioRetainer<otio::SerializableObject> root(
            otio::SerializableObject::from_json_string(json.toStdString(), &error));
        if (otio::is_error(error) || !root)
            throwBadInput(
                file_,
                tr("is not an OpenTimelineIO file (%1)").arg(fromStd(error.full_description)));
        const OtioRetainer<otio::Timeline> timeline(dynamic_cast<otio::Timeline*>(root.value));
        if (!timeline)
            throwBadInput(file_, tr("is not an OpenTimelineIO timeline (OTIO_SCHEMA is \"%1\")")
                                     .arg(fromStd(root->schema_name())));
        try {
            readTimeline(timeline);
        } catch (const std::exception& e) {
            if (dynamic_cast<const Error*>(&e))
                throw;
            throwBadInput(file_, tr("OpenTimelineIO could not read it: %1").arg(e.what()));
        }
        return std::move(result_);
    }

private:
    void report(Outcome outcome, const QString& item, const QString& what) {
        result_.report.push_back({outcome, item, what});
    }

    // [start, end) frames of an OTIO range at `rate`. A range Retake cannot
    // represent refuses the file (a lock marker of 1e308 seconds was once
    // dropped without a word; OTIO's Inf is such a range).
    FrameRange frames(const otio::TimeRange& range, Rational rate) const {
        const double start = range.start_time().to_seconds() * rate.toDouble();
        const double duration = range.duration().to_seconds() * rate.toDouble();
        const double limit = double(kMaxFrameNumber);
        if (!(std::abs(start) <= limit) || !(duration >= 0 && duration <= limit) ||
            !(std::abs(start + duration) <= limit))
            throwBadInput(file_, tr("a time range (start %1 s, duration %2 s) is out of range "
                                    "(frames up to %3)")
                                     .arg(range.start_time().to_seconds())
                                     .arg(range.duration().to_seconds())
                                     .arg(kMaxFrameNumber));
        const FrameNumber s = std::llround(start);
        return {s, s + std::llround(duration)};
    }

    FrameNumber projectFrames(const otio::RationalTime& time) const {
        const double f = time.to_seconds() * result_.project.frameRate.toDouble();
        if (!(std::abs(f) <= double(kMaxFrameNumber)))
            throwBadInput(file_, tr("a time of %1 s is out of range (frames up to %2)")
                                     .arg(time.to_seconds())
                                     .arg(kMaxFrameNumber));
        return std::llround(f);
    }

    // Retake's own metadata of an OTIO object, as JSON; a "retake" entry that
    // is not plain JSON refuses the file, naming where.
    QJsonObject retakeMeta(const otio::SerializableObjectWithMetadata* object,
                           const QString& where) const {
        // metadata() of a const object is a copy: keep it while iterating.
        const otio::AnyDictionary metadata = object->metadata();
        const auto it = metadata.find("retake");
        if (it == metadata.end())
            return {};
        const std::optional<QJsonObject> meta = jsonObject(it->second);
        if (!meta)
            throwBadInput(
                file_, tr("%1: metadata.retake is not an object of plain JSON values").arg(where));
        return *meta;
    }

    Rational firstClipRate(otio::Timeline* timeline) const {
        for (const auto& t : timeline->tracks()->children())
            if (auto* track = dynamic_cast<otio::Track*>(t.value))
                for (const auto& c : track->children())
                    if (auto* clip = dynamic_cast<otio::Clip*>(c.value)) {
                        otio::ErrorStatus error;
                        const otio::TimeRange range = clip->trimmed_range(&error);
                        const Rational r = rateFromOtio(range.duration().rate());
                        if (!otio::is_error(error) && r.isPositive())
                            return r;
                    }
        return Rational(24);
    }

    void readTimeline(otio::Timeline* timeline) {
        Project& p = result_.project;
        const QJsonObject meta = retakeMeta(timeline, tr("the timeline"));
        p = Project::createEmpty(fromStd(timeline->name()), Rational(24), 1920, 1080);
        p.tracks.clear();
        if (!meta.value("projectId").toString().isEmpty())
            p.id = Id(meta.value("projectId").toString());
        const auto rate = Rational::fromString(meta.value("frameRate").toString());
        // The timeline's rate: Retake's exact one, else the rate of the
        // global start time (editors' adapters write the sequence's rate
        // there), else the first clip's.
        const std::optional<otio::RationalTime> start = timeline->global_start_time();
        if (rate && rate->isPositive())
            p.frameRate = *rate;
        else if (start && rateFromOtio(start->rate()).isPositive())
            p.frameRate = rateFromOtio(start->rate());
        else
            p.frameRate = firstClipRate(timeline);
        checkRate(p.frameRate, tr("the timeline"));

        otio::Stack* stack = timeline->tracks();
        int videoTracks = 0, audioTracks = 0;
        for (const auto& child : stack->children()) {
            auto* track = dynamic_cast<otio::Track*>(child.value);
            if (!track) {
                report(Outcome::Dropped,
                       tr("timeline %1 \"%2\"")
                           .arg(fromStd(child->schema_name()), fromStd(child->name())),
                       tr("not a track; Retake's timelines hold tracks only"));
                continue;
            }
            if (track->kind() == otio::Track::Kind::audio)
                readAudioTrack(track, ++audioTracks);
            else
                readVideoTrack(track, ++videoTracks);
        }
        if (!p.firstTrack(TrackKind::Video))
            p.tracks.push_front(
                Track{newId(), TrackKind::Video, QStringLiteral("V1"), {}, {}, false, {}});
        if (!p.firstTrack(TrackKind::Audio))
            p.tracks.push_back(
                Track{newId(), TrackKind::Audio, QStringLiteral("A1"), {}, {}, false, {}});
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
        for (MediaRef& m : p.media)
            if (m.isGap()) {
                m.width = p.width;
                m.height = p.height;
            }
        for (const MediaRef& m : p.media)
            checkRate(m.frameRate, m.path);

        // What the timeline and its stack hold beyond Retake's fields, for export.
        timeline->metadata().erase("retake");
        const bool startsAtZero =
            !timeline->global_start_time() || timeline->global_start_time()->value() == 0;
        if (!timeline->metadata().empty() || !stack->metadata().empty() ||
            !stack->markers().empty() || !stack->effects().empty() || !startsAtZero) {
            stack->clear_children();
            p.otio = otioText(timeline);
            report(Outcome::Kept, tr("timeline"),
                   tr("its metadata, global start time and stack markers and effects, for "
                      "export%1")
                       .arg(stack->markers().empty()
                                ? QString()
                                : tr("; %n stack marker(s) show on the timeline", nullptr,
                                     int(stack->markers().size()))));
        }

        const QStringList problems = p.consistencyProblems();
        if (!problems.isEmpty())
            throwBadInput(file_, tr("describes a timeline Retake cannot hold: %1")
                                     .arg(problems.join(QStringLiteral("; "))));
    }

    // A rate the project file cannot hold would be saved and then refuse to
    // load (the same bound as projectfile's): refuse it here instead.
    void checkRate(Rational rate, const QString& what) const {
        if (!rate.isPositive() || rate.toDouble() > 1000.0)
            throwBadInput(
                file_,
                tr("%1 runs at %2 fps; Retake holds 0 to 1000 fps").arg(what, rate.toString()));
    }

    // The track's items in order, with nested stacks and tracks flattened
    // into it the way OTIO's flatten_stack does (top-most visible track wins),
    // trimmed to their source_range.
    QVector<OtioRetainer<otio::Composable>> flattened(otio::Track* track, const QString& where) {
        QVector<OtioRetainer<otio::Composable>> items;
        for (const auto& child : track->children()) {
            otio::Track* inner = nullptr;
            if (auto* stack = dynamic_cast<otio::Stack*>(child.value)) {
                otio::ErrorStatus error;
                OtioRetainer<otio::Track> flat(otio::flatten_stack(stackLayers(stack), &error));
                if (otio::is_error(error) || !flat) {
                    report(Outcome::Dropped,
                           tr("%1 stack \"%2\"").arg(where, fromStd(stack->name())),
                           tr("nested stack OpenTimelineIO cannot flatten: %1")
                               .arg(fromStd(error.full_description)));
                    continue;
                }
                keepAlive_.push_back(OtioRetainer<otio::SerializableObject>(flat.value));
                inner = flat;
                report(Outcome::Changed, tr("%1 stack \"%2\"").arg(where, fromStd(stack->name())),
                       tr("nested stack of %n track(s) flattened into the track (top-most clip "
                          "wins, as OTIO's flatten_stack)",
                          nullptr, int(stack->children().size())));
                if (stack->source_range()) {
                    otio::ErrorStatus trimError;
                    OtioRetainer<otio::Track> trimmed(
                        otio::track_trimmed_to_range(inner, *stack->source_range(), &trimError));
                    if (!otio::is_error(trimError) && trimmed) {
                        keepAlive_.push_back(OtioRetainer<otio::SerializableObject>(trimmed.value));
                        inner = trimmed;
                    }
                }
            } else if (auto* nested = dynamic_cast<otio::Track*>(child.value)) {
                inner = nested;
                report(Outcome::Changed, tr("%1 track \"%2\"").arg(where, fromStd(nested->name())),
                       tr("nested track flattened into the track"));
                if (nested->source_range()) {
                    otio::ErrorStatus trimError;
                    OtioRetainer<otio::Track> trimmed(
                        otio::track_trimmed_to_range(nested, *nested->source_range(), &trimError));
                    if (!otio::is_error(trimError) && trimmed) {
                        keepAlive_.push_back(OtioRetainer<otio::SerializableObject>(trimmed.value));
                        inner = trimmed;
                    }
                }
            }
            if (inner)
                items += inlined(static_cast<otio::Item*>(child.value), inner, where);
            else
                items.push_back(child);
        }
        return items;
    }

    // A flattened nested stack's or track's items, padded with a gap to the
    // length the composition has in its parent, so later items keep their
    // place (its content may be shorter, or a time effect stretches it).
    QVector<OtioRetainer<otio::Composable>> inlined(otio::Item* composition, otio::Track* flat,
                                                    const QString& where) {
        QVector<OtioRetainer<otio::Composable>> items = flattened(flat, where);
        const QString item = tr("%1 %2 \"%3\"")
                                 .arg(where, fromStd(composition->schema_name()).toLower(),
                                      fromStd(composition->name()));
        if (!composition->effects().empty()) {
            QStringList names;
            for (const auto& effect : composition->effects())
                names << fromStd(effect->effect_name().empty() ? effect->schema_name()
                                                               : effect->effect_name());
            report(Outcome::Dropped, item,
                   tr("its effects (%1) are not applied: Retake has none")
                       .arg(names.join(QStringLiteral(", "))));
        }
        double inside = 0;
        for (const auto& child : items)
            if (auto* it = dynamic_cast<otio::Item*>(child.value)) {
                otio::ErrorStatus error;
                const otio::TimeRange range = it->trimmed_range(&error);
                if (!otio::is_error(error))
                    inside += range.duration().to_seconds();
            }
        otio::ErrorStatus error;
        const otio::RationalTime length = composition->trimmed_range(&error).duration();
        const double missing = length.to_seconds() - inside;
        if (!otio::is_error(error) && missing * length.rate() >= 0.5) {
            OtioRetainer<otio::Gap> pad(new otio::Gap(
                otio::RationalTime(missing * length.rate(), length.rate()).rescaled_to(length)));
            items.push_back(OtioRetainer<otio::Composable>(pad.value));
            report(Outcome::Changed, item,
                   tr("its content is %1 s shorter than its place in the track; padded with a "
                      "gap")
                       .arg(missing));
        }
        return items;
    }

    // A nested stack's children as tracks for flatten_stack, which takes
    // tracks only: a clip (or stack) directly in the stack is a layer of its
    // own, a one-item track holding a copy of it.
    std::vector<otio::Track*> stackLayers(otio::Stack* stack) {
        std::vector<otio::Track*> layers;
        for (const auto& child : stack->children()) {
            if (auto* track = dynamic_cast<otio::Track*>(child.value)) {
                layers.push_back(track);
                continue;
            }
            otio::ErrorStatus error;
            OtioRetainer<otio::Composable> copy(
                dynamic_cast<otio::Composable*>(child->clone(&error)));
            if (!copy)
                continue;
            OtioRetainer<otio::Track> layer(new otio::Track(child->name()));
            layer->append_child(copy, &error);
            keepAlive_.push_back(OtioRetainer<otio::SerializableObject>(layer.value));
            layers.push_back(layer);
        }
        return layers;
    }

    QString atFrame(FrameNumber frame) const { return tr("frame %1").arg(frame); }

    void readVideoTrack(otio::Track* otioTrack, int number) {
        const QJsonObject tmeta = retakeMeta(otioTrack, tr("a track"));
        Track track{
            newId(), TrackKind::Video, fromStd(otioTrack->name()), {}, {}, !otioTrack->enabled(),
            {}};
        if (track.name.isEmpty())
            track.name = QStringLiteral("V%1").arg(number);
        if (!tmeta.value("trackId").toString().isEmpty())
            track.id = Id(tmeta.value("trackId").toString());
        FrameNumber position = 0; // project frames from the start of the track
        for (const auto& item : flattened(otioTrack, track.name)) {
            if (auto* clip = dynamic_cast<otio::Clip*>(item.value)) {
                if (const Shot* shot = readShot(clip, track.name, position)) {
                    track.shots << shot->id;
                    position += shot->duration();
                }
            } else if (auto* gap = dynamic_cast<otio::Gap*>(item.value)) {
                if (const Shot* shot = readGap(gap, track.name, position)) {
                    track.shots << shot->id;
                    position += shot->duration();
                }
            } else if (auto* transition = dynamic_cast<otio::Transition*>(item.value)) {
                reportTransition(transition, track.name, position);
            } else {
                report(Outcome::Dropped,
                       tr("%1 %2 \"%3\"")
                           .arg(track.name, fromStd(item->schema_name()), fromStd(item->name())),
                       tr("Retake cannot hold this kind of item"));
            }
        }
        track.otio = trackLeftovers(otioTrack, track.name);
        result_.project.tracks.push_back(track);
    }

    void reportTransition(otio::Transition* transition, const QString& track,
                          FrameNumber position) {
        report(Outcome::Dropped, tr("%1 transition \"%2\"").arg(track, fromStd(transition->name())),
               tr("%1 (in %2 s, out %3 s) left out: Retake cuts; the cut stays at %4")
                   .arg(fromStd(transition->transition_type()))
                   .arg(transition->in_offset().to_seconds())
                   .arg(transition->out_offset().to_seconds())
                   .arg(atFrame(position)));
    }

    // A track's own metadata, markers and effects, for export (its children
    // are the shots and clips).
    QString trackLeftovers(otio::Track* track, const QString& name) {
        track->metadata().erase("retake");
        if (track->metadata().empty() && track->markers().empty() && track->effects().empty() &&
            !track->source_range())
            return {};
        QStringList kept;
        if (!track->metadata().empty())
            kept << metadataKeys(track->metadata());
        if (!track->markers().empty())
            kept << tr("%n marker(s)", nullptr, int(track->markers().size()));
        if (!track->effects().empty())
            kept << tr("%n effect(s)", nullptr, int(track->effects().size()));
        track->clear_children();
        report(Outcome::Kept, tr("track %1").arg(name),
               tr("%1 carried for export%2")
                   .arg(kept.join(QStringLiteral(", ")),
                        track->markers().empty() ? QString()
                                                 : tr("; its markers show on the timeline")));
        return otioText(track);
    }

    static QString metadataKeys(const otio::AnyDictionary& metadata) {
        QStringList keys;
        for (const auto& entry : metadata)
            keys << fromStd(entry.first);
        return tr("metadata %1").arg(keys.join(QStringLiteral(", ")));
    }

    // The gap media every video gap of the file plays (no file, black), as
    // long as the longest gap; sized like the project once that is known.
    MediaRef& gapMedia(FrameNumber length) {
        Project& p = result_.project;
        MediaRef* m = p.findMedia(gapMediaId_);
        if (!m) {
            MediaRef gap;
            gap.id = gapMediaId_ = newId();
            gap.kind = MediaKind::Gap;
            gap.frameRate = p.frameRate;
            gap.online = true;
            p.media.push_back(gap);
            m = &p.media.back();
        }
        m->frameCount = std::max(m->frameCount, length);
        return *m;
    }

    const Shot* readGap(otio::Gap* gap, const QString& track, FrameNumber position) {
        otio::ErrorStatus error;
        const FrameNumber length = projectFrames(gap->trimmed_range(&error).duration());
        const QString item = tr("%1 gap at %2").arg(track, atFrame(position));
        if (otio::is_error(error) || length <= 0) {
            report(Outcome::Dropped, item, tr("empty"));
            return nullptr;
        }
        Shot shot;
        shot.id = newId();
        shot.name = tr("Gap");
        shot.mediaId = gapMedia(length).id;
        shot.source = {0, length};
        shot.otio = otioText(gap);
        report(Outcome::Kept, item,
               tr("%n frame(s) kept as a gap: black on the timeline and in exports, "
                  "exported as a gap again",
                  nullptr, int(length)));
        result_.project.shots.push_back(shot);
        return &result_.project.shots.back();
    }

    // The media of a clip: found on disk and probed once, else offline
    // media sized by the reference's available range (else the clip's).
    ClipMedia media(otio::Clip* clip, const QString& item, bool audio) {
        Project& p = result_.project;
        otio::MediaReference* ref = clip->media_reference();
        const QString schema = referenceSchema(ref);
        QString url;
        if (auto* external = dynamic_cast<otio::ExternalReference*>(ref)) {
            url = fromStd(external->target_url());
        } else if (auto* sequence = dynamic_cast<otio::ImageSequenceReference*>(ref)) {
            const int padding = sequence->frame_zero_padding();
            // Bounded before use: a padding of 2e9 once allocated until it ran
            // out of memory.
            if (padding < 0 || padding > 32)
                throwBadInput(file_,
                              tr("frame_zero_padding %1 is out of range (0 to 32)").arg(padding));
            url = fromStd(sequence->target_url_base()) + fromStd(sequence->name_prefix()) +
                  QStringLiteral("%1").arg(qint64(sequence->start_frame()), padding, 10,
                                           QLatin1Char('0')) +
                  fromStd(sequence->name_suffix());
        }
        const QString filePath = pathFromUrl(url, baseDir_);
        const bool hasFile = !filePath.isEmpty();
        // A clip without a file gets offline media of its own, named after
        // the reference (or the clip), for the user to relink.
        QString name = ref ? fromStd(ref->name()) : QString();
        if (name.isEmpty())
            name = fromStd(clip->name());
        if (name.isEmpty())
            name = tr("clip");
        name.replace(QLatin1Char('/'), QLatin1Char('_'));
        const QString path =
            hasFile ? filePath : baseDir_.filePath(tr("%1 (%2, no file)").arg(name, schema));

        const QJsonObject refMeta = ref ? retakeMeta(ref, item) : QJsonObject();
        const std::optional<otio::TimeRange> available =
            ref ? ref->available_range() : std::nullopt;
        ClipMedia found;
        if (const MediaRef* existing = p.findMediaByPath(path)) {
            found.media = p.findMedia(existing->id);
        } else {
            MediaRef m;
            QString problem = hasFile ? QString() : tr("%1 names no file").arg(schema);
            if (hasFile) {
                try {
                    m = MediaRef::fromInfo(openMedia(path)->info());
                } catch (const Error& e) {
                    problem = QFileInfo::exists(path) ? tr("cannot be used (%1)").arg(e.message())
                                                      : tr("is missing");
                }
            }
            if (!problem.isEmpty())
                m = offlineMedia(clip, available, refMeta, item);
            const QString id = refMeta.value("mediaId").toString();
            m.id = !id.isEmpty() && !p.findMedia(Id(id)) ? Id(id) : newId();
            m.path = path;
            if (!m.online)
                report(Outcome::Changed, item,
                       hasFile ? tr("%1 %2; imported as offline media, relink it to use it")
                                     .arg(path, problem)
                               : tr("%1; imported as offline media \"%2\", relink it to use it")
                                     .arg(problem, QFileInfo(path).fileName()));
            p.media.push_back(m);
            found.media = &p.media.back();
        }
        MediaRef& m = *found.media;
        if (audio && !m.online && !m.hasAudio()) {
            // Offline, nothing says what the file holds; an audio track's clip
            // says it holds sound.
            m.audioSampleRate = 48000;
            m.audioChannels = 2;
        }
        // Offline media is as long as the clips that use it say: OTIO lets a
        // clip run past its reference's available range (a still held, a
        // generator with an empty range).
        if (!m.online)
            if (const std::optional<otio::TimeRange> source = clip->source_range()) {
                const FrameNumber end = frames(*source, m.frameRate).end;
                if (end > m.frameCount) {
                    if (m.frameCount > 0)
                        report(Outcome::Changed, item,
                               tr("its source range ends at frame %1, past its media's "
                                  "available range (%2 frames); the offline media is "
                                  "lengthened to match")
                                   .arg(end)
                                   .arg(m.frameCount));
                    m.frameCount = end;
                }
            }
        if (m.online && available && hasFile)
            found.otioFrameOfMediaStart = frames(*available, m.frameRate).start;
        return found;
    }

    MediaRef offlineMedia(otio::Clip* clip, const std::optional<otio::TimeRange>& available,
                          const QJsonObject& refMeta, const QString& item) {
        const Project& p = result_.project;
        MediaRef m;
        m.online = false;
        const std::optional<otio::TimeRange> range = available ? available : clip->source_range();
        const auto exact = Rational::fromString(refMeta.value("frameRate").toString());
        m.frameRate = exact ? *exact : Rational(0);
        if (!m.frameRate.isPositive() && range)
            m.frameRate = rateFromOtio(range->duration().rate());
        if (!range || !m.frameRate.isPositive())
            throwBadInput(file_, tr("%1: its media cannot be used and the file says neither "
                                    "its available range nor its source range")
                                     .arg(item));
        // Audio references count in samples (48000 a second): offline, such
        // media is kept in video frames at the timeline's rate, so the project
        // holds a frame rate it can load again.
        if (m.frameRate.toDouble() > 1000.0) {
            const double frameCount =
                std::ceil(range->end_time_exclusive().to_seconds() * p.frameRate.toDouble());
            if (!(frameCount >= 0 && frameCount <= double(kMaxFrameNumber)))
                throwBadInput(file_, tr("%1: its available range is out of range").arg(item));
            m.audioSampleRate = int(std::lround(std::min(m.frameRate.toDouble(), 1e6)));
            m.audioChannels = 2;
            m.frameRate = p.frameRate;
            m.frameCount = FrameNumber(frameCount);
        } else {
            m.frameCount = frames(*range, m.frameRate).end;
        }
        return m;
    }

    // Markers named "locked" (or Retake's kind "lock") lock frames. The rest
    // stay on the clip, moved to count in the media's frames from its first
    // (as the shot's source does, and as the clip is written back out), and
    // show on the timeline (interchange/otiomarkers.h).
    void readLocks(otio::Clip* clip, Shot& shot, Rational rate, FrameNumber offset,
                   const QString& item) {
        auto& markers = clip->markers();
        for (auto it = markers.begin(); it != markers.end();) {
            otio::Marker* marker = *it;
            const bool lock =
                retakeMeta(marker, item).value("kind").toString() == QLatin1String("lock") ||
                fromStd(marker->name()).startsWith(QLatin1String("lock"), Qt::CaseInsensitive);
            if (!lock) {
                const FrameNumber at = frames(marker->marked_range(), rate).start - offset;
                if (offset != 0) {
                    const otio::TimeRange r = marker->marked_range();
                    marker->set_marked_range(otio::TimeRange(
                        r.start_time() - otio::RationalTime(double(offset), rate.toDouble())
                                             .rescaled_to(r.start_time()),
                        r.duration()));
                }
                report(Outcome::Changed, tr("%1 marker \"%2\"").arg(item, fromStd(marker->name())),
                       tr("%1 at frame %2 of its media, shown on the timeline and kept for export")
                           .arg(fromStd(marker->color()))
                           .arg(at));
                ++it;
                continue;
            }
            FrameRange marked = frames(marker->marked_range(), rate);
            marked = {marked.start - offset, marked.end - offset};
            const FrameRange kept = marked.intersected(shot.source);
            if (kept.isEmpty())
                report(Outcome::Dropped, tr("%1 lock marker").arg(item),
                       tr("lies outside the clip's range and locks nothing"));
            else if (kept != marked)
                report(Outcome::Changed, tr("%1 lock marker").arg(item),
                       tr("reaches past the clip; only its frames inside the clip are locked"));
            shot.locks.add(kept);
            it = markers.erase(it);
        }
    }

    // What the clip holds beyond Retake's fields, as OTIO's JSON for export;
    // empty when nothing (every clip Retake itself wrote).
    // `modelledName` is the name Retake's model gives the clip (a shot's
    // name; an audio clip has none and is written with its file's).
    QString clipLeftovers(otio::Clip* clip, bool offline, const QString& item,
                          const QString& modelledName) {
        clip->metadata().erase("retake");
        otio::MediaReference* ref = clip->media_reference();
        if (ref)
            ref->metadata().erase("retake");
        // Offline, the reference is all there is of the media (its available
        // range, a generator's parameters): it goes back out as it came.
        const bool keepsReference = offline && ref;
        const bool foreignReferenceData = ref && !ref->metadata().empty();
        QStringList kept;
        if (!clip->metadata().empty())
            kept << metadataKeys(clip->metadata());
        if (!clip->effects().empty()) {
            QStringList names;
            for (const auto& effect : clip->effects())
                names << fromStd(effect->effect_name().empty() ? effect->schema_name()
                                                               : effect->effect_name());
            kept << tr("effects %1").arg(names.join(QStringLiteral(", ")));
        }
        if (keepsReference)
            kept << tr("its %1").arg(referenceSchema(ref));
        if (foreignReferenceData)
            kept << tr("the media reference's %1").arg(metadataKeys(ref->metadata()));
        if (clip->media_references().size() > 1)
            kept << tr("%n media references", nullptr, int(clip->media_references().size()));
        if (!clip->enabled())
            kept << tr("disabled");
        if (fromStd(clip->name()) != modelledName)
            kept << tr("its name");
        if (!kept.isEmpty())
            report(Outcome::Kept, item,
                   tr("%1 carried for export").arg(kept.join(QStringLiteral("; "))));
        if (kept.isEmpty() && clip->markers().empty() && !clip->color())
            return {};
        return otioText(clip);
    }

    const Shot* readShot(otio::Clip* clip, const QString& track, FrameNumber position) {
        Shot shot;
        shot.name = fromStd(clip->name());
        const QString item = tr("%1 clip \"%2\"").arg(track, shot.name);
        const QJsonObject meta = retakeMeta(clip, item);
        const ClipMedia cm = media(clip, item, false);
        const MediaRef& m = *cm.media;
        shot.mediaId = m.id;
        const QString id = meta.value("shotId").toString();
        shot.id = !id.isEmpty() && !result_.project.findShot(Id(id)) ? Id(id) : newId();
        // As OTIO defines it: the source range, else the media's available range.
        otio::ErrorStatus error;
        const otio::TimeRange trimmed = clip->trimmed_range(&error);
        if (otio::is_error(error)) {
            report(Outcome::Dropped, item, tr("has neither a source range nor an available range"));
            return nullptr;
        }
        const FrameRange source = frames(trimmed, m.frameRate);
        shot.source = {source.start - cm.otioFrameOfMediaStart,
                       source.end - cm.otioFrameOfMediaStart};
        if (m.frameRate != result_.project.frameRate)
            report(Outcome::Changed, item,
                   tr("its media runs at %1 fps; Retake plays media frame for frame at the "
                      "timeline's %2 fps, so its %3 frames last %4 s instead of %5 s and what "
                      "follows on the track moves")
                       .arg(m.frameRate.toString(), result_.project.frameRate.toString())
                       .arg(shot.duration())
                       .arg(double(shot.duration()) / result_.project.frameRate.toDouble())
                       .arg(double(shot.duration()) / m.frameRate.toDouble()));
        readLocks(clip, shot, m.frameRate, cm.otioFrameOfMediaStart, item);
        meta_.readShot(meta, shot);
        shot.otio = clipLeftovers(clip, !m.online, item, shot.name);
        report(Outcome::Kept, item,
               tr("frames %1 of %2 at %3")
                   .arg(shot.source.toInclusiveString(), QFileInfo(m.path).fileName(),
                        atFrame(position)));
        result_.project.shots.push_back(shot);
        return &result_.project.shots.back();
    }

    void readAudioTrack(otio::Track* otioTrack, int number) {
        Project& p = result_.project;
        const QJsonObject tmeta = retakeMeta(otioTrack, tr("a track"));
        QString name = fromStd(otioTrack->name());
        if (name.isEmpty())
            name = QStringLiteral("A%1").arg(number);
        // Lanes of one Retake track come back as one track.
        const Id trackId = tmeta.value("trackId").toString().isEmpty()
                               ? newId()
                               : Id(tmeta.value("trackId").toString());
        Track* track = p.findTrack(trackId);
        if (!track) {
            p.tracks.push_back(
                Track{trackId, TrackKind::Audio, name, {}, {}, !otioTrack->enabled(), {}});
            track = &p.tracks.back();
        }
        otio::RationalTime position(0, 1); // from the start of the track
        for (const auto& item : flattened(otioTrack, name)) {
            if (dynamic_cast<otio::Transition*>(item.value)) {
                reportTransition(static_cast<otio::Transition*>(item.value), name,
                                 projectFrames(position));
                continue;
            }
            auto* it = dynamic_cast<otio::Item*>(item.value);
            if (!it) {
                report(Outcome::Dropped,
                       tr("%1 %2 \"%3\"")
                           .arg(name, fromStd(item->schema_name()), fromStd(item->name())),
                       tr("Retake cannot hold this kind of item"));
                continue;
            }
            otio::ErrorStatus error;
            const otio::TimeRange range = it->trimmed_range(&error);
            if (auto* clip = dynamic_cast<otio::Clip*>(it)) {
                if (!otio::is_error(error))
                    readAudioClip(clip, *track, range, position);
                else
                    report(Outcome::Dropped, tr("%1 clip \"%2\"").arg(name, fromStd(clip->name())),
                           tr("has neither a source range nor an available range"));
            } else if (!dynamic_cast<otio::Gap*>(it)) {
                report(
                    Outcome::Dropped,
                    tr("%1 %2 \"%3\"").arg(name, fromStd(it->schema_name()), fromStd(it->name())),
                    tr("Retake cannot hold this kind of item"));
            }
            if (!otio::is_error(error))
                position = otio::RationalTime::from_seconds(position.to_seconds() +
                                                            range.duration().to_seconds());
        }
        if (track->otio.isEmpty())
            track->otio = trackLeftovers(otioTrack, name);
    }

    void readAudioClip(otio::Clip* clip, Track& track, const otio::TimeRange& range,
                       const otio::RationalTime& position) {
        const QString item = tr("%1 clip \"%2\"").arg(track.name, fromStd(clip->name()));
        const QJsonObject meta = retakeMeta(clip, item);
        const ClipMedia cm = media(clip, item, true);
        const MediaRef& m = *cm.media;
        if (!m.hasAudio()) {
            report(Outcome::Dropped, item, tr("%1 has no audio").arg(m.path));
            return;
        }
        AudioClip c;
        const QString id = meta.value("clipId").toString();
        c.id = id.isEmpty() ? newId() : Id(id);
        c.mediaId = m.id;
        const auto start = Rational::fromString(meta.value("sourceStart").toString());
        const auto duration = Rational::fromString(meta.value("duration").toString());
        const Rational sampleRate(m.audioSampleRate);
        const auto samples = [&](double seconds) {
            const double s = seconds * m.audioSampleRate;
            if (!(std::abs(s) <= 1e15))
                throwBadInput(file_,
                              tr("%1: a time of %2 s is out of range").arg(item).arg(seconds));
            return Rational(std::llround(s)) / sampleRate;
        };
        const double mediaStartSeconds =
            m.frameRate.isPositive() ? double(cm.otioFrameOfMediaStart) / m.frameRate.toDouble()
                                     : 0.0;
        c.sourceStart =
            start ? *start : samples(range.start_time().to_seconds() - mediaStartSeconds);
        if (c.sourceStart < Rational(0))
            c.sourceStart = Rational(0);
        c.duration = duration ? *duration : samples(range.duration().to_seconds());
        c.timelineStart = meta.contains("timelineStart")
                              ? FrameNumber(meta.value("timelineStart").toDouble())
                              : projectFrames(position);
        c.gainDb = meta.value("gainDb").toDouble();
        // Its markers count from the media's start, as its source does (and
        // as the clip is written back out).
        if (mediaStartSeconds != 0)
            for (const auto& marker : clip->markers()) {
                const otio::TimeRange r = marker->marked_range();
                marker->set_marked_range(otio::TimeRange(
                    r.start_time() -
                        otio::RationalTime::from_seconds(mediaStartSeconds, r.start_time().rate()),
                    r.duration()));
            }
        c.otio = clipLeftovers(clip, !m.online, item, QFileInfo(m.path).fileName());
        if (!c.duration.isPositive()) {
            report(Outcome::Dropped, item, tr("is empty"));
            return;
        }
        report(Outcome::Kept, item,
               tr("%1 s of %2 from %3 s, at frame %4")
                   .arg(c.duration.toDouble())
                   .arg(QFileInfo(m.path).fileName())
                   .arg(c.sourceStart.toDouble())
                   .arg(c.timelineStart));
        track.clips.push_back(c);
    }

    QString file_;
    QDir baseDir_;
    OtioRetakeMeta meta_;
    OtioImport result_;
    Id gapMediaId_;
    // Flattened nested stacks, alive while their clips are read.
    QVector<OtioRetainer<otio::SerializableObject>> keepAlive_;
};

} // namespace

OtioImport otioToProject(const QByteArray& otioJson, const QString& fileForMessages) {
    return otioToProject(otioJson, fileForMessages, QFileInfo(fileForMessages).absoluteDir());
}

OtioImport otioToProject(const QByteArray& otioJson, const QString& fileForMessages,
                         const QDir& mediaBase) {
    return OtioReader(fileForMessages, mediaBase).read(otioJson);
}

OtioImport readOtioFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(path, tr("cannot be read: %1").arg(file.errorString()));
    return otioToProject(file.readAll(), QFileInfo(path).absoluteFilePath());
}

} // namespace retake
