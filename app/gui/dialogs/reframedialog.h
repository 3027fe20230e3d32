#pragma once

// Edit > Reframe…: a virtual camera move on the selected shot's pictures
// (camera/reframe.h) — zoom or a new focal length, pan, tilt and roll as a
// turn of the camera, added handheld, and with depth a 2.5D camera move — run as a job
// whose take is recorded through Document::addTake, as `retake-cli reframe`
// does. The dialog only collects the request; reframe() validates it.

#include "camera/reframe.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QRadioButton;
class QSpinBox;

namespace retake {
class Document;
class JobQueue;
} // namespace retake

namespace retake::gui {

class EditorState;

class ReframeDialog : public QDialog {
    Q_OBJECT
public:
    // `range`: media frames of `shot` to reframe; `engine` carries the fill
    // engine, its parameters, seed and device (the inspector's settings).
    ReframeDialog(const Project& project, const Shot& shot, FrameRange range,
                  const RegenRequest& engine, QWidget* parent = nullptr);

    ReframeRequest request() const;

    QRadioButton* zoomMode() const { return zoomMode_; }
    QRadioButton* focalMode() const { return focalMode_; }
    QDoubleSpinBox* zoomSpin() const { return zoom_; }
    QDoubleSpinBox* focalSpin() const { return focal_; }
    QDoubleSpinBox* panSpin() const { return pan_; }
    QDoubleSpinBox* tiltSpin() const { return tilt_; }
    QDoubleSpinBox* rollSpin() const { return roll_; }
    QComboBox* handheldCombo() const { return handheld_; }
    QSpinBox* seedSpin() const { return seed_; }
    QRadioButton* flatMode() const { return flat_; }
    QRadioButton* depthMode() const { return depth_; }
    QDoubleSpinBox* moveSpin(int axis) const { return move_[axis]; }

private:
    void updateEnabled();

    ReframeRequest base_;
    double shotFocalMm_;
    QRadioButton* zoomMode_;
    QRadioButton* focalMode_;
    QDoubleSpinBox* zoom_;
    QDoubleSpinBox* focal_;
    QDoubleSpinBox* pan_;
    QDoubleSpinBox* tilt_;
    QDoubleSpinBox* roll_;
    QComboBox* handheld_;
    QSpinBox* seed_;
    QRadioButton* flat_;
    QRadioButton* depth_;
    QDoubleSpinBox* move_[3];
    QLabel* depthNote_;
};

// What Edit > Reframe… does: the selected shot (else the one at the
// playhead), over the In/Out selection inside it (else the whole shot);
// asks with the dialog and queues the job. Returns the job ID, or 0 with
// `status` saying why nothing was queued (empty when the user cancelled).
int reframeWithDialog(QWidget* parent, Document* document, const EditorState& state, JobQueue* jobs,
                      const RegenRequest& engine, QString* status);

} // namespace retake::gui
