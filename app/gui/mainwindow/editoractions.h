#pragma once

// The editor window's commands with their conventional shortcuts. MainWindow
// puts them in menus and connects them; the shortcuts dialog lists them.

#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace retake::gui {

class EditorActions : public QObject {
    Q_OBJECT
public:
    explicit EditorActions(QWidget* window);

    // File
    QAction* newProject;
    QAction* open;
    QAction* save;
    QAction* saveAs;
    QAction* importMedia;
    QAction* importOtio;
    QAction* exportMedia;
    QAction* settings;
    QAction* quit;
    // Edit
    QAction* undo;
    QAction* redo;
    QAction* lockRange;
    QAction* unlockRange;
    QAction* addMarker;
    QAction* regenerateRange;
    QAction* sendRangeToFarm;
    // Playback
    QAction* playPause;
    QAction* stepBack;
    QAction* stepForward;
    QAction* jumpBack;
    QAction* jumpForward;
    QAction* goToStart;
    QAction* goToEnd;
    QAction* markIn;
    QAction* markOut;
    QAction* clearInOut;
    QAction* shuttleReverse;
    QAction* shuttleStop;
    QAction* shuttleForward;
    // View
    QAction* zoomIn;
    QAction* zoomOut;
    QAction* zoomToFit;
    QAction* showMask;
    QAction* compareSplit;
    QAction* compareOriginal;
    // Help
    QAction* shortcuts;
    QAction* about;

    // In menu order, for the shortcuts dialog.
    QList<QAction*> all() const { return all_; }

private:
    QAction* make(const QString& text, const QList<QKeySequence>& keys, const QString& objectName);

    QWidget* window_;
    QList<QAction*> all_;
};

} // namespace retake::gui
