#pragma once

// What a killed Retake leaves behind, and how the next run clears it.
// Every temporary file or staging folder that Retake writes carries its
// owner (this machine and process) in its name; a later run removes those
// whose owner is gone, and says how much it removed. A name without an owner
// tag, or a process that is still running (a second editor, a farm task on
// this machine), is never touched.

#include <QString>
#include <QStringList>

namespace retake {

// "<host>-<pid>": this process, as written into temporary names. The host
// part is a short hash of the machine's name, so that on storage shared by
// several machines a live process elsewhere is never taken for a dead one.
QString leftoverOwnerTag();

// Hidden names for staging: ".retake-KIND.<owner>.XXXXXX" (a QTemporaryDir
// template) and ".NAME.<owner>.partial" (a fixed folder name).
QString stagingDirTemplate(const QString& folder, const QString& kind);
QString partialFolderName(const QString& name);

struct LeftoverSweep {
    int removed = 0;   // files and folders
    qint64 bytes = 0;  // their size
    QStringList paths; // what was removed
    // "removed 3 leftovers (12.4 MB) of interrupted work in DIR", or empty.
    QString summary(const QString& folder) const;
};

// Removes from `folder` (not below it) the temporaries and staging folders
// of processes of this machine that are no longer running.
LeftoverSweep sweepLeftovers(const QString& folder);

} // namespace retake
