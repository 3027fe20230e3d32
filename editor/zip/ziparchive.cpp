#include "zip/ziparchive.h"

#include "core/atomicfile.h"
#include "core/error.h"
#include "core/translate.h"

#include <QFile>
#include <list>
#include <zip.h>

namespace retake::zip {

namespace {

QString archiveError(zip_t* archive) {
    return QString::fromLocal8Bit(zip_strerror(archive));
}

QString openError(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const QString text = QString::fromLocal8Bit(zip_error_strerror(&error));
    zip_error_fini(&error);
    return text;
}

} // namespace

struct ZipArchiveReader::Handle {
    zip_t* archive = nullptr;
    ~Handle() {
        if (archive)
            zip_discard(archive);
    }
};

ZipArchiveReader::ZipArchiveReader(const QString& path)
    : path_(path)
    , handle_(std::make_unique<Handle>()) {
    int code = 0;
    handle_->archive =
        zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!handle_->archive)
        throwBadInput(path, tr("is not a readable zip archive (%1)").arg(openError(code)));
    const zip_int64_t count = zip_get_num_entries(handle_->archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(handle_->archive, zip_uint64_t(i), 0, &stat) != 0)
            throwBadInput(
                path,
                tr("entry %1 cannot be read (%2)").arg(i).arg(archiveError(handle_->archive)));
        ZipEntry entry;
        entry.name = QString::fromUtf8(stat.name);
        entry.size = (stat.valid & ZIP_STAT_SIZE) ? qint64(stat.size) : 0;
        entry.directory = entry.name.endsWith(QLatin1Char('/'));
        entries_.push_back(entry);
    }
}

ZipArchiveReader::~ZipArchiveReader() = default;

bool ZipArchiveReader::contains(const QString& name) const {
    return zip_name_locate(handle_->archive, name.toUtf8().constData(), 0) >= 0;
}

namespace {

// Reads an entry in pieces, giving each to `take`; throws naming the archive.
template <class Take>
void readEntry(zip_t* archive, const QString& path, const QString& name, Take take) {
    zip_file_t* file = zip_fopen(archive, name.toUtf8().constData(), 0);
    if (!file)
        throwBadInput(path,
                      tr("has no readable entry \"%1\" (%2)").arg(name, archiveError(archive)));
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    try {
        for (;;) {
            const zip_int64_t got = zip_fread(file, buffer.data(), zip_uint64_t(buffer.size()));
            if (got < 0)
                throwBadInput(path,
                              tr("entry \"%1\" is damaged (%2)")
                                  .arg(name, QString::fromLocal8Bit(zip_file_strerror(file))));
            if (got == 0)
                break;
            take(buffer.constData(), qint64(got));
        }
    } catch (...) {
        zip_fclose(file);
        throw;
    }
    zip_fclose(file);
}

} // namespace

QByteArray ZipArchiveReader::read(const QString& name, qint64 limit) const {
    QByteArray out;
    readEntry(handle_->archive, path_, name, [&](const char* data, qint64 size) {
        if (out.size() + size > limit)
            throwBadInput(path_, tr("entry \"%1\" is larger than %2 bytes").arg(name).arg(limit));
        out.append(data, size);
    });
    return out;
}

void ZipArchiveReader::extract(const QString& name, const QString& file,
                               const std::function<void(qint64)>& written) const {
    TemporaryTarget target(file);
    QFile out(target.path());
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw Error(ErrorKind::Output, tr("%1: cannot write (%2)").arg(file, out.errorString()));
    readEntry(handle_->archive, path_, name, [&](const char* data, qint64 size) {
        if (out.write(data, size) != size)
            throw Error(ErrorKind::Output,
                        tr("%1: cannot write (%2)").arg(file, out.errorString()));
        if (written)
            written(size);
    });
    if (!out.flush())
        throw Error(ErrorKind::Output, tr("%1: cannot write (%2)").arg(file, out.errorString()));
    out.close();
    target.commit();
}

struct ZipArchiveWriter::Handle {
    zip_t* archive = nullptr;
    std::list<QByteArray> buffers; // libzip reads them at zip_close
    std::unique_ptr<TemporaryTarget> target;
    ~Handle() {
        if (archive)
            zip_discard(archive);
    }
};

ZipArchiveWriter::ZipArchiveWriter(const QString& path)
    : path_(path)
    , handle_(std::make_unique<Handle>()) {
    handle_->target = std::make_unique<TemporaryTarget>(path);
    int code = 0;
    handle_->archive = zip_open(QFile::encodeName(handle_->target->path()).constData(),
                                ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!handle_->archive)
        throw Error(ErrorKind::Output, tr("%1: cannot write (%2)").arg(path, openError(code)));
}

ZipArchiveWriter::~ZipArchiveWriter() = default;

void ZipArchiveWriter::addBytes(const QString& name, const QByteArray& data) {
    handle_->buffers.push_back(data);
    const QByteArray& kept = handle_->buffers.back();
    zip_source_t* source =
        zip_source_buffer(handle_->archive, kept.constData(), zip_uint64_t(kept.size()), 0);
    const zip_int64_t index = source ? zip_file_add(handle_->archive, name.toUtf8().constData(),
                                                    source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
                                     : -1;
    if (index < 0) {
        if (source)
            zip_source_free(source);
        throw Error(ErrorKind::Output,
                    tr("%1: cannot add %2 (%3)").arg(path_, name, archiveError(handle_->archive)));
    }
    zip_set_file_compression(handle_->archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 0);
}

void ZipArchiveWriter::addFile(const QString& name, const QString& file) {
    zip_source_t* source =
        zip_source_file(handle_->archive, QFile::encodeName(file).constData(), 0, -1);
    const zip_int64_t index = source ? zip_file_add(handle_->archive, name.toUtf8().constData(),
                                                    source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
                                     : -1;
    if (index < 0) {
        if (source)
            zip_source_free(source);
        throwBadInput(file,
                      tr("cannot be added to %1 (%2)").arg(path_, archiveError(handle_->archive)));
    }
    // Media is already compressed: stored, as OpenTimelineIO's own bundles do.
    zip_set_file_compression(handle_->archive, zip_uint64_t(index), ZIP_CM_STORE, 0);
}

namespace {

struct CommitCallbacks {
    const std::function<void(double)>* progress;
    const std::function<bool()>* cancelled;
};

void onProgress(zip_t*, double done, void* state) {
    const auto* callbacks = static_cast<const CommitCallbacks*>(state);
    if (*callbacks->progress)
        (*callbacks->progress)(done);
}

int onCancel(zip_t*, void* state) {
    const auto* callbacks = static_cast<const CommitCallbacks*>(state);
    return *callbacks->cancelled && (*callbacks->cancelled)() ? 1 : 0;
}

} // namespace

void ZipArchiveWriter::commit(const std::function<void(double)>& progress,
                              const std::function<bool()>& cancelled) {
    CommitCallbacks callbacks{&progress, &cancelled};
    zip_register_progress_callback_with_state(handle_->archive, 0.01, onProgress, nullptr,
                                              &callbacks);
    zip_register_cancel_callback_with_state(handle_->archive, onCancel, nullptr, &callbacks);
    if (zip_close(handle_->archive) != 0) {
        // The archive stays open (discarded with the writer): it must not
        // call back into this frame's callbacks later.
        zip_register_progress_callback_with_state(handle_->archive, 0, nullptr, nullptr, nullptr);
        zip_register_cancel_callback_with_state(handle_->archive, nullptr, nullptr, nullptr);
        if (cancelled && cancelled())
            throw Error(ErrorKind::Cancelled, tr("Cancelled."));
        throw Error(ErrorKind::Output,
                    tr("%1: cannot write (%2)").arg(path_, archiveError(handle_->archive)));
    }
    handle_->archive = nullptr;
    handle_->target->commit();
}

} // namespace retake::zip
