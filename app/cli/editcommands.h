#pragma once

#include "cli.h"
#include "options.h"

namespace retake::cli {

// An edit on an open document. The same definition serves
// `retake-cli NAME PROJECT ...` (open, edit, save) and the `shell` session
// (edit the open document; save on `save`).
struct EditCommand {
    const char* name;
    const char* summary;
    const char* syntax; // positional arguments after PROJECT
    std::function<void(QCommandLineParser&)> addOptions;
    // `positional` excludes PROJECT.
    std::function<void(Document&, const QCommandLineParser&, const QStringList& positional)> run;
};

const QVector<EditCommand>& editCommands();
const EditCommand* findEditCommand(const QString& name);
// Parses args (args[0] = name) for a command that works on an open document.
// Returns false when --help was shown.
bool runEditOnDocument(const EditCommand& command, Document& doc, const QStringList& args);
int runEditOnFile(const EditCommand& command, const QStringList& args);
// One `shell` line, split into words, on the open document: undo, redo, save
// or an edit command (shell() itself answers quit and info). Throws
// Error(Usage) for an unknown command. Apart from shell() so the fuzz target
// (tests/fuzz) drives the same dispatch without stdin and the event loop.
void runShellEdit(Document& doc, const QStringList& words);

} // namespace retake::cli
