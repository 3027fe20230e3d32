#pragma once

// Option parsing shared by every retake-cli command: one QCommandLineParser
// per command (with --help), positional arguments, numbers, vectors and
// frame numbers; a bad value is Error(Usage) naming the option.

#include "core/error.h"
#include "model/cameratypes.h"

#include <QCommandLineParser>
#include <QStringList>

namespace retake::cli {

// Parses `args` with `parser` (adds --help); prints help and returns false
// when --help was given. Throws Error(Usage) on unknown options.
bool parse(QCommandLineParser& parser, const QStringList& args, const QString& description,
           const QString& positional);

// Positional argument `index`, or a usage error naming `what`.
QString positional(const QCommandLineParser& parser, int index, const QString& what);

[[noreturn]] void usageError(const QString& message);
double parseNumber(const QString& text, const QString& what);
QVector<double> parseNumbers(const QString& text, int count, const QString& what,
                             const QString& syntax);
Vec3 parseVec(const QString& text, const QString& what);
FrameNumber parseFrame(const QString& text, const QString& what);
// The value of option `name` (empty when it was not given).
QString optionValue(const QCommandLineParser& p, const char* name);
// An option with a value when `value` names it, a flag otherwise.
void addOption(QCommandLineParser& p, const char* name, const char* help, const char* value);
bool has(const QCommandLineParser& p, const char* name);

} // namespace retake::cli
