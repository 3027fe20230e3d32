#pragma once

// Mask painting on the viewer: a transparent widget over the ViewerCanvas
// that shows the painted mask of the frame at the playhead in red (~40%) and
// turns the mouse into shapes. Every stroke or shape is one Document edit,
// made on mouse release (never one per mouse move). The model is
// editor/mask; this widget only collects points in media pixels.

#include "document/document.h"
#include "model/project.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

namespace retake::gui {

class EditorState;
class ViewerCanvas;

enum class MaskTool { Brush, Eraser, Rectangle, Ellipse, Polygon, Move };

// Which frames a new shape, fill, invert or clear covers.
enum class MaskFrames { WholeShot, InOut, CurrentFrame };

// What painting at the playhead edits.
struct MaskTarget {
    Id shotId; // null when no shot is at the playhead
    Id maskId; // the shot's newest painted mask; null = none yet
    FrameNumber mediaFrame = 0;
    FrameRange maskRange; // the mask's frames (the shot's, before the first paint)
    QSize mediaSize;
    bool isValid() const { return !shotId.isNull() && !mediaSize.isEmpty(); }
};

class MaskPaintOverlay : public QWidget {
    Q_OBJECT
public:
    MaskPaintOverlay(ViewerCanvas* canvas, EditorState* state);

    void setDocument(Document* document);
    // Shown and taking the mouse only while painting.
    void setActive(bool active);
    bool isActive() const { return active_; }
    void setTool(MaskTool tool);
    MaskTool tool() const { return tool_; }
    void setBrushSize(double pixels) { brushSize_ = pixels; }
    void setHardness(double hardness) { hardness_ = hardness; }
    void setPaintFrames(MaskFrames frames) { paintFrames_ = frames; }

    MaskTarget target() const;
    // The frames `paintFrames` means at the playhead, in media frames; empty
    // (with the reason in *why) when it cannot be used.
    FrameRange framesFor(MaskFrames frames, const MaskTarget& target, QString* why) const;
    Id selectedShape() const { return selectedShape_; }
    void setSelectedShape(const Id& shapeId);

    // Between widget and media pixel coordinates (through the canvas's picture rect).
    QPointF toMedia(QPointF widgetPos) const;
    QPointF toWidget(QPointF mediaPos) const;
    // The rasterised painted mask at the playhead (Grayscale8), null without one.
    const QImage& currentMask() const { return mask_; }
    // What the overlay shows: the mask with the shape being drawn.
    const QImage& shownMask() const { return preview_.isNull() ? mask_ : preview_; }

Q_SIGNALS:
    void editFailed(const QString& message);
    void selectedShapeChanged(const retake::Id& shapeId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    // Brush and eraser: the stroke so far is drawn segment by segment into
    // strokeLayer_, so a long stroke costs the same per mouse move as a short one.
    void extendStroke(const MaskGeometry& segment);
    void cancelShape();
    // The shape being drawn, as it would be committed; kind Fill = none.
    MaskShape pendingShape() const;
    void commit(const MaskShape& shape);
    void commitMove();

    ViewerCanvas* canvas_;
    EditorState* state_;
    QPointer<Document> document_;
    bool active_ = false;
    MaskTool tool_ = MaskTool::Brush;
    double brushSize_ = 40.0;
    double hardness_ = 0.8;
    MaskFrames paintFrames_ = MaskFrames::WholeShot;
    Id selectedShape_;

    QImage mask_;             // rasterised mask at the playhead
    QImage preview_;          // the same with the shape being drawn
    QVector<QPointF> points_; // media pixels of the shape being drawn
    QImage strokeLayer_;      // coverage of the stroke being drawn (Grayscale8)
    bool dragging_ = false;
    QPointF moveFrom_, moveTo_;
};

} // namespace retake::gui
