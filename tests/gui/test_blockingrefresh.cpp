// A blocking shot's picture follows its scene: BlockingRefresher re-renders
// the shot's own EXR sequence through JobQueue::addBlockingRender after an
// inspector edit (debounced), a cancelled render leaves the old frames
// bit-identical, and an undo brings back the original pixels. Also the
// figure the report asks for: render time per frame at 960x540 in the job.
#include "camera/blockingrender.h"
#include "camera/lens.h"
#include "common/editorstate.h"
#include "core/error.h"
#include "document/document.h"
#include "filebytes.h"
#include "inspector/blockinginspector.h"
#include "inspector/inspectorwidget.h"
#include "jobs/blockingrefresh.h"
#include "jobs/jobqueue.h"
#include "mainwindow/mainwindow.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "storyboard/storyboardview.h"
#include "storyboard/thumbnailcache.h"
#include "viewer/viewercanvas.h"
#include "viewer/viewerwidget.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace retake;
using namespace retake::gui;

namespace {

constexpr int kWidth = 64, kHeight = 36;

BlockingObject box() {
    BlockingObject o;
    o.id = 2;
    o.name = QStringLiteral("box");
    o.shape = BlockingShape::Box;
    o.position = {0, 5, 0};
    o.size = {1, 1, 1.2};
    o.colour = {0.9, 0.1, 0.1};
    return o;
}

// A blocking shot the way `retake-cli blocking --create` makes one: its own
// blocking/NAME/NAME.####.exr sequence, imported, with the scene set.
Id createBlockingShot(Document& doc, const QString& dir, const QString& name, int frames, int width,
                      int height, const BlockingScene& scene) {
    BlockingSequenceSettings s;
    s.frames = {0, frames};
    s.width = width;
    s.height = height;
    s.firstFileNumber = 0;
    s.pattern = QDir(dir).filePath(QStringLiteral("blocking/%1/%1.####.exr").arg(name));
    const QStringList files = renderBlockingSequence(Camera(), scene, s);
    MediaInfo info = openMedia(files.front())->info();
    const Id id = doc.importMedia(info, name);
    doc.setBlockingScene(id, scene);
    return id;
}

using retake::testing::fileBytes;

// Linear RGB of one pixel of a frame of the shot's media.
std::array<float, 3> pixel(const QString& mediaPath, FrameNumber frame, int x, int y) {
    const auto reader = openMedia(mediaPath);
    const Image image = reader->readFrame(frame);
    std::array<float, 3> rgb{};
    for (int c = 0; c < 3; ++c)
        rgb[std::size_t(c)] = image.sampleAsFloat(x, y, c);
    return rgb;
}

} // namespace

class TestBlockingRefresh : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void inspectorEditRerendersThePicture();
    void newerEditReplacesAPendingRender();
    void cameraEditRerendersThePicture();
    void cancelKeepsTheOldFrames();
    void undoRerendersTheOriginal();
    void shotWithoutOwnPictureIsRefused();
    void renderTimePerFrame();
    void windowShowsTheNewFrames();

private:
    const Shot& shot() const { return *doc_->project().findShot(shotId_); }
    QString mediaPath() const { return doc_->project().findMedia(shot().mediaId)->path; }
    QString framePath(int n) const {
        return QFileInfo(mediaPath())
            .dir()
            .filePath(QStringLiteral("set.%1.exr").arg(n, 4, 10, QLatin1Char('0')));
    }
    // Waits until the refresher has nothing pending or running.
    bool waitIdle(int timeoutMs = 60000) {
        QElapsedTimer clock;
        clock.start();
        while (!refresher_->isIdle() && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        return refresher_->isIdle();
    }
    // The pixel where the box's centre lands after it moved to x = 1.5.
    QPoint movedBoxPixel() const {
        const Camera& c = shot().camera;
        const PixelPoint p = projectPoint(intrinsics(c, kWidth, kHeight),
                                          cameraToWorld(c.motion.pose), {1.5, 5, 0.6});
        return {int(p.x), int(p.y)};
    }

    QTemporaryDir dir_;
    std::unique_ptr<Document> doc_;
    std::unique_ptr<JobQueue> jobs_;
    std::unique_ptr<BlockingRefresher> refresher_;
    Id shotId_;
};

void TestBlockingRefresh::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetakeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("RetakeBlockingRefreshTest"));
    QSettings().clear();
}

void TestBlockingRefresh::init() {
    refresher_.reset();
    jobs_.reset();
    doc_.reset();
    QVERIFY(dir_.isValid());
    QDir(dir_.filePath(QStringLiteral("blocking"))).removeRecursively();
    doc_ = std::make_unique<Document>(
        Project::createEmpty(QStringLiteral("t"), Rational(24), kWidth, kHeight));
    BlockingScene scene;
    scene.enabled = true;
    scene.objects << box();
    shotId_ =
        createBlockingShot(*doc_, dir_.path(), QStringLiteral("set"), 3, kWidth, kHeight, scene);
    doc_->undoStack()->clear();
    jobs_ = std::make_unique<JobQueue>();
    refresher_ = std::make_unique<BlockingRefresher>(jobs_.get());
    refresher_->setDebounceMs(100);
    refresher_->setDocument(doc_.get());
    QVERIFY(refresher_->isIdle()); // the frames on disk show the scene
}

void TestBlockingRefresh::inspectorEditRerendersThePicture() {
    EditorState state;
    InspectorWidget inspector(&state);
    inspector.setDocument(doc_.get());
    state.selectShot(shotId_);
    BlockingInspector* section = inspector.blockingSection();
    section->objectList()->setCurrentRow(0);
    const QPoint at = movedBoxPixel();
    QVERIFY(at.x() >= 0 && at.x() < kWidth && at.y() >= 0 && at.y() < kHeight);
    const auto before = pixel(mediaPath(), 1, at.x(), at.y());
    QSignalSpy changed(refresher_.get(), &BlockingRefresher::pictureChanged);

    section->positionSpin(0)->setValue(1.5);
    Q_EMIT section->positionSpin(0)->editingFinished();
    QCOMPARE(shot().blocking.objects.front().position.x, 1.5);
    QVERIFY(!refresher_->isIdle()); // debouncing
    QVERIFY(waitIdle());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.front().at(1).toString(), mediaPath());
    // The box is red now where it was sky or ground before, on every frame.
    for (FrameNumber f = 0; f < 3; ++f) {
        const auto after = pixel(mediaPath(), f, at.x(), at.y());
        QVERIFY2(after[0] > 2 * after[1] && after[0] > 2 * after[2],
                 qPrintable(QStringLiteral("frame %1: %2 %3 %4")
                                .arg(f)
                                .arg(after[0])
                                .arg(after[1])
                                .arg(after[2])));
        QVERIFY(std::abs(after[0] - before[0]) + std::abs(after[1] - before[1]) > 0.05);
    }
    // Not an undo step: the scene edit is the only one.
    QCOMPARE(doc_->undoStack()->count(), 1);
}

void TestBlockingRefresh::newerEditReplacesAPendingRender() {
    QSignalSpy added(jobs_.get(), &JobQueue::jobAdded);
    BlockingObject moved = box();
    for (double x : {0.5, 1.0, 1.5}) {
        moved.position.x = x;
        doc_->setBlockingObject(shotId_, QStringLiteral("box"), moved);
    }
    QVERIFY(waitIdle());
    QCOMPARE(added.count(), 1); // three quick edits, one render of the last state
    // Two more renders, each after the last finished: the Jobs panel keeps
    // one row for this shot's automatic renders, the latest.
    const int first = jobs_->jobs().back().id;
    for (double x : {2.0, 2.5}) {
        moved.position.x = x;
        doc_->setBlockingObject(shotId_, QStringLiteral("box"), moved);
        QVERIFY(waitIdle());
    }
    QCOMPARE(added.count(), 3);
    int blockingRows = 0;
    for (const JobStatus& job : jobs_->jobs())
        blockingRows += job.kind == JobKind::BlockingRender ? 1 : 0;
    QCOMPARE(blockingRows, 1);
    QVERIFY(jobs_->jobs().back().id != first);
    QCOMPARE(jobs_->jobs().back().state, JobState::Succeeded);
    moved.position.x = 1.5;
    doc_->setBlockingObject(shotId_, QStringLiteral("box"), moved);
    QVERIFY(waitIdle());
    const QPoint at = movedBoxPixel();
    const auto after = pixel(mediaPath(), 0, at.x(), at.y());
    QVERIFY(after[0] > 2 * after[1]);
}

void TestBlockingRefresh::cameraEditRerendersThePicture() {
    // A longer lens through the camera panel.
    EditorState state;
    InspectorWidget inspector(&state);
    inspector.setDocument(doc_.get());
    state.selectShot(shotId_);
    const QByteArray before = fileBytes(framePath(0));
    QVERIFY(!before.isEmpty());
    QSignalSpy changed(refresher_.get(), &BlockingRefresher::pictureChanged);
    inspector.focalLengthSpin()->setValue(50);
    Q_EMIT inspector.focalLengthSpin()->editingFinished();
    QCOMPARE(shot().camera.focalLengthMm, 50.0);
    QVERIFY(waitIdle());
    QCOMPARE(changed.count(), 1);
    QVERIFY(fileBytes(framePath(0)) != before);
    // Exactly what the scene renders through the new camera.
    BlockingSequenceSettings reference;
    reference.frames = {0, 3};
    reference.width = kWidth;
    reference.height = kHeight;
    reference.firstFileNumber = 0;
    reference.pattern = dir_.filePath(QStringLiteral("reference/ref.%04d.exr"));
    const QStringList files = renderBlockingSequence(shot().camera, shot().blocking, reference);
    for (int f = 0; f < 3; ++f) {
        const Image expected = openMedia(files.front())->readFrame(f);
        const Image refreshed = openMedia(mediaPath())->readFrame(f);
        QVERIFY(expected.pixels == refreshed.pixels);
        QVERIFY(expected.depth == refreshed.depth);
    }
    QDir(dir_.filePath(QStringLiteral("reference"))).removeRecursively();
}

void TestBlockingRefresh::cancelKeepsTheOldFrames() {
    // Large enough that the cancel arrives while frames are rendering.
    BlockingScene scene = shot().blocking;
    const Id big =
        createBlockingShot(*doc_, dir_.path(), QStringLiteral("big"), 48, 480, 270, scene);
    const QString bigFolder = dir_.filePath(QStringLiteral("blocking/big"));
    QMap<QString, QByteArray> before;
    for (const QString& name : QDir(bigFolder).entryList(QDir::Files))
        before.insert(name, fileBytes(QDir(bigFolder).filePath(name)));
    QCOMPARE(before.size(), 48);
    doc_->setBlockingObject(big, QStringLiteral("box"), [] {
        BlockingObject o = box();
        o.position.x = 1.5;
        return o;
    }());
    const int id = refresher_->renderNow(big);
    bool cancelled = false;
    connect(jobs_.get(), &JobQueue::jobChanged, this, [&](int changedId) {
        const JobStatus s = jobs_->status(changedId);
        if (changedId == id && !cancelled && s.state == JobState::Running && s.fraction > 0) {
            jobs_->cancel(id);
            cancelled = true;
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(jobs_->status(id).isFinished(), 120000);
    QVERIFY(cancelled);
    QVERIFY(jobs_->status(id).state == JobState::Cancelled);
    QMap<QString, QByteArray> after;
    for (const QString& name : QDir(bigFolder).entryList(QDir::Files))
        after.insert(name, fileBytes(QDir(bigFolder).filePath(name)));
    QVERIFY(after == before); // bit-identical, no staging folder left
    QVERIFY(QDir(bigFolder)
                .entryList({QStringLiteral(".retake-blocking-*")},
                           QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)
                .isEmpty());
    refresher_->setDocument(nullptr); // no further renders of the big shot
}

void TestBlockingRefresh::undoRerendersTheOriginal() {
    QMap<int, QByteArray> original;
    const QPoint at = movedBoxPixel();
    const auto originalPixel = pixel(mediaPath(), 2, at.x(), at.y());
    BlockingObject moved = box();
    moved.position.x = 1.5;
    doc_->setBlockingObject(shotId_, QStringLiteral("box"), moved);
    QVERIFY(waitIdle());
    const auto movedPixel = pixel(mediaPath(), 2, at.x(), at.y());
    QVERIFY(std::abs(movedPixel[0] - originalPixel[0]) > 0.05);

    QSignalSpy changed(refresher_.get(), &BlockingRefresher::pictureChanged);
    doc_->undoStack()->undo();
    QCOMPARE(shot().blocking.objects.front().position.x, 0.0);
    QVERIFY(waitIdle());
    QCOMPARE(changed.count(), 1);
    const auto restored = pixel(mediaPath(), 2, at.x(), at.y());
    QCOMPARE(restored, originalPixel);

    // An undo before the render started only cancels it: nothing re-renders.
    doc_->undoStack()->redo();
    doc_->undoStack()->undo();
    QVERIFY(waitIdle());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(pixel(mediaPath(), 2, at.x(), at.y()), originalPixel);
}

void TestBlockingRefresh::shotWithoutOwnPictureIsRefused() {
    // A plain PNG shot: no blocking sequence to refresh.
    Image image(16, 9, 3, SampleType::UInt8);
    const QString png = dir_.filePath(QStringLiteral("plain.png"));
    writeImageFile(png, image);
    const Id plain = doc_->importMedia(openMedia(png)->info(), QStringLiteral("plain shot"));
    try {
        refresher_->renderNow(plain);
        QFAIL("renderNow accepted a shot without a blocking picture");
    } catch (const Error& e) {
        QVERIFY(e.kind() == ErrorKind::Usage);
        QVERIFY2(e.message().contains(QLatin1String("plain shot")), qPrintable(e.message()));
    }
    QCOMPARE(jobs_->jobs().size(), 0);
}

void TestBlockingRefresh::renderTimePerFrame() {
    // Not a pass/fail figure: printed for the report (machine load varies).
    BlockingScene scene = shot().blocking;
    const Id hd = createBlockingShot(*doc_, dir_.path(), QStringLiteral("hd"), 6, 960, 540, scene);
    const int id = refresher_->renderNow(hd);
    QTRY_VERIFY_WITH_TIMEOUT(jobs_->status(id).isFinished(), 120000);
    const JobStatus s = jobs_->status(id);
    QVERIFY2(s.state == JobState::Succeeded, qPrintable(s.error));
    QCOMPARE(s.notes.size(), 6);
    qInfo("blocking render in the job: %.1f ms per 960x540 frame (6 frames, %lld ms)",
          double(s.elapsedMs) / 6.0, qlonglong(s.elapsedMs));
}

void TestBlockingRefresh::windowShowsTheNewFrames() {
    // The window's own refresher: the viewer and the storyboard thumbnail
    // decode the replaced files again (same names, new pixels).
    const QString path = dir_.filePath(QStringLiteral("window.retake"));
    doc_->saveAs(path);
    refresher_->setDocument(nullptr);
    MainWindow window;
    window.setDocument(Document::open(path));
    window.state()->selectShot(window.document()->project().shots.front().id);
    const QPoint at = movedBoxPixel();
    ViewerCanvas* canvas = window.viewer()->canvas();
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->picture().isNull(), 20000);
    const auto canvasPixel = [&] {
        const QImage& p = canvas->picture();
        return p.pixelColor(at.x() * p.width() / kWidth, at.y() * p.height() / kHeight);
    };
    const QColor viewerBefore = canvasPixel();
    ThumbnailCache* thumbnails = window.storyboard()->thumbnails();
    QTRY_VERIFY_WITH_TIMEOUT(!thumbnails->thumbnail(mediaPath(), 0).isNull(), 20000);
    const auto thumbPixel = [&] {
        const QImage p = thumbnails->thumbnail(mediaPath(), 0);
        return p.isNull()
                   ? QColor()
                   : p.pixelColor(at.x() * p.width() / kWidth, at.y() * p.height() / kHeight);
    };
    const QColor thumbBefore = thumbPixel();
    QVERIFY(viewerBefore.red() < 2 * viewerBefore.green() + 20); // sky or ground, not the box

    QSignalSpy changed(window.blockingRefresher(), &BlockingRefresher::pictureChanged);
    BlockingObject moved = box();
    moved.position.x = 1.5;
    window.document()->setBlockingObject(window.document()->project().shots.front().id,
                                         QStringLiteral("box"), moved);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(canvasPixel().red() > 2 * canvasPixel().green() &&
                                 canvasPixel().red() > 2 * canvasPixel().blue(),
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(thumbPixel().isValid() && thumbPixel() != thumbBefore &&
                                 thumbPixel().red() > 2 * thumbPixel().green(),
                             20000);
    window.document()->discardAutosave();
}

QTEST_MAIN(TestBlockingRefresh)
#include "test_blockingrefresh.moc"
