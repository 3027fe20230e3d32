#pragma once

// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp). Each target is a
// libFuzzer entry point; the same source also builds, with replaymain.cpp,
// into a plain test that runs the checked-in corpus and reproducers.
//
// A finding is a crash, a sanitizer report, a hang, or an exception other
// than retake::Error leaving the parser: bad input must end in a clean
// retake::Error, which the targets catch.

#include "core/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>

namespace retake::fuzz {

inline QByteArray bytes(const uint8_t* data, size_t size) {
    return QByteArray(reinterpret_cast<const char*>(data), int(size));
}

// A QCoreApplication (Qt's translation and path lookups expect one) and, in
// test mode, QStandardPaths under ~/.qttest, so nothing a target does lands in
// the user's real cache or autosave folders.
inline void initQt() {
    static int argc = 1;
    static char name[] = "retake-fuzz";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
}

// One temporary folder per process for files a target writes or names: a
// project path for messages, missing media, the shell's project.
inline const QString& scratchDir() {
    static QTemporaryDir dir;
    static const QString path = dir.path();
    return path;
}

} // namespace retake::fuzz
