#pragma once

// `retake-cli model check FILE`: what a user's model is and accepts.

#include <QStringList>

namespace retake::cli {

int runModel(const QStringList& args);

} // namespace retake::cli
