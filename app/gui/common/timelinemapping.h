#pragma once

// Between timeline frames and the shots' own media frames (locks, masks and
// takes are stored in media frames so they stay on the same picture when a
// shot is trimmed).

#include "model/project.h"

#include <QVector>

namespace retake::gui {

struct ShotSpan {
    Id shotId;
    FrameRange timeline; // project frames
    FrameRange media;    // the same frames in the shot's media
};

// The parts of `timeline` on each shot of the first video track, in order.
QVector<ShotSpan> shotSpansIn(const Project& project, FrameRange timeline);

// The timeline frames showing media frames `media` of a placed shot
// (clipped to the shot's source range).
FrameRange mediaToTimeline(const Shot& shot, const ShotPlacement& placement, FrameRange media);

// Where a shot sits on the first video track; an empty range if it is not there.
FrameRange placementOf(const Project& project, const Id& shotId);

} // namespace retake::gui
