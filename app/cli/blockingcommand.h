#pragma once

// `retake-cli blocking`: a shot's blocking scene and its render.

#include <QStringList>

namespace retake::cli {

int runBlocking(const QStringList& args);

} // namespace retake::cli
