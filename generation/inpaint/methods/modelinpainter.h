#pragma once

// A model with the inpainting contract (usermodels.h) applied to chunks:
// frames per call and tiles fitted to the shapes the model accepts, tiles
// cross-faded. TorchScript files, AOTInductor packages and the shot-trained
// network all run through it.

#include "inpaint/engine.h"
#include "usermodels/usermodel.h"

#include <memory>
#include <string>

namespace retake::generation::detail {

class ModelInpainter {
public:
    explicit ModelInpainter(std::unique_ptr<UserModel> model);
    // A user's file; throws InpaintError(ModelError) naming it.
    static ModelInpainter load(const std::string& path, const std::string& device);

    // The spatial tile side the user asked for (0 = whole frames); a model
    // compiled for smaller frames gets smaller tiles whatever is asked.
    void setTiling(int tile, int overlap) {
        tile_ = tile;
        overlap_ = overlap;
    }
    // 0 = the whole chunk in one call (models that use temporal context);
    // 1 for per-frame networks, which bounds their activation memory.
    void setFramesPerCall(int frames) { framesPerCall_ = frames; }
    // Writes the model's output for the whole chunk into out [n,3,H,W].
    // Throws InpaintError(ModelError).
    void apply(const Chunk& chunk, RunContext& context, float* out);

private:
    void applyWithinLimits(const Chunk& chunk, RunContext& context, float* out);
    [[noreturn]] void fail(const std::string& problem) const;

    std::unique_ptr<UserModel> model_;
    int tile_ = 0;
    int overlap_ = 32;
    int framesPerCall_ = 0;
};

} // namespace retake::generation::detail
