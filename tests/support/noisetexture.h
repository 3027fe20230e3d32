#pragma once

// A texture for tracking tests and benchmarks: uniform noise blurred by a
// few box passes, so it has detail at every scale a tracker uses and can be
// sampled between pixels (bilinear). Deterministic for a seed.

#include <algorithm>
#include <cstddef>
#include <random>
#include <vector>

namespace retake::testing {

struct NoiseTexture {
    int size = 0;
    std::vector<float> values; // size x size, 0..1

    NoiseTexture(int side, unsigned seed, int blurPasses)
        : size(side)
        , values(std::size_t(side) * side) {
        std::mt19937 random(seed);
        std::uniform_real_distribution<float> uniform(0, 1);
        for (float& v : values)
            v = uniform(random);
        for (int pass = 0; pass < blurPasses; ++pass) {
            std::vector<float> blurred(values.size());
            for (int y = 0; y < size; ++y)
                for (int x = 0; x < size; ++x) {
                    float sum = 0;
                    for (int k = -1; k <= 1; ++k)
                        sum += at(std::clamp(x + k, 0, size - 1), y) +
                               at(x, std::clamp(y + k, 0, size - 1));
                    blurred[std::size_t(y) * size + x] = sum / 6;
                }
            values.swap(blurred);
        }
    }

    float at(int x, int y) const { return values[std::size_t(y) * size + x]; }

    // Bilinear at (x, y), texel centres at integers, clamped to the edge.
    float sample(double x, double y) const {
        x = std::clamp(x, 0.0, size - 1.001);
        y = std::clamp(y, 0.0, size - 1.001);
        const int x0 = int(x), y0 = int(y);
        const double fx = x - x0, fy = y - y0;
        return float((at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
                     (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy);
    }

    // Paints a flat square (texture coordinates), for "nothing to track".
    void flatten(int x0, int y0, int side, float value) {
        for (int y = y0; y < y0 + side; ++y)
            for (int x = x0; x < x0 + side; ++x)
                values[std::size_t(y) * size + x] = value;
    }
};

} // namespace retake::testing
