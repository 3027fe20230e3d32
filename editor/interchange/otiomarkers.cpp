#include "interchange/otiomarkers.h"

#include "core/jsonnumbers.h"
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

} // namespace retake
