// internal: a network trained on the shot itself, saved as TorchScript and
// re-applied through the model engine.

#include "retake/generation/composite.h"
#include "retake/generation/inpaint.h"
#include "retake/generation/runtime.h"
#include "synthetic.h"

#include <cmath>
#include <cstring>
#include <filesystem>
#include <gtest/gtest.h>

using namespace retake::generation;
using namespace retake::testing;

namespace {

class Internal : public ::testing::Test {
protected:
    static void SetUpTestSuite() { configureThreads(); }
};

struct Scene {
    FrameStack truth;
    InpaintRequest request;
};

// A smooth dynamic texture (no single flow to follow) with a hole.
Scene scene() {
    Scene s;
    s.truth = dynamicTexture(4, 40, 48, 51);
    const BoxAt box = [](int t) { return Box{14 + 2 * t, 12, 10, 10}; };
    s.request.frames = withOccluder(s.truth, box);
    s.request.masks = boxMasks(4, 40, 48, box);
    s.request.params = {{"iterations", 150.0}, {"width", 16.0}, {"temporal_blend", 0.0}};
    s.request.seed = 3;
    return s;
}

} // namespace

TEST_F(Internal, LearnsTheShotWellEnoughToBeatAFlatFill) {
    Scene s = scene();
    const FrameStack out = inpaint("internal", s.request);
    const FrameStack alpha = blendWeights(s.request.masks, {}, MaskOptions{});
    EXPECT_TRUE(bitExactOutside(out, s.request.frames, alpha));
    // Flat fill: every masked pixel set to the frame's mean colour.
    FrameStack flat = s.request.frames;
    for (int t = 0; t < flat.count; ++t)
        for (int c = 0; c < 3; ++c) {
            double mean = 0;
            for (int y = 0; y < flat.height; ++y)
                for (int x = 0; x < flat.width; ++x)
                    mean += s.truth.at(t, c, y, x);
            mean /= flat.height * flat.width;
            for (int y = 0; y < flat.height; ++y)
                for (int x = 0; x < flat.width; ++x)
                    if (s.request.masks.at(t, 0, y, x) > 0.5f)
                        flat.at(t, c, y, x) = float(mean);
        }
    const double learned = psnrInMask(out, s.truth, s.request.masks);
    const double baseline = psnrInMask(flat, s.truth, s.request.masks);
    EXPECT_GT(learned, baseline + 1.0) << learned << " dB vs flat " << baseline << " dB";
}

TEST_F(Internal, SavedNetworkReappliesThroughTheModelEngine) {
    Scene s = scene();
    s.request.params["iterations"] = 20.0;
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("retake-internal-" + std::to_string(::getpid()) + ".pt"))
                                 .string();
    s.request.params["save"] = path;
    const FrameStack trained = inpaint("internal", s.request);
    ASSERT_TRUE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));

    InpaintRequest again = s.request;
    again.params = {{"model", path}, {"temporal_blend", 0.0}};
    const FrameStack reapplied = inpaint("model", again);
    std::filesystem::remove(path);
    for (std::size_t i = 0; i < trained.data.size(); ++i)
        ASSERT_NEAR(trained.data[i], reapplied.data[i], 1e-5f);
}

TEST_F(Internal, IsDeterministicOnTheCpu) {
    Scene s = scene();
    s.request.params["iterations"] = 10.0;
    const FrameStack a = inpaint("internal", s.request);
    const FrameStack b = inpaint("internal", s.request);
    EXPECT_EQ(std::memcmp(a.data.data(), b.data.data(), a.data.size() * 4), 0);
}

TEST_F(Internal, CancelledRunSavesNothing) {
    Scene s = scene();
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("retake-internal-cancel-" + std::to_string(::getpid()) + ".pt"))
                                 .string();
    s.request.params["save"] = path;
    std::atomic<bool> cancel{false};
    s.request.cancel = &cancel;
    s.request.progress = [&](double f, const std::string&) {
        if (f > 0.05)
            cancel = true;
    };
    EXPECT_THROW(inpaint("internal", s.request), InpaintCancelled);
    EXPECT_FALSE(std::filesystem::exists(path));
}
