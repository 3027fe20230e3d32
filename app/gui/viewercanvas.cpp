#include "viewercanvas.h"

#include <QPainter>

namespace retake::gui {

ViewerCanvas::ViewerCanvas(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("viewerCanvas"));
    setMinimumSize(160, 90);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ViewerCanvas::setFrame(const QImage& picture, const QImage& overlay) {
    picture_ = picture;
    overlay_ = overlay;
    message_.clear();
    update();
}

void ViewerCanvas::setMessage(const QString& message) {
    picture_ = QImage();
    overlay_ = QImage();
    message_ = message;
    update();
}

void ViewerCanvas::setOverlayVisible(bool visible) {
    overlayVisible_ = visible;
    update();
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
    p.drawImage(target, picture_);
    if (overlayVisible_ && !overlay_.isNull())
        p.drawImage(target, overlay_);
}

} // namespace retake::gui
