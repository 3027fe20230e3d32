#include "interchange/otiomarkers.h"

#include "core/error.h"
#include "core/jsonnumbers.h"
#include "core/translate.h"
#include "interchange/otiojson.h"
#include "model/project.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <opentimelineio/clip.h>
#include <opentimelineio/gap.h>
#include <opentimelineio/marker.h>
#include <opentimelineio/stack.h>
#include <opentimelineio/timeline.h>
#include <opentimelineio/track.h>
#include <optional>

namespace retake {

namespace {

// Frames of an OTIO time at `rate`; nullopt for a time Retake's frames
// cannot hold (a file from elsewhere may say anything).
std::optional<FrameNumber> framesAt(const otio::RationalTime& time, double rate) {
    const double f = time.to_seconds() * rate;
    if (!(std::abs(f) <= double(kMaxFrameNumber)))
        return std::nullopt;
    return FrameNumber(std::llround(f));
}

// `markers` placed with their time `origin` (in `rate` frames) at project
// frame `at`.
void place(const std::vector<otio::SerializableObject::Retainer<otio::Marker>>& markers,
           double rate, FrameNumber origin, FrameNumber at, const QString& on,
           QVector<TimelineMarker>& out) {
    for (const auto& marker : markers) {
        const auto start = framesAt(marker->marked_range().start_time(), rate);
        const auto length = framesAt(marker->marked_range().duration(), rate);
        if (!start || !length || *length < 0)
            continue;
        TimelineMarker m;
        m.name = fromStd(marker->name());
        m.colour = fromStd(marker->color());
        m.comment = fromStd(marker->comment());
        m.start = at + (*start - origin);
        m.length = *length;
        m.on = on;
        out.push_back(m);
    }
}

} // namespace

QVector<TimelineMarker> timelineMarkers(const Project& project) {
    QVector<TimelineMarker> out;
    const double projectRate = project.frameRate.toDouble();
    if (!project.otio.isEmpty())
        if (const auto timeline = otioFromText<otio::Timeline>(project.otio); timeline)
            if (const otio::Stack* stack = timeline->tracks())
                place(stack->markers(), projectRate, 0, 0, QStringLiteral("timeline"), out);
    for (const Track& track : project.tracks) {
        if (!track.otio.isEmpty())
            if (const auto t = otioFromText<otio::Track>(track.otio); t)
                place(t->markers(), projectRate, 0, 0, track.name, out);
        for (const AudioClip& clip : track.clips) {
            if (clip.otio.isEmpty())
                continue;
            // An audio clip's markers count in seconds of its media.
            const auto item = otioFromText<otio::Item>(clip.otio);
            if (!item)
                continue;
            const FrameNumber origin =
                FrameNumber(std::llround(clip.sourceStart.toDouble() * projectRate));
            const MediaRef* media = project.findMedia(clip.mediaId);
            place(item->markers(), projectRate, origin, clip.timelineStart,
                  media ? QFileInfo(media->path).fileName() : track.name, out);
        }
        for (const ShotPlacement& placed : project.placements(track.id)) {
            const Shot& shot = *project.findShot(placed.shotId);
            if (shot.otio.isEmpty())
                continue;
            const auto item = otioFromText<otio::Item>(shot.otio);
            if (!item)
                continue;
            if (dynamic_cast<const otio::Gap*>(item.value)) {
                // A gap's markers count from its own start, at the timeline's rate.
                FrameNumber origin = 0;
                if (const auto range = item->source_range())
                    origin = framesAt(range->start_time(), projectRate).value_or(0);
                place(item->markers(), projectRate, origin, placed.timeline.start, shot.name, out);
            } else if (const MediaRef* media = project.findMedia(shot.mediaId)) {
                // A clip's count in its media's frames, like the shot's source.
                place(item->markers(), media->frameRate.toDouble(), shot.source.start,
                      placed.timeline.start, shot.name, out);
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const TimelineMarker& a, const TimelineMarker& b) {
        return a.start < b.start;
    });
    return out;
}

QStringList otioMarkerColours() {
    return {QStringLiteral("PINK"),   QStringLiteral("RED"),    QStringLiteral("ORANGE"),
            QStringLiteral("YELLOW"), QStringLiteral("GREEN"),  QStringLiteral("CYAN"),
            QStringLiteral("BLUE"),   QStringLiteral("PURPLE"), QStringLiteral("MAGENTA"),
            QStringLiteral("BLACK"),  QStringLiteral("WHITE")};
}

namespace {

// The project's timeline as OTIO (a new one when it came from no OTIO file),
// with its stack.
OtioRetainer<otio::Timeline> editableTimeline(const Project& project) {
    OtioRetainer<otio::Timeline> timeline;
    if (!project.otio.isEmpty())
        timeline = otioFromText<otio::Timeline>(project.otio);
    if (!timeline) // as the writer makes one (otiowrite.cpp)
        timeline = new otio::Timeline(toStd(project.name),
                                      otio::RationalTime(0, project.frameRate.toDouble()));
    if (!timeline->tracks())
        timeline->set_tracks(new otio::Stack("tracks"));
    return timeline;
}

QString textOf(const OtioRetainer<otio::Timeline>& timeline) {
    return otioText(timeline.value);
}

void usage(const QString& message) {
    throw Error(ErrorKind::Usage, message);
}

// The stack's markers starting on `frame` (at the project's rate).
std::vector<otio::Marker*> markersAt(otio::Stack* stack, FrameNumber frame, double rate) {
    std::vector<otio::Marker*> found;
    for (const auto& marker : stack->markers())
        if (framesAt(marker->marked_range().start_time(), rate) == frame)
            found.push_back(marker.value);
    return found;
}

} // namespace

QString withTimelineMarkerAdded(const Project& project, FrameNumber frame, const QString& name,
                                const QString& colour, const QString& comment) {
    if (name.trimmed().isEmpty())
        usage(tr("A marker needs a name."));
    const QString upper = colour.toUpper();
    if (!otioMarkerColours().contains(upper))
        usage(tr("\"%1\" is not a marker colour; the colours are %2.")
                  .arg(colour, otioMarkerColours().join(QStringLiteral(", ")).toLower()));
    if (frame < 0 || frame > kMaxFrameNumber)
        usage(tr("Frame %1 is not on the timeline.").arg(frame));
    const OtioRetainer<otio::Timeline> timeline = editableTimeline(project);
    const double rate = project.frameRate.toDouble();
    timeline->tracks()->markers().push_back(new otio::Marker(
        toStd(name.trimmed()),
        otio::TimeRange(otio::RationalTime(double(frame), rate), otio::RationalTime(0, rate)),
        toStd(upper), otio::AnyDictionary(), toStd(comment)));
    return textOf(timeline);
}

QString withTimelineMarkerRenamed(const Project& project, FrameNumber frame, const QString& name) {
    if (name.trimmed().isEmpty())
        usage(tr("A marker needs a name."));
    const OtioRetainer<otio::Timeline> timeline = editableTimeline(project);
    const auto found = markersAt(timeline->tracks(), frame, project.frameRate.toDouble());
    if (found.empty())
        usage(tr("There is no timeline marker at frame %1.").arg(frame));
    for (otio::Marker* marker : found)
        marker->set_name(toStd(name.trimmed()));
    return textOf(timeline);
}

QString withTimelineMarkersRemoved(const Project& project, FrameNumber frame) {
    const OtioRetainer<otio::Timeline> timeline = editableTimeline(project);
    auto& markers = timeline->tracks()->markers();
    const auto found = markersAt(timeline->tracks(), frame, project.frameRate.toDouble());
    if (found.empty())
        usage(tr("There is no timeline marker at frame %1.").arg(frame));
    markers.erase(std::remove_if(markers.begin(), markers.end(),
                                 [&](const auto& m) {
                                     return std::find(found.begin(), found.end(), m.value) !=
                                            found.end();
                                 }),
                  markers.end());
    return textOf(timeline);
}

} // namespace retake
