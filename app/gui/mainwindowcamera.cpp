// The window's Camera menu: camera moves (cameramovedialog.h) and the
// blocking picture, re-rendered in the background by BlockingRefresher
// after each edit and on demand.
#include "cameramovedialog.h"
#include "core/error.h"
#include "document/document.h"
#include "jobs/blockingrefresh.h"
#include "mainwindow.h"
#include "storyboardview.h"
#include "thumbnailcache.h"
#include "viewerwidget.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

namespace retake::gui {

void MainWindow::createCameraMenu() {
    QMenu* camera = menuBar()->addMenu(tr("&Camera"));
    QAction* move = camera->addAction(tr("Add &Move…"), this, [this] { addCameraMove(); });
    move->setObjectName(QStringLiteral("addCameraMoveAction"));
    move->setToolTip(tr("Write a camera move preset and handheld motion as camera keys."));
    QAction* render = camera->addAction(tr("&Render Blocking"), this, [this] { renderBlocking(); });
    render->setObjectName(QStringLiteral("renderBlockingAction"));
    render->setToolTip(tr("Render the selected blocking shot's picture again from its scene and "
                          "camera (this also happens by itself after each edit)."));
    connect(blockingRefresher_, &BlockingRefresher::pictureChanged, this,
            [this](const Id&, const QString& mediaPath) {
                // The files changed under the same names: decode them again.
                viewer_->reloadFrames();
                storyboard_->thumbnails()->forget(mediaPath);
            });
    connect(blockingRefresher_, &BlockingRefresher::renderFailed, this,
            [this](const Id&, const QString& message) {
                showStatus(tr("The blocking picture was not rendered: %1").arg(message));
            });
}

void MainWindow::addCameraMove() {
    if (!document_->project().findShot(state_.selectedShot())) {
        showStatus(tr("Select a shot to add a camera move to."));
        return;
    }
    CameraMoveDialog dialog(document_.get(), state_.selectedShot(), this);
    dialog.exec();
}

int MainWindow::renderBlocking() {
    try {
        const int id = blockingRefresher_->renderNow(state_.selectedShot());
        jobsDock_->show();
        jobsDock_->raise();
        return id;
    } catch (const Error& e) {
        showStatus(e.message());
        return 0;
    }
}

} // namespace retake::gui
