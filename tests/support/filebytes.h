#pragma once

// A file's whole content, or empty when it cannot be read: tests compare
// files byte for byte (a project left unchanged, media copied whole).

#include <QByteArray>
#include <QFile>
#include <QString>

namespace retake::testing {

inline QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace retake::testing
