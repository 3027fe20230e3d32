#pragma once

// The shots of the first video track in timeline order, one row each, for
// the storyboard. Reordering rows (drag and drop) moves the shot through
// Document::moveShot; the rows are rebuilt from the project on every change.

#include "document/document.h"
#include "model/project.h"

#include <QAbstractListModel>
#include <QPointer>

namespace retake::gui {

class ThumbnailCache;

class StoryboardModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ShotIdRole = Qt::UserRole + 1,
        ThumbnailRole, // QImage, null while loading
        ThumbnailErrorRole,
        DurationRole,     // frames
        TimecodeRole,     // duration as timecode
        FocalLengthRole,  // mm
        LockedFramesRole, // frames of the shot that are locked
        PromptRole,
        TakeCountRole,
    };

    explicit StoryboardModel(ThumbnailCache* thumbnails, QObject* parent = nullptr);

    void setDocument(Document* document);
    Document* document() const { return document_; }
    int rowOf(const Id& shotId) const { return rows_.indexOf(shotId); }
    Id shotAt(int row) const { return rows_.value(row); }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override;
    // Moves one shot: Document::moveShot, one undo step.
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;

Q_SIGNALS:
    // An edit the document refused (its message, for the status bar).
    void editFailed(const QString& message);

private:
    void rebuild();
    void thumbnailReady(const QString& mediaPath, FrameNumber frame);

    QPointer<Document> document_;
    ThumbnailCache* thumbnails_;
    QVector<Id> rows_;
};

} // namespace retake::gui
