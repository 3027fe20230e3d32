#pragma once

// File checks and atomic writes shared by the media readers and writers.

#include <QByteArray>
#include <QString>

namespace retake {

// Throws Error(BadInput) with a plain sentence for a missing file, a
// directory, an unreadable or an empty file, before any library sees it.
void requireReadableFile(const QString& path);

// A uniquely named, already created file beside `finalPath`. commit() renames
// it to the final name; destroying it uncommitted removes it, so a failed or
// cancelled write never leaves a partial file under the final name.
// Failures throw Error(Output) naming the final path and the OS reason.
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

// Writes `bytes` to `path` (the temporary of `finalPath`), reporting write and
// close failures (disk full, file too large) as Error(Output) on finalPath.
void writeBytes(const QString& path, const QByteArray& bytes, const QString& finalPath);

// Hex SHA-256 of a file's contents (provenance records which model file made
// which pixels); empty when the file cannot be read.
QString fileSha256(const QString& path);

// strerror() as a QString.
QString systemError(int error);

} // namespace retake
