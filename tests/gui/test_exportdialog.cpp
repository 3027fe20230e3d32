// Over 600 lines for one reason: one Qt Test class for one dialog; its cases
// share the media made once in initTestCase (a clip with sound, a float plate
// with depth, a TorchScript depth model).

// File > Export… (app/gui/exportdialog.h) driven like a user on the offscreen
// platform, over a small real project, with real outputs checked: a graded
// H.264 through a channel-swapping .cube LUT decoded back with ffmpeg, a
// float/ZIP EXR with a Z channel read with exrheader, depth maps, a USD
// camera, the .otio timeline; a missing LUT and a shot without depth refused
// in the dialog with editor/'s message and nothing written; a cancelled job
// leaving nothing under the final name; the choices remembered in QSettings.
//
// The project (64x48 at 24 fps): Alpha, a 1-second solid (200, 40, 20) clip
// with a 440 Hz tone; Plate, an EXR sequence with depth; Long, a 10-second
// 1280x720 clip for the cancel.
#include "c2pa/contentcredentials.h"
#include "common/editorstate.h"
#include "common/modelfilefield.h"
#include "core/error.h"
#include "dialogs/exportdialog.h"
#include "docks/jobswidget.h"
#include "document/document.h"
#include "interchange/otio.h"
#include "jobs/jobqueue.h"
#include "mainwindow/editoractions.h"
#include "mainwindow/mainwindow.h"
#include "media/encode.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "modaldialog.h"
#include "ocio/colourpipeline.h"
#include "processrun.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>
#include <functional>

using namespace retake;
using namespace retake::gui;

namespace {

constexpr int kW = 64, kH = 48, kPlateFrames = 6;

void selectItem(QComboBox* combo, const QVariant& data) {
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(index);
}

using retake::testing::run;
using retake::testing::Run;

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void gradedFootageThroughALut();
    void exrFloatZipWithZ();
    void cdlCollectionCorrectionIsChosen();
    void depthMapsRunAsAJob();
    void firstFileNumberAndPreviewRange();
    void shotWithoutDepthIsRefused();
    void missingLutIsRefusedNamingTheFile();
    void shotOfAnotherSizeIsRefusedInTheDialog();
    void depthModelGivesDepthToAShotWithout();
    void cameraAndTimelineFiles();
    void cancelledExportLeavesNothing();
    void choicesPersist();
    void replacingIsAskedAndOwnMediaRefused();
    void fullRangeAndTheTagsTheMovieCarries();
    void sendToFarmFollowsSbatch();
    void signsWithTheCertificateFromSettings();

private:
    // Opens File > Export…, lets `configure` set the widgets and presses
    // Export. Returns the dialog's error text when it refused (and was closed
    // with Cancel), else an empty string.
    QString exportWith(const std::function<void(ExportDialog*)>& configure);
    const Shot& shot(const QString& name) const;
    JobStatus waitForJob(int id, int timeoutMs = 120000);
    QString path(const QString& name) const { return dir_.filePath(name); }

    QTemporaryDir dir_;
    QString projectPath_;
    QString lutPath_;
    std::unique_ptr<MainWindow> window_;
};

void TestExportDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetakeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("RetakeExportDialogTest"));
    QSettings().clear();
    // The jobs counted here are the exports; the viewer's proxies of the
    // 720p clip are test_proxies' subject.
    QSettings().setValue(QStringLiteral("proxies/size"), QStringLiteral("off"));
    QVERIFY(dir_.isValid());
    for (const char* tool : {"ffmpeg", "ffprobe", "exrheader"})
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QSKIP(qPrintable(QStringLiteral("%1 is needed").arg(QLatin1String(tool))));

    const Run alpha = run(QStringLiteral("ffmpeg"),
                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                           QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                           QStringLiteral("color=c=0xC82814:s=%1x%2:r=24:d=1").arg(kW).arg(kH),
                           QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                           QStringLiteral("sine=frequency=440:sample_rate=48000:duration=1"),
                           QStringLiteral("-c:v"), QStringLiteral("png"), QStringLiteral("-c:a"),
                           QStringLiteral("pcm_s16le"), QStringLiteral("-shortest"),
                           path(QStringLiteral("alpha.mov"))});
    QVERIFY2(alpha.exitCode == 0, qPrintable(alpha.err));
    const Run longClip = run(
        QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
         QStringLiteral("lavfi"), QStringLiteral("-i"),
         QStringLiteral("testsrc2=s=1280x720:r=24:d=10"), QStringLiteral("-c:v"),
         QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"),
         QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path(QStringLiteral("long.mp4"))});
    QVERIFY2(longClip.exitCode == 0, qPrintable(longClip.err));

    // The plate: float pictures with depth 2 + x/10 m.
    QDir().mkpath(path(QStringLiteral("plate")));
    for (int f = 0; f < kPlateFrames; ++f) {
        Image im(kW, kH, 3, SampleType::Float32);
        for (std::size_t i = 0; i < im.sampleCount(); ++i)
            im.samples<float>()[i] = 0.25f;
        im.depth.resize(std::size_t(kW) * kH);
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x)
                im.depth[std::size_t(y) * kW + x] = 2.0f + x / 10.0f;
        writeImageFile(path(QStringLiteral("plate/p_%1.exr").arg(f + 1, 4, 10, QLatin1Char('0'))),
                       im);
    }

    // A 3D LUT that swaps red and blue: linear, so its trilinear lookup is exact.
    lutPath_ = path(QStringLiteral("swap_rb.cube"));
    QFile lut(lutPath_);
    QVERIFY(lut.open(QIODevice::WriteOnly | QIODevice::Text));
    QTextStream text(&lut);
    text << "TITLE \"swap red and blue\"\nLUT_3D_SIZE 2\n";
    for (int b = 0; b < 2; ++b)
        for (int g = 0; g < 2; ++g)
            for (int r = 0; r < 2; ++r) // red changes fastest
                text << b << ' ' << g << ' ' << r << '\n';
    lut.close();

    projectPath_ = path(QStringLiteral("delivery.retake"));
    Project empty = Project::createEmpty(QStringLiteral("Delivery"), Rational(24), kW, kH);
    empty.settingsFromFirstMedia = false;
    Document doc(empty, projectPath_);
    doc.importMedia(openMedia(path(QStringLiteral("alpha.mov")))->info(), QStringLiteral("Alpha"));
    doc.importMedia(openMedia(path(QStringLiteral("plate/p_0001.exr")))->info(),
                    QStringLiteral("Plate"));
    doc.importMedia(openMedia(path(QStringLiteral("long.mp4")))->info(), QStringLiteral("Long"));
    doc.saveAs(projectPath_);
}

void TestExportDialog::init() {
    window_ = std::make_unique<MainWindow>();
    QVERIFY(window_->openProject(projectPath_));
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void TestExportDialog::cleanup() {
    window_->document()->discardAutosave();
    window_.reset();
}

const Shot& TestExportDialog::shot(const QString& name) const {
    const Shot* s = window_->document()->project().resolveShot(name);
    Q_ASSERT(s);
    return *s;
}

QString TestExportDialog::exportWith(const std::function<void(ExportDialog*)>& configure) {
    QString error;
    bool opened = false;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, [&] {
        // A failure after the dialog closed is shown in a message box.
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            error = box->text() + QLatin1Char('\n') + box->informativeText();
            box->reject();
            return;
        }
        auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
        if (!dialog || opened)
            return;
        opened = true;
        configure(dialog);
        dialog->accept();
        if (dialog->isVisible()) { // refused: the message is shown in the dialog
            error = dialog->errorLabel()->text();
            if (error.isEmpty())
                error = QStringLiteral("refused without a message");
            dialog->reject();
        }
    });
    poll.start();
    window_->actions()->exportMedia->trigger();
    poll.stop();
    if (!opened)
        return QStringLiteral("the export dialog did not open");
    return error;
}

JobStatus TestExportDialog::waitForJob(int id, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!window_->jobQueue()->status(id).isFinished() && clock.elapsed() < timeoutMs)
        QTest::qWait(50);
    return window_->jobQueue()->status(id);
}

void TestExportDialog::gradedFootageThroughALut() {
    window_->state()->setSelection({5, 15}); // timeline frames 5-14 of Alpha
    const QString out = path(QStringLiteral("graded/film.mp4"));
    QVERIFY(QDir().mkpath(path(QStringLiteral("graded"))));
    const QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->scopeCombo(), int(ExportScope::Selection));
        selectItem(d->codecCombo(), toString(VideoCodec::H264));
        d->audioCheck()->setChecked(true);
        d->colourBox()->setChecked(true);
        selectItem(d->lookCombo(), int(ExportLook::LutFile));
        d->lutEdit()->setText(lutPath_);
        selectItem(d->outputModeCombo(), int(ExportOutput::ColourSpace));
        d->outputEdit()->setText(path(QStringLiteral("graded/film.mov")));
        // Picking H.264 again conforms the extension: .mov -> .mp4.
        selectItem(d->codecCombo(), toString(VideoCodec::ProRes422HQ));
        selectItem(d->codecCombo(), toString(VideoCodec::H264));
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QVector<JobStatus> jobs = window_->jobQueue()->jobs();
    QCOMPARE(jobs.size(), 1);
    const int id = jobs.front().id;
    // The Jobs panel shows it.
    QVERIFY(window_->jobsView()->row(id));
    QVERIFY2(window_->jobsView()->row(id)->title->text().contains(QStringLiteral("film.mp4")),
             qPrintable(window_->jobsView()->row(id)->title->text()));
    const JobStatus done = waitForJob(id);
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    QVERIFY(QFileInfo::exists(out));
    QVERIFY(QFileInfo::exists(out + QStringLiteral(".provenance.json")));

    // Ten frames, an H.264 stream and the audio.
    const Run probe = run(QStringLiteral("ffprobe"),
                          {QStringLiteral("-v"), QStringLiteral("error"),
                           QStringLiteral("-count_frames"), QStringLiteral("-show_entries"),
                           QStringLiteral("stream=codec_type,codec_name,nb_read_frames"),
                           QStringLiteral("-of"), QStringLiteral("json"), out});
    QCOMPARE(probe.exitCode, 0);
    const QJsonArray streams =
        QJsonDocument::fromJson(probe.rawOut).object()[QStringLiteral("streams")].toArray();
    bool video = false, audio = false;
    for (const QJsonValue& v : streams) {
        const QJsonObject s = v.toObject();
        if (s[QStringLiteral("codec_type")] == QStringLiteral("video")) {
            video = true;
            QCOMPARE(s[QStringLiteral("codec_name")].toString(), QStringLiteral("h264"));
            QCOMPARE(s[QStringLiteral("nb_read_frames")].toString(), QStringLiteral("10"));
        }
        audio = audio || s[QStringLiteral("codec_type")] == QStringLiteral("audio");
    }
    QVERIFY(video);
    QVERIFY(audio);

    // The LUT swapped red and blue: (200, 40, 20) comes out about (20, 40, 200).
    const Run frame = run(QStringLiteral("ffmpeg"),
                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), out,
                           QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-f"),
                           QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                           QStringLiteral("rgb24"), QStringLiteral("-")});
    QCOMPARE(frame.exitCode, 0);
    QCOMPARE(frame.rawOut.size(), kW * kH * 3);
    const auto* px = reinterpret_cast<const quint8*>(frame.rawOut.constData()) +
                     (std::size_t(kH / 2) * kW + kW / 2) * 3;
    QVERIFY2(std::abs(px[0] - 20) <= 12 && std::abs(px[1] - 40) <= 12 &&
                 std::abs(px[2] - 200) <= 12,
             qPrintable(QStringLiteral("%1 %2 %3").arg(px[0]).arg(px[1]).arg(px[2])));
}

void TestExportDialog::exrFloatZipWithZ() {
    window_->state()->selectShot(shot(QStringLiteral("Plate")).id);
    const QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::ExrSequence));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        d->colourBox()->setChecked(false);
        selectItem(d->exrTypeCombo(), int(ExrPixelType::Float));
        selectItem(d->exrCompressionCombo(), int(ExrCompression::Zip));
        selectItem(d->exrDepthCombo(), 1);
        d->provenanceCheck()->setChecked(true);
        // A plain name becomes a numbered sequence.
        d->outputEdit()->setText(path(QStringLiteral("exr/plate")));
        QCOMPARE(d->outputEdit()->text(), path(QStringLiteral("exr/plate")));
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->kindCombo(), int(ExportKind::ExrSequence));
        QCOMPARE(d->outputEdit()->text(), path(QStringLiteral("exr/plate_####.exr")));
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const JobStatus done = waitForJob(window_->jobQueue()->jobs().front().id);
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    QStringList frames = QDir(path(QStringLiteral("exr")))
                             .entryList({QStringLiteral("plate_*.exr")}, QDir::Files, QDir::Name);
    QCOMPARE(frames.size(), kPlateFrames);
    QCOMPARE(frames.front(), QStringLiteral("plate_1001.exr"));
    QVERIFY(QFileInfo::exists(path(QStringLiteral("exr/plate.provenance.json"))));

    const Run header =
        run(QStringLiteral("exrheader"), {path(QStringLiteral("exr/plate_1001.exr"))});
    QCOMPARE(header.exitCode, 0);
    const QString text = header.out;
    QVERIFY2(text.contains(QStringLiteral("compression (type compression): zip")),
             qPrintable(text));
    for (const char* channel : {"R", "G", "B", "Z"})
        QVERIFY2(text.contains(
                     QStringLiteral("\n    %1, 32-bit floating-point").arg(QLatin1String(channel))),
                 qPrintable(QStringLiteral("%1 in\n%2").arg(QLatin1String(channel), text)));
    QVERIFY2(!text.contains(QStringLiteral("16-bit floating-point")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Depth.Z")), qPrintable(text)); // one part, plain Z
}

// A collection of CDL corrections (.ccc, as a grading tool writes one):
// the dialog lists its corrections and applies the one chosen (as --cdl-id).
void TestExportDialog::cdlCollectionCorrectionIsChosen() {
    const QString ccc = path(QStringLiteral("sh010.ccc"));
    QFile file(ccc);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
    file.write(R"(<?xml version="1.0" encoding="UTF-8"?>
<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.01">
    <ColorCorrection id="sh010_day">
        <SOPNode><Slope>1 1 1</Slope><Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode>
        <SatNode><Saturation>1</Saturation></SatNode>
    </ColorCorrection>
    <ColorCorrection id="sh010_night">
        <SOPNode><Slope>0.5 0.5 0.5</Slope><Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode>
        <SatNode><Saturation>1</Saturation></SatNode>
    </ColorCorrection>
</ColorCorrectionCollection>
)");
    file.close();
    CdlGrade one;
    one.slope = {0.8, 0.8, 0.8};
    const QString single = path(QStringLiteral("one.cc"));
    writeCdl(single, one);
    window_->state()->selectShot(shot(QStringLiteral("Plate")).id);
    float value[2] = {0, 0};
    const QString ids[2] = {QStringLiteral("sh010_day"), QStringLiteral("sh010_night")};
    for (int i = 0; i < 2; ++i) {
        const QString folder = path(QStringLiteral("cdl_%1").arg(ids[i]));
        const QString error = exportWith([&](ExportDialog* d) {
            selectItem(d->kindCombo(), int(ExportKind::ExrSequence));
            selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
            d->colourBox()->setChecked(true);
            selectItem(d->lookCombo(), int(ExportLook::CdlFile));
            // A single correction leaves nothing to choose.
            d->cdlEdit()->setText(single);
            Q_EMIT d->cdlEdit()->editingFinished();
            QCOMPARE(d->cdlCorrectionCombo()->count(), 1);
            QVERIFY(!d->cdlCorrectionCombo()->isVisibleTo(d));
            d->cdlEdit()->setText(ccc);
            Q_EMIT d->cdlEdit()->editingFinished();
            QComboBox* corrections = d->cdlCorrectionCombo();
            QCOMPARE(corrections->count(), 2);
            QCOMPARE(corrections->itemText(0), ids[0]);
            QCOMPARE(corrections->itemText(1), ids[1]);
            QVERIFY(corrections->isVisibleTo(d));
            corrections->setCurrentIndex(i);
            selectItem(d->exrTypeCombo(), int(ExrPixelType::Float));
            d->outputEdit()->setText(folder + QStringLiteral("/p_####.exr"));
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const JobStatus done = waitForJob(window_->jobQueue()->jobs().last().id);
        QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
        const Image frame = openImageFile(folder + QStringLiteral("/p_1001.exr"))->readFrame(0);
        value[i] = frame.samples<float>()[0];
    }
    // The plate is 0.25 (scene-linear in and out): the night correction halves it.
    QVERIFY2(std::abs(value[0] - 0.25f) < 1e-3 && std::abs(value[1] - 0.125f) < 1e-3,
             qPrintable(QStringLiteral("%1 %2").arg(value[0]).arg(value[1])));
}

void TestExportDialog::depthMapsRunAsAJob() {
    window_->state()->selectShot(shot(QStringLiteral("Plate")).id);
    const QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::DepthMaps));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->depthFormatCombo(), toString(DepthMapFormat::Png16Millimetres));
        d->outputEdit()->setText(path(QStringLiteral("depth/d.exr")));
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const JobStatus done = waitForJob(window_->jobQueue()->jobs().front().id);
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    const QStringList maps = QDir(path(QStringLiteral("depth")))
                                 .entryList({QStringLiteral("d_*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(maps.size(), kPlateFrames);
    QCOMPARE(maps.first(), QStringLiteral("d_1001.png"));
    QVERIFY(QFileInfo::exists(path(QStringLiteral("depth/d.depth.json"))));
    // Millimetres: column 10 is 3 m deep.
    const Run pixel = run(QStringLiteral("ffmpeg"),
                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                           path(QStringLiteral("depth/d_1001.png")), QStringLiteral("-f"),
                           QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                           QStringLiteral("gray16le"), QStringLiteral("-")});
    QCOMPARE(pixel.exitCode, 0);
    QCOMPARE(pixel.rawOut.size(), kW * kH * 2);
    const auto* mm = reinterpret_cast<const quint16*>(pixel.rawOut.constData());
    QCOMPARE(int(mm[10]), 3000);
}

// The sequence's first file number and the depth preview's near and far,
// as `--start-number` and `--depth-near/--depth-far` give them: a preview of
// column 10 (3 m deep) between 1 m and 5 m is half grey, in files numbered
// from 7; a near without a far is refused in the dialog.
void TestExportDialog::firstFileNumberAndPreviewRange() {
    window_->state()->selectShot(shot(QStringLiteral("Plate")).id);
    QDir().mkpath(path(QStringLiteral("preview")));
    QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::DepthMaps));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->depthFormatCombo(), toString(DepthMapFormat::Preview8));
        QVERIFY(d->previewNearSpin()->isEnabled());
        d->firstFileNumberSpin()->setValue(7);
        d->previewNearSpin()->setValue(1);
        d->previewFarSpin()->setValue(5);
        d->outputEdit()->setText(path(QStringLiteral("preview/p.png")));
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const JobStatus done = waitForJob(window_->jobQueue()->jobs().front().id);
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    const QStringList maps = QDir(path(QStringLiteral("preview")))
                                 .entryList({QStringLiteral("p_*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(maps.size(), kPlateFrames);
    QCOMPARE(maps.first(), QStringLiteral("p_0007.png"));
    const QImage preview(path(QStringLiteral("preview/p_0007.png")));
    // 1 + round(254 (5 - 3) / (5 - 1)) = 128.
    QCOMPARE(qGray(preview.pixel(10, 0)), 128);
    window_->jobQueue()->clearFinished();

    error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::DepthMaps));
        selectItem(d->depthFormatCombo(), toString(DepthMapFormat::Preview8));
        d->previewNearSpin()->setValue(2);
        d->previewFarSpin()->setValue(0); // Auto
        d->outputEdit()->setText(path(QStringLiteral("preview/q.png")));
    });
    QVERIFY2(error.contains(QStringLiteral("near and the far")), qPrintable(error));
    QVERIFY(window_->jobQueue()->jobs().isEmpty());
    // The choices were remembered; back to the defaults for the tests after.
    {
        ExportDialog d(window_->document()->project(), *window_->state(), projectPath_);
        QCOMPARE(d.firstFileNumberSpin()->value(), 7);
        QCOMPARE(d.previewFarSpin()->value(), 5.0);
    }
    for (const char* name : {"firstFileNumber", "previewNear", "previewFar"})
        QSettings().remove(QStringLiteral("export/") + QLatin1String(name));
    ExportDialog d(window_->document()->project(), *window_->state(), projectPath_);
    QCOMPARE(d.firstFileNumberSpin()->value(), 1001);
}

void TestExportDialog::shotWithoutDepthIsRefused() {
    window_->state()->selectShot(shot(QStringLiteral("Alpha")).id);
    const QString out = path(QStringLiteral("nodepth"));
    QDir().mkpath(out);
    const QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::DepthMaps));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->depthFormatCombo(), toString(DepthMapFormat::ExrMetres));
        d->outputEdit()->setText(out + QStringLiteral("/alpha_####.exr"));
    });
    QVERIFY2(error.contains(QStringLiteral("Alpha")) && error.contains(QStringLiteral("no depth")),
             qPrintable(error));
    QVERIFY(window_->jobQueue()->jobs().isEmpty());
    QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(QLatin1Char(' '))));
}

// A shot with no depth of its own gets depth maps from the user's TorchScript
// model (a constant 2.5 m here, so the pixels say which source ran); a model
// file that is not there is refused, naming it.
void TestExportDialog::depthModelGivesDepthToAShotWithout() {
    const QString script = path(QStringLiteral("make_model.py"));
    QFile scriptFile(script);
    QVERIFY(scriptFile.open(QIODevice::WriteOnly));
    scriptFile.write("import sys, torch\n"
                     "class Flat(torch.nn.Module):\n"
                     "    def forward(self, frames):\n"
                     "        return torch.full_like(frames[:, :1], 2.5)\n"
                     "torch.jit.script(Flat()).save(sys.argv[1])\n");
    scriptFile.close();
    const QString model = path(QStringLiteral("flat.pt"));
    const Run made = run(QStringLiteral(RETAKE_PYTHON), {script, model});
    if (made.exitCode != 0 && made.err.contains("No module named 'torch'"))
        QSKIP("torch is not installed in " RETAKE_PYTHON);
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));

    window_->state()->selectShot(shot(QStringLiteral("Alpha")).id);
    const QString missingOut = path(QStringLiteral("nomodel"));
    QDir().mkpath(missingOut);
    const QString refused = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::DepthMaps));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->depthFormatCombo(), toString(DepthMapFormat::Png16Millimetres));
        d->depthModelEdit()->setText(path(QStringLiteral("no_such_model.pt")));
        d->outputEdit()->setText(missingOut + QStringLiteral("/m_####.png"));
    });
    QVERIFY2(refused.contains(QStringLiteral("no_such_model.pt")), qPrintable(refused));
    QVERIFY(window_->jobQueue()->jobs().isEmpty());
    QVERIFY(filesIn(missingOut).isEmpty());

    const QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::DepthMaps));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->depthFormatCombo(), toString(DepthMapFormat::Png16Millimetres));
        d->depthModelEdit()->setText(model);
        // Check says what the file is before anything runs on it.
        ModelFileField* field = d->depthModelField();
        QTest::mouseClick(field->checkButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!field->checking(), 120000);
        QVERIFY2(
            field->statusLabel()->text().startsWith(QStringLiteral("TorchScript, depth model")),
            qPrintable(field->statusLabel()->text()));
        QVERIFY(field->hashLabel()->text().startsWith(QStringLiteral("SHA-256: ")));
        d->outputEdit()->setText(path(QStringLiteral("modeldepth/m.png")));
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const JobStatus done = waitForJob(window_->jobQueue()->jobs().front().id);
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    const QString first = QDir(path(QStringLiteral("modeldepth")))
                              .entryList({QStringLiteral("m_*.png")}, QDir::Files, QDir::Name)
                              .value(0);
    QVERIFY(!first.isEmpty());
    const Run pixel = run(QStringLiteral("ffmpeg"),
                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                           path(QStringLiteral("modeldepth/") + first), QStringLiteral("-f"),
                           QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                           QStringLiteral("gray16le"), QStringLiteral("-")});
    QCOMPARE(pixel.exitCode, 0);
    QCOMPARE(pixel.rawOut.size(), kW * kH * 2);
    const auto* mm = reinterpret_cast<const quint16*>(pixel.rawOut.constData());
    for (int i : {0, kW * kH / 2, kW * kH - 1})
        QCOMPARE(int(mm[i]), 2500);
}

// A whole-timeline movie with a shot of another size is refused in the
// dialog, from the media's probed size, before any job or file exists.
void TestExportDialog::shotOfAnotherSizeIsRefusedInTheDialog() {
    // The project is 64x48; its shot "Long" is a 1280x720 movie.
    const QString out = path(QStringLiteral("sizes"));
    QDir().mkpath(out);
    const QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->scopeCombo(), int(ExportScope::WholeTimeline));
        d->colourBox()->setChecked(false);
        d->outputEdit()->setText(out + QStringLiteral("/cut.mov"));
    });
    QVERIFY2(
        error.contains(
            QStringLiteral("Shot \"Long\" is 1280x720 but the project is %1x%2").arg(kW).arg(kH)),
        qPrintable(error));
    QVERIFY(window_->jobQueue()->jobs().isEmpty());
    QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(QLatin1Char(' '))));
    // An image sequence may hold frames of different sizes: not refused.
    const QString sequence = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::ExrSequence));
        selectItem(d->scopeCombo(), int(ExportScope::WholeTimeline));
        d->outputEdit()->setText(out + QStringLiteral("/cut_####.exr"));
    });
    QVERIFY2(sequence.isEmpty(), qPrintable(sequence));
    window_->jobQueue()->cancel(window_->jobQueue()->jobs().front().id);
}

void TestExportDialog::missingLutIsRefusedNamingTheFile() {
    const QString missing = path(QStringLiteral("looks/missing_look.cube"));
    const QString out = path(QStringLiteral("refused"));
    QDir().mkpath(out);
    window_->state()->selectShot(shot(QStringLiteral("Alpha")).id);
    const QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->codecCombo(), toString(VideoCodec::ProRes422HQ));
        d->colourBox()->setChecked(true);
        selectItem(d->lookCombo(), int(ExportLook::LutFile));
        d->lutEdit()->setText(missing);
        d->outputEdit()->setText(out + QStringLiteral("/film.mov"));
    });
    QVERIFY2(error.contains(QStringLiteral("missing_look.cube")), qPrintable(error));
    QVERIFY(window_->jobQueue()->jobs().isEmpty());
    QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(QLatin1Char(' '))));

    // An output space the config lacks (a choice remembered from another
    // config) is refused the same way, naming it.
    QSettings().setValue(QStringLiteral("export/outputSpace"), QStringLiteral("NoSuchSpace"));
    const QString unknown = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        d->colourBox()->setChecked(true);
        selectItem(d->lookCombo(), int(ExportLook::None));
        selectItem(d->outputModeCombo(), int(ExportOutput::ColourSpace));
        QCOMPARE(d->outputSpaceCombo()->currentData().toString(), QStringLiteral("NoSuchSpace"));
        d->outputEdit()->setText(out + QStringLiteral("/film.mov"));
    });
    QVERIFY2(unknown.contains(QStringLiteral("NoSuchSpace")), qPrintable(unknown));
    QVERIFY(filesIn(out).isEmpty());
    QSettings().remove(QStringLiteral("export/outputSpace"));

    // A movie into a folder that is not there.
    const QString nowhere = path(QStringLiteral("no_such_folder"));
    const QString noFolder = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        d->colourBox()->setChecked(false);
        d->outputEdit()->setText(nowhere + QStringLiteral("/film.mov"));
    });
    QVERIFY2(noFolder.contains(nowhere) && noFolder.contains(QStringLiteral("does not exist")),
             qPrintable(noFolder));
    QVERIFY(!QFileInfo::exists(nowhere));
    QVERIFY(window_->jobQueue()->jobs().isEmpty());
}

void TestExportDialog::cameraAndTimelineFiles() {
    const Shot& alpha = shot(QStringLiteral("Alpha"));
    window_->state()->selectShot(alpha.id);
    const QString usda = path(QStringLiteral("camera/alpha.usda"));
    QVERIFY(QDir().mkpath(path(QStringLiteral("camera"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("timeline"))));
    QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Camera));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->cameraFormatCombo(), QStringLiteral("chan"));
        d->outputEdit()->setText(path(QStringLiteral("camera/alpha.chan")));
        selectItem(d->cameraFormatCombo(), QStringLiteral("usda")); // conforms the name
        QCOMPARE(d->outputEdit()->text(), usda);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(window_->jobQueue()->jobs().isEmpty()); // written at once, not a job
    QFile file(usda);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.startsWith(QStringLiteral("#usda 1.0")), qPrintable(text.left(200)));
    QVERIFY(text.contains(QStringLiteral("def Camera")));
    // 35 mm on a metre stage: tenths of a unit.
    QVERIFY2(text.contains(QStringLiteral("focalLength = 0.35")), qPrintable(text.left(2000)));
    QVERIFY(text.contains(QStringLiteral("endTimeCode = %1").arg(alpha.source.length())));

    // Numbered from 1001, as a plate would be: the .chan's first line is 1001.
    const QString chan = path(QStringLiteral("camera/alpha.chan"));
    error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Camera));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->cameraFormatCombo(), QStringLiteral("chan"));
        d->cameraFirstFrameSpin()->setValue(1001);
        d->outputEdit()->setText(chan);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile chanFile(chan);
    QVERIFY(chanFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> chanLines = chanFile.readAll().trimmed().split('\n');
    QCOMPARE(chanLines.size(), int(alpha.source.length()));
    QCOMPARE(chanLines.first().split('\t').first().trimmed(), QByteArray("1001"));
    QSettings().remove(QStringLiteral("export/cameraFirstFrame"));

    const QString otio = path(QStringLiteral("timeline/cut.otio"));
    error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Timeline));
        QVERIFY(!d->scopeCombo()->isEnabled());
        d->outputEdit()->setText(path(QStringLiteral("timeline/cut.mov")));
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->kindCombo(), int(ExportKind::Timeline));
        QCOMPARE(d->outputEdit()->text(), otio);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile timeline(otio);
    QVERIFY(timeline.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(timeline.readAll()).object();
    QCOMPARE(root[QStringLiteral("OTIO_SCHEMA")].toString(), QStringLiteral("Timeline.1"));
    QStringList clips;
    for (const QJsonValue& track :
         root[QStringLiteral("tracks")].toObject()[QStringLiteral("children")].toArray())
        for (const QJsonValue& item : track.toObject()[QStringLiteral("children")].toArray())
            if (item.toObject()[QStringLiteral("OTIO_SCHEMA")].toString().startsWith(
                    QStringLiteral("Clip")))
                clips << item.toObject()[QStringLiteral("name")].toString();
    QCOMPARE(clips, (QStringList{QStringLiteral("Alpha"), QStringLiteral("Plate"),
                                 QStringLiteral("Long")}));

    // A bundle (.otioz) copies the media: a job, whose file reads back with
    // every shot's media unpacked from it.
    const QString bundle = path(QStringLiteral("timeline/cut.otioz"));
    error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Timeline));
        d->outputEdit()->setText(otio);
        selectItem(d->timelineFormatCombo(), QStringLiteral("otioz")); // conforms the name
        QCOMPARE(d->outputEdit()->text(), bundle);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(window_->jobQueue()->jobs().size(), 1);
    const JobStatus done = waitForJob(window_->jobQueue()->jobs().front().id);
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    const OtioImport back = readOtioBundle(bundle);
    QCOMPARE(back.project.shots.size(), window_->document()->project().shots.size());
    for (const Shot& s : back.project.shots) {
        const MediaRef* media = back.project.findMedia(s.mediaId);
        QVERIFY2(media->online && media->path.startsWith(otioBundleMediaFolder(bundle)),
                 qPrintable(media->path));
    }
}

void TestExportDialog::cancelledExportLeavesNothing() {
    window_->state()->selectShot(shot(QStringLiteral("Long")).id);
    const QString outDir = path(QStringLiteral("cancel"));
    QVERIFY(QDir().mkpath(outDir));
    const QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->codecCombo(), toString(VideoCodec::ProRes4444));
        d->colourBox()->setChecked(false);
        d->provenanceCheck()->setChecked(true);
        d->outputEdit()->setText(outDir + QStringLiteral("/long.mov"));
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const int id = window_->jobQueue()->jobs().front().id;
    JobRow* row = window_->jobsView()->row(id);
    QVERIFY(row);
    // Cancelled from the Jobs panel once frames are being encoded.
    QTRY_VERIFY_WITH_TIMEOUT(window_->jobQueue()->status(id).fraction > 0.02 ||
                                 window_->jobQueue()->status(id).isFinished(),
                             60000);
    QCOMPARE(window_->jobQueue()->status(id).state, JobState::Running);
    // The movie is being written under a temporary name beside the target.
    const QStringList writing = filesIn(outDir);
    QVERIFY2(!writing.isEmpty() && !writing.contains(QStringLiteral("long.mov")),
             qPrintable(writing.join(QLatin1Char(' '))));
    QVERIFY(row->cancel->isEnabled());
    row->cancel->click();
    const JobStatus done = waitForJob(id);
    QCOMPARE(done.state, JobState::Cancelled);
    QVERIFY(!QFileInfo::exists(outDir + QStringLiteral("/long.mov")));
    QVERIFY(!QFileInfo::exists(outDir + QStringLiteral("/long.mov.provenance.json")));
    // The temporary file went too.
    QVERIFY2(filesIn(outDir).isEmpty(), qPrintable(filesIn(outDir).join(QLatin1Char(' '))));
}

void TestExportDialog::choicesPersist() {
    const QString lut = path(QStringLiteral("swap_rb.cube"));
    QDir().mkpath(path(QStringLiteral("persist")));
    {
        ExportDialog d(window_->document()->project(), *window_->state(), projectPath_);
        selectItem(d.kindCombo(), int(ExportKind::ExrSequence));
        selectItem(d.scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d.codecCombo(), toString(VideoCodec::DNxHRHQ));
        d.audioCheck()->setChecked(false);
        d.colourBox()->setChecked(true);
        selectItem(d.workingSpaceCombo(), d.workingSpaceCombo()->itemData(2));
        selectItem(d.lookCombo(), int(ExportLook::CdlValues));
        d.cdlSpin(0)->setValue(1.25);
        d.cdlSpin(9)->setValue(0.5);
        d.lutEdit()->setText(lut);
        selectItem(d.outputModeCombo(), int(ExportOutput::DisplayView));
        selectItem(d.exrTypeCombo(), int(ExrPixelType::Float));
        selectItem(d.exrCompressionCombo(), int(ExrCompression::Dwaa));
        selectItem(d.exrDepthCombo(), 2);
        d.provenanceCheck()->setChecked(false);
        selectItem(d.depthFormatCombo(), toString(DepthMapFormat::Preview8));
        selectItem(d.cameraFormatCombo(), QStringLiteral("py"));
        // Accepted as a timeline export: cheap to check, and everything is kept.
        selectItem(d.kindCombo(), int(ExportKind::Timeline));
        selectItem(d.timelineFormatCombo(), QStringLiteral("otio"));
        d.outputEdit()->setText(path(QStringLiteral("persist/cut.otio")));
        d.accept();
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }
    ExportDialog d(window_->document()->project(), *window_->state(), projectPath_);
    QCOMPARE(d.kindCombo()->currentData().toInt(), int(ExportKind::Timeline));
    QCOMPARE(d.scopeCombo()->currentData().toInt(), int(ExportScope::SelectedShot));
    QCOMPARE(d.codecCombo()->currentData().toString(), toString(VideoCodec::DNxHRHQ));
    QVERIFY(!d.audioCheck()->isChecked());
    QVERIFY(d.colourBox()->isChecked());
    QCOMPARE(d.workingSpaceCombo()->currentIndex(), 2);
    QCOMPARE(d.lookCombo()->currentData().toInt(), int(ExportLook::CdlValues));
    QCOMPARE(d.cdlSpin(0)->value(), 1.25);
    QCOMPARE(d.cdlSpin(9)->value(), 0.5);
    QCOMPARE(d.lutEdit()->text(), lut);
    QCOMPARE(d.outputModeCombo()->currentData().toInt(), int(ExportOutput::DisplayView));
    QCOMPARE(d.exrTypeCombo()->currentData().toInt(), int(ExrPixelType::Float));
    QCOMPARE(d.exrCompressionCombo()->currentData().toInt(), int(ExrCompression::Dwaa));
    QCOMPARE(d.exrDepthCombo()->currentData().toInt(), 2);
    QVERIFY(!d.provenanceCheck()->isChecked());
    QCOMPARE(d.depthFormatCombo()->currentData().toString(), toString(DepthMapFormat::Preview8));
    QCOMPARE(d.cameraFormatCombo()->currentData().toString(), QStringLiteral("py"));
    QCOMPARE(d.timelineFormatCombo()->currentData().toString(), QStringLiteral("otio"));
    // The folder is remembered; the name comes from the project.
    QCOMPARE(d.outputEdit()->text(), path(QStringLiteral("persist/delivery.otio")));
}

// An existing file is replaced only after the user says so; the project's
// own media are refused in the dialog, without a question.
void TestExportDialog::replacingIsAskedAndOwnMediaRefused() {
    const QString out = path(QStringLiteral("replace.mp4"));
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an earlier export");
    }
    window_->state()->selectShot(shot(QStringLiteral("Alpha")).id);
    ExportDialog d(window_->document()->project(), *window_->state(), projectPath_);
    selectItem(d.kindCombo(), int(ExportKind::Footage));
    selectItem(d.scopeCombo(), int(ExportScope::SelectedShot));
    selectItem(d.codecCombo(), toString(VideoCodec::H264));
    d.colourBox()->setChecked(false);
    d.outputEdit()->setText(out);
    QString asked = retake::testing::answerDialog([&] { d.accept(); }, QMessageBox::RejectRole);
    QVERIFY2(asked.contains(QStringLiteral("already exists")), qPrintable(asked));
    QVERIFY(d.result() != QDialog::Accepted);
    asked = retake::testing::answerDialog([&] { d.accept(); }, QMessageBox::YesRole);
    QVERIFY2(asked.contains(QStringLiteral("replace.mp4")), qPrintable(asked));
    QVERIFY2(d.result() == QDialog::Accepted, qPrintable(d.errorLabel()->text()));
    QVERIFY(d.plan().pictures.overwrite);
    QFile old(out);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("an earlier export")); // nothing written by the dialog

    ExportDialog own(window_->document()->project(), *window_->state(), projectPath_);
    selectItem(own.kindCombo(), int(ExportKind::Footage));
    selectItem(own.codecCombo(), toString(VideoCodec::ProRes422HQ));
    own.outputEdit()->setText(path(QStringLiteral("alpha.mov")));
    asked = retake::testing::answerDialog([&] { own.accept(); }, QMessageBox::YesRole);
    QVERIFY2(asked.isEmpty(), qPrintable(asked)); // refused without asking
    QVERIFY(own.result() != QDialog::Accepted);
    QVERIFY2(own.errorLabel()->text().contains(QStringLiteral("project reads")),
             qPrintable(own.errorLabel()->text()));
}

// Full range is offered only where the codec can carry it, and the dialog
// shows the tags the exporter will write.
void TestExportDialog::fullRangeAndTheTagsTheMovieCarries() {
    window_->state()->selectShot(shot(QStringLiteral("Alpha")).id);
    ExportDialog d(window_->document()->project(), *window_->state(), projectPath_);
    selectItem(d.kindCombo(), int(ExportKind::Footage));
    selectItem(d.scopeCombo(), int(ExportScope::SelectedShot));
    d.colourBox()->setChecked(false);
    d.outputEdit()->setText(path(QStringLiteral("tags.mov")));
    selectItem(d.codecCombo(), toString(VideoCodec::ProRes422HQ));
    QVERIFY(!d.fullRangeCheck()->isEnabled());
    QVERIFY2(d.deliveryTagsLabel()->text().contains(QStringLiteral("limited range (10-bit)")),
             qPrintable(d.deliveryTagsLabel()->text()));
    selectItem(d.codecCombo(), toString(VideoCodec::H264));
    QVERIFY(d.fullRangeCheck()->isEnabled());
    d.fullRangeCheck()->setChecked(true);
    QVERIFY2(d.deliveryTagsLabel()->text().contains(QStringLiteral("full range (8-bit)")),
             qPrintable(d.deliveryTagsLabel()->text()));
    QVERIFY(d.plan().pictures.fullRange);
    // Back to ProRes: the box clears itself.
    selectItem(d.codecCombo(), toString(VideoCodec::ProRes4444));
    QVERIFY(!d.fullRangeCheck()->isChecked());
    QVERIFY(!d.plan().pictures.fullRange);
}

// "Send to Farm…" is offered only where Slurm's sbatch is on PATH (here a
// stand-in script that records being run), and for pictures only (footage,
// EXR sequences), which the farm splits into frames. Choosing it closes the export
// dialog and asks the farm's questions; cancelling them submits nothing,
// starts no job and writes nothing. With RETAKE_SCREENSHOT_DIR set, the
// dialog is saved as export-farm.png.
void TestExportDialog::sendToFarmFollowsSbatch() {
    const QByteArray savedPath = qgetenv("PATH");
    const QString bin = path(QStringLiteral("farm-bin"));
    QVERIFY(QDir().mkpath(bin));
    const QString marker = path(QStringLiteral("sbatch-ran"));
    {
        QFile sbatch(bin + QStringLiteral("/sbatch"));
        QVERIFY(sbatch.open(QIODevice::WriteOnly));
        sbatch.write(QStringLiteral("#!/bin/sh\ntouch '%1'\necho 1\n").arg(marker).toUtf8());
        sbatch.close();
        QVERIFY(sbatch.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    const QString output = path(QStringLiteral("farm-exr"));
    for (const bool withSbatch : {false, true}) {
        qputenv("PATH", withSbatch ? bin.toUtf8() : path(QStringLiteral("empty-bin")).toUtf8());
        bool visible = !withSbatch;
        bool farmAsked = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* dialog = qobject_cast<ExportDialog*>(modal)) {
                visible = dialog->farmButton()->isVisible();
                if (!withSbatch) {
                    dialog->reject();
                    return;
                }
                // Pictures only: a camera file is not split into frames.
                selectItem(dialog->kindCombo(), int(ExportKind::Camera));
                QVERIFY(!dialog->farmButton()->isVisible());
                selectItem(dialog->kindCombo(), int(ExportKind::ExrSequence));
                QVERIFY(dialog->farmButton()->isVisible());
                dialog->outputEdit()->setText(output + QStringLiteral("/f_####.exr"));
                const QString shots = qEnvironmentVariable("RETAKE_SCREENSHOT_DIR");
                if (!shots.isEmpty())
                    dialog->grab().save(shots + QStringLiteral("/export-farm.png"));
                dialog->farmButton()->click();
            } else if (modal && modal->windowTitle() == QLatin1String("Send to Farm")) {
                farmAsked = true;
                qobject_cast<QDialog*>(modal)->reject();
            }
        });
        poll.start();
        window_->actions()->exportMedia->trigger();
        poll.stop();
        QCOMPARE(visible, withSbatch);
        QCOMPARE(farmAsked, withSbatch);
    }
    qputenv("PATH", savedPath);
    QVERIFY(window_->jobQueue()->jobs().isEmpty());
    QVERIFY(!QFileInfo::exists(marker));
    QVERIFY(!QFileInfo::exists(output));
}

// Content Credentials from the dialog: off (and saying why) until Settings
// names a certificate and key; then the movie carries a valid manifest
// naming the regenerated frames, and a certificate the library refuses is
// said in the dialog with nothing written.
void TestExportDialog::signsWithTheCertificateFromSettings() {
    QTemporaryDir certs;
    const Run made =
        run(QStringLiteral("sh"),
            {QStringLiteral(RETAKE_SOURCE_DIR "/tests/cli/make_c2pa_certs.sh"), certs.path()});
    QVERIFY2(made.ok(), qPrintable(made.err));
    QString error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        QVERIFY(d->signCheck()->isVisible());
        QVERIFY(!d->signCheck()->isEnabled());
        QVERIFY(d->signCheck()->toolTip().contains(QStringLiteral("Settings")));
        d->outputEdit()->clear(); // refused: nothing is exported
    });
    QVERIFY(!error.isEmpty());

    QSettings().setValue(QStringLiteral("credentials/certificate"),
                         certs.filePath(QStringLiteral("chain.pem")));
    QSettings().setValue(QStringLiteral("credentials/key"),
                         certs.filePath(QStringLiteral("signer.key")));
    window_->state()->selectShot(shot(QStringLiteral("Plate")).id);
    const QString out = path(QStringLiteral("signed/film.mp4"));
    QVERIFY(QDir().mkpath(path(QStringLiteral("signed"))));
    error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        selectItem(d->scopeCombo(), int(ExportScope::SelectedShot));
        selectItem(d->codecCombo(), toString(VideoCodec::H264));
        d->colourBox()->setChecked(false);
        QVERIFY(d->signCheck()->isEnabled());
        d->signCheck()->setChecked(true);
        d->outputEdit()->setText(out);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const JobStatus done = waitForJob(window_->jobQueue()->jobs().front().id);
    QVERIFY2(done.state == JobState::Succeeded, qPrintable(done.error));
    const CredentialsReport report = readCredentials(out);
    QVERIFY(report.present);
    QCOMPARE(report.validationState, QStringLiteral("Valid"));
    QVERIFY(report.failures.isEmpty());
    QCOMPARE(
        report.active[QLatin1String("claim_generator_info")][0][QLatin1String("name")].toString(),
        QStringLiteral("Retake"));
    window_->jobQueue()->clearFinished();

    // An expired certificate: the dialog says so and nothing is written.
    QSettings().setValue(QStringLiteral("credentials/certificate"),
                         certs.filePath(QStringLiteral("expired_chain.pem")));
    const QString refused = path(QStringLiteral("signed/refused.mp4"));
    error = exportWith([&](ExportDialog* d) {
        selectItem(d->kindCombo(), int(ExportKind::Footage));
        d->signCheck()->setChecked(true);
        d->outputEdit()->setText(refused);
    });
    QVERIFY2(error.contains(QStringLiteral("not valid at time of signing")), qPrintable(error));
    QVERIFY(window_->jobQueue()->jobs().isEmpty());
    QVERIFY(!QFileInfo::exists(refused));
    QSettings().remove(QStringLiteral("credentials"));
}

QTEST_MAIN(TestExportDialog)
#include "test_exportdialog.moc"
