#include "common/appearance.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace retake::gui {

void applyDarkTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const auto grey = [](int v) { return QColor(v, v, v); };
    QPalette p;
    p.setColor(QPalette::Window, grey(48));
    p.setColor(QPalette::WindowText, grey(218));
    p.setColor(QPalette::Base, grey(36));
    p.setColor(QPalette::AlternateBase, grey(42));
    p.setColor(QPalette::ToolTipBase, grey(30));
    p.setColor(QPalette::ToolTipText, grey(218));
    p.setColor(QPalette::PlaceholderText, grey(140));
    p.setColor(QPalette::Text, grey(218));
    p.setColor(QPalette::Button, grey(56));
    p.setColor(QPalette::ButtonText, grey(218));
    p.setColor(QPalette::BrightText, QColor(255, 90, 80));
    p.setColor(QPalette::Light, grey(72));
    p.setColor(QPalette::Midlight, grey(62));
    p.setColor(QPalette::Mid, grey(40));
    p.setColor(QPalette::Dark, grey(24));
    p.setColor(QPalette::Shadow, grey(12));
    p.setColor(QPalette::Highlight, QColor(58, 110, 165));
    p.setColor(QPalette::HighlightedText, grey(250));
    p.setColor(QPalette::Link, QColor(110, 160, 220));
    p.setColor(QPalette::LinkVisited, QColor(150, 130, 210));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, grey(120));
    p.setColor(QPalette::Disabled, QPalette::Highlight, grey(70));
    p.setColor(QPalette::Disabled, QPalette::Base, grey(44));
    app.setPalette(p);
}

} // namespace retake::gui
