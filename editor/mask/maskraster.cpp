#include "mask/maskraster.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

namespace retake {

namespace {

// The pixels a shape can touch: its points' bounds grown by the brush radius
// and a pixel for the antialiased edge, clipped to the frame.
QRect touchedRect(const MaskShape& shape, const MaskGeometry& points, QSize size) {
    if (points.isEmpty())
        return {};
    QRectF bounds = QPolygonF(points).boundingRect();
    const double grow = (shape.kind == MaskShapeKind::Stroke ? shape.size / 2.0 : 0.0) + 2.0;
    bounds.adjust(-grow, -grow, grow, grow);
    return bounds.toAlignedRect().intersected(QRect(QPoint(0, 0), size));
}

// A soft brush is drawn as nested strokes, widest and faintest first, one per
// pixel of falloff (at most 32 steps, so big brushes stay interactive):
// coverage is 1 up to hardness x radius from the centre line and falls
// linearly to 0 at the radius. The passes are combined with Lighten (max),
// so they never add up, and a stroke drawn piece by piece (the GUI's live
// preview) covers what the whole polyline does.
void drawStroke(QPainter& p, const MaskShape& shape, const MaskGeometry& points) {
    constexpr int maxSteps = 32;
    const double radius = shape.size / 2.0;
    const double core = radius * shape.hardness;
    const int steps = std::clamp(int(std::ceil(radius - core)), 1, maxSteps);
    p.setCompositionMode(QPainter::CompositionMode_Lighten);
    const auto pass = [&](double r, double value) {
        if (r <= 0.0)
            return;
        const QColor grey = QColor::fromRgbF(value, value, value);
        if (points.size() == 1) {
            p.setPen(Qt::NoPen);
            p.setBrush(grey);
            p.drawEllipse(points[0], r, r);
            return;
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(grey, 2.0 * r, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF(points));
    };
    if (core >= radius) {
        pass(radius, 1.0);
        return;
    }
    for (int k = steps; k >= 1; --k)
        pass(core + (radius - core) * k / steps, double(steps - k + 1) / steps);
    pass(core, 1.0);
}

void drawShape(QPainter& p, const MaskShape& shape, const MaskGeometry& points) {
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    switch (shape.kind) {
    case MaskShapeKind::Stroke:
        drawStroke(p, shape, points);
        break;
    case MaskShapeKind::Rectangle:
        p.drawRect(QRectF(points[0], points[1]).normalized());
        break;
    case MaskShapeKind::Ellipse:
        p.drawEllipse(QRectF(points[0], points[1]).normalized());
        break;
    case MaskShapeKind::Polygon:
        p.drawPolygon(QPolygonF(points), Qt::WindingFill);
        break;
    case MaskShapeKind::Fill:
    case MaskShapeKind::Invert:
        break;
    }
}

// Coverage of a shape with geometry within `area` (an image the size of area).
QImage coverage(const MaskShape& shape, const MaskGeometry& points, QRect area) {
    QImage layer(area.size(), QImage::Format_Grayscale8);
    layer.fill(0);
    QPainter p(&layer);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(-area.topLeft());
    drawShape(p, shape, points);
    return layer;
}

} // namespace

// Integer forms of m + c(1 - m) and m(1 - c), rounded, exact at 0 and 255.
void combineCoverage(QImage& mask, const QImage& layer, QPoint at, bool erase) {
    for (int y = 0; y < layer.height(); ++y) {
        const uchar* c = layer.constScanLine(y);
        uchar* m = mask.scanLine(y + at.y()) + at.x();
        for (int x = 0; x < layer.width(); ++x) {
            if (c[x] == 0)
                continue;
            m[x] = erase ? uchar((m[x] * (255 - c[x]) + 127) / 255)
                         : uchar(m[x] + (c[x] * (255 - m[x]) + 127) / 255);
        }
    }
}

void paintStrokeCoverage(QImage& layer, const MaskGeometry& points, double size, double hardness) {
    if (points.isEmpty())
        return;
    MaskShape stroke;
    stroke.size = size;
    stroke.hardness = hardness;
    QPainter p(&layer);
    p.setRenderHint(QPainter::Antialiasing);
    drawStroke(p, stroke, points);
}

QString paintedMaskFileName(FrameNumber indexInTake) {
    return QStringLiteral("mask_%1.png").arg(indexInTake, 5, 10, QLatin1Char('0'));
}

QImage rasteriseShape(const MaskShape& shape, FrameNumber mediaFrame, QSize size) {
    QImage out(size, QImage::Format_Grayscale8);
    out.fill(shape.kind == MaskShapeKind::Fill ? 255 : 0);
    if (!shape.hasGeometry() || !shape.problem().isEmpty())
        return out;
    const MaskGeometry points = shape.geometryAt(mediaFrame);
    const QRect area = touchedRect(shape, points, size);
    if (area.isEmpty())
        return out;
    combineCoverage(out, coverage(shape, points, area), area.topLeft(), false);
    return out;
}

QImage rasteriseMask(const PaintedMask& mask, FrameNumber mediaFrame, QSize size) {
    QImage out(size, QImage::Format_Grayscale8);
    out.fill(0);
    for (const MaskShape& shape : mask.shapes) {
        if (!shape.frames.contains(mediaFrame) || !shape.problem().isEmpty())
            continue;
        switch (shape.kind) {
        case MaskShapeKind::Fill:
            out.fill(shape.erase ? 0 : 255);
            continue;
        case MaskShapeKind::Invert:
            out.invertPixels();
            continue;
        default:
            break;
        }
        const MaskGeometry points = shape.geometryAt(mediaFrame);
        const QRect area = touchedRect(shape, points, size);
        if (!area.isEmpty())
            combineCoverage(out, coverage(shape, points, area), area.topLeft(), shape.erase);
    }
    return out;
}

} // namespace retake
