#pragma once

// `retake-cli export --depth FORMAT`: depth maps instead of pictures
// (editor/export/depthexport.h), for projectcommands.cpp's export.

#include "export/depthexport.h"

#include <QCommandLineParser>
#include <optional>

namespace retake::cli {

void addDepthExportOptions(QCommandLineParser& p);
// Runs the depth export when --depth was given; false otherwise.
bool runDepthExport(const QCommandLineParser& p, const Project& project, const QString& output,
                    const Id& shotId, const std::optional<FrameRange>& range, int firstFileNumber,
                    ExrCompression compression, bool overwrite);

} // namespace retake::cli
