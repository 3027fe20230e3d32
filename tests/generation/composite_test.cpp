// The compositing rule (composite.h): what may change and what must not.

#include "retake/generation/composite.h"
#include "synthetic.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace retake::generation;
using namespace retake::testing;

namespace {

FrameStack singleBox(int count, int h, int w, Box box) {
    return boxMasks(count, h, w, [box](int) { return box; });
}

} // namespace

TEST(Composite, AlphaIsOneOnMaskRampsInBandZeroBeyond) {
    const FrameStack masks = singleBox(1, 32, 48, {20, 10, 4, 4});
    MaskOptions options;
    options.dilate = 4;
    options.feather = 3;
    const FrameStack alpha = blendWeights(masks, {}, options);
    EXPECT_EQ(alpha.at(0, 0, 12, 21), 1.0f);        // user mask
    EXPECT_EQ(alpha.at(0, 0, 12, 24), 1.0f);        // d = 1
    EXPECT_FLOAT_EQ(alpha.at(0, 0, 12, 25), 0.75f); // d = 2
    EXPECT_FLOAT_EQ(alpha.at(0, 0, 12, 26), 0.5f);
    EXPECT_FLOAT_EQ(alpha.at(0, 0, 12, 27), 0.25f); // d = 4 = dilate
    EXPECT_EQ(alpha.at(0, 0, 12, 28), 0.0f);        // beyond dilate
    EXPECT_EQ(alpha.at(0, 0, 0, 0), 0.0f);
}

TEST(Composite, NoDilationMeansOnlyTheUserMask) {
    const FrameStack masks = singleBox(1, 16, 16, {4, 4, 5, 5});
    MaskOptions options;
    options.dilate = 0;
    options.feather = 0;
    const FrameStack alpha = blendWeights(masks, {}, options);
    for (std::size_t i = 0; i < alpha.data.size(); ++i)
        EXPECT_EQ(alpha.data[i], masks.data[i] > 0.5f ? 1.0f : 0.0f);
}

TEST(Composite, LockedFramesAndUnmaskedFramesHaveZeroAlpha) {
    const FrameStack masks = singleBox(3, 16, 16, {4, 4, 5, 5});
    const FrameStack alpha = blendWeights(masks, {false, true, false}, MaskOptions{});
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x)
            EXPECT_EQ(alpha.at(1, 0, y, x), 0.0f);
    EXPECT_EQ(alpha.at(0, 0, 6, 6), 1.0f);
}

TEST(Composite, TemporalBlendFadesRangeEndsNextToUnregeneratedFrames) {
    // Frames 2..7 masked inside a 10-frame clip; frame 0 masked at the clip start.
    FrameStack masks(10, 1, 8, 8);
    for (int t : {0, 2, 3, 4, 5, 6, 7})
        masks.at(t, 0, 4, 4) = 1.0f;
    MaskOptions options;
    options.dilate = 0;
    options.temporalBlend = 2;
    const FrameStack alpha = blendWeights(masks, {}, options);
    auto a = [&](int t) { return alpha.at(t, 0, 4, 4); };
    // Frame 0 borders frame 1 (unmasked): faded. Clip start is not a border.
    EXPECT_FLOAT_EQ(a(0), 1.0f / 3.0f);
    EXPECT_FLOAT_EQ(a(2), 1.0f / 3.0f);
    EXPECT_FLOAT_EQ(a(3), 2.0f / 3.0f);
    EXPECT_FLOAT_EQ(a(4), 1.0f);
    EXPECT_FLOAT_EQ(a(5), 1.0f);
    EXPECT_FLOAT_EQ(a(6), 2.0f / 3.0f);
    EXPECT_FLOAT_EQ(a(7), 1.0f / 3.0f);
    EXPECT_EQ(a(8), 0.0f);
}

TEST(Composite, SourceIsBitExactWhereAlphaIsZeroWhateverTheEngineReturns) {
    const Texture texture = makeTexture(96, 80, 3);
    const FrameStack source = movingCamera(texture, 3, 40, 48, 1.3f, 0.4f);
    FrameStack engine(3, 3, 40, 48);
    for (std::size_t i = 0; i < engine.data.size(); ++i)
        engine.data[i] = i % 3 == 0   ? std::numeric_limits<float>::quiet_NaN()
                         : i % 3 == 1 ? std::numeric_limits<float>::infinity()
                                      : -7.0f;
    const FrameStack masks = singleBox(3, 40, 48, {10, 10, 12, 8});
    const FrameStack alpha = blendWeights(masks, {false, true, false}, MaskOptions{});
    const FrameStack out = composite(source, engine, alpha);
    EXPECT_TRUE(bitExactOutside(out, source, alpha));
    // Inside the user mask the engine's value is taken as is.
    EXPECT_EQ(out.at(0, 2, 14, 14), -7.0f);
}

TEST(Composite, RejectsMismatchedShapes) {
    const FrameStack source(2, 3, 8, 8);
    const FrameStack engine(2, 3, 8, 9);
    const FrameStack alpha(2, 1, 8, 8);
    EXPECT_THROW(composite(source, engine, alpha), std::runtime_error);
}
