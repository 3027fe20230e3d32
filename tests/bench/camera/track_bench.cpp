// Region tracking speed at 1920x1080 (issue goals: 30 frames/s for a
// translation track, 10 for a planar one, on 2 cores), and its accuracy on
// the same frames, whose motion is known. The frames are a smooth noise
// texture seen through a slow pan (translation) and through a turning plane
// (planar), made in memory so decoding is not timed. With --peer DIR the
// frames are also written to DIR as raw grey, for tests/bench/camera/
// track_peer.py (plain OpenCV Lucas-Kanade + RANSAC per frame, the peer a
// user would write) to time in the same run.
//
//   camera_track_bench [FRAMES] [--peer DIR]      (default 60 frames)
#include "noisetexture.h"
#include "planematrix.h"
#include "retake/generation/backend.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace retake::generation;

namespace {

constexpr int kW = 1920, kH = 1080, kTexture = 2600;

using Matrix = retake::testing::PlaneMatrix;
using retake::testing::inverse;

std::array<double, 2> map(const Matrix& m, double x, double y) {
    return retake::testing::mapPoint(m, x, y);
}

// Frame t shows the texture at frameToTexture(t) of each pixel (corner
// convention, as the tracker's output).
std::vector<std::uint8_t> render(const retake::testing::NoiseTexture& t, const Matrix& m) {
    std::vector<std::uint8_t> grey(std::size_t(kW) * kH);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const auto p = map(m, x + 0.5, y + 0.5);
            const double v = t.sample(p[0] - 0.5, p[1] - 0.5);
            grey[std::size_t(y) * kW + x] =
                std::uint8_t(std::lround(std::clamp(v, 0.0, 1.0) * 255));
        }
    return grey;
}

Matrix motion(bool planar, int t, int frames) {
    const double s = double(t) / (frames - 1);
    if (!planar)
        return {{{1, 0, 200 + 2.3 * t}, {0, 1, 300 + 1.1 * t}, {0, 0, 1}}};
    const double cx = kW / 2.0, cy = kH / 2.0;
    const double a = 1 + 0.12 * s, b = 0.05 * s, c = -0.03 * s, d = 1 - 0.08 * s;
    const double g = 0.00004 * s, h = 0.00002 * s;
    // T(200 + 60 s, 300 + 20 s) * T(c) * M * T(-c)
    using retake::testing::multiply;
    using retake::testing::translation;
    const Matrix m{{{a, b, 0}, {c, d, 0}, {g, h, 1}}};
    return multiply(translation(200 + 60 * s, 300 + 20 * s),
                    multiply(translation(cx, cy), multiply(m, translation(-cx, -cy))));
}

} // namespace

int main(int argc, char** argv) {
    int frames = 60;
    std::string peerDir;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--peer" && i + 1 < argc)
            peerDir = argv[++i];
        else
            frames = std::max(2, std::atoi(argv[i]));
    }
    Backend& backend = *retake_generation_backend();
    const retake::testing::NoiseTexture tex(kTexture, 3, 2);
    // A 400x260 region in the middle of the frame.
    const int rx = 760, ry = 410, rw = 400, rh = 260;
    std::vector<std::uint8_t> region(std::size_t(kW) * kH, 0);
    for (int y = ry; y < ry + rh; ++y)
        std::fill_n(region.begin() + std::ptrdiff_t(y) * kW + rx, rw, 255);
    std::printf("Region tracking, %dx%d, %d frames, a %dx%d region\n", kW, kH, frames, rw, rh);
    // The translation and planar models on their own motions, and the
    // dense model on the plane (it follows the outline's four points on
    // their own).
    const std::array<double, 2> corners[4] = {{double(rx), double(ry)},
                                              {double(rx + rw), double(ry)},
                                              {double(rx + rw), double(ry + rh)},
                                              {double(rx), double(ry + rh)}};
    std::vector<double> outline;
    for (const auto& c : corners) {
        outline.push_back(c[0]);
        outline.push_back(c[1]);
    }
    for (const TrackModel model : {TrackModel::Similarity, TrackModel::Planar, TrackModel::Dense}) {
        const bool planar = model != TrackModel::Similarity;
        std::vector<std::vector<std::uint8_t>> video;
        for (int t = 0; t < frames; ++t)
            video.push_back(render(tex, motion(planar, t, frames)));
        if (!peerDir.empty() && model != TrackModel::Dense) {
            const std::string path = peerDir + (planar ? "/planar.raw" : "/translation.raw");
            if (FILE* f = std::fopen(path.c_str(), "wb")) {
                for (const auto& v : video)
                    std::fwrite(v.data(), 1, v.size(), f);
                std::fclose(f);
            }
        }
        const auto start = std::chrono::steady_clock::now();
        auto tracker =
            backend.trackRegion({video[0].data(), kW, kH}, region.data(), model, outline);
        double worst = 0;
        int tracked = 0;
        for (int t = 1; t < frames; ++t) {
            const TrackStep step = tracker->next({video[std::size_t(t)].data(), kW, kH});
            if (step.lost)
                break;
            ++tracked;
            const Matrix truth = inverse(motion(planar, t, frames));
            const Matrix first = motion(planar, 0, frames);
            Matrix keyToFrame;
            for (int r = 0; r < 3; ++r)
                for (int c = 0; c < 3; ++c)
                    keyToFrame[std::size_t(r)][std::size_t(c)] =
                        step.keyToFrame[std::size_t(r)][std::size_t(c)];
            for (int i = 0; i < 4; ++i) {
                const auto inTexture = map(first, corners[i][0], corners[i][1]);
                const auto want = map(truth, inTexture[0], inTexture[1]);
                const auto got = model == TrackModel::Dense
                                     ? std::array<double, 2>{step.outline[std::size_t(2 * i)],
                                                             step.outline[std::size_t(2 * i + 1)]}
                                     : map(keyToFrame, corners[i][0], corners[i][1]);
                worst = std::max(worst, std::hypot(got[0] - want[0], got[1] - want[1]));
            }
        }
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("  %-11s %3d frames tracked  %6.1f frames/s  worst corner error %.3f px\n",
                    model == TrackModel::Similarity ? "translation"
                    : model == TrackModel::Planar   ? "planar"
                                                    : "dense",
                    tracked, tracked / s, worst);
    }
    return 0;
}
