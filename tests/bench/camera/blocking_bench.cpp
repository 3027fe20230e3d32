// Frames per second of the blocking render (depth, IDs and colour) at
// 960x540 and 1920x1080, with and without sun shadows, for a typical previs
// scene: ground, two walls, a table, boxes, a pillar, spheres and three
// people, seen by a 35 mm Super 35 camera dollying in.
//
//   camera_blocking_bench [FRAMES] [THREADS]     (defaults 30, 0 = all cores)
#include "retake/generation/blocking.h"
#include "retake/generation/runtime.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

using namespace retake::generation;

namespace {

BlockingWorld scene() {
    BlockingWorld w;
    w.sunDirection = {-0.4, -0.6, 0.7};
    const auto add = [&](BlockingKind kind, int id, double x, double y, double sx, double sy,
                         double sz, double yaw, std::array<float, 3> color) {
        BlockingItem item;
        item.kind = kind;
        item.id = id;
        item.position = {x, y, 0};
        item.size = {sx, sy, sz};
        item.yawDeg = yaw;
        item.colour = color;
        w.items.push_back(item);
    };
    add(BlockingKind::Box, 2, 0, 8, 12, 0.2, 3, 0, {0.7f, 0.68f, 0.6f});      // back wall
    add(BlockingKind::Box, 3, -6, 3, 0.2, 10, 3, 0, {0.6f, 0.62f, 0.7f});     // side wall
    add(BlockingKind::Box, 4, 0, 3, 1.6, 0.9, 0.75, 10, {0.5f, 0.35f, 0.2f}); // table
    add(BlockingKind::Box, 5, 2.5, 5, 0.6, 0.6, 0.6, 30, {0.8f, 0.3f, 0.3f});
    add(BlockingKind::Box, 6, -3, 6, 1, 1, 2, -20, {0.3f, 0.5f, 0.8f});
    add(BlockingKind::Cylinder, 7, 3.5, 7, 0.5, 0, 3, 0, {0.75f, 0.75f, 0.75f}); // pillar
    add(BlockingKind::Sphere, 8, 0.3, 3.1, 0.25, 0, 0, 0, {0.9f, 0.8f, 0.2f});
    add(BlockingKind::Sphere, 9, -1.5, 1.5, 0.6, 0, 0, 0, {0.2f, 0.7f, 0.3f});
    add(BlockingKind::Person, 10, -0.8, 3.6, 0, 0, 1.75, 0, {0.8f, 0.55f, 0.45f});
    add(BlockingKind::Person, 11, 0.9, 3.6, 0, 0, 1.62, 0, {0.45f, 0.4f, 0.7f});
    add(BlockingKind::Person, 12, 2, 1.5, 0, 0, 1.85, 0, {0.3f, 0.6f, 0.6f});
    return w;
}

BlockingView view(int width, int height, double y) {
    // 35 mm on Super 35 (24.89 mm wide, horizontal fit), level, looking +Y.
    BlockingView v;
    v.width = width;
    v.height = height;
    v.fx = v.fy = 35.0 / 24.89 * width;
    v.cx = width / 2.0;
    v.cy = height / 2.0;
    v.cameraToWorld = {{{1, 0, 0, 0}, {0, 0, -1, y}, {0, 1, 0, 1.6}}};
    return v;
}

struct Speed {
    double wallFps;
    double cpuMsPerFrame; // all threads: on a shared machine the honest figure
};

Speed run(BlockingRenderer& renderer, const BlockingWorld& world, int width, int height,
          int frames) {
    renderer.render(world, view(width, height, -6)); // warm-up: ray grid and allocator
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    for (int i = 0; i < frames; ++i)
        renderer.render(world, view(width, height, -6 + 2.0 * i / frames));
    const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return {frames / seconds, cpu / frames * 1000};
}

} // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::atoi(argv[1]) : 30;
    configureThreads(argc > 2 ? std::atoi(argv[2]) : 0);
    std::printf("blocking render, %d frames each, %s\n", frames, describeDevices().c_str());
    BlockingRenderer renderer;
    for (bool shadows : {false, true}) {
        BlockingWorld world = scene();
        world.shadows = shadows;
        for (const auto& size : {std::array<int, 2>{960, 540}, std::array<int, 2>{1920, 1080}}) {
            const Speed s = run(renderer, world, size[0], size[1], frames);
            std::printf("%4dx%-4d shadows %-3s  %6.1f frames/s  %7.1f ms CPU/frame\n", size[0],
                        size[1], shadows ? "on" : "off", s.wallFps, s.cpuMsPerFrame);
        }
    }
    return 0;
}
