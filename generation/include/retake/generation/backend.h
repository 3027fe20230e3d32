#pragma once

// The generation library as the editor sees it: one object holding every
// operation that needs libtorch. The library is built as a shared object and
// loaded when something first generates (editor/engines), so commands and a
// GUI launch that never generate do not map libtorch. Everything here is
// virtual or inline: a caller links none of this library's symbols.
//
// The engine catalogue (engineNames, engineParameters in inpaint.h) is not
// here: it needs no libtorch and is linked into the editor directly
// (retake_generation_catalogue), so listing engines and checking parameters
// loads nothing.

#include "retake/generation/blocking.h"
#include "retake/generation/frames.h"
#include "retake/generation/inpaint.h"
#include "retake/generation/reframe.h"
#include "retake/generation/tracking.h"
#include "retake/generation/usermodels.h"

#include <memory>
#include <string>

namespace retake::generation {

// A blocking renderer keeps its buffers between frames of one render.
class BlockingRendering {
public:
    virtual ~BlockingRendering() = default;
    // Throws std::invalid_argument for a view or world it cannot render.
    virtual BlockingImage render(const BlockingWorld& world, const BlockingView& view) = 0;
};

// A loaded depth model (depth.h's DepthModel).
class DepthEstimation {
public:
    virtual ~DepthEstimation() = default;
    virtual FrameStack estimate(const FrameStack& frames) const = 0;
    virtual void setFramesPerCall(int frames) = 0;
};

class Backend {
public:
    virtual ~Backend() = default;

    // runtime.h
    virtual void configureThreads(int threads) = 0;
    virtual std::string describeDevices() = 0;
    virtual std::string torchVersion() = 0;

    // inpaint.h: a streamed run; throws InpaintError.
    virtual bool inpaint(const std::string& engine, const StreamedInpaintRequest& request) = 0;

    // blocking.h
    virtual std::unique_ptr<BlockingRendering> blockingRenderer() = 0;

    // depth.h: throws DepthModelError naming the file and the problem.
    virtual std::unique_ptr<DepthEstimation> loadDepthModel(const std::string& path,
                                                            const std::string& device) = 0;

    // usermodels.h: what a user's model file is and accepts, and a trial
    // run. Throws UserModelError naming the file and the problem.
    virtual ModelCheck checkUserModel(const std::string& path, const std::string& role,
                                      const std::string& device) = 0;

    // tracking.h: a run from `key`, where `region` (key.width x key.height
    // bytes, non-zero inside) is the shape and `outline` its points (x, y
    // pairs; the Dense model moves them, the others ignore them). Throws
    // std::invalid_argument, saying why, for a region that cannot be tracked.
    virtual std::unique_ptr<RegionTracking> trackRegion(const GreyFrame& key,
                                                        const std::uint8_t* region,
                                                        TrackModel model,
                                                        const std::vector<double>& outline) = 0;

    // reframe.h
    virtual double warpFrameThroughLens(FrameStack& frames, FrameStack& masks, int t,
                                        const RadialLens& output, const Homography& outputToSource,
                                        const RadialLens& source) = 0;
    virtual double reprojectFrame(FrameStack& frames, FrameStack& masks, int t, const float* depth,
                                  const PinholeCamera& from, const PinholeCamera& to) = 0;
    virtual void depthOfFieldFromDepth(FrameStack& frames, int t, const float* depth,
                                       double focusDistanceM, double dofScalePx) = 0;
};

} // namespace retake::generation

// The one symbol the editor looks up in the loaded library. The object lives
// as long as the process.
#define RETAKE_GENERATION_BACKEND_SYMBOL "retake_generation_backend"
extern "C" retake::generation::Backend* retake_generation_backend();
