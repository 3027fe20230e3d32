#pragma once

// Whether a file's first bytes are those of a picture, movie or sound file:
// a quick look, without a decoder, so that a project naming some other file
// (a hostile "../../etc/passwd", a text file, a project file) shows it as
// "not media" instead of as online footage.

#include <QByteArray>
#include <QString>

namespace retake {

// How many bytes hasMediaSignature() looks at.
inline constexpr int kMediaSignatureBytes = 16;

// `suffix` (lower case, no dot) decides only for formats without a
// signature (Targa).
bool hasMediaSignature(const QByteArray& head, const QString& suffix);

// Reads the head of `path`; false when it cannot be read.
bool fileHasMediaSignature(const QString& path);

} // namespace retake
