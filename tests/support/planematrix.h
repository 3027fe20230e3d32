#pragma once

// 3x3 matrices of the plane (homographies, row-major, acting on column
// vectors (x, y, 1)) for tests and benchmarks that render known motions.
// Plain C++: the benchmarks link no Qt.

#include <array>

namespace retake::testing {

using PlaneMatrix = std::array<std::array<double, 3>, 3>;

inline std::array<double, 2> mapPoint(const PlaneMatrix& m, double x, double y) {
    const double w = m[2][0] * x + m[2][1] * y + m[2][2];
    return {(m[0][0] * x + m[0][1] * y + m[0][2]) / w, (m[1][0] * x + m[1][1] * y + m[1][2]) / w};
}

inline PlaneMatrix inverse(const PlaneMatrix& m) {
    const double a = m[0][0], b = m[0][1], c = m[0][2], d = m[1][0], e = m[1][1], f = m[1][2],
                 g = m[2][0], h = m[2][1], i = m[2][2];
    const double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    return {{{(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
             {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
             {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}}};
}

inline PlaneMatrix multiply(const PlaneMatrix& a, const PlaneMatrix& b) {
    PlaneMatrix m{};
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            for (std::size_t k = 0; k < 3; ++k)
                m[i][j] += a[i][k] * b[k][j];
    return m;
}

inline PlaneMatrix translation(double x, double y) {
    return {{{1, 0, x}, {0, 1, y}, {0, 0, 1}}};
}

} // namespace retake::testing
