#pragma once

// Opening media files: picks the library adapter (FFmpeg, OpenEXR) by the
// file's content and name. The reader interfaces are in media/media.h; this
// layer sits above the adapters.

#include "media/media.h"

#include <memory>

namespace retake {

// Opens a video file, an image sequence (from the name of any one of its
// files), or a still image. A directory, an empty file, a corrupt file or a
// sequence with a gap throws Error(BadInput) naming the file and the problem.
std::unique_ptr<MediaReader> openMedia(const QString& path);

// Exactly the image file named, as a one-frame still with the decoder its
// type needs, even when its name is numbered like a sequence's
// ("frame_0007.png"), which openMedia would open as the whole sequence.
// Errors as openMedia.
std::unique_ptr<MediaReader> openImageFile(const QString& path);

// A project's media as it was imported: a still is exactly its file, even
// when named like a sequence's frame (imported alone: `import --single`, or
// "Only this file" in the editor); video and sequences as openMedia opens
// them.
std::unique_ptr<MediaReader> openMedia(const QString& path, MediaKind kind);

// nullptr when the file has no audio stream.
std::unique_ptr<AudioReader> openAudio(const QString& path);

} // namespace retake
