#pragma once

// `retake-cli credits PROJECT`: the credit map, who made each take and lock.

#include <QStringList>

namespace retake::cli {

int runCredits(const QStringList& args);

} // namespace retake::cli
