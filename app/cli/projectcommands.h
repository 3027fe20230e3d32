#pragma once

// The project commands of retake-cli (projectcommands.cpp): new, info,
// export, shell, recover and system. Each takes the arguments from the
// command name on and returns an exit code (cli.h).

#include "export/exporter.h"

#include <QStringList>

namespace retake::cli {

// An export request from `export`'s options (no project argument), as a farm
// task rebuilds it from its plan. Depth map exports are refused.
ExportRequest exportRequestFromArguments(const QStringList& arguments, const Project& project);

int runNew(const QStringList& args);
int runInfo(const QStringList& args);
int runExport(const QStringList& args);
int runShell(const QStringList& args);
int runRecover(const QStringList& args);
int runSystem(const QStringList& args);

} // namespace retake::cli
