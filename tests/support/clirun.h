#pragma once

// Runs the retake-cli under test (RETAKE_CLI, set by retake_add_test) and
// keeps what it printed, for the tests that drive the command line.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace retake::testing {

struct Run {
    int exitCode = -1; // -1 when the process crashed or did not finish
    QString out;
    QString err;
};

// The retake-cli under test: the build's, or RETAKE_CLI from the
// environment (an installed package, or an older build to show that a
// regression test fails without its fix).
inline QString cliPath() {
    return qEnvironmentVariable("RETAKE_CLI", QStringLiteral(RETAKE_CLI));
}

inline Run cli(const QStringList& args, int timeoutMs = 300000) {
    QProcess p;
    p.start(cliPath(), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline QJsonObject json(const Run& r) {
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace retake::testing
