#pragma once

// Spin boxes that edit model values: shared by the inspector's sections.

#include <QDoubleSpinBox>
#include <QSignalBlocker>
#include <QString>
#include <cmath>

namespace retake::gui {

// A spin box shows the model's value rounded; only a field the user changed
// replaces the model's exact value.
inline double edited(const QDoubleSpinBox* spin, double model) {
    const double step = std::pow(10.0, -spin->decimals());
    return std::abs(spin->value() - model) < step / 2 ? model : spin->value();
}

// Shows a model value without emitting an edit.
inline void setSpin(QDoubleSpinBox* spin, double value) {
    const QSignalBlocker block(spin);
    spin->setValue(value);
}

// For two or three fields to a row in a narrow dock: they share the row's
// width instead of asking for room for their largest value, wide enough for
// `sample` (arrow keys and the wheel still step).
inline void shareRowWidth(QDoubleSpinBox* spin, const QString& sample) {
    spin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    spin->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    spin->setMinimumWidth(spin->fontMetrics().horizontalAdvance(sample));
}

} // namespace retake::gui
