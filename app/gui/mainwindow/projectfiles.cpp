#include "mainwindow/projectfiles.h"

#include "common/errorreport.h"
#include "core/error.h"
#include "dialogs/exportdialog.h"
#include "dialogs/otioimportreport.h"
#include "document/document.h"
#include "interchange/otio.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/recentfiles.h"
#include "mediaio/openmedia.h"

#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace retake::gui {

namespace {

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

} // namespace

ProjectFiles::ProjectFiles(MainWindow* window, QMenu* recentMenu)
    : QObject(window)
    , window_(window)
    , recent_(new RecentFiles(recentMenu, this)) {
    connect(recent_, &RecentFiles::openRequested, this, &ProjectFiles::openProject);
}

void ProjectFiles::newProject() {
    if (!maybeSave())
        return;
    window_->setDocument(
        std::make_unique<Document>(Project::createEmpty(tr("Untitled"), Rational(24), 1920, 1080)));
}

void ProjectFiles::openWithDialog() {
    const QString dir = QFileInfo(recent_->files().value(0)).absolutePath();
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open Project"), dir,
                                                      tr("Retake projects (*.retake)"));
    if (!path.isEmpty())
        openProject(path);
}

bool ProjectFiles::openProject(const QString& path) {
    if (!maybeSave())
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    std::unique_ptr<Document> doc;
    try {
        if (Document::hasRecoverableAutosave(absolute)) {
            QMessageBox box(
                QMessageBox::Question, tr("Recover Unsaved Changes?"),
                tr("Retake did not close normally while “%1” was open.").arg(nativePath(absolute)),
                QMessageBox::NoButton, window_);
            box.setInformativeText(tr("An autosave with newer changes exists. Recover them? "
                                      "If you open the saved version, the autosave is deleted."));
            QPushButton* recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
            box.addButton(tr("&Open Saved Version"), QMessageBox::RejectRole);
            box.setDefaultButton(recover);
            box.exec();
            if (box.clickedButton() == recover) {
                doc = Document::recover(absolute);
            } else {
                doc = Document::open(absolute);
                doc->discardAutosave();
            }
        } else {
            doc = Document::open(absolute);
        }
    } catch (const Error& e) {
        showFileError(window_, tr("Could not open the project “%1”.").arg(nativePath(absolute)), e);
        return false;
    } catch (const std::exception& e) {
        showUnexpectedError(window_,
                            tr("Could not open the project “%1”.").arg(nativePath(absolute)),
                            QString::fromLocal8Bit(e.what()));
        return false;
    }
    const QString cleanup = doc->cleanupNote();
    window_->setDocument(std::move(doc));
    recent_->add(absolute);
    window_->showStatus(cleanup.isEmpty() ? tr("Opened %1").arg(nativePath(absolute))
                                          : tr("Opened %1; %2").arg(nativePath(absolute), cleanup));
    return true;
}

bool ProjectFiles::save() {
    if (window_->document()->filePath().isEmpty())
        return saveAs();
    try {
        window_->document()->save();
    } catch (const Error& e) {
        showFileError(window_,
                      tr("Could not save the project to “%1”.")
                          .arg(nativePath(window_->document()->filePath())),
                      e);
        return false;
    }
    window_->showStatus(tr("Saved %1").arg(nativePath(window_->document()->filePath())));
    return true;
}

bool ProjectFiles::saveAs() {
    QString dir = window_->document()->filePath();
    if (dir.isEmpty())
        dir = QDir(QFileInfo(recent_->files().value(0)).absolutePath())
                  .filePath(window_->document()->project().name + QStringLiteral(".retake"));
    QString path = QFileDialog::getSaveFileName(window_, tr("Save Project As"), dir,
                                                tr("Retake projects (*.retake)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".retake");
    try {
        window_->document()->saveAs(path);
    } catch (const Error& e) {
        showFileError(window_, tr("Could not save the project to “%1”.").arg(nativePath(path)), e);
        return false;
    }
    recent_->add(path);
    window_->updateTitle();
    window_->showStatus(tr("Saved %1").arg(nativePath(path)));
    return true;
}

bool ProjectFiles::maybeSave() {
    if (!window_->document() || !window_->document()->isModified())
        return true;
    QMessageBox box(
        QMessageBox::Warning, tr("Unsaved Changes"),
        tr("The project “%1” has unsaved changes.").arg(window_->document()->project().name),
        QMessageBox::NoButton, window_);
    box.setInformativeText(tr("Save them before closing the project?"));
    QPushButton* saveButton = box.addButton(tr("&Save"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(saveButton);
    box.exec();
    if (box.clickedButton() == saveButton)
        return save();
    if (box.clickedButton() == discard) {
        window_->document()->discardAutosave();
        return true;
    }
    return false;
}

void ProjectFiles::importWithDialog() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        window_, tr("Import Media"), QString(),
        tr("Media (*.mov *.mp4 *.mkv *.mxf *.avi *.webm *.exr *.png *.tif *.tiff *.jpg *.jpeg "
           "*.dpx);;All files (*)"));
    if (!paths.isEmpty())
        importFiles(paths);
}

void ProjectFiles::importFiles(const QStringList& paths) {
    struct Probe {
        MediaInfo info;
        QString path;
        QString error;
    };
    // Opening indexes a video file; that can take a moment, so off the GUI thread.
    auto* watcher = new QFutureWatcher<QVector<Probe>>(this);
    QPointer<Document> target = window_->document();
    ++importsRunning_;
    window_->showStatus(tr("Importing %n file(s)…", nullptr, int(paths.size())));
    connect(watcher, &QFutureWatcher<QVector<Probe>>::finished, this, [this, watcher, target] {
        --importsRunning_;
        watcher->deleteLater();
        if (target != window_->document())
            return; // another project was opened meanwhile
        QStringList failures;
        // Files of one numbered sequence: several chosen (a whole folder
        // selected) import the sequence once; one chosen alone asks whether
        // the user meant the sequence or exactly that file.
        QHash<QString, int> chosenOfSequence;
        const auto sequenceOf = [](const MediaInfo& info) {
            return QFileInfo(info.path).absoluteDir().filePath(info.sequencePattern);
        };
        for (const Probe& probe : watcher->result())
            if (probe.error.isEmpty() && probe.info.kind == MediaKind::ImageSequence)
                ++chosenOfSequence[sequenceOf(probe.info)];
        QSet<QString> sequencesImported;
        int imported = 0;
        for (Probe probe : watcher->result()) {
            try {
                if (!probe.error.isEmpty())
                    throw Error(ErrorKind::BadInput, probe.error);
                if (probe.info.kind == MediaKind::ImageSequence) {
                    const QString sequence = sequenceOf(probe.info);
                    if (sequencesImported.contains(sequence))
                        continue;
                    if (chosenOfSequence.value(sequence) == 1 &&
                        askSingleFile(probe.path, probe.info))
                        probe.info = openImageFile(probe.path)->info();
                    else
                        sequencesImported.insert(sequence);
                }
                window_->document()->importMedia(probe.info);
                ++imported;
            } catch (const Error& e) {
                failures << e.message();
            }
        }
        if (failures.isEmpty()) {
            window_->showStatus(tr("Imported %n file(s).", nullptr, imported));
            return;
        }
        QMessageBox box(QMessageBox::Warning, tr("Import Media"),
                        tr("%n file(s) could not be imported.", nullptr, int(failures.size())),
                        QMessageBox::NoButton, window_);
        box.setInformativeText(failures.join(QLatin1Char('\n')));
        box.addButton(tr("OK"), QMessageBox::AcceptRole);
        box.exec();
    });
    watcher->setFuture(QtConcurrent::run([paths] {
        QVector<Probe> probes;
        for (const QString& path : paths) {
            Probe probe;
            probe.path = path;
            try {
                probe.info = openMedia(path)->info();
            } catch (const Error& e) {
                probe.error = e.message();
            } catch (const std::exception& e) {
                probe.error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(e.what()));
            }
            probes.push_back(probe);
        }
        return probes;
    }));
}

bool ProjectFiles::askSingleFile(const QString& path, const MediaInfo& sequence) {
    QMessageBox box(QMessageBox::Question, tr("Import Media"),
                    tr("%1 is one frame of a numbered sequence (%2, %n file(s)).", nullptr,
                       int(sequence.frameCount))
                        .arg(QFileInfo(path).fileName(), sequence.sequencePattern),
                    QMessageBox::NoButton, window_);
    box.setInformativeText(tr("Import the whole sequence, or only this file as a still?"));
    QPushButton* whole = box.addButton(tr("Whole Sequence"), QMessageBox::AcceptRole);
    QPushButton* single = box.addButton(tr("Only This File"), QMessageBox::RejectRole);
    box.setDefaultButton(whole);
    box.exec();
    return box.clickedButton() == single;
}

void ProjectFiles::importOtioWithDialog() {
    if (!maybeSave())
        return;
    const QString dir = QFileInfo(recent_->files().value(0)).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(window_, tr("Import OpenTimelineIO"), dir,
                                     tr("OpenTimelineIO timelines and bundles (*.otio *.otioz)"));
    if (path.isEmpty())
        return;
    OtioImport imported;
    try {
        if (isOtioBundle(path)) {
            // A bundle's media can be gigabytes: unpacked off the GUI thread,
            // with progress and Cancel.
            QProgressDialog dialog(tr("Unpacking %1…").arg(QFileInfo(path).fileName()),
                                   tr("Cancel"), 0, 1000, window_);
            dialog.setWindowModality(Qt::WindowModal);
            dialog.setMinimumDuration(300);
            Progress progress([&dialog](double fraction, const QString&) {
                QMetaObject::invokeMethod(
                    &dialog, [&dialog, fraction] { dialog.setValue(int(fraction * 999)); },
                    Qt::QueuedConnection);
            });
            connect(&dialog, &QProgressDialog::canceled, &dialog,
                    [&progress] { progress.cancel(); });
            // The worker's Error comes back by value: QFuture would wrap it.
            struct Outcome {
                OtioImport imported;
                std::optional<Error> error;
            };
            QFutureWatcher<Outcome> watcher;
            QEventLoop wait;
            connect(&watcher, &QFutureWatcher<Outcome>::finished, &wait, &QEventLoop::quit);
            watcher.setFuture(QtConcurrent::run([path, &progress] {
                Outcome outcome;
                try {
                    outcome.imported = readOtioBundle(path, &progress);
                } catch (const Error& e) {
                    outcome.error = e;
                } catch (const std::exception& e) {
                    outcome.error = Error(ErrorKind::Internal, QString::fromLocal8Bit(e.what()));
                }
                return outcome;
            }));
            wait.exec();
            Outcome outcome = watcher.result();
            if (outcome.error)
                throw *outcome.error;
            imported = std::move(outcome.imported);
        } else {
            // On the GUI thread: it probes each clip's file once, as opening
            // a project checks its media.
            imported = readOtioFile(path);
        }
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Cancelled) {
            window_->showStatus(tr("Import cancelled"));
            return;
        }
        showFileError(window_, tr("Could not import “%1”.").arg(nativePath(path)), e);
        return;
    }
    window_->setDocument(std::make_unique<Document>(imported.project));
    window_->showStatus(tr("Imported %1; save it as a project to keep it").arg(nativePath(path)));
    showOtioImportReport(window_, path, imported);
}

void ProjectFiles::exportWithDialog() {
    if (window_->document()->project().duration() <= 0) {
        window_->showStatus(tr("The timeline is empty: nothing to export."));
        return;
    }
    QString status;
    int id = 0;
    try {
        id = runExportDialog(window_, window_->document()->project(), *window_->state(),
                             window_->document()->filePath(), window_->jobQueue(), &status,
                             window_->document());
    } catch (const Error& e) {
        showFileError(window_, tr("Export"), e);
        return;
    }
    if (!status.isEmpty())
        window_->showStatus(status);
    if (id) {
        window_->showJobs();
    }
}

} // namespace retake::gui
