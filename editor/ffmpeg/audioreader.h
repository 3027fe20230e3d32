#pragma once

// Audio streams through libavformat/libavcodec/libswresample.

#include "media/media.h"

namespace retake::ffmpeg {

// nullptr when the file has no audio stream; Error(BadInput) when it cannot be
// read or its audio cannot be decoded.
std::unique_ptr<AudioReader> openAudio(const QString& path);

} // namespace retake::ffmpeg
