#include "mainwindow/mainwindow.h"

#include "common/language.h"
#include "common/timelinemapping.h"
#include "core/error.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "docks/jobswidget.h"
#include "docks/masktools.h"
#include "document/document.h"
#include "inspector/inspectorwidget.h"
#include "jobs/blockingrefresh.h"
#include "jobs/jobqueue.h"
#include "jobs/proxyrefresh.h"
#include "mainwindow/cameramenu.h"
#include "mainwindow/editoractions.h"
#include "mainwindow/mediadropfilter.h"
#include "mainwindow/projectfiles.h"
#include "mainwindow/selectioncommands.h"
#include "storyboard/storyboardview.h"
#include "timeline/timelinewidget.h"
#include "viewer/audioplayback.h"
#include "viewer/viewerwidget.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUndoView>

namespace retake::gui {

namespace {

constexpr int kDefaultAutosaveSeconds = 60;
constexpr int kStatusTimeoutMs = 10000;
constexpr int kDefaultCacheMB = 512;

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , actions_(new EditorActions(this))
    , viewer_(new ViewerWidget(&state_, this))
    , storyboard_(new StoryboardView(&state_))
    , timeline_(new TimelineWidget(&state_))
    , inspector_(new InspectorWidget(&state_))
    , history_(new QUndoView)
    , jobs_(new JobQueue(this))
    , jobsView_(new JobsWidget(jobs_))
    , blockingRefresher_(new BlockingRefresher(jobs_, this))
    , proxyRefresher_(new ProxyRefresher(jobs_, this))
    , audio_(new AudioPlayback(&state_, this))
    , files_(nullptr)
    , selection_(new SelectionCommands(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    proxyRefresher_->setSize(proxySizeSetting());
    connect(proxyRefresher_, &ProxyRefresher::proxiesChanged, viewer_, &ViewerWidget::setProxies);
    setCentralWidget(viewer_);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createDocks();
    createMenus();
    connectActions();
    statusBar()->setSizeGripEnabled(true);
    restoreSettings();
    setDocument(
        std::make_unique<Document>(Project::createEmpty(tr("Untitled"), Rational(24), 1920, 1080)));
}

MainWindow::~MainWindow() {
    // Playback stops before the views go.
    state_.pause();
    // The queue cancels and waits for its jobs when it goes; the Jobs view
    // need not follow.
    QObject::disconnect(jobs_, nullptr, jobsView_, nullptr);
}

QDockWidget* MainWindow::addDock(const QString& title, const QString& objectName, QWidget* widget,
                                 Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    docks_.append(dock);
    return dock;
}

void MainWindow::createDocks() {
    history_->setObjectName(QStringLiteral("history"));
    history_->setEmptyLabel(tr("<opened project>"));
    QDockWidget* board = addDock(tr("Storyboard"), QStringLiteral("storyboardDock"), storyboard_,
                                 Qt::LeftDockWidgetArea);
    QDockWidget* inspector = addDock(tr("Inspector"), QStringLiteral("inspectorDock"), inspector_,
                                     Qt::RightDockWidgetArea);
    QDockWidget* history =
        addDock(tr("History"), QStringLiteral("historyDock"), history_, Qt::RightDockWidgetArea);
    addDock(tr("Timeline"), QStringLiteral("timelineDock"), timeline_, Qt::BottomDockWidgetArea);
    jobsDock_ = addDock(tr("Jobs"), QStringLiteral("jobsDock"), jobsView_, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    splitDockWidget(inspector, history, Qt::Vertical);
    tabifyDockWidget(history, jobsDock_);
    maskTools_ = new MaskTools(&state_, viewer_->canvas());
    tabifyDockWidget(jobsDock_, addDock(tr("Mask Painting"), QStringLiteral("maskDock"), maskTools_,
                                        Qt::RightDockWidgetArea));
    connect(maskTools_, &MaskTools::editFailed, this, &MainWindow::showStatus);
    maskTools_->setJobQueue(jobs_);
    // The Jobs panel shares the Mask Painting panel's tab: a status line
    // points there instead of taking the tools away.
    connect(maskTools_, &MaskTools::jobQueued, this, [this] {
        showStatus(tr("Tracking in the background: progress and Cancel are in the Jobs panel."));
    });
    history->raise();
    resizeDocks({board, inspector}, {232, 300}, Qt::Horizontal);
    resizeDocks({inspector, history}, {420, 160}, Qt::Vertical);
}

void MainWindow::createMenus() {
    EditorActions* a = actions_;
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({a->newProject, a->open});
    files_ = new ProjectFiles(this, file->addMenu(tr("Open &Recent")));
    file->addSeparator();
    file->addActions({a->save, a->saveAs});
    file->addSeparator();
    file->addAction(a->importMedia);
    file->addAction(a->importOtio);
    file->addAction(a->exportMedia);
    file->addSeparator();
    file->addAction(a->settings);
    file->addSeparator();
    file->addAction(a->quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({a->undo, a->redo});
    edit->addSeparator();
    edit->addActions({a->lockRange, a->unlockRange, a->addMarker});
    edit->addSeparator();
    edit->addAction(a->regenerateRange);
    edit->addAction(a->sendRangeToFarm);
    QAction* reframe =
        edit->addAction(tr("Re&frame…"), selection_, [this] { selection_->reframeSelectedShot(); });
    reframe->setObjectName(QStringLiteral("reframeAction"));
    takeMenu_ = edit->addMenu(tr("&Take at Playhead"));
    takeMenu_->setObjectName(QStringLiteral("takeMenu"));
    connect(takeMenu_, &QMenu::aboutToShow, selection_,
            [this] { selection_->fillTakeMenu(takeMenu_); });

    cameraMenu_ = new CameraMenu(this);
    QMenu* playback = menuBar()->addMenu(tr("&Playback"));
    playback->addAction(a->playPause);
    playback->addActions({a->shuttleReverse, a->shuttleStop, a->shuttleForward});
    playback->addSeparator();
    playback->addActions(
        {a->stepBack, a->stepForward, a->jumpBack, a->jumpForward, a->goToStart, a->goToEnd});
    playback->addSeparator();
    playback->addActions({a->markIn, a->markOut, a->clearInOut});

    createViewMenu();
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addActions({a->shortcuts, a->about});
}

void MainWindow::createViewMenu() {
    EditorActions* a = actions_;
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions({a->zoomIn, a->zoomOut, a->zoomToFit});
    view->addSeparator();
    view->addAction(a->showMask);
    view->addActions({a->compareSplit, a->compareOriginal});
    view->addSeparator();
    for (QDockWidget* dock : docks_)
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    auto* group = new QActionGroup(language);
    const QString current = savedLanguage();
    const std::pair<QString, QString> choices[] = {{QString(), tr("System Language")},
                                                   {QStringLiteral("en"), tr("English")},
                                                   {QStringLiteral("de"), tr("German")},
                                                   {QStringLiteral("fr"), tr("French")}};
    for (const auto& [code, name] : choices) {
        QAction* action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] { chooseLanguage(code); });
    }
}

void MainWindow::connectActions() {
    EditorActions* a = actions_;
    connect(a->newProject, &QAction::triggered, files_, &ProjectFiles::newProject);
    connect(a->open, &QAction::triggered, files_, &ProjectFiles::openWithDialog);
    connect(a->save, &QAction::triggered, files_, &ProjectFiles::save);
    connect(a->saveAs, &QAction::triggered, files_, &ProjectFiles::saveAs);
    connect(a->importMedia, &QAction::triggered, files_, &ProjectFiles::importWithDialog);
    connect(a->importOtio, &QAction::triggered, files_, &ProjectFiles::importOtioWithDialog);
    connect(a->exportMedia, &QAction::triggered, files_, &ProjectFiles::exportWithDialog);
    connect(a->settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(a->regenerateRange, &QAction::triggered, selection_,
            &SelectionCommands::regenerateSelection);
    connect(a->sendRangeToFarm, &QAction::triggered, selection_,
            [this] { selection_->sendSelectionToFarm(); });
    connect(a->shuttleReverse, &QAction::triggered, &state_, &EditorState::shuttleReverse);
    connect(a->shuttleStop, &QAction::triggered, &state_, &EditorState::shuttleStop);
    connect(a->shuttleForward, &QAction::triggered, &state_, &EditorState::shuttleForward);
    connect(a->compareSplit, &QAction::toggled, this, &MainWindow::updateCompare);
    connect(a->compareOriginal, &QAction::toggled, this, &MainWindow::updateCompare);
    connect(timeline_, &TimelineWidget::editFailed, this, &MainWindow::showStatus);
    connect(viewer_, &ViewerWidget::displayError, this, &MainWindow::showStatus);
    connect(audio_, &AudioPlayback::problem, this, &MainWindow::showStatus);
    // Dropped media files import like File > Import Media.
    auto* drops = new MediaDropFilter(this);
    timeline_->setAcceptDrops(true);
    timeline_->installEventFilter(drops);
    storyboard_->viewport()->setAcceptDrops(true);
    storyboard_->viewport()->installEventFilter(drops);
    connect(drops, &MediaDropFilter::filesDropped, files_, &ProjectFiles::importFiles);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->undo, &QAction::triggered, this, [this] { document_->undoStack()->undo(); });
    connect(a->redo, &QAction::triggered, this, [this] { document_->undoStack()->redo(); });
    connect(a->lockRange, &QAction::triggered, selection_, &SelectionCommands::lockSelection);
    connect(a->unlockRange, &QAction::triggered, selection_, &SelectionCommands::unlockSelection);
    connect(a->addMarker, &QAction::triggered, selection_, &SelectionCommands::addMarkerAtPlayhead);
    connect(a->playPause, &QAction::triggered, &state_, &EditorState::togglePlayback);
    const auto seek = [this](QAction* action, auto frameFor) {
        connect(action, &QAction::triggered, this, [this, frameFor] {
            state_.pause();
            state_.setCurrentFrame(frameFor(state_));
        });
    };
    seek(a->stepBack, [](const EditorState& s) { return s.currentFrame() - 1; });
    seek(a->stepForward, [](const EditorState& s) { return s.currentFrame() + 1; });
    seek(a->jumpBack, [](const EditorState& s) { return s.currentFrame() - 10; });
    seek(a->jumpForward, [](const EditorState& s) { return s.currentFrame() + 10; });
    seek(a->goToStart, [](const EditorState&) { return FrameNumber(0); });
    seek(a->goToEnd, [](const EditorState& s) { return s.lastFrame(); });
    connect(a->markIn, &QAction::triggered, &state_, &EditorState::markIn);
    connect(a->markOut, &QAction::triggered, &state_, &EditorState::markOut);
    connect(a->clearInOut, &QAction::triggered, &state_, &EditorState::clearSelection);
    connect(a->zoomIn, &QAction::triggered, timeline_, &TimelineWidget::zoomIn);
    connect(a->zoomOut, &QAction::triggered, timeline_, &TimelineWidget::zoomOut);
    connect(a->zoomToFit, &QAction::triggered, timeline_, &TimelineWidget::zoomToFit);
    connect(a->showMask, &QAction::toggled, viewer_, &ViewerWidget::setMaskOverlayVisible);
    connect(a->shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(a->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(storyboard_, &StoryboardView::editFailed, this, &MainWindow::showStatus);
    connect(inspector_, &InspectorWidget::editFailed, this, &MainWindow::showStatus);
    connect(&state_, &EditorState::playingChanged, this, [this](bool playing) {
        actions_->playPause->setText(playing ? tr("&Pause") : tr("&Play"));
    });
}

void MainWindow::setDocument(std::unique_ptr<Document> document) {
    state_.pause();
    std::unique_ptr<Document> old = std::move(document_);
    document_ = std::move(document);
    Document* doc = document_.get();
    // The window's handler runs first: the views read the updated state.
    connect(doc, &Document::changed, this, &MainWindow::documentChanged);
    connect(doc, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(doc, &Document::autosaved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Autosaved to %1").arg(nativePath(path)), 4000);
    });
    connect(doc, &Document::autosaveFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(message));
    });
    QUndoStack* stack = doc->undoStack();
    connect(stack, &QUndoStack::indexChanged, this, &MainWindow::updateUndoActions);
    connect(stack, &QUndoStack::cleanChanged, this, &MainWindow::updateUndoActions);
    doc->setAutosaveInterval(
        QSettings().value(QStringLiteral("autosaveSeconds"), kDefaultAutosaveSeconds).toInt() *
        1000);

    const Project& project = doc->project();
    audio_->setProject(project);
    state_.clearSelection();
    state_.setTimeline(project.frameRate, project.duration());
    state_.setCurrentFrame(0);
    const Track* video = project.firstTrack(TrackKind::Video);
    state_.selectShot(video && !video->shots.isEmpty() ? video->shots.front() : Id());

    viewer_->setDocument(doc);
    maskTools_->setDocument(doc);
    storyboard_->setDocument(doc);
    timeline_->setDocument(doc);
    inspector_->setDocument(doc);
    blockingRefresher_->setDocument(doc);
    // After the viewer has the document: its first frame may come from a proxy.
    proxyRefresher_->setDocument(doc);
    history_->setStack(stack);
    updateUndoActions();
    updateTitle();
    old.reset();
}

void MainWindow::documentChanged() {
    const Project& project = document_->project();
    audio_->setProject(project);
    state_.setTimeline(project.frameRate, project.duration());
    if (!project.findShot(state_.selectedShot())) {
        const FrameRange at{state_.currentFrame(), state_.currentFrame() + 1};
        const auto spans = shotSpansIn(project, at);
        state_.selectShot(spans.isEmpty() ? Id() : spans.front().shotId);
    }
    updateTitle();
}

void MainWindow::updateTitle() {
    QString name = document_->project().name;
    if (name.isEmpty() && !document_->filePath().isEmpty())
        name = QFileInfo(document_->filePath()).completeBaseName();
    if (name.isEmpty())
        name = tr("Untitled");
    // The marker is part of the text, so it shows on every platform.
    setWindowTitle(QStringLiteral("%1%2 — %3")
                       .arg(name, document_->isModified() ? QStringLiteral("*") : QString(),
                            QCoreApplication::applicationName()));
}

void MainWindow::updateUndoActions() {
    QUndoStack* stack = document_->undoStack();
    actions_->undo->setEnabled(stack->canUndo());
    actions_->redo->setEnabled(stack->canRedo());
    actions_->undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    actions_->redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
}

void MainWindow::showStatus(const QString& message) {
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

void MainWindow::showJobs() {
    jobsDock_->show();
    jobsDock_->raise();
}

bool MainWindow::openProject(const QString& path) {
    return files_->openProject(path);
}

void MainWindow::lockSelection() {
    selection_->lockSelection();
}

QVector<int> MainWindow::regenerateSelection() {
    return selection_->regenerateSelection();
}

void MainWindow::showSettings() {
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    viewer_->renderer()->setCacheSizeMB(settings.value(QStringLiteral("cache/sizeMB")).toInt());
    viewer_->loadDisplaySettings();
    proxyRefresher_->setSize(proxySizeSetting());
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

// ---- help, settings, closing ------------------------------------------------

void MainWindow::showShortcuts() {
    ShortcutsDialog dialog(actions_->all(), this);
    dialog.exec();
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Retake"),
                       tr("<h3>Retake %1</h3><p>A timeline editor for filmmakers: lock the frames "
                          "that work, regenerate the rest.</p>")
                           .arg(QStringLiteral(RETAKE_VERSION)));
}

void MainWindow::chooseLanguage(const QString& code) {
    saveLanguage(code);
    showStatus(tr("The language changes the next time Retake starts."));
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    actions_->showMask->setChecked(settings.value(QStringLiteral("viewer/showMask")).toBool());
    viewer_->renderer()->setCacheSizeMB(
        settings.value(QStringLiteral("cache/sizeMB"), kDefaultCacheMB).toInt());
    viewer_->loadDisplaySettings();
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("viewer/showMask"), actions_->showMask->isChecked());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (const int running = jobs_->unfinishedCount(); running > 0) {
        QMessageBox box(QMessageBox::Question, tr("Jobs Running"),
                        tr("%n job(s) have not finished.", nullptr, running), QMessageBox::NoButton,
                        this);
        box.setInformativeText(tr("Cancel them and close? Cancelled jobs change nothing."));
        QPushButton* stop = box.addButton(tr("Cancel Jobs and &Close"), QMessageBox::AcceptRole);
        box.addButton(tr("&Keep Working"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != stop) {
            event->ignore();
            return;
        }
    }
    if (!files_->maybeSave()) {
        event->ignore();
        return;
    }
    jobs_->cancelAll();
    state_.pause();
    // Closed normally: nothing to recover next time.
    document_->discardAutosave();
    saveSettings();
    event->accept();
}

} // namespace retake::gui
