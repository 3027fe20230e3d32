#include "model/paintedmask.h"

#include <QSet>
#include <algorithm>
#include <cmath>

namespace retake {

namespace {

struct KindName {
    MaskShapeKind kind;
    const char* name;
};
constexpr KindName kindNames[] = {
    {MaskShapeKind::Stroke, "stroke"},   {MaskShapeKind::Rectangle, "rectangle"},
    {MaskShapeKind::Ellipse, "ellipse"}, {MaskShapeKind::Polygon, "polygon"},
    {MaskShapeKind::Fill, "fill"},       {MaskShapeKind::Invert, "invert"},
};

bool finite(const QPointF& p) {
    return std::isfinite(p.x()) && std::isfinite(p.y()) &&
           std::abs(p.x()) <= MaskShape::maxCoordinate &&
           std::abs(p.y()) <= MaskShape::maxCoordinate;
}

} // namespace

QString toString(MaskShapeKind kind) {
    for (const auto& k : kindNames)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    return QString();
}

std::optional<MaskShapeKind> maskShapeKindFromString(const QString& text) {
    for (const auto& k : kindNames)
        if (text == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

MaskGeometry MaskShape::geometryAt(FrameNumber frame) const {
    if (keys.isEmpty())
        return {};
    auto after = keys.lowerBound(frame); // first key at or after `frame`
    if (after == keys.end())
        return std::prev(after).value();
    if (after.key() == frame || after == keys.begin())
        return after.value();
    const auto before = std::prev(after);
    // Points correspond by index, which is why every key of a shape must have
    // the same number of points (problem() refuses anything else): with
    // different counts there is no pairing that keeps the drawn shape, only a
    // resampling that would move points the user placed.
    const double t = double(frame - before.key()) / double(after.key() - before.key());
    MaskGeometry points(before.value().size());
    for (int i = 0; i < points.size(); ++i)
        points[i] = before.value()[i] + (after.value()[i] - before.value()[i]) * t;
    return points;
}

QString MaskShape::problem() const {
    if (id.isNull())
        return QStringLiteral("it has no ID");
    if (frames.isEmpty())
        return QStringLiteral("it is painted on no frame");
    if (!frames.isNormalised())
        return QStringLiteral("its frame ranges are not merged");
    if (!hasGeometry())
        return keys.isEmpty() ? QString()
                              : QStringLiteral("a %1 has no points to key").arg(toString(kind));
    if (!(size > 0.0 && size <= maxSize))
        return QStringLiteral("size %1 px is outside 0-%2").arg(size).arg(maxSize);
    if (!(hardness >= 0.0 && hardness <= 1.0))
        return QStringLiteral("hardness %1 is outside 0-1").arg(hardness);
    if (keys.isEmpty())
        return QStringLiteral("it has no key frame");
    const int count = keys.first().size();
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        if (it.value().size() != count)
            return QStringLiteral("key frames have %1 and %2 points; they must have the same "
                                  "number to interpolate")
                .arg(count)
                .arg(it.value().size());
        for (const QPointF& p : it.value())
            if (!finite(p))
                return QStringLiteral("a point at key frame %1 is not a usable coordinate")
                    .arg(it.key());
    }
    switch (kind) {
    case MaskShapeKind::Stroke:
        if (count < 1)
            return QStringLiteral("a stroke needs at least one point");
        break;
    case MaskShapeKind::Rectangle:
    case MaskShapeKind::Ellipse:
        if (count != 2)
            return QStringLiteral("a %1 needs two corner points, not %2")
                .arg(toString(kind))
                .arg(count);
        break;
    case MaskShapeKind::Polygon:
        if (count < 3)
            return QStringLiteral("a polygon needs at least three points, not %1").arg(count);
        break;
    case MaskShapeKind::Fill:
    case MaskShapeKind::Invert:
        break;
    }
    return QString();
}

bool MaskShape::operator==(const MaskShape& o) const {
    return id == o.id && kind == o.kind && erase == o.erase && size == o.size &&
           hardness == o.hardness && frames == o.frames && keys == o.keys;
}

const MaskShape* PaintedMask::findShape(const QUuid& id) const {
    for (const auto& s : shapes)
        if (s.id == id)
            return &s;
    return nullptr;
}

MaskShape* PaintedMask::findShape(const QUuid& id) {
    for (auto& s : shapes)
        if (s.id == id)
            return &s;
    return nullptr;
}

QStringList PaintedMask::problems(FrameRange range) const {
    QStringList problems;
    QSet<QUuid> ids;
    for (int i = 0; i < shapes.size(); ++i) {
        const MaskShape& s = shapes[i];
        const QString what = QStringLiteral("mask shape %1 (%2)").arg(i).arg(toString(s.kind));
        const QString problem = s.problem();
        if (!problem.isEmpty())
            problems << QStringLiteral("%1: %2").arg(what, problem);
        if (ids.contains(s.id))
            problems << QStringLiteral("%1 reuses ID %2").arg(what, s.id.toString());
        ids.insert(s.id);
        for (const FrameRange& r : s.frames.ranges())
            if (!range.contains(r))
                problems << QStringLiteral("%1 is painted on frames %2 outside the mask's %3")
                                .arg(what, r.toInclusiveString(), range.toInclusiveString());
    }
    return problems;
}

void PaintedMask::clear(FrameRange range) {
    for (MaskShape& s : shapes)
        s.frames.remove(range);
    shapes.erase(std::remove_if(shapes.begin(), shapes.end(),
                                [](const MaskShape& s) { return s.frames.isEmpty(); }),
                 shapes.end());
}

void PaintedMask::fill(FrameRange range, const QUuid& shapeId, bool erase) {
    MaskShape s;
    s.id = shapeId;
    s.kind = MaskShapeKind::Fill;
    s.erase = erase;
    s.frames.add(range);
    shapes.push_back(s);
}

void PaintedMask::invert(FrameRange range, const QUuid& shapeId) {
    MaskShape s;
    s.id = shapeId;
    s.kind = MaskShapeKind::Invert;
    s.frames.add(range);
    shapes.push_back(s);
}

void PaintedMask::copyFrame(FrameNumber from, FrameRange to, const std::function<QUuid()>& newId) {
    QVector<MaskShape> copies;
    for (const MaskShape& s : shapes) {
        if (!s.frames.contains(from))
            continue;
        MaskShape copy = s;
        copy.id = newId();
        copy.frames = FrameRangeSet();
        copy.frames.add(to);
        copy.keys.clear();
        if (s.hasGeometry())
            copy.keys.insert(to.start, s.geometryAt(from));
        copies.push_back(copy);
    }
    clear(to);
    shapes += copies;
}

} // namespace retake
