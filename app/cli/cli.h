#pragma once

// retake-cli: argument parsing and printing only. Every subcommand calls the
// same editor/ functions the GUI uses. This header: exit codes, shots and
// ranges named on the command line, printing and progress. Option parsing is
// in options.h, the command table in commandtable.h.

#include "core/error.h"
#include "core/progress.h"
#include "document/document.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>
#include <functional>

namespace retake::cli {

// Exit codes (documented in `retake-cli --help`).
enum Exit {
    Ok = 0,
    UsageError = 1,
    BadInputFile = 2,
    OutputError = 3,
    Cancelled = 4,
    InternalError = 5
};

const Shot& resolveShot(const Project& project, const QString& idOrName);
// "A-B" in the shot's own frames (0 = its first frame), inclusive -> media frames.
FrameRange parseShotRange(const Shot& shot, const QString& text);

// Opens a project for editing, runs `edit`, saves atomically.
void editProject(const QString& path, const std::function<void(Document&)>& edit);

void printJson(const QJsonObject& object);
void printLine(const QString& text);   // stdout
void printStatus(const QString& text); // stderr
// Prints "label: NN% stage" to stderr.
std::function<void(double, const QString&)> stderrProgress(const QString& label);
// Ctrl+C / SIGTERM cancel `progress` (nullptr restores the default).
void installInterruptHandler(retake::Progress* progress);

} // namespace retake::cli
