// Fuzz target: `retake-cli shell` lines. Each input is a session: lines split
// into words as shell() does (QProcess::splitCommand), each run through the
// same dispatch (runShellEdit: undo, redo, save and every edit command with
// its QCommandLineParser) on a Document opened from a project with two shots,
// a lock, a painted mask and offline media. `quit` and `info` stay in shell()
// (the event loop and projectcommands.cpp, which needs libtorch) and are not
// fuzzed here.

#include "document/document.h"
#include "editcommands.h"
#include "fuzzsupport.h"
#include "projectfile/projectfile.h"

#include <QFile>
#include <QProcess>
#include <cstdio>

namespace {

QString projectPath() {
    return retake::fuzz::scratchDir() + QStringLiteral("/shell.retake");
}

// The project every session starts from, written afresh before each input
// since `save` changes the file.
QByteArray& startingProject() {
    static QByteArray data;
    return data;
}

// Options that read or write files named on the line, outside the scratch
// folder: a fuzzer must not write PNGs all over the disk (mask --render) or
// parse arbitrary files as OCIO configs (media --ocio-config). Media files
// (import, relink, mask PNG) are safe: openMedia is offlinemedia.cpp's here.
bool touchesOtherFiles(const QStringList& words) {
    for (const QString& w : words)
        if (w.startsWith(QLatin1String("--render")) || w.startsWith(QLatin1String("--ocio")))
            return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    using namespace retake;
    fuzz::initQt();
    QFile seed(QStringLiteral(RETAKE_FUZZ_SHELL_PROJECT));
    if (!seed.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", RETAKE_FUZZ_SHELL_PROJECT);
        std::abort();
    }
    startingProject() = seed.readAll();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace retake;
    {
        QFile file(projectPath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(startingProject()) != startingProject().size())
            std::abort();
    }
    auto doc = Document::open(projectPath());
    doc->setAutosaveInterval(0);
    const QStringList lines = QString::fromUtf8(fuzz::bytes(data, size)).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QStringList words = QProcess::splitCommand(line);
        if (words.isEmpty() || touchesOtherFiles(words))
            continue;
        try {
            cli::runShellEdit(*doc, words);
        } catch (const Error&) {
        }
    }
    return 0;
}
