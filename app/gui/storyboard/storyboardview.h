#pragma once

// The storyboard dock: one card per shot in timeline order. Drag a card to
// reorder the shots; double-click to go to the shot in the viewer and timeline.

#include "model/project.h"

#include <QListView>

namespace retake {
class Document;
}

namespace retake::gui {

class EditorState;
class StoryboardModel;
class ThumbnailCache;

class StoryboardView : public QListView {
    Q_OBJECT
public:
    StoryboardView(EditorState* state, QWidget* parent = nullptr);

    void setDocument(Document* document);
    StoryboardModel* storyboardModel() const { return model_; }
    int cardCount() const;
    ThumbnailCache* thumbnails() const { return thumbnails_; }

Q_SIGNALS:
    void editFailed(const QString& message);

private:
    void activateRow(const QModelIndex& index);
    void showSelectedShot();

    EditorState* state_;
    ThumbnailCache* thumbnails_;
    StoryboardModel* model_;
};

} // namespace retake::gui
