#include "core/username.h"

#include <QSettings>
#include <pwd.h>
#include <unistd.h>

namespace retake {

QString currentUserName() {
    const QString chosen = QSettings().value(QStringLiteral("user/name")).toString().trimmed();
    if (!chosen.isEmpty())
        return chosen;
    // The account, not $USER: a shell may have changed that.
    if (const passwd* account = getpwuid(getuid()); account && account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
    return QStringLiteral("unknown");
}

} // namespace retake
