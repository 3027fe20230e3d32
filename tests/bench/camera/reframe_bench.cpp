// Reframe throughput at 1920x1080: the 2D warp (crop-zoom 1.2x with a pan
// shift and a roll, mask included; on a pinhole picture and through a lens
// with distortion) and the 2.5D reprojection by depth, in
// frames/s, against FFmpeg's crop+scale on the same size in the same run
// (the peer a user would otherwise reach for; its lavfi source is timed on
// its own and subtracted). The engine fill is not included: it depends on the
// engine and on how much is masked (see tests/bench/generation).
//
//   camera_reframe_bench [FRAMES] [THREADS]     (defaults 24, 0 = all cores)
#include "retake/generation/frames.h"
#include "retake/generation/reframe.h"
#include "retake/generation/runtime.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

using namespace retake::generation;

namespace {

constexpr int kW = 1920, kH = 1080;
constexpr double kPi = 3.14159265358979323846;

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

FrameStack picture() {
    FrameStack f(1, 3, kH, kW);
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x)
                f.at(0, c, y, x) = float((x * 7 + y * 13 + c * 50) % 256) / 255.0f;
    return f;
}

// Output -> source for zoom z, pan shift s px and roll r about the centre.
Homography reframe(double zoom, double shiftPx, double rollDeg) {
    const double c = std::cos(rollDeg * kPi / 180) / zoom, s = std::sin(rollDeg * kPi / 180) / zoom;
    const double cx = kW / 2.0, cy = kH / 2.0;
    return {{{c, s, cx - c * cx - s * cy - shiftPx}, {-s, c, cy + s * cx - c * cy}, {0, 0, 1}}};
}

// Wall-clock seconds of an ffmpeg run, or -1 when ffmpeg is missing or fails.
double ffmpeg(const std::string& filter, int frames) {
    const std::string cmd =
        "ffmpeg -v error -nostdin -f lavfi -i testsrc2=size=1920x1080:rate=24 -frames:v " +
        std::to_string(frames) + " -threads 0 " + filter + " -f null - 2>/dev/null";
    const auto start = std::chrono::steady_clock::now();
    if (std::system(cmd.c_str()) != 0)
        return -1;
    return seconds(start);
}

} // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::atoi(argv[1]) : 24;
    configureThreads(argc > 2 ? std::atoi(argv[2]) : 0);
    std::printf("reframe at %dx%d, %d frames, %s\n", kW, kH, frames, describeDevices().c_str());
    const FrameStack source = picture();
    FrameStack work = source, mask(1, 1, kH, kW);

    // 2D: zoom 1.2, 40 px pan shift, 1.5 degree roll; every frame a new copy.
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpuStart = std::clock();
    double masked = 0;
    for (int i = 0; i < frames; ++i) {
        work.data = source.data;
        masked = warpFrame(work, mask, 0, reframe(1.2, 40.0 * i / frames, 1.5));
    }
    const double warpFps = frames / seconds(start);
    // CPU time over all threads: on a shared machine the honest figure.
    const double warpCpuMs = double(std::clock() - cpuStart) / CLOCKS_PER_SEC / frames * 1000;

    // The same move through a lens with barrel distortion (what a shot with
    // k1, k2 gets): undistort, the homography in normalised coordinates,
    // redistort, per pixel.
    const double f = 35.0 / 24.89 * kW;
    const RadialLens lens{f, f, kW / 2.0, kH / 2.0, -0.12, 0.02};
    RadialLens zoomed = lens;
    zoomed.fx = zoomed.fy = 1.2 * f;
    start = std::chrono::steady_clock::now();
    cpuStart = std::clock();
    for (int i = 0; i < frames; ++i) {
        work.data = source.data;
        const double shift = 40.0 * i / frames / f, r = 1.5 * kPi / 180;
        const Homography normalised{
            {{std::cos(r), -std::sin(r), -shift}, {std::sin(r), std::cos(r), 0}, {0, 0, 1}}};
        warpFrameThroughLens(work, mask, 0, zoomed, normalised, lens);
    }
    const double lensFps = frames / seconds(start);
    const double lensCpuMs = double(std::clock() - cpuStart) / CLOCKS_PER_SEC / frames * 1000;

    // 2.5D: a ground-plane-like depth ramp, camera moved 10 cm right.
    std::vector<float> depth(std::size_t(kW) * kH);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x)
            depth[std::size_t(y) * kW + x] = 3.0f + 20.0f * float(kH - y) / kH + (x % 200 < 20);
    PinholeCamera from;
    from.width = kW;
    from.height = kH;
    from.fx = from.fy = 35.0 / 24.89 * kW;
    from.cx = kW / 2.0;
    from.cy = kH / 2.0;
    PinholeCamera to = from;
    to.cameraToWorld[0][3] = 0.1;
    const int depthFrames = std::max(1, frames / 4);
    start = std::chrono::steady_clock::now();
    cpuStart = std::clock();
    double disoccluded = 0;
    for (int i = 0; i < depthFrames; ++i) {
        work.data = source.data;
        disoccluded = reprojectFrame(work, mask, 0, depth.data(), from, to);
    }
    const double parallaxFps = depthFrames / seconds(start);
    const double parallaxCpuMs =
        double(std::clock() - cpuStart) / CLOCKS_PER_SEC / depthFrames * 1000;

    std::printf("retake 2D reframe (zoom, shift, roll + mask)  %7.1f frames/s  %6.1f ms CPU/frame "
                "(%.1f%% masked)\n",
                warpFps, warpCpuMs, masked * 100);
    std::printf("retake 2D reframe through a distorting lens  %7.1f frames/s  %6.1f ms CPU/frame\n",
                lensFps, lensCpuMs);
    std::printf("retake 2.5D reprojection by depth            %7.1f frames/s  %6.1f ms CPU/frame "
                "(%.1f%% masked)\n",
                parallaxFps, parallaxCpuMs, disoccluded * 100);
    const double source_ = ffmpeg("", frames);
    const double cropScale = ffmpeg("-vf crop=1600:900,scale=1920:1080:flags=bilinear", frames);
    if (source_ < 0 || cropScale < 0) {
        std::printf("ffmpeg: not found or failed; no peer figure\n");
        return 0;
    }
    const double peerFps = frames / std::max(1e-6, cropScale - source_);
    std::printf("ffmpeg crop+scale (8-bit, lavfi source subtracted) %7.1f frames/s\n", peerFps);
    std::printf("ratio retake 2D / ffmpeg: %.2f (retake works on float RGB and writes a mask)\n",
                warpFps / peerFps);
    return 0;
}
