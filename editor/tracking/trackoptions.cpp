// The names of a track's direction and model, as the CLI and files spell
// them (shapetracking.h). Apart from the tracking run so that builds
// without the generation library (the fuzz build) can parse them.
#include "tracking/shapetracking.h"

namespace retake {

QString toString(TrackDirection direction) {
    switch (direction) {
    case TrackDirection::Forward:
        return QStringLiteral("forward");
    case TrackDirection::Backward:
        return QStringLiteral("backward");
    case TrackDirection::Both:
        return QStringLiteral("both");
    }
    return {};
}

QString toString(ShapeTrackModel model) {
    switch (model) {
    case ShapeTrackModel::Translation:
        return QStringLiteral("translation");
    case ShapeTrackModel::Planar:
        return QStringLiteral("planar");
    case ShapeTrackModel::Dense:
        return QStringLiteral("dense");
    }
    return {};
}

bool trackDirectionFromString(const QString& text, TrackDirection* direction) {
    for (TrackDirection d :
         {TrackDirection::Forward, TrackDirection::Backward, TrackDirection::Both})
        if (text == toString(d)) {
            *direction = d;
            return true;
        }
    return false;
}

bool shapeTrackModelFromString(const QString& text, ShapeTrackModel* model) {
    for (ShapeTrackModel m :
         {ShapeTrackModel::Translation, ShapeTrackModel::Planar, ShapeTrackModel::Dense})
        if (text == toString(m)) {
            *model = m;
            return true;
        }
    return false;
}

} // namespace retake
