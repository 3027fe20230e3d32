#pragma once

// The central viewer: the timeline frame at the playhead, decoded off the GUI
// thread by FrameRenderer, with its timecode, frame number and shot, and the
// shot's stationary mask as an optional red overlay.

#include "document/document.h"
#include "model/project.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace retake::gui {

class EditorState;
class FrameRenderer;
struct RenderedFrame;
class ViewerCanvas;

class ViewerWidget : public QWidget {
    Q_OBJECT
public:
    explicit ViewerWidget(EditorState* state, QWidget* parent = nullptr);

    void setDocument(Document* document);
    void setMaskOverlayVisible(bool visible);
    bool isMaskOverlayVisible() const { return maskVisible_; }

    ViewerCanvas* canvas() const { return canvas_; }
    // The timeline frame the canvas shows, -1 before the first one.
    FrameNumber shownFrame() const { return shownFrame_; }
    QString timecodeText() const;

private:
    void projectChanged();
    void requestCurrentFrame();
    void showFrame(const RenderedFrame& frame);
    void updateLabels();

    EditorState* state_;
    QPointer<Document> document_;
    FrameRenderer* renderer_;
    ViewerCanvas* canvas_;
    QLabel* timecode_;
    QLabel* frameNumber_;
    QLabel* shotLabel_;
    FrameNumber shownFrame_ = -1;
    bool maskVisible_ = false;
};

} // namespace retake::gui
