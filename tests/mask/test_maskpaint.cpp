// Painting a mask in the GUI on the offscreen platform: QTest mouse events on
// the viewer's paint overlay and the panel's buttons; after every action the
// model is checked (shapes, their points and frames, rasterised pixels) and
// so is the undo stack (exactly one step per action).
#include "common/editorstate.h"
#include "core/error.h"
#include "docks/masktools.h"
#include "document/document.h"
#include "jobs/jobqueue.h"
#include "mask/maskraster.h"
#include "mediaio/openmedia.h"
#include "processrun.h"
#include "viewer/maskpaintoverlay.h"
#include "viewer/viewercanvas.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

using namespace retake;
using namespace retake::gui;

class TestMaskPaint : public QObject {
    Q_OBJECT
    std::unique_ptr<Document> doc_;
    std::unique_ptr<EditorState> state_;
    std::unique_ptr<QWidget> window_;
    ViewerCanvas* canvas_ = nullptr;
    MaskTools* tools_ = nullptr;
    Id shot_;

    MaskPaintOverlay* overlay() const { return tools_->overlay(); }
    QPoint at(double x, double y) const { return overlay()->toWidget({x, y}).toPoint(); }
    const MaskRef* mask() const {
        const Shot* shot = doc_->project().findShot(shot_);
        return shot->masks.isEmpty() ? nullptr : &shot->masks.constLast();
    }
    int shapeCount() const { return mask() ? int(mask()->painted.shapes.size()) : 0; }
    const MaskShape& lastShape() const { return mask()->painted.shapes.constLast(); }
    int pixel(FrameNumber frame, int x, int y) const {
        return rasteriseMask(mask()->painted, frame, QSize(160, 90)).constScanLine(y)[x];
    }
    int steps() const { return doc_->undoStack()->count(); }
    void drag(const QVector<QPointF>& mediaPoints) {
        QTest::mousePress(overlay(), Qt::LeftButton, {},
                          at(mediaPoints[0].x(), mediaPoints[0].y()));
        for (int i = 1; i < mediaPoints.size(); ++i)
            QTest::mouseMove(overlay(), at(mediaPoints[i].x(), mediaPoints[i].y()));
        QTest::mouseRelease(overlay(), Qt::LeftButton, {},
                            at(mediaPoints.back().x(), mediaPoints.back().y()));
    }
    QPushButton* button(const char* name) const {
        return tools_->findChild<QPushButton*>(QString::fromLatin1(name));
    }
    void setFrames(MaskFrames frames) {
        auto* combo = tools_->findChild<QComboBox*>(QStringLiteral("maskFrames"));
        combo->setCurrentIndex(combo->findData(int(frames)));
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RetakeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("RetakeMaskPaintTest"));
        QSettings().clear();
    }

    void init() {
        doc_ = std::make_unique<Document>(
            Project::createEmpty(QStringLiteral("p"), Rational(24), 160, 90));
        MediaInfo media;
        media.path = QStringLiteral("/nonexistent/plate.mov");
        media.width = 160;
        media.height = 90;
        media.frameRate = Rational(24);
        media.frameCount = 48;
        shot_ = doc_->importMedia(media);
        doc_->undoStack()->clear();
        state_ = std::make_unique<EditorState>();
        state_->setTimeline(Rational(24), 48);
        window_ = std::make_unique<QWidget>();
        canvas_ = new ViewerCanvas(window_.get());
        tools_ = new MaskTools(state_.get(), canvas_, window_.get());
        // 336x206: the 160x90 picture is drawn at twice its size from (8, 13), so
        // media pixels map to whole widget pixels and back exactly.
        canvas_->setFixedSize(336, 206);
        auto* layout = new QVBoxLayout(window_.get());
        layout->addWidget(canvas_, 1);
        layout->addWidget(tools_);
        tools_->setDocument(doc_.get());
        QImage picture(160, 90, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        canvas_->setFrame(picture, QImage());
        window_->resize(500, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QCOMPARE(canvas_->pictureRect(), QRect(8, 13, 320, 180));
    }

    void cleanup() {
        window_.reset();
        state_.reset();
        doc_.reset();
        QSettings().clear();
    }

    void shortcutsChooseBrushAndEraser() {
        QVERIFY(!tools_->paintAction()->isChecked());
        QVERIFY(!overlay()->isVisible());
        QCOMPARE(tools_->toolAction(MaskTool::Brush)->shortcut(), QKeySequence(Qt::Key_B));
        QCOMPARE(tools_->toolAction(MaskTool::Eraser)->shortcut(), QKeySequence(Qt::Key_E));
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QTest::keyClick(window_.get(), Qt::Key_E);
        QVERIFY(overlay()->tool() == MaskTool::Eraser);
        QVERIFY(tools_->paintAction()->isChecked());
        QVERIFY(overlay()->isVisible());
        QTest::keyClick(window_.get(), Qt::Key_B);
        QVERIFY(overlay()->tool() == MaskTool::Brush);
        QCOMPARE(steps(), 0); // choosing tools edits nothing
    }

    void strokeIsOneShapeAndOneUndoStep() {
        tools_->toolAction(MaskTool::Brush)->trigger();
        tools_->findChild<QSpinBox*>(QStringLiteral("maskBrushSize"))->setValue(12);
        tools_->findChild<QSpinBox*>(QStringLiteral("maskHardness"))->setValue(100);
        QVERIFY(!mask());
        // While the mouse moves the overlay previews the stroke; nothing is edited yet.
        QTest::mousePress(overlay(), Qt::LeftButton, {}, at(20, 45));
        QTest::mouseMove(overlay(), at(40, 45));
        QTest::mouseMove(overlay(), at(60, 45));
        QCOMPARE(steps(), 0);
        QCOMPARE(overlay()->shownMask().constScanLine(45)[50], uchar(255));
        QCOMPARE(overlay()->shownMask().constScanLine(45)[90], uchar(0));
        QTest::mouseMove(overlay(), at(80, 45));
        QTest::mouseMove(overlay(), at(100, 45));
        QCOMPARE(steps(), 0);
        QTest::mouseRelease(overlay(), Qt::LeftButton, {}, at(100, 45));
        QCOMPARE(steps(), 1);
        QVERIFY(mask() && mask()->isPainted());
        QCOMPARE(mask()->range, (FrameRange{0, 48}));
        QCOMPARE(shapeCount(), 1);
        const MaskShape& stroke = lastShape();
        QVERIFY(stroke.kind == MaskShapeKind::Stroke);
        QVERIFY(!stroke.erase);
        QCOMPARE(stroke.size, 12.0);
        QCOMPARE(stroke.hardness, 1.0);
        QCOMPARE(stroke.frames, FrameRangeSet({FrameRange{0, 48}}));
        QCOMPARE(stroke.keys.size(), 1);
        const MaskGeometry points = stroke.keys.first();
        QCOMPARE(points.size(), 5);
        QCOMPARE(points.front(), QPointF(20, 45));
        QCOMPARE(points.back(), QPointF(100, 45));
        QCOMPARE(pixel(0, 60, 45), 255);
        QCOMPARE(pixel(47, 60, 45), 255);
        QCOMPARE(pixel(0, 60, 60), 0);
        // The overlay shows the mask of the playhead's frame.
        QCOMPARE(overlay()->currentMask().constScanLine(45)[60], uchar(255));
        doc_->undoStack()->undo(); // the mask began with the stroke: both go
        QVERIFY(!mask());
        QVERIFY(overlay()->currentMask().isNull());
        doc_->undoStack()->redo();
        QCOMPARE(shapeCount(), 1);
    }

    void eraserShapesAndOperations() {
        tools_->toolAction(MaskTool::Brush)->trigger();
        tools_->findChild<QSpinBox*>(QStringLiteral("maskBrushSize"))->setValue(20);
        drag({{20, 45}, {140, 45}});
        tools_->toolAction(MaskTool::Eraser)->trigger();
        tools_->findChild<QSpinBox*>(QStringLiteral("maskHardness"))->setValue(100);
        drag({{60, 20}, {60, 70}});
        QCOMPARE(steps(), 2);
        QCOMPARE(shapeCount(), 2);
        QVERIFY(lastShape().erase);
        QCOMPARE(pixel(0, 60, 45), 0);
        QCOMPARE(pixel(0, 100, 45), 255);
        QCOMPARE(overlay()->shownMask().constScanLine(45)[60], uchar(0));

        tools_->toolAction(MaskTool::Rectangle)->trigger();
        drag({{10, 10}, {20, 15}, {30, 20}});
        QCOMPARE(steps(), 3);
        QVERIFY(lastShape().kind == MaskShapeKind::Rectangle);
        QCOMPARE(lastShape().keys.first(), (MaskGeometry{{10, 10}, {30, 20}}));
        QCOMPARE(pixel(0, 15, 15), 255);
        QCOMPARE(pixel(0, 31, 15), 0);

        tools_->toolAction(MaskTool::Ellipse)->trigger();
        drag({{120, 5}, {150, 25}});
        QVERIFY(lastShape().kind == MaskShapeKind::Ellipse);
        QCOMPARE(pixel(0, 135, 15), 255);
        QCOMPARE(pixel(0, 121, 6), 0);

        tools_->toolAction(MaskTool::Polygon)->trigger();
        const int before = steps();
        QTest::mouseClick(overlay(), Qt::LeftButton, {}, at(10, 80));
        QTest::mouseClick(overlay(), Qt::LeftButton, {}, at(40, 80));
        QCOMPARE(steps(), before); // corners are not edits
        QTest::mouseClick(overlay(), Qt::LeftButton, {}, at(10, 60));
        QTest::keyClick(overlay(), Qt::Key_Return);
        QCOMPARE(steps(), before + 1);
        QVERIFY(lastShape().kind == MaskShapeKind::Polygon);
        QCOMPARE(lastShape().keys.first().size(), 3);
        QCOMPARE(pixel(0, 14, 76), 255);

        // Fill, invert and clear on the current frame only.
        setFrames(MaskFrames::CurrentFrame);
        state_->setCurrentFrame(3);
        button("maskFill")->click();
        QCOMPARE(steps(), before + 2);
        QCOMPARE(pixel(3, 60, 45), 255);
        QCOMPARE(pixel(3, 0, 0), 255);
        QCOMPARE(pixel(4, 0, 0), 0);
        button("maskInvert")->click();
        QCOMPARE(pixel(3, 0, 0), 0);
        button("maskClear")->click();
        QCOMPARE(steps(), before + 4);
        QCOMPARE(pixel(3, 100, 45), 0);
        QCOMPARE(pixel(4, 100, 45), 255);
        // Clearing takes frame 3 out of every shape; nothing else changes.
        QCOMPARE(shapeCount(), 5);
        for (const MaskShape& s : mask()->painted.shapes)
            QVERIFY(!s.frames.contains(3) && s.frames.contains(4));
    }

    // Track Forward on a real picture sliding 1 px left a frame: a job, then
    // the selected rectangle follows (as a polygon) on every later frame of
    // its mask, in one undo step; the path of its keys is drawn.
    void trackForwardFollowsThePicture() {
        QTemporaryDir media;
        const retake::testing::Run made = retake::testing::run(
            QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
             QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("cellauto=s=400x300:rule=110:r=24:full=0:seed=7,trim=start_frame=299:"
                            "end_frame=300,loop=loop=11:size=1,setpts=N/24/TB,"
                            "crop=160:90:x=n:y=60"),
             media.filePath(QStringLiteral("f_%04d.png"))});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        doc_ = std::make_unique<Document>(
            Project::createEmpty(QStringLiteral("p"), Rational(24), 160, 90));
        shot_ = doc_->importMedia(openMedia(media.filePath(QStringLiteral("f_0001.png")))->info());
        doc_->undoStack()->clear();
        state_->setTimeline(Rational(24), 12);
        tools_->setDocument(doc_.get());
        JobQueue jobs;
        tools_->setJobQueue(&jobs);

        tools_->toolAction(MaskTool::Rectangle)->trigger();
        drag({{40, 30}, {60, 40}, {80, 60}});
        const Id rect = lastShape().id;
        QCOMPARE(overlay()->selectedShape(), rect);
        const int before = steps();
        QSignalSpy finished(&jobs, &JobQueue::jobFinished);
        button("maskTrackForward")->click();
        QVERIFY(finished.wait(30000));
        const JobStatus status = jobs.status(finished.first().first().toInt());
        QVERIFY2(status.state == JobState::Succeeded, qPrintable(status.error));
        QVERIFY2(status.notes.join(' ').contains(QStringLiteral("11 frame")),
                 qPrintable(status.notes.join(' ')));
        QCOMPARE(steps(), before + 1);
        const MaskShape tracked = *mask()->painted.findShape(rect);
        QVERIFY(tracked.kind == MaskShapeKind::Polygon);
        QCOMPARE(tracked.keys.size(), 12);
        const QPointF corner = tracked.keys.value(11).first();
        QVERIFY2(std::abs(corner.x() - 29) < 0.2 && std::abs(corner.y() - 30) < 0.2,
                 qPrintable(QStringLiteral("%1,%2").arg(corner.x()).arg(corner.y())));
        // The key path is drawn in the viewer's overlay (its colour, near
        // the rectangle's centre at frame 0 and 11 px left at frame 11).
        state_->setCurrentFrame(5);
        const QImage shown = overlay()->grab().toImage();
        const QPoint mid = at(60 - 5, 45);
        bool pathDrawn = false;
        for (int dy = -2; dy <= 2 && !pathDrawn; ++dy)
            for (int dx = -2; dx <= 2 && !pathDrawn; ++dx) {
                const QColor c = shown.pixelColor(mid + QPoint(dx, dy));
                pathDrawn = c.blue() > 150 && c.green() > 120 && c.red() < 100;
            }
        QVERIFY(pathDrawn);
        doc_->undoStack()->undo();
        QCOMPARE(mask()->painted.findShape(rect)->keys.size(), 1);

        // With a key tolerance, a straight track keeps its ends only.
        tools_->findChild<QDoubleSpinBox*>(QStringLiteral("maskTrackKeyTolerance"))->setValue(0.5);
        state_->setCurrentFrame(0);
        finished.clear();
        button("maskTrackForward")->click();
        QVERIFY(finished.wait(30000));
        QCOMPARE(jobs.status(finished.first().first().toInt()).state, JobState::Succeeded);
        QCOMPARE(mask()->painted.findShape(rect)->keys.size(), 2);
        tools_->setJobQueue(nullptr);
    }

    void copyToInOutAndKeys() {
        tools_->toolAction(MaskTool::Rectangle)->trigger();
        drag({{10, 10}, {30, 30}});
        const Id rect = lastShape().id;
        QCOMPARE(overlay()->selectedShape(), rect);

        // Move (key) the rectangle at frame 40: it moves between frame 0 and 40.
        state_->setCurrentFrame(40);
        tools_->toolAction(MaskTool::Move)->trigger();
        drag({{20, 20}, {40, 20}, {60, 20}});
        QCOMPARE(steps(), 2);
        const MaskShape moved = *mask()->painted.findShape(rect);
        QCOMPARE(moved.keys.keys(), (QList<FrameNumber>{0, 40}));
        QCOMPARE(moved.keys.value(40), (MaskGeometry{{50, 10}, {70, 30}}));
        QCOMPARE(moved.geometryAt(20), (MaskGeometry{{30, 10}, {50, 30}}));
        QCOMPARE(pixel(20, 35, 20), 255);
        QCOMPARE(pixel(20, 15, 20), 0);

        // Key at the playhead pins the interpolated geometry at frame 20.
        state_->setCurrentFrame(20);
        button("maskKey")->click();
        QCOMPARE(steps(), 3);
        QCOMPARE(mask()->painted.findShape(rect)->keys.keys(), (QList<FrameNumber>{0, 20, 40}));

        // Copy frame 20's mask to In/Out 30-34 (timeline = media frames here).
        QSignalSpy failed(tools_, &MaskTools::editFailed);
        button("maskCopy")->click();
        QCOMPARE(failed.size(), 1); // no In/Out yet
        QCOMPARE(steps(), 3);
        state_->setSelection({30, 35});
        button("maskCopy")->click();
        QCOMPARE(steps(), 4);
        QCOMPARE(shapeCount(), 2);
        for (FrameNumber f : {30, 32, 34})
            QCOMPARE(rasteriseMask(mask()->painted, f, QSize(160, 90)),
                     rasteriseMask(mask()->painted, 20, QSize(160, 90)));
        QVERIFY(rasteriseMask(mask()->painted, 35, QSize(160, 90)) !=
                rasteriseMask(mask()->painted, 20, QSize(160, 90)));

        // Painting on In to Out covers exactly those frames.
        setFrames(MaskFrames::InOut);
        tools_->toolAction(MaskTool::Brush)->trigger();
        drag({{100, 70}, {120, 70}});
        QCOMPARE(lastShape().frames, FrameRangeSet({FrameRange{30, 35}}));
        // Without In/Out the stroke is refused and nothing changes.
        state_->clearSelection();
        const Project before = doc_->project();
        drag({{100, 80}, {120, 80}});
        QCOMPARE(failed.size(), 2);
        QVERIFY(doc_->project() == before);

        // Delete the selected shape.
        button("maskDeleteShape")->click();
        QVERIFY(!mask()->painted.findShape(overlay()->selectedShape()));
        QCOMPARE(shapeCount(), 2);
    }
};

QTEST_MAIN(TestMaskPaint)
#include "test_maskpaint.moc"
