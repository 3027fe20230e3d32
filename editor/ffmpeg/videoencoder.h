#pragma once

// Encoded video (and audio) through libavcodec/libavformat.

#include "media/encode.h"

namespace retake::ffmpeg {

std::unique_ptr<VideoEncoder> createVideoEncoder(const QString& path,
                                                 const EncodeSettings& settings);

// Throws Error(Usage) naming the encoder when this FFmpeg build lacks it;
// `purpose` says what it was needed for ("H.265 video").
void requireEncoder(const QString& encoderName, const QString& purpose);

} // namespace retake::ffmpeg
