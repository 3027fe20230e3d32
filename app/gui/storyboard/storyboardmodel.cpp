#include "storyboard/storyboardmodel.h"

#include "core/error.h"
#include "core/timecode.h"
#include "document/document.h"
#include "storyboard/thumbnailcache.h"

#include <QDir>

namespace retake::gui {

StoryboardModel::StoryboardModel(ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent)
    , thumbnails_(thumbnails) {
    connect(thumbnails_, &ThumbnailCache::thumbnailReady, this, &StoryboardModel::thumbnailReady);
}

void StoryboardModel::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    if (document_)
        connect(document_, &Document::changed, this, &StoryboardModel::rebuild);
    rebuild();
}

void StoryboardModel::rebuild() {
    beginResetModel();
    rows_.clear();
    if (document_) {
        if (const Track* video = document_->project().firstTrack(TrackKind::Video))
            rows_ = video->shots;
    }
    endResetModel();
}

int StoryboardModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant StoryboardModel::data(const QModelIndex& index, int role) const {
    if (!document_ || !index.isValid() || index.row() >= rows_.size())
        return {};
    const Project& project = document_->project();
    const Shot* shot = project.findShot(rows_[index.row()]);
    if (!shot)
        return {};
    const MediaRef* media = project.findMedia(shot->mediaId);
    const QString mediaPath = media ? media->path : QString();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return shot->name;
    case Qt::ToolTipRole:
        return media ? QDir::toNativeSeparators(media->path) : QString();
    case ShotIdRole:
        return shot->id;
    case ThumbnailRole:
        if (media && media->isGap()) { // an edit's gap: black, as it plays
            QImage black(
                thumbnails_->width(),
                std::max(1, thumbnails_->width() * project.height / std::max(1, project.width)),
                QImage::Format_RGB32);
            black.fill(Qt::black);
            return black;
        }
        return thumbnails_->thumbnail(mediaPath, shot->source.start,
                                      media ? media->kind : MediaKind::Video);
    case ThumbnailErrorRole:
        return thumbnails_->error(mediaPath, shot->source.start);
    case DurationRole:
        return qint64(shot->duration());
    case TimecodeRole:
        return frameToTimecode(shot->duration(), project.frameRate);
    case FocalLengthRole:
        return shot->camera.focalLengthMm;
    case LockedFramesRole: {
        FrameRangeSet visible;
        for (const FrameRange& r : shot->locks.ranges())
            visible.add(r.intersected(shot->source));
        return qint64(visible.frameCount());
    }
    case PromptRole:
        return shot->prompt;
    case TakeCountRole:
        return int(shot->takes.size());
    }
    return {};
}

Qt::ItemFlags StoryboardModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
}

Qt::DropActions StoryboardModel::supportedDropActions() const {
    return Qt::MoveAction;
}

bool StoryboardModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                               const QModelIndex& destinationParent, int destinationChild) {
    if (!document_ || sourceParent.isValid() || destinationParent.isValid() || count != 1 ||
        sourceRow < 0 || sourceRow >= rows_.size())
        return false;
    // destinationChild is the row the shot goes before, counted before the
    // move; Document::moveShot wants the index after it.
    int target = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    target = std::clamp(target, 0, int(rows_.size()) - 1);
    if (target == sourceRow)
        return true;
    try {
        document_->moveShot(rows_[sourceRow], target);
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
        return false;
    }
    return true;
}

void StoryboardModel::thumbnailReady(const QString& mediaPath, FrameNumber frame) {
    if (!document_)
        return;
    const Project& project = document_->project();
    for (int row = 0; row < rows_.size(); ++row) {
        const Shot* shot = project.findShot(rows_[row]);
        const MediaRef* media = shot ? project.findMedia(shot->mediaId) : nullptr;
        if (media && media->path == mediaPath && shot->source.start == frame)
            Q_EMIT dataChanged(index(row), index(row), {ThumbnailRole, ThumbnailErrorRole});
    }
}

} // namespace retake::gui
