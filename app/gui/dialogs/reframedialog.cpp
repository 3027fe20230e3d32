#include "dialogs/reframedialog.h"

#include "camera/motion.h"
#include "common/editorstate.h"
#include "common/timelinemapping.h"
#include "dialogs/handheldlabels.h"
#include "document/document.h"
#include "jobs/jobqueue.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace retake::gui {

namespace {

QDoubleSpinBox* spin(double minimum, double maximum, int decimals, const QString& suffix,
                     double value = 0) {
    auto* s = new QDoubleSpinBox;
    s->setRange(minimum, maximum);
    s->setDecimals(decimals);
    s->setSuffix(suffix);
    s->setValue(value);
    s->setAccelerated(true);
    return s;
}

} // namespace

ReframeDialog::ReframeDialog(const Project& project, const Shot& shot, FrameRange range,
                             const RegenRequest& engine, QWidget* parent)
    : QDialog(parent)
    , shotFocalMm_(shot.camera.focalLengthMm) {
    setWindowTitle(tr("Reframe “%1”").arg(shot.name));
    setObjectName(QStringLiteral("reframeDialog"));
    base_.shotId = shot.id;
    base_.range = range;
    base_.engine = engine.engine;
    base_.parameters = engine.parameters;
    base_.seed = engine.seed;
    base_.device = engine.device;
    const MediaRef* media = project.findMedia(shot.mediaId);
    const bool hasDepth = media && media->hasDepth;

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Frames %1 of “%2” become a new take. Pixels the new framing needs from outside the "
           "picture are filled by the %3 engine; locked frames stay as they are.")
            .arg(range.shifted(-shot.source.start).toInclusiveString(), shot.name, engine.engine));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* lensBox = new QGroupBox(tr("Lens and angle"));
    auto* lens = new QFormLayout(lensBox);
    zoomMode_ = new QRadioButton(tr("Zoom"));
    focalMode_ = new QRadioButton(tr("Focal length"));
    zoomMode_->setChecked(true);
    zoom_ = spin(0.25, 20, 2, tr("×"), 1);
    zoom_->setToolTip(tr("The focal length times this factor: above 1 crops in, below 1 "
                         "widens the view and the engine fills the new border."));
    focal_ = spin(1, 2000, 1, tr(" mm"), shot.camera.focalLengthMm);
    focal_->setToolTip(
        tr("The new focal length (the shot's is %1 mm).").arg(shot.camera.focalLengthMm));
    auto* lensMode = new QButtonGroup(this);
    lensMode->addButton(zoomMode_);
    lensMode->addButton(focalMode_);
    lens->addRow(zoomMode_, zoom_);
    lens->addRow(focalMode_, focal_);
    pan_ = spin(-89, 89, 2, tr("°"));
    pan_->setToolTip(tr("Left positive."));
    tilt_ = spin(-89, 89, 2, tr("°"));
    tilt_->setToolTip(tr("Up positive."));
    roll_ = spin(-89, 89, 2, tr("°"));
    roll_->setToolTip(tr("Counter-clockwise seen from behind the camera."));
    lens->addRow(tr("Pan"), pan_);
    lens->addRow(tr("Tilt"), tilt_);
    lens->addRow(tr("Roll"), roll_);
    handheld_ = new QComboBox;
    handheld_->addItem(tr("None"), QString());
    for (const HandheldPreset& preset : handheldPresets()) {
        const QString name = QString::fromLatin1(preset.name);
        if (preset.handheld.active())
            handheld_->addItem(handheldPresetLabel(name), name);
    }
    seed_ = new QSpinBox;
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setValue(int(std::clamp<qint64>(engine.seed, 0, std::numeric_limits<int>::max())));
    seed_->setToolTip(tr("The same seed gives the same handheld motion and the same fill."));
    lens->addRow(tr("Handheld"), handheld_);
    lens->addRow(tr("Seed"), seed_);
    layout->addWidget(lensBox);

    auto* kindBox = new QGroupBox(tr("Method"));
    auto* kind = new QFormLayout(kindBox);
    flat_ = new QRadioButton(tr("2D: warp the picture"));
    flat_->setToolTip(tr("No depth needed. Handheld position shake is approximated for a "
                         "plane at the focus distance; lens distortion is kept."));
    depth_ = new QRadioButton(tr("2.5D: move the camera through the depth"));
    flat_->setChecked(true);
    auto* methods = new QButtonGroup(this);
    methods->addButton(flat_);
    methods->addButton(depth_);
    kind->addRow(flat_);
    kind->addRow(depth_);
    const QString axes[3] = {tr("right "), tr("up "), tr("forward ")};
    auto* moveRow = new QHBoxLayout;
    for (int i = 0; i < 3; ++i) {
        move_[i] = spin(-100, 100, 2, tr(" m"));
        move_[i]->setPrefix(axes[i]);
        moveRow->addWidget(move_[i]);
    }
    kind->addRow(tr("Move"), moveRow);
    depthNote_ = new QLabel(
        hasDepth ? tr("Uncovered pixels are filled by the engine.")
                 : tr("This shot has no depth (an EXR Z channel or a blocking render): only the "
                      "2D warp is possible."));
    depthNote_->setWordWrap(true);
    kind->addRow(depthNote_);
    depth_->setEnabled(hasDepth);
    layout->addWidget(kindBox);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Reframe"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (QRadioButton* b : {zoomMode_, focalMode_, flat_, depth_})
        connect(b, &QRadioButton::toggled, this, &ReframeDialog::updateEnabled);
    updateEnabled();
}

void ReframeDialog::updateEnabled() {
    zoom_->setEnabled(zoomMode_->isChecked());
    focal_->setEnabled(focalMode_->isChecked());
    for (QDoubleSpinBox* s : move_)
        s->setEnabled(depth_->isChecked());
}

ReframeRequest ReframeDialog::request() const {
    ReframeRequest r = base_;
    if (focalMode_->isChecked()) {
        // An unchanged field keeps the shot's own (possibly keyed) focal length.
        if (std::abs(focal_->value() - shotFocalMm_) >= 0.05)
            r.focalLengthMm = focal_->value();
    } else {
        r.zoom = zoom_->value();
    }
    r.panDeg = pan_->value();
    r.tiltDeg = tilt_->value();
    r.rollDeg = roll_->value();
    r.seed = seed_->value();
    const QString preset = handheld_->currentData().toString();
    if (const HandheldPreset* p = preset.isEmpty() ? nullptr : findHandheldPreset(preset)) {
        r.handheld = p->handheld;
        r.handheld.seed = quint64(r.seed);
    }
    if (depth_->isChecked())
        r.moveM = {move_[0]->value(), move_[1]->value(), move_[2]->value()};
    return r;
}

int reframeWithDialog(QWidget* parent, Document* document, const EditorState& state, JobQueue* jobs,
                      const RegenRequest& engine, QString* status) {
    const Project& project = document->project();
    const Shot* shot = project.findShot(state.selectedShot());
    const FrameNumber playhead = state.currentFrame();
    if (!shot) {
        const QVector<ShotSpan> here = shotSpansIn(project, {playhead, playhead + 1});
        shot = here.isEmpty() ? nullptr : project.findShot(here.front().shotId);
    }
    if (!shot) {
        *status = ReframeDialog::tr("Select a shot to reframe first.");
        return 0;
    }
    FrameRange range = shot->source;
    for (const ShotSpan& span : shotSpansIn(project, state.selection()))
        if (span.shotId == shot->id)
            range = span.media;
    ReframeDialog dialog(project, *shot, range, engine, parent);
    if (dialog.exec() != QDialog::Accepted) {
        status->clear();
        return 0;
    }
    const ReframeRequest request = dialog.request();
    *status = ReframeDialog::tr("Reframing in the background.");
    return jobs->addReframe(
        document, request,
        ReframeDialog::tr("Reframe “%1”, frames %2")
            .arg(shot->name, range.shifted(-shot->source.start).toInclusiveString()));
}

} // namespace retake::gui
