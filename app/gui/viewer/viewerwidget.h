#pragma once

// The central viewer: the timeline frame at the playhead, decoded off the GUI
// thread by FrameRenderer, with its timecode, frame number and shot, and the
// shot's stationary mask as an optional red overlay. A display/view picker
// sets the OCIO display transform the frames are shown through; compare
// modes show a take against the original (split wipe or toggle).

#include "document/document.h"
#include "model/project.h"
#include "viewer/framerenderer.h"
#include "viewer/viewercanvas.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace retake::gui {

class EditorState;

// The view of `display` the viewer starts with: Un-tone-mapped where the config
// has it (footage looks as stored), else the config's default view.
QString preferredView(const ColourPipeline& pipeline, const QString& display);

class ViewerWidget : public QWidget {
    Q_OBJECT
public:
    explicit ViewerWidget(EditorState* state, QWidget* parent = nullptr);

    void setDocument(Document* document);
    void setMaskOverlayVisible(bool visible);
    bool isMaskOverlayVisible() const { return maskVisible_; }

    ViewerCanvas* canvas() const { return canvas_; }
    FrameRenderer* renderer() const { return renderer_; }
    QComboBox* displayCombo() const { return display_; }
    QComboBox* viewCombo() const { return view_; }
    // The timeline frame the canvas shows, -1 before the first one.
    FrameNumber shownFrame() const { return shownFrame_; }
    QString timecodeText() const;

    void setCompare(ViewerCanvas::Compare mode);
    // From the saved settings (QSettings "color/..."); errors go to displayError().
    void loadDisplaySettings();
    void applyDisplay(const DisplaySettings& display);
    // The media files changed on disk (a blocking re-render): decode again.
    void reloadFrames() { projectChanged(); }
    // Media the viewer reads from their proxies (proxy/proxies.h); a badge
    // beside the shot says when the frame shown came from one.
    void setProxies(const ProxyMap& proxies);
    QLabel* proxyBadge() const { return proxyBadge_; }

Q_SIGNALS:
    void displayError(const QString& message);
    // After a frame is on the canvas (for tests and benchmarks).
    void frameShown(retake::FrameNumber frame);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void projectChanged();
    void requestCurrentFrame();
    void showFrame(const RenderedFrame& frame);
    void updateLabels();
    void fillDisplayCombos();
    void pickDisplay(bool displayChanged);

    EditorState* state_;
    QPointer<Document> document_;
    FrameRenderer* renderer_;
    ViewerCanvas* canvas_;
    QLabel* timecode_;
    QLabel* frameNumber_;
    QLabel* shotLabel_;
    QLabel* proxyBadge_;
    QComboBox* display_;
    QComboBox* view_;
    FrameNumber shownFrame_ = -1;
    bool maskVisible_ = false;
};

} // namespace retake::gui
