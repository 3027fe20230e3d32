#pragma once

// `retake-cli otio export|import`: OpenTimelineIO interchange.

#include <QStringList>

namespace retake::cli {

int runOtio(const QStringList& args);

} // namespace retake::cli
