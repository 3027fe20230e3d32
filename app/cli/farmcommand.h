#pragma once

// `retake-cli farm`: render farm plans, tasks, Slurm and Open Job
// Description (editor/farm).

#include <QStringList>

namespace retake::cli {

int runFarm(const QStringList& args);

} // namespace retake::cli
