#pragma once

// The markers other tools put on a timeline, its tracks and its clips, placed
// on Retake's timeline for showing. They live in the `otio` fields of the
// model (model/project.h), as they came from an OpenTimelineIO import, and
// go back out on export unchanged; Retake's own locks are not among them.

#include "core/framerange.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retake {

struct Project;

struct TimelineMarker {
    QString name;
    QString colour;         // OTIO's colour name: RED, GREEN, BLUE, ...
    QString comment;        // empty when none
    FrameNumber start = 0;  // project frames
    FrameNumber length = 0; // 0: a point in time
    QString on;             // where it sits: "timeline", a track's name, or a shot's
};

// Every marker of the project, by start frame. Markers in a shot's otio
// field are in its media's frames (an import moves them there), so they
// follow the shot when it moves or is trimmed.
QVector<TimelineMarker> timelineMarkers(const Project& project);

// OpenTimelineIO's marker colours ("RED", "GREEN", ...).
QStringList otioMarkerColours();

// Markers on the timeline itself (on = "timeline") are the ones Retake adds,
// renames and removes; those on clips and tracks are another tool's and stay
// as they came. Each returns the project's new `otio` field (the timeline's
// OTIO text, which export writes back); Error(Usage) for a colour OTIO does
// not have, an empty name, or no timeline marker at `frame`.
QString withTimelineMarkerAdded(const Project& project, FrameNumber frame, const QString& name,
                                const QString& colour, const QString& comment = {});
QString withTimelineMarkerRenamed(const Project& project, FrameNumber frame, const QString& name);
QString withTimelineMarkersRemoved(const Project& project, FrameNumber frame);

} // namespace retake
