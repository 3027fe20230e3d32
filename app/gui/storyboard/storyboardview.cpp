#include "storyboard/storyboardview.h"

#include "common/editorstate.h"
#include "common/timelinemapping.h"
#include "document/document.h"
#include "storyboard/storyboarddelegate.h"
#include "storyboard/storyboardmodel.h"
#include "storyboard/thumbnailcache.h"

namespace retake::gui {

StoryboardView::StoryboardView(EditorState* state, QWidget* parent)
    : QListView(parent)
    , state_(state)
    , thumbnails_(new ThumbnailCache(StoryboardDelegate::kThumbWidth * 2, this))
    , model_(new StoryboardModel(thumbnails_, this)) {
    setObjectName(QStringLiteral("storyboard"));
    setModel(model_);
    setItemDelegate(new StoryboardDelegate(this));
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setSpacing(4);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);

    connect(model_, &StoryboardModel::editFailed, this, &StoryboardView::editFailed);
    connect(this, &QListView::doubleClicked, this, &StoryboardView::activateRow);
    connect(this, &QListView::clicked, this,
            [this](const QModelIndex& index) { state_->selectShot(model_->shotAt(index.row())); });
    connect(state_, &EditorState::selectedShotChanged, this, &StoryboardView::showSelectedShot);
    connect(model_, &QAbstractItemModel::modelReset, this, &StoryboardView::showSelectedShot);
}

void StoryboardView::setDocument(Document* document) {
    model_->setDocument(document);
}

int StoryboardView::cardCount() const {
    return model_->rowCount();
}

void StoryboardView::activateRow(const QModelIndex& index) {
    const Id shotId = model_->shotAt(index.row());
    if (shotId.isNull() || !model_->document())
        return;
    state_->selectShot(shotId);
    const FrameRange placed = placementOf(model_->document()->project(), shotId);
    if (!placed.isEmpty())
        state_->setCurrentFrame(placed.start);
}

void StoryboardView::showSelectedShot() {
    const int row = model_->rowOf(state_->selectedShot());
    if (row < 0) {
        clearSelection();
        return;
    }
    const QModelIndex index = model_->index(row);
    setCurrentIndex(index);
    scrollTo(index);
}

} // namespace retake::gui
