// The camera in the window, on the offscreen platform: the inspector's lens
// panel (each edit one undo step with exactly the model field it names, a
// refused value changes nothing and shows the model's own message), the key
// list with its Delete key, and the Add Move dialog, whose keys must be the
// ones `retake-cli camera --move` writes for the same preset.
#include "camera/lens.h"
#include "camera/motion.h"
#include "clirun.h"
#include "common/editorstate.h"
#include "core/error.h"
#include "dialogs/cameramovedialog.h"
#include "document/document.h"
#include "inspector/camerainspector.h"
#include "inspector/inspectorwidget.h"
#include "media/encode.h"
#include "media/media.h"
#include "mediaio/writemedia.h"
#include "testclip.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace retake;
using namespace retake::gui;
using retake::testing::cli;
using retake::testing::json;
using retake::testing::Run;

namespace {

void enter(QDoubleSpinBox* spin, double value) {
    spin->setValue(value);
    Q_EMIT spin->editingFinished();
}

void choose(QComboBox* combo, const QVariant& data) {
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
}

Vec3 jsonVec(const QJsonValue& v) {
    const QJsonArray a = v.toArray();
    return {a.at(0).toDouble(), a.at(1).toDouble(), a.at(2).toDouble()};
}

} // namespace

class TestCameraGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void squeezeAndShiftAreOneUndoStepEach();
    void filmbackPresetAndCustom();
    void refusedFilmbackShowsTheModelsMessage();
    void shotSizeReadout();
    void moveToFrameMatchesTheCli();
    void dollyInMatchesTheCli();
    void handheldIsSeeded();
    void impossibleMoveIsReported();
    void deleteKeyRemovesACameraKey();

private:
    const Shot& shot() const { return *doc_->project().findShot(shotId_); }

    QTemporaryDir dir_;
    QString project_;
    std::unique_ptr<Document> doc_;
    std::unique_ptr<EditorState> state_;
    std::unique_ptr<InspectorWidget> inspector_;
    CameraInspector* camera_ = nullptr;
    Id shotId_;
};

void TestCameraGui::initTestCase() {
    QVERIFY(dir_.isValid());
    // The project test_camera_cli uses: a 24-frame 320x180 sequence on a
    // 1920x1080, 24 fps timeline, made by the CLI.
    project_ = dir_.filePath(QStringLiteral("p.retake"));
    const QString failed = retake::testing::newProjectWithPngPlate(
        project_, dir_.path(), 24, 320, 180, QStringLiteral("1920x1080"),
        [](int frame, std::size_t) { return std::uint8_t(frame * 10); });
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    Run r;
    // A camera pose that is not the default one, so the comparison means something.
    r = cli({QStringLiteral("camera"), project_, QStringLiteral("--shot"), QStringLiteral("plate"),
             QStringLiteral("--position"), QStringLiteral("0.5,-2,1.4"),
             QStringLiteral("--rotation"), QStringLiteral("20,-5,0"), QStringLiteral("--focal"),
             QStringLiteral("40")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestCameraGui::init() {
    doc_ = Document::open(project_);
    doc_->undoStack()->clear();
    state_ = std::make_unique<EditorState>();
    inspector_ = std::make_unique<InspectorWidget>(state_.get());
    inspector_->setDocument(doc_.get());
    camera_ = inspector_->cameraSection();
    shotId_ = doc_->project().shots.front().id;
    state_->selectShot(shotId_);
}

void TestCameraGui::cleanup() {
    inspector_.reset();
    state_.reset();
    doc_.reset();
}

void TestCameraGui::squeezeAndShiftAreOneUndoStepEach() {
    const Camera original = shot().camera;
    choose(camera_->squeezeCombo(), 2.0);
    QCOMPARE(shot().camera.lens.anamorphicSqueeze, 2.0);
    QCOMPARE(doc_->undoStack()->count(), 1);
    Camera expected = original;
    expected.lens.anamorphicSqueeze = 2.0;
    QVERIFY(shot().camera == expected); // nothing else changed

    enter(camera_->shiftXSpin(), 1.25);
    enter(camera_->shiftYSpin(), -0.75);
    QCOMPARE(shot().camera.lens.shiftXMm, 1.25);
    QCOMPARE(shot().camera.lens.shiftYMm, -0.75);
    QCOMPARE(doc_->undoStack()->count(), 3);
    // The frame window follows the squeeze: twice the filmback width (fill
    // crops the height to the 16:9 image).
    const FrameWindow fw = frameWindow(shot().camera, 1920, 1080);
    QVERIFY(std::abs(fw.widthMm / fw.heightMm - 1920.0 / 1080.0) < 1e-9);

    doc_->undoStack()->undo();
    QCOMPARE(shot().camera.lens.shiftYMm, 0.0);
    QCOMPARE(camera_->shiftYSpin()->value(), 0.0);
    doc_->undoStack()->undo();
    doc_->undoStack()->undo();
    QVERIFY(shot().camera == original);
    QCOMPARE(camera_->squeezeCombo()->currentData().toDouble(), 1.0);
}

void TestCameraGui::filmbackPresetAndCustom() {
    const FilmbackPreset* preset = findFilmbackPreset(QStringLiteral("alexaminilf"));
    QVERIFY(preset);
    choose(camera_->filmbackPresetCombo(), QStringLiteral("alexaminilf"));
    QCOMPARE(shot().camera.filmbackWidthMm, preset->widthMm);
    QCOMPARE(shot().camera.filmbackHeightMm, preset->heightMm);
    QCOMPARE(shot().camera.lens.filmbackPreset, QStringLiteral("alexaminilf"));
    QCOMPARE(camera_->filmbackWidthSpin()->value(), std::round(preset->widthMm * 100) / 100);
    // A typed width makes it a custom filmback.
    enter(camera_->filmbackWidthSpin(), 30);
    QCOMPARE(shot().camera.filmbackWidthMm, 30.0);
    QCOMPARE(shot().camera.filmbackHeightMm, preset->heightMm);
    QVERIFY(shot().camera.lens.filmbackPreset.isEmpty());
    QCOMPARE(camera_->filmbackPresetCombo()->currentData().toString(), QString());
    // Sensor fit.
    choose(camera_->sensorFitCombo(), int(SensorFit::Overscan));
    QVERIFY(shot().camera.lens.sensorFit == SensorFit::Overscan);
    QCOMPARE(doc_->undoStack()->count(), 3);
}

void TestCameraGui::refusedFilmbackShowsTheModelsMessage() {
    const Project before = doc_->project();
    Camera bad = shot().camera;
    bad.filmbackWidthMm = 0;
    QString expected;
    try {
        doc_->setCamera(shotId_, bad);
        QFAIL("the model accepted a 0 mm filmback");
    } catch (const Error& e) {
        expected = e.message();
    }
    QVERIFY(!expected.isEmpty());
    QSignalSpy failed(inspector_.get(), &InspectorWidget::editFailed);
    enter(camera_->filmbackWidthSpin(), 0);
    QVERIFY(doc_->project() == before);
    QCOMPARE(doc_->undoStack()->count(), 0);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.front().front().toString(), expected);
    QVERIFY(!camera_->problemLabel()->isHidden());
    QCOMPARE(camera_->problemLabel()->text(), expected);
    // The field shows the model's value again.
    QCOMPARE(camera_->filmbackWidthSpin()->value(),
             std::round(before.findShot(shotId_)->camera.filmbackWidthMm * 100) / 100);
    // A negative vignette is refused the same way.
    enter(camera_->vignetteSpin(), -0.5);
    QVERIFY(doc_->project() == before);
    QVERIFY(!camera_->problemLabel()->text().isEmpty());
    // A good edit clears the message.
    enter(camera_->vignetteSpin(), 0.3);
    QCOMPARE(shot().camera.lens.vignette, 0.3);
    QVERIFY(camera_->problemLabel()->isHidden());
}

void TestCameraGui::shotSizeReadout() {
    const Camera& c = shot().camera;
    const ShotSizeEstimate e = shotSizeAt(c, 1920, 1080, c.focusDistanceM);
    const QString text = camera_->shotSizeLabel()->text();
    QVERIFY2(text.contains(CameraInspector::shotSizeName(e.nearest)), qPrintable(text));
    // Focusing at 30 m makes it a wide shot or wider.
    enter(camera_->focusDistanceSpin(), 30);
    const ShotSizeEstimate far = shotSizeAt(shot().camera, 1920, 1080, 30);
    QVERIFY(int(far.nearest) >= int(ShotSize::Wide));
    QVERIFY2(camera_->shotSizeLabel()->text().contains(CameraInspector::shotSizeName(far.nearest)),
             qPrintable(camera_->shotSizeLabel()->text()));
    // The solver row: the distance `retake-cli camera --solve-size CU --subject-height 1.6`
    // prints, from the same function.
    QComboBox* size = camera_->solveSizeCombo();
    size->setCurrentIndex(size->findData(int(ShotSize::CloseUp)));
    camera_->subjectHeightSpin()->setValue(1.6);
    const double d = distanceForShotSize(shot().camera, 1920, 1080, ShotSize::CloseUp, 1.6);
    QVERIFY(d > 0);
    QVERIFY2(camera_->solvedDistanceLabel()->text().contains(QString::number(d, 'f', 2)),
             qPrintable(camera_->solvedDistanceLabel()->text()));
    const Run r =
        cli({QStringLiteral("camera"), project_, QStringLiteral("--shot"), QStringLiteral("plate"),
             QStringLiteral("--solve-size"), QStringLiteral("CU"),
             QStringLiteral("--subject-height"), QStringLiteral("1.6"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const double cliDistance = json(r)
                                   .value(QStringLiteral("solve"))
                                   .toObject()
                                   .value(QStringLiteral("distanceM"))
                                   .toDouble();
    // The CLI's project still focuses at the original distance; the solver
    // does not depend on the focus.
    QVERIFY(std::abs(cliDistance - d) < 1e-9);
}

// "Frame as" offers to move the camera there: along its view axis (pan 20,
// tilt -5 here), focus following, one undo step, as the CLI's
// --move-to-frame does.
void TestCameraGui::moveToFrameMatchesTheCli() {
    QComboBox* size = camera_->solveSizeCombo();
    size->setCurrentIndex(size->findData(int(ShotSize::MediumCloseUp)));
    camera_->subjectHeightSpin()->setValue(1.75);
    const Camera before = shot().camera;
    const double d = distanceForShotSize(before, 1920, 1080, ShotSize::MediumCloseUp, 1.75);
    QVERIFY(std::abs(before.focusDistanceM - d) > 0.1);
    QVERIFY(camera_->moveToFrameButton()->isEnabled());
    QTest::mouseClick(camera_->moveToFrameButton(), Qt::LeftButton);
    QCOMPARE(doc_->undoStack()->count(), 1);
    const Camera after = shot().camera;
    QVERIFY(std::abs(after.focusDistanceM - d) < 1e-9);
    // The subject (on the view axis at the old focus distance) is d away now.
    const RigidTransform was = cameraToWorld(before.motion.pose);
    const Vec3 subject{was.t.x - was.r[0][2] * before.focusDistanceM,
                       was.t.y - was.r[1][2] * before.focusDistanceM,
                       was.t.z - was.r[2][2] * before.focusDistanceM};
    const Vec3 at = after.motion.pose.position;
    QVERIFY(std::abs(std::hypot(subject.x - at.x, subject.y - at.y, subject.z - at.z) - d) < 1e-9);
    QCOMPARE(after.motion.pose.panDeg, before.motion.pose.panDeg);
    QCOMPARE(after.motion.pose.tiltDeg, before.motion.pose.tiltDeg);
    // Framed so now: nothing more to move.
    QVERIFY(!camera_->moveToFrameButton()->isEnabled());

    const QString copy = dir_.filePath(QStringLiteral("frame.retake"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(project_, copy));
    const Run r =
        cli({QStringLiteral("camera"), copy, QStringLiteral("--shot"), QStringLiteral("plate"),
             QStringLiteral("--solve-size"), QStringLiteral("MCU"),
             QStringLiteral("--move-to-frame"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject pose =
        json(r).value(QStringLiteral("motion")).toObject().value(QStringLiteral("pose")).toObject();
    const Vec3 cli = jsonVec(pose.value(QStringLiteral("position")));
    QVERIFY(std::abs(cli.x - at.x) < 1e-9 && std::abs(cli.y - at.y) < 1e-9 &&
            std::abs(cli.z - at.z) < 1e-9);

    doc_->undoStack()->undo();
    QVERIFY(shot().camera == before);
    QVERIFY(camera_->moveToFrameButton()->isEnabled());
}

void TestCameraGui::dollyInMatchesTheCli() {
    // The CLI on a copy of the same project file.
    const QString copy = dir_.filePath(QStringLiteral("cli.retake"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(project_, copy));
    const Run r =
        cli({QStringLiteral("camera"), copy, QStringLiteral("--shot"), QStringLiteral("plate"),
             QStringLiteral("--move"), QStringLiteral("dolly-in:2"), QStringLiteral("--range"),
             QStringLiteral("0-23"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray cliKeys =
        json(r).value(QStringLiteral("motion")).toObject().value(QStringLiteral("keys")).toArray();
    QCOMPARE(cliKeys.size(), 2);

    CameraMoveDialog dialog(doc_.get(), shotId_);
    dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findData(int(MoveKind::DollyIn)));
    dialog.startSpin()->setValue(0);
    dialog.endSpin()->setValue(23);
    dialog.amountSpin()->setValue(2);
    QCOMPARE(dialog.easingCombo()->currentData().toInt(), int(Easing::EaseInOut)); // CLI default
    QVERIFY(dialog.apply());
    QCOMPARE(doc_->undoStack()->count(), 1);
    const QVector<CameraKey>& keys = shot().camera.motion.keys;
    QCOMPARE(keys.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject k = cliKeys.at(i).toObject();
        QCOMPARE(keys[i].frame - shot().source.start,
                 FrameNumber(k.value(QStringLiteral("frame")).toDouble()));
        const Vec3 cliPosition = jsonVec(k.value(QStringLiteral("position")));
        QVERIFY(std::abs(keys[i].pose.position.x - cliPosition.x) < 1e-9);
        QVERIFY(std::abs(keys[i].pose.position.y - cliPosition.y) < 1e-9);
        QVERIFY(std::abs(keys[i].pose.position.z - cliPosition.z) < 1e-9);
        QVERIFY(std::abs(keys[i].pose.panDeg - k.value(QStringLiteral("panDeg")).toDouble()) <
                1e-9);
    }
    // 2 m along the level view direction (pan 20 degrees: turned left of +Y).
    const double travelled = std::hypot(keys[1].pose.position.x - keys[0].pose.position.x,
                                        keys[1].pose.position.y - keys[0].pose.position.y);
    QVERIFY(std::abs(travelled - 2.0) < 1e-9);
    QVERIFY(keys[1].pose.position.x < keys[0].pose.position.x);
    // The key list shows them, in the shot's frames.
    QCOMPARE(camera_->keyList()->topLevelItemCount(), 2);
    QCOMPARE(camera_->keyList()->topLevelItem(1)->text(0), QStringLiteral("23"));
    doc_->undoStack()->undo();
    QVERIFY(shot().camera.motion.keys.isEmpty());
}

void TestCameraGui::handheldIsSeeded() {
    const auto shake = [this](int seed) {
        CameraMoveDialog dialog(doc_.get(), shotId_);
        dialog.moveGroup()->setChecked(false);
        dialog.handheldGroup()->setChecked(true);
        dialog.handheldPresetCombo()->setCurrentIndex(
            dialog.handheldPresetCombo()->findData(QStringLiteral("handheld")));
        dialog.seedSpin()->setValue(seed);
        dialog.rotationSpin()->setValue(0.6); // an override
        if (!dialog.apply())
            return QVector<CameraPose>();
        QVector<CameraPose> poses;
        for (int f = 0; f < 24; f += 5)
            poses << evaluatePose(shot().camera, double(shot().source.start + f), Rational(24));
        doc_->undoStack()->undo();
        return poses;
    };
    const QVector<CameraPose> first = shake(7);
    QCOMPARE(first.size(), 5);
    QVERIFY(first == shake(7));
    QVERIFY(first != shake(8));
    QVERIFY(first[1] != first[2]); // it does shake
    // The override and the preset's other figures.
    CameraMoveDialog dialog(doc_.get(), shotId_);
    dialog.moveGroup()->setChecked(false);
    dialog.handheldGroup()->setChecked(true);
    dialog.handheldPresetCombo()->setCurrentIndex(
        dialog.handheldPresetCombo()->findData(QStringLiteral("heavy")));
    dialog.seedSpin()->setValue(3);
    dialog.bandHighSpin()->setValue(4);
    const Handheld h = dialog.result().motion.handheld;
    Handheld expected = findHandheldPreset(QStringLiteral("heavy"))->handheld;
    expected.seed = 3;
    expected.bandHighHz = 4;
    QVERIFY(h == expected);
}

void TestCameraGui::impossibleMoveIsReported() {
    const Project before = doc_->project();
    CameraMoveDialog dialog(doc_.get(), shotId_);
    dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findData(int(MoveKind::DollyIn)));
    dialog.startSpin()->setValue(10);
    dialog.endSpin()->setValue(10);
    QVERIFY(!dialog.apply());
    QVERIFY(!dialog.problemLabel()->isHidden());
    QVERIFY(!dialog.problemLabel()->text().isEmpty());
    // Past the subject: the model's own refusal.
    dialog.endSpin()->setValue(23);
    dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findData(int(MoveKind::DollyZoom)));
    dialog.subjectDistanceSpin()->setValue(0);
    QString expected;
    try {
        dialog.result();
    } catch (const Error& e) {
        expected = e.message();
    }
    QVERIFY(!expected.isEmpty());
    QVERIFY(!dialog.apply());
    QCOMPARE(dialog.problemLabel()->text(), expected);
    QVERIFY(doc_->project() == before);
    QCOMPARE(doc_->undoStack()->count(), 0);
}

void TestCameraGui::deleteKeyRemovesACameraKey() {
    CameraMoveDialog dialog(doc_.get(), shotId_);
    dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findData(int(MoveKind::Pan)));
    dialog.startSpin()->setValue(4);
    dialog.endSpin()->setValue(20);
    QVERIFY(dialog.apply());
    QCOMPARE(shot().camera.motion.keys.size(), 2);
    QTreeWidget* list = camera_->keyList();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("4"));
    list->setCurrentItem(list->topLevelItem(1));
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(shot().camera.motion.keys.size(), 1);
    QCOMPARE(shot().camera.motion.keys.front().frame - shot().source.start, FrameNumber(4));
    QCOMPARE(doc_->undoStack()->count(), 2);
    QCOMPARE(list->topLevelItemCount(), 1);
    doc_->undoStack()->undo();
    QCOMPARE(shot().camera.motion.keys.size(), 2);
}

QTEST_MAIN(TestCameraGui)
#include "test_cameragui.moc"
