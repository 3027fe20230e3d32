// The editor window's background jobs, takes, compare, shuttle, drag and
// drop, timeline audio and settings, on the offscreen platform over a small
// real project: a 2-second H.264 clip made with the ffmpeg CLI, imported
// twice (48 + 48 frames), with a stationary mask on the first shot (the
// regeneration engines need one).
#include "common/editorstate.h"
#include "common/takechoices.h"
#include "core/error.h"
#include "dialogs/settingsdialog.h"
#include "docks/jobswidget.h"
#include "document/document.h"
#include "inspector/inspectorwidget.h"
#include "jobs/jobqueue.h"
#include "mainwindow/editoractions.h"
#include "mainwindow/mainwindow.h"
#include "mediaio/openmedia.h"
#include "modaldialog.h"
#include "processrun.h"
#include "storyboard/storyboardview.h"
#include "timeline/timelineaudio.h"
#include "timeline/timelinewidget.h"
#include "viewer/viewercanvas.h"
#include "viewer/viewerwidget.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace retake;
using retake::testing::answerDialog;
using namespace retake::gui;

class TestJobsAndTakes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void remainingTimeEstimate();
    void regenerationNeedsASelectionAndValidParameters();
    void cancelledRegenerationChangesNothing();
    void regenerationAddsOneUndoableTake();
    void takeMenusSwitchTakes();
    void compareShowsTheOriginal();
    void shuttleKeysChangeSpeedAndDirection();
    void droppedMediaIsImported();
    void droppedSequenceFrameAsksSequenceOrFile();
    void timelineAudioPlaysEachShotsSound();
    void settingsPersistAndBadConfigIsRefused();

private:
    const Shot& shot(const QString& name) const;
    // Runs `action` while answering the first modal dialog with the button
    // of `role`; returns the dialog's text.
    // Regenerates timeline frames `range` (on Alpha) and waits for the job's end.
    JobStatus regenerateAndWait(FrameRange range);
    QStringList takeFolders() const;
    double meanDifference(const QImage& a, const QImage& b, const QRect& area) const;

    QTemporaryDir dir_;
    QString projectPath_;
    QString clipPath_;
    std::unique_ptr<MainWindow> window_;
};

void TestJobsAndTakes::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetakeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("RetakeJobsTest"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
        QSKIP("the ffmpeg command line tool is needed to make the test clip");
    clipPath_ = dir_.filePath(QStringLiteral("clip.mp4"));
    projectPath_ = dir_.filePath(QStringLiteral("jobs.retake"));
    const QString made =
        retake::testing::makeTwoShotProject(dir_.path(), projectPath_, QStringLiteral("Jobs test"));
    QVERIFY2(made.isEmpty(), qPrintable(made));
}

void TestJobsAndTakes::init() {
    window_ = std::make_unique<MainWindow>();
    const QString shown = retake::testing::showWindowOn(*window_, projectPath_);
    QVERIFY2(shown.isEmpty(), qPrintable(shown));
}

void TestJobsAndTakes::cleanup() {
    window_->document()->discardAutosave();
    const QString cache = window_->document()->cacheDir();
    window_.reset();
    QDir(cache).removeRecursively(); // the takes of this test
}

const Shot& TestJobsAndTakes::shot(const QString& name) const {
    const Shot* s = window_->document()->project().resolveShot(name);
    Q_ASSERT(s);
    return *s;
}

JobStatus TestJobsAndTakes::regenerateAndWait(FrameRange range) {
    window_->state()->setSelection(range);
    const QVector<int> ids = window_->regenerateSelection();
    if (ids.size() != 1)
        return {};
    JobQueue* queue = window_->jobQueue();
    // The GUI thread keeps running events meanwhile: no busy loop in the window.
    if (!QTest::qWaitFor([&] { return queue->status(ids.front()).isFinished(); }, 120000))
        return queue->status(ids.front()); // not finished: the callers' checks fail
    return queue->status(ids.front());
}

QStringList TestJobsAndTakes::takeFolders() const {
    return QDir(QDir(window_->document()->cacheDir()).filePath(QStringLiteral("takes")))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

double TestJobsAndTakes::meanDifference(const QImage& a, const QImage& b, const QRect& area) const {
    double sum = 0;
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2)
        for (int x = area.left(); x <= area.right(); x += 2) {
            const QColor p = a.pixelColor(x, y);
            const QColor q = b.pixelColor(x, y);
            sum += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) +
                   std::abs(p.blue() - q.blue());
            count += 3;
        }
    return count ? sum / count : 0.0;
}

void TestJobsAndTakes::remainingTimeEstimate() {
    QCOMPARE(estimateRemainingMs(100, 0.5), qint64(-1)); // too early to tell
    QCOMPARE(estimateRemainingMs(10000, 0.01), qint64(-1));
    QCOMPARE(estimateRemainingMs(10000, 0.25), qint64(30000));
    QCOMPARE(estimateRemainingMs(4000, 0.8), qint64(1000));
    QCOMPARE(estimateRemainingMs(4000, 1.0), qint64(0));
    QCOMPARE(remainingText(-1), QStringLiteral("Estimating time left…"));
    QCOMPARE(remainingText(41200), QStringLiteral("About 42 s left"));
    QCOMPARE(remainingText(80000), QStringLiteral("About 1 min 20 s left"));
}

void TestJobsAndTakes::regenerationNeedsASelectionAndValidParameters() {
    MainWindow* w = window_.get();
    w->state()->clearSelection();
    QVERIFY(w->regenerateSelection().isEmpty());
    QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("(I)")));
    // A range that is all locked: nothing to do, said so.
    w->state()->setSelection({2, 6});
    w->lockSelection();
    QTest::keyClick(w, Qt::Key_R);
    QCOMPARE(w->jobQueue()->jobs().size(), 0);
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("locked")),
             qPrintable(w->statusBar()->currentMessage()));
    // Parameters that do not parse never reach the engine.
    w->state()->setSelection({10, 12});
    w->inspector()->parametersEdit()->setText(QStringLiteral("radius=4 oops"));
    QVERIFY(w->regenerateSelection().isEmpty());
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("oops")),
             qPrintable(w->statusBar()->currentMessage()));
    QString error;
    const auto parsed =
        InspectorWidget::parseParameters(QStringLiteral("radius=4, model=/a b=c=d"), &error);
    QVERIFY(parsed);
    QCOMPARE(parsed->value(QStringLiteral("radius")), QStringLiteral("4"));
    QCOMPARE(parsed->value(QStringLiteral("model")), QStringLiteral("/a"));
    QCOMPARE(parsed->value(QStringLiteral("b")), QStringLiteral("c=d"));

    // An engine's refusal shows as the job's error text; nothing changes.
    w->inspector()->parametersEdit()->setText(QStringLiteral("nosuchparameter=1"));
    const int steps = w->document()->undoStack()->count();
    const JobStatus failed = regenerateAndWait({10, 14});
    QCOMPARE(failed.state, JobState::Failed);
    QVERIFY2(failed.error.contains(QStringLiteral("nosuchparameter")), qPrintable(failed.error));
    JobRow* row = w->jobsView()->row(failed.id);
    QVERIFY(row);
    QVERIFY(!row->error->isHidden());
    QCOMPARE(row->error->text(), failed.error);
    QCOMPARE(row->stage->text(), QStringLiteral("Failed"));
    QVERIFY(row->cancel->isHidden());
    QVERIFY(takeFolders().isEmpty());
    QVERIFY(shot(QStringLiteral("Alpha")).takes.isEmpty());
    QCOMPARE(w->document()->undoStack()->count(), steps);
}

void TestJobsAndTakes::cancelledRegenerationChangesNothing() {
    MainWindow* w = window_.get();
    JobQueue* queue = w->jobQueue();
    const Project before = w->document()->project();
    const int steps = w->document()->undoStack()->count();

    // Cancelled from its row's button before it could finish.
    w->state()->setSelection({0, 48});
    QVector<int> ids = w->regenerateSelection();
    QCOMPARE(ids.size(), 1);
    JobRow* row = w->jobsView()->row(ids.front());
    QVERIFY(row);
    QVERIFY(!row->cancel->isHidden());
    QVERIFY(row->title->text().contains(QStringLiteral("Alpha")));
    QTest::mouseClick(row->cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(queue->status(ids.front()).isFinished(), 60000);
    QCOMPARE(queue->status(ids.front()).state, JobState::Cancelled);

    // Cancelled while it runs, on its first progress report.
    ids = w->regenerateSelection();
    bool cancelled = false;
    connect(queue, &JobQueue::jobChanged, this, [&](int id) {
        if (!cancelled && id == ids.front() && queue->status(id).fraction > 0) {
            cancelled = true;
            queue->cancel(id);
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(queue->status(ids.front()).isFinished(), 60000);
    QVERIFY(cancelled);
    QCOMPARE(queue->status(ids.front()).state, JobState::Cancelled);
    QCOMPARE(w->jobsView()->row(ids.front())->stage->text(), QStringLiteral("Cancelled"));

    QVERIFY(w->document()->project() == before);
    QCOMPARE(w->document()->undoStack()->count(), steps);
    QVERIFY2(takeFolders().isEmpty(), qPrintable(takeFolders().join(QLatin1Char(' '))));
    QVERIFY(!w->windowTitle().contains(QLatin1Char('*')));
}

void TestJobsAndTakes::regenerationAddsOneUndoableTake() {
    MainWindow* w = window_.get();
    QUndoStack* stack = w->document()->undoStack();
    const int steps = stack->count();
    w->inspector()->seedSpin()->setValue(7);
    const JobStatus done = regenerateAndWait({10, 20});
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    QCOMPARE(stack->count(), steps + 1);
    const Shot& alpha = shot(QStringLiteral("Alpha"));
    QCOMPARE(alpha.takes.size(), 1);
    const Take& take = alpha.takes.front();
    QCOMPARE(take.id, done.takeId);
    QCOMPARE(take.range, (FrameRange{10, 20}));
    QCOMPARE(take.seed, qint64(7));
    QCOMPARE(take.engine, w->inspector()->engineCombo()->currentData().toString());
    QVERIFY(alpha.activeTakeAt(12));
    QVERIFY(QFileInfo::exists(take.framesPath));
    QCOMPARE(takeFolders(), QStringList{idToString(take.id)});
    QVERIFY(w->document()->project().consistencyProblems().isEmpty());
    JobRow* row = w->jobsView()->row(done.id);
    QCOMPARE(row->bar->value(), row->bar->maximum());
    QVERIFY(row->stage->text().startsWith(QStringLiteral("Done")));
    QVERIFY(row->cancel->isHidden());

    w->actions()->undo->trigger();
    QVERIFY(shot(QStringLiteral("Alpha")).takes.isEmpty());
    QVERIFY(!shot(QStringLiteral("Alpha")).activeTakeAt(12));
    QCOMPARE(stack->count(), steps + 1);
    w->actions()->redo->trigger();
    QCOMPARE(shot(QStringLiteral("Alpha")).takes.size(), 1);
}

void TestJobsAndTakes::takeMenusSwitchTakes() {
    MainWindow* w = window_.get();
    const JobStatus first = regenerateAndWait({10, 20});
    QVERIFY2(first.state == JobState::Succeeded, qPrintable(first.error));
    w->inspector()->seedSpin()->setValue(99);
    const JobStatus second = regenerateAndWait({10, 20});
    QVERIFY2(second.state == JobState::Succeeded, qPrintable(second.error));
    QCOMPARE(shot(QStringLiteral("Alpha")).activeTakeAt(15)->id, second.takeId);

    // Edit > Take at Playhead, filled when it opens.
    w->state()->setCurrentFrame(15);
    QMenu* menu = w->takeMenu();
    Q_EMIT menu->aboutToShow();
    QList<QAction*> actions = menu->actions();
    QCOMPARE(actions.size(), 3);
    QCOMPARE(actions[0]->text(), QStringLiteral("Original"));
    QVERIFY(actions[1]->text().contains(QStringLiteral("seed 0")));
    QVERIFY(actions[2]->text().contains(QStringLiteral("seed 99")));
    QVERIFY(actions[2]->isChecked());
    const int steps = w->document()->undoStack()->count();
    actions[0]->trigger();
    QVERIFY(!shot(QStringLiteral("Alpha")).activeTakeAt(15));
    QCOMPARE(w->document()->undoStack()->count(), steps + 1);
    QTRY_COMPARE_WITH_TIMEOUT(w->viewer()->shownFrame(), FrameNumber(15), 15000);

    // The timeline's context menu over the same frames.
    TimelineWidget* timeline = w->timeline();
    const QPoint at(int(timeline->frameToX(15) + timeline->pixelsPerFrame() / 2),
                    timeline->trackRect(0).center().y());
    QMenu context;
    QVERIFY(timeline->addTakeActions(&context, at));
    QList<QAction*> choices;
    for (QAction* a : context.actions())
        if (a->isCheckable())
            choices << a;
    QCOMPARE(choices.size(), 3);
    QVERIFY(choices[0]->isChecked()); // the original shows now
    choices[1]->trigger();
    QCOMPARE(shot(QStringLiteral("Alpha")).activeTakeAt(15)->id, first.takeId);
    w->actions()->undo->trigger();
    QVERIFY(!shot(QStringLiteral("Alpha")).activeTakeAt(15));
    // Outside any take only the original is offered.
    QMenu outside;
    QVERIFY(timeline->addTakeActions(
        &outside, QPoint(int(timeline->frameToX(40) + 1), timeline->trackRect(0).center().y())));
    QCOMPARE(takeChoicesAt(shot(QStringLiteral("Alpha")), 40).size(), 1);
    // Nothing but the header there: no shot, no menu.
    QMenu none;
    QVERIFY(!timeline->addTakeActions(&none, QPoint(5, 5)));
}

void TestJobsAndTakes::compareShowsTheOriginal() {
    MainWindow* w = window_.get();
    const JobStatus done = regenerateAndWait({10, 20});
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    ViewerWidget* viewer = w->viewer();
    ViewerCanvas* canvas = viewer->canvas();
    w->state()->setCurrentFrame(12);
    QTRY_VERIFY_WITH_TIMEOUT(viewer->shownFrame() == 12 && !canvas->picture().isNull(), 15000);
    QVERIFY(canvas->original().isNull()); // not comparing: the original is not decoded
    const QImage take = canvas->grab().toImage();
    const QRect picture = canvas->pictureRect();
    // The mask covers the top-left quarter; the take differs only there.
    const QRect masked(picture.left() + 2, picture.top() + 2, picture.width() / 2 - 4,
                       picture.height() / 2 - 4);
    const QRect unmasked(picture.center().x() + 2, picture.center().y() + 2,
                         picture.width() / 2 - 4, picture.height() / 2 - 4);

    QTest::keyClick(w, Qt::Key_Backslash); // Show Original
    QVERIFY(w->actions()->compareOriginal->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->original().isNull(), 15000);
    const QImage original = canvas->grab().toImage();
    QVERIFY2(meanDifference(take, original, masked) > 4.0,
             qPrintable(QString::number(meanDifference(take, original, masked))));
    QVERIFY2(meanDifference(take, original, unmasked) < 1.0,
             qPrintable(QString::number(meanDifference(take, original, unmasked))));
    // Toggling back shows the take again, from the frame already decoded.
    QTest::keyClick(w, Qt::Key_Backslash);
    QCOMPARE(canvas->compare(), ViewerCanvas::Compare::Off);
    QTRY_VERIFY_WITH_TIMEOUT(meanDifference(canvas->grab().toImage(), take, masked) < 1.0, 15000);

    // Split wipe: original left of the divider, take right of it.
    w->actions()->compareSplit->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->original().isNull(), 15000);
    canvas->setSplitPosition(0.25);
    const QImage split = canvas->grab().toImage();
    // Below the "Original"/"Take" labels along the top.
    const QRect leftOfDivider(picture.left() + 2, picture.top() + 30, picture.width() / 4 - 6,
                              picture.height() / 2 - 32);
    const QRect rightOfDivider(picture.left() + picture.width() / 4 + 4, picture.top() + 30,
                               picture.width() / 4 - 8, picture.height() / 2 - 32);
    QVERIFY(meanDifference(split, original, leftOfDivider) < 1.0);
    QVERIFY(meanDifference(split, take, rightOfDivider) < 1.0);
    // Dragging in the viewer moves the divider.
    QTest::mousePress(canvas, Qt::LeftButton, {},
                      QPoint(picture.left() + picture.width() * 3 / 4, picture.center().y()));
    QTest::mouseRelease(canvas, Qt::LeftButton, {},
                        QPoint(picture.left() + picture.width() * 3 / 4, picture.center().y()));
    QVERIFY(std::abs(canvas->splitPosition() - 0.75) < 0.02);
    QVERIFY(!w->actions()->compareOriginal->isChecked());
}

void TestJobsAndTakes::shuttleKeysChangeSpeedAndDirection() {
    MainWindow* w = window_.get();
    EditorState* state = w->state();
    state->setCurrentFrame(48);
    QTest::keyClick(w, Qt::Key_L);
    QVERIFY(state->isPlaying());
    QCOMPARE(state->playbackRate(), 1.0);
    QTest::keyClick(w, Qt::Key_L);
    QCOMPARE(state->playbackRate(), 2.0);
    QTest::keyClick(w, Qt::Key_L);
    QCOMPARE(state->playbackRate(), 4.0);
    QTRY_VERIFY_WITH_TIMEOUT(state->currentFrame() > 52, 5000);
    QTest::keyClick(w, Qt::Key_J); // turns round at normal speed
    QCOMPARE(state->playbackRate(), -1.0);
    QTest::keyClick(w, Qt::Key_J);
    QCOMPARE(state->playbackRate(), -2.0);
    const FrameNumber turned = state->currentFrame();
    QTRY_VERIFY_WITH_TIMEOUT(state->currentFrame() < turned - 2, 5000);
    QTest::keyClick(w, Qt::Key_K);
    QVERIFY(!state->isPlaying());
    QCOMPARE(state->playbackRate(), 0.0);
    const FrameNumber stopped = state->currentFrame();
    QTest::qWait(150);
    QCOMPARE(state->currentFrame(), stopped);
    for (int i = 0; i < 8; ++i)
        state->shuttleForward();
    QCOMPARE(state->playbackRate(), EditorState::kMaxShuttleRate);
    // Reverse playback stops at the first frame.
    state->pause();
    state->setCurrentFrame(3);
    state->shuttleReverse();
    QTRY_VERIFY_WITH_TIMEOUT(!state->isPlaying(), 5000);
    QCOMPARE(state->currentFrame(), FrameNumber(0));
    // Space still plays forward at normal speed.
    QTest::keyClick(w, Qt::Key_Space);
    QCOMPARE(state->playbackRate(), 1.0);
    QTest::keyClick(w, Qt::Key_Space);
    QVERIFY(!state->isPlaying());
}

void TestJobsAndTakes::droppedMediaIsImported() {
    MainWindow* w = window_.get();
    TimelineWidget* timeline = w->timeline();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(clipPath_)});
    const QPoint at = timeline->trackRect(0).center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(timeline, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(timeline, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE_WITH_TIMEOUT(w->storyboard()->cardCount(), 3, 15000);
    QCOMPARE(w->state()->duration(), FrameNumber(144));
    QCOMPARE(w->document()->undoStack()->count(), 1);

    // Onto the storyboard too.
    QWidget* board = w->storyboard()->viewport();
    QDragEnterEvent enterBoard(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton,
                               Qt::NoModifier);
    QApplication::sendEvent(board, &enterBoard);
    QVERIFY(enterBoard.isAccepted());
    QDropEvent dropBoard(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(board, &dropBoard);
    QTRY_COMPARE_WITH_TIMEOUT(w->storyboard()->cardCount(), 4, 15000);
    w->actions()->undo->trigger();
    QCOMPARE(w->storyboard()->cardCount(), 3);

    // Text that is not a file is not accepted.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent enterText(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    enterText.ignore();
    QApplication::sendEvent(timeline, &enterText);
    QVERIFY(!enterText.isAccepted());

    // A file that is not media: a dialog naming it, nothing imported.
    const QString notes = dir_.filePath(QStringLiteral("broken.mov"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a movie");
    file.close();
    QMimeData bad;
    bad.setUrls({QUrl::fromLocalFile(notes)});
    QString dialogText;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        dialogText = box->text() + QLatin1Char('\n') + box->informativeText();
        box->accept();
    });
    poll.start();
    QDropEvent dropBad(QPointF(at), Qt::CopyAction, &bad, Qt::LeftButton, Qt::NoModifier);
    // As a real drag does: enter, then drop.
    QDragEnterEvent enterBad(at, Qt::CopyAction, &bad, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(timeline, &enterBad);
    QApplication::sendEvent(timeline, &dropBad);
    QVERIFY(dropBad.isAccepted());
    QTRY_VERIFY_WITH_TIMEOUT(!dialogText.isEmpty(), 15000);
    QVERIFY2(dialogText.contains(QStringLiteral("broken.mov")), qPrintable(dialogText));
    QCOMPARE(w->storyboard()->cardCount(), 3);
}

// One dropped frame of a numbered sequence asks: the whole sequence or only
// that file; the answer decides what comes in. Every file of the sequence
// dropped at once is the sequence, once, without asking.
void TestJobsAndTakes::droppedSequenceFrameAsksSequenceOrFile() {
    MainWindow* w = window_.get();
    TimelineWidget* timeline = w->timeline();
    const QString frames = dir_.filePath(QStringLiteral("numbered"));
    QVERIFY(QDir().mkpath(frames));
    const retake::testing::Run made = retake::testing::run(
        QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
         QStringLiteral("lavfi"), QStringLiteral("-i"),
         QStringLiteral("testsrc=size=64x36:rate=24"), QStringLiteral("-frames:v"),
         QStringLiteral("4"), frames + QStringLiteral("/f_%04d.png")});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const int cardsBefore = w->storyboard()->cardCount();
    const FrameNumber durationBefore = w->state()->duration();
    const QPoint at = timeline->trackRect(0).center();
    const auto drop = [&](const QList<QUrl>& urls) {
        QMimeData mime;
        mime.setUrls(urls);
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(timeline, &enter);
        QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(timeline, &dropped);
        QVERIFY(dropped.isAccepted());
    };
    QString asked;
    QString answer;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = box->text();
        for (QAbstractButton* button : box->buttons())
            if (button->text() == answer)
                button->click();
    });
    poll.start();

    answer = QStringLiteral("Only This File");
    drop({QUrl::fromLocalFile(frames + QStringLiteral("/f_0003.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(w->storyboard()->cardCount(), cardsBefore + 1, 15000);
    QVERIFY2(asked.contains(QStringLiteral("f_0003.png")) &&
                 asked.contains(QStringLiteral("f_%04d.png, 4 file")),
             qPrintable(asked));
    QCOMPARE(w->state()->duration(), durationBefore + 1);
    const Project& project = w->document()->project();
    QVERIFY(project.media.back().kind == MediaKind::Still);
    QVERIFY(project.media.back().path.endsWith(QStringLiteral("f_0003.png")));

    asked.clear();
    answer = QStringLiteral("Whole Sequence");
    drop({QUrl::fromLocalFile(frames + QStringLiteral("/f_0003.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(w->storyboard()->cardCount(), cardsBefore + 2, 15000);
    QVERIFY(!asked.isEmpty());
    QCOMPARE(w->state()->duration(), durationBefore + 1 + 4);

    asked.clear();
    QList<QUrl> all;
    for (int i = 1; i <= 4; ++i)
        all << QUrl::fromLocalFile(frames +
                                   QStringLiteral("/f_%1.png").arg(i, 4, 10, QLatin1Char('0')));
    drop(all);
    QTRY_COMPARE_WITH_TIMEOUT(w->storyboard()->cardCount(), cardsBefore + 3, 15000);
    QTest::qWait(200); // no second card, no question
    QCOMPARE(w->storyboard()->cardCount(), cardsBefore + 3);
    QVERIFY2(asked.isEmpty(), qPrintable(asked));
    QCOMPARE(w->state()->duration(), durationBefore + 1 + 4 + 4);
}

void TestJobsAndTakes::timelineAudioPlaysEachShotsSound() {
    // Two shots of a clip with a rising tone: each plays its own sound from
    // its first frame, silence past the end of the timeline.
    const QString clip = dir_.filePath(QStringLiteral("tone.mov"));
    QVERIFY(
        retake::testing::run(QStringLiteral("ffmpeg"),
                             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                              QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                              QStringLiteral("testsrc2=s=64x36:r=24:d=1"), QStringLiteral("-f"),
                              QStringLiteral("lavfi"), QStringLiteral("-i"),
                              QStringLiteral("aevalsrc=0.5*t:s=48000:d=1"), QStringLiteral("-c:v"),
                              QStringLiteral("mjpeg"), QStringLiteral("-c:a"),
                              QStringLiteral("pcm_f32le"), clip})
            .ok());
    Document doc(Project::createEmpty(QStringLiteral("Audio"), Rational(24), 64, 36));
    const MediaInfo info = openMedia(clip)->info();
    QCOMPARE(info.audio.sampleRate, 48000);
    doc.importMedia(info, QStringLiteral("One"));
    const Id two = doc.importMedia(info, QStringLiteral("Two"));
    doc.trimShot(two, {12, 24}); // Two starts half a second into the clip

    TimelineAudio audio(doc.project());
    QVERIFY(audio.hasAudio());
    QCOMPARE(audio.sampleRate(), 48000);
    QCOMPARE(audio.sampleAtFrame(24), std::int64_t(48000));
    const int channels = audio.channels();
    std::unique_ptr<AudioReader> source = openAudio(clip);
    // Frame 6 of shot One: 0.25 s into the clip.
    const std::vector<float> one = audio.read(12000, 4);
    const std::vector<float> expectedOne = source->read(12000, 4);
    QCOMPARE(one.size(), std::size_t(4 * channels));
    for (std::size_t i = 0; i < one.size(); ++i)
        QCOMPARE(one[i], expectedOne[i]);
    QVERIFY(std::abs(one[0] - 0.125f) < 0.001f); // the tone is 0.5 * t
    // Timeline frame 24 is Two's first frame: the clip at 0.5 s.
    const std::vector<float> twoStart = audio.read(48000, 2);
    QVERIFY2(std::abs(twoStart[0] - 0.25f) < 0.001f, qPrintable(QString::number(twoStart[0])));
    // A read across the cut: One's last samples, then Two's first.
    const std::vector<float> across = audio.read(47999, 2);
    QVERIFY(std::abs(across[0] - 0.5f) < 0.001f);
    QVERIFY(std::abs(across[std::size_t(channels)] - 0.25f) < 0.001f);
    // Past the end (36 frames = 72000 samples): silence.
    for (float sample : audio.read(72000, 100))
        QCOMPARE(sample, 0.0f);
}

void TestJobsAndTakes::settingsPersistAndBadConfigIsRefused() {
    const QString missing = dir_.filePath(QStringLiteral("studio.ocio"));
    {
        SettingsDialog dialog(window_.get());
        dialog.ocioConfigEdit()->setText(missing);
        bool applied = true;
        const QString text =
            answerDialog([&] { applied = dialog.apply(); }, QMessageBox::AcceptRole);
        QVERIFY(!applied);
        QVERIFY2(text.contains(QStringLiteral("studio.ocio")), qPrintable(text));
        QVERIFY(!QSettings().contains(QStringLiteral("color/ocioConfig")));
    }
    {
        SettingsDialog dialog(window_.get());
        dialog.engineCombo()->setCurrentIndex(
            dialog.engineCombo()->findData(QStringLiteral("interpolate")));
        dialog.cacheSpin()->setValue(64);
        QVERIFY(dialog.apply());
    }
    QCOMPARE(QSettings().value(QStringLiteral("regen/defaultEngine")).toString(),
             QStringLiteral("interpolate"));
    QCOMPARE(QSettings().value(QStringLiteral("cache/sizeMB")).toInt(), 64);
    // A new window starts with them.
    MainWindow other;
    QCOMPARE(other.inspector()->engineCombo()->currentData().toString(),
             QStringLiteral("interpolate"));

    // The viewer's display picker: its choice is saved and applied.
    ViewerWidget* viewer = window_->viewer();
    QVERIFY(!viewer->renderer()->display().display.isEmpty()); // the config's default display
    QComboBox* display = viewer->displayCombo();
    QCOMPARE(display->itemData(0).toString(), QString()); // no colour management
    display->setCurrentIndex(0);
    Q_EMIT display->activated(0);
    QVERIFY(viewer->renderer()->display().display.isEmpty());
    QVERIFY(QSettings().value(QStringLiteral("color/raw")).toBool());
    display->setCurrentIndex(1);
    Q_EMIT display->activated(1);
    QCOMPARE(viewer->renderer()->display().display, display->itemData(1).toString());
    QVERIFY(!viewer->renderer()->display().view.isEmpty());
    QCOMPARE(QSettings().value(QStringLiteral("color/display")).toString(),
             display->itemData(1).toString());
    QSettings().clear();
}

QTEST_MAIN(TestJobsAndTakes)
#include "test_jobsandtakes.moc"
