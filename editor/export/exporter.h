#pragma once

// Export of the timeline (or one shot) to an image sequence or an encoded
// movie with its audio. Outputs appear under their final names only when
// complete: sequences are written into a hidden folder beside the target and
// moved in at the end, movies are renamed from a temporary file.

#include "jobs/progress.h"
#include "media/encode.h"
#include "model/project.h"

#include <optional>

namespace retake {

struct ExportRequest {
    // A movie file (.mov/.mp4/.mkv) or a sequence pattern like
    // "out/shot_%04d.png" / "out/shot_####.exr".
    QString output;
    VideoCodec codec = VideoCodec::ProRes422HQ; // movies only
    ImageWriteOptions imageOptions;             // sequences only
    std::optional<FrameRange> timelineRange;    // default: the whole timeline
    Id shotId;                                  // export one shot's frames instead
    bool withAudio = true;
    int firstFileNumber = 1001; // sequences: VFX convention
};

struct ExportResult {
    QStringList files;
    FrameNumber frames = 0;
    bool audioWritten = false;
};

bool isSequenceOutput(const QString& output);
// Default codec for a movie file name: .mp4 -> H.264, else ProRes 422 HQ.
VideoCodec defaultCodecFor(const QString& output);

ExportResult exportProject(const Project& project, const ExportRequest& request,
                           Progress& progress);

} // namespace retake
