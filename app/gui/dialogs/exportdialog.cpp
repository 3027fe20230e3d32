// The export dialog: its widgets and remembered choices, the plan they make
// (exportplan.h), checked by the exporters before the dialog closes.
//
// Over 600 lines: one class whose form has four pages (general, footage,
// colour, files) and one plan() reading all of them; splitting the pages from
// the plan would only pass every widget across a new interface.
#include "dialogs/exportdialog.h"

#include "common/editorstate.h"
#include "common/modelfilefield.h"
#include "common/timelinemapping.h"
#include "core/error.h"
#include "dialogs/farmdialog.h"
#include "dialogs/settingsdialog.h"
#include "document/document.h"
#include "export/outputguard.h"
#include "farm/slurm.h"
#include "jobs/jobqueue.h"
#include "ocio/colourpipeline.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace retake::gui {

namespace {

QString key(const char* name) {
    return QStringLiteral("export/") + QLatin1String(name);
}

// Selects the item with `value`; a remembered value the list lacks (a colour
// space of another OCIO config) is kept as its own item, so the check names it
// instead of silently exporting something else.
void selectData(QComboBox* combo, const QVariant& value, bool keepMissing = false) {
    if (!value.isValid())
        return;
    // By text: QSettings gives back strings for the numbers it was given.
    int index = -1;
    for (int i = 0; i < combo->count() && index < 0; ++i)
        if (combo->itemData(i).toString() == value.toString())
            index = i;
    if (index < 0 && keepMissing && !value.toString().isEmpty()) {
        combo->addItem(ExportDialog::tr("%1 (not in this config)").arg(value.toString()), value);
        index = combo->count() - 1;
    }
    if (index >= 0)
        combo->setCurrentIndex(index);
}

// A line edit with a "Browse…" button beside it.
QWidget* withBrowse(QLineEdit* edit, QPushButton* button) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

ExportDialog::ExportDialog(const Project& project, const EditorState& state,
                           const QString& projectPath, QWidget* parent)
    : QDialog(parent)
    , project_(project)
    , state_(state)
    , projectPath_(projectPath)
    , ocioConfig_(QSettings().value(QStringLiteral("color/ocioConfig")).toString()) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createGeneral());
    layout->addWidget(createFootage());
    layout->addWidget(createColour());
    layout->addWidget(createFiles());
    layout->addStretch(1); // room left by the hidden groups goes below them
    error_ = new QLabel;
    error_->setObjectName(QStringLiteral("exportError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("color: #d04040;"));
    error_->hide();
    layout->addWidget(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    farm_ = buttons->addButton(tr("Send to Farm…"), QDialogButtonBox::ActionRole);
    farm_->setObjectName(QStringLiteral("exportSendToFarm"));
    farmOffered_ = slurmAvailable();
    farm_->setVisible(farmOffered_);
    farm_->setToolTip(tr("Export on the render farm (Slurm), in parts of frames; the Jobs panel "
                         "follows it."));
    connect(farm_, &QPushButton::clicked, this, [this] {
        sendToFarm_ = true;
        accept();
        if (result() != QDialog::Accepted)
            sendToFarm_ = false;
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    restoreSettings();
    connect(kind_, &QComboBox::currentIndexChanged, this, &ExportDialog::kindChanged);
    connect(codec_, &QComboBox::currentIndexChanged, this,
            [this] { output_->setText(conformedOutput(output_->text())); });
    connect(depthFormat_, &QComboBox::currentIndexChanged, this, [this] {
        output_->setText(conformedOutput(output_->text()));
        const bool preview =
            depthFormat_->currentData().toString() == toString(DepthMapFormat::Preview8);
        previewNear_->setEnabled(preview);
        previewFar_->setEnabled(preview);
    });
    const bool preview =
        depthFormat_->currentData().toString() == toString(DepthMapFormat::Preview8);
    previewNear_->setEnabled(preview);
    previewFar_->setEnabled(preview);
    connect(cameraFormat_, &QComboBox::currentIndexChanged, this,
            [this] { output_->setText(conformedOutput(output_->text())); });
    connect(timelineFormat_, &QComboBox::currentIndexChanged, this,
            [this] { output_->setText(conformedOutput(output_->text())); });
    connect(output_, &QLineEdit::editingFinished, this,
            [this] { output_->setText(conformedOutput(output_->text())); });
    for (QComboBox* combo : {codec_, scope_, outputMode_, outputSpace_, display_, view_})
        connect(combo, &QComboBox::currentIndexChanged, this, &ExportDialog::updateDeliveryTags);
    connect(fullRange_, &QCheckBox::toggled, this, &ExportDialog::updateDeliveryTags);
    connect(colour_, &QGroupBox::toggled, this, &ExportDialog::updateDeliveryTags);
    kindChanged();
    lookChanged();
    updateDeliveryTags();
}

QWidget* ExportDialog::createGeneral() {
    auto* box = new QWidget;
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    kind_ = new QComboBox;
    kind_->setObjectName(QStringLiteral("exportKind"));
    kind_->addItem(tr("Graded footage (movie)"), int(ExportKind::Footage));
    kind_->addItem(tr("OpenEXR sequence"), int(ExportKind::ExrSequence));
    kind_->addItem(tr("Depth maps"), int(ExportKind::DepthMaps));
    kind_->addItem(tr("Camera"), int(ExportKind::Camera));
    kind_->addItem(tr("Timeline (OpenTimelineIO)"), int(ExportKind::Timeline));
    form->addRow(tr("Export"), kind_);

    scope_ = new QComboBox;
    scope_->setObjectName(QStringLiteral("exportScope"));
    scope_->addItem(tr("Whole timeline"), int(ExportScope::WholeTimeline));
    scope_->addItem(tr("In–Out selection"), int(ExportScope::Selection));
    scope_->addItem(tr("Selected shot"), int(ExportScope::SelectedShot));
    scope_->setToolTip(tr("A camera is always one shot's: the selected shot (else the one at the "
                          "playhead), or the shot where the In–Out selection starts."));
    form->addRow(tr("Frames"), scope_);

    output_ = new QLineEdit;
    output_->setObjectName(QStringLiteral("exportOutput"));
    output_->setToolTip(tr("Sequences need a frame number in the name: #### is replaced by "
                           "1001, 1002, …"));
    browse_ = new QPushButton(tr("Browse…"));
    connect(browse_, &QPushButton::clicked, this, &ExportDialog::browseOutput);
    form->addRow(tr("Output"), withBrowse(output_, browse_));
    provenance_ = new QCheckBox(tr("Write a provenance manifest beside the output"));
    provenance_->setObjectName(QStringLiteral("exportProvenance"));
    provenance_->setToolTip(tr("A JSON sidecar saying where every frame came from: the original "
                               "media, or which take, engine, seed and model."));
    form->addRow(QString(), provenance_);
    sign_ = new QCheckBox(tr("Sign with Content Credentials (C2PA)"));
    sign_->setObjectName(QStringLiteral("exportSign"));
    const bool signer = credentialSignerSetting().has_value();
    sign_->setEnabled(signer);
    sign_->setToolTip(
        signer ? tr("A signed record inside the file (.mp4, .mov, .png, .jpg) of what was "
                    "generated, by what, from which sources, that other tools can check.")
               : tr("Set a signing certificate and key in Settings first."));
    form->addRow(QString(), sign_);
    return box;
}

QWidget* ExportDialog::createFootage() {
    footage_ = new QGroupBox(tr("Movie"));
    auto* form = new QFormLayout(footage_);
    codec_ = new QComboBox;
    codec_->setObjectName(QStringLiteral("exportCodec"));
    codec_->addItem(tr("ProRes 422 HQ (10-bit, .mov)"), toString(VideoCodec::ProRes422HQ));
    codec_->addItem(tr("ProRes 4444 (10-bit, .mov)"), toString(VideoCodec::ProRes4444));
    codec_->addItem(tr("DNxHR HQ (8-bit, .mov)"), toString(VideoCodec::DNxHRHQ));
    codec_->addItem(tr("DNxHR HQX (10-bit, .mov)"), toString(VideoCodec::DNxHRHQX));
    codec_->addItem(tr("H.264 (.mp4)"), toString(VideoCodec::H264));
    codec_->addItem(tr("H.265 (.mp4, 10-bit from deeper sources)"), toString(VideoCodec::H265));
    form->addRow(tr("Codec"), codec_);
    audio_ = new QCheckBox(tr("Include the audio"));
    audio_->setObjectName(QStringLiteral("exportAudio"));
    form->addRow(QString(), audio_);
    fullRange_ = new QCheckBox(tr("Full range"));
    fullRange_->setObjectName(QStringLiteral("exportFullRange"));
    fullRange_->setToolTip(tr("Full-range YUV instead of limited (video) range. Delivery "
                              "specifications, broadcast and web players expect limited range; "
                              "ProRes is always limited."));
    form->addRow(QString(), fullRange_);
    // What players will read from the file: computed by the exporter's own
    // rule (export/deliverycolour.h), so the dialog cannot promise otherwise.
    deliveryTags_ = new QLabel;
    deliveryTags_->setObjectName(QStringLiteral("exportDeliveryTags"));
    deliveryTags_->setWordWrap(true);
    deliveryTags_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Tags"), deliveryTags_);
    return footage_;
}

QWidget* ExportDialog::createColour() {
    colour_ = new QGroupBox(tr("Colour (OCIO)"));
    colour_->setObjectName(QStringLiteral("exportColour"));
    colour_->setCheckable(true);
    colour_->setToolTip(
        tr("Input colour space (per media, as set in the inspector) → working space → look → "
           "output. Unchecked, frames are written as decoded."));
    auto* form = new QFormLayout(colour_);
    workingSpace_ = new QComboBox;
    workingSpace_->setObjectName(QStringLiteral("exportWorkingSpace"));
    look_ = new QComboBox;
    look_->setObjectName(QStringLiteral("exportLook"));
    look_->addItem(tr("None"), int(ExportLook::None));
    look_->addItem(tr("LUT file"), int(ExportLook::LutFile));
    look_->addItem(tr("CDL file"), int(ExportLook::CdlFile));
    look_->addItem(tr("CDL values"), int(ExportLook::CdlValues));
    lut_ = new QLineEdit;
    lut_->setObjectName(QStringLiteral("exportLut"));
    auto* lutBrowse = new QPushButton(tr("Browse…"));
    connect(lutBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("LUT File"), lut_->text(),
            tr("LUT files (*.cube *.3dl *.csp *.spi1d *.spi3d);;All files (*)"));
        if (!file.isEmpty())
            lut_->setText(file);
    });
    cdlFile_ = new QLineEdit;
    cdlFile_->setObjectName(QStringLiteral("exportCdlFile"));
    auto* cdlBrowse = new QPushButton(tr("Browse…"));
    connect(cdlBrowse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("CDL File"), cdlFile_->text(),
                                         tr("ASC CDL (*.cdl *.cc *.ccc);;All files (*)"));
        if (!file.isEmpty()) {
            cdlFile_->setText(file);
            listCdlCorrections();
        }
    });
    connect(cdlFile_, &QLineEdit::editingFinished, this, &ExportDialog::listCdlCorrections);
    cdlCorrection_ = new QComboBox;
    cdlCorrection_->setObjectName(QStringLiteral("exportCdlCorrection"));
    cdlCorrection_->setToolTip(tr("The correction of the collection to apply (as --cdl-id)."));
    cdlValues_ = new QWidget;
    auto* grid = new QGridLayout(cdlValues_);
    grid->setContentsMargins(0, 0, 0, 0);
    const QString channels[3] = {tr("R"), tr("G"), tr("B")};
    const QString rows[3] = {tr("Slope"), tr("Offset"), tr("Power")};
    for (int c = 0; c < 3; ++c)
        grid->addWidget(new QLabel(channels[c]), 0, c + 1, Qt::AlignHCenter);
    for (int i = 0; i < 10; ++i) {
        auto* spin = new QDoubleSpinBox;
        spin->setObjectName(QStringLiteral("exportCdl%1").arg(i));
        spin->setDecimals(4);
        spin->setSingleStep(0.01);
        const bool offset = i >= 3 && i < 6;
        spin->setRange(offset ? -1.0 : 0.0, offset ? 1.0 : 4.0);
        spin->setValue(offset ? 0.0 : 1.0);
        cdl_[i] = spin;
        if (i < 9)
            grid->addWidget(spin, 1 + i / 3, 1 + i % 3);
    }
    for (int r = 0; r < 3; ++r)
        grid->addWidget(new QLabel(rows[r]), 1 + r, 0);
    grid->addWidget(new QLabel(tr("Saturation")), 4, 0);
    grid->addWidget(cdl_[9], 4, 1);

    outputMode_ = new QComboBox;
    outputMode_->setObjectName(QStringLiteral("exportOutputMode"));
    outputMode_->addItem(tr("Colour space"), int(ExportOutput::ColourSpace));
    outputMode_->addItem(tr("Display and view"), int(ExportOutput::DisplayView));
    outputSpace_ = new QComboBox;
    outputSpace_->setObjectName(QStringLiteral("exportOutputSpace"));
    display_ = new QComboBox;
    display_->setObjectName(QStringLiteral("exportDisplay"));
    view_ = new QComboBox;
    view_->setObjectName(QStringLiteral("exportView"));

    form->addRow(tr("Working space"), workingSpace_);
    form->addRow(tr("Look"), look_);
    form->addRow(tr("LUT"), withBrowse(lut_, lutBrowse));
    form->addRow(tr("CDL"), withBrowse(cdlFile_, cdlBrowse));
    form->addRow(tr("Correction"), cdlCorrection_);
    form->addRow(QString(), cdlValues_);
    form->addRow(tr("Output"), outputMode_);
    form->addRow(tr("Output space"), outputSpace_);
    form->addRow(tr("Display"), display_);
    form->addRow(tr("View"), view_);

    workingSpace_->addItem(tr("Same as input"), QString());
    outputSpace_->addItem(tr("Same as input"), QString());
    try {
        const ColourPipeline pipeline = ColourPipeline::load(ocioConfig_);
        for (const QString& space : pipeline.colourSpaces()) {
            workingSpace_->addItem(space, space);
            outputSpace_->addItem(space, space);
        }
        for (const QString& display : pipeline.displays())
            display_->addItem(display, display);
        selectData(display_, pipeline.defaultDisplay());
    } catch (const Error& e) {
        // The viewer's config does not load: exports go ungraded until it is fixed.
        colour_->setChecked(false);
        colour_->setEnabled(false);
        colour_->setToolTip(e.message());
    }
    fillViews();
    connect(display_, &QComboBox::currentIndexChanged, this, &ExportDialog::fillViews);
    connect(look_, &QComboBox::currentIndexChanged, this, &ExportDialog::lookChanged);
    connect(outputMode_, &QComboBox::currentIndexChanged, this, &ExportDialog::lookChanged);
    return colour_;
}

QWidget* ExportDialog::createFiles() {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    exr_ = new QGroupBox(tr("OpenEXR"));
    auto* exrForm = new QFormLayout(exr_);
    exrType_ = new QComboBox;
    exrType_->setObjectName(QStringLiteral("exportExrType"));
    exrType_->addItem(tr("Half float (16-bit)"), int(ExrPixelType::Half));
    exrType_->addItem(tr("Float (32-bit)"), int(ExrPixelType::Float));
    exrCompression_ = new QComboBox;
    exrCompression_->setObjectName(QStringLiteral("exportExrCompression"));
    exrCompression_->addItem(tr("ZIP (lossless)"), int(ExrCompression::Zip));
    exrCompression_->addItem(tr("PIZ (lossless)"), int(ExrCompression::Piz));
    exrCompression_->addItem(tr("DWAA (lossy, small)"), int(ExrCompression::Dwaa));
    exrCompression_->addItem(tr("None"), int(ExrCompression::None));
    exrDepth_ = new QComboBox;
    exrDepth_->setObjectName(QStringLiteral("exportExrDepth"));
    exrDepth_->addItem(tr("No depth"), 0);
    exrDepth_->addItem(tr("Single part: R, G, B, A, Z"), 1);
    exrDepth_->addItem(tr("Blender layers: ViewLayer.Combined, ViewLayer.Depth.Z"), 2);
    exrDepth_->setToolTip(tr("Depth is written where the picture has it (EXR media with depth, "
                             "blocking renders)."));
    exrForm->addRow(tr("Samples"), exrType_);
    exrForm->addRow(tr("Compression"), exrCompression_);
    exrForm->addRow(tr("Depth"), exrDepth_);
    firstFileNumber_ = new QSpinBox;
    firstFileNumber_->setObjectName(QStringLiteral("exportFirstFileNumber"));
    firstFileNumber_->setRange(0, 99999999);
    firstFileNumber_->setValue(1001);
    firstFileNumber_->setToolTip(tr("The number of the sequence's first file (1001 by VFX "
                                    "convention)."));
    exrForm->addRow(tr("First file number"), firstFileNumber_);
    layout->addWidget(exr_);

    depth_ = new QGroupBox(tr("Depth maps"));
    auto* depthForm = new QFormLayout(depth_);
    depthFormat_ = new QComboBox;
    depthFormat_->setObjectName(QStringLiteral("exportDepthFormat"));
    depthFormat_->addItem(tr("Float EXR, metres (Z)"), toString(DepthMapFormat::ExrMetres));
    depthFormat_->addItem(tr("16-bit PNG, millimetres"),
                          toString(DepthMapFormat::Png16Millimetres));
    depthFormat_->addItem(tr("8-bit PNG preview, near is white"),
                          toString(DepthMapFormat::Preview8));
    depthFormat_->setToolTip(tr("Depth comes from the depth model when one is given, else the "
                                "media's depth channel, else the shot's blocking scene; a shot "
                                "with none of these cannot be exported."));
    depthForm->addRow(tr("Format"), depthFormat_);
    // The preview's grey ramp: white at near, darkest at far; Auto takes the
    // shot's nearest and farthest depth.
    for (QDoubleSpinBox** spin : {&previewNear_, &previewFar_}) {
        *spin = new QDoubleSpinBox;
        (*spin)->setRange(0, 100000);
        (*spin)->setDecimals(2);
        (*spin)->setSuffix(tr(" m"));
        (*spin)->setSpecialValueText(tr("Auto"));
    }
    previewNear_->setObjectName(QStringLiteral("exportPreviewNear"));
    previewFar_->setObjectName(QStringLiteral("exportPreviewFar"));
    depthForm->addRow(tr("Preview near"), previewNear_);
    depthForm->addRow(tr("Preview far"), previewFar_);
    depthModel_ = new ModelFileField(QStringLiteral("depth"));
    depthModel_->pathEdit()->setObjectName(QStringLiteral("exportDepthModel"));
    depthModel_->pathEdit()->setPlaceholderText(tr("None: the shot's own depth"));
    depthModel_->pathEdit()->setToolTip(
        tr("A depth model of your own (picture in, depth in metres out; an AOTInductor .pt2 "
           "package or TorchScript), run on the device chosen in Settings. docs/models.md "
           "describes the interface."));
    depthForm->addRow(tr("Depth model"), depthModel_);
    layout->addWidget(depth_);

    camera_ = new QGroupBox(tr("Camera"));
    auto* cameraForm = new QFormLayout(camera_);
    cameraFormat_ = new QComboBox;
    cameraFormat_->setObjectName(QStringLiteral("exportCameraFormat"));
    cameraFormat_->addItem(tr("USD (.usda)"), QStringLiteral("usda"));
    cameraFormat_->addItem(tr("Nuke (.chan)"), QStringLiteral("chan"));
    cameraFormat_->addItem(tr("Blender Python script (.py)"), QStringLiteral("py"));
    cameraForm->addRow(tr("Format"), cameraFormat_);
    cameraFirstFrame_ = new QSpinBox;
    cameraFirstFrame_->setObjectName(QStringLiteral("exportCameraFirstFrame"));
    cameraFirstFrame_->setRange(-9999999, 99999999);
    cameraFirstFrame_->setValue(1);
    cameraFirstFrame_->setToolTip(tr("The frame number the shot's first frame gets in the "
                                     "camera file (1, or 1001 to match a plate's numbering)."));
    cameraForm->addRow(tr("First frame"), cameraFirstFrame_);
    layout->addWidget(camera_);

    timeline_ = new QGroupBox(tr("Timeline"));
    auto* timelineForm = new QFormLayout(timeline_);
    timelineFormat_ = new QComboBox;
    timelineFormat_->setObjectName(QStringLiteral("exportTimelineFormat"));
    timelineFormat_->addItem(tr("Timeline only (.otio)"), QStringLiteral("otio"));
    timelineFormat_->addItem(tr("Bundle with its media (.otioz)"), QStringLiteral("otioz"));
    timelineFormat_->setToolTip(tr("A bundle holds every media file the timeline uses, for "
                                   "handing the edit to someone else; it is written as a job."));
    timelineForm->addRow(tr("Format"), timelineFormat_);
    layout->addWidget(timeline_);
    return box;
}

void ExportDialog::fillViews() {
    const QString previous = view_->currentData().toString();
    view_->clear();
    try {
        const ColourPipeline pipeline = ColourPipeline::load(ocioConfig_);
        const QString display = display_->currentData().toString();
        if (display.isEmpty())
            return;
        for (const QString& view : pipeline.views(display))
            view_->addItem(view, view);
        selectData(view_, pipeline.defaultView(display));
        selectData(view_, previous);
    } catch (const Error&) {
        // Shown on the colour box already (createColour).
    }
}

void ExportDialog::kindChanged() {
    const auto kind = ExportKind(kind_->currentData().toInt());
    footage_->setVisible(kind == ExportKind::Footage);
    colour_->setVisible(kind == ExportKind::Footage || kind == ExportKind::ExrSequence);
    exr_->setVisible(kind == ExportKind::ExrSequence || kind == ExportKind::DepthMaps);
    // A depth map is one float channel: only its compression applies.
    exrType_->setEnabled(kind == ExportKind::ExrSequence);
    exrDepth_->setEnabled(kind == ExportKind::ExrSequence);
    depth_->setVisible(kind == ExportKind::DepthMaps);
    camera_->setVisible(kind == ExportKind::Camera);
    timeline_->setVisible(kind == ExportKind::Timeline);
    provenance_->setVisible(kind == ExportKind::Footage || kind == ExportKind::ExrSequence);
    // EXR has no C2PA binding.
    sign_->setVisible(kind == ExportKind::Footage);
    // The farm splits pictures into parts of frames; the other kinds are a
    // file or a job of their own.
    farm_->setVisible(farmOffered_ &&
                      (kind == ExportKind::Footage || kind == ExportKind::ExrSequence));
    scope_->setEnabled(kind != ExportKind::Timeline);
    output_->setText(conformedOutput(output_->text()));
    error_->hide();
    adjustSize();
}

void ExportDialog::updateDeliveryTags() {
    VideoCodec codec = VideoCodec::ProRes422HQ;
    videoCodecFromString(codec_->currentData().toString(), &codec);
    const bool canBeFull = codecCarriesFullRange(codec);
    fullRange_->setEnabled(canBeFull);
    if (!canBeFull)
        fullRange_->setChecked(false);
    try {
        ExportPlan planned = plan();
        planned.pictures.fullRange = fullRange_->isChecked();
        deliveryTags_->setText(describeDelivery(movieDelivery(project_, planned.pictures)));
    } catch (const Error& e) {
        deliveryTags_->setText(e.message());
    }
}

void ExportDialog::listCdlCorrections() {
    // A file OCIO cannot read lists nothing here; exporting says why.
    const QString chosen = cdlCorrection_->currentText();
    cdlCorrection_->clear();
    const QString file = cdlFile_->text().trimmed();
    if (!file.isEmpty() && QFileInfo(file).isFile()) {
        try {
            cdlCorrection_->addItems(cdlCorrectionIds(file));
        } catch (const Error&) {
        }
    }
    if (const int found = cdlCorrection_->findText(chosen); found >= 0)
        cdlCorrection_->setCurrentIndex(found);
    lookChanged();
}

void ExportDialog::lookChanged() {
    const auto look = ExportLook(look_->currentData().toInt());
    auto* form = static_cast<QFormLayout*>(colour_->layout());
    form->setRowVisible(lut_->parentWidget(), look == ExportLook::LutFile);
    form->setRowVisible(cdlFile_->parentWidget(), look == ExportLook::CdlFile);
    // Only a collection has a choice to make.
    form->setRowVisible(cdlCorrection_, look == ExportLook::CdlFile && cdlCorrection_->count() > 1);
    form->setRowVisible(cdlValues_, look == ExportLook::CdlValues);
    const bool display = outputMode_->currentData().toInt() == int(ExportOutput::DisplayView);
    form->setRowVisible(outputSpace_, !display);
    form->setRowVisible(display_, display);
    form->setRowVisible(view_, display);
}

QString ExportDialog::outputSuffix() const {
    switch (ExportKind(kind_->currentData().toInt())) {
    case ExportKind::Footage: {
        VideoCodec codec = VideoCodec::ProRes422HQ;
        videoCodecFromString(codec_->currentData().toString(), &codec);
        return codec == VideoCodec::H264 || codec == VideoCodec::H265 ? QStringLiteral("mp4")
                                                                      : QStringLiteral("mov");
    }
    case ExportKind::ExrSequence:
        return QStringLiteral("exr");
    case ExportKind::DepthMaps:
        return depthFormat_->currentData().toString() == toString(DepthMapFormat::ExrMetres)
                   ? QStringLiteral("exr")
                   : QStringLiteral("png");
    case ExportKind::Camera:
        return cameraFormat_->currentData().toString();
    case ExportKind::Timeline:
        return timelineFormat_->currentData().toString();
    }
    return {};
}

QString ExportDialog::conformedOutput(const QString& path) const {
    if (path.trimmed().isEmpty())
        return {};
    const QFileInfo info(path.trimmed());
    const auto kind = ExportKind(kind_->currentData().toInt());
    const bool sequence = kind == ExportKind::ExrSequence || kind == ExportKind::DepthMaps;
    QString base = info.completeBaseName();
    static const QString frameNumber = QStringLiteral("_####");
    if (sequence && !isSequenceOutput(base))
        base += frameNumber; // "plate" -> plate_1001.exr, plate_1002.exr, ...
    else if (!sequence && base.endsWith(frameNumber))
        base.chop(frameNumber.size());
    return QDir::cleanPath(info.dir().filePath(base + QLatin1Char('.') + outputSuffix()));
}

void ExportDialog::browseOutput() {
    const QString suffix = outputSuffix();
    const auto kind = ExportKind(kind_->currentData().toInt());
    const bool sequence = kind == ExportKind::ExrSequence || kind == ExportKind::DepthMaps;
    // A sequence is chosen by its first file's name; the frame number is added.
    QString start = output_->text();
    if (sequence)
        start.replace(QStringLiteral("_####"), QString());
    const QString file =
        QFileDialog::getSaveFileName(this, sequence ? tr("Export Sequence As") : tr("Export As"),
                                     start, tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!file.isEmpty())
        output_->setText(conformedOutput(file));
}

void ExportDialog::restoreSettings() {
    QSettings s;
    selectData(kind_, s.value(key("kind")));
    selectData(scope_, s.value(key("scope")));
    selectData(codec_, s.value(key("codec")));
    audio_->setChecked(s.value(key("audio"), true).toBool());
    fullRange_->setChecked(s.value(key("fullRange"), false).toBool());
    provenance_->setChecked(s.value(key("provenance"), true).toBool());
    sign_->setChecked(sign_->isEnabled() && s.value(key("sign"), false).toBool());
    if (colour_->isEnabled())
        colour_->setChecked(s.value(key("grade"), false).toBool());
    selectData(workingSpace_, s.value(key("workingSpace")), true);
    selectData(look_, s.value(key("look")));
    lut_->setText(s.value(key("lut")).toString());
    cdlFile_->setText(s.value(key("cdlFile")).toString());
    listCdlCorrections();
    if (const int found = cdlCorrection_->findText(s.value(key("cdlId")).toString()); found >= 0)
        cdlCorrection_->setCurrentIndex(found);
    const QVariantList values = s.value(key("cdlValues")).toList();
    for (int i = 0; i < 10 && values.size() == 10; ++i)
        cdl_[i]->setValue(values[i].toDouble());
    selectData(outputMode_, s.value(key("outputMode")));
    selectData(outputSpace_, s.value(key("outputSpace")), true);
    selectData(display_, s.value(key("display")), true);
    fillViews();
    selectData(view_, s.value(key("view")), true);
    selectData(exrType_, s.value(key("exrType")));
    selectData(exrCompression_, s.value(key("exrCompression")));
    selectData(exrDepth_, s.value(key("exrDepth")));
    selectData(depthFormat_, s.value(key("depthFormat")));
    firstFileNumber_->setValue(s.value(key("firstFileNumber"), 1001).toInt());
    cameraFirstFrame_->setValue(s.value(key("cameraFirstFrame"), 1).toInt());
    previewNear_->setValue(s.value(key("previewNear"), 0.0).toDouble());
    previewFar_->setValue(s.value(key("previewFar"), 0.0).toDouble());
    depthModel_->setPath(s.value(key("depthModel")).toString());
    selectData(cameraFormat_, s.value(key("cameraFormat")));
    selectData(timelineFormat_, s.value(key("timelineFormat")));

    QString folder = s.value(key("folder")).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = projectPath_.isEmpty() ? QDir::homePath() : QFileInfo(projectPath_).absolutePath();
    QString name = projectPath_.isEmpty() ? project_.name : QFileInfo(projectPath_).baseName();
    if (name.isEmpty())
        name = QStringLiteral("export");
    output_->setText(conformedOutput(QDir(folder).filePath(name)));
}

void ExportDialog::saveSettings() const {
    QSettings s;
    s.setValue(key("kind"), kind_->currentData());
    s.setValue(key("scope"), scope_->currentData());
    s.setValue(key("codec"), codec_->currentData());
    s.setValue(key("audio"), audio_->isChecked());
    s.setValue(key("fullRange"), fullRange_->isChecked());
    s.setValue(key("provenance"), provenance_->isChecked());
    if (sign_->isEnabled())
        s.setValue(key("sign"), sign_->isChecked());
    if (colour_->isEnabled())
        s.setValue(key("grade"), colour_->isChecked());
    s.setValue(key("workingSpace"), workingSpace_->currentData());
    s.setValue(key("look"), look_->currentData());
    s.setValue(key("lut"), lut_->text().trimmed());
    s.setValue(key("cdlFile"), cdlFile_->text().trimmed());
    s.setValue(key("cdlId"), cdlCorrection_->currentText());
    QVariantList values;
    for (const QDoubleSpinBox* spin : cdl_)
        values << spin->value();
    s.setValue(key("cdlValues"), values);
    s.setValue(key("outputMode"), outputMode_->currentData());
    s.setValue(key("outputSpace"), outputSpace_->currentData());
    s.setValue(key("display"), display_->currentData());
    s.setValue(key("view"), view_->currentData());
    s.setValue(key("exrType"), exrType_->currentData());
    s.setValue(key("exrCompression"), exrCompression_->currentData());
    s.setValue(key("exrDepth"), exrDepth_->currentData());
    s.setValue(key("depthFormat"), depthFormat_->currentData());
    s.setValue(key("firstFileNumber"), firstFileNumber_->value());
    s.setValue(key("cameraFirstFrame"), cameraFirstFrame_->value());
    s.setValue(key("previewNear"), previewNear_->value());
    s.setValue(key("previewFar"), previewFar_->value());
    s.setValue(key("depthModel"), depthModel_->path());
    s.setValue(key("cameraFormat"), cameraFormat_->currentData());
    s.setValue(key("timelineFormat"), timelineFormat_->currentData());
    s.setValue(key("folder"), QFileInfo(output_->text().trimmed()).absolutePath());
}

const Shot* ExportDialog::targetShot() const {
    if (const Shot* shot = project_.findShot(state_.selectedShot()))
        return shot;
    const FrameNumber playhead = state_.currentFrame();
    const QVector<ShotSpan> here = shotSpansIn(project_, {playhead, playhead + 1});
    return here.isEmpty() ? nullptr : project_.findShot(here.front().shotId);
}

ExportColour ExportDialog::colourRequest() const {
    ExportColour colour;
    colour.configPath = ocioConfig_;
    // colour.inputSpace stays empty: each media's own (MediaRef::inputSpace).
    colour.grade.workingSpace = workingSpace_->currentData().toString();
    switch (ExportLook(look_->currentData().toInt())) {
    case ExportLook::None:
        break;
    case ExportLook::LutFile:
        colour.grade.lutPath = lut_->text().trimmed();
        if (colour.grade.lutPath.isEmpty())
            throw Error(ErrorKind::Usage, tr("Choose a LUT file for the look, or no look."));
        break;
    case ExportLook::CdlFile:
        if (cdlFile_->text().trimmed().isEmpty())
            throw Error(ErrorKind::Usage, tr("Choose a CDL file for the look, or no look."));
        colour.grade.cdl = readCdl(cdlFile_->text().trimmed(), cdlCorrection_->currentText());
        break;
    case ExportLook::CdlValues: {
        CdlGrade cdl;
        for (int c = 0; c < 3; ++c) {
            cdl.slope[c] = cdl_[c]->value();
            cdl.offset[c] = cdl_[3 + c]->value();
            cdl.power[c] = cdl_[6 + c]->value();
        }
        cdl.saturation = cdl_[9]->value();
        colour.grade.cdl = cdl;
        break;
    }
    }
    if (outputMode_->currentData().toInt() == int(ExportOutput::DisplayView)) {
        colour.grade.display = display_->currentData().toString();
        colour.grade.view = view_->currentData().toString();
        if (colour.grade.display.isEmpty())
            throw Error(ErrorKind::Usage, tr("The OCIO config has no display to write for."));
    } else {
        colour.grade.outputSpace = outputSpace_->currentData().toString();
    }
    return colour;
}

ExportPlan ExportDialog::plan() const {
    ExportPlan plan;
    plan.kind = ExportKind(kind_->currentData().toInt());
    const QString output = output_->text().trimmed();
    if (output.isEmpty())
        throw Error(ErrorKind::Usage, tr("Choose where to write the export."));
    const auto scope = ExportScope(scope_->currentData().toInt());
    std::optional<FrameRange> range;
    Id shotId;
    if (plan.kind != ExportKind::Timeline) {
        if (scope == ExportScope::Selection) {
            if (!state_.hasSelection())
                throw Error(ErrorKind::Usage,
                            tr("Set In (I) and Out (O) around the frames to export, or export "
                               "the whole timeline."));
            range = state_.selection();
        } else if (scope == ExportScope::SelectedShot || plan.kind == ExportKind::Camera) {
            const Shot* shot = targetShot();
            if (!shot)
                throw Error(ErrorKind::Usage, tr("Select a shot to export first."));
            shotId = shot->id;
        }
    }

    switch (plan.kind) {
    case ExportKind::Footage:
    case ExportKind::ExrSequence: {
        ExportRequest& r = plan.pictures;
        r.output = output;
        r.timelineRange = range;
        r.shotId = shotId;
        r.writeManifest = provenance_->isChecked();
        r.overwrite = replaceConfirmed_ == output; // asked in accept()
        if (plan.kind == ExportKind::Footage && sign_->isEnabled() && sign_->isChecked())
            r.credentials = credentialSignerSetting();
        if (plan.kind == ExportKind::Footage) {
            videoCodecFromString(codec_->currentData().toString(), &r.codec);
            r.withAudio = audio_->isChecked();
            r.fullRange = fullRange_->isChecked();
        } else {
            r.imageOptions.exrPixelType = ExrPixelType(exrType_->currentData().toInt());
            r.imageOptions.exrCompression = ExrCompression(exrCompression_->currentData().toInt());
            r.imageOptions.writeDepth = exrDepth_->currentData().toInt() != 0;
            r.imageOptions.exrDepthNaming =
                exrDepth_->currentData().toInt() == 2 ? ExrDepthNaming::Blender : ExrDepthNaming::Z;
            r.firstFileNumber = firstFileNumber_->value();
        }
        if (colour_->isEnabled() && colour_->isChecked())
            r.colour = colourRequest();
        break;
    }
    case ExportKind::DepthMaps: {
        DepthExportRequest& d = plan.depth;
        d.output = output;
        depthMapFormatFromString(depthFormat_->currentData().toString(), &d.format);
        d.timelineRange = range;
        d.shotId = shotId;
        d.exrCompression = ExrCompression(exrCompression_->currentData().toInt());
        d.firstFileNumber = firstFileNumber_->value();
        // Auto is 0 on both; with a far depth, near may be 0 (the camera).
        if (d.format == DepthMapFormat::Preview8) {
            if (previewFar_->value() > 0 || previewNear_->value() > 0)
                d.nearM = previewNear_->value();
            if (previewFar_->value() > 0)
                d.farM = previewFar_->value();
        }
        d.overwrite = replaceConfirmed_ == output;
        d.modelPath = depthModel_->path();
        if (!d.modelPath.isEmpty()) {
            d.source = DepthSource::Model;
            d.device =
                QSettings().value(QStringLiteral("regen/device"), QStringLiteral("cpu")).toString();
        }
        break;
    }
    case ExportKind::Camera: {
        plan.cameraFile = output;
        // The shot under the selection's start, over the selected frames of it.
        const Shot* shot = project_.findShot(shotId);
        FrameRange frames = shot ? shot->source : FrameRange{};
        if (range) {
            const QVector<ShotSpan> spans = shotSpansIn(project_, *range);
            if (spans.isEmpty())
                throw Error(ErrorKind::Usage, tr("The In–Out selection holds no shot."));
            shot = project_.findShot(spans.front().shotId);
            frames = spans.front().media;
        }
        plan.cameraShot = shot->id;
        // As `retake-cli camera --export` bakes it: the project's rate and size.
        plan.camera.frames = frames;
        plan.camera.frameRate = project_.frameRate;
        plan.camera.imageWidth = project_.width;
        plan.camera.imageHeight = project_.height;
        plan.camera.firstOutputFrame = cameraFirstFrame_->value();
        break;
    }
    case ExportKind::Timeline:
        plan.timelineFile = output;
        break;
    }
    return plan;
}

bool ExportDialog::confirmReplacing(const ExportPlan& plan) {
    QStringList targets;
    switch (plan.kind) {
    case ExportKind::Footage:
    case ExportKind::ExrSequence:
        targets = exportTargets(project_, plan.pictures);
        break;
    case ExportKind::DepthMaps:
        targets = depthExportTargets(project_, plan.depth);
        break;
    case ExportKind::Camera:
    case ExportKind::Timeline:
        targets << plan.output();
        break;
    }
    // The project's own media are refused outright, never offered.
    checkOutputTargets(project_, targets, true);
    const QStringList existing = existingTargets(targets);
    if (existing.isEmpty() || replaceConfirmed_ == plan.output())
        return true;
    const QString first = QDir::toNativeSeparators(existing.first());
    const QString question =
        existing.size() == 1
            ? tr("%1 already exists. Replace it?").arg(first)
            : tr("%1 files of this export already exist, %2 among them. Replace them?")
                  .arg(existing.size())
                  .arg(first);
    if (QMessageBox::question(this, tr("Replace Files"), question,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    replaceConfirmed_ = plan.output();
    return true;
}

void ExportDialog::check(const ExportPlan& plan) const {
    switch (plan.kind) {
    case ExportKind::Footage:
    case ExportKind::ExrSequence:
        checkExport(project_, plan.pictures);
        break;
    case ExportKind::DepthMaps:
        checkDepthExport(project_, plan.depth);
        break;
    case ExportKind::Camera:
        if (plan.camera.frames.isEmpty())
            throw Error(ErrorKind::Usage, tr("Nothing to export: the range holds no frames."));
        [[fallthrough]];
    case ExportKind::Timeline:
        // Written at once when the dialog closes: its folder must be there.
        if (const QDir dir = QFileInfo(plan.output()).absoluteDir(); !dir.exists())
            throwOutputError(dir.absolutePath(), tr("the folder does not exist"));
        break;
    }
}

void ExportDialog::accept() {
    // A typed name gets the kind's extension and, for a sequence, a frame number.
    output_->setText(conformedOutput(output_->text()));
    try {
        if (!confirmReplacing(plan()))
            return;
        check(plan()); // now with the user's answer (ExportRequest::overwrite)
    } catch (const Error& e) {
        error_->setText(e.message());
        error_->show();
        return;
    }
    error_->hide();
    saveSettings();
    QDialog::accept();
}

int runExportDialog(QWidget* parent, const Project& project, const EditorState& state,
                    const QString& projectPath, JobQueue* jobs, QString* status,
                    Document* document) {
    ExportDialog dialog(project, state, projectPath, parent);
    if (dialog.exec() != QDialog::Accepted) {
        status->clear();
        return 0;
    }
    const ExportPlan plan = dialog.plan(); // checked by accept()
    const QString shown = QDir::toNativeSeparators(plan.output());
    if (dialog.sendToFarm()) {
        if (!document || document->filePath().isEmpty())
            throw Error(ErrorKind::Usage,
                        ExportDialog::tr("Save the project first: the farm's nodes read it."));
        FarmDialog farm(parent, FarmDialog::Split::Frames);
        if (farm.exec() != QDialog::Accepted) {
            status->clear();
            return 0;
        }
        document->save();
        const int id = jobs->addFarmExport(
            document->project(), document->filePath(), document->cacheDir(), plan.pictures,
            farm.slurmOptions(), farm.tasksSplit(), ExportDialog::tr("Farm: export %1").arg(shown));
        *status = ExportDialog::tr("Exporting %1 on the farm.").arg(shown);
        return id;
    }
    QStringList notes;
    const int id = startExport(plan, project, jobs, nullptr, &notes);
    *status = id ? ExportDialog::tr("Exporting %1 in the background.").arg(shown)
                 : ExportDialog::tr("Wrote %1.").arg(shown);
    if (!notes.isEmpty()) {
        // Import settings must stay readable while the user sets them in
        // the other program: a window, not a passing status message; not
        // modal, so Retake stays usable meanwhile.
        auto* box = new QMessageBox(
            QMessageBox::Information,
            ExportDialog::tr("Importing %1").arg(QFileInfo(plan.output()).fileName()),
            notes.join(QStringLiteral("\n\n")), QMessageBox::Ok, parent);
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return id;
}

QLineEdit* ExportDialog::depthModelEdit() const {
    return depthModel_->pathEdit();
}

} // namespace retake::gui
