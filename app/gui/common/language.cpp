#include "common/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace retake::gui {

namespace {
const char* const kSetting = "language";
} // namespace

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString savedLanguage() {
    const QString code = QSettings().value(QLatin1String(kSetting)).toString();
    return availableLanguages().contains(code) ? code : QString();
}

void saveLanguage(const QString& code) {
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kSetting));
    else
        settings.setValue(QLatin1String(kSetting), code);
}

QString installTranslations(const QString& code) {
    static QTranslator* retake = nullptr;
    static QTranslator* qt = nullptr;
    for (QTranslator** t : {&retake, &qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QString language = locale.name().section(QLatin1Char('_'), 0, 0);
    if (!availableLanguages().contains(language))
        language = QStringLiteral("en");
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    // English too: it has the plural forms of "%n frame(s)".
    retake = new QTranslator(QCoreApplication::instance());
    if (retake->load(QStringLiteral(":/i18n/retake_%1.qm").arg(language)))
        QCoreApplication::installTranslator(retake);
    if (language == QLatin1String("en"))
        return language;
    // Qt's own strings (standard dialogs), when the system has them.
    qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return language;
}

} // namespace retake::gui
