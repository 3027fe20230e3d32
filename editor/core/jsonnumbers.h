#pragma once

// The one rule for numbers read from project, mask and interchange JSON: a
// value Retake cannot represent refuses the load, naming the field, and is
// never clamped, truncated or dropped (a lock whose end overflowed was once
// dropped silently, and the "locked" frames were regenerated).

#include "core/translate.h"

#include <QJsonValue>
#include <QString>
#include <cmath>
#include <optional>

namespace retake {

// Frame numbers and counts: about 2.8 years at 24 fps, and far from any
// overflow in the arithmetic done on them.
inline constexpr qint64 kMaxFrameNumber = (qint64(1) << 31) - 1;
// Real-valued fields (millimetres, metres, degrees, decibels, pixels) are far
// below this; beyond it a float render or a product of two fields overflows.
inline constexpr double kMaxFieldMagnitude = 1e9;

// Why `v` is not a number Retake can use, or nothing. `integerOnly` also
// requires an integer in [minimum, maximum].
inline std::optional<QString> numberProblem(const QJsonValue& v, bool integerOnly = false,
                                            double minimum = -kMaxFieldMagnitude,
                                            double maximum = kMaxFieldMagnitude) {
    if (!v.isDouble())
        return integerOnly ? tr("expected an integer") : tr("expected a number");
    const double d = v.toDouble();
    if (!std::isfinite(d))
        return tr("expected a finite number");
    if (integerOnly && d != std::floor(d))
        return tr("expected an integer, not %1").arg(d, 0, 'g', 17);
    if (d < minimum || d > maximum)
        return tr("%1 is out of range (%2 to %3)")
            .arg(d, 0, 'g', 17)
            .arg(minimum, 0, 'g', 17)
            .arg(maximum, 0, 'g', 17);
    return std::nullopt;
}

inline std::optional<QString> frameNumberProblem(const QJsonValue& v) {
    return numberProblem(v, true, -double(kMaxFrameNumber), double(kMaxFrameNumber));
}

} // namespace retake
