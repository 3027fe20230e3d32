#include "inspector/colourinspector.h"

#include "common/editorstate.h"
#include "core/error.h"
#include "ocio/colourpipeline.h"
#include "timeline/mediacolour.h"

#include <QComboBox>
#include <QFormLayout>
#include <QSettings>
#include <QSignalBlocker>

namespace retake::gui {

namespace {

// The viewer's config (Settings > Colour), so the names offered are the ones
// the viewer can apply.
ColourPipeline viewerPipeline() {
    return ColourPipeline::load(QSettings().value(QStringLiteral("color/ocioConfig")).toString());
}

} // namespace

ColourInspector::ColourInspector(EditorState* state, QWidget* parent)
    : QGroupBox(tr("Colour"), parent)
    , state_(state)
    , inputSpace_(new QComboBox) {
    setObjectName(QStringLiteral("inspectorColour"));
    inputSpace_->setObjectName(QStringLiteral("inputSpaceCombo"));
    inputSpace_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    inputSpace_->setToolTip(tr("The colour space the media's pixels are in. Automatic reads the "
                               "file's colour tags, else the OCIO config's file rules. The viewer "
                               "and every export use it."));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Input colour space"), inputSpace_);
    connect(inputSpace_, &QComboBox::activated, this, &ColourInspector::commit);
    connect(state_, &EditorState::selectedShotChanged, this, &ColourInspector::refresh);
    refresh();
}

void ColourInspector::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    if (document_)
        connect(document_, &Document::changed, this, &ColourInspector::refresh);
    refresh();
}

const MediaRef* ColourInspector::media() const {
    if (!document_)
        return nullptr;
    const Shot* shot = document_->project().findShot(state_->selectedShot());
    return shot ? document_->project().findMedia(shot->mediaId) : nullptr;
}

void ColourInspector::refresh() {
    const QSignalBlocker block(inputSpace_);
    inputSpace_->clear();
    const MediaRef* m = media();
    setEnabled(m != nullptr);
    if (!m)
        return;
    try {
        const ColourPipeline pipeline = viewerPipeline();
        inputSpace_->addItem(tr("Automatic (%1)").arg(automaticInputSpace(pipeline, *m)),
                             QString());
        for (const QString& space : pipeline.colourSpaces())
            inputSpace_->addItem(space, space);
        if (!m->inputSpace.isEmpty() && inputSpace_->findData(m->inputSpace) < 0)
            // Chosen with another config: shown as it is, not silently replaced.
            inputSpace_->addItem(tr("%1 (not in this config)").arg(m->inputSpace), m->inputSpace);
        inputSpace_->setCurrentIndex(std::max(0, inputSpace_->findData(m->inputSpace)));
    } catch (const Error& e) {
        inputSpace_->addItem(m->inputSpace.isEmpty() ? tr("Automatic") : m->inputSpace,
                             m->inputSpace);
        inputSpace_->setToolTip(e.message());
        setEnabled(false);
    }
}

void ColourInspector::commit(int index) {
    const MediaRef* m = media();
    if (!m || index < 0)
        return;
    const QString space = inputSpace_->itemData(index).toString();
    if (space == m->inputSpace)
        return;
    try {
        document_->setMediaInputSpace(m->id, space, viewerPipeline());
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
        refresh();
    }
}

} // namespace retake::gui
