#pragma once

// Writing media files: picks the library adapter (FFmpeg, OpenEXR) for a
// movie or an image file. The types and the encoder interface are in
// media/encode.h; this layer sits above the adapters.

#include "media/encode.h"

#include <memory>

namespace retake {

// Throws Error(Output) when the target cannot be written, Error(Usage) when
// the local FFmpeg lacks the codec.
std::unique_ptr<VideoEncoder> createVideoEncoder(const QString& path,
                                                 const EncodeSettings& settings);

// By extension: .png (8- or 16-bit, from the image's sample type), .exr,
// .tif/.tiff, .jpg. Atomic: temporary name, then rename.
void writeImageFile(const QString& path, const Image& image, const ImageWriteOptions& options = {});

} // namespace retake
