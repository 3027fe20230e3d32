#pragma once

// A small H.264 clip made by the ffmpeg tool from one of its test sources,
// for the tests that need real video to decode.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace retake::testing {

// `source` is a lavfi source ("testsrc2=s=320x180:r=24:d=3"); `extra` goes
// before the output (e.g. {"-g", "12"}). Empty when it worked, else why not.
inline QString makeH264Clip(const QString& path, const QString& source,
                            const QStringList& extra = {}) {
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                             QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                             source, QStringLiteral("-c:v"), QStringLiteral("libx264"),
                             QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")} +
                     extra + QStringList{path});
    if (!ffmpeg.waitForFinished(30000))
        return QStringLiteral("ffmpeg did not finish");
    if (ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0)
        return QStringLiteral("ffmpeg failed: ") +
               QString::fromLocal8Bit(ffmpeg.readAllStandardError());
    return {};
}

} // namespace retake::testing
