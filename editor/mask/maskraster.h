#pragma once

// Painted mask -> the 8-bit mask of one media frame (QImage::Format_Grayscale8,
// 0 = keep, 255 = regenerate; regeneration treats any non-zero pixel as
// masked, like a mask file). Shapes are drawn with QPainter, antialiased;
// each shape's coverage c (0..1) is then combined with what is below:
// adding gives m + c(1 - m), erasing m(1 - c), invert 1 - m, fill 1.

#include "model/paintedmask.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace retake {

QImage rasteriseMask(const PaintedMask& mask, FrameNumber mediaFrame, QSize size);

// One shape's coverage at a media frame (Grayscale8, `size`), whatever its
// frames: the preview of a shape being drawn uses it.
QImage rasteriseShape(const MaskShape& shape, FrameNumber mediaFrame, QSize size);

// For drawing a stroke live: paints a stroke's coverage (what rasteriseShape
// gives for it) onto `layer`, keeping the brighter value where the layer is
// already covered, so a stroke can be drawn one segment at a time.
void paintStrokeCoverage(QImage& layer, const MaskGeometry& points, double size, double hardness);
// Combines a coverage layer (Grayscale8) placed at `at` into `mask`, as
// rasteriseMask combines each shape: adding or, with erase, subtracting.
void combineCoverage(QImage& mask, const QImage& layer, QPoint at, bool erase);

// A take made with a painted mask keeps the pixels it regenerated with, one
// PNG per frame beside the take's frames ("mask_00000.png" for its first
// frame), so provenance still holds after the shapes are edited.
QString paintedMaskFileName(FrameNumber indexInTake);

} // namespace retake
