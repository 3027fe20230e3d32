#pragma once

// The inspector's Camera section: lens and filmback (presets, sensor fit,
// lens shift, anamorphic squeeze, distortion, vignette, aperture blades),
// focus, f-stop and shutter, the depth of field, the shot size the lens gives
// at the focus distance and the distance that frames a chosen size (the
// solver `retake-cli camera --solve-size` uses), and the list of camera keys. Each change is one
// Document::setCamera (one undo step); the document validates, and a refused
// value shows the model's message under the fields (and through editFailed())
// while the fields go back to the model's values.

#include "camera/lens.h"
#include "document/document.h"

#include <QGroupBox>
#include <QPointer>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace retake::gui {

class DepthOfFieldLabel;
class EditorState;

class CameraInspector : public QGroupBox {
    Q_OBJECT
public:
    explicit CameraInspector(EditorState* state, QWidget* parent = nullptr);
    void setDocument(Document* document);

    QDoubleSpinBox* focalLengthSpin() const { return focal_; }
    QComboBox* filmbackPresetCombo() const { return preset_; }
    QDoubleSpinBox* filmbackWidthSpin() const { return filmbackWidth_; }
    QDoubleSpinBox* filmbackHeightSpin() const { return filmbackHeight_; }
    QComboBox* sensorFitCombo() const { return sensorFit_; }
    QDoubleSpinBox* shiftXSpin() const { return shiftX_; }
    QDoubleSpinBox* shiftYSpin() const { return shiftY_; }
    QComboBox* squeezeCombo() const { return squeeze_; }
    QDoubleSpinBox* k1Spin() const { return k1_; }
    QDoubleSpinBox* k2Spin() const { return k2_; }
    QDoubleSpinBox* vignetteSpin() const { return vignette_; }
    QSpinBox* bladesSpin() const { return blades_; }
    QDoubleSpinBox* focusDistanceSpin() const { return focus_; }
    QDoubleSpinBox* fStopSpin() const { return fStop_; }
    QDoubleSpinBox* shutterAngleSpin() const { return shutter_; }
    DepthOfFieldLabel* depthOfFieldLabel() const { return dof_; }
    QLabel* shotSizeLabel() const { return shotSize_; }
    // The solver: the distance that frames the chosen size of a subject.
    QComboBox* solveSizeCombo() const { return solveSize_; }
    QDoubleSpinBox* subjectHeightSpin() const { return subjectHeight_; }
    QLabel* solvedDistanceLabel() const { return solved_; }
    QPushButton* moveToFrameButton() const { return moveToFrame_; }
    QLabel* problemLabel() const { return problem_; }
    QTreeWidget* keyList() const { return keys_; }

    // Removes the key of the selected row (the Delete key does this).
    void removeSelectedKey();
    // "medium shot", "close-up", ... in the interface language.
    static QString shotSizeName(ShotSize size);

Q_SIGNALS:
    void editFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QDoubleSpinBox* addSpin(double minimum, double maximum, int decimals, const QString& suffix,
                            const QString& toolTip);
    QComboBox* addCombo(const QString& toolTip);
    void refresh();
    void solve();
    void moveToFrame();
    void commit();
    void choosePreset();
    // Runs Document::setCamera; on refusal shows the model's message.
    void apply(const Camera& camera);
    const Shot* shot() const;

    EditorState* state_;
    QPointer<Document> document_;
    QDoubleSpinBox* focal_;
    QComboBox* preset_;
    QDoubleSpinBox* filmbackWidth_;
    QDoubleSpinBox* filmbackHeight_;
    QComboBox* sensorFit_;
    QDoubleSpinBox* shiftX_;
    QDoubleSpinBox* shiftY_;
    QComboBox* squeeze_;
    QDoubleSpinBox* k1_;
    QDoubleSpinBox* k2_;
    QDoubleSpinBox* vignette_;
    QSpinBox* blades_;
    QDoubleSpinBox* focus_;
    QDoubleSpinBox* fStop_;
    QDoubleSpinBox* shutter_;
    DepthOfFieldLabel* dof_;
    QLabel* shotSize_;
    QComboBox* solveSize_;
    QDoubleSpinBox* subjectHeight_;
    QLabel* solved_;
    QPushButton* moveToFrame_;
    QLabel* problem_;
    QTreeWidget* keys_;
};

} // namespace retake::gui
