#pragma once

// What an export may write over. Files the project reads (its media, the
// frames of its takes, its mask files) are never written over: an export
// with --out set to the shot's own plate once replaced a 72-frame plate with
// a 10-frame export. Anything else that already exists is replaced only
// when the user said so (--overwrite; the GUI asks).

#include "model/project.h"

#include <QStringList>

namespace retake {

// Throws Error(Usage) naming the first target that is a file the project
// uses, or, unless `overwrite`, the first that already exists (for
// sequences: how many of the frames exist). Nothing is written either way.
void checkOutputTargets(const Project& project, const QStringList& targets, bool overwrite);

// The targets that exist already (what replacing would destroy).
QStringList existingTargets(const QStringList& targets);

} // namespace retake
