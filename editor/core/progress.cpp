#include "progress.h"

#include "core/error.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QDebug>

namespace retake {

void Progress::checkCancelled() const {
    if (isCancelled())
        throw Error(ErrorKind::Cancelled, tr("Cancelled."));
}

void Progress::note(const QString& text) const {
    if (text.isEmpty())
        return;
    if (noteCallback_)
        noteCallback_(text);
    else
        qInfo().noquote() << text;
}

} // namespace retake
