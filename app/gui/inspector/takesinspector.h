#pragma once

// The inspector's Takes section: the pictures that can show at the playhead
// on the selected shot (the original and every take covering that frame),
// each with its engine, seed, creation time and prompt, the shown one
// marked. Activating a row (double-click, Enter or "Show take") switches
// through Document::setActiveTake, one undo step, like the Take menu.

#include "document/document.h"
#include "model/project.h"

#include <QGroupBox>
#include <QPointer>
#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace retake::gui {

class EditorState;

class TakesInspector : public QGroupBox {
    Q_OBJECT
public:
    explicit TakesInspector(EditorState* state, QWidget* parent = nullptr);

    void setDocument(Document* document);

    QTreeWidget* list() const { return list_; }
    QPushButton* showButton() const { return show_; }
    // Shows the take of row `row` (0 = the original); false (and
    // editFailed) when the document refuses.
    bool switchTo(int row);

Q_SIGNALS:
    void editFailed(const QString& message);

private:
    void refresh();
    // The selected shot and the media frame the takes are listed for: the
    // playhead when it is on the shot, else the start of the In/Out
    // selection's part on the shot.
    std::optional<std::pair<const Shot*, FrameNumber>> target() const;

    EditorState* state_;
    QPointer<Document> document_;
    QLabel* hint_;
    QTreeWidget* list_;
    QPushButton* show_;
};

} // namespace retake::gui
