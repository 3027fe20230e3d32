#pragma once

// What one export does, as the export dialog (exportdialog.h) collects it:
// the request `retake-cli export`, `retake-cli otio export` or the camera
// export would build, and how it runs (a job, or a file written at once).

#include "camera/cameraexport.h"
#include "export/depthexport.h"
#include "export/exporter.h"

namespace retake {
class JobQueue;
} // namespace retake

namespace retake::gui {

enum class ExportKind { Footage, ExrSequence, DepthMaps, Camera, Timeline };
// What one export does; only the request of `kind` is used.
struct ExportPlan {
    ExportKind kind = ExportKind::Footage;
    ExportRequest pictures;   // Footage, ExrSequence
    DepthExportRequest depth; // DepthMaps
    QString cameraFile;       // Camera
    Id cameraShot;            // Camera: the shot whose camera is baked
    CameraExportSettings camera;
    QString timelineFile; // Timeline (.otio)

    QString output() const;
    // Long exports run as jobs; a camera or a timeline file is written at once.
    bool runsAsJob() const;
};

// Runs a checked plan: queues footage, EXR and depth as a job (returns its ID)
// or writes a camera or .otio file at once (returns 0; `written` names it).
// Throws Error when a direct write fails.
// `notes`: what the written file cannot say, for the person importing it
// (a camera's .chan: rotation order, filmback, lens shift).
int startExport(const ExportPlan& plan, const Project& project, JobQueue* jobs,
                QString* written = nullptr, QStringList* notes = nullptr);

} // namespace retake::gui
