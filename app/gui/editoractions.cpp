#include "editoractions.h"

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
    quit = make(tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}, QStringLiteral("actionQuit"));
    quit->setMenuRole(QAction::QuitRole);

    undo = make(tr("&Undo"), {QKeySequence(Qt::CTRL | Qt::Key_Z)}, QStringLiteral("actionUndo"));
    redo =
        make(tr("&Redo"),
             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)},
             QStringLiteral("actionRedo"));
    lockRange = make(tr("&Lock Range"), {QKeySequence(Qt::Key_L)}, QStringLiteral("actionLock"));
    lockRange->setStatusTip(tr("Lock the frames between In and Out: regeneration keeps them."));
    unlockRange = make(tr("U&nlock Range"), {QKeySequence(Qt::SHIFT | Qt::Key_L)},
                       QStringLiteral("actionUnlock"));

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

    zoomIn = make(tr("Zoom &In"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
                  QStringLiteral("actionZoomIn"));
    zoomOut = make(tr("Zoom &Out"), {QKeySequence(Qt::Key_Minus)}, QStringLiteral("actionZoomOut"));
    zoomToFit = make(tr("Zoom to &Fit"), {QKeySequence(Qt::SHIFT | Qt::Key_Z)},
                     QStringLiteral("actionZoomToFit"));
    showMask = make(tr("Show &Mask"), {QKeySequence(Qt::Key_M)}, QStringLiteral("actionShowMask"));
    showMask->setCheckable(true);
    showMask->setStatusTip(tr("Show the shot's stationary mask as a red overlay in the viewer."));

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
