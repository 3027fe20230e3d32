#pragma once

#include <QString>
#include <QStringList>

namespace retake::gui {

// Languages the editor is translated into, as codes: "en", "de", "fr".
QStringList availableLanguages();
// The user's choice from the settings; empty = follow the system.
QString savedLanguage();
void saveLanguage(const QString& code);
// Installs the translations for `code` (empty = the system locale) and makes
// it the default locale. Returns the language in effect ("en" when Retake
// has no translation for the system's language).
QString installTranslations(const QString& code);

} // namespace retake::gui
