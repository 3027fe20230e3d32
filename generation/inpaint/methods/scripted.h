#pragma once

// A TorchScript inpainting module with the documented signature
//   forward(frames: Tensor[T,3,H,W], masks: Tensor[T,1,H,W] (, prompt: str)) -> Tensor[T,3,H,W]
// checked once, then applied to chunks, tile by tile.

#include "inpaint/engine.h"

#include <string>
#include <torch/script.h>

namespace retake::generation::detail {

extern const char* const kModelSignature;

class ScriptedInpainter {
public:
    // `origin` names the module in every message (normally its file).
    ScriptedInpainter(torch::jit::Module module, std::string origin, torch::Device device);
    static ScriptedInpainter load(const std::string& path, torch::Device device);

    void setTiling(int tile, int overlap) {
        tile_ = tile;
        overlap_ = overlap;
    }
    // 0 = the whole chunk in one call (models that use temporal context);
    // 1 for per-frame networks, which bounds their activation memory.
    void setFramesPerCall(int frames) { framesPerCall_ = frames; }
    // Writes the module's output for the whole chunk into out [n,3,H,W].
    void apply(const Chunk& chunk, RunContext& context, float* out);

private:
    [[noreturn]] void fail(const std::string& problem) const;

    torch::jit::Module module_;
    std::string origin_;
    torch::Device device_;
    bool takesPrompt_ = false;
    int tile_ = 0;
    int overlap_ = 32;
    int framesPerCall_ = 0;
};

} // namespace retake::generation::detail
