#pragma once

#include "cli.h"

namespace retake::cli {

// `retake-cli mask` for painted masks: shapes, fill/invert/clear, copy a
// frame to a range, shape keys, rendering to PNGs. editcommands.cpp's `mask`
// adds these options and hands over when one of them is given.
void addPaintedMaskOptions(QCommandLineParser& p);
// Runs the painted-mask part of `mask`; false when no painted-mask option
// was given (the command then attaches a mask file as before).
bool runPaintedMask(Document& doc, const QCommandLineParser& p, const QStringList& positional);

} // namespace retake::cli
