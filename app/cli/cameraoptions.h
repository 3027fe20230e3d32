#pragma once

// Parsing helpers shared by `retake-cli camera` and `retake-cli blocking`.

#include "cli.h"
#include "model/cameratypes.h"

namespace retake::cli {

[[noreturn]] void usageError(const QString& message);
double parseNumber(const QString& text, const QString& what);
QVector<double> parseNumbers(const QString& text, int count, const QString& what,
                             const QString& syntax);
Vec3 parseVec(const QString& text, const QString& what);
FrameNumber parseFrame(const QString& text, const QString& what);
QString setOption(const QCommandLineParser& p, const char* name);
// An option with a value when `value` names it, a flag otherwise.
void addOption(QCommandLineParser& p, const char* name, const char* help, const char* value);
bool has(const QCommandLineParser& p, const char* name);

} // namespace retake::cli
