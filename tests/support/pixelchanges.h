#pragma once

// Where a regenerated 8-bit RGB frame differs from its source: what the
// regeneration tests assert (nothing outside the mask's guard band changes,
// something inside the mask does).

#include "media/media.h"

#include <QRect>
#include <QString>

namespace retake::testing {

struct PixelChanges {
    QString firstOutside; // "x,y" of the first changed pixel outside `guard`, or empty
    bool inside = false;  // a pixel inside `inside` changed
};

inline PixelChanges pixelChanges(const Image& result, const Image& original, const QRect& guard,
                                 const QRect& inside) {
    PixelChanges changes;
    for (int y = 0; y < original.height; ++y)
        for (int x = 0; x < original.width; ++x)
            for (int c = 0; c < 3; ++c) {
                const std::size_t i = (std::size_t(y) * original.width + x) * 3 + c;
                if (result.pixels[i] == original.pixels[i])
                    continue;
                if (!guard.contains(x, y) && changes.firstOutside.isEmpty())
                    changes.firstOutside = QStringLiteral("%1,%2").arg(x).arg(y);
                else if (inside.contains(x, y))
                    changes.inside = true;
            }
    return changes;
}

} // namespace retake::testing
