#pragma once

// The editor window over one Document. Data flow: a user action calls one of
// the Document's edit methods (one undo step on its single QUndoStack); the
// Document signals changed(); every view re-reads the project. The window
// adds no editing logic of its own.

#include "editorstate.h"

#include <QMainWindow>
#include <memory>

class QDockWidget;
class QMenu;
class QUndoView;

namespace retake {
class Document;
}

namespace retake::gui {

class EditorActions;
class InspectorWidget;
class RecentFiles;
class StoryboardView;
class TimelineWidget;
class ViewerWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project file, offering to recover an autosave newer than it.
    // Errors are shown in a dialog naming the file; returns false then, or
    // when the user cancels.
    bool openProject(const QString& path);
    // Replaces the open document (no questions asked).
    void setDocument(std::unique_ptr<Document> document);

    Document* document() const { return document_.get(); }
    EditorState* state() { return &state_; }
    EditorActions* actions() const { return actions_; }
    StoryboardView* storyboard() const { return storyboard_; }
    TimelineWidget* timeline() const { return timeline_; }
    ViewerWidget* viewer() const { return viewer_; }
    InspectorWidget* inspector() const { return inspector_; }
    QUndoView* historyView() const { return history_; }

    // Locks (or unlocks) the In/Out selection on every shot under it.
    void lockSelection();
    void unlockSelection();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void connectActions();
    QDockWidget* addDock(const QString& title, const QString& objectName, QWidget* widget,
                         Qt::DockWidgetArea area);
    void documentChanged();
    void updateTitle();
    void updateUndoActions();
    void showStatus(const QString& message);

    void newProject();
    void openWithDialog();
    bool save();
    bool saveAs();
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    void importWithDialog();
    void importFiles(const QStringList& paths);
    void changeLocks(bool lock);
    void showShortcuts();
    void showAbout();
    void chooseLanguage(const QString& code);
    void restoreSettings();
    void saveSettings();

    std::unique_ptr<Document> document_;
    EditorState state_;
    EditorActions* actions_;
    ViewerWidget* viewer_;
    StoryboardView* storyboard_;
    TimelineWidget* timeline_;
    InspectorWidget* inspector_;
    QUndoView* history_;
    QMenu* recentMenu_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QList<QDockWidget*> docks_;
    int importsRunning_ = 0;
};

} // namespace retake::gui
