#pragma once

// A regeneration sent to the farm from the editor: the request written as the
// command line `retake-cli regen` reads (the plan keeps arguments, so every
// node rebuilds the same request), planned into the project's cache folder,
// submitted, and followed until the take is recorded.

#include "farm/farmtasks.h"
#include "farm/slurm.h"

namespace retake {

// `retake-cli regen`'s options for `request` on `project`'s shot. Throws
// Error(Usage) for what the command line cannot say (a reframe).
QStringList regenArguments(const Project& project, const RegenRequest& request);

// `retake-cli export`'s options for `request` (a footage or EXR export, not
// depth maps); a CDL goes as its numbers (--cdl-values).
QStringList exportArguments(const Project& project, const ExportRequest& request);

// How far a submitted plan is, from its task files and Slurm.
struct FarmProgress {
    int done = 0;
    int total = 0;
    QString summary; // "2 of 5 tasks done; task 3 running on node-a"
    QString failure; // a task failed or Slurm ended it: why; empty otherwise
    bool finished() const { return done == total || !failure.isEmpty(); }
};
FarmProgress farmProgress(const FarmPlan& plan);

// The take the plan's assembly recorded in the project file.
std::optional<Take> recordedTake(const FarmPlan& plan);

} // namespace retake
