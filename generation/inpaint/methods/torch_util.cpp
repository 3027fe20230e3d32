#include "inpaint/methods/torch_util.h"

#include <algorithm>
#include <stdexcept>

namespace retake::generation::detail {

torch::Device resolveDevice(const std::string& name) {
    try {
        return parseDevice(name);
    } catch (const std::invalid_argument& e) {
        throwBadInput(e.what());
    }
}

torch::Tensor chunkFrames(const Chunk& chunk) {
    // from_blob does not copy; nothing writes through this view.
    return torch::from_blob(const_cast<float*>(chunk.frames),
                            {chunk.count, 3, chunk.height, chunk.width}, torch::kFloat);
}

torch::Tensor chunkMasks(const Chunk& chunk) {
    return torch::from_blob(const_cast<std::uint8_t*>(chunk.fill.data()),
                            {chunk.count, 1, chunk.height, chunk.width}, torch::kUInt8)
        .to(torch::kFloat);
}

torch::Tensor tileWeights(int height, int width, int overlap, bool top, bool bottom, bool left,
                          bool right) {
    auto ramp = [overlap](int size, bool start, bool end) {
        auto w = torch::ones({size});
        const int o = std::min(overlap, size / 2);
        if (o <= 0)
            return w;
        auto up = torch::arange(1, o + 1, torch::kFloat) / float(o + 1);
        if (start)
            w.slice(0, 0, o).copy_(up);
        if (end)
            w.slice(0, size - o, size).copy_(up.flip(0));
        return w;
    };
    return ramp(height, top, bottom).view({height, 1}) * ramp(width, left, right).view({1, width});
}

std::vector<int> tileStarts(int size, int tile, int overlap) {
    if (tile <= 0 || tile >= size)
        return {0};
    const int step = std::max(1, tile - std::min(overlap, tile - 1));
    std::vector<int> starts;
    for (int s = 0;; s += step) {
        if (s + tile >= size) {
            starts.push_back(size - tile);
            break;
        }
        starts.push_back(s);
    }
    return starts;
}

} // namespace retake::generation::detail
