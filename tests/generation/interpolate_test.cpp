// interpolate: frames dropped between locked anchors come back.

#include "retake/generation/composite.h"
#include "retake/generation/inpaint.h"
#include "retake/generation/runtime.h"
#include "synthetic.h"

#include <cstring>
#include <gtest/gtest.h>

using namespace retake::generation;
using namespace retake::testing;

namespace {

class Interpolate : public ::testing::Test {
protected:
    static void SetUpTestSuite() { configureThreads(); }
};

// Frames 1..gap are replaced by grey and marked for regeneration; frames 0
// and gap+1 are locked anchors.
InpaintRequest dropped(const FrameStack& truth, int gap) {
    InpaintRequest r;
    r.frames = truth;
    r.masks = FrameStack(truth.count, 1, truth.height, truth.width);
    r.locked.assign(std::size_t(truth.count), false);
    r.locked[0] = true;
    r.locked[std::size_t(gap + 1)] = true;
    for (int t = 1; t <= gap; ++t) {
        std::fill(r.frames.frame(t), r.frames.frame(t) + truth.frameSize(), 0.5f);
        std::fill(r.masks.frame(t), r.masks.frame(t) + r.masks.frameSize(), 1.0f);
    }
    return r;
}

} // namespace

TEST_F(Interpolate, RebuildsDroppedFramesOfAPan) {
    const Texture texture = makeTexture(220, 140, 31);
    for (int gap : {1, 4}) {
        const FrameStack truth = movingCamera(texture, gap + 2, 72, 96, 3.0f, 1.0f);
        const InpaintRequest r = dropped(truth, gap);
        const FrameStack out = inpaint("interpolate", r);
        EXPECT_GT(psnrInMask(out, truth, r.masks), 28.0) << gap << " frames dropped";
        EXPECT_EQ(std::memcmp(out.frame(0), truth.frame(0), truth.frameSize() * 4), 0);
        EXPECT_EQ(std::memcmp(out.frame(gap + 1), truth.frame(gap + 1), truth.frameSize() * 4), 0);
    }
}

TEST_F(Interpolate, HandlesSeveralGapsAndPartialMasks) {
    const Texture texture = makeTexture(220, 140, 32);
    const FrameStack truth = movingCamera(texture, 9, 48, 64, 2.0f, 0.0f);
    InpaintRequest r;
    r.frames = truth;
    r.masks = FrameStack(9, 1, 48, 64);
    for (int t : {1, 2, 5}) // two gaps: 1-2 and 5
        std::fill(r.masks.frame(t), r.masks.frame(t) + r.masks.frameSize(), 1.0f);
    for (int y = 10; y < 20; ++y) // a partial mask on frame 7
        for (int x = 10; x < 30; ++x)
            r.masks.at(7, 0, y, x) = 1.0f;
    for (int t : {1, 2, 5, 7})
        for (std::size_t i = 0; i < r.masks.frameSize(); ++i)
            if (r.masks.frame(t)[i] > 0.5f)
                for (int c = 0; c < 3; ++c)
                    r.frames.frame(t)[truth.planeSize() * std::size_t(c) + i] = 0.0f;
    const FrameStack out = inpaint("interpolate", r);
    EXPECT_GT(psnrInMask(out, truth, r.masks), 26.0);
    MaskOptions o;
    EXPECT_TRUE(bitExactOutside(out, r.frames, blendWeights(r.masks, r.locked, o)));
}

TEST_F(Interpolate, HoldsTheOnlyAnchorAtTheClipEnd) {
    const Texture texture = makeTexture(120, 100, 33);
    const FrameStack truth = movingCamera(texture, 4, 32, 48, 1.0f, 0.0f);
    InpaintRequest r;
    r.frames = truth;
    r.masks = FrameStack(4, 1, 32, 48);
    for (int t : {2, 3})
        std::fill(r.masks.frame(t), r.masks.frame(t) + r.masks.frameSize(), 1.0f);
    const FrameStack out = inpaint("interpolate", r);
    EXPECT_EQ(std::memcmp(out.frame(3), truth.frame(1), truth.frameSize() * 4), 0);
}
