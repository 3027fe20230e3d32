#pragma once

// The window's Camera menu: camera moves (dialogs/cameramovedialog.h) and the
// blocking picture, re-rendered in the background by BlockingRefresher
// (jobs/blockingrefresh.h) after each edit and on demand.

#include <QObject>

namespace retake::gui {

class MainWindow;

class CameraMenu : public QObject {
    Q_OBJECT
public:
    // Adds the menu to the window's menu bar.
    explicit CameraMenu(MainWindow* window);

    // Camera > Add Move…: the move dialog for the selected shot.
    void addCameraMove();
    // Camera > Render Blocking: re-renders the selected blocking shot's
    // picture now; returns the job ID or 0 (the status bar says why).
    int renderBlocking();

private:
    MainWindow* window_;
};

} // namespace retake::gui
