#pragma once

// `retake-cli demo`: Retake's main job on the bundled demo shot.

#include <QStringList>

namespace retake::cli {

int runDemo(const QStringList& args);

} // namespace retake::cli
