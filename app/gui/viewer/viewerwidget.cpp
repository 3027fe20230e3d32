#include "viewer/viewerwidget.h"

#include "common/editorstate.h"
#include "core/error.h"
#include "core/timecode.h"
#include "document/document.h"
#include "viewer/framerenderer.h"
#include "viewer/viewercanvas.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace retake::gui {

ViewerWidget::ViewerWidget(EditorState* state, QWidget* parent)
    : QWidget(parent)
    , state_(state)
    , renderer_(new FrameRenderer(this))
    , canvas_(new ViewerCanvas(this))
    , timecode_(new QLabel(this))
    , frameNumber_(new QLabel(this))
    , shotLabel_(new QLabel(this))
    , proxyBadge_(new QLabel(tr("PROXY"), this))
    , display_(new QComboBox(this))
    , view_(new QComboBox(this)) {
    setObjectName(QStringLiteral("viewer"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.25);
    timecode_->setFont(mono);
    timecode_->setObjectName(QStringLiteral("viewerTimecode"));
    frameNumber_->setObjectName(QStringLiteral("viewerFrame"));
    shotLabel_->setTextFormat(Qt::PlainText);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 2, 8, 4);
    bar->addWidget(timecode_);
    bar->addSpacing(12);
    bar->addWidget(frameNumber_);
    bar->addSpacing(12); // kept when a narrow viewer leaves the stretch nothing
    bar->addStretch();
    bar->addWidget(shotLabel_);
    proxyBadge_->setObjectName(QStringLiteral("viewerProxyBadge"));
    proxyBadge_->setToolTip(tr("This frame is read from the clip's proxy, a smaller all-intra copy "
                               "made for the viewer. Export, regeneration and masks always use the "
                               "original."));
    proxyBadge_->setStyleSheet(QStringLiteral(
        "QLabel { background: #c98a00; color: black; font-weight: bold; padding: 0px 5px; "
        "border-radius: 3px; }"));
    proxyBadge_->hide();
    bar->addSpacing(6);
    bar->addWidget(proxyBadge_);
    bar->addSpacing(12);
    display_->setObjectName(QStringLiteral("viewerDisplay"));
    display_->setToolTip(tr("OCIO display the viewer shows the frames on"));
    display_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    view_->setObjectName(QStringLiteral("viewerView"));
    view_->setToolTip(tr("OCIO view: how scene colours are rendered for the display"));
    view_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(display_);
    bar->addWidget(view_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(canvas_, 1);
    layout->addLayout(bar);

    connect(renderer_, &FrameRenderer::frameReady, this, &ViewerWidget::showFrame);
    canvas_->installEventFilter(this);
    connect(display_, &QComboBox::activated, this, [this] { pickDisplay(true); });
    connect(view_, &QComboBox::activated, this, [this] { pickDisplay(false); });
    connect(state_, &EditorState::playbackRateChanged, renderer_,
            [this](double rate) { renderer_->setReadAhead(rate > 0); });
    connect(state_, &EditorState::currentFrameChanged, this, &ViewerWidget::requestCurrentFrame);
    connect(state_, &EditorState::currentFrameChanged, this, &ViewerWidget::updateLabels);
    connect(state_, &EditorState::timelineChanged, this, &ViewerWidget::updateLabels);
    updateLabels();
    canvas_->setMessage(tr("Open a project (Ctrl+O) or import media (Ctrl+I)."));
}

void ViewerWidget::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    shownFrame_ = -1;
    if (document_)
        connect(document_, &Document::changed, this, &ViewerWidget::projectChanged);
    projectChanged();
}

void ViewerWidget::projectChanged() {
    renderer_->setProject(document_ ? document_->project() : Project());
    requestCurrentFrame();
    updateLabels();
}

void ViewerWidget::requestCurrentFrame() {
    if (!document_ || state_->duration() <= 0) {
        shownFrame_ = -1;
        canvas_->setMessage(document_ ? tr("The timeline is empty. Import media (Ctrl+I).")
                                      : QString());
        return;
    }
    renderer_->request(state_->currentFrame());
}

void ViewerWidget::showFrame(const RenderedFrame& frame) {
    shownFrame_ = frame.frame;
    if (frame.picture.isNull())
        canvas_->setMessage(frame.error);
    else
        canvas_->setFrame(frame.picture, frame.maskOverlay, frame.original);
    QString shot;
    if (document_) {
        if (const Shot* s = document_->project().findShot(frame.shotId))
            shot = frame.fromTake ? tr("%1 · frame %2 · take").arg(s->name).arg(frame.mediaFrame)
                                  : tr("%1 · frame %2").arg(s->name).arg(frame.mediaFrame);
    }
    shotLabel_->setText(shot);
    proxyBadge_->setVisible(frame.fromProxy && !frame.picture.isNull());
    Q_EMIT frameShown(frame.frame);
}

void ViewerWidget::setProxies(const ProxyMap& proxies) {
    if (proxies == renderer_->proxies())
        return;
    renderer_->setProxies(proxies);
    requestCurrentFrame();
}

void ViewerWidget::setCompare(ViewerCanvas::Compare mode) {
    renderer_->setCompareEnabled(mode != ViewerCanvas::Compare::Off);
    canvas_->setCompare(mode);
    // The original is decoded with the frame: render the current one again.
    requestCurrentFrame();
}

void ViewerWidget::loadDisplaySettings() {
    QSettings settings;
    DisplaySettings display;
    display.configPath = settings.value(QStringLiteral("color/ocioConfig")).toString();
    display.lookPath = settings.value(QStringLiteral("color/look")).toString();
    display.display = settings.value(QStringLiteral("color/display")).toString();
    display.view = settings.value(QStringLiteral("color/view")).toString();
    const bool raw = settings.value(QStringLiteral("color/raw"), false).toBool();
    try {
        const ColourPipeline pipeline = ColourPipeline::load(display.configPath);
        if (raw) {
            display.display.clear();
        } else {
            if (!pipeline.displays().contains(display.display)) {
                display.display = pipeline.defaultDisplay();
                display.view.clear();
            }
            if (!pipeline.views(display.display).contains(display.view))
                display.view = preferredView(pipeline, display.display);
        }
    } catch (const Error& e) {
        Q_EMIT displayError(e.message());
        display = DisplaySettings();
    }
    applyDisplay(display);
}

void ViewerWidget::applyDisplay(const DisplaySettings& display) {
    try {
        renderer_->setDisplay(display);
    } catch (const Error& e) {
        Q_EMIT displayError(e.message());
    }
    fillDisplayCombos();
    requestCurrentFrame();
}

void ViewerWidget::fillDisplayCombos() {
    const DisplaySettings& current = renderer_->display();
    const QSignalBlocker blockDisplay(display_);
    const QSignalBlocker blockView(view_);
    display_->clear();
    view_->clear();
    display_->addItem(tr("No colour management"), QString());
    view_->setEnabled(!current.display.isEmpty());
    std::optional<ColourPipeline> pipeline;
    try {
        pipeline = ColourPipeline::load(current.configPath);
    } catch (const Error&) {
        return; // reported when the settings were applied
    }
    for (const QString& d : pipeline->displays())
        display_->addItem(d, d);
    display_->setCurrentIndex(std::max(0, display_->findData(current.display)));
    if (current.display.isEmpty())
        return;
    for (const QString& v : pipeline->views(current.display))
        view_->addItem(v, v);
    view_->setCurrentIndex(std::max(0, view_->findData(current.view)));
}

QString preferredView(const ColourPipeline& pipeline, const QString& display) {
    // Un-tone-mapped shows display-referred footage as the file stores it,
    // like an export without a colour pipeline.
    const QStringList views = pipeline.views(display);
    return views.contains(QStringLiteral("Un-tone-mapped")) ? QStringLiteral("Un-tone-mapped")
                                                            : pipeline.defaultView(display);
}

void ViewerWidget::pickDisplay(bool displayChanged) {
    DisplaySettings display = renderer_->display();
    display.display = display_->currentData().toString();
    display.view = view_->currentData().toString();
    if (displayChanged && !display.display.isEmpty()) {
        try {
            display.view = preferredView(ColourPipeline::load(display.configPath), display.display);
        } catch (const Error& e) {
            Q_EMIT displayError(e.message());
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("color/raw"), display.display.isEmpty());
    if (!display.display.isEmpty()) {
        settings.setValue(QStringLiteral("color/display"), display.display);
        settings.setValue(QStringLiteral("color/view"), display.view);
    }
    applyDisplay(display);
}

bool ViewerWidget::eventFilter(QObject* watched, QEvent* event) {
    if (watched == canvas_ && event->type() == QEvent::Resize) {
        // Rounded up to 256 px steps: resizing the window does not throw the
        // cache away on every pixel.
        const QSize pixels = canvas_->size() * canvas_->devicePixelRatioF();
        const auto step = [](int v) { return (v + 255) / 256 * 256; };
        const QSize target(step(pixels.width()), step(pixels.height()));
        if (target != renderer_->targetSize()) {
            renderer_->setTargetSize(target);
            if (shownFrame_ >= 0)
                requestCurrentFrame();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ViewerWidget::setMaskOverlayVisible(bool visible) {
    maskVisible_ = visible;
    canvas_->setOverlayVisible(visible);
    renderer_->setPaintedMasksEnabled(visible);
    requestCurrentFrame();
}

QString ViewerWidget::timecodeText() const {
    return frameToTimecode(state_->currentFrame(), state_->frameRate());
}

void ViewerWidget::updateLabels() {
    timecode_->setText(timecodeText());
    frameNumber_->setText(tr("Frame %1 of %2").arg(state_->currentFrame()).arg(state_->duration()));
}

} // namespace retake::gui
