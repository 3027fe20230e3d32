#include "dialogs/handheldlabels.h"

#include <QCoreApplication>

namespace retake::gui {

QString handheldPresetLabel(const QString& name) {
    if (name == QLatin1String("off"))
        return QCoreApplication::translate("HandheldPreset", "Off (locked off)");
    if (name == QLatin1String("subtle"))
        return QCoreApplication::translate("HandheldPreset", "Subtle");
    if (name == QLatin1String("handheld"))
        return QCoreApplication::translate("HandheldPreset", "Handheld");
    if (name == QLatin1String("heavy"))
        return QCoreApplication::translate("HandheldPreset", "Heavy");
    if (name == QLatin1String("walking"))
        return QCoreApplication::translate("HandheldPreset", "Walking");
    if (name == QLatin1String("running"))
        return QCoreApplication::translate("HandheldPreset", "Running");
    return name;
}

} // namespace retake::gui
