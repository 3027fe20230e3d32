#pragma once

class QApplication;

namespace retake::gui {

// Fusion with a neutral dark-grey palette (R = G = B everywhere except the
// selection highlight), so nothing around the picture tints how its colours
// are judged.
void applyDarkTheme(QApplication& app);

} // namespace retake::gui
