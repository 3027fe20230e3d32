#include "inspector/committextedit.h"

#include <QKeyEvent>

namespace retake::gui {

void CommitTextEdit::setCommittedText(const QString& text) {
    committed_ = text;
    if (toPlainText() != text)
        setPlainText(text);
}

void CommitTextEdit::commit() {
    if (toPlainText() == committed_)
        return;
    committed_ = toPlainText();
    Q_EMIT editingFinished();
}

void CommitTextEdit::focusOutEvent(QFocusEvent* event) {
    QPlainTextEdit::focusOutEvent(event);
    commit();
}

void CommitTextEdit::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & Qt::ControlModifier)) {
        commit();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace retake::gui
