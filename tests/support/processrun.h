#pragma once

// The one way tests run another program (retake-cli, ffmpeg, ffprobe, python,
// blender, ocioconvert, a child copy of the test itself) and keep what it
// printed.

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <functional>

namespace retake::testing {

struct Run {
    int exitCode = -1; // -1 when the program did not start, crashed or timed out
    QString out;       // standard output and error as text (UTF-8)
    QString err;
    QByteArray rawOut; // standard output as written (raw frames, binary)
    bool ok() const { return exitCode == 0; }
    // "PROGRAM ARGS exited with N: ERR" for a failure message.
    QString describe(const QString& program, const QStringList& args) const {
        return QStringLiteral("%1 %2 exited with %3: %4")
            .arg(program, args.join(QLatin1Char(' ')))
            .arg(exitCode)
            .arg(err.right(2000));
    }
};

struct RunOptions {
    QMap<QString, QString> environment; // added to the test's own
    // Runs in the child before the program starts (setrlimit, setuid: a full
    // disk or another user, as a person would meet them).
    std::function<void()> childSetup;
    int timeoutMs = 300000;
    bool mergeChannels = false; // standard error into `out`, in order; `err` stays empty
};

inline Run run(const QString& program, const QStringList& args, const RunOptions& options = {}) {
    QProcess process;
    if (!options.environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (auto it = options.environment.cbegin(); it != options.environment.cend(); ++it)
            env.insert(it.key(), it.value());
        process.setProcessEnvironment(env);
    }
    if (options.childSetup)
        process.setChildProcessModifier(options.childSetup);
    if (options.mergeChannels)
        process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    Run result;
    if (!process.waitForStarted()) {
        result.err = QStringLiteral("could not start %1: %2").arg(program, process.errorString());
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(options.timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err =
            QStringLiteral("%1 timed out after %2 s").arg(program).arg(options.timeoutMs / 1000);
        return result;
    }
    result.rawOut = process.readAllStandardOutput();
    result.out = QString::fromUtf8(result.rawOut);
    if (!options.mergeChannels)
        result.err = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

} // namespace retake::testing
