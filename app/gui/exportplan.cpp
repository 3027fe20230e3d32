// The export dialog's plan: its widgets as the requests `retake-cli export`
// and `retake-cli otio export` build, checked by the exporters before the
// dialog closes, then started as a job or written at once.
#include "core/error.h"
#include "editorstate.h"
#include "export/outputguard.h"
#include "exportdialog.h"
#include "interchange/otio.h"
#include "jobs/jobqueue.h"
#include "timelinemapping.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>

namespace retake::gui {

QString ExportPlan::output() const {
    switch (kind) {
    case ExportKind::Footage:
    case ExportKind::ExrSequence:
        return pictures.output;
    case ExportKind::DepthMaps:
        return depth.output;
    case ExportKind::Camera:
        return cameraFile;
    case ExportKind::Timeline:
        return timelineFile;
    }
    return {};
}

bool ExportPlan::runsAsJob() const {
    return kind == ExportKind::Footage || kind == ExportKind::ExrSequence ||
           kind == ExportKind::DepthMaps;
}

const Shot* ExportDialog::targetShot() const {
    if (const Shot* shot = project_.findShot(state_.selectedShot()))
        return shot;
    const FrameNumber playhead = state_.currentFrame();
    const QVector<ShotSpan> here = shotSpansIn(project_, {playhead, playhead + 1});
    return here.isEmpty() ? nullptr : project_.findShot(here.front().shotId);
}

ExportColor ExportDialog::colourRequest() const {
    ExportColor color;
    color.configPath = ocioConfig_;
    // color.inputSpace stays empty: each media's own (MediaRef::inputSpace).
    color.grade.workingSpace = workingSpace_->currentData().toString();
    switch (ExportLook(look_->currentData().toInt())) {
    case ExportLook::None:
        break;
    case ExportLook::LutFile:
        color.grade.lutPath = lut_->text().trimmed();
        if (color.grade.lutPath.isEmpty())
            throw Error(ErrorKind::Usage, tr("Choose a LUT file for the look, or no look."));
        break;
    case ExportLook::CdlFile:
        if (cdlFile_->text().trimmed().isEmpty())
            throw Error(ErrorKind::Usage, tr("Choose a CDL file for the look, or no look."));
        color.grade.cdl = readCdl(cdlFile_->text().trimmed());
        break;
    case ExportLook::CdlValues: {
        CdlGrade cdl;
        for (int c = 0; c < 3; ++c) {
            cdl.slope[c] = cdl_[c]->value();
            cdl.offset[c] = cdl_[3 + c]->value();
            cdl.power[c] = cdl_[6 + c]->value();
        }
        cdl.saturation = cdl_[9]->value();
        color.grade.cdl = cdl;
        break;
    }
    }
    if (outputMode_->currentData().toInt() == int(ExportOutput::DisplayView)) {
        color.grade.display = display_->currentData().toString();
        color.grade.view = view_->currentData().toString();
        if (color.grade.display.isEmpty())
            throw Error(ErrorKind::Usage, tr("The OCIO config has no display to write for."));
    } else {
        color.grade.outputSpace = outputSpace_->currentData().toString();
    }
    return color;
}

ExportPlan ExportDialog::plan() const {
    ExportPlan plan;
    plan.kind = ExportKind(kind_->currentData().toInt());
    const QString output = output_->text().trimmed();
    if (output.isEmpty())
        throw Error(ErrorKind::Usage, tr("Choose where to write the export."));
    const auto scope = ExportScope(scope_->currentData().toInt());
    std::optional<FrameRange> range;
    Id shotId;
    if (plan.kind != ExportKind::Timeline) {
        if (scope == ExportScope::Selection) {
            if (!state_.hasSelection())
                throw Error(ErrorKind::Usage,
                            tr("Set In (I) and Out (O) around the frames to export, or export "
                               "the whole timeline."));
            range = state_.selection();
        } else if (scope == ExportScope::SelectedShot || plan.kind == ExportKind::Camera) {
            const Shot* shot = targetShot();
            if (!shot)
                throw Error(ErrorKind::Usage, tr("Select a shot to export first."));
            shotId = shot->id;
        }
    }

    switch (plan.kind) {
    case ExportKind::Footage:
    case ExportKind::ExrSequence: {
        ExportRequest& r = plan.pictures;
        r.output = output;
        r.timelineRange = range;
        r.shotId = shotId;
        r.writeManifest = provenance_->isChecked();
        r.overwrite = replaceConfirmed_ == output; // asked in accept()
        if (plan.kind == ExportKind::Footage) {
            videoCodecFromString(codec_->currentData().toString(), &r.codec);
            r.withAudio = audio_->isChecked();
            r.fullRange = fullRange_->isChecked();
        } else {
            r.imageOptions.exrPixelType = ExrPixelType(exrType_->currentData().toInt());
            r.imageOptions.exrCompression = ExrCompression(exrCompression_->currentData().toInt());
            r.imageOptions.writeDepth = exrDepth_->currentData().toInt() != 0;
            r.imageOptions.exrDepthNaming =
                exrDepth_->currentData().toInt() == 2 ? ExrDepthNaming::Blender : ExrDepthNaming::Z;
        }
        if (colour_->isEnabled() && colour_->isChecked())
            r.color = colourRequest();
        break;
    }
    case ExportKind::DepthMaps: {
        DepthExportRequest& d = plan.depth;
        d.output = output;
        depthMapFormatFromString(depthFormat_->currentData().toString(), &d.format);
        d.timelineRange = range;
        d.shotId = shotId;
        d.exrCompression = ExrCompression(exrCompression_->currentData().toInt());
        d.overwrite = replaceConfirmed_ == output;
        d.modelPath = depthModel_->text().trimmed();
        if (!d.modelPath.isEmpty()) {
            d.source = DepthSource::Model;
            d.device =
                QSettings().value(QStringLiteral("regen/device"), QStringLiteral("cpu")).toString();
        }
        break;
    }
    case ExportKind::Camera: {
        plan.cameraFile = output;
        // The shot under the selection's start, over the selected frames of it.
        const Shot* shot = project_.findShot(shotId);
        FrameRange frames = shot ? shot->source : FrameRange{};
        if (range) {
            const QVector<ShotSpan> spans = shotSpansIn(project_, *range);
            if (spans.isEmpty())
                throw Error(ErrorKind::Usage, tr("The In–Out selection holds no shot."));
            shot = project_.findShot(spans.front().shotId);
            frames = spans.front().media;
        }
        plan.cameraShot = shot->id;
        // As `retake-cli camera --export` bakes it: the project's rate and size.
        plan.camera.frames = frames;
        plan.camera.frameRate = project_.frameRate;
        plan.camera.imageWidth = project_.width;
        plan.camera.imageHeight = project_.height;
        break;
    }
    case ExportKind::Timeline:
        plan.timelineFile = output;
        break;
    }
    return plan;
}

bool ExportDialog::confirmReplacing(const ExportPlan& plan) {
    QStringList targets;
    switch (plan.kind) {
    case ExportKind::Footage:
    case ExportKind::ExrSequence:
        targets = exportTargets(project_, plan.pictures);
        break;
    case ExportKind::DepthMaps:
        targets = depthExportTargets(project_, plan.depth);
        break;
    case ExportKind::Camera:
    case ExportKind::Timeline:
        targets << plan.output();
        break;
    }
    // The project's own media are refused outright, never offered.
    checkOutputTargets(project_, targets, true);
    const QStringList existing = existingTargets(targets);
    if (existing.isEmpty() || replaceConfirmed_ == plan.output())
        return true;
    const QString first = QDir::toNativeSeparators(existing.first());
    const QString question =
        existing.size() == 1
            ? tr("%1 already exists. Replace it?").arg(first)
            : tr("%1 files of this export already exist, %2 among them. Replace them?")
                  .arg(existing.size())
                  .arg(first);
    if (QMessageBox::question(this, tr("Replace Files"), question,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    replaceConfirmed_ = plan.output();
    return true;
}

void ExportDialog::check(const ExportPlan& plan) const {
    switch (plan.kind) {
    case ExportKind::Footage:
    case ExportKind::ExrSequence:
        checkExport(project_, plan.pictures);
        break;
    case ExportKind::DepthMaps:
        checkDepthExport(project_, plan.depth);
        break;
    case ExportKind::Camera:
        if (plan.camera.frames.isEmpty())
            throw Error(ErrorKind::Usage, tr("Nothing to export: the range holds no frames."));
        [[fallthrough]];
    case ExportKind::Timeline:
        // Written at once when the dialog closes: its folder must be there.
        if (const QDir dir = QFileInfo(plan.output()).absoluteDir(); !dir.exists())
            throwOutputError(dir.absolutePath(), tr("the folder does not exist"));
        break;
    }
}

void ExportDialog::accept() {
    // A typed name gets the kind's extension and, for a sequence, a frame number.
    output_->setText(conformedOutput(output_->text()));
    try {
        if (!confirmReplacing(plan()))
            return;
        check(plan()); // now with the user's answer (ExportRequest::overwrite)
    } catch (const Error& e) {
        error_->setText(e.message());
        error_->show();
        return;
    }
    error_->hide();
    saveSettings();
    QDialog::accept();
}

int startExport(const ExportPlan& plan, const Project& project, JobQueue* jobs, QString* written) {
    const QString shown = QDir::toNativeSeparators(plan.output());
    switch (plan.kind) {
    case ExportKind::Footage:
    case ExportKind::ExrSequence:
        return jobs->addExport(project, plan.pictures, ExportDialog::tr("Export %1").arg(shown));
    case ExportKind::DepthMaps:
        return jobs->addDepthExport(project, plan.depth,
                                    ExportDialog::tr("Export depth maps %1").arg(shown));
    case ExportKind::Camera: {
        const Shot* shot = project.findShot(plan.cameraShot);
        if (!shot)
            throw Error(ErrorKind::Usage, ExportDialog::tr("The shot to export is gone."));
        writeCameraFile(plan.cameraFile, shot->camera, plan.camera);
        break;
    }
    case ExportKind::Timeline:
        writeOtioFile(project, plan.timelineFile);
        break;
    }
    if (written)
        *written = plan.output();
    return 0;
}

int runExportDialog(QWidget* parent, const Project& project, const EditorState& state,
                    const QString& projectPath, JobQueue* jobs, QString* status) {
    ExportDialog dialog(project, state, projectPath, parent);
    if (dialog.exec() != QDialog::Accepted) {
        status->clear();
        return 0;
    }
    const ExportPlan plan = dialog.plan(); // checked by accept()
    const QString shown = QDir::toNativeSeparators(plan.output());
    const int id = startExport(plan, project, jobs);
    *status = id ? ExportDialog::tr("Exporting %1 in the background.").arg(shown)
                 : ExportDialog::tr("Wrote %1.").arg(shown);
    return id;
}

} // namespace retake::gui
