#pragma once

// The editor window over one Document. Data flow: a user action calls one of
// the Document's edit methods (one undo step on its single QUndoStack); the
// Document signals changed(); every view re-reads the project. The window
// adds no editing logic of its own.
//
// The window builds the views, docks and menus and switches documents; what
// the menus do lives in helpers it owns: ProjectFiles (File: new, open, save,
// import, export), SelectionCommands (Edit: locks, regenerate, reframe, takes),
// CameraMenu (Camera: moves, blocking renders) and MediaDropFilter (media
// files dropped on the storyboard or the timeline).

#include "common/editorstate.h"

#include <QMainWindow>
#include <memory>

class QDockWidget;
class QMenu;
class QUndoView;

namespace retake {
class BlockingRefresher;
class ProxyRefresher;
class Document;
class JobQueue;
} // namespace retake

namespace retake::gui {

class AudioPlayback;
class CameraMenu;
class EditorActions;
class InspectorWidget;
class JobsWidget;
class MaskTools;
class ProjectFiles;
class SelectionCommands;
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
    // when the user cancels (ProjectFiles::openProject).
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
    JobQueue* jobQueue() const { return jobs_; }
    AudioPlayback* audio() const { return audio_; }
    JobsWidget* jobsView() const { return jobsView_; }
    BlockingRefresher* blockingRefresher() const { return blockingRefresher_; }
    ProxyRefresher* proxyRefresher() const { return proxyRefresher_; }
    ProjectFiles* files() const { return files_; }
    SelectionCommands* selectionCommands() const { return selection_; }
    CameraMenu* cameraMenu() const { return cameraMenu_; }
    // Edit > Take: the takes at the playhead; filled when it opens.
    QMenu* takeMenu() const { return takeMenu_; }

    // Locks the In/Out selection on every shot under it
    // (SelectionCommands::lockSelection).
    void lockSelection();
    // Regenerates the unlocked frames of the In/Out selection; returns the
    // job IDs (SelectionCommands::regenerateSelection).
    QVector<int> regenerateSelection();

    // A message in the status bar for ten seconds.
    void showStatus(const QString& message);
    // Shows and raises the Jobs dock (after a job was queued).
    void showJobs();
    // The project's name (or file name), an unsaved-changes marker and the
    // application name.
    void updateTitle();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void createViewMenu();
    void connectActions();
    QDockWidget* addDock(const QString& title, const QString& objectName, QWidget* widget,
                         Qt::DockWidgetArea area);
    void documentChanged();
    void updateUndoActions();

    void showSettings();
    void updateCompare();
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
    JobQueue* jobs_;
    JobsWidget* jobsView_;
    BlockingRefresher* blockingRefresher_; // jobs/blockingrefresh.h
    ProxyRefresher* proxyRefresher_;       // jobs/proxyrefresh.h: the viewer's proxies
    AudioPlayback* audio_;
    ProjectFiles* files_;
    SelectionCommands* selection_;
    CameraMenu* cameraMenu_ = nullptr;
    QDockWidget* jobsDock_ = nullptr;
    QMenu* takeMenu_ = nullptr;
    MaskTools* maskTools_ = nullptr; // docks/masktools.h: the Mask Painting dock
    QList<QDockWidget*> docks_;
};

} // namespace retake::gui
