#pragma once

// Blocking renders for previs: ground, boxes, cylinders, spheres and stand-in
// people lit by a sun and a sky, seen through a pinhole camera with radial
// distortion, ray cast on the CPU with libtorch (analytic intersections on
// whole images at once). Plain data in, plain arrays out: no Qt, no torch.
//
// Conventions (the editor's, camera/cameratypes.h and camera/lens.h):
//   world     right-handed, Z up, metres
//   camera    +X right, +Y up, looks down -Z
//   pixels    (0,0) is the top-left corner; pixel (i,j) is sampled at its
//             centre (i + 0.5, j + 0.5)
//   ray       through normalised (xn, yn) = undistort((px - cx) / fx, (cy - py) / fy)
//             is  origin + t (xn, yn, -1) in camera space, so t IS the depth
//   depth     metres along the camera axis (not along the ray), exact for the
//             analytic surfaces; +infinity where the ray sees only sky
//   objectId  0 sky, the ground's id (1) for the ground, else the object's id
//
// Threading: render() runs on the calling thread (libtorch uses its own
// intra-op threads, see runtime.h). One renderer per thread.

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace retake::generation {

struct BlockingView {
    int width = 0;
    int height = 0;
    double fx = 0, fy = 0, cx = 0, cy = 0; // pixels
    double k1 = 0, k2 = 0;                 // r_d = r (1 + k1 r^2 + k2 r^4) on (xn, yn)
    double vignette = 0;                   // 0..1 brightness lost at the corners
    // Depth of field, off when dofScalePx is 0. A point at depth d blurs into
    // a circle of dofScalePx * |1 - focusDistanceM / d| pixels across (thin
    // lens: dofScalePx = (f / N) * fx / (s - f), f and s in mm). Applied to
    // the colour from the depth pass with separable box filters blended
    // across radii 1..32 px (a gather approximation: a sharp foreground does
    // not bleed over the background); depth and IDs stay sharp.
    double focusDistanceM = 0;
    double dofScalePx = 0;
    // Camera-to-world: world = R * camera + t, row-major [R | t].
    std::array<std::array<double, 4>, 3> cameraToWorld{{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}};
};

enum class BlockingKind { Box, Cylinder, Sphere, Person };

struct BlockingItem {
    BlockingKind kind = BlockingKind::Box;
    std::int32_t id = 2;
    // Centre of the base (a sphere's centre is base + radius up).
    std::array<double, 3> position{0, 0, 0};
    // Box: width, depth, height before yaw. Cylinder: diameter, unused,
    // height. Sphere: diameter. Person: unused, unused, standing height.
    std::array<double, 3> size{1, 1, 1};
    double yawDeg = 0;
    std::array<float, 3> colour{0.6f, 0.6f, 0.6f}; // linear albedo
};

struct BlockingWorld {
    bool ground = true; // plane z = 0
    std::int32_t groundId = 1;
    std::array<float, 3> groundColour{0.32f, 0.30f, 0.27f};
    std::array<double, 3> sunDirection{-0.5, -0.5, 0.7}; // towards the sun; normalised inside
    float sunIntensity = 1.0f;
    std::array<float, 3> skyColour{0.45f, 0.62f, 0.90f}; // zenith
    bool shadows = true;
    std::vector<BlockingItem> items;
};

struct BlockingImage {
    int width = 0;
    int height = 0;
    std::vector<float> rgb;             // interleaved linear RGB rows, top row first
    std::vector<float> depth;           // width * height, metres along the axis
    std::vector<std::int32_t> objectId; // width * height
};

class BlockingRenderer {
public:
    BlockingRenderer();
    ~BlockingRenderer();
    BlockingRenderer(const BlockingRenderer&) = delete;
    BlockingRenderer& operator=(const BlockingRenderer&) = delete;

    // Throws std::invalid_argument for a bad view (size <= 0, focal <= 0) or
    // bad items (size <= 0). Reuses the ray grid while the view's intrinsics
    // stay the same, so a sequence renders faster than single frames.
    BlockingImage render(const BlockingWorld& world, const BlockingView& view);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Stand-in person for a standing height h, with s = h / 1.75: a head sphere of
// radius 0.115 s whose top is exactly at h, on a body cylinder of radius 0.19 s
// (0.38 m shoulders at 1.75 m) from the feet to the chin.
struct PersonShape {
    double bodyRadius;
    double bodyHeight; // cylinder from the feet
    double headRadius; // sphere, top at the standing height
};
PersonShape personShape(double height);

} // namespace retake::generation
