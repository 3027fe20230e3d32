#pragma once

// Internal contract between the driver (inpaint.cpp) and the engines,
// private to generation/ (engines may use torch and OpenCV behind it).
//
// Threading: one Engine per inpaint() call, used on the calling thread only.

#include "retake/generation/inpaint.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace retake::generation::detail {

// Validated parameters: every key the engine knows is present (defaults
// merged), with the type its default has.
class Params {
public:
    Params(const std::string& engine, const EngineParams& given);
    double number(const std::string& name) const;
    int integer(const std::string& name) const;
    const std::string& text(const std::string& name) const;

private:
    std::string engine_;
    EngineParams values_;
};

// Progress and cancellation for one run. Engines report fractions of their
// own chunk; the context maps them onto the whole run.
class RunContext {
public:
    RunContext(const ProgressCallback& callback, const std::atomic<bool>* cancel)
        : callback_(callback)
        , cancel_(cancel) {}
    void checkCancelled() const {
        if (cancel_ && cancel_->load(std::memory_order_relaxed))
            throw InpaintCancelled();
    }
    void setSpan(double begin, double end) {
        begin_ = begin;
        end_ = end;
    }
    // Also a cancellation point: every engine reports between units of work.
    void report(double fraction, const std::string& stage) const {
        checkCancelled();
        if (callback_)
            callback_(begin_ + (end_ - begin_) * std::min(1.0, std::max(0.0, fraction)), stage);
    }

private:
    const ProgressCallback& callback_;
    const std::atomic<bool>* cancel_;
    double begin_ = 0.0;
    double end_ = 1.0;
};

// One temporal chunk. frames points into the caller's stack (not copied).
struct Chunk {
    int first = 0; // index of frames[0] in the clip
    int count = 0;
    int height = 0;
    int width = 0;
    const float* frames = nullptr; // [count,3,H,W]
    // [count,H,W]; 1 = unknown: the (dilated) mask. The engine produces these
    // pixels on active frames; on locked frames they keep their source values
    // whatever the engine writes, but are never a source: they show what the
    // user wants gone.
    std::vector<std::uint8_t> fill;
    std::vector<bool> active; // frame has fill pixels and is not locked
    std::vector<bool> locked;
    const FrameStack* reference = nullptr; // empty stack when none
    std::uint64_t seed = 0;
    std::string prompt;
    std::string device;

    std::size_t plane() const { return std::size_t(height) * width; }
    const float* frame(int t) const { return frames + plane() * 3 * t; }
    const std::uint8_t* fillOf(int t) const { return fill.data() + plane() * t; }
};

class Engine {
public:
    virtual ~Engine() = default;
    // Runs on one chunk. `out` ([count,3,H,W]) holds a copy of the chunk's
    // frames; the engine overwrites at least every fill pixel.
    virtual void run(const Chunk& chunk, RunContext& context, float* out) = 0;
    // Called once after every chunk ran.
    virtual void finish() {}
    // Engines that only copy pixels seen elsewhere cannot fill a clip with
    // nothing visible anywhere; a generative model can.
    virtual bool needsKnownPixels() const { return true; }
    // Interpolation needs both anchors of a gap in the same chunk, so it is
    // handed one gap (plus its anchors) at a time instead of fixed chunks.
    virtual bool chunkPerGap() const { return false; }
    // Engines whose later chunks build on what earlier ones learnt (a
    // network trained further on each) cannot run their chunks apart.
    virtual bool carriesStateAcrossChunks() const { return false; }
};

std::unique_ptr<Engine> makePropagateEngine(const Params& params);
std::unique_ptr<Engine> makeInterpolateEngine(const Params& params);
std::unique_ptr<Engine> makeModelEngine(const Params& params, const std::string& device);
std::unique_ptr<Engine> makeShotTrainedEngine(const Params& params, const std::string& device);

[[noreturn]] void throwBadInput(const std::string& message);

} // namespace retake::generation::detail
