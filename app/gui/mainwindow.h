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
class BlockingRefresher;
class Document;
class JobQueue;
} // namespace retake

namespace retake::gui {

class AudioPlayback;
class EditorActions;
class InspectorWidget;
class JobsWidget;
class MaskTools;
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
    JobQueue* jobQueue() const { return jobs_; }
    AudioPlayback* audio() const { return audio_; }
    JobsWidget* jobsView() const { return jobsView_; }
    // Edit > Take: the takes at the playhead; filled when it opens.
    QMenu* takeMenu() const { return takeMenu_; }

    // Locks (or unlocks) the In/Out selection on every shot under it.
    void lockSelection();
    void unlockSelection();
    // Regenerates the unlocked frames of the In/Out selection, one job per
    // shot under it, with the inspector's engine, parameters and seed and
    // each shot's prompt. Returns the job IDs (none when nothing to do; the
    // status bar says why).
    QVector<int> regenerateSelection();
    // Edit > Reframe…: asks for a virtual camera move on the selected shot
    // (reframedialog.h) and queues it; returns the job ID or 0.
    int reframeSelectedShot();
    // Camera > Add Move…: the move dialog (cameramovedialog.h) for the selected shot.
    void addCameraMove();
    // Camera > Render Blocking: re-renders the selected blocking shot's
    // picture now; returns the job ID or 0 (the status bar says why).
    int renderBlocking();
    BlockingRefresher* blockingRefresher() const { return blockingRefresher_; }
    // Imports dropped or chosen files through the import path (off the GUI thread).
    void importFiles(const QStringList& paths);

protected:
    void closeEvent(QCloseEvent* event) override;
    // Media files dropped on the storyboard or the timeline are imported.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void createCameraMenu(); // mainwindowcamera.cpp
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
    void exportWithDialog();
    void showSettings();
    void fillTakeMenu();
    void updateCompare();
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
    JobQueue* jobs_;
    JobsWidget* jobsView_;
    BlockingRefresher* blockingRefresher_; // jobs/blockingrefresh.h
    AudioPlayback* audio_;
    QDockWidget* jobsDock_ = nullptr;
    MaskTools* maskTools_ = nullptr; // masktools.h: the Mask Painting dock
    QMenu* takeMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QList<QDockWidget*> docks_;
    int importsRunning_ = 0;
};

} // namespace retake::gui
