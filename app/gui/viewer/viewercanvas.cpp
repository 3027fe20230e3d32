#include "viewer/viewercanvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace retake::gui {

ViewerCanvas::ViewerCanvas(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("viewerCanvas"));
    setMinimumSize(160, 90);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ViewerCanvas::setFrame(const QImage& picture, const QImage& overlay, const QImage& original) {
    picture_ = picture;
    overlay_ = overlay;
    original_ = original;
    message_.clear();
    update();
}

void ViewerCanvas::setMessage(const QString& message) {
    picture_ = QImage();
    overlay_ = QImage();
    original_ = QImage();
    message_ = message;
    update();
}

void ViewerCanvas::setOverlayVisible(bool visible) {
    overlayVisible_ = visible;
    update();
}

void ViewerCanvas::setCompare(Compare mode) {
    compare_ = mode;
    draggingSplit_ = false;
    setCursor(mode == Compare::Split ? Qt::SplitHCursor : Qt::ArrowCursor);
    update();
}

void ViewerCanvas::setSplitPosition(double position) {
    position = std::clamp(position, 0.0, 1.0);
    if (position == split_)
        return;
    split_ = position;
    update();
    Q_EMIT splitPositionChanged(split_);
}

QRect ViewerCanvas::pictureRect() const {
    if (picture_.isNull())
        return {};
    const QRect area = rect().adjusted(8, 8, -8, -8);
    const QSize fitted = picture_.size().scaled(area.size(), Qt::KeepAspectRatio);
    QRect target(QPoint(), fitted);
    target.moveCenter(area.center());
    return target;
}

double ViewerCanvas::dividerX() const {
    const QRect target = pictureRect();
    return target.left() + split_ * target.width();
}

void ViewerCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    // Neutral grey (R = G = B): a tinted surround shifts how colours are judged.
    p.fillRect(rect(), QColor(28, 28, 28));
    if (picture_.isNull()) {
        p.setPen(QColor(150, 150, 150));
        p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, message_);
        return;
    }
    const QRect target = pictureRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform, target.width() < picture_.width());
    const bool showOriginal = compare_ == Compare::Original && !original_.isNull();
    p.drawImage(target, showOriginal ? original_ : picture_);
    if (splitting()) {
        // Left of the divider: the original, from the same render.
        const QRectF left(target.left(), target.top(), dividerX() - target.left(), target.height());
        p.save();
        p.setClipRect(left);
        p.drawImage(target, original_);
        p.restore();
    }
    if (overlayVisible_ && !overlay_.isNull())
        p.drawImage(target, overlay_);
    if (splitting() || showOriginal) {
        QFont small = font();
        small.setBold(true);
        p.setFont(small);
        const auto label = [&](const QString& text, Qt::Alignment align) {
            const QRect box = target.adjusted(8, 6, -8, -6);
            p.setPen(QColor(0, 0, 0, 160));
            p.drawText(box.translated(1, 1), align | Qt::AlignTop, text);
            p.setPen(QColor(240, 240, 240));
            p.drawText(box, align | Qt::AlignTop, text);
        };
        if (showOriginal) {
            label(tr("Original"), Qt::AlignLeft);
        } else {
            label(tr("Original"), Qt::AlignLeft);
            label(tr("Take"), Qt::AlignRight);
            const double x = dividerX();
            p.setPen(QPen(QColor(240, 240, 240), 1.5));
            p.drawLine(QPointF(x, target.top()), QPointF(x, target.bottom()));
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(QColor(240, 240, 240));
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPointF(x, target.center().y()), 5, 5);
        }
    }
}

void ViewerCanvas::mousePressEvent(QMouseEvent* event) {
    if (!splitting() || event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    // A press anywhere on the picture moves the divider there and drags it.
    draggingSplit_ = true;
    const QRect target = pictureRect();
    setSplitPosition((event->position().x() - target.left()) / std::max(1, target.width()));
}

void ViewerCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (!draggingSplit_)
        return QWidget::mouseMoveEvent(event);
    const QRect target = pictureRect();
    setSplitPosition((event->position().x() - target.left()) / std::max(1, target.width()));
}

void ViewerCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (!draggingSplit_)
        return QWidget::mouseReleaseEvent(event);
    draggingSplit_ = false;
}

} // namespace retake::gui
