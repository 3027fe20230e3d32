#include "mainwindow/cameramenu.h"

#include "common/editorstate.h"
#include "core/error.h"
#include "dialogs/cameramovedialog.h"
#include "document/document.h"
#include "jobs/blockingrefresh.h"
#include "mainwindow/mainwindow.h"
#include "storyboard/storyboardview.h"
#include "storyboard/thumbnailcache.h"
#include "viewer/viewerwidget.h"

#include <QMenu>
#include <QMenuBar>

namespace retake::gui {

CameraMenu::CameraMenu(MainWindow* window)
    : QObject(window)
    , window_(window) {
    QMenu* camera = window->menuBar()->addMenu(tr("&Camera"));
    QAction* move = camera->addAction(tr("Add &Move…"), this, [this] { addCameraMove(); });
    move->setObjectName(QStringLiteral("addCameraMoveAction"));
    move->setToolTip(tr("Write a camera move preset and handheld motion as camera keys."));
    QAction* render = camera->addAction(tr("&Render Blocking"), this, [this] { renderBlocking(); });
    render->setObjectName(QStringLiteral("renderBlockingAction"));
    render->setToolTip(tr("Render the selected blocking shot's picture again from its scene and "
                          "camera (this also happens by itself after each edit)."));
    BlockingRefresher* refresher = window->blockingRefresher();
    connect(refresher, &BlockingRefresher::pictureChanged, this,
            [this](const Id&, const QString& mediaPath) {
                // The files changed under the same names: decode them again.
                window_->viewer()->reloadFrames();
                window_->storyboard()->thumbnails()->forget(mediaPath);
            });
    connect(refresher, &BlockingRefresher::renderFailed, this,
            [this](const Id&, const QString& message) {
                window_->showStatus(tr("The blocking picture was not rendered: %1").arg(message));
            });
}

void CameraMenu::addCameraMove() {
    const Id shot = window_->state()->selectedShot();
    if (!window_->document()->project().findShot(shot)) {
        window_->showStatus(tr("Select a shot to add a camera move to."));
        return;
    }
    CameraMoveDialog dialog(window_->document(), shot, window_);
    dialog.exec();
}

int CameraMenu::renderBlocking() {
    try {
        const int id = window_->blockingRefresher()->renderNow(window_->state()->selectedShot());
        window_->showJobs();
        return id;
    } catch (const Error& e) {
        window_->showStatus(e.message());
        return 0;
    }
}

} // namespace retake::gui
