#pragma once

// Export of the timeline (or one shot) to an image sequence or an encoded
// movie with its audio. Outputs appear under their final names only when
// complete: sequences are written into a hidden folder beside the target and
// moved in at the end, movies are renamed from a temporary file.

#include "c2pa/contentcredentials.h"
#include "core/progress.h"
#include "export/deliverycolour.h"
#include "media/encode.h"
#include "model/project.h"
#include "ocio/colourpipeline.h"

#include <QMap>
#include <optional>

namespace retake {

// The colour pipeline of an export: every frame goes input -> working ->
// look -> output (ColourPipeline::processor, the viewer's code path) before
// it is encoded or written.
struct ExportColour {
    QString configPath; // an OCIO config; empty = Retake's bundled config
    // Input space of every media; empty = per media (export/mediacolour.h):
    // the project's MediaRef::inputSpace, else the file's colour tags and
    // the config's file rules.
    QString inputSpace;
    ColourGrade grade; // working space, look, output; its inputSpace is ignored
};

struct ExportRequest {
    // A movie file (.mov/.mp4/.mkv) or a sequence pattern like
    // "out/shot_%04d.png" / "out/shot_####.exr".
    QString output;
    VideoCodec codec = VideoCodec::ProRes422HQ; // movies only
    ImageWriteOptions imageOptions;             // sequences only
    std::optional<FrameRange> timelineRange;    // default: the whole timeline
    Id shotId;                                  // export one shot's frames instead
    bool withAudio = true;
    // Movies: full-range YUV (H.264, H.265, DNxHR only); the default is
    // limited range, what delivery specifications and players expect.
    bool fullRange = false;
    int firstFileNumber = 1001; // sequences: VFX convention
    // None = movies leave as decoded (tagged as their source), EXR
    // sequences as scene-linear light (export/exporter.cpp exportColour).
    std::optional<ExportColour> colour;
    // A provenance manifest (export/provenance.h) beside the output:
    // "shot_####.exr" -> "shot.provenance.json", "film.mov" -> "film.mov.provenance.json".
    bool writeManifest = true;
    // Replace files that already exist (never the project's own media:
    // export/outputguard.h).
    bool overwrite = false;
    // Content Credentials (c2pa/contentcredentials.h, export/credentialsmanifest.h):
    // a signed manifest inside the file (movies: .mp4, .mov; sequences: each
    // .png or .jpg). The signer is checked before anything is written, and
    // a file that cannot be signed is never put in place.
    std::optional<CredentialSigner> credentials;
};

struct ExportResult {
    QStringList files;
    FrameNumber frames = 0;
    bool audioWritten = false;
    QString manifest; // the provenance sidecar, empty when not written
};

bool isSequenceOutput(const QString& output);
// "shot_####.exr" -> "shot_%04d.exr" (printf patterns pass through), and the
// file name of one number in such a pattern.
QString sequencePrintfPattern(const QString& output);
QString sequenceFileName(const QString& printfPattern, qint64 number);

// One output frame: a shot's media frame, and its timeline frame (< 0 in a
// shot export).
struct ExportFrame {
    const Shot* shot;
    FrameNumber mediaFrame;
    FrameNumber timelineFrame = -1;
};
// The frames an export of `request` (shot or timeline, range) writes, in order.
QVector<ExportFrame> exportFrames(const Project& project, const ExportRequest& request);
// The colour description and YUV depth a movie export writes
// (export/deliverycolour.h), from the first frame's media; throws what the
// export would throw for an impossible request (full-range ProRes).
DeliveryColour movieDelivery(const Project& project, const ExportRequest& request);

// Default codec for a movie file name: .mp4 -> H.264, else ProRes 422 HQ.
VideoCodec defaultCodecFor(const QString& output);

ExportResult exportProject(const Project& project, const ExportRequest& request,
                           Progress& progress);

// An export in parts, for a render farm (editor/farm), each part checked as
// exportProject checks the whole. Frame indices are into exportFrames().
// Sequences: the files of frames [first, end), in place once all are
// written; then the manifest, once every part is done.
ExportResult exportSequencePart(const Project& project, const ExportRequest& request, int first,
                                int end, Progress& progress);
QString writeSequenceManifest(const Project& project, const ExportRequest& request);
// Movies: frames [first, end) as video alone, encoded as the whole movie
// would be, into `segmentPath` (same container; its own closed GOP); then the
// movie from its segments in order, packets copied, the audio mixed and
// encoded once, and its manifest.
void exportMovieSegment(const Project& project, const ExportRequest& request, int first, int end,
                        const QString& segmentPath, Progress& progress);
ExportResult joinMovieSegments(const Project& project, const ExportRequest& request,
                               const QStringList& segments, Progress& progress);
// What exportProject would stop on before writing anything, checked without
// reading a frame (dialogs validate with it): no frames in the range, an
// unknown shot, offline media, a sequence name without a frame number, a
// movie's folder that does not exist, an OCIO config, colour space, display
// or view that does not exist, a missing or malformed LUT. Throws the same
// Error exportProject would.
void checkExport(const Project& project, const ExportRequest& request);
// Every file the export would create under a final name (frames, movie,
// manifest), for asking before replacing them.
QStringList exportTargets(const Project& project, const ExportRequest& request);

} // namespace retake
