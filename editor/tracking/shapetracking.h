#pragma once

// A painted mask's shape made to follow the picture. The shape's region on
// one frame is tracked through the shot's media (the original pictures,
// never a take: a take may have removed what is tracked) forward, backward
// or both, by the generation library's region tracker
// (retake/generation/tracking.h), and the shape gets a key on every tracked
// frame. A direction stops where the tracker's confidence drops below the
// request's floor (occlusion, the region leaving the frame, a cut) and says
// so; nothing drifts silently past that frame.
//
// Rectangles and ellipses become polygons (4 corners, 32 points): a
// rectangle that turns or is seen in perspective is no longer a box.
// Returned as a value: Document applies it as one undo step.

#include "core/progress.h"
#include "model/project.h"

#include <QStringList>
#include <QVector>

namespace retake {

enum class TrackDirection { Forward, Backward, Both };
enum class ShapeTrackModel {
    Translation, // translation, rotation and uniform scale
    Planar,      // a flat surface in perspective (a homography)
    Dense,       // each outline point by the optical flow inside it: what deforms
};
QString toString(TrackDirection direction);
QString toString(ShapeTrackModel model);
bool trackDirectionFromString(const QString& text, TrackDirection* direction);
bool shapeTrackModelFromString(const QString& text, ShapeTrackModel* model);

struct ShapeTrackRequest {
    Id shotId;
    Id maskId;
    Id shapeId;
    FrameNumber from = 0; // media frame on which the shape is where it should be
    // Media frames the track may cover; empty = the mask's frames.
    FrameRange range;
    TrackDirection direction = TrackDirection::Both;
    ShapeTrackModel model = ShapeTrackModel::Translation;
    // Below this tracker confidence (0..1) a direction stops.
    double minConfidence = 0.5;
    // 0: a key on every tracked frame. Above: keys that the straight motion
    // between their neighbours reproduces within this many pixels (every
    // point of the shape) are left out, so the track is easier to edit.
    double keyTolerancePx = 0;
};

struct TrackedFrame {
    FrameNumber frame = 0; // media frame
    double confidence = 0;
};

struct ShapeTrackResult {
    MaskShape shape;               // the shape with its tracked keys
    QVector<TrackedFrame> tracked; // in time order, `from` excluded
    QStringList stops;             // why a direction ended before its end of the range
    QStringList notes;             // what a person should know (locked frames tracked over)
    bool becamePolygon = false;
};

// Leaves out the keys of `shape` in `frames` (media frames) that the shape's
// own linear motion between the kept keys reproduces within `tolerancePx`
// (Douglas-Peucker over time); the first and last key there stay.
void thinKeys(MaskShape& shape, FrameRange frames, double tolerancePx);

// Throws Error(Usage) for a request that names nothing trackable (no such
// shot, mask or shape; a fill or invert shape; `from` outside the range) and
// Error(BadInput) naming the media file for a region the tracker refuses
// (outside the frame, no texture). Cancellable through `progress`.
ShapeTrackResult trackShape(const Project& project, const ShapeTrackRequest& request,
                            const Progress& progress);

} // namespace retake
