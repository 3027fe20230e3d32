// The shared library's entry point: the Backend the editor loads at run time
// (backend.h), forwarding to the library's own functions.

#include "retake/generation/backend.h"

#include "retake/generation/depth.h"
#include "retake/generation/runtime.h"
#include "track/outlinetracker.h"
#include "track/regiontracker.h"

namespace retake::generation {

namespace {

class BlockingRenderingImpl final : public BlockingRendering {
public:
    BlockingImage render(const BlockingWorld& world, const BlockingView& view) override {
        return renderer_.render(world, view);
    }

private:
    BlockingRenderer renderer_;
};

class DepthEstimationImpl final : public DepthEstimation {
public:
    explicit DepthEstimationImpl(DepthModel model)
        : model_(std::move(model)) {}
    FrameStack estimate(const FrameStack& frames) const override { return model_.estimate(frames); }
    void setFramesPerCall(int frames) override { model_.setFramesPerCall(frames); }

private:
    DepthModel model_;
};

class LibraryBackend final : public Backend {
public:
    void configureThreads(int threads) override { generation::configureThreads(threads); }
    std::string describeDevices() override { return generation::describeDevices(); }
    std::string torchVersion() override { return generation::torchVersion(); }

    bool inpaint(const std::string& engine, const StreamedInpaintRequest& request) override {
        return generation::inpaint(engine, request);
    }

    std::unique_ptr<BlockingRendering> blockingRenderer() override {
        return std::make_unique<BlockingRenderingImpl>();
    }

    std::unique_ptr<DepthEstimation> loadDepthModel(const std::string& path,
                                                    const std::string& device) override {
        return std::make_unique<DepthEstimationImpl>(DepthModel::load(path, device));
    }

    ModelCheck checkUserModel(const std::string& path, const std::string& role,
                              const std::string& device) override {
        return generation::checkUserModel(path, role, device);
    }

    std::unique_ptr<RegionTracking> trackRegion(const GreyFrame& key, const std::uint8_t* region,
                                                TrackModel model,
                                                const std::vector<double>& outline) override {
        if (model == TrackModel::Dense)
            return std::make_unique<OutlineTracker>(key, region, outline);
        return std::make_unique<RegionTracker>(key, region, model);
    }

    double warpFrameThroughLens(FrameStack& frames, FrameStack& masks, int t,
                                const RadialLens& output, const Homography& outputToSource,
                                const RadialLens& source) override {
        return generation::warpFrameThroughLens(frames, masks, t, output, outputToSource, source);
    }
    double reprojectFrame(FrameStack& frames, FrameStack& masks, int t, const float* depth,
                          const PinholeCamera& from, const PinholeCamera& to) override {
        return generation::reprojectFrame(frames, masks, t, depth, from, to);
    }
    void depthOfFieldFromDepth(FrameStack& frames, int t, const float* depth, double focusDistanceM,
                               double dofScalePx) override {
        generation::depthOfFieldFromDepth(frames, t, depth, focusDistanceM, dofScalePx);
    }
};

} // namespace

} // namespace retake::generation

extern "C" __attribute__((visibility("default"))) retake::generation::Backend*
retake_generation_backend() {
    static retake::generation::LibraryBackend backend;
    return &backend;
}
