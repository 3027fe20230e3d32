#pragma once

// The .retake project file: JSON a person can read, with a format name and an
// integer version. Media paths are stored relative to the project file.
//
// Versions: every change to the layout bumps kProjectFormatVersion and adds an
// upgrade step from the previous version to projectfile.cpp's upgrade table,
// so every older file still opens. Files from a newer version are refused with
// the version and the Retake that wrote them.

#include "model/project.h"

#include <QByteArray>
#include <QString>

namespace retake {

inline constexpr int kProjectFormatVersion = 1;
inline constexpr const char* kProjectFormatName = "retake-project";

QByteArray serializeProject(const Project& project, const QString& projectFilePath);
// Throws Error(BadInput) naming `projectFilePath` with the line and column of
// a syntax error, the newer version that wrote it, or the field that is wrong.
Project parseProject(const QByteArray& data, const QString& projectFilePath);

// Reads a project and marks media whose files are missing as offline.
Project loadProjectFile(const QString& path);

// The folder of the project's own files beside it (takes, trained models,
// proxies): <project dir>/<name>.retake-cache.
QString projectCacheDir(const QString& projectFilePath);
// Atomic: the old file stays intact unless the new one was written completely.
// Throws Error(Output) with the reason.
void saveProjectFile(const Project& project, const QString& path);

// Re-checks which media files exist and are readable; returns how many are offline.
int refreshOnlineState(Project& project);

} // namespace retake
