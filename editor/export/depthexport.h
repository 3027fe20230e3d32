#pragma once

// Depth maps of a shot or the timeline, for compositing and 3D tools:
//   ExrMetres       float EXR, one channel Z, metres along the camera axis,
//                   +inf where there is no depth (what Retake's blocking
//                   renders write; Nuke and Blender read it as "infinitely far")
//   Png16Millimetres 16-bit grey PNG, millimetres, 0 = no depth; depth past
//                   65.535 m is clamped to 65535 (counted and reported)
//   Preview8        8-bit grey PNG for people: 1 + round(254 (far - d) / (far - near)),
//                   so the nearest depth is white (255), the farthest 1, and
//                   0 (black) is no depth; linear in depth between near and far
// Each sequence gets a sidecar "<name>.depth.json" saying the format, units,
// the no-depth value, near/far, the clamp, and where the depth came from, per
// shot and per frame.
//
// Depth comes from the shot, never made up: a user's TorchScript depth model
// (when given), else the media's own depth channel (an imported EXR with Z or
// Depth.Z), else the shot's blocking scene rendered through its camera
// (exact, as `blocking render` computes it). A shot with none of these stops
// the export before anything is written, with a message saying what to do.

#include "export/exporter.h"

#include <optional>

namespace retake {

enum class DepthMapFormat { ExrMetres, Png16Millimetres, Preview8 };
QString toString(DepthMapFormat format); // "exr", "png16", "preview"
bool depthMapFormatFromString(const QString& text, DepthMapFormat* format);

enum class DepthSource { Auto, Model, Media, Blocking };
QString toString(DepthSource source); // "auto", "model", "media", "blocking"
bool depthSourceFromString(const QString& text, DepthSource* source);

struct DepthExportRequest {
    QString output; // a sequence: depth_####.exr (ExrMetres) or depth_####.png
    DepthMapFormat format = DepthMapFormat::ExrMetres;
    std::optional<FrameRange> timelineRange; // shot-relative frames with shotId
    Id shotId;                               // one shot instead of the timeline
    int firstFileNumber = 1001;
    DepthSource source = DepthSource::Auto; // Auto: model, else media, else blocking
    QString modelPath;                      // TorchScript depth model (generation/depth.h)
    QString device = QStringLiteral("cpu");
    // Preview range in metres; unset = the nearest and farthest depth of the
    // whole export (so every frame of a sequence uses the same scale).
    std::optional<double> nearM, farM;
    ExrCompression exrCompression = ExrCompression::Zip;
    bool overwrite = false; // replace existing files (never the project's media)
};

struct DepthExportResult {
    QStringList files;
    QString sidecar;
    FrameNumber frames = 0;
    double nearM = 0, farM = 0; // range of the valid depth written (or the preview's)
    qint64 clampedPixels = 0;   // PNG16: pixels past 65.535 m
    qint64 noDepthPixels = 0;   // pixels with no depth, over all frames
    QStringList sources;        // one line per shot: "shot: blocking scene"
    QStringList warnings;       // what a person should know (clamping, ...)
};

// The largest depth a 16-bit millimetre PNG holds.
constexpr double kPng16MaxDepthM = 65.535;

// Throws Error(Usage) for a bad request, Error(BadInput) when a shot has no
// depth source or the model fails, Error(Output) when files cannot be
// written, Error(Cancelled). Nothing appears under the final names unless
// every frame was written.
DepthExportResult exportDepthMaps(const Project& project, const DepthExportRequest& request,
                                  Progress& progress);
// The checks exportDepthMaps makes before it writes anything (the request,
// the frames, a depth source for every shot, the model loading), for dialogs.
// Throws the same Error.
void checkDepthExport(const Project& project, const DepthExportRequest& request);
// Every file the export would create (maps and sidecar).
QStringList depthExportTargets(const Project& project, const DepthExportRequest& request);

// Per-pixel conversions (exposed for tests): no depth = not finite or <= 0.
std::uint16_t depthToMillimetres(float metres, bool* clamped = nullptr);
std::uint8_t depthToPreview(float metres, double nearM, double farM);

} // namespace retake
