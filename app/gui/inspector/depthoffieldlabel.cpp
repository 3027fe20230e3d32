#include "inspector/depthoffieldlabel.h"

#include "camera/lens.h"
#include "common/editorstate.h"

#include <cmath>

namespace retake::gui {

DepthOfFieldLabel::DepthOfFieldLabel(EditorState* state, QWidget* parent)
    : QLabel(parent)
    , state_(state) {
    setObjectName(QStringLiteral("depthOfField"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setToolTip(tr("Depth of field at the camera's focus distance and f-stop; the circle of "
                  "confusion is the filmback diagonal / 1500."));
    connect(state_, &EditorState::selectedShotChanged, this, &DepthOfFieldLabel::refresh);
}

void DepthOfFieldLabel::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    if (document_)
        connect(document_, &Document::changed, this, &DepthOfFieldLabel::refresh);
    refresh();
}

QString DepthOfFieldLabel::describe(const Camera& camera) {
    if (!cameraProblem(camera).isEmpty() || !(camera.focalLengthMm > 0) ||
        !(camera.focusDistanceM > 0) || !(camera.fStop > 0))
        return {};
    const DepthOfField dof = depthOfField(camera);
    return tr("Hyperfocal %1 · sharp %2 – %3")
        .arg(metres(dof.hyperfocalM), metres(dof.nearM), metres(dof.farM));
}

QString DepthOfFieldLabel::metres(double m) {
    if (std::isinf(m))
        return tr("∞");
    return tr("%1 m").arg(m, 0, 'f', m < 10 ? 2 : 1);
}

void DepthOfFieldLabel::refresh() {
    const Shot* s = document_ ? document_->project().findShot(state_->selectedShot()) : nullptr;
    setText(s ? describe(s->camera) : QString());
}

} // namespace retake::gui
