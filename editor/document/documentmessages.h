#pragma once

// Shared by the files that implement Document's edit methods (document.cpp,
// documentmasks.cpp, documentblocking.cpp): one translation context and one
// way to refuse an edit.

#include "core/error.h"

#include <QCoreApplication>
#include <QString>

namespace retake::documentdetail {

inline QString tr(const char* text) {
    return QCoreApplication::translate("Document", text);
}

// A refused edit: the project is unchanged (edits run on a copy).
[[noreturn]] inline void usage(const QString& message) {
    throw Error(ErrorKind::Usage, message);
}

} // namespace retake::documentdetail
