#include "dialogs/exportplan.h"

#include "core/error.h"
#include "dialogs/exportdialog.h"
#include "interchange/otio.h"
#include "jobs/jobqueue.h"

#include <QDir>

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
    // A bundle copies every media file: it can take minutes.
    return kind == ExportKind::Footage || kind == ExportKind::ExrSequence ||
           kind == ExportKind::DepthMaps ||
           (kind == ExportKind::Timeline && isOtioBundle(timelineFile));
}

int startExport(const ExportPlan& plan, const Project& project, JobQueue* jobs, QString* written,
                QStringList* notes) {
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
        if (notes)
            *notes = cameraFileNotes(plan.cameraFile, shot->camera, plan.camera);
        break;
    }
    case ExportKind::Timeline:
        if (isOtioBundle(plan.timelineFile))
            return jobs->addTimelineBundle(project, plan.timelineFile,
                                           ExportDialog::tr("Export %1").arg(shown));
        writeOtioFile(project, plan.timelineFile);
        break;
    }
    if (written)
        *written = plan.output();
    return 0;
}

} // namespace retake::gui
