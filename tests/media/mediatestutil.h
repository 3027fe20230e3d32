#pragma once

// Helpers shared by the media tests: test media is made at run time with the
// ffmpeg tool and checked against ffmpeg/ffprobe/exrheader.

#include "media/media.h"
#include "processrun.h"

#include <QJsonObject>
#include <QStringList>
#include <QtTest>
#include <vector>

namespace retake::test {

bool haveTool(const QString& name);

using testing::run;
using testing::Run;
using testing::RunOptions;

// ffmpeg -y -hide_banner -loglevel error ARGS; false with the reason in *error.
bool ffmpeg(const QStringList& args, QString* error);

// Every frame of `path` as ffmpeg decodes it, timing passed through (no
// dropped or repeated frames), in `pixelFormat` ("rgb24", "rgb48le", ...).
QByteArray ffmpegFrames(const QString& path, const QString& pixelFormat, QString* error);

// ffprobe -show_streams -show_format (plus `extra`) as JSON.
QJsonObject ffprobe(const QString& path, const QStringList& extra, QString* error);
// The first stream of `type` ("video", "audio") in an ffprobe result.
QJsonObject probeStream(const QJsonObject& probe, const QString& type);

// Mean absolute difference between an image and raw frame bytes of the same
// layout, in 8-bit levels (16-bit samples are scaled down).
double meanAbsDiff(const Image& image, const char* raw);
double meanAbsDiff(const Image& a, const Image& b);

// A smooth moving pattern (compresses like real footage) for frame `t`.
Image patternImage(int width, int height, int channels, SampleType type, int t);
// Uniform noise (for lossless round trips).
Image noiseImage(int width, int height, int channels, SampleType type, quint32 seed);

bool samePixels(const Image& a, const Image& b);

} // namespace retake::test

// QCOMPARE prints these through argument-dependent lookup. (MediaKind has
// retake::toString already: compare toString(kind) instead.)
namespace retake {
char* toString(const SampleType& type);
char* toString(const Rational& rational);
char* toString(const ColourTags& tags);
} // namespace retake

#define RETAKE_FFMPEG(...)                                                                         \
    do {                                                                                           \
        QString ffmpegError_;                                                                      \
        QVERIFY2(retake::test::ffmpeg(QStringList{__VA_ARGS__}, &ffmpegError_),                    \
                 qPrintable(ffmpegError_));                                                        \
    } while (false)
