#pragma once

// `retake-cli reframe`: a virtual camera move on a shot's pictures as a new take.

#include <QStringList>

namespace retake::cli {

int runReframe(const QStringList& args);

} // namespace retake::cli
