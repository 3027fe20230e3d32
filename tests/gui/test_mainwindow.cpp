// The editor window on the offscreen platform, over a small real project:
// a 2-second H.264 clip made with the ffmpeg CLI, imported twice (48 + 48
// frames), with a stationary mask on the first shot.
#include "common/language.h"
#include "common/modelfilefield.h"
#include "common/timelinemapping.h"
#include "core/error.h"
#include "document/document.h"
#include "inspector/committextedit.h"
#include "inspector/inspectorwidget.h"
#include "interchange/otio.h"
#include "interchange/otiomarkers.h"
#include "mainwindow/editoractions.h"
#include "mainwindow/mainwindow.h"
#include "mediaio/openmedia.h"
#include "modaldialog.h"
#include "model/paintedmask.h"
#include "openwatch.h"
#include "processrun.h"
#include "storyboard/storyboardmodel.h"
#include "storyboard/storyboardview.h"
#include "testclip.h"
#include "timeline/audiopeaks.h"
#include "timeline/timelinewidget.h"
#include "timeline/waveformcache.h"
#include "viewer/viewercanvas.h"
#include "viewer/viewerwidget.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoView>
#include <QtTest>

using namespace retake;
using retake::testing::answerDialog;
using namespace retake::gui;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensProjectWithStoryboardAndTitle();
    void lockRangeWithKeysUndoRedo();
    void lockAcrossShotsIsOneUndoStep();
    void unlockRange();
    void inspectorCommitsText();
    void invalidCameraShowsErrorAndKeepsModel();
    void validCameraEdit();
    void viewerShowsFramesAndMask();
    void viewerShowsPaintedMask();
    void storyboardThumbnailsAndReorder();
    void timelineZoomAndClick();
    void timelineShowsMarkersFromOtherTools();
    void importsAnOtioBundle();
    void addsRenamesAndRemovesMarkers();
    void promptSaysWhichEngineReadsIt();
    void modelEngineNamesItsFileAndChecksIt();
    void aProjectNeverLoadsTheModelItNames();
    void shotAudioShowsOnA1WithItsWaveform();
    void cleanPlateFollowsAPaintedShape();
    void openErrorNamesTheFile();
    void recoversAutosave();
    void germanAndFrenchTranslationsLoad();

private:
    const Shot& shot(const QString& name) const;
    // Runs `action` while answering the first modal dialog with the button
    // of `role`; returns the dialog's text.

    QTemporaryDir dir_;
    QString projectPath_;
    std::unique_ptr<MainWindow> window_;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetakeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("RetakeGuiTest"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
        QSKIP("the ffmpeg command line tool is needed to make the test clip");
    projectPath_ = dir_.filePath(QStringLiteral("gui.retake"));
    const QString made =
        retake::testing::makeTwoShotProject(dir_.path(), projectPath_, QStringLiteral("GUI test"));
    QVERIFY2(made.isEmpty(), qPrintable(made));
}

void TestMainWindow::init() {
    window_ = std::make_unique<MainWindow>();
    const QString shown = retake::testing::showWindowOn(*window_, projectPath_);
    QVERIFY2(shown.isEmpty(), qPrintable(shown));
}

void TestMainWindow::cleanup() {
    window_->document()->discardAutosave();
    window_.reset();
}

const Shot& TestMainWindow::shot(const QString& name) const {
    const Shot* s = window_->document()->project().resolveShot(name);
    Q_ASSERT(s);
    return *s;
}

void TestMainWindow::opensProjectWithStoryboardAndTitle() {
    QCOMPARE(window_->storyboard()->cardCount(), 2);
    QCOMPARE(window_->state()->duration(), FrameNumber(96));
    QVERIFY(window_->windowTitle().startsWith(QStringLiteral("GUI test — ")));
    QVERIFY(!window_->windowTitle().contains(QLatin1Char('*')));
    QCOMPARE(window_->state()->selectedShot(), shot(QStringLiteral("Alpha")).id);
    QCOMPARE(window_->inspector()->nameEdit()->text(), QStringLiteral("Alpha"));
    QCOMPARE(window_->historyView()->stack(), window_->document()->undoStack());
}

void TestMainWindow::lockRangeWithKeysUndoRedo() {
    MainWindow* w = window_.get();
    QTest::keyClick(w, Qt::Key_Home);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(w, Qt::Key_Right);
    QCOMPARE(w->state()->currentFrame(), FrameNumber(5));
    QTest::keyClick(w, Qt::Key_I);
    QTest::keyClick(w, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(w->state()->currentFrame(), FrameNumber(15));
    QTest::keyClick(w, Qt::Key_O);
    QCOMPARE(w->state()->selection(), (FrameRange{5, 16}));
    QVERIFY(shot(QStringLiteral("Alpha")).locks.isEmpty());

    QTest::keyClick(w, Qt::Key_L, Qt::ControlModifier); // L alone is the shuttle
    QCOMPARE(shot(QStringLiteral("Alpha")).locks, FrameRangeSet({{5, 16}}));
    QVERIFY(shot(QStringLiteral("Bravo")).locks.isEmpty());
    QVERIFY(w->document()->project().consistencyProblems().isEmpty());
    QVERIFY(w->windowTitle().startsWith(QStringLiteral("GUI test* — ")));
    QVERIFY(w->actions()->undo->text().contains(QStringLiteral("5-15")));

    QTest::keyClick(w, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(shot(QStringLiteral("Alpha")).locks.isEmpty());
    QVERIFY(!w->windowTitle().contains(QLatin1Char('*')));
    QVERIFY(w->document()->project().consistencyProblems().isEmpty());

    QTest::keyClick(w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(shot(QStringLiteral("Alpha")).locks, FrameRangeSet({{5, 16}}));
    QVERIFY(w->windowTitle().contains(QLatin1Char('*')));
    QCOMPARE(w->storyboard()->storyboardModel()->index(0).data(StoryboardModel::LockedFramesRole),
             QVariant(qint64(11)));
}

void TestMainWindow::lockAcrossShotsIsOneUndoStep() {
    MainWindow* w = window_.get();
    QUndoStack* stack = w->document()->undoStack();
    // Timeline frames 40-55: Alpha's media frames 40-47 and Bravo's 0-7.
    w->state()->setSelection({40, 56});
    const int before = stack->count();
    w->actions()->lockRange->trigger();
    QCOMPARE(stack->count(), before + 1);
    QCOMPARE(shot(QStringLiteral("Alpha")).locks, FrameRangeSet({{40, 48}}));
    QCOMPARE(shot(QStringLiteral("Bravo")).locks, FrameRangeSet({{0, 8}}));
    QVERIFY(w->document()->project().consistencyProblems().isEmpty());
    w->actions()->undo->trigger();
    QVERIFY(shot(QStringLiteral("Alpha")).locks.isEmpty());
    QVERIFY(shot(QStringLiteral("Bravo")).locks.isEmpty());
    w->actions()->redo->trigger();
    QCOMPARE(shot(QStringLiteral("Bravo")).locks, FrameRangeSet({{0, 8}}));

    // Locking it again changes nothing and adds no undo step.
    w->actions()->lockRange->trigger();
    QCOMPARE(stack->count(), before + 1);
    QVERIFY(!w->statusBar()->currentMessage().isEmpty());
}

void TestMainWindow::unlockRange() {
    MainWindow* w = window_.get();
    w->state()->setSelection({2, 20});
    w->lockSelection();
    w->state()->setSelection({8, 12});
    QTest::keyClick(w, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(shot(QStringLiteral("Alpha")).locks, FrameRangeSet({{2, 8}, {12, 20}}));
    w->actions()->undo->trigger();
    QCOMPARE(shot(QStringLiteral("Alpha")).locks, FrameRangeSet({{2, 20}}));
    // Nothing selected: a message, no edit.
    w->state()->clearSelection();
    const int count = w->document()->undoStack()->count();
    w->actions()->lockRange->trigger();
    QCOMPARE(w->document()->undoStack()->count(), count);
    QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("(I)")));
}

void TestMainWindow::inspectorCommitsText() {
    InspectorWidget* inspector = window_->inspector();
    inspector->promptEdit()->setPlainText(QStringLiteral("a foggy field at dawn"));
    inspector->promptEdit()->commit();
    QCOMPARE(shot(QStringLiteral("Alpha")).prompt, QStringLiteral("a foggy field at dawn"));
    QCOMPARE(window_->document()->undoStack()->count(), 1);
    QVERIFY(window_->windowTitle().contains(QLatin1Char('*')));
    QCOMPARE(window_->storyboard()->storyboardModel()->index(0).data(StoryboardModel::PromptRole),
             QVariant(QStringLiteral("a foggy field at dawn")));

    inspector->nameEdit()->setText(QStringLiteral("Alpha wide"));
    Q_EMIT inspector->nameEdit()->editingFinished();
    QVERIFY(window_->document()->project().resolveShot(QStringLiteral("Alpha wide")));
    QCOMPARE(window_->storyboard()->storyboardModel()->index(0).data().toString(),
             QStringLiteral("Alpha wide"));

    // An empty name is refused by the document: message, model unchanged.
    inspector->nameEdit()->setText(QString());
    Q_EMIT inspector->nameEdit()->editingFinished();
    QVERIFY(window_->document()->project().resolveShot(QStringLiteral("Alpha wide")));
    QCOMPARE(inspector->nameEdit()->text(), QStringLiteral("Alpha wide"));
    QVERIFY(!window_->statusBar()->currentMessage().isEmpty());

    window_->actions()->undo->trigger();
    QCOMPARE(inspector->nameEdit()->text(), QStringLiteral("Alpha"));
    QCOMPARE(inspector->promptEdit()->toPlainText(), QStringLiteral("a foggy field at dawn"));
}

void TestMainWindow::invalidCameraShowsErrorAndKeepsModel() {
    InspectorWidget* inspector = window_->inspector();
    const Camera before = shot(QStringLiteral("Alpha")).camera;
    const int count = window_->document()->undoStack()->count();
    inspector->focalLengthSpin()->setValue(0);
    Q_EMIT inspector->focalLengthSpin()->editingFinished();
    QVERIFY2(window_->statusBar()->currentMessage().contains(QStringLiteral("Focal length")),
             qPrintable(window_->statusBar()->currentMessage()));
    QCOMPARE(shot(QStringLiteral("Alpha")).camera, before);
    QCOMPARE(window_->document()->undoStack()->count(), count);
    QCOMPARE(inspector->focalLengthSpin()->value(), before.focalLengthMm);

    inspector->shutterAngleSpin()->setValue(400);
    Q_EMIT inspector->shutterAngleSpin()->editingFinished();
    QVERIFY(window_->statusBar()->currentMessage().contains(QStringLiteral("Shutter")));
    QCOMPARE(shot(QStringLiteral("Alpha")).camera, before);
    QVERIFY(!window_->windowTitle().contains(QLatin1Char('*')));
}

void TestMainWindow::validCameraEdit() {
    InspectorWidget* inspector = window_->inspector();
    inspector->focalLengthSpin()->setValue(50);
    QTest::keyClick(inspector->focalLengthSpin(), Qt::Key_Return);
    const Camera camera = shot(QStringLiteral("Alpha")).camera;
    QCOMPARE(camera.focalLengthMm, 50.0);
    // Untouched fields keep their exact values (24.89 is shown rounded).
    QCOMPARE(camera.filmbackWidthMm, Camera().filmbackWidthMm);
    QCOMPARE(window_->document()->undoStack()->count(), 1);
    QCOMPARE(
        window_->storyboard()->storyboardModel()->index(0).data(StoryboardModel::FocalLengthRole),
        QVariant(50.0));
}

void TestMainWindow::viewerShowsFramesAndMask() {
    ViewerWidget* viewer = window_->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->shownFrame() == 0 && !viewer->canvas()->picture().isNull(),
                             15000);
    QCOMPARE(viewer->canvas()->picture().size(), QSize(160, 90));
    QCOMPARE(viewer->timecodeText(), QStringLiteral("00:00:00:00"));

    window_->state()->setCurrentFrame(60);
    QTRY_COMPARE_WITH_TIMEOUT(viewer->shownFrame(), FrameNumber(60), 15000);
    QCOMPARE(viewer->timecodeText(), QStringLiteral("00:00:02:12"));

    // Back on Alpha, whose mask covers the top-left quarter.
    window_->actions()->showMask->setChecked(true);
    window_->state()->setCurrentFrame(10);
    QTRY_COMPARE_WITH_TIMEOUT(viewer->shownFrame(), FrameNumber(10), 15000);
    const QRect picture = viewer->canvas()->pictureRect();
    const QImage shown = viewer->canvas()->grab().toImage();
    const QColor maskedWithOverlay = shown.pixelColor(picture.left() + picture.width() / 8,
                                                      picture.top() + picture.height() / 8);
    window_->actions()->showMask->setChecked(false);
    const QImage plain = viewer->canvas()->grab().toImage();
    const QColor masked = plain.pixelColor(picture.left() + picture.width() / 8,
                                           picture.top() + picture.height() / 8);
    QVERIFY2(
        maskedWithOverlay.red() > masked.red() + 20 ||
            (maskedWithOverlay.green() < masked.green() - 20),
        qPrintable(
            QStringLiteral("overlay %1, plain %2").arg(maskedWithOverlay.name(), masked.name())));
    // Outside the mask the overlay changes nothing.
    const QPoint outside(picture.right() - picture.width() / 8,
                         picture.bottom() - picture.height() / 8);
    window_->actions()->showMask->setChecked(true);
    QCOMPARE(viewer->canvas()->grab().toImage().pixelColor(outside), plain.pixelColor(outside));
}

void TestMainWindow::viewerShowsPaintedMask() {
    // A painted rectangle over Bravo's bottom-right quarter (timeline frame 60
    // is Bravo's media frame 12): red under the overlay, nothing elsewhere.
    Document* doc = window_->document();
    const Shot& bravo = shot(QStringLiteral("Bravo"));
    const MediaRef* media = doc->project().findMedia(bravo.mediaId);
    QVERIFY(media);
    MaskShape rectangle;
    rectangle.kind = MaskShapeKind::Rectangle;
    rectangle.frames.add(bravo.source);
    rectangle.keys.insert(bravo.source.start, {{media->width / 2.0, media->height / 2.0},
                                               {double(media->width), double(media->height)}});
    doc->addMaskShape(bravo.id, Id(), rectangle);
    ViewerWidget* viewer = window_->viewer();
    window_->actions()->showMask->setChecked(false);
    window_->state()->setCurrentFrame(60);
    QTRY_COMPARE_WITH_TIMEOUT(viewer->shownFrame(), FrameNumber(60), 15000);
    const QRect picture = viewer->canvas()->pictureRect();
    const QPoint inside(picture.right() - picture.width() / 8,
                        picture.bottom() - picture.height() / 8);
    const QPoint outside(picture.left() + picture.width() / 8,
                         picture.top() + picture.height() / 8);
    const QImage plain = viewer->canvas()->grab().toImage();
    window_->actions()->showMask->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(viewer->canvas()->grab().toImage().pixelColor(inside).red() >
                                 plain.pixelColor(inside).red() + 20,
                             15000);
    QCOMPARE(viewer->canvas()->grab().toImage().pixelColor(outside), plain.pixelColor(outside));
    window_->actions()->showMask->setChecked(false);
    doc->undoStack()->undo();
    QVERIFY(shot(QStringLiteral("Bravo")).masks.isEmpty());
}

void TestMainWindow::storyboardThumbnailsAndReorder() {
    StoryboardModel* model = window_->storyboard()->storyboardModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        !model->index(0).data(StoryboardModel::ThumbnailRole).value<QImage>().isNull() &&
            !model->index(1).data(StoryboardModel::ThumbnailRole).value<QImage>().isNull(),
        15000);
    QCOMPARE(model->index(0).data(StoryboardModel::TimecodeRole).toString(),
             QStringLiteral("00:00:02:00"));

    // What a drop does: Document::moveShot, one undo step.
    QVERIFY(model->moveRows(QModelIndex(), 1, 1, QModelIndex(), 0));
    QCOMPARE(model->index(0).data().toString(), QStringLiteral("Bravo"));
    const Track* video = window_->document()->project().firstTrack(TrackKind::Video);
    QCOMPARE(video->shots.front(), shot(QStringLiteral("Bravo")).id);
    window_->actions()->undo->trigger();
    QCOMPARE(model->index(0).data().toString(), QStringLiteral("Alpha"));

    // Double-click goes to the shot.
    StoryboardView* view = window_->storyboard();
    const QRect second = view->visualRect(model->index(1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, second.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, second.center());
    QCOMPARE(window_->state()->selectedShot(), shot(QStringLiteral("Bravo")).id);
    QCOMPARE(window_->state()->currentFrame(), FrameNumber(48));
}

void TestMainWindow::timelineZoomAndClick() {
    TimelineWidget* timeline = window_->timeline();
    QVERIFY(timeline->width() > 200);
    const double fit = timeline->pixelsPerFrame();
    QTest::keyClick(window_.get(), Qt::Key_Plus);
    QVERIFY(timeline->pixelsPerFrame() > fit);
    QTest::keyClick(window_.get(), Qt::Key_Minus);
    QTest::keyClick(window_.get(), Qt::Key_Minus);
    QVERIFY(timeline->pixelsPerFrame() < fit);
    window_->actions()->zoomToFit->trigger();
    QCOMPARE(timeline->pixelsPerFrame(), fit);

    // A click in the ruler moves the playhead; a click on a shot selects it.
    const int x70 = int(timeline->frameToX(70) + timeline->pixelsPerFrame() / 2);
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(x70, 10));
    QCOMPARE(window_->state()->currentFrame(), FrameNumber(70));
    const int x20 = int(timeline->frameToX(20) + timeline->pixelsPerFrame() / 2);
    const int trackY = timeline->trackRect(0).center().y();
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(x20, trackY));
    QCOMPARE(window_->state()->currentFrame(), FrameNumber(20));
    QCOMPARE(window_->state()->selectedShot(), shot(QStringLiteral("Alpha")).id);
    // A drag over the tracks selects a range.
    const int x30 = int(timeline->frameToX(30) + timeline->pixelsPerFrame() / 2);
    QTest::mousePress(timeline, Qt::LeftButton, {}, QPoint(x20, trackY));
    QMouseEvent move(QEvent::MouseMove, QPointF(x30, trackY),
                     timeline->mapToGlobal(QPointF(x30, trackY)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(timeline, &move);
    QTest::mouseRelease(timeline, Qt::LeftButton, {}, QPoint(x30, trackY));
    QCOMPARE(window_->state()->selection(), (FrameRange{20, 31}));
    QVERIFY(!timeline->grab().isNull());
}

// A marker another editor left on a clip (carried in the shot's OTIO text,
// as an import keeps it) is drawn on the ruler where it falls in the shot,
// in its colour, and its tooltip names it.
void TestMainWindow::timelineShowsMarkersFromOtherTools() {
    QFile file(projectPath_);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject project = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray shots = project.value(QStringLiteral("shots")).toArray();
    QJsonObject bravo = shots[1].toObject();
    QCOMPARE(bravo.value(QStringLiteral("name")).toString(), QStringLiteral("Bravo"));
    const auto time = [](double frames) {
        return QJsonObject{{"OTIO_SCHEMA", "RationalTime.1"}, {"rate", 24.0}, {"value", frames}};
    };
    const QJsonObject marker{{"OTIO_SCHEMA", "Marker.2"},
                             {"name", "flash"},
                             {"color", "BLUE"},
                             {"comment", "check the exposure"},
                             {"metadata", QJsonObject()},
                             {"marked_range", QJsonObject{{"OTIO_SCHEMA", "TimeRange.1"},
                                                          {"start_time", time(10)},
                                                          {"duration", time(0)}}}};
    // As OpenTimelineIO 0.18 writes a clip.
    const QJsonObject missing{{"OTIO_SCHEMA", "MissingReference.1"},
                              {"metadata", QJsonObject()},
                              {"name", ""},
                              {"available_range", QJsonValue()},
                              {"available_image_bounds", QJsonValue()}};
    const QJsonObject clip{{"OTIO_SCHEMA", "Clip.2"},
                           {"name", "Bravo"},
                           {"metadata", QJsonObject()},
                           {"source_range", QJsonValue()},
                           {"effects", QJsonArray()},
                           {"markers", QJsonArray{marker}},
                           {"enabled", true},
                           {"color", QJsonValue()},
                           {"media_references", QJsonObject{{"DEFAULT_MEDIA", missing}}},
                           {"active_media_reference_key", "DEFAULT_MEDIA"}};
    bravo.insert(QStringLiteral("otio"),
                 QString::fromUtf8(QJsonDocument(clip).toJson(QJsonDocument::Compact)));
    shots[1] = bravo;
    project.insert(QStringLiteral("shots"), shots);
    const QString marked = dir_.filePath(QStringLiteral("marked.retake"));
    QFile out(marked);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(project).toJson());
    out.close();
    window_ = std::make_unique<MainWindow>();
    const QString shown = retake::testing::showWindowOn(*window_, marked);
    QVERIFY2(shown.isEmpty(), qPrintable(shown));

    // Bravo follows Alpha's 48 frames: its media frame 10 is frame 58.
    TimelineWidget* timeline = window_->timeline();
    const int x = int(std::lround(timeline->frameToX(58)));
    QCOMPARE(timeline->markerToolTipAt(QPoint(x + 2, 3)),
             QStringLiteral("Marker \"flash\" on Bravo at 00:00:02:10: check the exposure"));
    QVERIFY(timeline->markerToolTipAt(QPoint(int(timeline->frameToX(20)), 3)).isEmpty());
    QVERIFY(
        timeline->markerToolTipAt(QPoint(x + 2, timeline->trackRect(0).center().y())).isEmpty());
    const QImage drawn = timeline->grab().toImage();
    const QColor flag = drawn.pixelColor(x + 2, 3);
    QVERIFY2(flag.blue() > 180 && flag.red() < 120,
             qPrintable(QStringLiteral("the marker's pennant is %1").arg(flag.name())));
}

// File > Import OpenTimelineIO… takes an .otioz: its media is unpacked off
// the GUI thread beside the bundle, and the new project plays from there.
void TestMainWindow::importsAnOtioBundle() {
    // Qt's own file dialog, which the test can answer (a desktop's portal
    // dialog is another process).
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    const QString bundle = dir_.filePath(QStringLiteral("handover.otioz"));
    writeOtioBundle(window_->document()->project(), bundle);
    window_->document()->discardAutosave();
    window_->document()->undoStack()->setClean();
    QTimer poll;
    poll.setInterval(20);
    QStringList seen;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* files = qobject_cast<QFileDialog*>(modal)) {
            if (seen.isEmpty())
                seen << QStringLiteral("files");
            auto* name = files->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            name->setText(bundle);
            QTest::keyClick(name, Qt::Key_Return);
        } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            seen << box->text();
            box->accept();
            poll.stop();
        }
    });
    poll.start();
    window_->actions()->importOtio->trigger();
    QCOMPARE(seen.value(0), QStringLiteral("files"));
    QVERIFY2(seen.value(1).startsWith(QStringLiteral("Imported")), qPrintable(seen.join('|')));
    const Project& project = window_->document()->project();
    QCOMPARE(project.shots.size(), 2);
    const MediaRef* media = project.findMedia(project.shots[0].mediaId);
    QVERIFY(media->online);
    QCOMPARE(QFileInfo(media->path).absolutePath(),
             QDir(otioBundleMediaFolder(bundle)).filePath(QStringLiteral("media")));
    QCOMPARE(window_->state()->duration(), FrameNumber(96));
}

// Edit > Add Marker… (Ctrl+M) asks for a name and marks the playhead; the
// ruler's context menu renames and removes it; each is one undo step.
void TestMainWindow::addsRenamesAndRemovesMarkers() {
    QString answer;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (auto* ask = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
            ask->setTextValue(answer);
            ask->accept();
        }
    });
    poll.start();
    window_->state()->setCurrentFrame(30);
    answer = QStringLiteral("Cut here");
    QTest::keyClick(window_.get(), Qt::Key_M, Qt::ControlModifier);
    QVector<TimelineMarker> markers = timelineMarkers(window_->document()->project());
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers[0].start, FrameNumber(30));
    QCOMPARE(markers[0].name, QStringLiteral("Cut here"));
    QCOMPARE(markers[0].on, QStringLiteral("timeline"));
    TimelineWidget* timeline = window_->timeline();
    const QPoint flag(int(std::lround(timeline->frameToX(30))) + 2, 3);
    QVERIFY(timeline->markerToolTipAt(flag).startsWith(QStringLiteral("Marker \"Cut here\"")));

    QMenu menu;
    QVERIFY(timeline->addMarkerActions(&menu, flag));
    QCOMPARE(menu.actions().size(), 2);
    answer = QStringLiteral("Cut later");
    menu.actions()[0]->trigger();
    QCOMPARE(timelineMarkers(window_->document()->project())[0].name, QStringLiteral("Cut later"));
    menu.actions()[1]->trigger();
    QVERIFY(timelineMarkers(window_->document()->project()).isEmpty());
    QMenu nothing;
    QVERIFY(!timeline->addMarkerActions(&nothing, flag));
    window_->document()->undoStack()->undo();
    window_->document()->undoStack()->undo();
    QCOMPARE(timelineMarkers(window_->document()->project())[0].name, QStringLiteral("Cut here"));
    window_->document()->undoStack()->undo();
    QVERIFY(timelineMarkers(window_->document()->project()).isEmpty());
}

// The prompt is greyed out, saying why, under an engine that does not read
// it; the model engine's makes it editable. The text stays either way.
void TestMainWindow::promptSaysWhichEngineReadsIt() {
    InspectorWidget* inspector = window_->inspector();
    QComboBox* engine = inspector->engineCombo();
    engine->setCurrentIndex(engine->findData(QStringLiteral("propagate")));
    QVERIFY(!inspector->promptEdit()->isEnabled());
    QCOMPARE(inspector->promptReaderLabel()->text(),
             QStringLiteral("Not read by propagate; kept as a note on the take"));
    QVERIFY(inspector->promptEdit()->toolTip().contains(QStringLiteral("does not read a prompt")));
    engine->setCurrentIndex(engine->findData(QStringLiteral("model")));
    QVERIFY(inspector->promptEdit()->isEnabled());
    QCOMPARE(inspector->promptReaderLabel()->text(), QStringLiteral("Read by the model engine"));
    inspector->promptEdit()->setPlainText(QStringLiteral("a red car instead"));
    Q_EMIT inspector->promptEdit()->editingFinished();
    QCOMPARE(shot(QStringLiteral("Alpha")).prompt, QStringLiteral("a red car instead"));
    engine->setCurrentIndex(engine->findData(QStringLiteral("interpolate")));
    QVERIFY(!inspector->promptEdit()->isEnabled());
    QCOMPARE(inspector->promptEdit()->toPlainText(), QStringLiteral("a red car instead"));
    QCOMPARE(shot(QStringLiteral("Alpha")).prompt, QStringLiteral("a red car instead"));
    engine->setCurrentIndex(engine->findData(QStringLiteral("propagate")));
}

namespace {

// A TorchScript inpainting model without a prompt argument, made with the
// venv's PyTorch; empty when torch is missing there.
QString makeInpaintingModel(const QString& dir) {
    const QString script = QDir(dir).filePath(QStringLiteral("make_fill.py"));
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("import sys, torch\n"
               "class Fill(torch.nn.Module):\n"
               "    def forward(self, frames, masks):\n"
               "        return frames * (1.0 - masks) + 0.5 * masks\n"
               "torch.jit.script(Fill()).save(sys.argv[1])\n");
    file.close();
    const QString model = QDir(dir).filePath(QStringLiteral("fill.pt"));
    const retake::testing::Run made =
        retake::testing::run(QStringLiteral(RETAKE_PYTHON), {script, model});
    return made.exitCode == 0 ? model : QString();
}

QString sha256Of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

// The model engine asks for its file in the inspector, shows the file's
// SHA-256 with the choice, checks it off the UI thread, and says whether the
// model reads the prompt. The file goes into the regeneration's parameters.
void TestMainWindow::modelEngineNamesItsFileAndChecksIt() {
    InspectorWidget* inspector = window_->inspector();
    QComboBox* engine = inspector->engineCombo();
    ModelFileField* field = inspector->modelField();
    engine->setCurrentIndex(engine->findData(QStringLiteral("propagate")));
    QVERIFY(!field->isVisibleTo(inspector));
    engine->setCurrentIndex(engine->findData(QStringLiteral("model")));
    QVERIFY(field->isVisibleTo(inspector));

    const QString model = makeInpaintingModel(dir_.path());
    if (model.isEmpty())
        QSKIP("torch is not installed in " RETAKE_PYTHON);
    field->pathEdit()->setText(model);
    Q_EMIT field->pathEdit()->editingFinished();
    QTRY_COMPARE(field->hashLabel()->toolTip(), sha256Of(model));
    QCOMPARE(field->hashLabel()->text(),
             QStringLiteral("SHA-256: %1…").arg(sha256Of(model).left(16)));
    QTest::mouseClick(field->checkButton(), Qt::LeftButton);
    QVERIFY(field->checking());
    QTRY_VERIFY_WITH_TIMEOUT(!field->checking(), 120000);
    QVERIFY2(
        field->statusLabel()->text().startsWith(QStringLiteral("TorchScript, inpainting model")),
        qPrintable(field->statusLabel()->text()));
    QVERIFY(field->statusLabel()->toolTip().contains(QStringLiteral("prompt: no")));
    // This model's forward() takes no prompt: the field says so.
    QVERIFY(!inspector->promptEdit()->isEnabled());
    QCOMPARE(inspector->promptReaderLabel()->text(),
             QStringLiteral("Not read by this model; kept as a note on the take"));
    QString error;
    const auto settings = inspector->regenerationSettings(&error);
    QVERIFY2(settings, qPrintable(error));
    QCOMPARE(settings->parameters.value(QStringLiteral("model")), model);

    // A file that is not a model: the check says what is wrong, in the field.
    const QString notes = dir_.filePath(QStringLiteral("notes.pt2"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("my model, version 2\n");
    file.close();
    field->pathEdit()->setText(notes);
    Q_EMIT field->pathEdit()->editingFinished();
    QVERIFY(inspector->promptEdit()->isEnabled()); // unknown again until checked
    QTest::mouseClick(field->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!field->checking(), 120000);
    QVERIFY2(field->statusLabel()->text().contains(QStringLiteral(
                 "not a model: neither a TorchScript file nor an AOTInductor package")),
             qPrintable(field->statusLabel()->text()));
    field->pathEdit()->setText(dir_.filePath(QStringLiteral("absent.pt2")));
    Q_EMIT field->pathEdit()->editingFinished();
    QCOMPARE(field->hashLabel()->text(), QStringLiteral("No such file"));
    field->setPath(QString());
    Q_EMIT field->pathEdit()->editingFinished();
    engine->setCurrentIndex(engine->findData(QStringLiteral("propagate")));
}

// A project from elsewhere whose take names a model: opening it, showing the
// shot and its takes never loads the model (docs/models.md, trust).
void TestMainWindow::aProjectNeverLoadsTheModelItNames() {
    const QString model = dir_.filePath(QStringLiteral("named_by_project.pt2"));
    QFile::remove(model);
    QVERIFY(QFile::copy(dir_.filePath(QStringLiteral("mask.png")), model));
    const QString project = dir_.filePath(QStringLiteral("names_model.retake"));
    {
        auto doc = Document::open(projectPath_);
        Take take;
        take.engine = QStringLiteral("model");
        take.parameters.insert(QStringLiteral("model"), model);
        take.range = {0, 4};
        take.regenerated.add({0, 4});
        take.framesPath = dir_.filePath(QStringLiteral("takes/none/frame_00000.png"));
        take.modelHash = sha256Of(model);
        doc->addTake(doc->project().resolveShot(QStringLiteral("Alpha"))->id, take);
        doc->saveAs(project);
    }
    retake::testing::OpenWatch watch({model});
    QVERIFY(watch.unwatched().isEmpty());
    auto other = std::make_unique<MainWindow>();
    const QString shown = retake::testing::showWindowOn(*other, project);
    QVERIFY2(shown.isEmpty(), qPrintable(shown));
    other->state()->selectShot(
        other->document()->project().resolveShot(QStringLiteral("Alpha"))->id);
    QTest::qWait(1500); // prefetch, thumbnails, the inspector's takes
    QCOMPARE(watch.touched(), QStringList());
    // The watch sees a read: naming the file in the inspector does read it.
    other->inspector()->modelField()->pathEdit()->setText(model);
    Q_EMIT other->inspector()->modelField()->pathEdit()->editingFinished();
    QStringList seen; // touched() reports each read once: keep what it said
    QTRY_VERIFY((seen += watch.touched(), seen.contains(model)));
    other->inspector()->modelField()->setPath(QString());
    Q_EMIT other->inspector()->modelField()->pathEdit()->editingFinished();
    other->document()->discardAutosave();
    other.reset();
}

// A shot's own audio shows on A1 under its picture, with a waveform read
// off the UI thread (loud where the tone plays, flat where it stops), and
// mutes from its context menu as one undo step.
void TestMainWindow::shotAudioShowsOnA1WithItsWaveform() {
    const QString clip = dir_.filePath(QStringLiteral("tone_then_silence.mp4"));
    // 2 s of picture; a 440 Hz tone (amplitude 1/8) for the first second only.
    const QString made = retake::testing::ffmpegFromLavfi(
        clip,
        {QStringLiteral("testsrc2=s=160x90:r=24:d=2"), QStringLiteral("sine=f=440:r=48000:d=1")},
        {QStringLiteral("-af"), QStringLiteral("apad"), QStringLiteral("-t"), QStringLiteral("2"),
         QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
         QStringLiteral("yuv420p"), QStringLiteral("-c:a"), QStringLiteral("aac")});
    QVERIFY2(made.isEmpty(), qPrintable(made));
    Document* doc = window_->document();
    const MediaInfo info = openMedia(clip)->info();
    QVERIFY(info.audio.present());
    const Id toned = doc->importMedia(info, QStringLiteral("Toned"));
    TimelineWidget* timeline = window_->timeline();
    timeline->zoomToFit();
    const FrameRange placed = placementOf(doc->project(), toned);
    const int a1 = [&] {
        for (int row = 0; row < doc->project().tracks.size(); ++row)
            if (doc->project().tracks[row].kind == TrackKind::Audio)
                return row;
        return -1;
    }();
    QVERIFY(a1 >= 0);
    const QRect row = timeline->trackRect(a1);
    const auto xAt = [&](double frames) {
        return int(timeline->frameToX(placed.start) + frames * timeline->pixelsPerFrame());
    };
    const QPoint toneSpot(xAt(12), row.center().y());
    const QPoint silentSpot(xAt(36), row.center().y());
    QCOMPARE(timeline->linkedAudioShotAt(toneSpot), toned);
    // Alpha and Bravo (a clip without sound) have nothing on A1.
    QVERIFY(
        timeline->linkedAudioShotAt(QPoint(int(timeline->frameToX(1)), row.center().y())).isNull());

    const double seconds = double(info.frameCount) / info.frameRate.toDouble();
    QTRY_VERIFY_WITH_TIMEOUT(timeline->waveforms()->peaks(clip, seconds), 30000);
    const AudioPeaks* peaks = timeline->waveforms()->peaks(clip, seconds);
    QVERIFY2(peaks->maxBetween(0.2, 0.8) > 0.1,
             qPrintable(QString::number(peaks->maxBetween(0.2, 0.8))));
    QVERIFY2(peaks->maxBetween(1.2, 1.8) < 0.01,
             qPrintable(QString::number(peaks->maxBetween(1.2, 1.8))));
    // A file that changes on disk is read again once the project changes;
    // one that does not stays cached.
    const QString copy = dir_.filePath(QStringLiteral("tone_copy.mp4"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(clip, copy));
    QTRY_VERIFY_WITH_TIMEOUT(timeline->waveforms()->peaks(copy, seconds), 30000);
    QFile grown(copy);
    QVERIFY(grown.open(QIODevice::Append));
    grown.write("trailing bytes");
    grown.close();
    timeline->waveforms()->forgetChangedFiles();
    QVERIFY(!timeline->waveforms()->peaks(copy, seconds));
    QVERIFY(timeline->waveforms()->peaks(clip, seconds));
    // Drawn: a tall waveform over the tone, none over the silence.
    timeline->repaint();
    const QImage shown = timeline->grab().toImage();
    const auto waveformHeight = [&](int x) {
        int lit = 0;
        for (int y = row.top(); y <= row.bottom(); ++y)
            if (shown.pixelColor(x, y) == QColor(120, 185, 140))
                ++lit;
        return lit;
    };
    QVERIFY2(waveformHeight(toneSpot.x()) > row.height() / 5,
             qPrintable(QString::number(waveformHeight(toneSpot.x()))));
    QCOMPARE(waveformHeight(silentSpot.x()), 0);

    // Mute from the context menu: one undo step.
    const int steps = doc->undoStack()->count();
    QMenu menu;
    QVERIFY(timeline->addAudioActions(&menu, toneSpot));
    QAction* mute = menu.actions().last();
    QCOMPARE(mute->text(), QStringLiteral("Mute Shot Audio"));
    mute->trigger();
    QVERIFY(!doc->project().findShot(toned)->audioEnabled);
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    QMenu again;
    QVERIFY(timeline->addAudioActions(&again, toneSpot));
    QCOMPARE(again.actions().last()->text(), QStringLiteral("Unmute Shot Audio"));
    doc->undoStack()->undo();
    QVERIFY(doc->project().findShot(toned)->audioEnabled);
    doc->undoStack()->undo(); // the import
}

// The clean plate and the shape it follows are chosen in the inspector and
// reach the regeneration as regen --reference --reference-follows
// --reference-frame do.
void TestMainWindow::cleanPlateFollowsAPaintedShape() {
    InspectorWidget* inspector = window_->inspector();
    Document* doc = window_->document();
    const Shot& alpha = shot(QStringLiteral("Alpha"));
    window_->state()->selectShot(alpha.id);
    // No plate: nothing to pin, nothing passed on.
    QVERIFY(!inspector->plateFollowsCombo()->isEnabled());
    QString error;
    auto settings = inspector->regenerationSettings(&error);
    QVERIFY2(settings, qPrintable(error));
    QVERIFY(settings->referencePath.isEmpty() && settings->referenceFollows.isNull());

    MaskShape sign;
    sign.kind = MaskShapeKind::Rectangle;
    sign.frames.add(alpha.source);
    sign.keys.insert(alpha.source.start, MaskGeometry{QPointF(10, 10), QPointF(60, 40)});
    const Id shapeId = doc->addMaskShape(alpha.id, Id(), sign);
    QCOMPARE(inspector->plateFollowsCombo()->count(), 2); // nothing, the rectangle
    inspector->plateEdit()->setText(dir_.filePath(QStringLiteral("mask.png")));
    QVERIFY(inspector->plateFollowsCombo()->isEnabled());
    QVERIFY(!inspector->plateFrameSpin()->isEnabled()); // a still picture needs no frame
    inspector->plateFollowsCombo()->setCurrentIndex(1);
    QVERIFY(inspector->plateFrameSpin()->isEnabled());
    inspector->plateFrameSpin()->setValue(5);
    settings = inspector->regenerationSettings(&error);
    QVERIFY2(settings, qPrintable(error));
    QCOMPARE(settings->referencePath, dir_.filePath(QStringLiteral("mask.png")));
    QCOMPARE(settings->referenceFollows, shapeId);
    QCOMPARE(settings->referenceFrame, alpha.source.start + 5);
    // Another shot has other shapes: the choice is cleared.
    window_->state()->selectShot(shot(QStringLiteral("Bravo")).id);
    QCOMPARE(inspector->plateFollowsCombo()->count(), 1);
    settings = inspector->regenerationSettings(&error);
    QVERIFY(settings->referenceFollows.isNull());
    inspector->plateEdit()->clear();
    doc->undoStack()->undo();
}

void TestMainWindow::openErrorNamesTheFile() {
    const QString missing = dir_.filePath(QStringLiteral("missing.retake"));
    bool opened = true;
    QString text =
        answerDialog([&] { opened = window_->openProject(missing); }, QMessageBox::AcceptRole);
    QVERIFY(!opened);
    QVERIFY2(text.contains(QStringLiteral("missing.retake")), qPrintable(text));

    const QString corrupt = dir_.filePath(QStringLiteral("corrupt.retake"));
    QFile file(corrupt);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ this is not a project");
    file.close();
    text = answerDialog([&] { opened = window_->openProject(corrupt); }, QMessageBox::AcceptRole);
    QVERIFY(!opened);
    QVERIFY2(text.contains(QStringLiteral("corrupt.retake")), qPrintable(text));
    // The open project is still there.
    QCOMPARE(window_->storyboard()->cardCount(), 2);
}

void TestMainWindow::recoversAutosave() {
    {
        auto doc = Document::open(projectPath_);
        doc->lockRange(doc->project().resolveShot(QStringLiteral("Bravo"))->id, {3, 9});
        QTest::qWait(20); // the autosave must be newer than the project file
        doc->writeAutosave();
    }
    QVERIFY(Document::hasRecoverableAutosave(projectPath_));
    window_ = std::make_unique<MainWindow>();
    bool opened = false;
    const QString text =
        answerDialog([&] { opened = window_->openProject(projectPath_); }, QMessageBox::AcceptRole);
    QVERIFY(opened);
    QVERIFY2(text.contains(QStringLiteral("gui.retake")), qPrintable(text));
    QCOMPARE(shot(QStringLiteral("Bravo")).locks, FrameRangeSet({{3, 9}}));
    QVERIFY(window_->windowTitle().contains(QLatin1Char('*')));
    window_->document()->discardAutosave();
    QVERIFY(!Document::hasRecoverableAutosave(projectPath_));
}

void TestMainWindow::germanAndFrenchTranslationsLoad() {
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("retake::gui::MainWindow", "&File"),
             QStringLiteral("&Datei"));
    QCOMPARE(QCoreApplication::translate("retake::gui::EditorActions", "&Lock Range"),
             QStringLiteral("Bereich &sperren"));
    QCOMPARE(installTranslations(QStringLiteral("fr")), QStringLiteral("fr"));
    QCOMPARE(QCoreApplication::translate("retake::gui::MainWindow", "&File"),
             QStringLiteral("&Fichier"));
    // A window made now is in French.
    MainWindow french;
    QCOMPARE(french.actions()->importMedia->text(), QStringLiteral("&Importer des médias…"));
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("retake::gui::MainWindow", "&File"),
             QStringLiteral("&File"));
    // English has its plural forms.
    QCOMPARE(QCoreApplication::translate("retake::gui::StoryboardModel", "%n frame(s)", nullptr, 1),
             QStringLiteral("1 frame"));
    QCOMPARE(
        QCoreApplication::translate("retake::gui::StoryboardModel", "%n frame(s)", nullptr, 72),
        QStringLiteral("72 frames"));
}

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
