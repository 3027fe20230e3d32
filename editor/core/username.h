#pragma once

// Who is editing: the credit map (takes and locks) and Content Credentials
// name them.

#include <QString>

namespace retake {

// The name set in Settings (QSettings "user/name", shared by the editor and
// retake-cli), else the system user's login name, else "unknown".
QString currentUserName();

} // namespace retake
