#pragma once

// The selected shot's text, camera (camerainspector.h) and blocking scene.
// Each field commits when its edit is finished, through Document::setShotText
// or Document::setCamera (one undo step each). The document validates; a refused value is reported
// through editFailed() and the field goes back to the model's value.

#include "document/document.h"
#include "inspector/camerainspector.h"
#include "model/project.h"
#include "regen/regenerate.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QLineEdit;
class QStackedWidget;

namespace retake::gui {

class BlockingInspector;
class CommitTextEdit;
class ModelFileField;
class ColourInspector;
class TakesInspector;
class EditorState;

class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWidget(EditorState* state, QWidget* parent = nullptr);

    void setDocument(Document* document);

    QLineEdit* nameEdit() const { return name_; }
    CommitTextEdit* promptEdit() const { return prompt_; }
    QLabel* promptReaderLabel() const { return promptReader_; }
    CommitTextEdit* notesEdit() const { return notes_; }
    CameraInspector* cameraSection() const { return camera_; }
    QDoubleSpinBox* focalLengthSpin() const { return camera_->focalLengthSpin(); }
    QDoubleSpinBox* filmbackWidthSpin() const { return camera_->filmbackWidthSpin(); }
    QDoubleSpinBox* filmbackHeightSpin() const { return camera_->filmbackHeightSpin(); }
    QDoubleSpinBox* focusDistanceSpin() const { return camera_->focusDistanceSpin(); }
    QDoubleSpinBox* fStopSpin() const { return camera_->fStopSpin(); }
    QDoubleSpinBox* shutterAngleSpin() const { return camera_->shutterAngleSpin(); }
    QComboBox* engineCombo() const { return engine_; }
    QSpinBox* seedSpin() const { return seed_; }
    QLineEdit* parametersEdit() const { return parameters_; }
    // The model engine's file (shown while that engine is chosen).
    ModelFileField* modelField() const { return model_; }
    // A clean plate for the fill, optionally pinned to a tracked shape.
    QLineEdit* plateEdit() const { return plate_; }
    QComboBox* plateFollowsCombo() const { return plateFollows_; }
    QSpinBox* plateFrameSpin() const { return plateFrame_; }
    TakesInspector* takes() const { return takes_; }
    BlockingInspector* blockingSection() const { return blocking_; }
    DepthOfFieldLabel* depthOfFieldLabel() const { return camera_->depthOfFieldLabel(); }

    // What "Regenerate range" runs with: the engine, its parameters and the
    // seed chosen here, the device from the settings. Shot, range and prompt
    // are the caller's. Empty, with `error` set, when the parameters do not
    // parse.
    std::optional<RegenRequest> regenerationSettings(QString* error) const;
    // "strength=0.5 radius=12" (or comma-separated) -> {strength: 0.5, radius: 12}.
    static std::optional<QMap<QString, QString>> parseParameters(const QString& text,
                                                                 QString* error);

Q_SIGNALS:
    void editFailed(const QString& message);

private:
    void refresh();
    void commitText();
    void showWhoReadsThePrompt(const QString& engine);
    void listPlateShapes();
    const Shot* shot() const;

    EditorState* state_;
    QPointer<Document> document_;
    QStackedWidget* pages_;
    QLabel* media_;
    QLabel* promptReader_;
    QLineEdit* name_;
    CommitTextEdit* prompt_;
    CommitTextEdit* notes_;
    CameraInspector* camera_;
    QComboBox* engine_;
    QSpinBox* seed_;
    QLineEdit* parameters_;
    ModelFileField* model_;
    QLabel* modelLabel_;
    QLineEdit* plate_;
    QComboBox* plateFollows_;
    QSpinBox* plateFrame_;
    // What the last Check said of the chosen model's prompt (a package
    // takes none); true until a check says otherwise.
    bool modelTakesPrompt_ = true;
    BlockingInspector* blocking_;
    ColourInspector* colour_;
    TakesInspector* takes_;
};

} // namespace retake::gui
