#include "dialogs/cameramovedialog.h"

#include "core/error.h"
#include "dialogs/handheldlabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

namespace retake::gui {

namespace {

constexpr MoveKind kKinds[] = {MoveKind::Pan,      MoveKind::Tilt,     MoveKind::DollyIn,
                               MoveKind::DollyOut, MoveKind::Truck,    MoveKind::Pedestal,
                               MoveKind::Crane,    MoveKind::Zoom,     MoveKind::DollyZoom,
                               MoveKind::Orbit,    MoveKind::FocusPull};
constexpr Easing kEasings[] = {Easing::EaseInOut, Easing::Linear, Easing::EaseIn, Easing::EaseOut,
                               Easing::Hold};

QString kindLabel(MoveKind kind) {
    switch (kind) {
    case MoveKind::Pan:
        return CameraMoveDialog::tr("Pan");
    case MoveKind::Tilt:
        return CameraMoveDialog::tr("Tilt");
    case MoveKind::DollyIn:
        return CameraMoveDialog::tr("Dolly in");
    case MoveKind::DollyOut:
        return CameraMoveDialog::tr("Dolly out");
    case MoveKind::Truck:
        return CameraMoveDialog::tr("Truck");
    case MoveKind::Pedestal:
        return CameraMoveDialog::tr("Pedestal");
    case MoveKind::Crane:
        return CameraMoveDialog::tr("Crane");
    case MoveKind::Zoom:
        return CameraMoveDialog::tr("Zoom");
    case MoveKind::DollyZoom:
        return CameraMoveDialog::tr("Dolly zoom");
    case MoveKind::Orbit:
        return CameraMoveDialog::tr("Orbit");
    case MoveKind::FocusPull:
        return CameraMoveDialog::tr("Focus pull");
    }
    return {};
}

QString easingLabel(Easing easing) {
    switch (easing) {
    case Easing::Linear:
        return CameraMoveDialog::tr("Linear");
    case Easing::EaseIn:
        return CameraMoveDialog::tr("Ease in");
    case Easing::EaseOut:
        return CameraMoveDialog::tr("Ease out");
    case Easing::EaseInOut:
        return CameraMoveDialog::tr("Ease in and out");
    case Easing::Hold:
        return CameraMoveDialog::tr("Hold");
    }
    return {};
}

QDoubleSpinBox* overrideSpin(double maximum, int decimals, const QString& suffix,
                             const QString& toolTip) {
    auto* spin = new QDoubleSpinBox;
    spin->setRange(-1, maximum); // -1 = the preset's value
    spin->setDecimals(decimals);
    spin->setSuffix(suffix);
    spin->setSpecialValueText(CameraMoveDialog::tr("as preset"));
    spin->setValue(-1);
    spin->setToolTip(toolTip);
    return spin;
}

} // namespace

CameraMoveDialog::CameraMoveDialog(Document* document, const Id& shotId, QWidget* parent)
    : QDialog(parent)
    , document_(document)
    , shotId_(shotId) {
    setObjectName(QStringLiteral("cameraMoveDialog"));
    const Shot* shot = document_ ? document_->project().findShot(shotId_) : nullptr;
    setWindowTitle(shot ? tr("Add Camera Move to %1").arg(shot->name) : tr("Add Camera Move"));
    const int last = shot ? int(std::max<FrameNumber>(0, shot->duration() - 1)) : 0;

    moveBox_ = new QGroupBox(tr("Move"));
    moveBox_->setCheckable(true);
    moveBox_->setToolTip(tr("A move preset written as camera keys, added to what the camera "
                            "already does over its frames (a pan after a dolly does both)."));
    auto* moveForm = new QFormLayout(moveBox_);
    kind_ = new QComboBox;
    for (MoveKind kind : kKinds)
        kind_->addItem(kindLabel(kind), int(kind));
    kind_->setCurrentIndex(kind_->findData(int(MoveKind::DollyIn)));
    start_ = new QSpinBox;
    start_->setRange(0, last);
    start_->setToolTip(tr("First frame of the move, in the shot's frames (0 = its first)."));
    end_ = new QSpinBox;
    end_->setRange(0, last);
    end_->setValue(last);
    end_->setToolTip(tr("Last frame of the move, in the shot's frames."));
    amount_ = new QDoubleSpinBox;
    amount_->setRange(-100000, 100000);
    amount_->setDecimals(2);
    subject_ = new QDoubleSpinBox;
    subject_->setRange(0, 100000);
    subject_->setDecimals(2);
    subject_->setValue(3);
    subject_->setSuffix(tr(" m"));
    subject_->setToolTip(tr("How far ahead the subject is: the crane keeps looking at it, the "
                            "orbit turns around it, the dolly zoom keeps its size."));
    easing_ = new QComboBox;
    for (Easing easing : kEasings)
        easing_->addItem(easingLabel(easing), int(easing));
    easing_->setToolTip(tr("How the move starts and ends."));
    moveForm->addRow(tr("Preset"), kind_);
    moveForm->addRow(tr("From frame"), start_);
    moveForm->addRow(tr("To frame"), end_);
    moveForm->addRow(tr("Amount"), amount_);
    moveForm->addRow(tr("Subject distance"), subject_);
    moveForm->addRow(tr("Easing"), easing_);

    handheldBox_ = new QGroupBox(tr("Handheld"));
    handheldBox_->setCheckable(true);
    handheldBox_->setChecked(false);
    handheldBox_->setToolTip(tr("Operator shake on top of the keyed move: band-limited noise, "
                                "the same for the same seed."));
    auto* handheldForm = new QFormLayout(handheldBox_);
    handheld_ = new QComboBox;
    for (const HandheldPreset& preset : handheldPresets())
        handheld_->addItem(handheldPresetLabel(QLatin1String(preset.name)),
                           QString::fromLatin1(preset.name));
    handheld_->setCurrentIndex(std::max(0, handheld_->findData(QStringLiteral("handheld"))));
    seed_ = new QSpinBox;
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setToolTip(tr("The same seed gives the same shake."));
    rotation_ = overrideSpin(90, 2, tr("°"), tr("Rotation shake (RMS of pan and tilt)."));
    position_ = overrideSpin(1000, 2, tr(" cm"), tr("Position shake (RMS per axis)."));
    bandLow_ = overrideSpin(100, 2, tr(" Hz"), tr("Lowest frequency of the shake."));
    bandHigh_ = overrideSpin(100, 2, tr(" Hz"), tr("Highest frequency of the shake."));
    if (shot)
        seed_->setValue(int(std::min<quint64>(shot->camera.motion.handheld.seed,
                                              quint64(std::numeric_limits<int>::max()))));
    handheldForm->addRow(tr("Intensity"), handheld_);
    handheldForm->addRow(tr("Seed"), seed_);
    handheldForm->addRow(tr("Rotation"), rotation_);
    handheldForm->addRow(tr("Position"), position_);
    handheldForm->addRow(tr("Lowest frequency"), bandLow_);
    handheldForm->addRow(tr("Highest frequency"), bandHigh_);

    problem_ = new QLabel;
    problem_->setObjectName(QStringLiteral("moveProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d04040;"));
    problem_->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CameraMoveDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CameraMoveDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(moveBox_);
    layout->addWidget(handheldBox_);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    connect(kind_, &QComboBox::currentIndexChanged, this, &CameraMoveDialog::kindChanged);
    kindChanged();
}

void CameraMoveDialog::kindChanged() {
    const auto kind = MoveKind(kind_->currentData().toInt());
    struct Unit {
        QString suffix;
        double value;
        QString toolTip;
    };
    Unit unit;
    switch (kind) {
    case MoveKind::Pan:
        unit = {tr("°"), 30, tr("Degrees to turn: positive pans left.")};
        break;
    case MoveKind::Tilt:
        unit = {tr("°"), 10, tr("Degrees to tilt: positive looks up.")};
        break;
    case MoveKind::Orbit:
        unit = {tr("°"), 45, tr("Degrees around the subject, counter-clockwise seen from above.")};
        break;
    case MoveKind::DollyIn:
    case MoveKind::DollyOut:
        unit = {tr(" m"), 1, tr("Metres along the view direction.")};
        break;
    case MoveKind::Truck:
        unit = {tr(" m"), 1, tr("Metres to the camera's right (negative: left).")};
        break;
    case MoveKind::Pedestal:
    case MoveKind::Crane:
        unit = {tr(" m"), 1, tr("Metres up (negative: down).")};
        break;
    case MoveKind::Zoom:
    case MoveKind::DollyZoom:
        unit = {tr(" mm"), 85, tr("The focal length at the end of the move.")};
        break;
    case MoveKind::FocusPull:
        unit = {tr(" m"), 2, tr("The focus distance at the end of the pull.")};
        break;
    }
    amount_->setSuffix(unit.suffix);
    amount_->setValue(unit.value);
    amount_->setToolTip(unit.toolTip);
    subject_->setEnabled(kind == MoveKind::Crane || kind == MoveKind::DollyZoom ||
                         kind == MoveKind::Orbit);
}

Camera CameraMoveDialog::result() const {
    const Shot* shot = document_ ? document_->project().findShot(shotId_) : nullptr;
    if (!shot)
        throw Error(ErrorKind::Usage, tr("The shot is no longer in the project."));
    Camera camera = shot->camera;
    if (moveBox_->isChecked()) {
        if (end_->value() <= start_->value())
            throw Error(ErrorKind::Usage, tr("The move must end after the frame it starts on."));
        MoveParams move;
        move.kind = MoveKind(kind_->currentData().toInt());
        move.start = shot->source.start + start_->value();
        move.frames = end_->value() - start_->value();
        move.amount = amount_->value();
        move.subjectDistanceM = subject_->value();
        move.easing = Easing(easing_->currentData().toInt());
        camera.motion = withMove(camera, move); // as retake-cli camera --move
    }
    if (handheldBox_->isChecked()) {
        const HandheldPreset* preset = findHandheldPreset(handheld_->currentData().toString());
        Handheld& h = camera.motion.handheld;
        h = preset ? preset->handheld : Handheld();
        h.seed = quint64(seed_->value());
        const auto overridden = [](const QDoubleSpinBox* spin, double* value) {
            if (spin->value() > spin->minimum())
                *value = spin->value();
        };
        overridden(rotation_, &h.rotationDeg);
        overridden(position_, &h.positionCm);
        overridden(bandLow_, &h.bandLowHz);
        overridden(bandHigh_, &h.bandHighHz);
    }
    return camera;
}

bool CameraMoveDialog::apply() {
    try {
        const Camera camera = result();
        if (camera != document_->project().findShot(shotId_)->camera)
            document_->setCamera(shotId_, camera); // validates; one undo step
        problem_->hide();
        return true;
    } catch (const Error& e) {
        problem_->setText(e.message());
        problem_->show();
        return false;
    }
}

void CameraMoveDialog::accept() {
    if (apply())
        QDialog::accept();
}

} // namespace retake::gui
