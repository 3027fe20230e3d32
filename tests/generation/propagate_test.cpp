// propagate on ground truth the test makes: object removal over a moving
// camera, a logo on a static shot, clean plates, locked frames, chunking.

#include "retake/generation/composite.h"
#include "retake/generation/inpaint.h"
#include "retake/generation/runtime.h"
#include "synthetic.h"

#include <cmath>
#include <cstring>
#include <gtest/gtest.h>

using namespace retake::generation;
using namespace retake::testing;

namespace {

class Propagate : public ::testing::Test {
protected:
    static void SetUpTestSuite() { configureThreads(); }
};

struct Scene {
    FrameStack truth;
    InpaintRequest request;
};

// A camera panning right (the background moves left in the frame) and an
// object moving right across it.
Scene movingCameraScene(int count, int h, int w) {
    const Texture texture = makeTexture(w + 3 * count + 20, h + count + 20, 21);
    Scene s;
    s.truth = movingCamera(texture, count, h, w, 2.5f, 0.75f);
    const BoxAt box = [](int t) { return Box{10 + 3 * t, 20, 14, 14}; };
    s.request.frames = withOccluder(s.truth, box);
    s.request.masks = boxMasks(count, h, w, box);
    return s;
}

MaskOptions optionsOf(const InpaintRequest& r) {
    MaskOptions o;
    auto number = [&](const char* name, int fallback) {
        auto it = r.params.find(name);
        return it == r.params.end() ? fallback : int(std::get<double>(it->second));
    };
    o.dilate = number("dilate", 4);
    o.feather = number("feather", 3);
    o.temporalBlend = number("temporal_blend", 0);
    return o;
}

void expectBitExact(const FrameStack& out, const InpaintRequest& r) {
    const FrameStack alpha = blendWeights(r.masks, r.locked, optionsOf(r));
    EXPECT_TRUE(bitExactOutside(out, r.frames, alpha));
}

} // namespace

TEST_F(Propagate, RemovesAnObjectFromAMovingCameraShot) {
    Scene s = movingCameraScene(12, 72, 96);
    const FrameStack out = inpaint("propagate", s.request);
    const double psnr = psnrInMask(out, s.truth, s.request.masks);
    const double before = psnrInMask(s.request.frames, s.truth, s.request.masks);
    EXPECT_GT(psnr, 30.0) << "input was " << before << " dB";
    EXPECT_GT(ssimInMask(out, s.truth, s.request.masks), 0.85);
    expectBitExact(out, s.request);
}

TEST_F(Propagate, OutsideTheUserMaskIsBitExactWithoutDilation) {
    Scene s = movingCameraScene(6, 48, 64);
    s.request.params = {{"dilate", 0.0}, {"feather", 0.0}};
    const FrameStack out = inpaint("propagate", s.request);
    for (std::size_t t = 0; t < std::size_t(out.count); ++t)
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < out.height; ++y)
                for (int x = 0; x < out.width; ++x)
                    if (s.request.masks.at(int(t), 0, y, x) <= 0.5f) {
                        const float a = out.at(int(t), c, y, x);
                        const float b = s.request.frames.at(int(t), c, y, x);
                        ASSERT_EQ(std::memcmp(&a, &b, 4), 0);
                    }
}

TEST_F(Propagate, IsDeterministic) {
    Scene s = movingCameraScene(6, 48, 64);
    s.request.seed = 7;
    const FrameStack a = inpaint("propagate", s.request);
    const FrameStack b = inpaint("propagate", s.request);
    EXPECT_EQ(std::memcmp(a.data.data(), b.data.data(), a.data.size() * 4), 0);
}

TEST_F(Propagate, FillsAStaticLogoSpatiallyAndStably) {
    const int count = 8, h = 64, w = 80;
    const Texture texture = makeTexture(w + 20, h + 20, 4);
    const FrameStack truth = movingCamera(texture, count, h, w, 0.0f, 0.0f);
    const BoxAt logo = [](int) { return Box{30, 24, 14, 10}; };
    InpaintRequest r;
    r.frames = withOccluder(truth, logo);
    r.masks = boxMasks(count, h, w, logo);
    const FrameStack out = inpaint("propagate", r);
    expectBitExact(out, r);
    // No frame saw the background: the fill is invented, so ask only that it
    // beats a flat mean and that every frame shows the same fill.
    double flatError = 0, fillError = 0;
    double mean[3] = {0, 0, 0};
    for (int c = 0; c < 3; ++c) {
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                mean[c] += truth.at(0, c, y, x);
        mean[c] /= h * w;
    }
    float maxFlicker = 0;
    for (int t = 0; t < count; ++t)
        for (int c = 0; c < 3; ++c)
            for (int y = 24; y < 34; ++y)
                for (int x = 30; x < 44; ++x) {
                    const double gt = truth.at(t, c, y, x);
                    flatError += (mean[c] - gt) * (mean[c] - gt);
                    fillError += (out.at(t, c, y, x) - gt) * (out.at(t, c, y, x) - gt);
                    if (t > 0)
                        maxFlicker = std::max(
                            maxFlicker, std::abs(out.at(t, c, y, x) - out.at(t - 1, c, y, x)));
                }
    EXPECT_LT(fillError, flatError);
    EXPECT_LT(maxFlicker, 0.02f);
    // The fill has texture, not a smooth blur: its variance is like the scene's.
    double var = 0, m = 0;
    for (int y = 24; y < 34; ++y)
        for (int x = 30; x < 44; ++x)
            m += out.at(0, 1, y, x);
    m /= 140;
    for (int y = 24; y < 34; ++y)
        for (int x = 30; x < 44; ++x)
            var += (out.at(0, 1, y, x) - m) * (out.at(0, 1, y, x) - m);
    EXPECT_GT(var / 140, 0.001);
}

TEST_F(Propagate, UsesACleanPlate) {
    const int count = 5, h = 48, w = 64;
    const Texture texture = makeTexture(w + 20, h + 20, 8);
    const FrameStack truth = movingCamera(texture, count, h, w, 0.0f, 0.0f);
    const BoxAt logo = [](int) { return Box{20, 14, 20, 16}; };
    InpaintRequest r;
    r.frames = withOccluder(truth, logo);
    r.masks = boxMasks(count, h, w, logo);
    r.reference = FrameStack(1, 3, h, w);
    std::copy(truth.frame(0), truth.frame(1), r.reference.data.begin());
    const FrameStack out = inpaint("propagate", r);
    EXPECT_GT(psnrInMask(out, truth, r.masks), 40.0);
    expectBitExact(out, r);
}

TEST_F(Propagate, CopiesFromALockedFrame) {
    // Static shot, fixed mask: nothing to propagate, except that frame 0 was
    // painted clean by hand and locked, and its mask cleared (a masked pixel
    // is never a source, on a locked frame neither: see the next test).
    const int count = 6, h = 48, w = 64;
    const Texture texture = makeTexture(w + 20, h + 20, 9);
    const FrameStack truth = movingCamera(texture, count, h, w, 0.0f, 0.0f);
    const BoxAt logo = [](int) { return Box{20, 14, 16, 14}; };
    InpaintRequest r;
    r.frames = withOccluder(truth, logo);
    std::copy(truth.frame(0), truth.frame(1), r.frames.data.begin());
    r.masks = boxMasks(count, h, w, logo);
    std::fill(r.masks.frame(0), r.masks.frame(1), 0.0f);
    r.locked = {true, false, false, false, false, false};
    const FrameStack out = inpaint("propagate", r);
    EXPECT_GT(psnrInMask(out, truth, r.masks), 40.0);
    expectBitExact(out, r);
    EXPECT_EQ(std::memcmp(out.frame(0), r.frames.frame(0), out.frameSize() * 4), 0);
}

TEST_F(Propagate, ChunksOverlapWithoutLosingQuality) {
    Scene s = movingCameraScene(20, 64, 96);
    const double whole = psnrInMask(inpaint("propagate", s.request), s.truth, s.request.masks);
    s.request.params = {{"chunk_frames", 8.0}, {"chunk_overlap", 3.0}};
    const FrameStack out = inpaint("propagate", s.request);
    // Short chunks see fewer frames, so a few pixels have to be invented.
    const double chunked = psnrInMask(out, s.truth, s.request.masks);
    EXPECT_GT(chunked, whole - 6.0) << "whole clip " << whole << " dB";
    EXPECT_GT(chunked, 24.0);
    expectBitExact(out, s.request);
}

TEST_F(Propagate, TemporalBlendFadesTheRangeIn) {
    Scene s = movingCameraScene(10, 48, 64);
    // Only frames 3..8 are regenerated; frames 2 and 9 are not.
    for (int t : {0, 1, 2, 9}) {
        std::fill(s.request.masks.frame(t), s.request.masks.frame(t) + s.request.masks.frameSize(),
                  0.0f);
        std::copy(s.truth.frame(t), s.truth.frame(t + 1), s.request.frames.frame(t));
    }
    s.request.params = {{"temporal_blend", 2.0}};
    const FrameStack out = inpaint("propagate", s.request);
    expectBitExact(out, s.request);
    // Frame 3 is a third engine, two thirds source: between the two.
    const int y = 25, x = 10 + 9 + 3;
    const float src = s.request.frames.at(3, 0, y, x);
    const float full = s.truth.at(3, 0, y, x);
    const float got = out.at(3, 0, y, x);
    EXPECT_NEAR(got, src + (full - src) / 3.0f, 0.08f);
}

TEST_F(Propagate, InPlaceOverloadGivesTheSameResult) {
    Scene s = movingCameraScene(14, 48, 64);
    s.request.params = {{"chunk_frames", 6.0}, {"chunk_overlap", 2.0}};
    const FrameStack copied = inpaint("propagate", s.request);
    InpaintRequest moved = s.request;
    const FrameStack inPlace = inpaint("propagate", std::move(moved));
    EXPECT_EQ(std::memcmp(copied.data.data(), inPlace.data.data(), copied.data.size() * 4), 0);
}

TEST_F(Propagate, AFullyMaskedFrameTakesNoSourcePixels) {
    Scene s = movingCameraScene(8, 48, 64);
    std::fill(s.request.masks.frame(4), s.request.masks.frame(5), 1.0f);
    for (int c = 0; c < 3; ++c)
        std::fill(s.request.frames.frame(4) + s.request.frames.planeSize() * std::size_t(c),
                  s.request.frames.frame(4) + s.request.frames.planeSize() * std::size_t(c + 1),
                  c == 1 ? 0.0f : 1.0f); // magenta
    const FrameStack out = inpaint("propagate", s.request);
    int magenta = 0;
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            magenta += out.at(4, 0, y, x) > 0.95f && out.at(4, 1, y, x) < 0.05f &&
                       out.at(4, 2, y, x) > 0.95f;
    EXPECT_EQ(magenta, 0);
    FrameStack mask4 = s.request.masks;
    for (int t = 0; t < 8; ++t)
        if (t != 4)
            std::fill(mask4.frame(t), mask4.frame(t + 1), 0.0f);
    EXPECT_GT(psnrInMask(out, s.truth, mask4), 18.0);
}

TEST_F(Propagate, DoesNotCopyAMaskedLogoBackFromLockedFrames) {
    // A logo burnt into the whole pan, the first frames locked (approved as
    // they are): the logo they still show must not be propagated into the
    // regenerated frames; the background seen around it must.
    const int count = 8, h = 48, w = 64;
    const Texture texture = makeTexture(w + 60, h + 20, 10);
    const FrameStack truth = movingCamera(texture, count, h, w, 3.0f, 0.0f);
    const BoxAt logo = [](int) { return Box{24, 14, 12, 12}; };
    InpaintRequest r;
    r.frames = withOccluder(truth, logo);
    r.masks = boxMasks(count, h, w, logo);
    r.locked = {true, true, true, false, false, false, false, false};
    r.params = {{"temporal_blend", 0.0}};
    const FrameStack out = inpaint("propagate", r);
    expectBitExact(out, r);
    FrameStack unlockedMask = r.masks;
    for (int t = 0; t < 3; ++t)
        std::fill(unlockedMask.frame(t), unlockedMask.frame(t) + unlockedMask.planeSize(), 0.0f);
    const double withLogoCopied = psnrInMask(r.frames, truth, unlockedMask);
    EXPECT_GT(psnrInMask(out, truth, unlockedMask), withLogoCopied + 10.0)
        << "logo left in: " << withLogoCopied << " dB";
}
