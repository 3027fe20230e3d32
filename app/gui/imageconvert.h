#pragma once

#include "media/media.h"

#include <QImage>

namespace retake::gui {

// A decoded frame as an 8-bit QImage for display. No colour transform yet:
// the values are shown as the file stores them (float clamped to [0, 1]).
QImage toQImage(const Image& image);

// A mask file (any non-zero pixel = regenerate) as a red translucent overlay
// the size of the mask.
QImage maskOverlay(const QImage& mask);

} // namespace retake::gui
