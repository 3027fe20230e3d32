#pragma once

// Bilinear look-ups at sub-pixel positions, clamped to the image, for the
// engines' per-pixel tracking (cheaper than cv::remap on scattered points).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <opencv2/core.hpp>

namespace retake::generation::detail {

struct Bilinear {
    int x0, y0, x1, y1;
    float fx, fy;
    Bilinear(float x, float y, int width, int height) {
        x = std::clamp(x, 0.0f, float(width - 1));
        y = std::clamp(y, 0.0f, float(height - 1));
        x0 = int(x);
        y0 = int(y);
        x1 = std::min(x0 + 1, width - 1);
        y1 = std::min(y0 + 1, height - 1);
        fx = x - float(x0);
        fy = y - float(y0);
    }
    template <typename Get> auto operator()(Get get) const {
        return (get(x0, y0) * (1 - fx) + get(x1, y0) * fx) * (1 - fy) +
               (get(x0, y1) * (1 - fx) + get(x1, y1) * fx) * fy;
    }
};

inline cv::Vec2f sampleVec2(const cv::Mat& m, float x, float y) {
    const Bilinear b(x, y, m.cols, m.rows);
    return b([&](int xx, int yy) { return m.ptr<cv::Vec2f>(yy)[xx]; });
}

inline float sampleFloat(const cv::Mat& m, float x, float y) {
    const Bilinear b(x, y, m.cols, m.rows);
    return b([&](int xx, int yy) { return m.ptr<float>(yy)[xx]; });
}

// True when every pixel the bilinear sample touches is known.
inline bool allKnown(const std::uint8_t* unknown, int width, int height, float x, float y) {
    const Bilinear b(x, y, width, height);
    const std::size_t w = std::size_t(width);
    return !(unknown[std::size_t(b.y0) * w + std::size_t(b.x0)] ||
             (b.fx > 0 && unknown[std::size_t(b.y0) * w + std::size_t(b.x1)]) ||
             (b.fy > 0 && unknown[std::size_t(b.y1) * w + std::size_t(b.x0)]) ||
             (b.fx > 0 && b.fy > 0 && unknown[std::size_t(b.y1) * w + std::size_t(b.x1)]));
}

// Planar RGB [3,H,W].
inline cv::Vec3f sampleRgb(const float* planar, int width, int height, float x, float y) {
    const Bilinear b(x, y, width, height);
    const std::size_t plane = std::size_t(width) * height;
    cv::Vec3f out;
    for (int c = 0; c < 3; ++c) {
        const float* p = planar + plane * std::size_t(c);
        out[c] = b([&](int xx, int yy) { return p[std::size_t(yy) * width + xx]; });
    }
    return out;
}

inline bool insideImage(float x, float y, int width, int height) {
    return x >= 0 && y >= 0 && x <= float(width - 1) && y <= float(height - 1);
}

} // namespace retake::generation::detail
