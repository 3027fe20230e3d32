#include "cli.h"

#include "core/progress.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace retake::cli {

const Shot& resolveShot(const Project& project, const QString& idOrName) {
    if (idOrName.isEmpty())
        throw Error(ErrorKind::Usage,
                    QStringLiteral("Name a shot with --shot (ID, ID prefix or name)."));
    const Shot* shot = project.resolveShot(idOrName);
    if (!shot) {
        QStringList names;
        for (const auto& s : project.shots)
            names << QStringLiteral("%1 (%2)").arg(s.name, idToString(s.id).left(8));
        throw Error(ErrorKind::Usage,
                    QStringLiteral("No single shot matches \"%1\". Shots: %2")
                        .arg(idOrName, names.isEmpty() ? QStringLiteral("none")
                                                       : names.join(QStringLiteral(", "))));
    }
    return *shot;
}

FrameRange parseShotRange(const Shot& shot, const QString& text) {
    const auto range = FrameRange::fromInclusiveString(text);
    if (!range)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("\"%1\" is not a frame range; write A-B (inclusive, "
                                   "0 = the shot's first frame) or a single frame.")
                        .arg(text));
    return range->shifted(shot.source.start);
}

void editProject(const QString& path, const std::function<void(Document&)>& edit) {
    auto doc = Document::open(path);
    if (!doc->cleanupNote().isEmpty())
        printStatus(doc->cleanupNote());
    edit(*doc);
    if (doc->isModified())
        doc->save();
}

void printJson(const QJsonObject& object) {
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

void printLine(const QString& text) {
    std::fputs((text + QLatin1Char('\n')).toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void printStatus(const QString& text) {
    std::fputs((text + QLatin1Char('\n')).toLocal8Bit().constData(), stderr);
}

std::function<void(double, const QString&)> stderrProgress(const QString& label) {
    const bool tty = isatty(STDERR_FILENO);
    auto lastPercent = std::make_shared<int>(-1);
    return [=](double fraction, const QString& stage) {
        const int percent = int(fraction * 100.0);
        if (percent == *lastPercent)
            return;
        *lastPercent = percent;
        const QByteArray line =
            QStringLiteral("%1: %2% %3").arg(label).arg(percent).arg(stage).toLocal8Bit();
        if (tty)
            std::fprintf(stderr, "\r%-60s%s", line.constData(), percent >= 100 ? "\n" : "");
        else if (percent % 10 == 0 || percent >= 100)
            std::fprintf(stderr, "%s\n", line.constData());
    };
}

namespace {
retake::Progress* interruptTarget = nullptr;
extern "C" void onInterrupt(int) {
    if (interruptTarget)
        interruptTarget->cancel(); // an atomic store: safe in a signal handler
}
} // namespace

void installInterruptHandler(retake::Progress* progress) {
    interruptTarget = progress;
    std::signal(SIGINT, progress ? onInterrupt : SIG_DFL);
    std::signal(SIGTERM, progress ? onInterrupt : SIG_DFL);
}

} // namespace retake::cli
