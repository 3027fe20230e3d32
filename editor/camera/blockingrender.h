#pragma once

// A shot's blocking scene rendered through its camera: the bridge from the
// project's values (Camera, BlockingScene) to generation/blocking's plain
// structs, and the writer of EXR (linear colour + Z depth in metres) or PNG
// (8-bit sRGB) sequences.

#include "core/framerange.h"
#include "core/rational.h"
#include "media/media.h"
#include "model/blockingtypes.h"
#include "retake/generation/blocking.h"

#include <QStringList>
#include <optional>

namespace retake {

struct Camera;
struct Project;
struct Shot;
class Progress;

// depthOfField: blur the colour by the camera's focus distance and f-stop
// (thin lens, from the depth pass; see generation/blocking.h).
generation::BlockingView blockingView(const Camera& camera, const CameraPose& pose, int imageWidth,
                                      int imageHeight, bool depthOfField = false);
generation::BlockingWorld blockingWorld(const BlockingScene& scene);

struct BlockingSequenceSettings {
    FrameRange frames; // media frames of the shot to render
    Rational frameRate{24};
    int width = 1920;
    int height = 1080;
    // printf-style file pattern, e.g. "/out/block.%04d.exr"; .exr writes
    // linear float with a Z channel, .png/.tif/.jpg 8-bit sRGB.
    QString pattern;
    FrameNumber firstFileNumber = 1; // number of the first file
    // Motion blur: colour averaged over this many renders spread evenly over
    // the open shutter (camera's shutter angle, centred on the frame, as
    // Blender's default); depth and IDs stay those of the frame itself.
    // 0 or 1 = no motion blur.
    int motionBlurSamples = 0;
    bool depthOfField = false; // from the camera's focus distance and f-stop
};

// Renders every frame into a staging folder beside the target and moves the
// files into place once all are written, so a failure or cancel leaves no
// partial sequence. Returns the files written. Throws Error(Usage) for a bad
// pattern or scene, Error(Output) when a file cannot be written,
// Error(Cancelled) when `progress` is cancelled.
QStringList renderBlockingSequence(const Camera& camera, const BlockingScene& scene,
                                   const BlockingSequenceSettings& settings,
                                   const Progress* progress = nullptr);

// The settings that re-render a blocking shot's own picture in place: its
// media is the EXR sequence `retake-cli blocking --create` wrote into a
// blocking/ folder (NAME.####.exr), every frame of it at the media's size.
// `retake-cli blocking --refresh` and the editor's background refresh both
// use it. Throws Error(Usage) naming the shot when its media is anything else.
BlockingSequenceSettings ownBlockingSequence(const Project& project, const Shot& shot);
// The same, nullopt for a shot without a picture of its own (cheap: checked
// for every shot on every edit).
std::optional<BlockingSequenceSettings> findOwnBlockingSequence(const Project& project,
                                                                const Shot& shot);

} // namespace retake
