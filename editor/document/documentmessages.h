#pragma once

// Shared by the files that implement Document's edit methods (document.cpp,
// documentmasks.cpp, documentblocking.cpp): one way to refuse an edit.

#include "core/error.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QString>

namespace retake::documentdetail {

using retake::tr;

// A refused edit: the project is unchanged (edits run on a copy).
[[noreturn]] inline void usage(const QString& message) {
    throw Error(ErrorKind::Usage, message);
}

} // namespace retake::documentdetail
