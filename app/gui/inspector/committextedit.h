#pragma once

#include <QPlainTextEdit>

namespace retake::gui {

// A multi-line text field that, like QLineEdit, says when an edit is done:
// on leaving the field or Ctrl+Return, and only if the text changed.
class CommitTextEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    using QPlainTextEdit::QPlainTextEdit;
    // Sets the text without counting it as an edit.
    void setCommittedText(const QString& text);
    // Emits editingFinished() if the text differs from the committed one.
    void commit();

Q_SIGNALS:
    void editingFinished();

protected:
    void focusOutEvent(QFocusEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QString committed_;
};

} // namespace retake::gui
