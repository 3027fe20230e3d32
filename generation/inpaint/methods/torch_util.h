#pragma once

// torch helpers for the torch engines (model, internal).

#include "inpaint/engine.h"
#include "runtime/torchdevice.h"

#include <string>
#include <torch/torch.h>

namespace retake::generation::detail {

// "cpu", "cuda", "cuda:N" or "auto"; throws InpaintError(BadInput) for
// a name that cannot be used (runtime/torchdevice.h says why).
torch::Device resolveDevice(const std::string& name);

// Views of a chunk as tensors on the CPU (no copies of the frames).
torch::Tensor chunkFrames(const Chunk& chunk);
torch::Tensor chunkMasks(const Chunk& chunk); // float 0/1 [n,1,H,W]

// Cross-fade weights for a tile: 1 inside, ramping to near 0 over `overlap`
// px at edges shared with another tile.
torch::Tensor tileWeights(int height, int width, int overlap, bool top, bool bottom, bool left,
                          bool right);

// Tile origins covering `size` with tiles of `tile` px overlapping by `overlap`.
std::vector<int> tileStarts(int size, int tile, int overlap);

} // namespace retake::generation::detail
