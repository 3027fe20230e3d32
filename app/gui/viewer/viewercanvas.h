#pragma once

#include <QImage>
#include <QWidget>

namespace retake::gui {

// Paints one frame scaled to fit (aspect kept) on a neutral background, with
// an optional mask overlay, or a message when there is no picture.
//
// Comparing a take with the original (both decoded by the same render):
// Split shows the original left of a draggable divider and the take right of
// it; Original shows the original in place of the take. Frames without a
// take show as they are.
class ViewerCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Compare { Off, Split, Original };

    explicit ViewerCanvas(QWidget* parent = nullptr);

    void setFrame(const QImage& picture, const QImage& overlay, const QImage& original = {});
    void setMessage(const QString& message);
    void setOverlayVisible(bool visible);
    // The timeline's picture (the take where one shows).
    const QImage& picture() const { return picture_; }
    // The original under a take, when comparing; null otherwise.
    const QImage& original() const { return original_; }
    // Where the picture is drawn, in widget coordinates.
    QRect pictureRect() const;

    void setCompare(Compare mode);
    Compare compare() const { return compare_; }
    // The divider of the split wipe, 0 (left edge) to 1 (right edge).
    double splitPosition() const { return split_; }
    void setSplitPosition(double position);

Q_SIGNALS:
    void splitPositionChanged(double position);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    bool splitting() const { return compare_ == Compare::Split && !original_.isNull(); }
    double dividerX() const;

    QImage picture_;
    QImage original_;
    QImage overlay_;
    QString message_;
    bool overlayVisible_ = false;
    Compare compare_ = Compare::Off;
    double split_ = 0.5;
    bool draggingSplit_ = false;
};

} // namespace retake::gui
