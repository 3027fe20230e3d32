#pragma once

// OpenEXR files: colour as float RGB(A), plus a depth channel ("Z", or a
// Blender-style "<layer>.Depth.Z") into Image::depth.

#include "media/encode.h"

#include <QByteArray>

namespace retake::openexr {

// True when `head` (the first bytes of a file) is an OpenEXR magic number.
bool hasExrMagic(const QByteArray& head);

// Reads the file's first part. The image covers the display window; pixels
// outside the data window are 0. When `info` is given, fills container,
// codec, pixel format, size, bit depth, output layout, depth, frame rate (from
// framesPerSecond) and warnings. Throws Error(BadInput) naming the file.
Image readExr(const QString& path, MediaInfo* info = nullptr);

// Writes `image` to exactly `path` (callers handle temporary names), as half
// or float colour plus a float Z channel when the image has depth and
// options.writeDepth. Throws Error(Output) naming `reportPath`.
void writeExr(const QString& path, const Image& image, const ImageWriteOptions& options,
              const QString& reportPath);

} // namespace retake::openexr
