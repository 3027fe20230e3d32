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

// testsrc2 at `size` ("160x90") and 24 fps with a 440 Hz stereo AAC tone,
// `seconds` long: the clip the CLI tests import.
inline QString makeH264ClipWithTone(const QString& path, const QString& size, int seconds) {
    QProcess ffmpeg;
    const QString length = QString::number(seconds);
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"),
                  QStringLiteral("error"),
                  QStringLiteral("-y"),
                  QStringLiteral("-f"),
                  QStringLiteral("lavfi"),
                  QStringLiteral("-i"),
                  QStringLiteral("testsrc2=s=%1:r=24:d=%2").arg(size, length),
                  QStringLiteral("-f"),
                  QStringLiteral("lavfi"),
                  QStringLiteral("-i"),
                  QStringLiteral("sine=f=440:r=48000:d=%1").arg(length),
                  QStringLiteral("-ac"),
                  QStringLiteral("2"),
                  QStringLiteral("-c:v"),
                  QStringLiteral("libx264"),
                  QStringLiteral("-pix_fmt"),
                  QStringLiteral("yuv420p"),
                  QStringLiteral("-c:a"),
                  QStringLiteral("aac"),
                  path});
    if (!ffmpeg.waitForFinished(60000))
        return QStringLiteral("ffmpeg did not finish");
    if (ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0)
        return QStringLiteral("ffmpeg failed: ") +
               QString::fromLocal8Bit(ffmpeg.readAllStandardError());
    return {};
}

} // namespace retake::testing
