#include "options.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>
#include <cstdio>

namespace retake::cli {

bool parse(QCommandLineParser& parser, const QStringList& args, const QString& description,
           const QString& positionalSyntax) {
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(QStringLiteral("args"), QString(), positionalSyntax);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args))
        throw Error(ErrorKind::Usage, parser.errorText());
    const bool helpShown = parser.isSet(help);
    if (helpShown) {
        QString text = parser.helpText();
        // QCommandLineParser names the program; name the subcommand too.
        // (as it was started: "retake-cli", "./retake-cli", a full path).
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: retake-cli %1").arg(args.value(0)));
        std::fputs(text.toLocal8Bit().constData(), stdout);
    }
    return !helpShown;
}

QString positional(const QCommandLineParser& parser, int index, const QString& what) {
    const QStringList values = parser.positionalArguments();
    if (index >= values.size())
        throw Error(ErrorKind::Usage, QStringLiteral("Missing %1 (see --help).").arg(what));
    return values[index];
}

[[noreturn]] void usageError(const QString& message) {
    throw Error(ErrorKind::Usage, message);
}

double parseNumber(const QString& text, const QString& what) {
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        usageError(QStringLiteral("%1: \"%2\" is not a number.").arg(what, text));
    return v;
}

QVector<double> parseNumbers(const QString& text, int count, const QString& what,
                             const QString& syntax) {
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != count)
        usageError(QStringLiteral("%1: expected %2, got \"%3\".").arg(what, syntax, text));
    QVector<double> values;
    for (const auto& p : parts)
        values << parseNumber(p, what);
    return values;
}

Vec3 parseVec(const QString& text, const QString& what) {
    const auto v = parseNumbers(text, 3, what, QStringLiteral("X,Y,Z"));
    return {v[0], v[1], v[2]};
}

FrameNumber parseFrame(const QString& text, const QString& what) {
    bool ok = false;
    const qlonglong f = text.trimmed().toLongLong(&ok);
    if (!ok)
        usageError(QStringLiteral("%1: \"%2\" is not a frame number.").arg(what, text));
    return f;
}

QString optionValue(const QCommandLineParser& p, const char* name) {
    return p.value(QLatin1String(name));
}
void addOption(QCommandLineParser& p, const char* name, const char* help, const char* value) {
    if (value)
        p.addOption({QLatin1String(name), QLatin1String(help), QLatin1String(value)});
    else
        p.addOption({QLatin1String(name), QLatin1String(help)});
}

bool has(const QCommandLineParser& p, const char* name) {
    return p.isSet(QLatin1String(name));
}

} // namespace retake::cli
