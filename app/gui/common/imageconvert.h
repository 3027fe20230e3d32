#pragma once

#include "media/media.h"

#include <QImage>

namespace retake::gui {

// A decoded frame as an 8-bit QImage for display. No colour transform yet:
// the values are shown as the file stores them (float clamped to [0, 1]).
QImage toQImage(const Image& image);

// An 8-bit RGB(A) frame as the 32-bit picture the viewer paints (RGB32, or
// RGBA8888 with alpha), scaled down to fit `target` (aspect kept, smooth)
// when it is larger; empty `target` = full size. One pass from the decoded
// rows: Qt scales 32-bit pixels with its SIMD paths and paints RGB32 without
// converting. A null QImage for float or 16-bit frames (they take toQImage()
// after the full colour processor).
QImage toDisplayImage(const Image& image, QSize target);

// A 32-bit picture from toDisplayImage() back as an 8-bit RGB (RGBA with
// alpha) Image, for a colour processor.
Image toImage(const QImage& picture);

// A mask file (any non-zero pixel = regenerate) as a red translucent overlay
// the size of the mask.
QImage maskOverlay(const QImage& mask);

} // namespace retake::gui
