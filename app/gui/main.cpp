// retake [--lang de|fr|en] [--frame N] [--regenerate FIRST-LAST] [PROJECT]
#include "common/appearance.h"
#include "common/language.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>

namespace {

class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// --lang has to be known before the parser's (translated) texts are made.
QString languageArgument(const QStringList& args) {
    for (int i = 1; i < args.size(); ++i) {
        if (args[i].startsWith(QLatin1String("--lang=")))
            return args[i].mid(7);
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            return args[i + 1];
    }
    return QString();
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Retake"));
    QApplication::setOrganizationName(QStringLiteral("Retake"));
    QApplication::setApplicationVersion(QStringLiteral(RETAKE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("retake"));

    const QString requested = languageArgument(app.arguments());
    if (!requested.isEmpty() && !retake::gui::availableLanguages().contains(requested)) {
        std::fprintf(stderr, "retake: unknown language \"%s\" (use %s)\n", qPrintable(requested),
                     qPrintable(retake::gui::availableLanguages().join(QStringLiteral(", "))));
        return 1;
    }
    retake::gui::installTranslations(requested.isEmpty() ? retake::gui::savedLanguage()
                                                         : requested);

    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLine::tr("Retake: a timeline editor for filmmakers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  CommandLine::tr("Language of the user interface: de, fr or en."),
                                  CommandLine::tr("code"));
    const QCommandLineOption frame(QStringLiteral("frame"),
                                   CommandLine::tr("Put the playhead on this timeline frame."),
                                   CommandLine::tr("number"));
    const QCommandLineOption regenerate(
        QStringLiteral("regenerate"),
        CommandLine::tr("Start regenerating these timeline frames (like In/Out and R) once the "
                        "project is open."),
        CommandLine::tr("first-last"));
    parser.addOption(lang);
    parser.addOption(frame);
    parser.addOption(regenerate);
    parser.addPositionalArgument(CommandLine::tr("project"),
                                 CommandLine::tr("The project file to open (.retake)."),
                                 CommandLine::tr("[project]"));
    parser.process(app);

    retake::gui::applyDarkTheme(app);

    retake::gui::MainWindow window;
    window.show();
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && window.openProject(positional.front())) {
        if (parser.isSet(frame))
            window.state()->setCurrentFrame(parser.value(frame).toLongLong());
        if (parser.isSet(regenerate)) {
            const QStringList ends = parser.value(regenerate).split(QLatin1Char('-'));
            if (ends.size() == 2)
                window.state()->setSelection({ends[0].toLongLong(), ends[1].toLongLong() + 1});
            window.regenerateSelection();
        }
    }
    return app.exec();
}
