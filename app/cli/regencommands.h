#pragma once

// `retake-cli regen` (a take on a project's shot) and `retake-cli inpaint`
// (a plain image sequence, no project).

#include <QStringList>

namespace retake::cli {

int runRegen(const QStringList& args);
int runInpaint(const QStringList& args);

} // namespace retake::cli
