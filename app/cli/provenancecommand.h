#pragma once

// `retake-cli provenance FILE`: a file's Content Credentials (C2PA), checked.

#include <QStringList>

namespace retake::cli {

int runProvenance(const QStringList& args);

} // namespace retake::cli
