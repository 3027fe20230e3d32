#include "viewer/maskpaintoverlay.h"

#include "common/editorstate.h"
#include "common/timelinemapping.h"
#include "core/error.h"
#include "mask/maskraster.h"
#include "viewer/viewercanvas.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace retake::gui {

namespace {

// Red at ~40% where the mask is set, transparent elsewhere.
QImage redTint(const QImage& mask) {
    QImage tint(mask.size(), QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < mask.height(); ++y) {
        const uchar* in = mask.constScanLine(y);
        auto* out = reinterpret_cast<QRgb*>(tint.scanLine(y));
        for (int x = 0; x < mask.width(); ++x) {
            const int alpha = in[x] * 102 / 255; // 40%
            out[x] = qRgba(alpha, 0, 0, alpha);  // premultiplied red
        }
    }
    return tint;
}

const MaskRef* newestPainted(const Shot& shot) {
    const MaskRef* found = nullptr;
    for (const MaskRef& m : shot.masks)
        if (m.isPainted())
            found = &m;
    return found;
}

} // namespace

MaskPaintOverlay::MaskPaintOverlay(ViewerCanvas* canvas, EditorState* state)
    : QWidget(canvas)
    , canvas_(canvas)
    , state_(state) {
    setObjectName(QStringLiteral("maskPaintOverlay"));
    setMouseTracking(false);
    setFocusPolicy(Qt::ClickFocus);
    setCursor(Qt::CrossCursor);
    setGeometry(canvas->rect());
    canvas->installEventFilter(this);
    connect(state_, &EditorState::currentFrameChanged, this, &MaskPaintOverlay::refresh);
    setActive(false);
}

void MaskPaintOverlay::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    selectedShape_ = Id();
    if (document_)
        connect(document_, &Document::changed, this, &MaskPaintOverlay::refresh);
    cancelShape();
    refresh();
}

void MaskPaintOverlay::setActive(bool active) {
    active_ = active;
    setAttribute(Qt::WA_TransparentForMouseEvents, !active);
    setVisible(active);
    if (active) {
        setGeometry(canvas_->rect());
        raise();
    }
    cancelShape();
    refresh();
}

void MaskPaintOverlay::setTool(MaskTool tool) {
    tool_ = tool;
    cancelShape();
}

void MaskPaintOverlay::setSelectedShape(const Id& shapeId) {
    if (shapeId == selectedShape_)
        return;
    selectedShape_ = shapeId;
    update();
    Q_EMIT selectedShapeChanged(shapeId);
}

MaskTarget MaskPaintOverlay::target() const {
    MaskTarget t;
    if (!document_)
        return t;
    const Project& project = document_->project();
    const FrameNumber frame = state_->currentFrame();
    const QVector<ShotSpan> spans = shotSpansIn(project, {frame, frame + 1});
    if (spans.isEmpty())
        return t;
    const Shot* shot = project.findShot(spans.front().shotId);
    const MediaRef* media = shot ? project.findMedia(shot->mediaId) : nullptr;
    if (!media)
        return t;
    t.shotId = shot->id;
    t.mediaFrame = spans.front().media.start;
    t.mediaSize = QSize(media->width, media->height);
    const MaskRef* mask = newestPainted(*shot);
    t.maskId = mask ? mask->id : Id();
    t.maskRange = mask ? mask->range : shot->source;
    return t;
}

FrameRange MaskPaintOverlay::framesFor(MaskFrames frames, const MaskTarget& target,
                                       QString* why) const {
    switch (frames) {
    case MaskFrames::WholeShot:
        return target.maskRange;
    case MaskFrames::CurrentFrame:
        return {target.mediaFrame, target.mediaFrame + 1};
    case MaskFrames::InOut:
        break;
    }
    if (!state_->hasSelection()) {
        *why = tr("Set In and Out (I, O) to paint on a frame range.");
        return {};
    }
    for (const ShotSpan& span : shotSpansIn(document_->project(), state_->selection()))
        if (span.shotId == target.shotId) {
            const FrameRange within = span.media.intersected(target.maskRange);
            if (!within.isEmpty())
                return within;
        }
    *why = tr("The In/Out range does not cover the shot at the playhead.");
    return {};
}

QPointF MaskPaintOverlay::toMedia(QPointF widgetPos) const {
    const QRect picture = canvas_->pictureRect();
    const MaskTarget t = target();
    if (picture.isEmpty() || !t.isValid())
        return {};
    return {(widgetPos.x() - picture.left()) * t.mediaSize.width() / double(picture.width()),
            (widgetPos.y() - picture.top()) * t.mediaSize.height() / double(picture.height())};
}

QPointF MaskPaintOverlay::toWidget(QPointF mediaPos) const {
    const QRect picture = canvas_->pictureRect();
    const MaskTarget t = target();
    if (picture.isEmpty() || !t.isValid())
        return {};
    return {picture.left() + mediaPos.x() * picture.width() / double(t.mediaSize.width()),
            picture.top() + mediaPos.y() * picture.height() / double(t.mediaSize.height())};
}

void MaskPaintOverlay::refresh() {
    mask_ = QImage();
    preview_ = QImage();
    const MaskTarget t = target();
    if (active_ && t.isValid()) {
        PaintedMask painted;
        for (const MaskRef& m : document_->project().findShot(t.shotId)->masks)
            if (m.id == t.maskId)
                painted = m.painted;
        if (!t.maskId.isNull())
            mask_ = rasteriseMask(painted, t.mediaFrame, t.mediaSize);
        const MaskShape pending = pendingShape();
        if (!strokeLayer_.isNull() && strokeLayer_.size() == t.mediaSize) {
            if (mask_.isNull()) {
                preview_ = QImage(t.mediaSize, QImage::Format_Grayscale8);
                preview_.fill(0);
            } else {
                preview_ = mask_.copy();
            }
            combineCoverage(preview_, strokeLayer_, QPoint(0, 0), tool_ == MaskTool::Eraser);
        } else if (pending.kind != MaskShapeKind::Fill) {
            painted.shapes.push_back(pending);
            preview_ = rasteriseMask(painted, t.mediaFrame, t.mediaSize);
        }
    }
    update();
}

void MaskPaintOverlay::extendStroke(const MaskGeometry& segment) {
    const MaskTarget t = target();
    if (strokeLayer_.size() != t.mediaSize) {
        strokeLayer_ = QImage(t.mediaSize, QImage::Format_Grayscale8);
        strokeLayer_.fill(0);
    }
    paintStrokeCoverage(strokeLayer_, segment, brushSize_, hardness_);
    if (mask_.isNull()) {
        preview_ = QImage(t.mediaSize, QImage::Format_Grayscale8);
        preview_.fill(0);
    } else {
        preview_ = mask_.copy();
    }
    combineCoverage(preview_, strokeLayer_, QPoint(0, 0), tool_ == MaskTool::Eraser);
    update();
}

void MaskPaintOverlay::cancelShape() {
    strokeLayer_ = QImage();
    points_.clear();
    dragging_ = false;
    moveFrom_ = moveTo_ = QPointF();
}

MaskShape MaskPaintOverlay::pendingShape() const {
    MaskShape shape;
    shape.kind = MaskShapeKind::Fill; // = nothing to commit
    const MaskTarget t = target();
    if (points_.isEmpty() || !t.isValid())
        return shape;
    shape.id = newId();
    shape.frames.add({t.mediaFrame, t.mediaFrame + 1});
    shape.size = brushSize_;
    shape.hardness = hardness_;
    MaskGeometry points = points_;
    switch (tool_) {
    case MaskTool::Brush:
    case MaskTool::Eraser:
        shape.kind = MaskShapeKind::Stroke;
        shape.erase = tool_ == MaskTool::Eraser;
        break;
    case MaskTool::Rectangle:
    case MaskTool::Ellipse:
        if (points.size() < 2 || points.front().x() == points.back().x() ||
            points.front().y() == points.back().y())
            return shape;
        shape.kind =
            tool_ == MaskTool::Rectangle ? MaskShapeKind::Rectangle : MaskShapeKind::Ellipse;
        points = {points.front(), points.back()};
        break;
    case MaskTool::Polygon:
        if (points.size() < 3)
            return shape;
        shape.kind = MaskShapeKind::Polygon;
        break;
    case MaskTool::Move:
        return shape;
    }
    shape.keys.insert(t.mediaFrame, points);
    return shape;
}

void MaskPaintOverlay::commit(const MaskShape& drawn) {
    cancelShape();
    const MaskTarget t = target();
    if (drawn.kind == MaskShapeKind::Fill || !document_ || !t.isValid()) {
        refresh();
        return;
    }
    MaskShape shape = drawn;
    QString why;
    const FrameRange frames = framesFor(paintFrames_, t, &why);
    if (frames.isEmpty()) {
        refresh();
        Q_EMIT editFailed(why);
        return;
    }
    shape.frames = FrameRangeSet();
    shape.frames.add(frames);
    try {
        setSelectedShape(document_->addMaskShape(t.shotId, t.maskId, shape));
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
    }
    refresh();
}

// A drag with the move tool keys the selected shape at the playhead where it
// was dropped: the shape then moves between its keys.
void MaskPaintOverlay::commitMove() {
    const QPointF offset = moveTo_ - moveFrom_;
    cancelShape();
    const MaskTarget t = target();
    if (!document_ || !t.isValid() || t.maskId.isNull() || offset.isNull()) {
        refresh();
        return;
    }
    const MaskShape* shape = nullptr;
    for (const MaskRef& m : document_->project().findShot(t.shotId)->masks)
        if (m.id == t.maskId)
            shape = m.painted.findShape(selectedShape_);
    if (!shape || !shape->hasGeometry()) {
        refresh();
        Q_EMIT editFailed(tr("Select a shape to move first."));
        return;
    }
    MaskGeometry moved = shape->geometryAt(t.mediaFrame);
    for (QPointF& p : moved)
        p += offset;
    try {
        document_->setMaskShapeKey(t.shotId, t.maskId, shape->id, t.mediaFrame, moved);
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
    }
    refresh();
}

bool MaskPaintOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == canvas_ && event->type() == QEvent::Resize)
        setGeometry(canvas_->rect());
    return QWidget::eventFilter(watched, event);
}

void MaskPaintOverlay::paintEvent(QPaintEvent*) {
    const QRect picture = canvas_->pictureRect();
    if (!active_ || picture.isEmpty())
        return;
    QPainter p(this);
    const QImage& shown = shownMask();
    if (!shown.isNull())
        p.drawImage(picture, redTint(shown));
    p.setRenderHint(QPainter::Antialiasing);
    // The selected shape's outline, and where a move would put it.
    const MaskTarget t = target();
    if (document_ && t.isValid() && !selectedShape_.isNull())
        for (const MaskRef& m : document_->project().findShot(t.shotId)->masks) {
            const MaskShape* s = m.id == t.maskId ? m.painted.findShape(selectedShape_) : nullptr;
            if (!s || !s->hasGeometry())
                continue;
            // Its path: the centre of each key, so a track's course (and a
            // jump in it) shows at a glance; the playhead's key is filled.
            if (s->keys.size() > 1) {
                QPolygonF path;
                for (auto key = s->keys.cbegin(); key != s->keys.cend(); ++key) {
                    QPointF centre;
                    for (const QPointF& point : key.value())
                        centre += point;
                    path << toWidget(centre / std::max<qsizetype>(1, key.value().size()));
                }
                p.setPen(QPen(QColor(0, 200, 255), 1.0));
                p.setBrush(Qt::NoBrush);
                p.drawPolyline(path);
                int i = 0;
                for (auto key = s->keys.cbegin(); key != s->keys.cend(); ++key, ++i) {
                    p.setBrush(key.key() == t.mediaFrame ? QBrush(QColor(0, 200, 255))
                                                         : QBrush(Qt::NoBrush));
                    p.drawEllipse(path[i], 2.0, 2.0);
                }
            }
            QPolygonF outline;
            for (const QPointF& point : s->geometryAt(t.mediaFrame))
                outline << toWidget(point + (moveTo_ - moveFrom_));
            p.setPen(QPen(QColor(255, 210, 0), 1.0, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            if (s->kind == MaskShapeKind::Rectangle || s->kind == MaskShapeKind::Ellipse)
                p.drawRect(QRectF(outline[0], outline[1]).normalized());
            else if (s->kind == MaskShapeKind::Polygon)
                p.drawPolygon(outline);
            else
                p.drawPolyline(outline);
        }
    // Corners of a polygon being drawn.
    if (tool_ == MaskTool::Polygon && !points_.isEmpty()) {
        QPolygonF corners;
        for (const QPointF& point : points_)
            corners << toWidget(point);
        p.setPen(QPen(Qt::white, 1.0));
        p.drawPolyline(corners);
        for (const QPointF& c : corners)
            p.drawEllipse(c, 3.0, 3.0);
    }
}

void MaskPaintOverlay::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !active_)
        return QWidget::mousePressEvent(event);
    const MaskTarget t = target();
    if (!t.isValid() || canvas_->pictureRect().isEmpty()) {
        Q_EMIT editFailed(tr("There is no shot at the playhead to paint on."));
        return;
    }
    const QPointF at = toMedia(event->position());
    dragging_ = true;
    if (tool_ == MaskTool::Move) {
        moveFrom_ = moveTo_ = at;
        return;
    }
    if (tool_ == MaskTool::Polygon) {
        points_ << at;
    } else {
        points_ = {at};
    }
    if (tool_ == MaskTool::Brush || tool_ == MaskTool::Eraser)
        extendStroke({at});
    else
        refresh();
}

void MaskPaintOverlay::mouseMoveEvent(QMouseEvent* event) {
    if (!dragging_ || !(event->buttons() & Qt::LeftButton))
        return QWidget::mouseMoveEvent(event);
    const QPointF at = toMedia(event->position());
    switch (tool_) {
    case MaskTool::Brush:
    case MaskTool::Eraser:
        // A point per half pixel of movement is plenty for the stroke.
        if (QLineF(points_.back(), at).length() >= 0.5) {
            extendStroke({points_.back(), at});
            points_ << at;
        }
        return;
    case MaskTool::Rectangle:
    case MaskTool::Ellipse:
        points_ = {points_.front(), at};
        break;
    case MaskTool::Move:
        moveTo_ = at;
        update();
        return;
    case MaskTool::Polygon:
        return;
    }
    refresh();
}

void MaskPaintOverlay::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !dragging_)
        return QWidget::mouseReleaseEvent(event);
    dragging_ = false;
    if (tool_ == MaskTool::Move) {
        moveTo_ = toMedia(event->position());
        commitMove();
    } else if (tool_ != MaskTool::Polygon) {
        if (tool_ == MaskTool::Rectangle || tool_ == MaskTool::Ellipse)
            points_ = {points_.front(), toMedia(event->position())};
        commit(pendingShape());
    }
}

void MaskPaintOverlay::mouseDoubleClickEvent(QMouseEvent* event) {
    // The double click's own press added a corner already; it closes the polygon.
    if (tool_ == MaskTool::Polygon && active_) {
        commit(pendingShape());
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void MaskPaintOverlay::keyPressEvent(QKeyEvent* event) {
    if (tool_ == MaskTool::Polygon && !points_.isEmpty()) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            commit(pendingShape());
            return;
        case Qt::Key_Escape:
            cancelShape();
            refresh();
            return;
        case Qt::Key_Backspace:
            points_.removeLast();
            refresh();
            return;
        default:
            break;
        }
    }
    QWidget::keyPressEvent(event);
}

} // namespace retake::gui
