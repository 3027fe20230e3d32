// Reframing and 2.5D reprojection on plain frames (retake/generation/reframe.h).
// The 2D warp is OpenCV's remap (multi-threaded, bilinear) over maps computed
// here; the reprojection is plain loops over rows run by cv::parallel_for_,
// the z-buffer splat included: an atomic minimum over (depth, source index)
// keeps it deterministic.
#include "retake/generation/reframe.h"

#include "blocking/depthoffield.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
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

// Warps frame t by `map` (output pixel position -> source pixel position;
// false = no source there): one pass computes where every output pixel
// samples (OpenCV's maps put pixel centres on integers, hence the -0.5) and
// whether that is outside; then the same maps remap every plane.
template <class Map>
double warpByMap(FrameStack& frames, FrameStack& masks, int t, const Map& map) {
    checkShapes(frames, masks, t);
    const int w = frames.width, ht = frames.height;
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
                double sx = -1, sy = -1;
                bool outside = !map(x + 0.5, py, sx, sy);
                outside = outside || sx < 0 || sx > w || sy < 0 || sy > ht;
                if (outside)
                    sx = sy = -1;
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

} // namespace

double warpFrame(FrameStack& frames, FrameStack& masks, int t, const Homography& h) {
    return warpByMap(frames, masks, t, [&h](double px, double py, double& sx, double& sy) {
        const double zx = h[0][0] * px + h[0][1] * py + h[0][2];
        const double zy = h[1][0] * px + h[1][1] * py + h[1][2];
        const double zw = h[2][0] * px + h[2][1] * py + h[2][2];
        if (!(zw > 0))
            return false;
        sx = zx / zw;
        sy = zy / zw;
        return true;
    });
}

bool distortNormalised(const RadialLens& lens, double& x, double& y) {
    if (lens.k1 == 0 && lens.k2 == 0)
        return true;
    const double r2 = x * x + y * y;
    // Past the radius where r (1 + k1 r^2 + k2 r^4) stops growing the lens
    // folds the picture back on itself: no pixel shows that direction.
    if (!(1 + 3 * lens.k1 * r2 + 5 * lens.k2 * r2 * r2 > 0))
        return false;
    const double s = 1 + lens.k1 * r2 + lens.k2 * r2 * r2;
    x *= s;
    y *= s;
    return true;
}

bool undistortNormalised(const RadialLens& lens, double& x, double& y) {
    if (lens.k1 == 0 && lens.k2 == 0)
        return true;
    const double rd = std::sqrt(x * x + y * y);
    if (rd == 0)
        return true;
    // Newton on g(r) = r (1 + k1 r^2 + k2 r^4) - rd from r = rd, staying on
    // the rising branch (g' > 0) that the distortion maps one-to-one.
    double r = rd;
    for (int i = 0; i < 30; ++i) {
        const double r2 = r * r;
        const double g = r * (1 + lens.k1 * r2 + lens.k2 * r2 * r2) - rd;
        const double slope = 1 + 3 * lens.k1 * r2 + 5 * lens.k2 * r2 * r2;
        if (!(slope > 1e-6))
            return false;
        const double step = g / slope;
        r -= step;
        if (!(r > 0))
            return false;
        if (std::abs(step) < 1e-12 * (1 + r))
            break;
    }
    const double r2 = r * r;
    if (std::abs(r * (1 + lens.k1 * r2 + lens.k2 * r2 * r2) - rd) > 1e-9 * (1 + rd) ||
        !(1 + 3 * lens.k1 * r2 + 5 * lens.k2 * r2 * r2 > 0))
        return false; // beyond the largest radius the lens draws
    x *= r / rd;
    y *= r / rd;
    return true;
}

namespace {

// The output lens's pixels undistorted into normalised pinhole coordinates:
// the Newton solve is most of a lens warp's work, and a reframe draws every
// frame through the same output lens, so the grid is kept (per thread) and
// rebuilt only when the lens or the size changes. NaN = a pixel the lens
// cannot have drawn.
struct UndistortedGrid {
    RadialLens lens;
    int width = 0;
    int height = 0;
    std::vector<float> xy; // interleaved x, y per pixel

    bool matches(const RadialLens& l, int w, int h) const {
        return width == w && height == h && lens.fx == l.fx && lens.fy == l.fy && lens.cx == l.cx &&
               lens.cy == l.cy && lens.k1 == l.k1 && lens.k2 == l.k2;
    }
};

// Two kept: a 2.5D move with a zoom draws through two lenses every frame.
const UndistortedGrid& undistortedGrid(const RadialLens& lens, int w, int h) {
    thread_local std::array<UndistortedGrid, 2> cached;
    thread_local int newest = 0;
    for (int i : {newest, 1 - newest})
        if (cached[std::size_t(i)].matches(lens, w, h))
            return cached[std::size_t(i)];
    newest = 1 - newest;
    // Named through a reference: inside the workers' lambda a thread_local
    // would be each worker's own.
    UndistortedGrid& grid = cached[std::size_t(newest)];
    grid.lens = lens;
    grid.width = w;
    grid.height = h;
    grid.xy.resize(std::size_t(w) * h * 2);
    cv::parallel_for_(cv::Range(0, h), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y)
            for (int x = 0; x < w; ++x) {
                double nx = (x + 0.5 - lens.cx) / lens.fx, ny = (lens.cy - (y + 0.5)) / lens.fy;
                if (!undistortNormalised(lens, nx, ny))
                    nx = ny = std::numeric_limits<double>::quiet_NaN();
                float* out = grid.xy.data() + (std::size_t(y) * w + x) * 2;
                out[0] = float(nx);
                out[1] = float(ny);
            }
    });
    return grid;
}

} // namespace

double warpFrameThroughLens(FrameStack& frames, FrameStack& masks, int t, const RadialLens& output,
                            const Homography& h, const RadialLens& source) {
    if (!(output.fx > 0 && output.fy > 0 && source.fx > 0 && source.fy > 0))
        throw std::invalid_argument("warp through lens: focal lengths must be greater than 0");
    checkShapes(frames, masks, t);
    const int w = frames.width;
    const bool pinholeOutput = output.k1 == 0 && output.k2 == 0;
    const UndistortedGrid* grid =
        pinholeOutput ? nullptr : &undistortedGrid(output, w, frames.height);
    return warpByMap(frames, masks, t, [&](double px, double py, double& sx, double& sy) {
        double x, y;
        if (grid) {
            // px, py are pixel centres (x + 0.5, y + 0.5).
            const float* g = grid->xy.data() + (std::size_t(py) * w + std::size_t(px)) * 2;
            if (std::isnan(g[0]))
                return false;
            x = g[0];
            y = g[1];
        } else {
            x = (px - output.cx) / output.fx;
            y = (output.cy - py) / output.fy;
        }
        const double zx = h[0][0] * x + h[0][1] * y + h[0][2];
        const double zy = h[1][0] * x + h[1][1] * y + h[1][2];
        const double zw = h[2][0] * x + h[2][1] * y + h[2][2];
        if (!(zw > 0))
            return false;
        x = zx / zw;
        y = zy / zw;
        if (!distortNormalised(source, x, y))
            return false;
        sx = source.cx + source.fx * x;
        sy = source.cy - source.fy * y;
        return true;
    });
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
    //    and where in the pixel the winning source point landed. Rows splat
    //    in parallel into one 64-bit word per output pixel holding (depth
    //    bits, source index): positive floats order like their bits, so an
    //    atomic minimum keeps the nearest point and, on a tie, the lower
    //    source index - the same winner as a serial splat in pixel order,
    //    whatever the threads' timing.
    const double invFromFx = 1 / from.fx, invFromFy = 1 / from.fy;
    constexpr std::uint64_t kNone = ~std::uint64_t(0);
    thread_local std::vector<std::uint64_t> nearestBuffer;
    thread_local std::vector<float> zbufferBuffer, closedBuffer;
    thread_local std::vector<std::array<float, 2>> landingBuffer, sourceLandingBuffer;
    std::vector<std::uint64_t>& nearest = nearestBuffer;
    // Where in its output pixel each source pixel lands; written by the
    // thread that owns the source row, read for the winners afterwards.
    std::vector<std::array<float, 2>>& sourceLanding = sourceLandingBuffer;
    nearest.assign(n, kNone);
    sourceLanding.resize(n);
    const RadialLens fromLens{from.fx, from.fy, from.cx, from.cy, from.k1, from.k2};
    const RadialLens toLens{to.fx, to.fy, to.cx, to.cy, to.k1, to.k2};
    const UndistortedGrid* fromGrid =
        from.k1 != 0 || from.k2 != 0 ? &undistortedGrid(fromLens, w, ht) : nullptr;
    const UndistortedGrid* toGrid =
        to.k1 != 0 || to.k2 != 0 ? &undistortedGrid(toLens, w, ht) : nullptr;
    cv::parallel_for_(cv::Range(0, ht), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            // q = M p + v with p = d (ux, uy, -1): the uy and -1 terms are the row's.
            const double pinholeUy = (from.cy - (y + 0.5)) * invFromFy;
            double row[3];
            for (int i = 0; i < 3; ++i)
                row[i] = rel.m[i][1] * pinholeUy - rel.m[i][2];
            for (int x = 0; x < w; ++x) {
                const std::size_t source = std::size_t(y) * w + x;
                const double d = usableDepth(depth[source]);
                double q[3];
                if (fromGrid) { // the pixel's ray through the lens
                    const float* g = fromGrid->xy.data() + source * 2;
                    if (std::isnan(g[0]))
                        continue;
                    for (int i = 0; i < 3; ++i)
                        q[i] =
                            d * (rel.m[i][0] * g[0] + rel.m[i][1] * g[1] - rel.m[i][2]) + rel.v[i];
                } else {
                    const double ux = (x + 0.5 - from.cx) * invFromFx;
                    for (int i = 0; i < 3; ++i)
                        q[i] = d * (rel.m[i][0] * ux + row[i]) + rel.v[i];
                }
                const double dq = -q[2];
                if (!(dq > 1e-4))
                    continue;
                const double inv = 1 / dq;
                double nx = q[0] * inv, ny = q[1] * inv;
                if (toGrid && !distortNormalised(toLens, nx, ny))
                    continue;
                const double tx = to.cx + to.fx * nx, ty = to.cy - to.fy * ny;
                if (!(tx >= 0 && tx < w && ty >= 0 && ty < ht))
                    continue;
                sourceLanding[source] = {float(tx - int(tx) - 0.5), float(ty - int(ty) - 0.5)};
                std::uint32_t bits;
                const float z = float(dq);
                std::memcpy(&bits, &z, sizeof bits);
                const std::uint64_t key = (std::uint64_t(bits) << 32) | std::uint64_t(source);
                std::atomic_ref<std::uint64_t> slot(
                    nearest[std::size_t(int(ty)) * w + std::size_t(int(tx))]);
                std::uint64_t seen = slot.load(std::memory_order_relaxed);
                while (key < seen &&
                       !slot.compare_exchange_weak(seen, key, std::memory_order_relaxed))
                    ;
            }
        }
    });
    std::vector<float>& zbuffer = zbufferBuffer;
    std::vector<std::array<float, 2>>& landing = landingBuffer;
    zbuffer.resize(n);
    landing.resize(n);
    cv::parallel_for_(cv::Range(0, ht), [&](const cv::Range& rows) {
        for (std::size_t i = std::size_t(rows.start) * w; i < std::size_t(rows.end) * w; ++i) {
            if (nearest[i] == kNone) {
                zbuffer[i] = kEmpty;
                landing[i] = {0.f, 0.f};
                continue;
            }
            const std::uint32_t bits = std::uint32_t(nearest[i] >> 32);
            std::memcpy(&zbuffer[i], &bits, sizeof bits);
            landing[i] = sourceLanding[nearest[i] & 0xffffffffu];
        }
    });

    // 2. Close one-pixel cracks (a surface stretched by the move) with the
    //    farther of two opposite neighbours; the consistency test below
    //    rejects the guess where it was a real disocclusion.
    std::vector<float>& closed = closedBuffer;
    closed = zbuffer;
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
    const double invToFx = 1 / to.fx, invToFy = 1 / to.fy;
    double backV[3] = {0, 0, 0}; // M^T v
    for (int k = 0; k < 3; ++k)
        for (int j = 0; j < 3; ++j)
            backV[k] += rel.m[j][k] * rel.v[j];
    thread_local std::vector<float> sourceBuffer;
    sourceBuffer.assign(frames.frame(t), frames.frame(t) + frames.frameSize());
    const float* sourcePixels = sourceBuffer.data();
    const std::size_t planeSize = n;
    float* out = frames.frame(t);
    float* mask = masks.frame(t);
    std::vector<int> rowCounts(std::size_t(ht), 0);
    cv::parallel_for_(cv::Range(0, ht), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            int count = 0;
            // p = M^T (q - v) with q = d (ux, uy, -1): the uy and -1 terms are the row's.
            const double pinholeUy = (to.cy - (y + 0.5)) * invToFy;
            double row[3];
            for (int k = 0; k < 3; ++k)
                row[k] = rel.m[1][k] * pinholeUy - rel.m[2][k];
            for (int x = 0; x < w; ++x) {
                const std::size_t i = std::size_t(y) * w + x;
                bool ok = closed[i] != kEmpty;
                double weights[4] = {0, 0, 0, 0};
                std::size_t taps[4] = {0, 0, 0, 0};
                double total = 0;
                const float* g = toGrid ? toGrid->xy.data() + i * 2 : nullptr;
                ok = ok && !(g && std::isnan(g[0]));
                if (ok) {
                    const double d = closed[i];
                    double p[3]; // back into the source camera
                    if (g) {
                        for (int k = 0; k < 3; ++k)
                            p[k] = d * (rel.m[0][k] * g[0] + rel.m[1][k] * g[1] - rel.m[2][k]) -
                                   backV[k];
                    } else {
                        const double ux = (x + 0.5 - to.cx) * invToFx;
                        for (int k = 0; k < 3; ++k)
                            p[k] = d * (rel.m[0][k] * ux + row[k]) - backV[k];
                    }
                    const double dp = -p[2];
                    const double inv = 1 / dp;
                    double nx = p[0] * inv, ny = p[1] * inv;
                    const bool drawn = !fromGrid || distortNormalised(fromLens, nx, ny);
                    const double sx = from.cx + from.fx * nx;
                    const double sy = from.cy - from.fy * ny;
                    ok = drawn && dp > 1e-4 && sx >= 0 && sx <= w && sy >= 0 && sy <= ht;
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
                const double invTotal = ok ? 1 / total : 0;
                for (int c = 0; c < frames.channels; ++c) {
                    const float* plane = sourcePixels + planeSize * std::size_t(c);
                    double v = 0;
                    if (ok)
                        for (int k = 0; k < 4; ++k)
                            v += weights[k] * plane[taps[k]];
                    out[planeSize * std::size_t(c) + i] = ok ? float(v * invTotal) : 0.0f;
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
