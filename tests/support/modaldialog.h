#pragma once

// Answers the message box an action opens (its exec() blocks the test), for
// widget tests: clicks the button with `role`, or rejects the box when it has
// none, and returns the box's text and informative text.

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QString>
#include <QTimer>
#include <functional>

namespace retake::testing {

inline QString answerDialog(const std::function<void()>& action, QMessageBox::ButtonRole role) {
    QString text;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        poll.stop();
        text = box->text() + QLatin1Char('\n') + box->informativeText();
        for (QAbstractButton* button : box->buttons())
            if (box->buttonRole(button) == role) {
                button->click();
                return;
            }
        box->reject();
    });
    poll.start();
    action();
    return text;
}

} // namespace retake::testing
