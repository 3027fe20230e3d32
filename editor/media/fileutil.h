#pragma once

// File checks and atomic writes shared by the media readers and writers.

#include "core/atomicfile.h" // TemporaryTarget, writeBytes, systemError

#include <QByteArray>
#include <QString>

namespace retake {

// Throws Error(BadInput) with a plain sentence for a missing file, a
// directory, an unreadable or an empty file, before any library sees it.
void requireReadableFile(const QString& path);

// Hex SHA-256 of a file's contents (provenance records which model file made
// which pixels); empty when the file cannot be read.
QString fileSha256(const QString& path);

} // namespace retake
