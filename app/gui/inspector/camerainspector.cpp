#include "inspector/camerainspector.h"

#include "camera/motion.h"
#include "common/editorstate.h"
#include "core/error.h"
#include "inspector/depthoffieldlabel.h"
#include "inspector/spinfields.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <cmath>

namespace retake::gui {

namespace {

constexpr double kSqueezes[] = {1.0, 1.33, 1.5, 1.8, 2.0};
constexpr SensorFit kFits[] = {SensorFit::Fill, SensorFit::Overscan, SensorFit::Horizontal,
                               SensorFit::Vertical};

QString fitLabel(SensorFit fit) {
    switch (fit) {
    case SensorFit::Fill:
        return CameraInspector::tr("Fill (crop the filmback)");
    case SensorFit::Overscan:
        return CameraInspector::tr("Overscan (whole filmback)");
    case SensorFit::Horizontal:
        return CameraInspector::tr("Horizontal (match width)");
    case SensorFit::Vertical:
        return CameraInspector::tr("Vertical (match height)");
    }
    return {};
}

void setComboData(QComboBox* combo, const QVariant& data) {
    const QSignalBlocker block(combo);
    combo->setCurrentIndex(std::max(0, combo->findData(data)));
}

} // namespace

CameraInspector::CameraInspector(EditorState* state, QWidget* parent)
    : QGroupBox(tr("Camera"), parent)
    , state_(state) {
    setObjectName(QStringLiteral("cameraInspector"));
    auto* form = new QFormLayout(this);
    // In a narrow dock the fields go under their labels rather than off the edge.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    // Wide ranges on purpose: Document::setCamera decides what is valid and
    // says why.
    focal_ = addSpin(0, 10000, 2, tr(" mm"), tr("Focal length of the lens."));
    preset_ = addCombo(tr("The camera's sensor (filmback). Custom keeps the width and height "
                          "typed below."));
    preset_->setObjectName(QStringLiteral("filmbackPreset"));
    // The labels are long ("ARRI Alexa Mini LF (36.70 × 25.54 mm)"): the dock stays narrow.
    preset_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    preset_->setMinimumContentsLength(12);
    preset_->addItem(tr("Custom"), QString());
    for (const FilmbackPreset& p : filmbackPresets())
        preset_->addItem(tr("%1 (%2 × %3 mm)")
                             .arg(QString::fromUtf8(p.label))
                             .arg(p.widthMm, 0, 'f', 2)
                             .arg(p.heightMm, 0, 'f', 2),
                         QString::fromLatin1(p.name));
    disconnect(preset_, nullptr, this, nullptr);
    connect(preset_, &QComboBox::activated, this, &CameraInspector::choosePreset);
    filmbackWidth_ = addSpin(0, 1000, 2, tr(" mm"), tr("Filmback width (the sensor's size)."));
    filmbackHeight_ = addSpin(0, 1000, 2, tr(" mm"), tr("Filmback height (the sensor's size)."));
    sensorFit_ = addCombo(tr("How the filmback maps onto the project's frame when their aspect "
                             "ratios differ."));
    for (SensorFit fit : kFits)
        sensorFit_->addItem(fitLabel(fit), int(fit));
    shiftX_ = addSpin(-1000, 1000, 2, tr(" mm"),
                      tr("Lens shift on the filmback: positive moves the framing right without "
                         "turning the camera."));
    shiftY_ = addSpin(-1000, 1000, 2, tr(" mm"),
                      tr("Lens shift on the filmback: positive moves the framing up without "
                         "tilting the camera (keeps verticals straight)."));
    squeeze_ = addCombo(tr("Anamorphic squeeze: the picture is de-squeezed for display, so the "
                           "horizontal field is that of a filmback this many times wider."));
    for (double s : kSqueezes)
        squeeze_->addItem(s == 1.0 ? tr("1× (spherical)") : tr("%1×").arg(s), s);
    k1_ = addSpin(-10, 10, 4, QString(),
                  tr("Radial distortion k1 (OpenCV convention): negative is barrel, positive "
                     "pincushion."));
    k2_ = addSpin(-10, 10, 4, QString(), tr("Radial distortion k2 (OpenCV convention)."));
    vignette_ = addSpin(-10, 10, 2, QString(),
                        tr("Vignette: brightness lost at the image corners, 0 (none) to 1."));
    blades_ = new QSpinBox;
    blades_->setRange(0, 64);
    blades_->setSpecialValueText(tr("Round"));
    blades_->setKeyboardTracking(false);
    blades_->setToolTip(tr("Aperture blades: the shape of out-of-focus highlights (0 = round)."));
    connect(blades_, &QSpinBox::editingFinished, this, &CameraInspector::commit);
    focus_ = addSpin(0, 100000, 2, tr(" m"), tr("Focus distance from the filmback."));
    fStop_ = addSpin(0, 128, 1, QString(), tr("Aperture as an f-stop."));
    fStop_->setPrefix(tr("f/"));
    shutter_ = addSpin(0, 720, 1, tr("°"), tr("Shutter angle: 180° is the film look."));

    for (QDoubleSpinBox* spin : {filmbackWidth_, filmbackHeight_, shiftX_, shiftY_, k1_, k2_})
        shareRowWidth(spin, QStringLiteral("-00.000 mm"));
    auto* filmbackSize = new QHBoxLayout;
    filmbackSize->addWidget(filmbackWidth_);
    filmbackSize->addWidget(new QLabel(tr("×")));
    filmbackSize->addWidget(filmbackHeight_);
    auto* shift = new QHBoxLayout;
    shift->addWidget(shiftX_);
    shift->addWidget(shiftY_);
    auto* distortion = new QHBoxLayout;
    distortion->addWidget(k1_);
    distortion->addWidget(k2_);
    form->addRow(tr("Focal length"), focal_);
    form->addRow(tr("Filmback"), preset_);
    form->addRow(tr("Filmback size"), filmbackSize);
    form->addRow(tr("Sensor fit"), sensorFit_);
    form->addRow(tr("Lens shift x, y"), shift);
    form->addRow(tr("Squeeze"), squeeze_); // anamorphic; short for a narrow dock
    form->addRow(tr("Distortion k1, k2"), distortion);
    form->addRow(tr("Vignette"), vignette_);
    form->addRow(tr("Aperture blades"), blades_);
    form->addRow(tr("Focus distance"), focus_);
    form->addRow(tr("Aperture"), fStop_);
    form->addRow(tr("Shutter angle"), shutter_);
    form->addRow(tr("Depth of field"), dof_ = new DepthOfFieldLabel(state_));
    shotSize_ = new QLabel;
    shotSize_->setObjectName(QStringLiteral("shotSize"));
    shotSize_->setWordWrap(true);
    shotSize_->setToolTip(tr("The shot size this lens gives of a 1.75 m person standing at the "
                             "focus distance."));
    form->addRow(tr("Shot size"), shotSize_);
    solveSize_ = new QComboBox;
    solveSize_->setObjectName(QStringLiteral("solveShotSize"));
    solveSize_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    solveSize_->setMinimumContentsLength(10);
    for (const ShotSizeInfo& size : shotSizes())
        solveSize_->addItem(shotSizeName(size.size), int(size.size));
    solveSize_->setCurrentIndex(solveSize_->findData(int(ShotSize::MediumCloseUp)));
    solveSize_->setToolTip(tr("The shot size to solve the camera distance for."));
    subjectHeight_ = new QDoubleSpinBox;
    subjectHeight_->setRange(0.01, 1000);
    subjectHeight_->setDecimals(2);
    subjectHeight_->setValue(1.75);
    subjectHeight_->setSuffix(tr(" m"));
    subjectHeight_->setToolTip(tr("Height of the subject (a standing person: 1.75 m)."));
    solved_ = new QLabel;
    solved_->setObjectName(QStringLiteral("solvedDistance"));
    solved_->setWordWrap(true);
    solved_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Frame as"), solveSize_);
    form->addRow(tr("Subject height"), subjectHeight_);
    form->addRow(QString(), solved_);
    moveToFrame_ = new QPushButton(tr("Move Camera There"));
    moveToFrame_->setObjectName(QStringLiteral("moveToFrame"));
    moveToFrame_->setToolTip(tr("Move the camera along its view axis so that the subject at the "
                                "focus distance is framed so; focus follows. One undo step."));
    connect(moveToFrame_, &QPushButton::clicked, this, &CameraInspector::moveToFrame);
    form->addRow(QString(), moveToFrame_);
    connect(solveSize_, &QComboBox::currentIndexChanged, this, &CameraInspector::solve);
    connect(subjectHeight_, &QDoubleSpinBox::valueChanged, this, &CameraInspector::solve);
    problem_ = new QLabel;
    problem_->setObjectName(QStringLiteral("cameraProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d04040;"));
    problem_->hide();
    form->addRow(problem_);

    keys_ = new QTreeWidget;
    keys_->setObjectName(QStringLiteral("cameraKeys"));
    keys_->setRootIsDecorated(false);
    keys_->setHeaderLabels({tr("Frame"), tr("Position (m)"), tr("Pan, tilt, roll"), tr("Focal")});
    keys_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    keys_->setToolTip(tr("Camera keys (frames of the shot). Delete removes the selected key; "
                         "Camera > Add Move… writes new ones."));
    keys_->setMaximumHeight(keys_->fontMetrics().height() * 8);
    keys_->installEventFilter(this);
    form->addRow(tr("Keys"), keys_);

    connect(state_, &EditorState::selectedShotChanged, this, &CameraInspector::refresh);
}

QDoubleSpinBox* CameraInspector::addSpin(double minimum, double maximum, int decimals,
                                         const QString& suffix, const QString& toolTip) {
    auto* spin = new QDoubleSpinBox;
    spin->setRange(minimum, maximum);
    spin->setDecimals(decimals);
    spin->setSuffix(suffix);
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    spin->setToolTip(toolTip);
    connect(spin, &QDoubleSpinBox::editingFinished, this, &CameraInspector::commit);
    return spin;
}

QComboBox* CameraInspector::addCombo(const QString& toolTip) {
    auto* combo = new QComboBox;
    combo->setToolTip(toolTip);
    // Sized by a few characters, not the longest item: the dock stays narrow.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(10);
    connect(combo, &QComboBox::activated, this, &CameraInspector::commit);
    return combo;
}

void CameraInspector::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    if (document_)
        connect(document_, &Document::changed, this, &CameraInspector::refresh);
    dof_->setDocument(document);
    problem_->hide();
    refresh();
}

const Shot* CameraInspector::shot() const {
    return document_ ? document_->project().findShot(state_->selectedShot()) : nullptr;
}

QString CameraInspector::shotSizeName(ShotSize size) {
    switch (size) {
    case ShotSize::ExtremeCloseUp:
        return tr("extreme close-up");
    case ShotSize::CloseUp:
        return tr("close-up");
    case ShotSize::MediumCloseUp:
        return tr("medium close-up");
    case ShotSize::Medium:
        return tr("medium shot");
    case ShotSize::Cowboy:
        return tr("cowboy shot");
    case ShotSize::Full:
        return tr("full shot");
    case ShotSize::Wide:
        return tr("wide shot");
    case ShotSize::ExtremeWide:
        return tr("extreme wide shot");
    }
    return {};
}

void CameraInspector::refresh() {
    const Shot* s = shot();
    if (!s)
        return;
    const Camera& c = s->camera;
    setSpin(focal_, c.focalLengthMm);
    setSpin(filmbackWidth_, c.filmbackWidthMm);
    setSpin(filmbackHeight_, c.filmbackHeightMm);
    setComboData(preset_, c.lens.filmbackPreset);
    setComboData(sensorFit_, int(c.lens.sensorFit));
    setSpin(shiftX_, c.lens.shiftXMm);
    setSpin(shiftY_, c.lens.shiftYMm);
    setComboData(squeeze_, c.lens.anamorphicSqueeze);
    setSpin(k1_, c.lens.distortionK1);
    setSpin(k2_, c.lens.distortionK2);
    setSpin(vignette_, c.lens.vignette);
    {
        const QSignalBlocker block(blades_);
        blades_->setValue(c.lens.apertureBlades);
    }
    setSpin(focus_, c.focusDistanceM);
    setSpin(fStop_, c.fStop);
    setSpin(shutter_, c.shutterAngleDeg);

    const Project& project = document_->project();
    if (cameraProblem(c).isEmpty() && c.focusDistanceM > 0 && project.width > 0 &&
        project.height > 0) {
        const ShotSizeEstimate e = shotSizeAt(c, project.width, project.height, c.focusDistanceM);
        shotSize_->setText(tr("From %1 m this lens gives a %2 (the frame is %3 m high).")
                               .arg(c.focusDistanceM, 0, 'f', 2)
                               .arg(shotSizeName(e.nearest))
                               .arg(e.frameHeightM, 0, 'f', 2));
    } else {
        shotSize_->clear();
    }

    solve();

    const int selected = keys_->currentIndex().row();
    keys_->clear();
    for (const CameraKey& key : c.motion.keys) {
        const CameraPose& p = key.pose;
        auto* item = new QTreeWidgetItem(
            keys_,
            {QString::number(key.frame - s->source.start),
             tr("%1, %2, %3")
                 .arg(p.position.x, 0, 'f', 2)
                 .arg(p.position.y, 0, 'f', 2)
                 .arg(p.position.z, 0, 'f', 2),
             tr("%1°, %2°, %3°")
                 .arg(p.panDeg, 0, 'f', 1)
                 .arg(p.tiltDeg, 0, 'f', 1)
                 .arg(p.rollDeg, 0, 'f', 1),
             p.focalLengthMm > 0 ? tr("%1 mm").arg(p.focalLengthMm, 0, 'f', 1) : tr("lens")});
        item->setData(0, Qt::UserRole, qlonglong(key.frame));
    }
    if (selected >= 0 && selected < keys_->topLevelItemCount())
        keys_->setCurrentItem(keys_->topLevelItem(selected));
}

void CameraInspector::solve() {
    const Shot* s = shot();
    const Project* project = document_ ? &document_->project() : nullptr;
    if (!s || !project || !cameraProblem(s->camera).isEmpty() || project->width <= 0 ||
        project->height <= 0) {
        solved_->clear();
        moveToFrame_->setEnabled(false);
        return;
    }
    const auto size = ShotSize(solveSize_->currentData().toInt());
    const double d = distanceForShotSize(s->camera, project->width, project->height, size,
                                         subjectHeight_->value());
    solved_->setText(tr("%1 m from the camera with this lens.").arg(d, 0, 'f', 2));
    // Framed so already (to the centimetre): nothing to move.
    moveToFrame_->setEnabled(std::abs(s->camera.focusDistanceM - d) >= 0.005);
}

void CameraInspector::moveToFrame() {
    const Shot* s = shot();
    const Project* project = document_ ? &document_->project() : nullptr;
    if (!s || !project)
        return;
    const auto size = ShotSize(solveSize_->currentData().toInt());
    const double d = distanceForShotSize(s->camera, project->width, project->height, size,
                                         subjectHeight_->value());
    try {
        apply(withSubjectAt(s->camera, d));
    } catch (const Error& e) {
        problem_->setText(e.message());
        problem_->show();
        Q_EMIT editFailed(e.message());
    }
}

void CameraInspector::choosePreset() {
    const Shot* s = shot();
    if (!s)
        return;
    Camera camera = s->camera;
    const QString name = preset_->currentData().toString();
    camera.lens.filmbackPreset = name;
    if (const FilmbackPreset* preset = findFilmbackPreset(name)) {
        camera.filmbackWidthMm = preset->widthMm;
        camera.filmbackHeightMm = preset->heightMm;
    }
    apply(camera);
}

void CameraInspector::commit() {
    const Shot* s = shot();
    if (!s)
        return;
    Camera camera = s->camera;
    camera.focalLengthMm = edited(focal_, camera.focalLengthMm);
    camera.filmbackWidthMm = edited(filmbackWidth_, camera.filmbackWidthMm);
    camera.filmbackHeightMm = edited(filmbackHeight_, camera.filmbackHeightMm);
    // A typed size is a custom filmback unless it is still the preset's.
    if (const FilmbackPreset* preset = findFilmbackPreset(camera.lens.filmbackPreset))
        if (camera.filmbackWidthMm != preset->widthMm ||
            camera.filmbackHeightMm != preset->heightMm)
            camera.lens.filmbackPreset.clear();
    camera.lens.sensorFit = SensorFit(sensorFit_->currentData().toInt());
    camera.lens.shiftXMm = edited(shiftX_, camera.lens.shiftXMm);
    camera.lens.shiftYMm = edited(shiftY_, camera.lens.shiftYMm);
    camera.lens.anamorphicSqueeze = squeeze_->currentData().toDouble();
    camera.lens.distortionK1 = edited(k1_, camera.lens.distortionK1);
    camera.lens.distortionK2 = edited(k2_, camera.lens.distortionK2);
    camera.lens.vignette = edited(vignette_, camera.lens.vignette);
    camera.lens.apertureBlades = blades_->value();
    camera.focusDistanceM = edited(focus_, camera.focusDistanceM);
    camera.fStop = edited(fStop_, camera.fStop);
    camera.shutterAngleDeg = edited(shutter_, camera.shutterAngleDeg);
    if (camera == s->camera)
        return;
    apply(camera);
}

void CameraInspector::apply(const Camera& camera) {
    const Shot* s = shot();
    if (!s)
        return;
    try {
        document_->setCamera(s->id, camera);
        problem_->hide();
    } catch (const Error& e) {
        problem_->setText(e.message());
        problem_->show();
        Q_EMIT editFailed(e.message());
        refresh();
    }
}

void CameraInspector::removeSelectedKey() {
    const Shot* s = shot();
    const QTreeWidgetItem* item = keys_->currentItem();
    if (!s || !item)
        return;
    Camera camera = s->camera;
    if (camera.motion.keys.size() == 1) // the camera keeps the pose it had
        camera.motion.pose = camera.motion.keys.front().pose;
    if (!removeKey(camera.motion, FrameNumber(item->data(0, Qt::UserRole).toLongLong())))
        return;
    apply(camera);
}

bool CameraInspector::eventFilter(QObject* watched, QEvent* event) {
    if (watched == keys_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            removeSelectedKey();
            return true;
        }
    }
    return QGroupBox::eventFilter(watched, event);
}

} // namespace retake::gui
