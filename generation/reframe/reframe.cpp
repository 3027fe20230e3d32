// Reframing and 2.5D reprojection on plain frames (retake/generation/reframe.h).
// The 2D warp is OpenCV's warpPerspective (multi-threaded, bilinear); the
// reprojection is plain loops over rows run by cv::parallel_for_, except the
// z-buffer splat, which is serial so the nearest surface wins deterministically.
#include "retake/generation/reframe.h"

#include "blocking/depthoffield.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <vector>

namespace retake::generation {

namespace {

constexpr float kFar = 1e5f; // metres: "infinitely far" (sky) for the maths
constexpr float kEmpty = std::numeric_limits<float>::infinity();

void checkShapes(const FrameStack& frames, const FrameStack& masks, int t) {
    if (t < 0 || t >= frames.count || t >= masks.count || masks.channels != 1 ||
        masks.width != frames.width || masks.height != frames.height)
        throw std::invalid_argument("reframe: frames and masks do not match");
}

float usableDepth(float d) {
    return std::isfinite(d) && d > 0 ? std::min(d, kFar) : kFar;
}

// Row-major 3x3 rotation and translation of a camera-to-world matrix.
struct Rigid {
    double r[3][3];
    double t[3];
};
Rigid rigid(const PinholeCamera& c) {
    Rigid m;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j)
            m.r[i][j] = c.cameraToWorld[std::size_t(i)][std::size_t(j)];
        m.t[i] = c.cameraToWorld[std::size_t(i)][3];
    }
    return m;
}

// from-camera point -> to-camera point: p_to = M p_from + v, with
// M = R_to^T R_from and v = R_to^T (t_from - t_to).
struct Relative {
    double m[3][3];
    double v[3];
};
Relative relative(const PinholeCamera& from, const PinholeCamera& to) {
    const Rigid a = rigid(from), b = rigid(to);
    Relative rel{};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                rel.m[i][j] += b.r[k][i] * a.r[k][j];
        for (int k = 0; k < 3; ++k)
            rel.v[i] += b.r[k][i] * (a.t[k] - b.t[k]);
    }
    return rel;
}

} // namespace

double warpFrame(FrameStack& frames, FrameStack& masks, int t, const Homography& h) {
    checkShapes(frames, masks, t);
    const int w = frames.width, ht = frames.height;
    // One pass computes where every output pixel samples (OpenCV's maps put
    // pixel centres on integers, hence the -0.5) and whether that is outside;
    // then the same maps remap every plane.
    // Buffers kept per thread: a sequence reuses them instead of faulting in
    // fresh pages for every frame.
    // (Headers below share the buffers: a worker thread of parallel_for_ has
    // thread_locals of its own.)
    thread_local cv::Mat mapXBuffer, mapYBuffer, mapXYBuffer, fractionBuffer, sourceBuffer;
    mapXBuffer.create(ht, w, CV_32F);
    mapYBuffer.create(ht, w, CV_32F);
    sourceBuffer.create(ht, w, CV_32F);
    cv::Mat mapX = mapXBuffer, mapY = mapYBuffer, source = sourceBuffer;
    cv::Mat& mapXY = mapXYBuffer;
    cv::Mat& mapFraction = fractionBuffer;
    float* mask = masks.frame(t);
    std::vector<int> rowCounts(std::size_t(ht), 0);
    cv::parallel_for_(cv::Range(0, ht), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            int count = 0;
            const double py = y + 0.5;
            float* mx = mapX.ptr<float>(y);
            float* my = mapY.ptr<float>(y);
            for (int x = 0; x < w; ++x) {
                const double px = x + 0.5;
                const double zx = h[0][0] * px + h[0][1] * py + h[0][2];
                const double zy = h[1][0] * px + h[1][1] * py + h[1][2];
                const double zw = h[2][0] * px + h[2][1] * py + h[2][2];
                bool outside = !(zw > 0);
                double sx = -1, sy = -1;
                if (!outside) {
                    sx = zx / zw;
                    sy = zy / zw;
                    outside = sx < 0 || sx > w || sy < 0 || sy > ht;
                }
                mx[x] = float(sx - 0.5);
                my[x] = float(sy - 0.5);
                mask[std::size_t(y) * w + x] = outside ? 1.0f : 0.0f;
                count += outside ? 1 : 0;
            }
            rowCounts[std::size_t(y)] = count;
        }
    });
    // Fixed-point maps (1/32 px, exact for whole-pixel shifts), converted once
    // for all planes. Masked pixels may saturate; they are cleared below.
    cv::convertMaps(mapX, mapY, mapXY, mapFraction, CV_16SC2);
    for (int c = 0; c < frames.channels; ++c) {
        cv::Mat target(ht, w, CV_32F, frames.frame(t) + frames.planeSize() * std::size_t(c));
        target.copyTo(source);
        cv::remap(source, target, mapXY, mapFraction, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    }
    // Outside pixels are the engine's: 0 until it fills them.
    cv::parallel_for_(cv::Range(0, ht), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            if (rowCounts[std::size_t(y)] == 0)
                continue;
            for (int x = 0; x < w; ++x) {
                const std::size_t i = std::size_t(y) * w + x;
                if (mask[i] > 0.5f)
                    for (int c = 0; c < frames.channels; ++c)
                        frames.frame(t)[frames.planeSize() * std::size_t(c) + i] = 0.0f;
            }
        }
    });
    double masked = 0;
    for (int n : rowCounts)
        masked += n;
    return masked / (double(w) * ht);
}

double reprojectFrame(FrameStack& frames, FrameStack& masks, int t, const float* depth,
                      const PinholeCamera& from, const PinholeCamera& to) {
    checkShapes(frames, masks, t);
    const int w = frames.width, ht = frames.height;
    if (from.width != w || from.height != ht || to.width != w || to.height != ht ||
        !(from.fx > 0 && from.fy > 0 && to.fx > 0 && to.fy > 0) || !depth)
        throw std::invalid_argument("reproject: the cameras must match the frame size and have "
                                    "a focal length > 0, and the depth must be given");
    const Relative rel = relative(from, to);
    const std::size_t n = std::size_t(w) * ht;

    // 1. Forward: the depth each output pixel sees (nearest surface wins),
    //    and where in the pixel the winning source point landed.
    std::vector<float> zbuffer(n, kEmpty);
    std::vector<std::array<float, 2>> landing(n, {0.f, 0.f});
    for (int y = 0; y < ht; ++y)
        for (int x = 0; x < w; ++x) {
            const double d = usableDepth(depth[std::size_t(y) * w + x]);
            const double p[3] = {(x + 0.5 - from.cx) / from.fx * d,
                                 (from.cy - (y + 0.5)) / from.fy * d, -d};
            double q[3];
            for (int i = 0; i < 3; ++i)
                q[i] = rel.m[i][0] * p[0] + rel.m[i][1] * p[1] + rel.m[i][2] * p[2] + rel.v[i];
            const double dq = -q[2];
            if (!(dq > 1e-4))
                continue;
            const double tx = to.cx + to.fx * q[0] / dq, ty = to.cy - to.fy * q[1] / dq;
            if (!(tx >= 0 && tx < w && ty >= 0 && ty < ht))
                continue;
            const std::size_t i = std::size_t(int(ty)) * w + std::size_t(int(tx));
            if (float(dq) < zbuffer[i]) {
                zbuffer[i] = float(dq);
                landing[i] = {float(tx - int(tx) - 0.5), float(ty - int(ty) - 0.5)};
            }
        }

    // 2. Close one-pixel cracks (a surface stretched by the move) with the
    //    farther of two opposite neighbours; the consistency test below
    //    rejects the guess where it was a real disocclusion.
    std::vector<float> closed = zbuffer;
    cv::parallel_for_(cv::Range(1, std::max(1, ht - 1)), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y)
            for (int x = 1; x < w - 1; ++x) {
                const std::size_t i = std::size_t(y) * w + x;
                if (zbuffer[i] != kEmpty)
                    continue;
                float best = kEmpty;
                const int pairs[4][2] = {{-1, 0}, {0, -1}, {-1, -1}, {-1, 1}};
                for (const auto& o : pairs) {
                    const float a = zbuffer[i + std::size_t(o[0] * w + o[1])];
                    const float b = zbuffer[i - std::size_t(o[0] * w + o[1])];
                    if (a != kEmpty && b != kEmpty)
                        best = best == kEmpty ? std::max(a, b) : std::max(best, std::max(a, b));
                }
                closed[i] = best;
            }
    });

    // 3. Backward: each output pixel takes its colour from the source taps
    //    that see the same surface.
    const FrameStack source = [&] {
        FrameStack one(1, frames.channels, ht, w);
        std::copy(frames.frame(t), frames.frame(t) + frames.frameSize(), one.data.begin());
        return one;
    }();
    float* out = frames.frame(t);
    float* mask = masks.frame(t);
    std::vector<int> rowCounts(std::size_t(ht), 0);
    cv::parallel_for_(cv::Range(0, ht), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            int count = 0;
            for (int x = 0; x < w; ++x) {
                const std::size_t i = std::size_t(y) * w + x;
                bool ok = closed[i] != kEmpty;
                double weights[4] = {0, 0, 0, 0};
                std::size_t taps[4] = {0, 0, 0, 0};
                double total = 0;
                if (ok) {
                    const double d = closed[i];
                    const double q[3] = {(x + 0.5 - to.cx) / to.fx * d,
                                         (to.cy - (y + 0.5)) / to.fy * d, -d};
                    double p[3]; // back into the source camera: M^T (q - v)
                    for (int k = 0; k < 3; ++k)
                        p[k] = rel.m[0][k] * (q[0] - rel.v[0]) + rel.m[1][k] * (q[1] - rel.v[1]) +
                               rel.m[2][k] * (q[2] - rel.v[2]);
                    const double dp = -p[2];
                    const double sx = from.cx + from.fx * p[0] / dp;
                    const double sy = from.cy - from.fy * p[1] / dp;
                    ok = dp > 1e-4 && sx >= 0 && sx <= w && sy >= 0 && sy <= ht;
                    if (ok) {
                        const double fx = std::clamp(sx - 0.5, 0.0, w - 1.0);
                        const double fy = std::clamp(sy - 0.5, 0.0, ht - 1.0);
                        const int x0 = int(fx), y0 = int(fy);
                        const int x1 = std::min(x0 + 1, w - 1), y1 = std::min(y0 + 1, ht - 1);
                        const double ax = fx - x0, ay = fy - y0;
                        const int xs[4] = {x0, x1, x0, x1}, ys[4] = {y0, y0, y1, y1};
                        const double ws[4] = {(1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay,
                                              ax * ay};
                        const double tolerance = 0.03 * std::min<double>(dp, kFar) + 0.02;
                        for (int k = 0; k < 4; ++k) {
                            taps[k] = std::size_t(ys[k]) * w + xs[k];
                            const double dt = usableDepth(depth[taps[k]]);
                            if (ws[k] > 0 &&
                                std::abs(dt - std::min<double>(dp, kFar)) <= tolerance) {
                                weights[k] = ws[k];
                                total += ws[k];
                            }
                        }
                        ok = total > 1e-6;
                    }
                }
                if (ok && zbuffer[i] != kEmpty) {
                    // At a silhouette, the nearer surface covers this pixel's
                    // centre only if its point landed on the far side's half:
                    // the edge lies somewhere between this point and the next
                    // source pixel's. Otherwise the centre may see what was
                    // hidden, so the engine decides. (1e-3 px: the float noise of a
                    // point that lands on the centre.)
                    const double z = closed[i], edge = 0.03 * z + 0.02;
                    const int steps[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
                    for (const auto& d : steps) {
                        const int nx = x + d[0], ny = y + d[1];
                        if (nx < 0 || nx >= w || ny < 0 || ny >= ht)
                            continue;
                        const float zn = closed[std::size_t(ny) * w + nx];
                        const double toward = landing[i][0] * d[0] + landing[i][1] * d[1];
                        if ((zn == kEmpty || zn - z > edge) && toward < -1e-3)
                            ok = false;
                    }
                }
                mask[i] = ok ? 0.0f : 1.0f;
                for (int c = 0; c < frames.channels; ++c) {
                    const float* plane = source.frame(0) + source.planeSize() * std::size_t(c);
                    double v = 0;
                    if (ok)
                        for (int k = 0; k < 4; ++k)
                            v += weights[k] * plane[taps[k]];
                    out[source.planeSize() * std::size_t(c) + i] = ok ? float(v / total) : 0.0f;
                }
                count += ok ? 0 : 1;
            }
            rowCounts[std::size_t(y)] = count;
        }
    });
    double masked = 0;
    for (int c : rowCounts)
        masked += c;
    return masked / double(n);
}

void depthOfFieldFromDepth(FrameStack& frames, int t, const float* depth, double focusDistanceM,
                           double dofScalePx) {
    if (t < 0 || t >= frames.count || !depth)
        throw std::invalid_argument("depth of field: no such frame or no depth");
    if (!(focusDistanceM > 0) || !(dofScalePx > 0))
        return;
    torch::NoGradGuard noGrad;
    const int w = frames.width, h = frames.height;
    const torch::Tensor colour =
        torch::from_blob(frames.frame(t), {frames.channels, h, w}, torch::kFloat32);
    torch::Tensor z = torch::from_blob(const_cast<float*>(depth), {h, w}, torch::kFloat32).clone();
    z.masked_fill_(~(z > 0), std::numeric_limits<float>::infinity()); // no depth = far
    colour.copy_(detail::depthOfField(colour, z, focusDistanceM, dofScalePx));
}

} // namespace retake::generation
