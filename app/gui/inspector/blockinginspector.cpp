#include "inspector/blockinginspector.h"

#include "camera/camerajson.h"
#include "camera/lens.h"
#include "camera/shotdescription.h"
#include "common/editorstate.h"
#include "core/error.h"
#include "inspector/depthoffieldlabel.h"
#include "inspector/spinfields.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace retake::gui {

namespace {

constexpr BlockingShape kShapes[] = {BlockingShape::Box, BlockingShape::Wall,
                                     BlockingShape::Cylinder, BlockingShape::Sphere,
                                     BlockingShape::Person};

QString shapeLabel(BlockingShape shape) {
    switch (shape) {
    case BlockingShape::Box:
        return BlockingInspector::tr("Box");
    case BlockingShape::Wall:
        return BlockingInspector::tr("Wall");
    case BlockingShape::Cylinder:
        return BlockingInspector::tr("Cylinder");
    case BlockingShape::Sphere:
        return BlockingInspector::tr("Sphere");
    case BlockingShape::Person:
        return BlockingInspector::tr("Person");
    }
    return {};
}

void setSwatch(QToolButton* button, const QColor& colour) {
    QPixmap swatch(28, 14);
    swatch.fill(colour);
    QPainter(&swatch).drawRect(swatch.rect().adjusted(0, 0, -1, -1));
    button->setIcon(QIcon(swatch));
    button->setIconSize(swatch.size());
    button->setProperty("swatch", colour);
}

} // namespace

BlockingInspector::BlockingInspector(EditorState* state, QWidget* parent)
    : QGroupBox(tr("Blocking scene"), parent)
    , state_(state) {
    setObjectName(QStringLiteral("blockingInspector"));
    auto* layout = new QVBoxLayout(this);

    description_ = new QLineEdit;
    description_->setObjectName(QStringLiteral("shotDescription"));
    description_->setPlaceholderText(tr("MS 35mm dolly in 2s, two people at a table, dusk"));
    description_->setToolTip(tr("A shot description replaces the scene and the camera's pose "
                                "and keys (grammar: docs/shot-description.md)."));
    describeButton_ = new QPushButton(tr("Describe…"));
    describeButton_->setToolTip(description_->toolTip());
    auto* describeRow = new QHBoxLayout;
    describeRow->addWidget(description_, 1);
    describeRow->addWidget(describeButton_);
    layout->addLayout(describeRow);
    report_ = new QLabel;
    report_->setObjectName(QStringLiteral("descriptionReport"));
    report_->setWordWrap(true);
    report_->setTextFormat(Qt::RichText);
    report_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    report_->hide();
    layout->addWidget(report_);
    connect(describeButton_, &QPushButton::clicked, this, &BlockingInspector::applyDescription);
    connect(description_, &QLineEdit::returnPressed, this, &BlockingInspector::applyDescription);

    objects_ = new QListWidget;
    objects_->setObjectName(QStringLiteral("blockingObjects"));
    objects_->setMaximumHeight(objects_->fontMetrics().height() * 6 + 8);
    layout->addWidget(objects_);
    add_ = new QToolButton;
    add_->setText(tr("Add"));
    add_->setPopupMode(QToolButton::InstantPopup);
    auto* addMenu = new QMenu(add_);
    for (BlockingShape shape : kShapes)
        connect(addMenu->addAction(shapeLabel(shape)), &QAction::triggered, this,
                [this, shape] { addObject(shape); });
    add_->setMenu(addMenu);
    remove_ = new QPushButton(tr("Remove"));
    connect(remove_, &QPushButton::clicked, this, &BlockingInspector::removeSelectedObject);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(objects_, &QListWidget::currentRowChanged, this, [this](int row) {
        const Shot* s = shot();
        if (s && row >= 0 && row < s->blocking.objects.size())
            selectedName_ = s->blocking.objects[row].name;
        showObject();
    });

    objectForm_ = new QWidget;
    auto* form = new QFormLayout(objectForm_);
    form->setContentsMargins(0, 0, 0, 0);
    // In a narrow dock the three-field rows go under their labels.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    name_ = new QLineEdit;
    connect(name_, &QLineEdit::editingFinished, this, &BlockingInspector::commitObject);
    shape_ = new QComboBox;
    for (BlockingShape shape : kShapes)
        shape_->addItem(shapeLabel(shape), int(shape));
    connect(shape_, &QComboBox::activated, this, &BlockingInspector::commitObject);
    const QString axes[3] = {tr("x "), tr("y "), tr("z ")};
    const QString extents[3] = {tr("w "), tr("d "), tr("h ")};
    auto* positionRow = new QHBoxLayout;
    auto* sizeRow = new QHBoxLayout;
    for (int i = 0; i < 3; ++i) {
        position_[i] = addSpin(-10000, 10000, 2, tr(" m"), true);
        position_[i]->setPrefix(axes[i]);
        size_[i] = addSpin(0, 10000, 2, tr(" m"), true);
        size_[i]->setPrefix(extents[i]);
        for (QDoubleSpinBox* spin : {position_[i], size_[i]})
            shareRowWidth(spin, QStringLiteral("x -00.00 m"));
        positionRow->addWidget(position_[i]);
        sizeRow->addWidget(size_[i]);
    }
    position_[0]->setToolTip(tr("Metres right of the origin (world X)."));
    position_[1]->setToolTip(
        tr("Metres forward, where a level camera with pan 0 looks (world Y)."));
    position_[2]->setToolTip(tr("Metres up (world Z): objects stand on their position."));
    size_[0]->setToolTip(tr("Width (box, wall), diameter (cylinder, sphere)."));
    size_[1]->setToolTip(tr("Depth (box, wall)."));
    size_[2]->setToolTip(tr("Height (box, wall, cylinder); a person's standing height."));
    yaw_ = addSpin(-360, 360, 1, tr("°"), true);
    colour_ = addColourButton();
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Kind"), shape_);
    form->addRow(tr("Position"), positionRow);
    form->addRow(tr("Size"), sizeRow);
    form->addRow(tr("Turn"), yaw_);
    form->addRow(tr("Colour"), colour_);
    layout->addWidget(objectForm_);

    auto* lightForm = new QFormLayout;
    lightForm->setContentsMargins(0, 0, 0, 0);
    sunAzimuth_ = addSpin(-360, 360, 1, tr("°"), false);
    sunAzimuth_->setToolTip(tr("Direction towards the sun: 0 = +Y, counter-clockwise seen from "
                               "above."));
    sunElevation_ = addSpin(-90, 90, 1, tr("°"), false);
    sunIntensity_ = addSpin(0, 100, 2, QString(), false);
    sky_ = addColourButton();
    groundColour_ = addColourButton();
    shadows_ = new QCheckBox(tr("Shadows"));
    ground_ = new QCheckBox(tr("Ground"));
    connect(shadows_, &QCheckBox::clicked, this, &BlockingInspector::commitScene);
    connect(ground_, &QCheckBox::clicked, this, &BlockingInspector::commitScene);
    auto* checks = new QHBoxLayout;
    checks->addWidget(ground_);
    checks->addWidget(groundColour_);
    checks->addWidget(shadows_);
    checks->addStretch();
    lightForm->addRow(tr("Sun azimuth"), sunAzimuth_);
    lightForm->addRow(tr("Sun elevation"), sunElevation_);
    lightForm->addRow(tr("Sun intensity"), sunIntensity_);
    lightForm->addRow(tr("Sky"), sky_);
    lightForm->addRow(checks);
    layout->addLayout(lightForm);

    connect(state_, &EditorState::selectedShotChanged, this, [this] {
        selectedName_.clear();
        description_->clear();
        report_->hide();
        refresh();
    });
    refresh();
}

QDoubleSpinBox* BlockingInspector::addSpin(double minimum, double maximum, int decimals,
                                           const QString& suffix, bool object) {
    auto* spin = new QDoubleSpinBox;
    spin->setRange(minimum, maximum);
    spin->setDecimals(decimals);
    spin->setSuffix(suffix);
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    spin->setSingleStep(decimals > 1 ? 0.1 : 5);
    connect(spin, &QDoubleSpinBox::editingFinished, this,
            object ? &BlockingInspector::commitObject : &BlockingInspector::commitScene);
    return spin;
}

QToolButton* BlockingInspector::addColourButton() {
    auto* button = new QToolButton;
    button->setToolTip(tr("Choose the colour"));
    connect(button, &QToolButton::clicked, this, [this, button] { chooseColour(button); });
    return button;
}

void BlockingInspector::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    selectedName_.clear();
    if (document_)
        connect(document_, &Document::changed, this, &BlockingInspector::refresh);
    refresh();
}

const Shot* BlockingInspector::shot() const {
    return document_ ? document_->project().findShot(state_->selectedShot()) : nullptr;
}

const BlockingObject* BlockingInspector::selectedObject() const {
    const Shot* s = shot();
    return s ? s->blocking.find(selectedName_) : nullptr;
}

void BlockingInspector::refresh() {
    const Shot* s = shot();
    setVisible(s && s->blocking.enabled);
    if (!s)
        return;
    const BlockingScene& scene = s->blocking;
    if (!scene.find(selectedName_))
        selectedName_ = scene.objects.isEmpty() ? QString() : scene.objects.front().name;
    {
        const QSignalBlocker block(objects_);
        objects_->clear();
        for (const auto& o : scene.objects) {
            auto* item = new QListWidgetItem(
                tr("%1 (%2)").arg(o.name, shapeLabel(o.shape).toLower()), objects_);
            QPixmap swatch(12, 12);
            swatch.fill(toDisplayColour(o.colour));
            item->setIcon(QIcon(swatch));
            if (o.name == selectedName_)
                objects_->setCurrentItem(item);
        }
    }
    showObject();
    setSpin(sunAzimuth_, scene.sunAzimuthDeg);
    setSpin(sunElevation_, scene.sunElevationDeg);
    setSpin(sunIntensity_, scene.sunIntensity);
    setSwatch(sky_, toDisplayColour(scene.skyColour));
    setSwatch(groundColour_, toDisplayColour(scene.groundColour));
    const QSignalBlocker blockShadows(shadows_), blockGround(ground_);
    shadows_->setChecked(scene.shadows);
    ground_->setChecked(scene.ground);
}

void BlockingInspector::showObject() {
    const BlockingObject* o = selectedObject();
    objectForm_->setEnabled(o);
    remove_->setEnabled(o);
    if (!o)
        return;
    if (!name_->hasFocus() || name_->text() == o->name)
        name_->setText(o->name);
    const QSignalBlocker block(shape_);
    shape_->setCurrentIndex(shape_->findData(int(o->shape)));
    const double position[3] = {o->position.x, o->position.y, o->position.z};
    const double size[3] = {o->size.x, o->size.y, o->size.z};
    for (int i = 0; i < 3; ++i) {
        setSpin(position_[i], position[i]);
        setSpin(size_[i], size[i]);
    }
    setSpin(yaw_, o->yawDeg);
    setSwatch(colour_, toDisplayColour(o->colour));
}

void BlockingInspector::edit(const std::function<void()>& change, const QString& selectAfter) {
    const QString before = selectedName_;
    if (!selectAfter.isEmpty())
        selectedName_ = selectAfter; // before the edit: its changed() refreshes the list
    try {
        change();
    } catch (const Error& e) {
        selectedName_ = before;
        Q_EMIT editFailed(e.message());
        refresh();
    }
}

void BlockingInspector::commitObject() {
    const Shot* s = shot();
    const BlockingObject* old = selectedObject();
    if (!s || !old)
        return;
    BlockingObject o = *old;
    o.name = name_->text().trimmed();
    o.shape = BlockingShape(shape_->currentData().toInt());
    o.position = {edited(position_[0], o.position.x), edited(position_[1], o.position.y),
                  edited(position_[2], o.position.z)};
    o.size = {edited(size_[0], o.size.x), edited(size_[1], o.size.y), edited(size_[2], o.size.z)};
    o.yawDeg = edited(yaw_, o.yawDeg);
    if (o == *old)
        return;
    const Id shotId = s->id;
    const QString name = old->name;
    edit([&] { document_->setBlockingObject(shotId, name, o); }, o.name);
}

void BlockingInspector::commitScene() {
    const Shot* s = shot();
    if (!s)
        return;
    BlockingScene scene = s->blocking;
    scene.sunAzimuthDeg = edited(sunAzimuth_, scene.sunAzimuthDeg);
    scene.sunElevationDeg = edited(sunElevation_, scene.sunElevationDeg);
    scene.sunIntensity = edited(sunIntensity_, scene.sunIntensity);
    scene.shadows = shadows_->isChecked();
    scene.ground = ground_->isChecked();
    if (scene == s->blocking)
        return;
    const Id shotId = s->id;
    edit([&] { document_->setBlockingScene(shotId, scene); });
}

void BlockingInspector::addObject(BlockingShape shape) {
    const Shot* s = shot();
    if (!s)
        return;
    const Id shotId = s->id;
    edit([&] {
        selectedName_ = document_->addBlockingObject(shotId, shape);
        refresh();
    });
}

void BlockingInspector::removeSelectedObject() {
    const Shot* s = shot();
    const BlockingObject* o = selectedObject();
    if (!s || !o)
        return;
    const Id shotId = s->id;
    const QString name = o->name;
    edit([&] { document_->removeBlockingObject(shotId, name); });
}

void BlockingInspector::chooseColour(QToolButton* button) {
    const QColor current = button->property("swatch").value<QColor>();
    const QColor chosen = QColorDialog::getColor(current, this, tr("Choose the colour"));
    if (!chosen.isValid())
        return;
    if (button == colour_)
        setObjectColour(chosen);
    else if (button == sky_)
        setSkyColour(chosen);
    else
        setGroundColour(chosen);
}

void BlockingInspector::setObjectColour(const QColor& colour) {
    const Shot* s = shot();
    const BlockingObject* old = selectedObject();
    if (!s || !old)
        return;
    BlockingObject o = *old;
    o.colour = fromDisplayColour(colour);
    const Id shotId = s->id;
    edit([&] { document_->setBlockingObject(shotId, o.name, o); });
}

void BlockingInspector::setSkyColour(const QColor& colour) {
    const Shot* s = shot();
    if (!s)
        return;
    BlockingScene scene = s->blocking;
    scene.skyColour = fromDisplayColour(colour);
    const Id shotId = s->id;
    edit([&] { document_->setBlockingScene(shotId, scene); });
}

void BlockingInspector::setGroundColour(const QColor& colour) {
    const Shot* s = shot();
    if (!s)
        return;
    BlockingScene scene = s->blocking;
    scene.groundColour = fromDisplayColour(colour);
    const Id shotId = s->id;
    edit([&] { document_->setBlockingScene(shotId, scene); });
}

void BlockingInspector::report(const QString& text, const QString& problem) {
    QStringList lines;
    if (!text.isEmpty())
        lines << text.toHtmlEscaped();
    if (!problem.isEmpty())
        lines << QStringLiteral("<span style=\"color: #d9534f;\">%1</span>")
                     .arg(problem.toHtmlEscaped());
    report_->setText(lines.join(QStringLiteral("<br>")));
    report_->setVisible(!lines.isEmpty());
}

void BlockingInspector::applyDescription() {
    const Shot* s = shot();
    const QString text = description_->text().trimmed();
    if (!s || text.isEmpty())
        return;
    const Id shotId = s->id;
    try {
        const DescribedShot d =
            describeShot(text, s->camera, shotDescriptionSettings(document_->project(), *s));
        document_->applyShotDescription(shotId, d.camera, d.scene);
        QString summary =
            tr("%1: subject %2 tall, %3 away; %n object(s).", nullptr, int(d.scene.objects.size()))
                .arg(QString::fromLatin1(shotSizeInfo(d.shotSize).code),
                     DepthOfFieldLabel::metres(d.subjectHeightM),
                     DepthOfFieldLabel::metres(d.subjectDistanceM));
        if (d.moveFrames > 0)
            summary += QLatin1Char(' ') + tr("Move over %n frame(s).", nullptr, int(d.moveFrames));
        report(summary, d.unknownWords.isEmpty()
                            ? QString()
                            : tr("Not understood (ignored): %1")
                                  .arg(d.unknownWords.join(QStringLiteral(", "))));
    } catch (const Error& e) {
        report(QString(), e.message());
        Q_EMIT editFailed(e.message());
    }
}

QColor BlockingInspector::toDisplayColour(const Vec3& linear) {
    const auto encode = [](double v) {
        v = std::clamp(v, 0.0, 1.0);
        return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
    };
    return QColor::fromRgbF(float(encode(linear.x)), float(encode(linear.y)),
                            float(encode(linear.z)));
}

Vec3 BlockingInspector::fromDisplayColour(const QColor& colour) {
    // The same decoding as the CLI's #rrggbb (8-bit sRGB -> linear albedo).
    const auto decode = [](int v8) {
        const double v = v8 / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = colour.toRgb();
    return {decode(rgb.red()), decode(rgb.green()), decode(rgb.blue())};
}

} // namespace retake::gui
