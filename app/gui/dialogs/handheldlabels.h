#pragma once

// The names a person sees for the handheld intensity presets
// (camera/motion.h), the same in every dialog that offers them.

#include <QString>

namespace retake::gui {

// "subtle" -> "Subtle", "off" -> "Off (locked off)"; unknown names as given.
QString handheldPresetLabel(const QString& name);

} // namespace retake::gui
