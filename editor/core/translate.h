#pragma once

// Text for a person from the editor library, translatable under one context
// for the whole library. Classes with Q_OBJECT keep their own tr(); every
// other file uses this one.

#include <QCoreApplication>
#include <QString>

namespace retake {

inline QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("retake::editor", text, disambiguation, n);
}

} // namespace retake
