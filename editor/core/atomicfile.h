#pragma once

// Writing files so that a failure never costs the user the previous version:
// every writer in Retake goes through here. Data goes to a hidden temporary
// file beside the target, every write and the close are checked, the data is
// fsync'ed, and only then is the temporary renamed over the final name (which
// replaces a symlink there instead of following it). A full disk, a quota or
// a file-size limit therefore ends in Error(Output) naming the file, with the
// old file untouched.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace retake {

// strerror() as a QString; a full disk, a quota or a size limit is named as
// such ("disk full (No space left on device)") so nobody has to decode errno.
QString systemError(int error);

// A uniquely named, already created file beside `finalPath`. commit() syncs
// it to disk and renames it to the final name; destroying it uncommitted
// removes it, so a failed or cancelled write never leaves a partial file
// under the final name. Failures throw Error(Output) naming the final path
// and the OS reason.
class TemporaryTarget {
public:
    explicit TemporaryTarget(const QString& finalPath);
    ~TemporaryTarget();
    TemporaryTarget(const TemporaryTarget&) = delete;
    TemporaryTarget& operator=(const TemporaryTarget&) = delete;

    const QString& path() const { return tempPath_; }
    const QString& finalPath() const { return finalPath_; }
    void commit();

private:
    QString finalPath_;
    QString tempPath_;
    bool committed_ = false;
};

// The folder a sequence is written into, made if missing. If the write does
// not finish (keep() not called), the folders this made are removed again
// when empty, so a failed export leaves no empty folder behind.
class OutputFolder {
public:
    explicit OutputFolder(const QString& path); // throws Error(Output)
    ~OutputFolder();
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;
    void keep() { created_.clear(); }

private:
    QStringList created_; // deepest last
};

// Writes `bytes` to `path` (the temporary of `finalPath`), reporting write and
// close failures (disk full, file too large) as Error(Output) on finalPath.
void writeBytes(const QString& path, const QByteArray& bytes, const QString& finalPath);

// The whole file at once: temporary, checked writes, fsync, rename. A file
// already at `finalPath` keeps its permissions.
void writeFileAtomically(const QString& finalPath, const QByteArray& bytes);

// The suffix of the temporaries above: ".NAME.<owner>.XXXXXX.retake-partial",
// recognised and removed after a crash by sweepLeftovers (core/leftovers.h).
inline constexpr const char* kPartialSuffix = ".retake-partial";

} // namespace retake
