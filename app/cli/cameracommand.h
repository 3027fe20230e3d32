#pragma once

// `retake-cli camera`: lens, keys, moves, handheld, shot-size solver, camera files.

#include <QStringList>

namespace retake::cli {

int runCamera(const QStringList& args);

} // namespace retake::cli
