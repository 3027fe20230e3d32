#pragma once

// Test media made at run time: small H.264 clips from the ffmpeg tool's test
// sources, for the tests that need real video to decode, and PNG plates
// written by Retake itself.

#include "clirun.h"
#include "media/media.h"
#include "mediaio/writemedia.h"
#include "processrun.h"

#include <QDir>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>

namespace retake::testing {

// ffmpeg with each lavfi source of `sources` as an input, then the `output`
// options and `path`. Empty when it worked, else why not.
inline QString ffmpegFromLavfi(const QString& path, const QStringList& sources,
                               const QStringList& output) {
    QStringList args = {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")};
    for (const QString& source : sources)
        args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i") << source;
    args << output << path;
    const Run made = run(QStringLiteral("ffmpeg"), args);
    return made.ok() ? QString() : made.describe(QStringLiteral("ffmpeg"), args);
}

// `source` is a lavfi source ("testsrc2=s=320x180:r=24:d=3"); `extra` goes
// before the output (e.g. {"-g", "12"}). Empty when it worked, else why not.
inline QString makeH264Clip(const QString& path, const QString& source,
                            const QStringList& extra = {}) {
    return ffmpegFromLavfi(path, {source},
                           QStringList{QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                       QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")} +
                               extra);
}

// testsrc2 at `size` ("160x90") and 24 fps with a 440 Hz stereo AAC tone,
// `seconds` long: the clip the CLI tests import.
inline QString makeH264ClipWithTone(const QString& path, const QString& size, int seconds) {
    const QString length = QString::number(seconds);
    return ffmpegFromLavfi(path,
                           {QStringLiteral("testsrc2=s=%1:r=24:d=%2").arg(size, length),
                            QStringLiteral("sine=f=440:r=48000:d=%1").arg(length)},
                           {QStringLiteral("-ac"), QStringLiteral("2"), QStringLiteral("-c:v"),
                            QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                            QStringLiteral("yuv420p"), QStringLiteral("-c:a"),
                            QStringLiteral("aac")});
}

// A lossless 8-bit RGB clip (FFV1 in Matroska) from a lavfi `source`
// ("testsrc2=s=128x96:r=24:d=1"), so what Retake decodes is what the test
// made. Empty when it worked, else why not.
inline QString makeLosslessClip(const QString& path, const QString& source) {
    return ffmpegFromLavfi(path, {source},
                           {QStringLiteral("-c:v"), QStringLiteral("ffv1"),
                            QStringLiteral("-pix_fmt"), QStringLiteral("rgb24")});
}

// A `frames`-frame 8-bit RGB PNG sequence plate_0000.png... in `dir`, each
// sample `sample(frame, index)`, imported as shot "plate" into a new 24 fps
// project of `projectSize` ("1920x1080") at `project`. Empty when it
// worked, else why not.
inline QString newProjectWithPngPlate(const QString& project, const QString& dir, int frames,
                                      int width, int height, const QString& projectSize,
                                      const std::function<std::uint8_t(int, std::size_t)>& sample) {
    for (int i = 0; i < frames; ++i) {
        Image image(width, height, 3, SampleType::UInt8);
        for (std::size_t k = 0; k < image.pixels.size(); ++k)
            image.pixels[k] = sample(i, k);
        writeImageFile(
            QDir(dir).filePath(QStringLiteral("plate_%1.png").arg(i, 4, 10, QLatin1Char('0'))),
            image);
    }
    const Run made = cli({QStringLiteral("new"), project, QStringLiteral("--rate"),
                          QStringLiteral("24"), QStringLiteral("--size"), projectSize});
    if (!made.ok())
        return made.err;
    const Run imported = cli({QStringLiteral("import"), project,
                              QDir(dir).filePath(QStringLiteral("plate_0000.png")),
                              QStringLiteral("--name"), QStringLiteral("plate")});
    return imported.ok() ? QString() : imported.err;
}

} // namespace retake::testing
