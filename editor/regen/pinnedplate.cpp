#include "regen/pinnedplate.h"

#include <algorithm>
#include <cmath>

namespace retake {

namespace {

// Solves the n x n system a x = b in place (partial pivoting); false when
// singular.
bool solve(std::vector<std::vector<double>>& a, std::vector<double>& b) {
    const std::size_t n = b.size();
    for (std::size_t col = 0; col < n; ++col) {
        std::size_t pivot = col;
        for (std::size_t r = col + 1; r < n; ++r)
            if (std::abs(a[r][col]) > std::abs(a[pivot][col]))
                pivot = r;
        if (std::abs(a[pivot][col]) < 1e-12)
            return false;
        std::swap(a[pivot], a[col]);
        std::swap(b[pivot], b[col]);
        for (std::size_t r = 0; r < n; ++r) {
            if (r == col)
                continue;
            const double f = a[r][col] / a[col][col];
            for (std::size_t c = col; c < n; ++c)
                a[r][c] -= f * a[col][c];
            b[r] -= f * b[col];
        }
    }
    for (std::size_t i = 0; i < n; ++i)
        b[i] /= a[i][i];
    return true;
}

} // namespace

std::optional<PlaneHomography> fitHomography(const MaskGeometry& from, const MaskGeometry& to) {
    if (from.size() < 4 || from.size() != to.size())
        return std::nullopt;
    // h33 = 1; each correspondence gives two equations in the other eight.
    // Normal equations of the least-squares system (exact for 4 points).
    // Coordinates are centred and scaled first so the system is well
    // conditioned at any picture size.
    QPointF centre;
    for (const QPointF& p : from)
        centre += p;
    centre /= double(from.size());
    double spread = 0;
    for (const QPointF& p : from)
        spread += std::hypot(p.x() - centre.x(), p.y() - centre.y());
    spread = std::max(spread / double(from.size()), 1e-9);
    std::vector<std::vector<double>> normal(8, std::vector<double>(8, 0));
    std::vector<double> rhs(8, 0);
    for (int i = 0; i < from.size(); ++i) {
        const double x = (from[i].x() - centre.x()) / spread;
        const double y = (from[i].y() - centre.y()) / spread;
        const double u = to[i].x(), v = to[i].y();
        const double rows[2][8] = {{x, y, 1, 0, 0, 0, -u * x, -u * y},
                                   {0, 0, 0, x, y, 1, -v * x, -v * y}};
        const double values[2] = {u, v};
        for (int k = 0; k < 2; ++k)
            for (int r = 0; r < 8; ++r) {
                for (int c = 0; c < 8; ++c)
                    normal[std::size_t(r)][std::size_t(c)] += rows[k][r] * rows[k][c];
                rhs[std::size_t(r)] += rows[k][r] * values[k];
            }
    }
    if (!solve(normal, rhs))
        return std::nullopt;
    const PlaneHomography scaled{
        {{rhs[0], rhs[1], rhs[2]}, {rhs[3], rhs[4], rhs[5]}, {rhs[6], rhs[7], 1}}};
    // Undo the normalisation: H = scaled * N, N = [1/s 0 -cx/s; 0 1/s -cy/s; 0 0 1].
    PlaneHomography h{};
    const double n[3][3] = {
        {1 / spread, 0, -centre.x() / spread}, {0, 1 / spread, -centre.y() / spread}, {0, 0, 1}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            for (int k = 0; k < 3; ++k)
                h[std::size_t(r)][std::size_t(c)] +=
                    scaled[std::size_t(r)][std::size_t(k)] * n[k][c];
    return h;
}

void warpPlate(const Image& plate, const PlaneHomography& plateToFrame,
               generation::FrameStack& plates, int t) {
    // Output pixel centres back onto the plate: the inverse homography.
    const auto& m = plateToFrame;
    const double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
                       m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                       m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    double inv[3][3] = {{(m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det,
                         (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det,
                         (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det},
                        {(m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det,
                         (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det,
                         (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det},
                        {(m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det,
                         (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det,
                         (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det}};
    const int w = plates.width, h = plates.height;
    const std::size_t plane = std::size_t(w) * h;
    float* out = plates.frame(t);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double px = x + 0.5, py = y + 0.5;
            const double z = inv[2][0] * px + inv[2][1] * py + inv[2][2];
            // Plate pixel centres sit at i + 0.5: to sample positions.
            const double sx = std::clamp((inv[0][0] * px + inv[0][1] * py + inv[0][2]) / z - 0.5,
                                         0.0, plate.width - 1.0);
            const double sy = std::clamp((inv[1][0] * px + inv[1][1] * py + inv[1][2]) / z - 0.5,
                                         0.0, plate.height - 1.0);
            const int x0 = std::min(int(sx), plate.width - 2 < 0 ? 0 : plate.width - 2);
            const int y0 = std::min(int(sy), plate.height - 2 < 0 ? 0 : plate.height - 2);
            const int x1 = std::min(x0 + 1, plate.width - 1),
                      y1 = std::min(y0 + 1, plate.height - 1);
            const double fx = sx - x0, fy = sy - y0;
            for (int c = 0; c < 3; ++c) {
                const int ch = plate.channels >= 3 ? c : 0;
                const double v = (plate.sampleAsFloat(x0, y0, ch) * (1 - fx) +
                                  plate.sampleAsFloat(x1, y0, ch) * fx) *
                                     (1 - fy) +
                                 (plate.sampleAsFloat(x0, y1, ch) * (1 - fx) +
                                  plate.sampleAsFloat(x1, y1, ch) * fx) *
                                     fy;
                out[std::size_t(c) * plane + std::size_t(y) * w + x] = float(v);
            }
        }
}

} // namespace retake
