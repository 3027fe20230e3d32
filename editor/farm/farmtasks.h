#pragma once

// Making a farm plan (farm/farmplan.h) for a regeneration or an export, and
// running one of its tasks on this node. The caller builds the request from
// the plan's arguments exactly as `retake-cli regen` / `export` would.

#include "export/exporter.h"
#include "farm/farmplan.h"
#include "regen/regenerate.h"

namespace retake {

// A regeneration split at the engine's chunk boundaries, `chunksPerTask`
// chunks a task (one task for engines whose chunks build on each other),
// then an assembly that records the take in the project.
FarmPlan planFarmRegeneration(const Project& project, const QString& projectPath,
                              const RegenRequest& request, const QStringList& arguments,
                              const QString& workDir, int chunksPerTask, Progress& progress);
// An export in parts of `framesPerTask` frames: a sequence's files directly
// (then its manifest), a movie's segments (then one join, with the audio).
FarmPlan planFarmExport(const Project& project, const QString& projectPath,
                        const ExportRequest& request, const QStringList& arguments,
                        const QString& workDir, int framesPerTask);

// Runs task `index` here. The request is the plan's (from its arguments).
// Everything a task writes appears under its final name only once complete,
// and a re-run gives the same bytes. Returns notes for the user. Throws
// Error naming the file and this node when the node cannot see a file.
QStringList runFarmRegenTask(const FarmPlan& plan, int index, RegenRequest request,
                             Progress& progress);
QStringList runFarmExportTask(const FarmPlan& plan, int index, const ExportRequest& request,
                              Progress& progress);

// The project file as a plan names it, refused with this node's name when
// the node cannot see it (a mount missing or elsewhere: --path-map).
void requireVisibleOnNode(const QString& path, const QString& what);

} // namespace retake
