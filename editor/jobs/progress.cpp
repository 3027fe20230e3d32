#include "progress.h"

#include "core/error.h"

#include <QCoreApplication>

namespace retake {

void Progress::checkCancelled() const {
    if (isCancelled())
        throw Error(ErrorKind::Cancelled, QCoreApplication::translate("Progress", "Cancelled."));
}

} // namespace retake
