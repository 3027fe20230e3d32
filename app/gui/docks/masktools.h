#pragma once

// The Mask Painting panel: turns painting on the viewer on and off, picks the
// tool (brush B, eraser E, rectangle, ellipse, polygon, move), brush size and
// hardness, which frames a shape covers, and runs fill / invert / clear,
// copy the playhead's mask to the In/Out range and key the selected shape at
// the playhead. Each button is one Document edit (one undo step). Track
// Backward / Forward / Both make the selected shape follow the picture from
// the playhead over its mask's frames, as a job (progress and cancel in the
// Jobs panel; the track is one undo step when it finishes).

#include "jobs/jobqueue.h"
#include "tracking/shapetracking.h"
#include "viewer/maskpaintoverlay.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QActionGroup;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QSpinBox;

namespace retake::gui {

class EditorState;
class ViewerCanvas;

class MaskTools : public QWidget {
    Q_OBJECT
public:
    // Puts a MaskPaintOverlay on `canvas`; the B and E shortcuts go on the
    // canvas's window.
    MaskTools(EditorState* state, ViewerCanvas* canvas, QWidget* parent = nullptr);

    void setDocument(Document* document);
    MaskPaintOverlay* overlay() const { return overlay_; }

    QAction* paintAction() const { return paint_; }
    QAction* toolAction(MaskTool tool) const;

    // The panel's edits, also used by its buttons.
    void fill();
    void invert();
    void clear();
    void copyToInOut();
    void keySelectedShape();
    void removeSelectedShapeKey();
    void removeSelectedShape();
    // Queues a track of the selected shape from the playhead (needs
    // setJobQueue); returns the job's ID, 0 when nothing could be queued
    // (editFailed says why).
    int trackSelectedShape(TrackDirection direction);
    void setJobQueue(JobQueue* jobs) { jobs_ = jobs; }

Q_SIGNALS:
    void editFailed(const QString& message);
    void jobQueued(int id);

private:
    // The shape selected on the viewer, in the painted mask at the playhead.
    const MaskShape* selectedShape(const MaskTarget& target) const;
    void chooseTool(MaskTool tool);
    void updateShapeList();
    // Runs `edit` on the painted mask at the playhead over the chosen frames.
    void frameEdit(const std::function<void(const MaskTarget&, FrameRange)>& edit);
    void saveSettings() const;

    EditorState* state_;
    QPointer<Document> document_;
    MaskPaintOverlay* overlay_;
    QAction* paint_;
    QActionGroup* tools_;
    QSpinBox* size_;
    QSpinBox* hardness_;
    QComboBox* frames_;
    QListWidget* shapes_;
    QComboBox* trackModel_;
    QDoubleSpinBox* keyTolerance_;
    QPointer<JobQueue> jobs_;
};

} // namespace retake::gui
