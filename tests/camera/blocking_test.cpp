// The blocking renderer on its own (no Qt): exact depth along the camera
// axis for analytic surfaces, object IDs, shadows, distortion and bad input.
#include "retake/generation/blocking.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace retake::generation;

namespace {

// Level camera at (0, y, height) looking along +Y (camera-to-world maps
// camera -Z to world +Y and camera +Y to world +Z).
BlockingView levelView(int w, int h, double f, double y = 0, double height = 1.5) {
    BlockingView v;
    v.width = w;
    v.height = h;
    v.fx = v.fy = f;
    v.cx = w / 2.0;
    v.cy = h / 2.0;
    v.cameraToWorld = {{{1, 0, 0, 0}, {0, 0, -1, y}, {0, 1, 0, height}}};
    return v;
}

BlockingItem item(BlockingKind kind, int id, double x, double y, double z, double sx, double sy,
                  double sz) {
    BlockingItem i;
    i.kind = kind;
    i.id = id;
    i.position = {x, y, z};
    i.size = {sx, sy, sz};
    return i;
}

float at(const std::vector<float>& plane, int w, int x, int y) {
    return plane[std::size_t(y) * w + x];
}

} // namespace

TEST(BlockingRender, BoxFaceDepthIsExactAlongTheAxis) {
    BlockingWorld world;
    world.ground = false;
    world.items.push_back(item(BlockingKind::Box, 5, 0, 10, 0, 40, 2, 10)); // front face y = 9
    BlockingRenderer r;
    const BlockingImage img = r.render(world, levelView(200, 100, 150));
    for (int y : {0, 30, 60}) // rows below 75 see under the box (z < 0)
        for (int x : {0, 77, 199}) {
            EXPECT_NEAR(at(img.depth, 200, x, y), 9.0f, 1e-5f);
            EXPECT_EQ(img.objectId[std::size_t(y) * 200 + x], 5);
        }
    ASSERT_EQ(img.rgb.size(), std::size_t(200 * 100 * 3));
}

TEST(BlockingRender, SpherePersonCylinderAndSky) {
    BlockingWorld world;
    world.items.push_back(item(BlockingKind::Sphere, 3, 0, 5, 1.0, 1.0, 0, 0)); // centre z 1.5
    world.items.push_back(item(BlockingKind::Person, 4, -2, 6, 0, 0, 0, 1.8));
    world.items.push_back(item(BlockingKind::Cylinder, 6, 2, 6, 0, 0.6, 0, 2));
    BlockingRenderer r;
    const int w = 320, h = 240;
    const BlockingImage img = r.render(world, levelView(w, h, 200));
    // Centre pixel: the sphere's front at depth 4.5 (the ray is 1/400 rad off axis).
    EXPECT_EQ(img.objectId[std::size_t(h / 2) * w + w / 2], 3);
    EXPECT_NEAR(at(img.depth, w, w / 2, h / 2), 4.5f, 2e-3f);
    // The person's head top is exactly 1.8 m: a pixel row just above it is
    // sky, just below is the person (at depth ~ 6 - head radius).
    const double headTop = 1.8, personDepth = 6.0;
    const int column = int(w / 2.0 + 200 * (-2.0 / personDepth));
    const double rowTop = h / 2.0 - 200 * (headTop - 1.5) / (personDepth - 0.1);
    EXPECT_EQ(img.objectId[std::size_t(rowTop - 3) * w + column], 0);
    EXPECT_EQ(img.objectId[std::size_t(rowTop + 3) * w + column], 4);
    // The ground below the horizon, sky above it.
    EXPECT_EQ(img.objectId[std::size_t(h - 1) * w + 5], 1);
    EXPECT_TRUE(std::isinf(at(img.depth, w, 5, 0)));
    EXPECT_EQ(img.objectId[5], 0);
}

TEST(BlockingRender, ShadowsDarkenTheGround) {
    BlockingWorld world;
    world.sunDirection = {0, 0, 1}; // straight down: the shadow is under the box
    world.items.push_back(item(BlockingKind::Box, 2, 0, 8, 1.5, 1.5, 1.5, 0.3)); // floating slab
    const BlockingView view = levelView(160, 120, 80, 0, 4);
    BlockingRenderer r;
    const BlockingImage lit = [&] {
        BlockingWorld noShadows = world;
        noShadows.shadows = false;
        return r.render(noShadows, view);
    }();
    const BlockingImage shadowed = r.render(world, view);
    // The ground point under the slab centre (0, 8, 0): row cy + f * 4 / 8.
    const int x = 80, y = int(60 + 80 * 4.0 / 8);
    ASSERT_EQ(shadowed.objectId[std::size_t(y) * 160 + x], 1);
    EXPECT_LT(shadowed.rgb[(std::size_t(y) * 160 + x) * 3],
              0.5f * lit.rgb[(std::size_t(y) * 160 + x) * 3]);
}

TEST(BlockingRender, DistortedRaysLandWhereTheLensPutsThem) {
    BlockingWorld world;
    world.ground = false;
    world.items.push_back(
        item(BlockingKind::Sphere, 9, 3, 10, 2.4, 0.2, 0, 0)); // centre (3, 10, 2.5)
    BlockingView v = levelView(400, 300, 300);
    v.k1 = -0.5; // barrel
    BlockingRenderer r;
    const BlockingImage img = r.render(world, v);
    const double xn = 0.3, yn = 0.1, s = 1 + v.k1 * (xn * xn + yn * yn);
    const int px = int(200 + 300 * xn * s), py = int(150 - 300 * yn * s);
    EXPECT_EQ(img.objectId[std::size_t(py) * 400 + px], 9);
    // The undistorted position misses the (small) sphere.
    EXPECT_EQ(img.objectId[std::size_t(150 - 300 * yn) * 400 + int(200 + 300 * xn)], 0);
}

TEST(BlockingRender, DepthOfFieldBlursOutOfFocusEdges) {
    // A white and a dark box side by side, both faces at depth 5.
    BlockingWorld world;
    world.ground = false;
    world.sunDirection = {0, -1, 0.2}; // behind the camera: both fronts lit
    BlockingItem front = item(BlockingKind::Box, 2, -5, 5.5, 0, 10, 1, 4);
    front.colour = {1, 1, 1};
    BlockingItem back = item(BlockingKind::Box, 3, 10, 5.5, 0, 20, 1, 4);
    back.colour = {0.05f, 0.05f, 0.05f};
    world.items = {front, back};
    const auto transitionWidth = [&](double focus) {
        BlockingView v = levelView(200, 60, 150);
        v.focusDistanceM = focus;
        v.dofScalePx = 40; // (f / N) fx / (s - f) for a fast lens
        BlockingRenderer r;
        const BlockingImage img = r.render(world, v);
        const int row = 30;
        const float lo = img.rgb[(std::size_t(row) * 200 + 199) * 3];
        const float hi = img.rgb[(std::size_t(row) * 200 + 0) * 3];
        int width = 0;
        for (int x = 0; x < 200; ++x) {
            const float c = img.rgb[(std::size_t(row) * 200 + x) * 3];
            width += c > lo + 0.05f * (hi - lo) && c < hi - 0.05f * (hi - lo);
        }
        return width;
    };
    // In focus (depth 5): the edge stays within a pixel or two.
    EXPECT_LE(transitionWidth(5.0), 2);
    // Focused at 1 m: blur radius |1 - 1/5| * 40 / 2 = 16 px.
    EXPECT_GE(transitionWidth(1.0), 8);
}

TEST(BlockingRender, RejectsBadInput) {
    BlockingRenderer r;
    BlockingWorld world;
    EXPECT_THROW(r.render(world, levelView(0, 10, 10)), std::invalid_argument);
    EXPECT_THROW(r.render(world, levelView(10, 10, 0)), std::invalid_argument);
    world.items.push_back(item(BlockingKind::Box, 2, 0, 5, 0, 1, -1, 1));
    EXPECT_THROW(r.render(world, levelView(10, 10, 10)), std::invalid_argument);
}
