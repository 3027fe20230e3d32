#include "docks/masktools.h"

#include "common/editorstate.h"
#include "common/timelinemapping.h"
#include "core/error.h"
#include "viewer/viewercanvas.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace retake::gui {

namespace {

constexpr MaskTool allTools[] = {MaskTool::Brush,   MaskTool::Eraser,  MaskTool::Rectangle,
                                 MaskTool::Ellipse, MaskTool::Polygon, MaskTool::Move};

QString shapeName(const MaskShape& s) {
    switch (s.kind) {
    case MaskShapeKind::Stroke:
        return s.erase ? MaskTools::tr("Eraser stroke") : MaskTools::tr("Brush stroke");
    case MaskShapeKind::Rectangle:
        return MaskTools::tr("Rectangle");
    case MaskShapeKind::Ellipse:
        return MaskTools::tr("Ellipse");
    case MaskShapeKind::Polygon:
        return MaskTools::tr("Polygon");
    case MaskShapeKind::Fill:
        return s.erase ? MaskTools::tr("Clear") : MaskTools::tr("Fill");
    case MaskShapeKind::Invert:
        return MaskTools::tr("Invert");
    }
    return QString();
}

} // namespace

MaskTools::MaskTools(EditorState* state, ViewerCanvas* canvas, QWidget* parent)
    : QWidget(parent)
    , state_(state)
    , overlay_(new MaskPaintOverlay(canvas, state))
    , paint_(new QAction(tr("&Paint Mask"), this))
    , tools_(new QActionGroup(this))
    , size_(new QSpinBox(this))
    , hardness_(new QSpinBox(this))
    , frames_(new QComboBox(this))
    , shapes_(new QListWidget(this))
    , trackModel_(new QComboBox(this))
    , keyTolerance_(new QDoubleSpinBox(this)) {
    setObjectName(QStringLiteral("maskTools"));
    // The chosen tool and painting mode must read at a glance; the theme's
    // checked tool buttons are too subtle for that.
    setStyleSheet(QStringLiteral("QToolButton:checked { background: palette(highlight); "
                                 "color: palette(highlighted-text); border-radius: 3px; }"));
    paint_->setObjectName(QStringLiteral("actionPaintMask"));
    paint_->setCheckable(true);
    paint_->setStatusTip(tr("Paint the mask of the shot at the playhead on the viewer."));

    auto* toolGrid = new QGridLayout;
    const struct {
        MaskTool tool;
        QString text;
        QKeySequence key;
        const char* name;
    } toolInfo[] = {
        {MaskTool::Brush, tr("&Brush"), QKeySequence(Qt::Key_B), "actionMaskBrush"},
        {MaskTool::Eraser, tr("&Eraser"), QKeySequence(Qt::Key_E), "actionMaskEraser"},
        {MaskTool::Rectangle, tr("Rectangle"), QKeySequence(), "actionMaskRectangle"},
        {MaskTool::Ellipse, tr("Ellipse"), QKeySequence(), "actionMaskEllipse"},
        {MaskTool::Polygon, tr("Polygon"), QKeySequence(), "actionMaskPolygon"},
        {MaskTool::Move, tr("Move / Key"), QKeySequence(), "actionMaskMove"},
    };
    int index = 0;
    for (const auto& info : toolInfo) {
        auto* action = new QAction(info.text, tools_);
        action->setObjectName(QString::fromLatin1(info.name));
        action->setCheckable(true);
        action->setData(int(info.tool));
        if (!info.key.isEmpty()) {
            action->setShortcut(info.key);
            // The shortcut works wherever focus is in the window, not only in the panel.
            canvas->window()->addAction(action);
        }
        connect(action, &QAction::triggered, this, [this, tool = info.tool] { chooseTool(tool); });
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        toolGrid->addWidget(button, index / 3, index % 3);
        ++index;
    }
    tools_->setExclusive(true);
    tools_->actions().constFirst()->setChecked(true);
    tools_->actions()[0]->setToolTip(tr("Brush (B): paint the mask"));
    tools_->actions()[1]->setToolTip(tr("Eraser (E): remove from the mask"));
    tools_->actions()[4]->setToolTip(
        tr("Polygon: click the corners, double-click or press Enter to close"));
    tools_->actions()[5]->setToolTip(
        tr("Drag the selected shape: keys it at the playhead, so it moves between keys"));

    size_->setObjectName(QStringLiteral("maskBrushSize"));
    size_->setRange(1, int(MaskShape::maxSize));
    size_->setSuffix(tr(" px"));
    hardness_->setObjectName(QStringLiteral("maskHardness"));
    hardness_->setRange(0, 100);
    hardness_->setSuffix(tr(" %"));
    frames_->setObjectName(QStringLiteral("maskFrames"));
    frames_->addItem(tr("Whole shot"), int(MaskFrames::WholeShot));
    frames_->addItem(tr("In to Out"), int(MaskFrames::InOut));
    frames_->addItem(tr("Current frame"), int(MaskFrames::CurrentFrame));
    shapes_->setObjectName(QStringLiteral("maskShapes"));

    const QSettings settings;
    size_->setValue(settings.value(QStringLiteral("maskPainting/size"), 40).toInt());
    hardness_->setValue(settings.value(QStringLiteral("maskPainting/hardness"), 80).toInt());
    overlay_->setBrushSize(size_->value());
    overlay_->setHardness(hardness_->value() / 100.0);

    auto* paintButton = new QToolButton(this);
    paintButton->setDefaultAction(paint_);
    paintButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    paintButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto* form = new QFormLayout;
    form->addRow(tr("Size:"), size_);
    form->addRow(tr("Hardness:"), hardness_);
    form->addRow(tr("Paint on:"), frames_);

    const auto button = [this](const QString& text, const QString& tip, const char* name,
                               void (MaskTools::*slot)()) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto* operations = new QGridLayout;
    operations->addWidget(button(tr("Fill"), tr("Fill the whole frame on the chosen frames"),
                                 "maskFill", &MaskTools::fill),
                          0, 0);
    operations->addWidget(button(tr("Invert"), tr("Invert the mask on the chosen frames"),
                                 "maskInvert", &MaskTools::invert),
                          0, 1);
    operations->addWidget(button(tr("Clear"), tr("Clear the mask on the chosen frames"),
                                 "maskClear", &MaskTools::clear),
                          0, 2);
    operations->addWidget(button(tr("Copy to In/Out"),
                                 tr("Copy the mask at the playhead to every frame from In to Out"),
                                 "maskCopy", &MaskTools::copyToInOut),
                          1, 0, 1, 3);
    operations->addWidget(button(tr("Key Shape at Playhead"),
                                 tr("Pin the selected shape where it is now at the playhead"),
                                 "maskKey", &MaskTools::keySelectedShape),
                          2, 0, 1, 2);
    operations->addWidget(button(tr("Delete Shape"), tr("Delete the selected shape"),
                                 "maskDeleteShape", &MaskTools::removeSelectedShape),
                          2, 2);
    operations->addWidget(button(tr("Delete Key at Playhead"),
                                 tr("Delete the selected shape's key at the playhead: the shape "
                                    "holds or moves between its other keys"),
                                 "maskDeleteKey", &MaskTools::removeSelectedShapeKey),
                          3, 0, 1, 3);

    // Tracking: the selected shape follows the picture from the playhead.
    trackModel_->setObjectName(QStringLiteral("maskTrackModel"));
    trackModel_->addItem(tr("Moving object"), int(ShapeTrackModel::Translation));
    trackModel_->addItem(tr("Flat surface (perspective)"), int(ShapeTrackModel::Planar));
    trackModel_->addItem(tr("Deforming (outline by optical flow)"), int(ShapeTrackModel::Dense));
    trackModel_->setToolTip(
        tr("What the shape covers: something that moves, turns and scales, a flat surface seen "
           "in perspective (a sign, a screen, a wall), or something that changes shape (a face, "
           "cloth, a hand: each point of the outline follows the picture)."));
    auto* tracking = new QGridLayout;
    tracking->addWidget(new QLabel(tr("Track:"), this), 0, 0);
    tracking->addWidget(trackModel_, 0, 1, 1, 2);
    const struct {
        const char* name;
        const char* text;
        const char* tip;
        TrackDirection direction;
    } trackButtons[] = {
        {"maskTrackBackward", QT_TR_NOOP("◀ Backward"),
         QT_TR_NOOP("Make the selected shape follow the picture from the playhead back to the "
                    "start of its mask"),
         TrackDirection::Backward},
        {"maskTrackBoth", QT_TR_NOOP("◀ Both ▶"),
         QT_TR_NOOP("Make the selected shape follow the picture from the playhead both ways"),
         TrackDirection::Both},
        {"maskTrackForward", QT_TR_NOOP("Forward ▶"),
         QT_TR_NOOP("Make the selected shape follow the picture from the playhead to the end of "
                    "its mask"),
         TrackDirection::Forward},
    };
    int column = 0;
    for (const auto& b : trackButtons) {
        auto* track = new QPushButton(tr(b.text), this);
        track->setObjectName(QString::fromLatin1(b.name));
        track->setToolTip(tr(b.tip));
        const TrackDirection direction = b.direction;
        connect(track, &QPushButton::clicked, this,
                [this, direction] { trackSelectedShape(direction); });
        tracking->addWidget(track, 1, column++);
    }
    keyTolerance_->setObjectName(QStringLiteral("maskTrackKeyTolerance"));
    keyTolerance_->setRange(0, 10);
    keyTolerance_->setDecimals(1);
    keyTolerance_->setSingleStep(0.5);
    keyTolerance_->setSuffix(tr(" px"));
    keyTolerance_->setSpecialValueText(tr("A key every frame"));
    keyTolerance_->setToolTip(tr("Leave out the keys that the straight motion between their "
                                 "neighbours gives within this many pixels: fewer keys to edit."));
    tracking->addWidget(new QLabel(tr("Keys within:"), this), 2, 0);
    tracking->addWidget(keyTolerance_, 2, 1, 1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paintButton);
    layout->addLayout(toolGrid);
    layout->addLayout(form);
    layout->addLayout(operations);
    layout->addLayout(tracking);
    layout->addWidget(new QLabel(tr("Shapes (bottom to top):"), this));
    layout->addWidget(shapes_, 1);

    connect(paint_, &QAction::toggled, this, [this](bool on) {
        overlay_->setActive(on);
        if (auto* dock = qobject_cast<QDockWidget*>(parentWidget()); dock && on) {
            dock->show();
            dock->raise();
        }
        saveSettings();
    });
    connect(size_, &QSpinBox::valueChanged, this, [this](int px) {
        overlay_->setBrushSize(px);
        saveSettings();
    });
    connect(hardness_, &QSpinBox::valueChanged, this, [this](int percent) {
        overlay_->setHardness(percent / 100.0);
        saveSettings();
    });
    connect(frames_, &QComboBox::currentIndexChanged, this,
            [this] { overlay_->setPaintFrames(MaskFrames(frames_->currentData().toInt())); });
    connect(overlay_, &MaskPaintOverlay::editFailed, this, &MaskTools::editFailed);
    connect(overlay_, &MaskPaintOverlay::selectedShapeChanged, this, &MaskTools::updateShapeList);
    connect(shapes_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            overlay_->setSelectedShape(Id(shapes_->item(row)->data(Qt::UserRole).toString()));
    });
    connect(state_, &EditorState::currentFrameChanged, this, &MaskTools::updateShapeList);
    // Once the panel is in its dock, so turning painting on can raise it.
    QTimer::singleShot(0, this, [this] {
        paint_->setChecked(
            QSettings().value(QStringLiteral("maskPainting/active"), false).toBool());
    });
}

QAction* MaskTools::toolAction(MaskTool tool) const {
    for (QAction* a : tools_->actions())
        if (a->data().toInt() == int(tool))
            return a;
    return nullptr;
}

void MaskTools::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    overlay_->setDocument(document);
    if (document_)
        connect(document_, &Document::changed, this, &MaskTools::updateShapeList);
    updateShapeList();
}

void MaskTools::chooseTool(MaskTool tool) {
    toolAction(tool)->setChecked(true);
    overlay_->setTool(tool);
    paint_->setChecked(true);
}

void MaskTools::updateShapeList() {
    const QSignalBlocker blocker(shapes_);
    shapes_->clear();
    const MaskTarget t = overlay_->target();
    if (!document_ || !t.isValid() || t.maskId.isNull())
        return;
    for (const MaskRef& m : document_->project().findShot(t.shotId)->masks) {
        if (m.id != t.maskId)
            continue;
        for (int i = 0; i < m.painted.shapes.size(); ++i) {
            const MaskShape& s = m.painted.shapes[i];
            QString text = tr("%1. %2").arg(i + 1).arg(shapeName(s));
            if (s.keys.size() > 1)
                text += tr(" · %1 keys").arg(s.keys.size());
            if (s.keys.size() > 1 && s.keys.contains(t.mediaFrame))
                text += tr(" · key on this frame");
            if (!s.frames.contains(t.mediaFrame))
                text += tr(" · not on this frame");
            auto* item = new QListWidgetItem(text, shapes_);
            item->setData(Qt::UserRole, s.id.toString());
            if (s.id == overlay_->selectedShape())
                shapes_->setCurrentItem(item);
        }
    }
}

void MaskTools::frameEdit(const std::function<void(const MaskTarget&, FrameRange)>& edit) {
    const MaskTarget t = overlay_->target();
    if (!document_ || !t.isValid()) {
        Q_EMIT editFailed(tr("There is no shot at the playhead to paint on."));
        return;
    }
    QString why;
    const FrameRange frames =
        overlay_->framesFor(MaskFrames(frames_->currentData().toInt()), t, &why);
    if (frames.isEmpty()) {
        Q_EMIT editFailed(why);
        return;
    }
    try {
        edit(t, frames);
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
    }
}

void MaskTools::fill() {
    frameEdit([this](const MaskTarget& t, FrameRange frames) {
        document_->fillMask(t.shotId, t.maskId, frames);
    });
}

void MaskTools::invert() {
    frameEdit([this](const MaskTarget& t, FrameRange frames) {
        document_->invertMask(t.shotId, t.maskId, frames);
    });
}

void MaskTools::clear() {
    frameEdit([this](const MaskTarget& t, FrameRange frames) {
        if (t.maskId.isNull())
            throw Error(ErrorKind::Usage, tr("The shot has no painted mask to clear."));
        document_->clearMask(t.shotId, t.maskId, frames);
    });
}

void MaskTools::copyToInOut() {
    const MaskTarget t = overlay_->target();
    if (!document_ || !t.isValid() || t.maskId.isNull()) {
        Q_EMIT editFailed(tr("The shot at the playhead has no painted mask to copy."));
        return;
    }
    QString why;
    const FrameRange to = overlay_->framesFor(MaskFrames::InOut, t, &why);
    if (to.isEmpty()) {
        Q_EMIT editFailed(why);
        return;
    }
    try {
        document_->copyMaskFrame(t.shotId, t.maskId, t.mediaFrame, to);
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
    }
}

const MaskShape* MaskTools::selectedShape(const MaskTarget& t) const {
    if (!document_ || !t.isValid() || t.maskId.isNull())
        return nullptr;
    for (const MaskRef& m : document_->project().findShot(t.shotId)->masks)
        if (m.id == t.maskId)
            return m.painted.findShape(overlay_->selectedShape());
    return nullptr;
}

void MaskTools::keySelectedShape() {
    const MaskTarget t = overlay_->target();
    const Id shapeId = overlay_->selectedShape();
    const MaskShape* shape = selectedShape(t);
    if (!shape || !shape->hasGeometry()) {
        Q_EMIT editFailed(tr("Select a brush stroke, rectangle, ellipse or polygon to key."));
        return;
    }
    try {
        document_->setMaskShapeKey(t.shotId, t.maskId, shapeId, t.mediaFrame,
                                   shape->geometryAt(t.mediaFrame));
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
    }
}

void MaskTools::removeSelectedShapeKey() {
    const MaskTarget t = overlay_->target();
    const Id shapeId = overlay_->selectedShape();
    const MaskShape* shape = selectedShape(t);
    if (!shape || !shape->hasGeometry()) {
        Q_EMIT editFailed(tr("Select a brush stroke, rectangle, ellipse or polygon whose key "
                             "to delete."));
        return;
    }
    if (!shape->keys.contains(t.mediaFrame)) {
        Q_EMIT editFailed(tr("The selected shape has no key at the playhead; move the playhead "
                             "to one of its keys."));
        return;
    }
    try {
        document_->removeMaskShapeKey(t.shotId, t.maskId, shapeId, t.mediaFrame);
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
    }
}

void MaskTools::removeSelectedShape() {
    const MaskTarget t = overlay_->target();
    if (!document_ || !t.isValid() || t.maskId.isNull() || overlay_->selectedShape().isNull()) {
        Q_EMIT editFailed(tr("Select a shape to delete."));
        return;
    }
    try {
        document_->removeMaskShape(t.shotId, t.maskId, overlay_->selectedShape());
        overlay_->setSelectedShape(Id());
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
    }
}

int MaskTools::trackSelectedShape(TrackDirection direction) {
    const MaskTarget t = overlay_->target();
    const Id shapeId = overlay_->selectedShape();
    const MaskShape* shape = selectedShape(t);
    if (!shape || !shape->hasGeometry()) {
        Q_EMIT editFailed(tr("Select a brush stroke, rectangle, ellipse or polygon to track."));
        return 0;
    }
    if (!jobs_) {
        Q_EMIT editFailed(tr("Tracking runs as a job, and there is no job queue here."));
        return 0;
    }
    ShapeTrackRequest request;
    request.shotId = t.shotId;
    request.maskId = t.maskId;
    request.shapeId = shapeId;
    request.from = t.mediaFrame;
    request.direction = direction;
    request.model = ShapeTrackModel(trackModel_->currentData().toInt());
    request.keyTolerancePx = keyTolerance_->value();
    try {
        const Shot* shot = document_->project().findShot(t.shotId);
        const int id = jobs_->addShapeTrack(
            document_, request,
            tr("Track a mask shape of \"%1\" %2 from frame %3")
                .arg(shot->name, direction == TrackDirection::Forward    ? tr("forward")
                                 : direction == TrackDirection::Backward ? tr("backward")
                                                                         : tr("both ways"))
                .arg(t.mediaFrame - shot->source.start));
        Q_EMIT jobQueued(id);
        return id;
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
        return 0;
    }
}

void MaskTools::saveSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("maskPainting/active"), paint_->isChecked());
    settings.setValue(QStringLiteral("maskPainting/size"), size_->value());
    settings.setValue(QStringLiteral("maskPainting/hardness"), hardness_->value());
}

} // namespace retake::gui
