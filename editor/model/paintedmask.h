#pragma once

// A mask painted in Retake: vector shapes in the media's pixel coordinates,
// painted in order onto an empty (black) frame. Plain values, stored in the
// project with the shot (MaskRef::painted) and edited only through Document.
//
//   shape kinds   stroke (brush or eraser: a polyline, size px, hardness 0..1),
//                 rectangle, ellipse, polygon, fill (the whole frame) and
//                 invert (flips everything painted below it)
//   erase         a shape with `erase` set subtracts instead of adding
//   frames        the media frames on which a shape is painted
//   keys          the shape's geometry at key frames; between two keys it
//                 moves linearly, before the first and after the last it holds
//
// maskraster.h turns a PaintedMask into the 8-bit mask of any media frame.

#include "core/framerange.h"

#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVector>
#include <functional>
#include <optional>

namespace retake {

enum class MaskShapeKind { Stroke, Rectangle, Ellipse, Polygon, Fill, Invert };
QString toString(MaskShapeKind kind); // "stroke", "rectangle", ...
std::optional<MaskShapeKind> maskShapeKindFromString(const QString& text);

// The points of a shape at one frame, in media pixels (0,0 = the top-left
// corner of the top-left pixel). Stroke: the polyline (one point = a dot).
// Rectangle and ellipse: two opposite corners of the bounding box. Polygon:
// its corners (3 or more). Fill and invert: no points.
using MaskGeometry = QVector<QPointF>;

struct MaskShape {
    QUuid id;
    MaskShapeKind kind = MaskShapeKind::Stroke;
    bool erase = false;    // subtracts from what is painted below (the eraser)
    double size = 20.0;    // stroke diameter in media pixels
    double hardness = 1.0; // strokes: 1 = hard edge, 0 = fades from the centre line out
    FrameRangeSet frames;  // media frames the shape is painted on
    QMap<FrameNumber, MaskGeometry> keys; // media frame -> geometry; none for fill/invert

    static constexpr double maxSize = 4096.0;
    static constexpr double maxCoordinate = 1.0e6;

    bool hasGeometry() const {
        return kind != MaskShapeKind::Fill && kind != MaskShapeKind::Invert;
    }
    // The geometry at a media frame: a key's own points, linear between two
    // keys, the nearest key's points before the first and after the last.
    MaskGeometry geometryAt(FrameNumber frame) const;
    // Why the shape cannot be painted (wrong point count, size, ...); empty when valid.
    QString problem() const;

    bool operator==(const MaskShape& o) const;
    bool operator!=(const MaskShape& o) const { return !(*this == o); }
};

struct PaintedMask {
    QVector<MaskShape> shapes; // painted first to last

    bool isEmpty() const { return shapes.isEmpty(); }
    const MaskShape* findShape(const QUuid& id) const;
    MaskShape* findShape(const QUuid& id);
    // Broken invariants (invalid shapes, duplicate IDs, frames outside
    // `range`), empty when consistent.
    QStringList problems(FrameRange range) const;

    // ---- value-level operations (Document wraps each in one undo step) ----
    // Removes `range` from every shape; shapes left with no frames go.
    void clear(FrameRange range);
    // Adds a fill (or, with erase, an empty-frame) shape over `range`.
    void fill(FrameRange range, const QUuid& shapeId, bool erase = false);
    // Adds an invert shape over `range`.
    void invert(FrameRange range, const QUuid& shapeId);
    // Makes every frame of `to` show the mask of frame `from`: clears `to`,
    // then adds a still copy of each shape painted on `from` (as it is on
    // `from`). `newId` names the copies.
    void copyFrame(FrameNumber from, FrameRange to, const std::function<QUuid()>& newId);

    bool operator==(const PaintedMask& o) const { return shapes == o.shapes; }
    bool operator!=(const PaintedMask& o) const { return !(*this == o); }
};

} // namespace retake
