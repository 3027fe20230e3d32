#include "inpaint/tiles.h"

#include <algorithm>

namespace retake::generation::detail {

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

std::vector<float> tileRamp(int size, int overlap, bool sharedStart, bool sharedEnd) {
    std::vector<float> w(std::size_t(size), 1.0f);
    const int o = std::min(overlap, size / 2);
    for (int i = 0; i < o; ++i) {
        const float up = float(i + 1) / float(o + 1);
        if (sharedStart)
            w[std::size_t(i)] = up;
        if (sharedEnd)
            w[std::size_t(size - 1 - i)] = up;
    }
    return w;
}

} // namespace retake::generation::detail
