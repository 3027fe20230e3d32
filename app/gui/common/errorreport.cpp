#include "common/errorreport.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace retake::gui {

namespace {

class ErrorReport {
    Q_DECLARE_TR_FUNCTIONS(ErrorReport)
};

QString kindText(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Usage:
        return ErrorReport::tr("The request was not valid.");
    case ErrorKind::BadInput:
        return ErrorReport::tr("A file is missing, unreadable, damaged or not supported.");
    case ErrorKind::Output:
        return ErrorReport::tr("A file could not be written (read-only folder or full disk?).");
    case ErrorKind::Cancelled:
        return ErrorReport::tr("Cancelled; nothing was changed.");
    case ErrorKind::Internal:
        return ErrorReport::tr("This is a bug in Retake; please report it.");
    }
    return QString();
}

void show(QWidget* parent, const QString& what, const QString& detail, const QString& hint) {
    QMessageBox box(QMessageBox::Critical, QCoreApplication::applicationName(), what,
                    QMessageBox::NoButton, parent);
    box.setInformativeText(hint.isEmpty() ? detail : detail + QStringLiteral("\n\n") + hint);
    box.addButton(ErrorReport::tr("OK"), QMessageBox::AcceptRole);
    box.setObjectName(QStringLiteral("errorDialog"));
    box.exec();
}

} // namespace

void showFileError(QWidget* parent, const QString& what, const Error& error) {
    show(parent, what, error.message(), kindText(error.kind()));
}

void showUnexpectedError(QWidget* parent, const QString& what, const QString& detail) {
    show(parent, what, detail, kindText(ErrorKind::Internal));
}

} // namespace retake::gui
