#pragma once

// Video files through libavformat/libavcodec, with frame-exact random access.

#include "media/media.h"

namespace retake::ffmpeg {

// Opens a video file and indexes it (packets only, no decoding beyond the
// first frame). Throws Error(BadInput) naming the file when it cannot be read.
std::unique_ptr<MediaReader> openVideo(const QString& path);

} // namespace retake::ffmpeg
