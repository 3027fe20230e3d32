#include "common/timelinemapping.h"

namespace retake::gui {

QVector<ShotSpan> shotSpansIn(const Project& project, FrameRange timeline) {
    QVector<ShotSpan> spans;
    const Track* video = project.firstTrack(TrackKind::Video);
    if (!video || timeline.isEmpty())
        return spans;
    for (const ShotPlacement& placed : project.placements(video->id)) {
        const FrameRange part = placed.timeline.intersected(timeline);
        const Shot* shot = project.findShot(placed.shotId);
        if (part.isEmpty() || !shot)
            continue;
        const FrameNumber offset = shot->source.start - placed.timeline.start;
        spans.push_back({placed.shotId, part, part.shifted(offset)});
    }
    return spans;
}

FrameRange mediaToTimeline(const Shot& shot, const ShotPlacement& placement, FrameRange media) {
    return media.intersected(shot.source).shifted(placement.timeline.start - shot.source.start);
}

FrameRange placementOf(const Project& project, const Id& shotId) {
    const Track* video = project.firstTrack(TrackKind::Video);
    if (!video)
        return {};
    for (const ShotPlacement& placed : project.placements(video->id))
        if (placed.shotId == shotId)
            return placed.timeline;
    return {};
}

} // namespace retake::gui
