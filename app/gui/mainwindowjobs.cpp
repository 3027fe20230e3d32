// MainWindow, part three: background jobs (regenerate, export), takes,
// compare, settings and media dropped on the window.
#include "core/error.h"
#include "document/document.h"
#include "editoractions.h"
#include "errorreport.h"
#include "exportdialog.h"
#include "inspectorwidget.h"
#include "jobs/jobqueue.h"
#include "jobswidget.h"
#include "mainwindow.h"
#include "reframedialog.h"
#include "settingsdialog.h"
#include "storyboardview.h"
#include "takechoices.h"
#include "timelinemapping.h"
#include "timelinewidget.h"
#include "viewerwidget.h"

#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>

namespace retake::gui {

namespace {

// Local files among dropped URLs (folders too: image sequences).
QStringList droppedFiles(const QMimeData* mime) {
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

} // namespace

QVector<int> MainWindow::regenerateSelection() {
    const FrameRange selection = state_.selection();
    if (selection.isEmpty()) {
        showStatus(tr("Set In (I) and Out (O) around the frames to regenerate first."));
        return {};
    }
    QString error;
    const std::optional<RegenRequest> settings = inspector_->regenerationSettings(&error);
    if (!settings) {
        showStatus(error);
        return {};
    }
    const Project& project = document_->project();
    QVector<int> ids;
    QStringList skipped;
    for (const ShotSpan& span : shotSpansIn(project, selection)) {
        const Shot* shot = project.findShot(span.shotId);
        const QString frames = span.media.shifted(-shot->source.start).toInclusiveString();
        if (shot->locks.containsAll(span.media)) {
            skipped << tr("frames %1 of “%2” are all locked").arg(frames, shot->name);
            continue;
        }
        RegenRequest request = *settings;
        request.shotId = shot->id;
        request.range = span.media;
        request.prompt = shot->prompt;
        ids << jobs_->addRegeneration(
            document_.get(), request,
            tr("Regenerate “%1”, frames %2 (%3)").arg(shot->name, frames, request.engine));
    }
    if (ids.isEmpty()) {
        showStatus(tr("Nothing to regenerate: %1.").arg(skipped.join(QStringLiteral("; "))));
        return ids;
    }
    jobsDock_->show();
    jobsDock_->raise();
    showStatus(skipped.isEmpty()
                   ? tr("Regenerating in the background (%n job(s)).", nullptr, int(ids.size()))
                   : tr("Regenerating in the background; skipped: %1.")
                         .arg(skipped.join(QStringLiteral("; "))));
    return ids;
}

int MainWindow::reframeSelectedShot() {
    QString error;
    const std::optional<RegenRequest> engine = inspector_->regenerationSettings(&error);
    if (!engine) {
        showStatus(error);
        return 0;
    }
    QString status;
    const int id = reframeWithDialog(this, document_.get(), state_, jobs_, *engine, &status);
    if (!status.isEmpty())
        showStatus(status);
    if (id) {
        jobsDock_->show();
        jobsDock_->raise();
    }
    return id;
}

void MainWindow::exportWithDialog() {
    if (document_->project().duration() <= 0) {
        showStatus(tr("The timeline is empty: nothing to export."));
        return;
    }
    QString status;
    int id = 0;
    try {
        id = runExportDialog(this, document_->project(), state_, document_->filePath(), jobs_,
                             &status);
    } catch (const Error& e) {
        showFileError(this, tr("Export"), e);
        return;
    }
    if (!status.isEmpty())
        showStatus(status);
    if (id) {
        jobsDock_->show();
        jobsDock_->raise();
    }
}

void MainWindow::showSettings() {
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    viewer_->renderer()->setCacheSizeMB(settings.value(QStringLiteral("cache/sizeMB")).toInt());
    viewer_->loadDisplaySettings();
}

void MainWindow::fillTakeMenu() {
    takeMenu_->clear();
    const Project& project = document_->project();
    const FrameNumber frame = state_.currentFrame();
    const QVector<ShotSpan> spans = shotSpansIn(project, {frame, frame + 1});
    const Shot* shot = spans.isEmpty() ? nullptr : project.findShot(spans.front().shotId);
    if (!shot) {
        takeMenu_->addAction(tr("No shot at the playhead"))->setEnabled(false);
        return;
    }
    addTakeActions(takeMenu_, document_.get(), *shot, spans.front().media.start,
                   [this](const QString& message) { showStatus(message); });
}

void MainWindow::updateCompare() {
    // The two modes exclude each other; the last one switched on wins.
    QAction* split = actions_->compareSplit;
    QAction* original = actions_->compareOriginal;
    if (sender() == split && split->isChecked())
        original->setChecked(false);
    else if (sender() == original && original->isChecked())
        split->setChecked(false);
    viewer_->setCompare(split->isChecked()      ? ViewerCanvas::Compare::Split
                        : original->isChecked() ? ViewerCanvas::Compare::Original
                                                : ViewerCanvas::Compare::Off);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    const bool dropTarget = watched == timeline_ || watched == storyboard_->viewport();
    if (!dropTarget)
        return QMainWindow::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (droppedFiles(drag->mimeData()).isEmpty())
            break; // the storyboard's own card drags
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList paths = droppedFiles(drop->mimeData());
        if (paths.isEmpty())
            break;
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        importFiles(paths);
        return true;
    }
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace retake::gui
