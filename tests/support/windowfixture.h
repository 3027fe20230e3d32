#pragma once

// The editor window as the GUI tests meet it: a two-shot project on a small
// H.264 clip with a stationary mask file, and the window opened on it, shown
// and active.

#include "document/document.h"
#include "mainwindow/mainwindow.h"
#include "mediaio/openmedia.h"
#include "testclip.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QtTest>

namespace retake::testing {

// In `dir`: clip.mp4 (160x90, 24 fps, 48 frames), mask.png (the top-left
// quarter) and PROJECT with shots "Alpha" (masked over frames 0-47) and
// "Bravo" on the clip. Empty when it worked, else why not.
inline QString makeTwoShotProject(const QString& dir, const QString& project, const QString& name) {
    const QString clip = QDir(dir).filePath(QStringLiteral("clip.mp4"));
    const QString made = makeH264Clip(clip, QStringLiteral("testsrc2=s=160x90:r=24:d=2"));
    if (!made.isEmpty())
        return made;
    QImage mask(160, 90, QImage::Format_Grayscale8);
    mask.fill(0);
    QPainter(&mask).fillRect(QRect(0, 0, 80, 45), Qt::white);
    const QString maskPath = QDir(dir).filePath(QStringLiteral("mask.png"));
    if (!mask.save(maskPath))
        return QStringLiteral("cannot write ") + maskPath;
    Document doc(Project::createEmpty(name, Rational(24), 160, 90), project);
    const MediaInfo info = openMedia(clip)->info();
    if (info.frameCount != 48)
        return QStringLiteral("the clip has %1 frames, not 48").arg(info.frameCount);
    const Id alpha = doc.importMedia(info, QStringLiteral("Alpha"));
    doc.importMedia(info, QStringLiteral("Bravo"));
    doc.addMask(alpha, maskPath, {0, 48}, true);
    doc.saveAs(project);
    return {};
}

// The window on `project`, shown and active (keyboard focus), or why not.
inline QString showWindowOn(gui::MainWindow& window, const QString& project) {
    if (!window.openProject(project))
        return QStringLiteral("cannot open ") + project;
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return QStringLiteral("the window was never shown");
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return QStringLiteral("the window never became active");
    return {};
}

} // namespace retake::testing
