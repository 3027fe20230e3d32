#pragma once

// The development set (../shared/devset beside the source tree: real footage
// under open licences, its case builder and scorer) as tests use it: cases
// are cut at test time, nothing of it is committed.

#include "processrun.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace retake::testing {

inline QString devsetPath() {
    return QDir(QStringLiteral(RETAKE_SOURCE_DIR "/../shared/devset")).absolutePath();
}

// Why the devset's scripts cannot run here, or nothing.
inline QString devsetMissing() {
    if (!QFileInfo::exists(devsetPath() + QStringLiteral("/make_cases.py")))
        return QStringLiteral("the development set is not at %1").arg(devsetPath());
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
        return QStringLiteral("ffmpeg is not installed (the devset decodes its clips with it)");
    return QString();
}

struct DevsetPython {
    QString program;
    QString error;
};

// A python3 with what the devset scripts import (Debian's python3-numpy,
// -opencv, -pil, -skimage); a python3 earlier on PATH may lack them.
inline DevsetPython findDevsetPython() {
    QStringList candidates{QStringLiteral("/usr/bin/python3")};
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (!onPath.isEmpty())
        candidates << onPath;
    for (const QString& program : candidates) {
        if (run(program, {QStringLiteral("-c"), QStringLiteral("import numpy, cv2, PIL, skimage")})
                .ok())
            return {program, QString()};
    }
    return {QString(), QStringLiteral("no python3 with numpy, cv2, PIL and skimage (Debian: "
                                      "python3-numpy python3-opencv python3-pil python3-skimage)")};
}

// Runs a devset script (they take minutes on real footage).
inline Run runDevsetPython(const QString& program, const QStringList& args) {
    RunOptions options;
    options.timeoutMs = 600000;
    return run(program, args, options);
}

} // namespace retake::testing
