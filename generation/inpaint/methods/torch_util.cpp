#include "inpaint/methods/torch_util.h"

#include <algorithm>

namespace retake::generation::detail {

torch::Device resolveDevice(const std::string& name) {
    if (name.empty() || name == "cpu")
        return torch::kCPU;
    if (name == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::kCPU;
    if (name.rfind("cuda", 0) == 0) {
        if (!torch::cuda::is_available())
            throwBadInput("device '" + name +
                          "' requested but no CUDA device is available; use "
                          "'cpu' or 'auto'");
        try {
            torch::Device device(name);
            if (device.has_index() && device.index() >= torch::cuda::device_count())
                throwBadInput("device '" + name + "' does not exist (" +
                              std::to_string(torch::cuda::device_count()) + " CUDA devices)");
            return device;
        } catch (const c10::Error&) {
            throwBadInput("device '" + name + "' is not a device name (cpu, cuda, cuda:N, auto)");
        }
    }
    throwBadInput("device '" + name + "' is not a device name (cpu, cuda, cuda:N, auto)");
}

std::string firstLine(const std::string& text) {
    const auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
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
