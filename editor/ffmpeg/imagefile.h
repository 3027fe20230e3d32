#pragma once

// Single image files (PNG, JPEG, TIFF, BMP, DPX, ...) through FFmpeg's image
// decoders and encoders. EXR goes through editor/openexr/ instead.

#include "media/media.h"

#include <QByteArray>
#include <memory>

namespace retake::ffmpeg {

// Decodes image files one by one, keeping the decoder and converter between
// calls (a sequence is many files of one codec). Not thread-safe.
class ImageFileDecoder {
public:
    ImageFileDecoder();
    ~ImageFileDecoder();
    ImageFileDecoder(const ImageFileDecoder&) = delete;
    ImageFileDecoder& operator=(const ImageFileDecoder&) = delete;

    // Throws Error(BadInput) naming the file. When `info` is given, fills its
    // container, codec, pixel format, size, bit depth, output layout, colour
    // tags and warnings.
    Image decode(const QString& path, MediaInfo* info = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

enum class ImageCodec { Png, Tiff, Jpeg };

// The complete file for `image`: PNG 8- or 16-bit from the sample type (float
// is stored as 16-bit), TIFF likewise, JPEG 8-bit. Error(Usage) when the
// image has a channel count the format cannot hold.
QByteArray encodeImage(const Image& image, ImageCodec codec);

} // namespace retake::ffmpeg
