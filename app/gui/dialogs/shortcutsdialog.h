#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace retake::gui {

// Help > Keyboard Shortcuts: every command with its shortcuts.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
};

} // namespace retake::gui
