#pragma once

// Runs the retake-cli under test (RETAKE_CLI, set by retake_add_test) and
// keeps what it printed, for the tests that drive the command line.

#include "processrun.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace retake::testing {

// The retake-cli under test: the build's, or RETAKE_CLI from the
// environment (an installed package, or an older build to show that a
// regression test fails without its fix).
inline QString cliPath() {
    return qEnvironmentVariable("RETAKE_CLI", QStringLiteral(RETAKE_CLI));
}

// `childSetup` runs in the child before retake-cli starts (setrlimit,
// setuid: a full disk or another user, as a person would meet them).
inline Run cli(const QStringList& args, const std::function<void()>& childSetup,
               int timeoutMs = 300000) {
    RunOptions options;
    options.childSetup = childSetup;
    options.timeoutMs = timeoutMs;
    return run(cliPath(), args, options);
}

inline Run cli(const QStringList& args, int timeoutMs = 300000) {
    return cli(args, nullptr, timeoutMs);
}

// `retake-cli new PROJECT --force` and `import PROJECT CLIP --name NAME`: the
// project most CLI tests start from. Returns why it failed, or nothing.
inline QString newProjectWithClip(const QString& project, const QString& clip,
                                  const QString& shotName = QStringLiteral("Plate")) {
    const Run made = cli({QStringLiteral("new"), project, QStringLiteral("--force")});
    if (made.exitCode != 0)
        return made.err;
    const Run imported =
        cli({QStringLiteral("import"), project, clip, QStringLiteral("--name"), shotName});
    return imported.exitCode == 0 ? QString() : imported.err;
}

inline QJsonObject json(const Run& r) {
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace retake::testing
