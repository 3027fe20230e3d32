// The streamed run (FrameStream): a long clip is read and written one frame
// at a time, in order, while memory holds one chunk; the result is the same
// as the in-memory run's, and errors and cancels end it at once.

#include "retake/generation/inpaint.h"
#include "retake/generation/runtime.h"
#include "synthetic.h"

#include <algorithm>
#include <cstring>
#include <gtest/gtest.h>
#include <stdexcept>

using namespace retake::generation;
using namespace retake::testing;

namespace {

class Stream : public ::testing::Test {
protected:
    static void SetUpTestSuite() { configureThreads(); }
};

// Serves an in-memory clip and records every call: order, and how many frames
// were read but not yet written (what a streamed run has to hold).
class RecordingStream : public FrameStream {
public:
    RecordingStream(const FrameStack& frames, const FrameStack& masks)
        : frames_(frames)
        , masks_(masks)
        , written(frames.count, 3, frames.height, frames.width, -1.0f) {}
    int count() const override { return frames_.count; }
    int height() const override { return frames_.height; }
    int width() const override { return frames_.width; }
    void readMask(int t, float* mask) override {
        EXPECT_EQ(framesRead, 0) << "a mask was read after the pictures started";
        EXPECT_EQ(t, masksRead) << "masks out of order";
        ++masksRead;
        std::copy(masks_.frame(t), masks_.frame(t) + masks_.planeSize(), mask);
    }
    void readFrame(int t, float* rgb, float* mask) override {
        EXPECT_EQ(t, framesRead) << "frames out of order or read twice";
        if (t == failAt)
            throw std::runtime_error("disk went away");
        ++framesRead;
        std::copy(frames_.frame(t), frames_.frame(t) + frames_.frameSize(), rgb);
        std::copy(masks_.frame(t), masks_.frame(t) + masks_.planeSize(), mask);
        mostHeld = std::max(mostHeld, framesRead - framesWritten);
    }
    void writeFrame(int t, const float* rgb) override {
        EXPECT_EQ(t, framesWritten) << "frames written out of order or twice";
        EXPECT_LT(t, framesRead) << "frame written before it was read";
        ++framesWritten;
        std::copy(rgb, rgb + written.frameSize(), written.frame(t));
        if (t == cancelAt && cancel)
            cancel->store(true);
    }

    int masksRead = 0;
    int framesRead = 0;
    int framesWritten = 0;
    int mostHeld = 0;
    int failAt = -1;
    int cancelAt = -1;
    std::atomic<bool>* cancel = nullptr;
    FrameStack written;

private:
    const FrameStack& frames_;
    const FrameStack& masks_;
};

struct Clip {
    FrameStack truth;
    FrameStack frames;
    FrameStack masks;
};

// 40 frames of a panning camera; an object to remove on frames 6..33 only.
Clip longClip() {
    const int count = 40, h = 40, w = 56;
    const Texture texture = makeTexture(w + 3 * count + 20, h + count + 20, 5);
    Clip c;
    c.truth = movingCamera(texture, count, h, w, 2.0f, 0.5f);
    const BoxAt box = [](int t) { return Box{4 + t, 12, 10, 10}; };
    c.frames = withOccluder(c.truth, box);
    c.masks = boxMasks(count, h, w, box);
    for (int t = 0; t < count; ++t)
        if (t < 6 || t > 33)
            std::fill(c.masks.frame(t), c.masks.frame(t) + c.masks.planeSize(), 0.0f);
    return c;
}

} // namespace

TEST_F(Stream, HoldsOneChunkAndGivesTheInMemoryResult) {
    const Clip clip = longClip();
    RecordingStream stream(clip.frames, clip.masks);
    StreamedInpaintRequest request;
    request.stream = &stream;
    request.locked.assign(40, false);
    for (int t = 0; t < 3; ++t)
        request.locked[std::size_t(t)] = true;
    request.params = {{"chunk_frames", 8.0}, {"chunk_overlap", 2.0}};
    ASSERT_TRUE(inpaint("propagate", request));

    EXPECT_EQ(stream.masksRead, 40);
    EXPECT_EQ(stream.framesRead, 40);
    EXPECT_EQ(stream.framesWritten, 40);
    EXPECT_LE(stream.mostHeld, 8) << "more than one chunk of frames was held";
    EXPECT_GE(stream.mostHeld, 2);

    InpaintRequest inMemory;
    static_cast<InpaintSettings&>(inMemory) = request;
    inMemory.frames = clip.frames;
    inMemory.masks = clip.masks;
    const FrameStack expected = inpaint("propagate", inMemory);
    ASSERT_EQ(std::memcmp(expected.data.data(), stream.written.data.data(),
                          expected.data.size() * sizeof(float)),
              0);
    // Frames without a mask (and the locked ones) come back bit-exact; the
    // masked ones were regenerated toward the truth.
    for (int t : {0, 2, 5, 34, 39})
        EXPECT_EQ(std::memcmp(stream.written.frame(t), clip.frames.frame(t),
                              clip.frames.frameSize() * sizeof(float)),
                  0)
            << "frame " << t;
    EXPECT_GT(psnrInMask(stream.written, clip.truth, clip.masks),
              psnrInMask(clip.frames, clip.truth, clip.masks) + 10.0);
}

TEST_F(Stream, ShortensChunksToTheMemoryBudget) {
    // 40x56 frames take 45 bytes a pixel in a chunk: 100800 bytes a frame, so
    // a 0.5 MB budget fits 5 frames where 32 were asked for.
    const Clip clip = longClip();
    RecordingStream stream(clip.frames, clip.masks);
    StreamedInpaintRequest request;
    request.stream = &stream;
    request.params = {{"chunk_memory_mb", 0.5}};
    ASSERT_TRUE(inpaint("propagate", request));
    EXPECT_EQ(stream.framesWritten, 40);
    EXPECT_EQ(stream.mostHeld, 5);
    EXPECT_GT(psnrInMask(stream.written, clip.truth, clip.masks),
              psnrInMask(clip.frames, clip.truth, clip.masks) + 10.0);

    RecordingStream unlimited(clip.frames, clip.masks);
    request.stream = &unlimited;
    request.params = {{"chunk_memory_mb", 0.0}};
    ASSERT_TRUE(inpaint("propagate", request));
    EXPECT_EQ(unlimited.mostHeld, 32);
}

TEST_F(Stream, PassesFramesThroughWhenNothingIsMaskedIfAsked) {
    Clip clip = longClip();
    std::fill(clip.masks.data.begin(), clip.masks.data.end(), 0.0f);
    RecordingStream stream(clip.frames, clip.masks);
    StreamedInpaintRequest request;
    request.stream = &stream;
    try {
        inpaint("propagate", request);
        FAIL() << "an empty mask must be reported";
    } catch (const InpaintError& e) {
        EXPECT_EQ(e.kind(), InpaintErrorKind::NothingToDo);
    }
    EXPECT_EQ(stream.framesWritten, 0);

    RecordingStream again(clip.frames, clip.masks);
    request.stream = &again;
    request.passThroughWhenNothingToDo = true;
    EXPECT_FALSE(inpaint("propagate", request));
    EXPECT_EQ(again.framesWritten, 40);
    EXPECT_EQ(std::memcmp(again.written.data.data(), clip.frames.data.data(),
                          clip.frames.data.size() * sizeof(float)),
              0);
}

TEST_F(Stream, AReadErrorEndsTheRunWithTheStreamsMessage) {
    const Clip clip = longClip();
    RecordingStream stream(clip.frames, clip.masks);
    stream.failAt = 20;
    StreamedInpaintRequest request;
    request.stream = &stream;
    request.params = {{"chunk_frames", 8.0}, {"chunk_overlap", 2.0}};
    try {
        inpaint("propagate", request);
        FAIL() << "the stream's error must reach the caller";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "disk went away");
    }
    EXPECT_LT(stream.framesWritten, 20);
}

TEST_F(Stream, CancelStopsWithinAChunk) {
    const Clip clip = longClip();
    std::atomic<bool> cancel{false};
    RecordingStream stream(clip.frames, clip.masks);
    stream.cancel = &cancel;
    stream.cancelAt = 10;
    StreamedInpaintRequest request;
    request.stream = &stream;
    request.cancel = &cancel;
    request.params = {{"chunk_frames", 8.0}, {"chunk_overlap", 2.0}};
    EXPECT_THROW(inpaint("propagate", request), InpaintCancelled);
    EXPECT_LE(stream.framesWritten, 10 + 8);
    EXPECT_LT(stream.framesWritten, 40);
}

TEST_F(Stream, ReportsAMissingStreamAndWrongLockCount) {
    StreamedInpaintRequest request;
    EXPECT_THROW(inpaint("propagate", request), InpaintError);
    const Clip clip = longClip();
    RecordingStream stream(clip.frames, clip.masks);
    request.stream = &stream;
    request.locked.assign(3, false);
    try {
        inpaint("propagate", request);
        FAIL();
    } catch (const InpaintError& e) {
        EXPECT_EQ(e.kind(), InpaintErrorKind::BadInput);
        EXPECT_NE(std::string(e.what()).find("3 locked flags for 40 frames"), std::string::npos)
            << e.what();
    }
}
