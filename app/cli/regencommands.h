#pragma once

// `retake-cli regen` (a take on a project's shot) and `retake-cli inpaint`
// (a plain image sequence, no project).

#include "regen/regenerate.h"

#include <QStringList>

namespace retake::cli {

// A regeneration request from `regen`'s options (no project argument), as a
// farm task rebuilds it from its plan.
RegenRequest regenRequestFromArguments(const QStringList& arguments, const Project& project);

int runRegen(const QStringList& args);
int runInpaint(const QStringList& args);

} // namespace retake::cli
