#include "synthetic.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

namespace retake::testing {

void Texture::sample(float x, float y, float out[3]) const {
    x = std::clamp(x, 0.0f, float(width - 1));
    y = std::clamp(y, 0.0f, float(height - 1));
    const int x0 = int(x);
    const int y0 = int(y);
    const int x1 = std::min(x0 + 1, width - 1);
    const int y1 = std::min(y0 + 1, height - 1);
    const float fx = x - float(x0);
    const float fy = y - float(y0);
    for (int c = 0; c < 3; ++c) {
        auto at = [&](int xx, int yy) { return rgb[(std::size_t(yy) * width + xx) * 3 + c]; };
        out[c] = (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) +
                 (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
    }
}

Texture makeTexture(int width, int height, std::uint32_t seed) {
    Texture t;
    t.width = width;
    t.height = height;
    t.rgb.assign(std::size_t(width) * height * 3, 0.0f);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    // Value noise octaves with smoothstep interpolation.
    float amplitude = 0.5f;
    for (int cell = 48; cell >= 3; cell /= 2, amplitude *= 0.6f) {
        const int gw = width / cell + 2;
        const int gh = height / cell + 2;
        std::vector<float> grid(std::size_t(gw) * gh * 3);
        for (auto& g : grid)
            g = unit(rng) - 0.5f;
        for (int y = 0; y < height; ++y) {
            const float gy = float(y) / float(cell);
            const int iy = int(gy);
            float fy = gy - float(iy);
            fy = fy * fy * (3 - 2 * fy);
            for (int x = 0; x < width; ++x) {
                const float gx = float(x) / float(cell);
                const int ix = int(gx);
                float fx = gx - float(ix);
                fx = fx * fx * (3 - 2 * fx);
                for (int c = 0; c < 3; ++c) {
                    auto g = [&](int xx, int yy) {
                        return grid[(std::size_t(yy) * gw + xx) * 3 + c];
                    };
                    const float v = (g(ix, iy) * (1 - fx) + g(ix + 1, iy) * fx) * (1 - fy) +
                                    (g(ix, iy + 1) * (1 - fx) + g(ix + 1, iy + 1) * fx) * fy;
                    t.rgb[(std::size_t(y) * width + x) * 3 + c] += amplitude * v;
                }
            }
        }
    }
    // Sharp shapes: discs and bars in flat colours.
    const int shapes = width * height / 900;
    for (int s = 0; s < shapes; ++s) {
        const float cx = unit(rng) * width;
        const float cy = unit(rng) * height;
        const float r = 3 + unit(rng) * 10;
        const bool bar = unit(rng) < 0.4f;
        const float colour[3] = {unit(rng) - 0.5f, unit(rng) - 0.5f, unit(rng) - 0.5f};
        for (int y = std::max(0, int(cy - 2 * r)); y < std::min(height, int(cy + 2 * r)); ++y)
            for (int x = std::max(0, int(cx - 2 * r)); x < std::min(width, int(cx + 2 * r)); ++x) {
                const float dx = float(x) - cx;
                const float dy = float(y) - cy;
                const bool inside = bar ? (std::abs(dx) < 2 * r && std::abs(dy) < r / 3)
                                        : dx * dx + dy * dy < r * r;
                if (inside)
                    for (int c = 0; c < 3; ++c)
                        t.rgb[(std::size_t(y) * width + x) * 3 + c] = colour[c] * 0.8f;
            }
    }
    for (auto& v : t.rgb)
        v = std::clamp(0.5f + v, 0.0f, 1.0f);
    return t;
}

FrameStack movingCamera(const Texture& texture, int count, int height, int width, float dx,
                        float dy, float x0, float y0) {
    FrameStack f(count, 3, height, width);
    float rgb[3];
    for (int t = 0; t < count; ++t)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                texture.sample(x0 + dx * t + x, y0 + dy * t + y, rgb);
                for (int c = 0; c < 3; ++c)
                    f.at(t, c, y, x) = rgb[c];
            }
    return f;
}

FrameStack dynamicTexture(int count, int height, int width, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    struct Wave {
        float kx, ky, w, phase, amp[3];
    };
    std::vector<Wave> waves(12);
    for (auto& w : waves) {
        const float angle = unit(rng) * 6.2831853f;
        const float k = 0.05f + unit(rng) * 0.25f;
        w = {k * std::cos(angle),
             k * std::sin(angle),
             0.1f + unit(rng) * 0.4f,
             unit(rng) * 6.2831853f,
             {unit(rng) * 0.1f, unit(rng) * 0.1f, unit(rng) * 0.1f}};
    }
    FrameStack f(count, 3, height, width);
    for (int t = 0; t < count; ++t)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c) {
                    float v = 0.45f + 0.1f * float(c);
                    for (const auto& w : waves)
                        v += w.amp[c] * std::sin(w.kx * x + w.ky * y + w.w * t + w.phase);
                    f.at(t, c, y, x) = std::clamp(v, 0.0f, 1.0f);
                }
    return f;
}

FrameStack boxMasks(int count, int height, int width, const BoxAt& box) {
    FrameStack m(count, 1, height, width);
    for (int t = 0; t < count; ++t) {
        const Box b = box(t);
        for (int y = std::max(0, b.y); y < std::min(height, b.y + b.h); ++y)
            for (int x = std::max(0, b.x); x < std::min(width, b.x + b.w); ++x)
                m.at(t, 0, y, x) = 1.0f;
    }
    return m;
}

FrameStack withOccluder(const FrameStack& clean, const BoxAt& box) {
    FrameStack f = clean;
    for (int t = 0; t < f.count; ++t) {
        const Box b = box(t);
        for (int y = std::max(0, b.y); y < std::min(f.height, b.y + b.h); ++y)
            for (int x = std::max(0, b.x); x < std::min(f.width, b.x + b.w); ++x) {
                const int u = x - b.x;
                const int v = y - b.y;
                const bool stripe = ((u / 3) + (v / 3)) % 2 == 0;
                f.at(t, 0, y, x) = stripe ? 1.0f : 0.9f;
                f.at(t, 1, y, x) = stripe ? 0.1f : 0.8f;
                f.at(t, 2, y, x) = stripe ? 0.9f : 0.2f;
            }
    }
    return f;
}

double psnrInMask(const FrameStack& result, const FrameStack& truth, const FrameStack& masks) {
    double sum = 0;
    std::size_t n = 0;
    for (int t = 0; t < truth.count; ++t)
        for (int y = 0; y < truth.height; ++y)
            for (int x = 0; x < truth.width; ++x) {
                if (masks.at(t, 0, y, x) <= 0.5f)
                    continue;
                for (int c = 0; c < 3; ++c) {
                    const double d = double(result.at(t, c, y, x)) - truth.at(t, c, y, x);
                    sum += d * d;
                }
                n += 3;
            }
    if (n == 0)
        return 0;
    const double mse = sum / double(n);
    return mse <= 1e-12 ? 120.0 : 10.0 * std::log10(1.0 / mse);
}

double ssimInMask(const FrameStack& result, const FrameStack& truth, const FrameStack& masks) {
    const int r = 3;
    const double c1 = 0.01 * 0.01;
    const double c2 = 0.03 * 0.03;
    auto luma = [](const FrameStack& f, int t, int y, int x) {
        return 0.299 * f.at(t, 0, y, x) + 0.587 * f.at(t, 1, y, x) + 0.114 * f.at(t, 2, y, x);
    };
    double total = 0;
    std::size_t windows = 0;
    for (int t = 0; t < truth.count; ++t)
        for (int y = r; y < truth.height - r; ++y)
            for (int x = r; x < truth.width - r; ++x) {
                if (masks.at(t, 0, y, x) <= 0.5f)
                    continue;
                double ma = 0, mb = 0, va = 0, vb = 0, cov = 0;
                const double n = double((2 * r + 1) * (2 * r + 1));
                for (int dy = -r; dy <= r; ++dy)
                    for (int dx = -r; dx <= r; ++dx) {
                        const double a = luma(result, t, y + dy, x + dx);
                        const double b = luma(truth, t, y + dy, x + dx);
                        ma += a;
                        mb += b;
                        va += a * a;
                        vb += b * b;
                        cov += a * b;
                    }
                ma /= n;
                mb /= n;
                va = va / n - ma * ma;
                vb = vb / n - mb * mb;
                cov = cov / n - ma * mb;
                total += ((2 * ma * mb + c1) * (2 * cov + c2)) /
                         ((ma * ma + mb * mb + c1) * (va + vb + c2));
                ++windows;
            }
    return windows ? total / double(windows) : 0.0;
}

bool bitExactOutside(const FrameStack& result, const FrameStack& source, const FrameStack& alpha) {
    for (int t = 0; t < source.count; ++t)
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < source.height; ++y)
                for (int x = 0; x < source.width; ++x) {
                    if (alpha.at(t, 0, y, x) > 0.0f)
                        continue;
                    const float a = result.at(t, c, y, x);
                    const float b = source.at(t, c, y, x);
                    if (std::memcmp(&a, &b, sizeof(float)) != 0)
                        return false;
                }
    return true;
}

} // namespace retake::testing
