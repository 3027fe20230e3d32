#include "viewerwidget.h"

#include "core/timecode.h"
#include "document/document.h"
#include "editorstate.h"
#include "framerenderer.h"
#include "viewercanvas.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace retake::gui {

ViewerWidget::ViewerWidget(EditorState* state, QWidget* parent)
    : QWidget(parent)
    , state_(state)
    , renderer_(new FrameRenderer(this))
    , canvas_(new ViewerCanvas(this))
    , timecode_(new QLabel(this))
    , frameNumber_(new QLabel(this))
    , shotLabel_(new QLabel(this)) {
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
    bar->addStretch();
    bar->addWidget(shotLabel_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(canvas_, 1);
    layout->addLayout(bar);

    connect(renderer_, &FrameRenderer::frameReady, this, &ViewerWidget::showFrame);
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
        canvas_->setFrame(frame.picture, frame.maskOverlay);
    QString shot;
    if (document_) {
        if (const Shot* s = document_->project().findShot(frame.shotId))
            shot = frame.fromTake ? tr("%1 · frame %2 · take").arg(s->name).arg(frame.mediaFrame)
                                  : tr("%1 · frame %2").arg(s->name).arg(frame.mediaFrame);
    }
    shotLabel_->setText(shot);
}

void ViewerWidget::setMaskOverlayVisible(bool visible) {
    maskVisible_ = visible;
    canvas_->setOverlayVisible(visible);
}

QString ViewerWidget::timecodeText() const {
    return frameToTimecode(state_->currentFrame(), state_->frameRate());
}

void ViewerWidget::updateLabels() {
    timecode_->setText(timecodeText());
    frameNumber_->setText(tr("Frame %1 of %2").arg(state_->currentFrame()).arg(state_->duration()));
}

} // namespace retake::gui
