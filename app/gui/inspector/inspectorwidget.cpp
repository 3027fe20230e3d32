#include "inspector/inspectorwidget.h"

#include "common/editorstate.h"
#include "common/modelfilefield.h"
#include "core/error.h"
#include "core/timecode.h"
#include "document/document.h"
#include "inspector/blockinginspector.h"
#include "inspector/colourinspector.h"
#include "inspector/committextedit.h"
#include "inspector/takesinspector.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

namespace retake::gui {

InspectorWidget::InspectorWidget(EditorState* state, QWidget* parent)
    : QWidget(parent)
    , state_(state)
    , pages_(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("inspector"));
    auto* empty = new QLabel(tr("Select a shot in the storyboard or timeline."));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    pages_->addWidget(empty);

    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* shotBox = new QGroupBox(tr("Shot"));
    auto* shotForm = new QFormLayout(shotBox);
    media_ = new QLabel;
    media_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    media_->setWordWrap(true);
    name_ = new QLineEdit;
    prompt_ = new CommitTextEdit;
    prompt_->setPlaceholderText(tr("What the regenerated frames should show"));
    prompt_->setTabChangesFocus(true);
    prompt_->setFixedHeight(prompt_->fontMetrics().height() * 4 + 12);
    notes_ = new CommitTextEdit;
    notes_->setTabChangesFocus(true);
    notes_->setFixedHeight(prompt_->height());
    shotForm->addRow(tr("Name"), name_);
    shotForm->addRow(tr("Media"), media_);
    shotForm->addRow(tr("Prompt"), prompt_);
    // Which engine reads the prompt (the Regeneration box's engine).
    promptReader_ = new QLabel;
    promptReader_->setObjectName(QStringLiteral("promptReader"));
    promptReader_->setWordWrap(true);
    promptReader_->setForegroundRole(QPalette::PlaceholderText);
    shotForm->addRow(QString(), promptReader_);
    shotForm->addRow(tr("Notes"), notes_);
    layout->addWidget(shotBox);
    layout->addWidget(colour_ = new ColourInspector(state_));
    connect(colour_, &ColourInspector::editFailed, this, &InspectorWidget::editFailed);

    layout->addWidget(camera_ = new CameraInspector(state_));
    connect(camera_, &CameraInspector::editFailed, this, &InspectorWidget::editFailed);
    layout->addWidget(blocking_ = new BlockingInspector(state_));
    connect(blocking_, &BlockingInspector::editFailed, this, &InspectorWidget::editFailed);

    // Engine settings are the window's, not the shot's: they apply to the
    // next "Regenerate range" on any shot and are recorded with each take.
    auto* regenBox = new QGroupBox(tr("Regeneration"));
    auto* regenForm = new QFormLayout(regenBox);
    engine_ = new QComboBox;
    engine_->setObjectName(QStringLiteral("engineCombo"));
    for (const QString& engine : regenerationEngines())
        engine_->addItem(engine, engine);
    const QString preferred =
        QSettings()
            .value(QStringLiteral("regen/defaultEngine"), QStringLiteral("propagate"))
            .toString();
    engine_->setCurrentIndex(std::max(0, engine_->findData(regenerationEngineNamed(preferred))));
    seed_ = new QSpinBox;
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setToolTip(tr("The same seed, engine, parameters and frames give the same take."));
    parameters_ = new QLineEdit;
    parameters_->setObjectName(QStringLiteral("engineParameters"));
    parameters_->setPlaceholderText(tr("name=value …"));
    // The model engine's file: named here by the user (never taken from a
    // project, docs/models.md), remembered for the next session.
    model_ = new ModelFileField(QStringLiteral("inpainting"));
    model_->setPath(QSettings().value(QStringLiteral("regen/modelPath")).toString());
    model_->pathEdit()->setPlaceholderText(tr("A .pt2 package or TorchScript file"));
    modelLabel_ = new QLabel(tr("Model"));
    connect(model_, &ModelFileField::pathChanged, this, [this](const QString& path) {
        QSettings().setValue(QStringLiteral("regen/modelPath"), path);
        modelTakesPrompt_ = true;
        showWhoReadsThePrompt(engine_->currentData().toString());
    });
    connect(model_, &ModelFileField::checked, this, [this](bool usable, bool takesPrompt) {
        modelTakesPrompt_ = !usable || takesPrompt;
        showWhoReadsThePrompt(engine_->currentData().toString());
    });
    const auto describe = [this] {
        const QString engine = engine_->currentData().toString();
        engine_->setToolTip(describeEngineParameters(engine));
        showWhoReadsThePrompt(engine);
        const bool usesModel = engine == QLatin1String("model");
        model_->setVisible(usesModel);
        modelLabel_->setVisible(usesModel);
        parameters_->setToolTip(tr("Engine parameters, separated by spaces; empty uses the "
                                   "defaults:\n%1")
                                    .arg(describeEngineParameters(engine)));
    };
    connect(engine_, &QComboBox::currentIndexChanged, this, describe);
    regenForm->addRow(tr("Engine"), engine_);
    regenForm->addRow(modelLabel_, model_);
    describe();
    regenForm->addRow(tr("Parameters"), parameters_);
    // A clean plate (a still of what is behind the mask); pinned to a shape
    // that tracks the surface, it is warped onto every frame along the track
    // (as regen --reference --reference-follows --reference-frame).
    plate_ = new QLineEdit;
    plate_->setObjectName(QStringLiteral("cleanPlate"));
    plate_->setPlaceholderText(tr("None"));
    plate_->setToolTip(tr("A clean plate: a picture of what the mask hides, filled in first."));
    auto* plateBrowse = new QPushButton(tr("Browse…"));
    connect(plateBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Clean Plate"), plate_->text(),
            tr("Images (*.png *.exr *.tif *.tiff *.jpg *.jpeg);;All files (*)"));
        if (!file.isEmpty())
            plate_->setText(file);
    });
    auto* plateRow = new QWidget;
    auto* plateLayout = new QHBoxLayout(plateRow);
    plateLayout->setContentsMargins(0, 0, 0, 0);
    plateLayout->addWidget(plate_, 1);
    plateLayout->addWidget(plateBrowse);
    regenForm->addRow(tr("Clean plate"), plateRow);
    plateFollows_ = new QComboBox;
    plateFollows_->setObjectName(QStringLiteral("plateFollows"));
    plateFollows_->setToolTip(tr("Pin the plate to a painted shape that tracks the surface it "
                                 "shows (a planar track): the plate moves with it."));
    regenForm->addRow(tr("Plate follows"), plateFollows_);
    plateFrame_ = new QSpinBox;
    plateFrame_->setObjectName(QStringLiteral("plateFrame"));
    plateFrame_->setRange(-1, std::numeric_limits<int>::max());
    plateFrame_->setSpecialValueText(tr("First of the range"));
    plateFrame_->setToolTip(tr("The shot frame whose view of the surface the plate shows."));
    regenForm->addRow(tr("Plate frame"), plateFrame_);
    const auto pinnable = [this] {
        const bool plate = !plate_->text().trimmed().isEmpty();
        plateFollows_->setEnabled(plate && plateFollows_->count() > 1);
        plateFrame_->setEnabled(plate && !plateFollows_->currentData().toString().isEmpty());
    };
    connect(plate_, &QLineEdit::textChanged, this, pinnable);
    connect(plateFollows_, &QComboBox::currentIndexChanged, this, pinnable);
    pinnable();
    regenForm->addRow(tr("Seed"), seed_);
    layout->addWidget(regenBox);
    layout->addWidget(takes_ = new TakesInspector(state_));
    connect(takes_, &TakesInspector::editFailed, this, &InspectorWidget::editFailed);
    layout->addStretch();

    auto* scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    pages_->addWidget(scroll);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(pages_);

    connect(name_, &QLineEdit::editingFinished, this, &InspectorWidget::commitText);
    connect(prompt_, &CommitTextEdit::editingFinished, this, &InspectorWidget::commitText);
    connect(notes_, &CommitTextEdit::editingFinished, this, &InspectorWidget::commitText);
    connect(state_, &EditorState::selectedShotChanged, this, &InspectorWidget::refresh);
    refresh();
}

void InspectorWidget::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    if (document_)
        connect(document_, &Document::changed, this, &InspectorWidget::refresh);
    camera_->setDocument(document);
    blocking_->setDocument(document);
    colour_->setDocument(document);
    takes_->setDocument(document);
    refresh();
}

const Shot* InspectorWidget::shot() const {
    return document_ ? document_->project().findShot(state_->selectedShot()) : nullptr;
}

void InspectorWidget::listPlateShapes() {
    // The shapes a plate can follow: the selected shot's painted ones with
    // an outline. Kept when the shot's masks change, cleared for another shot.
    const QString chosen = plateFollows_->currentData().toString();
    const QSignalBlocker quiet(plateFollows_);
    plateFollows_->clear();
    plateFollows_->addItem(tr("Nothing (a still picture)"), QString());
    if (const Shot* s = shot())
        for (const MaskRef& mask : s->masks)
            for (const MaskShape& shape : mask.painted.shapes)
                if (shape.hasGeometry() && !shape.erase)
                    plateFollows_->addItem(
                        tr("%1 %2 (%3 keys)")
                            .arg(toString(shape.kind), idToString(shape.id).left(8))
                            .arg(shape.keys.size()),
                        idToString(shape.id));
    plateFollows_->setCurrentIndex(std::max(0, plateFollows_->findData(chosen)));
    plateFollows_->setEnabled(!plate_->text().trimmed().isEmpty() && plateFollows_->count() > 1);
    plateFrame_->setEnabled(plateFollows_->isEnabled() &&
                            !plateFollows_->currentData().toString().isEmpty());
}

void InspectorWidget::refresh() {
    const Shot* s = shot();
    pages_->setCurrentIndex(s ? 1 : 0);
    listPlateShapes();
    if (!s)
        return;
    plateFrame_->setMaximum(int(std::max<FrameNumber>(0, s->duration() - 1)));
    const MediaRef* media = document_->project().findMedia(s->mediaId);
    media_->setText(
        !media ? QString()
        : media->isGap()
            ? tr("A gap in the edit (black, %n frame(s))", nullptr, int(s->duration()))
            : tr("%1 (frames %2)")
                  .arg(QFileInfo(media->path).fileName(), s->source.toInclusiveString()));
    media_->setToolTip(media ? QDir::toNativeSeparators(media->path) : QString());
    if (!name_->hasFocus() || name_->text() == s->name)
        name_->setText(s->name);
    prompt_->setCommittedText(s->prompt);
    notes_->setCommittedText(s->notes);
}

void InspectorWidget::showWhoReadsThePrompt(const QString& engine) {
    // The text stays the shot's, and goes with each take as its note; only
    // whether an engine acts on it changes.
    const bool modelWithoutPrompt = engine == QLatin1String("model") && !modelTakesPrompt_;
    const bool read = engineReadsPrompt(engine) && !modelWithoutPrompt;
    prompt_->setEnabled(read);
    // The line under the field says who reads it.
    prompt_->setPlaceholderText(read ? tr("What the regenerated frames should show") : QString());
    prompt_->setToolTip(
        read ? tr("Passed to your model, if its forward() takes a prompt.")
             : tr("The %1 engine fills from the footage and does not read a prompt; the text is "
                  "kept with each take as a note. Only the model engine (your TorchScript "
                  "file) can read one.")
                   .arg(engine));
    if (modelWithoutPrompt) {
        prompt_->setToolTip(tr("The chosen model's forward() takes no prompt (an AOTInductor "
                               "package takes tensors only); the text is kept with each take "
                               "as a note."));
        promptReader_->setText(tr("Not read by this model; kept as a note on the take"));
        return;
    }
    promptReader_->setText(read ? tr("Read by the model engine")
                                : tr("Not read by %1; kept as a note on the take").arg(engine));
}

void InspectorWidget::commitText() {
    const Shot* s = shot();
    if (!s)
        return;
    const QString name = name_->text();
    const QString prompt = prompt_->toPlainText();
    const QString notes = notes_->toPlainText();
    if (name == s->name && prompt == s->prompt && notes == s->notes)
        return;
    try {
        document_->setShotText(s->id, name, prompt, notes);
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
        name_->setText(s->name);
        refresh();
    }
}

std::optional<QMap<QString, QString>> InspectorWidget::parseParameters(const QString& text,
                                                                       QString* error) {
    QMap<QString, QString> parameters;
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    for (const QString& item : text.split(separators, Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == item.size() - 1) {
            if (error)
                *error = tr("Engine parameter “%1” is not of the form name=value.").arg(item);
            return std::nullopt;
        }
        parameters.insert(item.left(equals), item.mid(equals + 1));
    }
    return parameters;
}

std::optional<RegenRequest> InspectorWidget::regenerationSettings(QString* error) const {
    const auto parameters = parseParameters(parameters_->text(), error);
    if (!parameters)
        return std::nullopt;
    RegenRequest request;
    request.engine = engine_->currentData().toString();
    request.parameters = *parameters;
    // A model=... typed among the parameters wins over the field.
    if (request.engine == QLatin1String("model") && !model_->path().isEmpty() &&
        !request.parameters.contains(QStringLiteral("model")))
        request.parameters.insert(QStringLiteral("model"), model_->path());
    request.seed = seed_->value();
    request.referencePath = plate_->text().trimmed();
    const QString follows = plateFollows_->currentData().toString();
    if (!request.referencePath.isEmpty() && !follows.isEmpty()) {
        request.referenceFollows = Id::fromString(follows);
        if (const Shot* s = shot(); s && plateFrame_->value() >= 0)
            request.referenceFrame = s->source.start + plateFrame_->value();
    }
    request.device =
        QSettings().value(QStringLiteral("regen/device"), QStringLiteral("cpu")).toString();
    return request;
}

} // namespace retake::gui
