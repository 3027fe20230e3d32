#pragma once

// The File menu's commands: new, open (with autosave recovery), open recent,
// save, save as, import media (off the GUI thread), import OpenTimelineIO and
// export. Errors are
// shown in a dialog naming the file; results in the window's status bar.

#include "media/media.h"

#include <QObject>
#include <QStringList>

class QMenu;

namespace retake::gui {

class MainWindow;
class RecentFiles;

class ProjectFiles : public QObject {
    Q_OBJECT
public:
    // `recentMenu` is File > Open Recent.
    ProjectFiles(MainWindow* window, QMenu* recentMenu);

    void newProject();
    void openWithDialog();
    // Opens a project file, offering to recover an autosave newer than it.
    // Returns false on an error (shown in a dialog) or when the user cancels.
    bool openProject(const QString& path);
    bool save();
    bool saveAs();
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    void importWithDialog();
    // Imports dropped or chosen files through the import path (off the GUI thread).
    void importFiles(const QStringList& paths);
    // File > Import OpenTimelineIO…: the timeline as a new, unsaved project,
    // then the import's report (dialogs/otioimportreport.h).
    void importOtioWithDialog();
    // File > Export… (dialogs/exportdialog.h).
    void exportWithDialog();

private:
    // `path` was opened as one frame of `sequence`: true when the user wants
    // only that file.
    bool askSingleFile(const QString& path, const MediaInfo& sequence);

    MainWindow* window_;
    RecentFiles* recent_;
    int importsRunning_ = 0;
};

} // namespace retake::gui
