// The inpaint() contract: validation messages, error kinds, progress and
// cancellation, for every engine that needs no model file.

#include "retake/generation/inpaint.h"
#include "retake/generation/runtime.h"
#include "synthetic.h"

#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>

using namespace retake::generation;
using namespace retake::testing;

namespace {

class Api : public ::testing::Test {
protected:
    static void SetUpTestSuite() { configureThreads(); }

    InpaintRequest request(int count = 6, int h = 48, int w = 64) {
        const Texture texture = makeTexture(w + 40, h + 30, 11);
        InpaintRequest r;
        r.frames = movingCamera(texture, count, h, w, 2.0f, 1.0f);
        r.masks = boxMasks(count, h, w, [](int t) { return Box{20 + t, 16, 12, 10}; });
        return r;
    }
};

std::string messageOf(const std::string& engine, const InpaintRequest& r, InpaintErrorKind kind) {
    try {
        inpaint(engine, r);
    } catch (const InpaintError& e) {
        EXPECT_EQ(int(e.kind()), int(kind)) << e.what();
        return e.what();
    }
    ADD_FAILURE() << "no error";
    return {};
}

} // namespace

TEST_F(Api, MaskCountMustMatchFrames) {
    InpaintRequest r = request();
    r.masks = FrameStack(5, 1, 48, 64);
    EXPECT_EQ(messageOf("propagate", r, InpaintErrorKind::BadInput),
              "there are 5 masks for 6 frames; give one mask per frame");
}

TEST_F(Api, MaskSizeMustMatchFrames) {
    InpaintRequest r = request();
    r.masks = FrameStack(6, 1, 48, 60);
    const std::string m = messageOf("propagate", r, InpaintErrorKind::BadInput);
    EXPECT_NE(m.find("masks are [6,1,48,60] but frames are [6,3,48,64]"), std::string::npos) << m;
}

TEST_F(Api, FramesMustBeRgbAndComplete) {
    InpaintRequest r = request();
    r.frames.data.resize(10);
    EXPECT_NE(messageOf("propagate", r, InpaintErrorKind::BadInput).find("floats"),
              std::string::npos);
    InpaintRequest empty;
    EXPECT_EQ(messageOf("propagate", empty, InpaintErrorKind::BadInput), "no frames given");
}

TEST_F(Api, LockedFlagsAndReferenceShapesAreChecked) {
    InpaintRequest r = request();
    r.locked = {true, false};
    EXPECT_EQ(messageOf("propagate", r, InpaintErrorKind::BadInput),
              "there are 2 locked flags for 6 frames");
    r = request();
    r.reference = FrameStack(2, 3, 48, 64);
    EXPECT_NE(messageOf("propagate", r, InpaintErrorKind::BadInput).find("reference frames"),
              std::string::npos);
}

TEST_F(Api, EmptyMaskIsNothingToDo) {
    InpaintRequest r = request();
    std::fill(r.masks.data.begin(), r.masks.data.end(), 0.0f);
    for (const auto& engine : engineNames())
        EXPECT_EQ(messageOf(engine, r, InpaintErrorKind::NothingToDo),
                  "the mask is empty on every unlocked frame: nothing to regenerate");
    // A mask only on locked frames is also nothing to do.
    r = request();
    r.locked = {true, true, true, true, true, false};
    std::fill(r.masks.data.begin() + std::ptrdiff_t(r.masks.frameSize() * 5), r.masks.data.end(),
              0.0f);
    EXPECT_EQ(messageOf("propagate", r, InpaintErrorKind::NothingToDo),
              "the mask is empty on every unlocked frame: nothing to regenerate");
}

// The shot-trained engine was called "internal": projects and scripts that
// name it so keep working, and every list shows the present name.
TEST_F(Api, RenamedEngineIsStillAcceptedByItsFormerName) {
    const std::vector<std::string> names = engineNames();
    EXPECT_NE(std::find(names.begin(), names.end(), "shot-trained"), names.end());
    EXPECT_EQ(std::find(names.begin(), names.end(), "internal"), names.end());
    EXPECT_EQ(canonicalEngineName("internal"), "shot-trained");
    EXPECT_EQ(canonicalEngineName("propagate"), "propagate");
    EXPECT_EQ(canonicalEngineName("internals"), "");
    ASSERT_EQ(engineParameters("internal").size(), engineParameters("shot-trained").size());
    InpaintRequest r = request();
    std::fill(r.masks.data.begin(), r.masks.data.end(), 1.0f);
    const std::string m = messageOf("internal", r, InpaintErrorKind::Unfillable);
    EXPECT_NE(m.find("covers every pixel of every frame"), std::string::npos) << m;
    EXPECT_THROW(engineParameters("internals"), InpaintError);
}

TEST_F(Api, FullMaskWithoutReferenceIsUnfillable) {
    InpaintRequest r = request();
    std::fill(r.masks.data.begin(), r.masks.data.end(), 1.0f);
    for (const std::string engine : {"propagate", "interpolate", "shot-trained"}) {
        const std::string m = messageOf(engine, r, InpaintErrorKind::Unfillable);
        EXPECT_NE(m.find("covers every pixel of every frame"), std::string::npos) << m;
        EXPECT_NE(m.find("nothing to copy from"), std::string::npos) << m;
    }
}

TEST_F(Api, FullMaskWithAReferenceIsFillable) {
    InpaintRequest r = request(3, 32, 40);
    r.reference = FrameStack(1, 3, 32, 40);
    r.reference.data = std::vector<float>(
        r.frames.data.begin(), r.frames.data.begin() + std::ptrdiff_t(r.frames.frameSize()));
    std::fill(r.masks.data.begin(), r.masks.data.end(), 1.0f);
    const FrameStack out = inpaint("propagate", r);
    EXPECT_TRUE(out.sameShape(r.frames));
}

TEST_F(Api, EveryFrameLockedIsRejected) {
    InpaintRequest r = request();
    r.locked.assign(6, true);
    EXPECT_EQ(messageOf("propagate", r, InpaintErrorKind::BadInput),
              "every frame is locked, so nothing may be regenerated; unlock the frames to change");
}

TEST_F(Api, UnknownEngineAndParametersAreRejected) {
    InpaintRequest r = request();
    EXPECT_NE(messageOf("magic", r, InpaintErrorKind::BadInput).find("unknown engine 'magic'"),
              std::string::npos);
    r.params["dilat"] = 3.0;
    EXPECT_NE(messageOf("propagate", r, InpaintErrorKind::BadInput)
                  .find("the propagate engine has no parameter 'dilat'"),
              std::string::npos);
    r.params = {{"dilate", std::string("four")}};
    EXPECT_EQ(messageOf("propagate", r, InpaintErrorKind::BadInput),
              "parameter 'dilate' must be a number, got 'four'");
    r.params = {{"flow_preset", std::string("slow")}};
    EXPECT_EQ(messageOf("propagate", r, InpaintErrorKind::BadInput),
              "flow_preset must be ultrafast, fast or medium, got 'slow'");
    r.params = {{"dilate", std::string("2")}}; // numbers may arrive as text
    EXPECT_NO_THROW(inpaint("propagate", r));
}

TEST_F(Api, EveryEngineDocumentsItsParameters) {
    for (const auto& engine : engineNames()) {
        const auto params = engineParameters(engine);
        EXPECT_FALSE(params.empty());
        for (const auto& p : params)
            EXPECT_FALSE(p.description.empty()) << engine << " " << p.name;
    }
}

TEST_F(Api, CudaRequestedWithoutCudaIsExplained) {
    if (cudaAvailable())
        GTEST_SKIP() << "a CUDA device is present";
    InpaintRequest r = request();
    r.device = "cuda";
    r.params["iterations"] = 1.0;
    const std::string m = messageOf("internal", r, InpaintErrorKind::BadInput);
    EXPECT_NE(m.find("no CUDA device"), std::string::npos) << m;
}

TEST_F(Api, ProgressIsMonotonicAndEnds) {
    InpaintRequest r = request(12);
    r.params["chunk_frames"] = 6.0;
    r.params["chunk_overlap"] = 2.0;
    std::vector<double> fractions;
    r.progress = [&](double f, const std::string&) { fractions.push_back(f); };
    inpaint("propagate", r);
    ASSERT_GE(fractions.size(), 4u);
    for (std::size_t i = 1; i < fractions.size(); ++i)
        EXPECT_GE(fractions[i], fractions[i - 1]);
    EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
}

namespace {

// Sets the cancel flag the first time `stage` is reported; the run must
// throw InpaintCancelled within a second of that.
void expectCancelledIn(const std::string& engine, InpaintRequest r, const std::string& stage) {
    std::atomic<bool> cancel{false};
    std::chrono::steady_clock::time_point setAt;
    bool seen = false;
    r.cancel = &cancel;
    r.progress = [&](double, const std::string& s) {
        if (s == stage && !seen) {
            seen = true;
            setAt = std::chrono::steady_clock::now();
            cancel = true;
        }
    };
    try {
        inpaint(engine, r);
        ADD_FAILURE() << engine << ": not cancelled in stage " << stage;
    } catch (const InpaintCancelled& e) {
        EXPECT_TRUE(seen);
        EXPECT_EQ(int(e.kind()), int(InpaintErrorKind::Cancelled));
        const auto latency = std::chrono::steady_clock::now() - setAt;
        EXPECT_LT(latency, std::chrono::seconds(1)) << engine << " " << stage;
    }
}

} // namespace

TEST_F(Api, CancelsInEveryStage) {
    InpaintRequest r = request(8);
    // Make the same-place mask static so the spatial fill stage runs too.
    r.frames = movingCamera(makeTexture(120, 90, 5), 8, 48, 64, 0.0f, 0.0f);
    r.masks = boxMasks(8, 48, 64, [](int) { return Box{20, 16, 12, 10}; });
    for (const std::string stage :
         {"masks", "optical flow", "propagation", "spatial fill", "compositing"})
        expectCancelledIn("propagate", r, stage);
    InpaintRequest withPlate = r;
    withPlate.reference = FrameStack(1, 3, 48, 64, 0.5f);
    expectCancelledIn("propagate", withPlate, "reference frames");

    InpaintRequest gap = request(6);
    gap.locked = {true, false, false, false, false, true};
    std::fill(gap.masks.data.begin(), gap.masks.data.end(), 1.0f);
    for (const std::string stage : {"optical flow", "interpolation"})
        expectCancelledIn("interpolate", gap, stage);

    InpaintRequest train = request(4, 32, 32);
    train.params["iterations"] = 2000.0;
    train.params["width"] = 8.0;
    expectCancelledIn("internal", train, "training");
    train.params["iterations"] = 3.0;
    expectCancelledIn("internal", train, "applying");
}

TEST_F(Api, CancelFlagSetBeforehandStopsAtOnce) {
    InpaintRequest r = request();
    std::atomic<bool> cancel{true};
    r.cancel = &cancel;
    EXPECT_THROW(inpaint("propagate", r), InpaintCancelled);
}
