#pragma once

// Camera > Add Move…: a move preset (pan, tilt, dolly, truck, pedestal,
// crane, zoom, dolly zoom, orbit, focus pull) written as camera keys by
// camera/motion.h's withMove — the function `retake-cli camera --move` uses —
// and handheld motion (a preset with a seed and optional amplitude and
// frequency overrides). OK commits both as one Document::setCamera (one undo
// step); a refused move shows the model's message and keeps the dialog open.
// Frames in the dialog are the shot's own (0 = its first frame).

#include "camera/motion.h"
#include "document/document.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace retake::gui {

class CameraMoveDialog : public QDialog {
    Q_OBJECT
public:
    CameraMoveDialog(Document* document, const Id& shotId, QWidget* parent = nullptr);

    QGroupBox* moveGroup() const { return moveBox_; }
    QComboBox* kindCombo() const { return kind_; }
    QSpinBox* startSpin() const { return start_; }
    QSpinBox* endSpin() const { return end_; }
    QDoubleSpinBox* amountSpin() const { return amount_; }
    QDoubleSpinBox* subjectDistanceSpin() const { return subject_; }
    QComboBox* easingCombo() const { return easing_; }
    QGroupBox* handheldGroup() const { return handheldBox_; }
    QComboBox* handheldPresetCombo() const { return handheld_; }
    QSpinBox* seedSpin() const { return seed_; }
    // Overrides; the special value (the minimum) keeps the preset's figure.
    QDoubleSpinBox* rotationSpin() const { return rotation_; }
    QDoubleSpinBox* positionSpin() const { return position_; }
    QDoubleSpinBox* bandLowSpin() const { return bandLow_; }
    QDoubleSpinBox* bandHighSpin() const { return bandHigh_; }
    QLabel* problemLabel() const { return problem_; }

    // The shot's camera with the move and the handheld motion as chosen.
    // Throws Error(Usage) with the model's message for an impossible move.
    Camera result() const;
    // Commits result() (one undo step); false, with the message shown, when
    // the model refuses.
    bool apply();
    void accept() override;

private:
    void kindChanged();

    QPointer<Document> document_;
    Id shotId_;
    QGroupBox* moveBox_;
    QComboBox* kind_;
    QSpinBox* start_;
    QSpinBox* end_;
    QDoubleSpinBox* amount_;
    QDoubleSpinBox* subject_;
    QComboBox* easing_;
    QGroupBox* handheldBox_;
    QComboBox* handheld_;
    QSpinBox* seed_;
    QDoubleSpinBox* rotation_;
    QDoubleSpinBox* position_;
    QDoubleSpinBox* bandLow_;
    QDoubleSpinBox* bandHigh_;
    QLabel* problem_;
};

} // namespace retake::gui
