#include "cli.h"
#include "commandtable.h"

#include <QCoreApplication>
#include <csignal>
#include <cstdio>

using namespace retake::cli;

static void printHelp() {
    QString text = QStringLiteral("Usage: retake-cli COMMAND [options] ...\n"
                                  "Retake's headless command line: everything the editor does, for "
                                  "scripts, farms and tests.\n\n"
                                  "Commands:\n");
    for (const auto& c : commands())
        text += QStringLiteral("  %1%2\n")
                    .arg(QString::fromUtf8(c.name).leftJustified(10), QString::fromUtf8(c.summary));
    text +=
        QStringLiteral("\n'retake-cli COMMAND --help' describes a command.\n"
                       "Frame ranges are inclusive, A-B; on a shot, 0 is the shot's first frame.\n"
                       "Progress goes to stderr, results to stdout. Ctrl+C cancels and leaves "
                       "everything as it was.\n\n"
                       "Exit codes:\n"
                       "  0  success\n"
                       "  1  usage error (bad argument, unknown shot or option)\n"
                       "  2  bad input file (missing, corrupt, unsupported, wrong version)\n"
                       "  3  output error (cannot write: read-only folder, disk full)\n"
                       "  4  cancelled\n"
                       "  5  internal error\n");
    std::fputs(text.toLocal8Bit().constData(), stdout);
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Retake"));
    QCoreApplication::setOrganizationName(QStringLiteral("Retake"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETAKE_VERSION));
    // A full disk under a file size limit must be an error we report, not a signal that kills us.
    std::signal(SIGXFSZ, SIG_IGN);

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args[0] == QLatin1String("--help") || args[0] == QLatin1String("-h") ||
        args[0] == QLatin1String("help")) {
        printHelp();
        return args.isEmpty() ? UsageError : Ok;
    }
    if (args[0] == QLatin1String("--version")) {
        std::printf("retake-cli %s\n", RETAKE_VERSION);
        return Ok;
    }
    return runCommand(args);
}
