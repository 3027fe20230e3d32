#pragma once

#include <QString>

class QWidget;

namespace retake {
class Error;
}

namespace retake::gui {

// Shows a failed file operation in a dialog: `what` says what was attempted
// and names the file; the error's own message and kind follow.
void showFileError(QWidget* parent, const QString& what, const Error& error);
// The same for an exception that is not a retake::Error (a bug): still says
// what was being done.
void showUnexpectedError(QWidget* parent, const QString& what, const QString& detail);

} // namespace retake::gui
