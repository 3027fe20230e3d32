#pragma once

// retake-cli: argument parsing and printing only. Every subcommand calls the
// same editor/ functions the GUI uses.

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

struct Command {
    const char* name;
    const char* summary;
    // args[0] is the subcommand name.
    std::function<int(const QStringList& args)> run;
};

const QVector<Command>& commands();

// Parses `args` with `parser` (adds --help); prints help and returns false
// when --help was given. Throws Error(Usage) on unknown options.
bool parse(QCommandLineParser& parser, const QStringList& args, const QString& description,
           const QString& positional, bool* helpShown);

// Positional argument `index`, or a usage error naming `what`.
QString positional(const QCommandLineParser& parser, int index, const QString& what);

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

int runCommand(const QStringList& args);

} // namespace retake::cli
