#include "mainwindow/editoractions.h"

#include "farm/slurm.h"

#include <QAction>
#include <QWidget>

namespace retake::gui {

EditorActions::EditorActions(QWidget* window)
    : QObject(window)
    , window_(window) {
    newProject = make(tr("&New Project"), {QKeySequence::New}, QStringLiteral("actionNew"));
    open = make(tr("&Open…"), {QKeySequence::Open}, QStringLiteral("actionOpen"));
    save = make(tr("&Save"), {QKeySequence::Save}, QStringLiteral("actionSave"));
    saveAs = make(tr("Save &As…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                  QStringLiteral("actionSaveAs"));
    importMedia = make(tr("&Import Media…"), {QKeySequence(Qt::CTRL | Qt::Key_I)},
                       QStringLiteral("actionImport"));
    importOtio = make(tr("Import &OpenTimelineIO…"), {}, QStringLiteral("actionImportOtio"));
    importOtio->setStatusTip(tr("Open an .otio timeline as a new project; a report says what was "
                                "kept, changed or dropped."));
    exportMedia =
        make(tr("&Export…"), {QKeySequence(Qt::CTRL | Qt::Key_E)}, QStringLiteral("actionExport"));
    exportMedia->setStatusTip(
        tr("Export graded footage, EXR or depth sequences, a shot's camera or the timeline "
           "(OTIO); long exports run as background jobs."));
    settings = make(tr("Se&ttings…"), {QKeySequence(Qt::CTRL | Qt::Key_Comma)},
                    QStringLiteral("actionSettings"));
    settings->setMenuRole(QAction::PreferencesRole);
    quit = make(tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}, QStringLiteral("actionQuit"));
    quit->setMenuRole(QAction::QuitRole);

    undo = make(tr("&Undo"), {QKeySequence(Qt::CTRL | Qt::Key_Z)}, QStringLiteral("actionUndo"));
    redo =
        make(tr("&Redo"),
             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)},
             QStringLiteral("actionRedo"));
    // J/K/L is the shuttle, as in every NLE, so locking is Ctrl+L.
    lockRange =
        make(tr("&Lock Range"), {QKeySequence(Qt::CTRL | Qt::Key_L)}, QStringLiteral("actionLock"));
    lockRange->setStatusTip(tr("Lock the frames between In and Out: regeneration keeps them."));
    unlockRange = make(tr("U&nlock Range"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
                       QStringLiteral("actionUnlock"));
    // M shows the mask, so a marker is Ctrl+M.
    addMarker = make(tr("Add &Marker…"), {QKeySequence(Qt::CTRL | Qt::Key_M)},
                     QStringLiteral("actionAddMarker"));
    addMarker->setStatusTip(tr("Put a named marker on the timeline at the playhead; it goes out "
                               "with OpenTimelineIO exports."));
    regenerateRange = make(tr("&Regenerate Range"), {QKeySequence(Qt::Key_R)},
                           QStringLiteral("actionRegenerate"));
    regenerateRange->setStatusTip(tr("Regenerate the unlocked frames between In and Out as a "
                                     "new take, with the engine chosen in the inspector."));
    sendRangeToFarm = make(tr("Send Range to &Farm…"), {}, QStringLiteral("actionSendToFarm"));
    if (slurmAvailable()) {
        sendRangeToFarm->setStatusTip(tr("Regenerate the unlocked frames between In and Out on "
                                         "the render farm (Slurm); the take appears when it is "
                                         "done."));
    } else {
        sendRangeToFarm->setEnabled(false);
        sendRangeToFarm->setStatusTip(tr("No render farm scheduler on this machine (Slurm's "
                                         "sbatch is not on PATH); retake-cli farm writes plans "
                                         "and Open Job Description templates."));
    }

    playPause =
        make(tr("&Play/Pause"), {QKeySequence(Qt::Key_Space)}, QStringLiteral("actionPlayPause"));
    stepBack =
        make(tr("Previous &Frame"), {QKeySequence(Qt::Key_Left)}, QStringLiteral("actionStepBack"));
    stepForward =
        make(tr("&Next Frame"), {QKeySequence(Qt::Key_Right)}, QStringLiteral("actionStepForward"));
    jumpBack = make(tr("&Back 10 Frames"), {QKeySequence(Qt::SHIFT | Qt::Key_Left)},
                    QStringLiteral("actionJumpBack"));
    jumpForward = make(tr("F&orward 10 Frames"), {QKeySequence(Qt::SHIFT | Qt::Key_Right)},
                       QStringLiteral("actionJumpForward"));
    goToStart =
        make(tr("Go to &Start"), {QKeySequence(Qt::Key_Home)}, QStringLiteral("actionGoToStart"));
    goToEnd = make(tr("Go to &End"), {QKeySequence(Qt::Key_End)}, QStringLiteral("actionGoToEnd"));
    markIn = make(tr("Set &In"), {QKeySequence(Qt::Key_I)}, QStringLiteral("actionMarkIn"));
    markOut = make(tr("Set &Out"), {QKeySequence(Qt::Key_O)}, QStringLiteral("actionMarkOut"));
    clearInOut = make(tr("&Clear In/Out"), {QKeySequence(Qt::ALT | Qt::Key_X)},
                      QStringLiteral("actionClearInOut"));
    shuttleReverse = make(tr("Play &Reverse"), {QKeySequence(Qt::Key_J)},
                          QStringLiteral("actionShuttleReverse"));
    shuttleReverse->setStatusTip(tr("Play backwards; press again to double the speed."));
    shuttleStop = make(tr("S&top"), {QKeySequence(Qt::Key_K)}, QStringLiteral("actionShuttleStop"));
    shuttleForward = make(tr("Play For&ward"), {QKeySequence(Qt::Key_L)},
                          QStringLiteral("actionShuttleForward"));
    shuttleForward->setStatusTip(tr("Play forwards; press again to double the speed."));

    zoomIn = make(tr("Zoom &In"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
                  QStringLiteral("actionZoomIn"));
    zoomOut = make(tr("Zoom &Out"), {QKeySequence(Qt::Key_Minus)}, QStringLiteral("actionZoomOut"));
    zoomToFit = make(tr("Zoom to &Fit"), {QKeySequence(Qt::SHIFT | Qt::Key_Z)},
                     QStringLiteral("actionZoomToFit"));
    showMask = make(tr("Show &Mask"), {QKeySequence(Qt::Key_M)}, QStringLiteral("actionShowMask"));
    showMask->setCheckable(true);
    showMask->setStatusTip(tr("Show the shot's stationary mask as a red overlay in the viewer."));
    compareSplit =
        make(tr("Compare &Split"), {QKeySequence(Qt::Key_W)}, QStringLiteral("actionCompareSplit"));
    compareSplit->setCheckable(true);
    compareSplit->setStatusTip(tr("Show the original left of a divider and the take right of it; "
                                  "drag in the viewer to move the divider."));
    compareOriginal = make(tr("Show &Original"), {QKeySequence(Qt::Key_Backslash)},
                           QStringLiteral("actionCompareOriginal"));
    compareOriginal->setCheckable(true);
    compareOriginal->setStatusTip(tr("Show the original frames in place of the take, to flip "
                                     "between them."));

    shortcuts = make(tr("&Keyboard Shortcuts"), {QKeySequence(Qt::Key_F1)},
                     QStringLiteral("actionShortcuts"));
    about = make(tr("&About Retake"), {}, QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

QAction* EditorActions::make(const QString& text, const QList<QKeySequence>& keys,
                             const QString& objectName) {
    auto* action = new QAction(text, window_);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    // Window-wide, so the shortcuts work whichever dock has the focus.
    action->setShortcutContext(Qt::WindowShortcut);
    window_->addAction(action);
    all_.append(action);
    return action;
}

} // namespace retake::gui
