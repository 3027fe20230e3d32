#pragma once

// The timeline: a timecode ruler, one row per track with the shots (or audio
// clips) as blocks, each shot's locked frames as hatched bars and its takes
// as coloured bars, the In/Out selection and the playhead.
//
// Mouse: click or drag in the ruler moves the playhead; drag over the tracks
// selects a range; a click on a shot selects it and moves the playhead there.
// Wheel zooms around the pointer (Shift+wheel scrolls). Right-click on a
// regenerated range switches between its takes and the original.

#include "document/document.h"
#include "interchange/otiomarkers.h"
#include "model/project.h"

#include <QPointer>
#include <QWidget>

class QMenu;
class QScrollBar;

namespace retake::gui {

class EditorState;
class WaveformCache;

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRulerHeight = 30;
    static constexpr int kTrackHeight = 58;
    static constexpr int kHeaderWidth = 56;

    explicit TimelineWidget(EditorState* state, QWidget* parent = nullptr);

    void setDocument(Document* document);

    double pixelsPerFrame() const { return pixelsPerFrame_; }
    void setPixelsPerFrame(double pixelsPerFrame, int anchorX = -1);
    void zoomIn();
    void zoomOut();
    void zoomToFit();

    // Geometry, in widget coordinates.
    double frameToX(FrameNumber frame) const;
    FrameNumber xToFrame(double x) const;
    QRect trackRect(int row) const;
    // The shot block under a point, or a null ID.
    Id shotAt(const QPoint& pos) const;
    // The take choices (takechoices.h) for the shot frame under `pos`, as the
    // context menu shows them; false when there is no shot there.
    bool addTakeActions(QMenu* menu, const QPoint& pos);
    // What the tooltip says of the markers (interchange/otiomarkers.h) under
    // a point of the ruler; empty when there are none.
    QString markerToolTipAt(const QPoint& pos) const;
    // Rename and Remove for the timeline's own markers under a point of the
    // ruler, as the context menu shows them; false when there are none.
    bool addMarkerActions(QMenu* menu, const QPoint& pos);
    // The shot whose own audio is drawn under `pos` (on the first audio
    // track, linked to its picture), or a null ID.
    Id linkedAudioShotAt(const QPoint& pos) const;
    // Mute / Unmute for the shot audio under `pos`; false when there is none.
    bool addAudioActions(QMenu* menu, const QPoint& pos);
    WaveformCache* waveforms() const { return waveforms_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void editFailed(const QString& message);

protected:
    bool event(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    enum class Drag { None, Playhead, PendingSelect, Select };

    void projectChanged();
    void updateScrollBar();
    void keepPlayheadVisible();
    int contentWidth() const;
    void paintRuler(QPainter& p) const;
    void paintMarkers(QPainter& p) const;
    void paintVideoTrack(QPainter& p, const Track& track, const QRect& row) const;
    void paintAudioTrack(QPainter& p, const Track& track, const QRect& row) const;
    void paintLinkedAudio(QPainter& p, const QRect& row) const;
    void paintWaveform(QPainter& p, const QRectF& block, const MediaRef& media,
                       FrameNumber firstMediaFrame) const;
    int firstAudioRow() const; // -1 without an audio track
    void paintSelectionAndPlayhead(QPainter& p) const;
    FrameNumber rulerStep(FrameNumber* minorStep) const;

    EditorState* state_;
    QPointer<Document> document_;
    QScrollBar* scroll_;
    double pixelsPerFrame_ = 4.0;
    bool fitOnNextResize_ = true;
    Drag drag_ = Drag::None;
    QPoint pressPos_;
    FrameNumber pressFrame_ = 0;
    QVector<TimelineMarker> markers_; // of the project, kept as it changes
    WaveformCache* waveforms_;
};

} // namespace retake::gui
