#pragma once

// File > Export…: every delivery `retake-cli export` and `retake-cli otio`
// make, from one dialog — graded footage (ProRes, DNxHR, H.264, H.265 with
// audio), OpenEXR sequences (half/float, compression, depth layout), depth
// maps, the shot camera (.usda, .chan, Blender .py) and the timeline (.otio)
// — over the whole timeline, the In/Out selection or the selected shot.
//
// The dialog only collects an ExportPlan from its widgets; the checks are the
// exporters' own (checkExport, checkDepthExport, readCdl, writeCameraFile),
// run before the dialog closes so a bad LUT, an unknown colour space or a
// shot without depth is shown in the dialog with editor/'s message and
// nothing is written. The last choices are kept in QSettings ("export/...").

#include "dialogs/exportplan.h"
#include "export/exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace retake {
class JobQueue;
} // namespace retake

namespace retake {
class Document;
} // namespace retake

namespace retake::gui {

class EditorState;
class ModelFileField;

enum class ExportScope { WholeTimeline, Selection, SelectedShot };
enum class ExportLook { None, LutFile, CdlFile, CdlValues };
enum class ExportOutput { ColourSpace, DisplayView };

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const Project& project, const EditorState& state, const QString& projectPath,
                 QWidget* parent = nullptr);

    // The plan the widgets describe. Throws Error for what cannot be planned
    // (no selection, no shot, an unreadable CDL file, no output name).
    ExportPlan plan() const;
    // Checks the plan as the exporters will (nothing is written); throws Error.
    void check(const ExportPlan& plan) const;
    // Validates; on an error stays open and shows the message. Asks before
    // replacing files that exist (the project's own media are refused).
    void accept() override;

    QComboBox* kindCombo() const { return kind_; }
    QComboBox* scopeCombo() const { return scope_; }
    QLineEdit* outputEdit() const { return output_; }
    QComboBox* codecCombo() const { return codec_; }
    QCheckBox* audioCheck() const { return audio_; }
    QCheckBox* fullRangeCheck() const { return fullRange_; }
    QLabel* deliveryTagsLabel() const { return deliveryTags_; }
    QGroupBox* colourBox() const { return colour_; }
    QComboBox* workingSpaceCombo() const { return workingSpace_; }
    QComboBox* lookCombo() const { return look_; }
    QLineEdit* lutEdit() const { return lut_; }
    QLineEdit* cdlEdit() const { return cdlFile_; }
    // The correction of a CDL collection (.ccc, or a .cdl of several).
    QComboBox* cdlCorrectionCombo() const { return cdlCorrection_; }
    // 0-2 slope, 3-5 offset, 6-8 power (R, G, B), 9 saturation.
    QDoubleSpinBox* cdlSpin(int index) const { return cdl_[index]; }
    QComboBox* outputModeCombo() const { return outputMode_; }
    QComboBox* outputSpaceCombo() const { return outputSpace_; }
    QComboBox* displayCombo() const { return display_; }
    QComboBox* viewCombo() const { return view_; }
    QComboBox* exrTypeCombo() const { return exrType_; }
    QComboBox* exrCompressionCombo() const { return exrCompression_; }
    QComboBox* exrDepthCombo() const { return exrDepth_; }
    QCheckBox* provenanceCheck() const { return provenance_; }
    QCheckBox* signCheck() const { return sign_; }
    QComboBox* depthFormatCombo() const { return depthFormat_; }
    QSpinBox* firstFileNumberSpin() const { return firstFileNumber_; }
    QSpinBox* cameraFirstFrameSpin() const { return cameraFirstFrame_; }
    QDoubleSpinBox* previewNearSpin() const { return previewNear_; }
    QDoubleSpinBox* previewFarSpin() const { return previewFar_; }
    QLineEdit* depthModelEdit() const;
    ModelFileField* depthModelField() const { return depthModel_; }
    QComboBox* cameraFormatCombo() const { return cameraFormat_; }
    QComboBox* timelineFormatCombo() const { return timelineFormat_; }
    QLabel* errorLabel() const { return error_; }
    // "Send to Farm…" (footage and EXR, when Slurm is here): the dialog was
    // accepted with it.
    QPushButton* farmButton() const { return farm_; }
    bool sendToFarm() const { return sendToFarm_; }

private:
    // Asks whether to replace the plan's existing files; true to go on.
    bool confirmReplacing(const ExportPlan& plan);
    QWidget* createGeneral();
    QWidget* createFootage();
    QWidget* createColour();
    QWidget* createFiles();
    void fillViews();
    void kindChanged();
    void lookChanged();
    void listCdlCorrections();
    // The colour tags the movie will carry, as the exporter decides them.
    void updateDeliveryTags();
    void browseOutput();
    // The output name with the extension and frame number the kind needs.
    QString conformedOutput(const QString& path) const;
    QString outputSuffix() const;
    void restoreSettings();
    void saveSettings() const;
    ExportColour colourRequest() const;
    // The shot the scope "selected shot" (and a camera) means: the selected
    // shot, else the one at the playhead.
    const Shot* targetShot() const;

    const Project& project_;
    const EditorState& state_;
    QString projectPath_;
    QString ocioConfig_;
    QString replaceConfirmed_; // the output the user agreed to replace
    QComboBox* kind_;
    QComboBox* scope_;
    QLineEdit* output_;
    QPushButton* browse_;
    QGroupBox* footage_;
    QComboBox* codec_;
    QCheckBox* audio_;
    QCheckBox* fullRange_;
    QLabel* deliveryTags_;
    QGroupBox* colour_;
    QComboBox* workingSpace_;
    QComboBox* look_;
    QLineEdit* lut_;
    QComboBox* cdlCorrection_;
    QLineEdit* cdlFile_;
    QWidget* cdlValues_;
    QDoubleSpinBox* cdl_[10];
    QComboBox* outputMode_;
    QComboBox* outputSpace_;
    QComboBox* display_;
    QComboBox* view_;
    QGroupBox* exr_;
    QComboBox* exrType_;
    QComboBox* exrCompression_;
    QComboBox* exrDepth_;
    QSpinBox* firstFileNumber_;
    QSpinBox* cameraFirstFrame_;
    QDoubleSpinBox* previewNear_;
    QDoubleSpinBox* previewFar_;
    QCheckBox* provenance_;
    QCheckBox* sign_; // Content Credentials with the signer set in Settings
    QGroupBox* depth_;
    QComboBox* depthFormat_;
    ModelFileField* depthModel_;
    QGroupBox* camera_;
    QComboBox* cameraFormat_;
    QGroupBox* timeline_;
    QComboBox* timelineFormat_;
    QLabel* error_;
    QPushButton* farm_;
    bool farmOffered_ = false; // sbatch is on PATH
    bool sendToFarm_ = false;
};

// What File > Export… does: asks with the dialog and starts the export.
// Returns the job ID or 0; `status` says what happened (empty when cancelled).
// Throws Error when a camera or timeline file cannot be written.
// `document` (optional): the open project, saved before a farm export (the
// farm's nodes read the file).
int runExportDialog(QWidget* parent, const Project& project, const EditorState& state,
                    const QString& projectPath, JobQueue* jobs, QString* status,
                    Document* document = nullptr);

} // namespace retake::gui
