// The inspector's Blocking section, depth-of-field line and the Reframe
// dialog and job, on the offscreen platform over a real blocking shot (a
// 64x36, 4-frame EXR render with depth, imported like `retake-cli blocking
// --create` does): every edit is one undo step that changes exactly what it
// says, refusals change nothing and say why, a shot description sets scene
// and camera together and reports the words it does not know.
#include "camera/blockingrender.h"
#include "camera/lens.h"
#include "camera/motion.h"
#include "common/editorstate.h"
#include "core/error.h"
#include "dialogs/reframedialog.h"
#include "document/document.h"
#include "inspector/blockinginspector.h"
#include "inspector/depthoffieldlabel.h"
#include "inspector/inspectorwidget.h"
#include "jobs/jobqueue.h"
#include "media/media.h"
#include "mediaio/openmedia.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QUndoStack>
#include <QtTest>
#include <cmath>

using namespace retake;
using namespace retake::gui;

namespace {

BlockingObject crate() {
    BlockingObject o;
    o.id = 2;
    o.name = QStringLiteral("crate");
    o.shape = BlockingShape::Box;
    o.position = {0.5, 1.0, 0};
    o.size = {0.8, 0.6, 0.9};
    o.colour = {0.5, 0.2, 0.1};
    return o;
}

// What a rich-text label reads as.
QString plainText(const QLabel* label) {
    QTextDocument text;
    text.setHtml(label->text());
    return text.toPlainText();
}

// Types into a spin box and finishes the edit as a user does.
void enter(QDoubleSpinBox* spin, double value) {
    spin->setValue(value);
    Q_EMIT spin->editingFinished();
}

} // namespace

class TestBlockingInspector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void sectionShowsOnlyForBlockingShots();
    void objectEditIsOneUndoStep();
    void addRenameRemoveAndColour();
    void refusedEditChangesNothing();
    void sunAndSky();
    void descriptionSetsSceneAndCameraInOneStep();
    void contradictoryDescriptionIsReported();
    void depthOfFieldFigures();
    void reframeDialogBuildsTheRequest();
    void reframeJobAddsATake();
    // With RETAKE_SCREENSHOT_DIR set (run under xvfb-run with
    // QT_QPA_PLATFORM=xcb): inspector.png and reframe.png for a person to look at.
    void fitsANarrowDock();
    void screenshots();

private:
    const Shot& blockingShot() const { return *doc_->project().findShot(shotId_); }

    QTemporaryDir dir_;
    QString firstFrame_;
    std::unique_ptr<Document> doc_;
    std::unique_ptr<EditorState> state_;
    std::unique_ptr<InspectorWidget> inspector_;
    BlockingInspector* section_ = nullptr;
    Id shotId_;
    Id plainShotId_;
};

void TestBlockingInspector::initTestCase() {
    QVERIFY(dir_.isValid());
    BlockingScene scene;
    scene.enabled = true;
    scene.objects << crate();
    BlockingSequenceSettings s;
    s.frames = {0, 4};
    s.width = 64;
    s.height = 36;
    s.firstFileNumber = 0;
    s.pattern = dir_.filePath(QStringLiteral("blocking/set/set.%04d.exr"));
    firstFrame_ = renderBlockingSequence(Camera(), scene, s).front();
}

void TestBlockingInspector::init() {
    inspector_.reset();
    doc_ =
        std::make_unique<Document>(Project::createEmpty(QStringLiteral("t"), Rational(24), 64, 36));
    doc_->saveAs(dir_.filePath(QStringLiteral("p.retake")));
    const MediaInfo info = openMedia(firstFrame_)->info();
    QVERIFY(info.hasDepth);
    shotId_ = doc_->importMedia(info, QStringLiteral("set"));
    plainShotId_ = doc_->importMedia(info, QStringLiteral("plain"));
    BlockingScene scene;
    scene.enabled = true;
    scene.objects << crate();
    doc_->setBlockingScene(shotId_, scene);
    doc_->undoStack()->clear();
    state_ = std::make_unique<EditorState>();
    inspector_ = std::make_unique<InspectorWidget>(state_.get());
    inspector_->setDocument(doc_.get());
    section_ = inspector_->blockingSection();
    state_->selectShot(shotId_);
}

void TestBlockingInspector::sectionShowsOnlyForBlockingShots() {
    QVERIFY(!section_->isHidden());
    QCOMPARE(section_->objectList()->count(), 1);
    QVERIFY(section_->objectList()->item(0)->text().startsWith(QLatin1String("crate")));
    QCOMPARE(section_->positionSpin(0)->value(), 0.5);
    QCOMPARE(section_->sizeSpin(2)->value(), 0.9);
    state_->selectShot(plainShotId_);
    QVERIFY(section_->isHidden());
    state_->selectShot(shotId_);
    QVERIFY(!section_->isHidden());
}

void TestBlockingInspector::objectEditIsOneUndoStep() {
    const Project before = doc_->project();
    enter(section_->positionSpin(1), 2.25);
    QCOMPARE(doc_->undoStack()->count(), 1);
    BlockingObject expected = crate();
    expected.position.y = 2.25; // and nothing else: the other fields keep their exact values
    QCOMPARE(blockingShot().blocking.objects.size(), 1);
    QVERIFY(blockingShot().blocking.objects.front() == expected);
    // An unchanged field commits nothing.
    Q_EMIT section_->positionSpin(0)->editingFinished();
    QCOMPARE(doc_->undoStack()->count(), 1);
    doc_->undoStack()->undo();
    QVERIFY(doc_->project() == before);
    QCOMPARE(section_->positionSpin(1)->value(), 1.0); // the field shows the model again
    doc_->undoStack()->redo();
    QCOMPARE(section_->positionSpin(1)->value(), 2.25);
    QVERIFY(doc_->project().consistencyProblems().isEmpty());
}

void TestBlockingInspector::addRenameRemoveAndColour() {
    section_->addObject(BlockingShape::Person);
    QCOMPARE(doc_->undoStack()->count(), 1);
    const BlockingObject* person = blockingShot().blocking.find(QStringLiteral("person"));
    QVERIFY(person);
    QCOMPARE(person->id, 3);
    QCOMPARE(person->size.z, 1.75);
    QCOMPARE(section_->objectList()->count(), 2);
    QCOMPARE(section_->nameEdit()->text(), QStringLiteral("person")); // the new one is shown
    section_->addObject(BlockingShape::Person);
    QVERIFY(blockingShot().blocking.find(QStringLiteral("person 2")));

    section_->nameEdit()->setText(QStringLiteral("Anna"));
    Q_EMIT section_->nameEdit()->editingFinished();
    QVERIFY(!blockingShot().blocking.find(QStringLiteral("person 2")));
    const BlockingObject* anna = blockingShot().blocking.find(QStringLiteral("Anna"));
    QVERIFY(anna);
    QCOMPARE(anna->id, 4); // renaming keeps the ID the object-ID pass uses
    QCOMPARE(section_->objectList()->currentItem()->text().left(4), QStringLiteral("Anna"));

    // sRGB 128 grey is linear 0.2158605; pure red is (1, 0, 0).
    section_->setObjectColour(QColor(128, 128, 128));
    QVERIFY(std::abs(blockingShot().blocking.find(QStringLiteral("Anna"))->colour.y - 0.2158605) <
            1e-6);
    section_->setObjectColour(QColor(255, 0, 0));
    QVERIFY(blockingShot().blocking.find(QStringLiteral("Anna"))->colour == (Vec3{1, 0, 0}));

    const int steps = doc_->undoStack()->count();
    section_->removeSelectedObject();
    QCOMPARE(doc_->undoStack()->count(), steps + 1);
    QVERIFY(!blockingShot().blocking.find(QStringLiteral("Anna")));
    QCOMPARE(blockingShot().blocking.objects.size(), 2);
    doc_->undoStack()->undo();
    QVERIFY(blockingShot().blocking.find(QStringLiteral("Anna")));
}

void TestBlockingInspector::refusedEditChangesNothing() {
    QSignalSpy failed(inspector_.get(), &InspectorWidget::editFailed);
    const Project before = doc_->project();
    enter(section_->sizeSpin(0), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.front().front().toString().contains(QLatin1String("greater than 0 m")),
             qPrintable(failed.front().front().toString()));
    QVERIFY(doc_->project() == before);
    QCOMPARE(doc_->undoStack()->count(), 0);
    QCOMPARE(section_->sizeSpin(0)->value(), 0.8); // back to the model's value
    // A name another object has.
    section_->addObject(BlockingShape::Sphere);
    section_->nameEdit()->setText(QStringLiteral("crate"));
    Q_EMIT section_->nameEdit()->editingFinished();
    QCOMPARE(failed.count(), 2);
    QVERIFY(failed.back().front().toString().contains(QLatin1String("unique names")));
    QVERIFY(blockingShot().blocking.find(QStringLiteral("sphere")));
    QCOMPARE(section_->nameEdit()->text(), QStringLiteral("sphere"));
}

void TestBlockingInspector::sunAndSky() {
    enter(section_->sunElevationSpin(), 12.5);
    QCOMPARE(blockingShot().blocking.sunElevationDeg, 12.5);
    QCOMPARE(blockingShot().blocking.sunAzimuthDeg, 135.0);
    section_->shadowsCheck()->click();
    QVERIFY(!blockingShot().blocking.shadows);
    section_->setSkyColour(QColor(255, 255, 255));
    QVERIFY(blockingShot().blocking.skyColour == (Vec3{1, 1, 1}));
    QCOMPARE(doc_->undoStack()->count(), 3);
}

void TestBlockingInspector::descriptionSetsSceneAndCameraInOneStep() {
    const Project before = doc_->project();
    section_->descriptionEdit()->setText(
        QStringLiteral("MS 50mm dolly in 3 frames, two people at a table, dusk, wobbly"));
    section_->describeButton()->click();
    QCOMPARE(doc_->undoStack()->count(), 1);
    const Shot& shot = blockingShot();
    QCOMPARE(shot.camera.focalLengthMm, 50.0);
    // The dolly's first and last frame: 3 frames from the shot's first one.
    QCOMPARE(shot.camera.motion.keys.size(), 2);
    QCOMPARE(shot.camera.motion.keys.front().frame, shot.source.start);
    QCOMPARE(shot.camera.motion.keys.back().frame, shot.source.start + 2);
    int people = 0;
    for (const auto& o : shot.blocking.objects)
        people += o.shape == BlockingShape::Person ? 1 : 0;
    QCOMPARE(people, 2);
    QVERIFY(!shot.blocking.find(QStringLiteral("crate"))); // the description replaces the scene
    QVERIFY(section_->descriptionReport()->isVisibleTo(section_));
    const QString report = plainText(section_->descriptionReport());
    QVERIFY2(report.contains(QLatin1String("Not understood (ignored): wobbly")),
             qPrintable(report));
    QCOMPARE(section_->objectList()->count(), shot.blocking.objects.size());
    doc_->undoStack()->undo(); // camera and scene together
    QVERIFY(doc_->project() == before);
}

void TestBlockingInspector::contradictoryDescriptionIsReported() {
    QSignalSpy failed(inspector_.get(), &InspectorWidget::editFailed);
    const Project before = doc_->project();
    section_->descriptionEdit()->setText(QStringLiteral("CU WS 35mm, one person"));
    section_->describeButton()->click();
    QCOMPARE(failed.count(), 1);
    const QString report = plainText(section_->descriptionReport());
    QVERIFY2(report.contains(QLatin1String("\"CU\"")) && report.contains(QLatin1String("\"WS\"")),
             qPrintable(report));
    QVERIFY(doc_->project() == before);
    QCOMPARE(doc_->undoStack()->count(), 0);
}

void TestBlockingInspector::depthOfFieldFigures() {
    // Super 35 (24.89 x 18.66 mm): c = diagonal / 1500 = 0.0207 mm; 35 mm at
    // f/2.8 focused at 3 m: H = f^2 / (N c) + f = 21.13 m, near = s (H - f) /
    // (H + s - 2f) = 2.63 m, far = s (H - f) / (H - s) = 3.49 m.
    const double c = std::hypot(24.89, 18.66) / 1500;
    const double hMm = 35.0 * 35.0 / (2.8 * c) + 35.0;
    const double near = 3000 * (hMm - 35) / (hMm + 3000 - 70) / 1000;
    const double far = 3000 * (hMm - 35) / (hMm - 3000) / 1000;
    const QString text = inspector_->depthOfFieldLabel()->text();
    QVERIFY2(text.contains(QString::number(hMm / 1000, 'f', 1) + QStringLiteral(" m")) &&
                 text.contains(QString::number(near, 'f', 2)) &&
                 text.contains(QString::number(far, 'f', 2)),
             qPrintable(text));
    // Past the hyperfocal distance everything to infinity is sharp.
    enter(inspector_->focusDistanceSpin(), 30);
    QVERIFY2(inspector_->depthOfFieldLabel()->text().contains(QStringLiteral("∞")),
             qPrintable(inspector_->depthOfFieldLabel()->text()));
}

void TestBlockingInspector::reframeDialogBuildsTheRequest() {
    RegenRequest engine;
    engine.engine = QStringLiteral("propagate");
    engine.seed = 7;
    const Shot& shot = blockingShot();
    ReframeDialog dialog(doc_->project(), shot, {1, 3}, engine);
    QVERIFY(dialog.depthMode()->isEnabled()); // the render has depth
    dialog.zoomSpin()->setValue(1.5);
    dialog.panSpin()->setValue(2);
    dialog.rollSpin()->setValue(-4);
    ReframeRequest r = dialog.request();
    QVERIFY(r.shotId == shot.id);
    QVERIFY(r.range == (FrameRange{1, 3}));
    QCOMPARE(r.zoom, 1.5);
    QCOMPARE(r.focalLengthMm, 0.0);
    QCOMPARE(r.panDeg, 2.0);
    QCOMPARE(r.rollDeg, -4.0);
    QCOMPARE(r.seed, qint64(7));
    QVERIFY(!r.handheld.active());
    QVERIFY(r.moveM == Vec3());
    dialog.focalMode()->setChecked(true);
    dialog.focalSpin()->setValue(85);
    dialog.handheldCombo()->setCurrentIndex(
        dialog.handheldCombo()->findData(QStringLiteral("walking")));
    dialog.seedSpin()->setValue(11);
    dialog.depthMode()->setChecked(true);
    dialog.moveSpin(2)->setValue(0.3);
    r = dialog.request();
    QCOMPARE(r.zoom, 1.0);
    QCOMPARE(r.focalLengthMm, 85.0);
    Handheld walking = findHandheldPreset(QStringLiteral("walking"))->handheld;
    walking.seed = 11;
    QVERIFY(r.handheld == walking);
    QVERIFY(r.moveM == (Vec3{0, 0, 0.3}));
    // The 2D mode drops the move.
    dialog.flatMode()->setChecked(true);
    QVERIFY(dialog.request().moveM == Vec3());
}

void TestBlockingInspector::reframeJobAddsATake() {
    JobQueue jobs;
    QSignalSpy finished(&jobs, &JobQueue::jobFinished);
    ReframeRequest r;
    r.shotId = shotId_;
    r.range = {0, 2};
    r.zoom = 0.8; // a border for the engine to fill
    const int id = jobs.addReframe(doc_.get(), r, QStringLiteral("reframe"));
    QVERIFY(finished.wait(120000));
    const JobStatus status = jobs.status(id);
    QVERIFY2(status.state == JobState::Succeeded, qPrintable(status.error));
    QCOMPARE(blockingShot().takes.size(), 1);
    QVERIFY(status.takeId == blockingShot().takes.front().id);
    QCOMPARE(blockingShot().takes.front().parameters.value(QStringLiteral("reframe")),
             QStringLiteral("zoom=0.8"));
    QCOMPARE(blockingShot().takes.front().regenerated.frameCount(), FrameNumber(2));
    QCOMPARE(doc_->undoStack()->count(), 1);
    // A refused request fails the job with reframe()'s message and adds nothing.
    r.panDeg = 120;
    const int bad = jobs.addReframe(doc_.get(), r, QStringLiteral("bad"));
    QVERIFY(finished.wait(60000));
    QCOMPARE(int(jobs.status(bad).state), int(JobState::Failed));
    QVERIFY(jobs.status(bad).error.contains(QLatin1String("between -90 and 90")));
    QCOMPARE(blockingShot().takes.size(), 1);
}

// Every section of a blocking shot's inspector fits the dock's default width
// (no horizontal scrolling, nothing cut at the right).
void TestBlockingInspector::fitsANarrowDock() {
    auto* scroll = inspector_->findChild<QScrollArea*>();
    QVERIFY(scroll);
    const int widest = scroll->widget()->minimumSizeHint().width();
    qInfo("inspector page needs %d px", widest);
    // The dock opens 300 px wide: its frame and a vertical scroll bar leave
    // about 270 for the page.
    QVERIFY2(widest <= 270, qPrintable(QString::number(widest)));
}

void TestBlockingInspector::screenshots() {
    const QString dir = qEnvironmentVariable("RETAKE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("RETAKE_SCREENSHOT_DIR is not set");
    section_->descriptionEdit()->setText(
        QStringLiteral("MS 50mm dolly in 3 frames, two people at a table, dusk, wobbly"));
    section_->describeButton()->click();
    inspector_->resize(380, 1300);
    inspector_->show();
    QVERIFY(QTest::qWaitForWindowExposed(inspector_.get()));
    QVERIFY(inspector_->grab().save(dir + QStringLiteral("/inspector.png")));
    RegenRequest engine;
    engine.engine = QStringLiteral("propagate");
    ReframeDialog dialog(doc_->project(), blockingShot(), blockingShot().source, engine);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(dir + QStringLiteral("/reframe.png")));
}

QTEST_MAIN(TestBlockingInspector)
#include "test_blockinginspector.moc"
