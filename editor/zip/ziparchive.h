#pragma once

// Zip archives through libzip (the adapter of that library): what an
// OpenTimelineIO bundle (.otioz) is. Errors are Error(BadInput) naming the
// archive when reading and Error(Output) naming it when writing.

#include <QByteArray>
#include <QString>
#include <QVector>
#include <functional>
#include <memory>

namespace retake::zip {

struct ZipEntry {
    QString name; // as stored: "media/a.mov", "content.otio"
    qint64 size = 0;
    bool directory = false;
};

class ZipArchiveReader {
public:
    explicit ZipArchiveReader(const QString& path);
    ~ZipArchiveReader();
    ZipArchiveReader(const ZipArchiveReader&) = delete;
    ZipArchiveReader& operator=(const ZipArchiveReader&) = delete;

    const QVector<ZipEntry>& entries() const { return entries_; }
    bool contains(const QString& name) const;
    // An entry whole; refused past `limit` bytes (a file from elsewhere may
    // claim anything).
    QByteArray read(const QString& name, qint64 limit) const;
    // An entry streamed into `file` (written atomically, core/atomicfile.h).
    // `written` is told the bytes of each piece; an exception it throws
    // (a cancel) stops the extraction and leaves no file.
    void extract(const QString& name, const QString& file,
                 const std::function<void(qint64)>& written = {}) const;

private:
    struct Handle;
    QString path_;
    std::unique_ptr<Handle> handle_;
    QVector<ZipEntry> entries_;
};

class ZipArchiveWriter {
public:
    // Nothing appears at `path` until commit().
    explicit ZipArchiveWriter(const QString& path);
    ~ZipArchiveWriter();
    ZipArchiveWriter(const ZipArchiveWriter&) = delete;
    ZipArchiveWriter& operator=(const ZipArchiveWriter&) = delete;

    void addBytes(const QString& name, const QByteArray& data); // deflated
    void addFile(const QString& name, const QString& file);     // stored, read at commit()
    // Writes the archive under a temporary name, syncs it and renames it to
    // `path`. `progress` is told the share done (0-1); returning true from
    // `cancelled` stops the write (Error(Cancelled)), leaving no file.
    void commit(const std::function<void(double)>& progress = {},
                const std::function<bool()>& cancelled = {});

private:
    struct Handle;
    QString path_;
    std::unique_ptr<Handle> handle_;
};

} // namespace retake::zip
