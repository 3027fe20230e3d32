#pragma once

// Files of one output written first into a hidden staging folder beside their
// final folder, and moved into place (renames on one file system) only once
// every one of them is written. If anything fails or is cancelled, the
// staging folder goes with everything in it and the final folder is as it
// was. The one way exports, depth maps, blocking renders and regenerated takes
// put a finished sequence in place.

#include <QString>
#include <QStringList>

namespace retake {

class StagingFolder {
public:
    // A new staging folder in `folder` for an output of `kind` ("export"),
    // named with its owner (core/leftovers) so a killed run's is cleared later.
    // Throws Error(Output) naming `folder` when nothing can be created there.
    static StagingFolder beside(const QString& folder, const QString& kind);
    // Exactly `path` (a take's partial folder); whatever is there is removed
    // first: only a run that was killed leaves one.
    static StagingFolder at(const QString& path);

    StagingFolder(StagingFolder&& other) noexcept;
    StagingFolder& operator=(StagingFolder&&) = delete;
    StagingFolder(const StagingFolder&) = delete;
    ~StagingFolder(); // removes the folder and whatever is still in it

    QString path() const { return path_; }
    QString filePath(const QString& name) const;

    // Moves the named files into `folder`, each replacing a file of the same
    // name in one step; returns their final paths.
    QStringList moveInto(const QString& folder, const QStringList& names);
    // Moves every file of the staging folder, in name order.
    QStringList moveAllInto(const QString& folder);
    // The staging folder itself becomes `target` (which must not exist).
    void renameTo(const QString& target);

private:
    explicit StagingFolder(const QString& path);
    QString path_;
};

} // namespace retake
