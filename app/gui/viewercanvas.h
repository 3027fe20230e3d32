#pragma once

#include <QImage>
#include <QWidget>

namespace retake::gui {

// Paints one frame scaled to fit (aspect kept) on a neutral background, with
// an optional mask overlay, or a message when there is no picture.
class ViewerCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ViewerCanvas(QWidget* parent = nullptr);

    void setFrame(const QImage& picture, const QImage& overlay);
    void setMessage(const QString& message);
    void setOverlayVisible(bool visible);
    const QImage& picture() const { return picture_; }
    // Where the picture is drawn, in widget coordinates.
    QRect pictureRect() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage picture_;
    QImage overlay_;
    QString message_;
    bool overlayVisible_ = false;
};

} // namespace retake::gui
