#pragma once

// retake-cli's command table: every command, in the order `retake-cli --help`
// lists them, and the dispatch that runs one and maps its Error to an exit
// code (cli.h). Process commands (new, export, regen, ...) run once per
// invocation; edit commands (editcommands.h: import, lock, mask, ...) open a
// project, edit and save it, and also run inside `shell`.

#include "editcommands.h"

#include <QStringList>
#include <QVector>

namespace retake::cli {

struct Command {
    const char* name;
    const char* summary;
    // A process command: args[0] is the command name. Null for an edit command.
    int (*run)(const QStringList& args) = nullptr;
    // An edit command (on PROJECT, or in `shell`). Null for a process command.
    const EditCommand* edit = nullptr;
};

const QVector<Command>& commands();

// Runs the command args[0] names; prints the error and returns its exit code
// when it throws.
int runCommand(const QStringList& args);

} // namespace retake::cli
