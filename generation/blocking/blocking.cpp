// Blocking renderer: analytic ray casting on whole images with libtorch.
//
// Cost model: every primitive is intersected only with the rays inside the
// screen rectangle its bounding sphere projects to (all rays when the lens
// distorts, since the rectangle is computed for the pinhole), so a scene of
// small objects costs about one full-image pass for the ground plus shading.
// Shadow rays are cast the same way, restricted to the screen rectangle of
// the object's shadow volume (the hull of its bounding sphere and that
// sphere's projection along the sun onto the ground).
#include "retake/generation/blocking.h"

#include "blocking/depthoffield.h"

#include <cmath>
#include <limits>
#include <torch/torch.h>

namespace retake::generation {

using torch::Tensor;
using torch::indexing::Slice;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr double kEpsilon = 1e-4; // metres: self-intersection guard

struct V3 {
    Tensor x, y, z;
};

enum class Prim { Box, Cylinder, Sphere };

// One analytic primitive; a person is a cylinder plus a sphere.
struct Primitive {
    Prim kind;
    std::int32_t objectId;
    std::array<float, 3> colour;
    double c[3];       // centre (box: centre of the volume; cylinder: base centre; sphere: centre)
    double h[3];       // box half extents; cylinder (radius, -, height); sphere (radius, -, -)
    double cosYaw = 1; // box only
    double sinYaw = 0;
};

Tensor scalar(double v) {
    return torch::scalar_tensor(v, torch::kFloat32);
}

// t along O + t D of the nearest hit with t > eps, +inf on a miss. O and D
// broadcast: a constant origin with per-pixel directions (camera rays) or
// per-pixel origins with a constant direction (shadow rays).
Tensor hitSphere(const Primitive& p, const V3& o, const V3& d, const Tensor& dd) {
    const Tensor ox = o.x - p.c[0], oy = o.y - p.c[1], oz = o.z - p.c[2];
    const Tensor b = ox * d.x + oy * d.y + oz * d.z;
    const Tensor c = ox * ox + oy * oy + oz * oz - p.h[0] * p.h[0];
    const Tensor disc = b * b - dd * c;
    const Tensor sq = disc.clamp_min(0).sqrt_();
    Tensor t = (-b - sq) / dd;
    t = torch::where(t > kEpsilon, t, (sq - b) / dd);
    return torch::where((disc >= 0) & (t > kEpsilon), t, scalar(kInf));
}

Tensor hitBox(const Primitive& p, const V3& o, const V3& d) {
    const Tensor wx = o.x - p.c[0], wy = o.y - p.c[1], oz = o.z - p.c[2];
    // Into the box's frame (rotate by -yaw about Z).
    const Tensor ox = wx * p.cosYaw + wy * p.sinYaw, oy = wy * p.cosYaw - wx * p.sinYaw;
    const Tensor dx = d.x * p.cosYaw + d.y * p.sinYaw, dy = d.y * p.cosYaw - d.x * p.sinYaw;
    Tensor tNear, tFar;
    const Tensor* os[3] = {&ox, &oy, &oz};
    const Tensor* ds[3] = {&dx, &dy, &d.z};
    for (int a = 0; a < 3; ++a) {
        const Tensor inv = ds[a]->reciprocal();
        const Tensor t1 = (-p.h[a] - *os[a]) * inv, t2 = (p.h[a] - *os[a]) * inv;
        const Tensor lo = torch::minimum(t1, t2), hi = torch::maximum(t1, t2);
        tNear = a == 0 ? lo : torch::maximum(tNear, lo);
        tFar = a == 0 ? hi : torch::minimum(tFar, hi);
    }
    const Tensor t = torch::where(tNear > kEpsilon, tNear, tFar);
    return torch::where((tNear <= tFar) & (t > kEpsilon), t, scalar(kInf));
}

Tensor hitCylinder(const Primitive& p, const V3& o, const V3& d) {
    const double r = p.h[0], height = p.h[2];
    const Tensor ox = o.x - p.c[0], oy = o.y - p.c[1], oz = o.z - p.c[2];
    const Tensor a = d.x * d.x + d.y * d.y;
    const Tensor b = ox * d.x + oy * d.y;
    const Tensor c = ox * ox + oy * oy - r * r;
    const Tensor disc = b * b - a * c;
    const Tensor sq = disc.clamp_min(0).sqrt_();
    Tensor side = (-b - sq) / a;
    side = torch::where(side > kEpsilon, side, (sq - b) / a);
    const Tensor zs = oz + side * d.z;
    side = torch::where((disc >= 0) & (side > kEpsilon) & (zs >= 0) & (zs <= height), side,
                        scalar(kInf));
    Tensor best = side;
    for (double capZ : {height, 0.0}) {
        const Tensor tc = (capZ - oz) / d.z;
        const Tensor x = ox + tc * d.x, y = oy + tc * d.y;
        const Tensor inside = (x * x + y * y <= r * r) & (tc > kEpsilon);
        best = torch::minimum(best, torch::where(inside, tc, scalar(kInf)));
    }
    return best;
}

Tensor hit(const Primitive& p, const V3& o, const V3& d, const Tensor& dd) {
    switch (p.kind) {
    case Prim::Sphere:
        return hitSphere(p, o, d, dd);
    case Prim::Box:
        return hitBox(p, o, d);
    case Prim::Cylinder:
        return hitCylinder(p, o, d);
    }
    return {};
}

// Outward normal at hit points q (world) on primitive p.
V3 normalOf(const Primitive& p, const V3& q) {
    const Tensor x = q.x - p.c[0], y = q.y - p.c[1], z = q.z - p.c[2];
    switch (p.kind) {
    case Prim::Sphere: {
        const double inv = 1.0 / p.h[0];
        return {x * inv, y * inv, z * inv};
    }
    case Prim::Box: {
        const Tensor lx = x * p.cosYaw + y * p.sinYaw, ly = y * p.cosYaw - x * p.sinYaw;
        const Tensor ax = lx.abs() / p.h[0], ay = ly.abs() / p.h[1], az = z.abs() / p.h[2];
        const Tensor useX = (ax >= ay) & (ax >= az), useY = (ay > ax) & (ay >= az);
        const Tensor useZ = ~(useX | useY);
        const Tensor nx = lx.sign() * useX, ny = ly.sign() * useY, nz = z.sign() * useZ;
        return {nx * p.cosYaw - ny * p.sinYaw, nx * p.sinYaw + ny * p.cosYaw, nz};
    }
    case Prim::Cylinder: {
        const double r = p.h[0], height = p.h[2];
        const Tensor radial = (x * x + y * y).sqrt_() - r;
        const Tensor top = (z - height).abs(), bottom = z.abs();
        const Tensor cap = (torch::minimum(top, bottom) < radial.abs());
        const Tensor capSign = torch::where(top < bottom, scalar(1), scalar(-1));
        const Tensor zero = torch::zeros_like(x);
        return {torch::where(cap, zero, x / r), torch::where(cap, zero, y / r),
                torch::where(cap, capSign, zero)};
    }
    }
    return {};
}

struct Rect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

// The 8 corners of a box around the primitive (the box itself for a box).
std::vector<std::array<double, 3>> corners(const Primitive& p) {
    std::vector<std::array<double, 3>> out;
    for (int i = 0; i < 8; ++i) {
        const double sx = i & 1 ? 1 : -1, sy = i & 2 ? 1 : -1, sz = i & 4 ? 1 : -1;
        switch (p.kind) {
        case Prim::Box: {
            const double lx = sx * p.h[0], ly = sy * p.h[1];
            out.push_back({p.c[0] + lx * p.cosYaw - ly * p.sinYaw,
                           p.c[1] + lx * p.sinYaw + ly * p.cosYaw, p.c[2] + sz * p.h[2]});
            break;
        }
        case Prim::Cylinder:
            out.push_back(
                {p.c[0] + sx * p.h[0], p.c[1] + sy * p.h[0], p.c[2] + (sz > 0 ? p.h[2] : 0)});
            break;
        case Prim::Sphere:
            out.push_back({p.c[0] + sx * p.h[0], p.c[1] + sy * p.h[0], p.c[2] + sz * p.h[0]});
            break;
        }
    }
    return out;
}

} // namespace

PersonShape personShape(double height) {
    const double s = height / 1.75;
    const double head = 0.115 * s;
    return {0.19 * s, height - 2 * head + 0.02 * s, head};
}

struct BlockingRenderer::Impl {
    // Ray grid for the current intrinsics: undistorted normalised coordinates.
    int width = 0, height = 0;
    double fx = 0, fy = 0, cx = 0, cy = 0, k1 = 0, k2 = 0, vignette = -1;
    Tensor xn, yn, dd, invLength, grid, vignetteFactor;

    void prepare(const BlockingView& v) {
        if (v.width == width && v.height == height && v.fx == fx && v.fy == fy && v.cx == cx &&
            v.cy == cy && v.k1 == k1 && v.k2 == k2 && v.vignette == vignette)
            return;
        width = v.width;
        height = v.height;
        fx = v.fx;
        fy = v.fy;
        cx = v.cx;
        cy = v.cy;
        k1 = v.k1;
        k2 = v.k2;
        vignette = v.vignette;
        const auto opts = torch::TensorOptions().dtype(torch::kFloat64);
        const Tensor px = torch::arange(width, opts).add_(0.5);
        const Tensor py = torch::arange(height, opts).add_(0.5);
        const Tensor xd = ((px - cx) / fx).unsqueeze(0).expand({height, width});
        const Tensor yd = ((cy - py) / fy).unsqueeze(1).expand({height, width});
        Tensor x = xd.clone(), y = yd.clone();
        if (k1 != 0 || k2 != 0) {
            // Fixed-point inversion of r_d = r (1 + k1 r^2 + k2 r^4): converges
            // for the moderate distortion Document accepts (|k| <= 2 inside the frame).
            for (int i = 0; i < 30; ++i) {
                const Tensor r2 = x * x + y * y;
                const Tensor s = 1 + k1 * r2 + k2 * r2 * r2;
                x = xd / s;
                y = yd / s;
            }
        }
        xn = x.to(torch::kFloat32).contiguous();
        yn = y.to(torch::kFloat32).contiguous();
        dd = (xn * xn + yn * yn + 1).contiguous();
        invLength = dd.rsqrt();
        // Camera-space directions (xn, yn, -1) as a [3, H*W] matrix: one
        // matrix product per frame turns them into world directions.
        grid = torch::stack({xn.flatten(), yn.flatten(), torch::full({width * height}, -1.0f)});
        const Tensor rx = (px - width / 2.0).unsqueeze(0), ry = (py - height / 2.0).unsqueeze(1);
        const double corner2 = width * width / 4.0 + height * height / 4.0;
        vignetteFactor = (1 - vignette * (rx * rx + ry * ry) / corner2).to(torch::kFloat32);
    }

    // Pixel rectangle covering the convex hull of world points: exact for a
    // convex shape given its vertices, as long as all are in front of the camera.
    Rect screenRect(const BlockingView& v, const std::vector<std::array<double, 3>>& points) const {
        const Rect full{0, 0, width, height};
        double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;
        int behind = 0;
        for (const auto& p : points) {
            double rel[3], cam[3];
            for (int i = 0; i < 3; ++i)
                rel[i] = p[std::size_t(i)] - v.cameraToWorld[i][3];
            for (int j = 0; j < 3; ++j)
                cam[j] = v.cameraToWorld[0][j] * rel[0] + v.cameraToWorld[1][j] * rel[1] +
                         v.cameraToWorld[2][j] * rel[2];
            const double depth = -cam[2];
            if (depth < 1e-3) {
                ++behind;
                continue;
            }
            xmin = std::min(xmin, cam[0] / depth);
            xmax = std::max(xmax, cam[0] / depth);
            ymin = std::min(ymin, cam[1] / depth);
            ymax = std::max(ymax, cam[1] / depth);
        }
        if (behind == int(points.size()))
            return {};
        // Partly behind the camera, or seen through a distorting lens (the
        // rectangle is a pinhole one): test every ray.
        if (behind > 0 || k1 != 0 || k2 != 0)
            return full;
        Rect r;
        r.x0 = int(std::max(0.0, std::floor(cx + fx * xmin) - 1));
        r.x1 = int(std::min(double(width), std::ceil(cx + fx * xmax) + 1));
        r.y0 = int(std::max(0.0, std::floor(cy - fy * ymax) - 1));
        r.y1 = int(std::min(double(height), std::ceil(cy - fy * ymin) + 1));
        return r;
    }
};

BlockingRenderer::BlockingRenderer()
    : impl_(std::make_unique<Impl>()) {}
BlockingRenderer::~BlockingRenderer() = default;

BlockingImage BlockingRenderer::render(const BlockingWorld& world, const BlockingView& view) {
    if (view.width <= 0 || view.height <= 0 || !(view.fx > 0) || !(view.fy > 0))
        throw std::invalid_argument("blocking render: the view needs a size and focal length > 0");
    torch::NoGradGuard noGrad;

    // Expand the items into primitives.
    std::vector<Primitive> prims;
    for (const auto& item : world.items) {
        const double yaw = item.yawDeg * kPi / 180;
        const auto& s = item.size;
        const auto& b = item.position;
        const auto add = [&](Prim kind, double cx, double cy, double cz, double h0, double h1,
                             double h2) {
            prims.push_back({kind,
                             item.id,
                             item.colour,
                             {cx, cy, cz},
                             {h0, h1, h2},
                             std::cos(yaw),
                             std::sin(yaw)});
        };
        switch (item.kind) {
        case BlockingKind::Box:
            if (!(s[0] > 0 && s[1] > 0 && s[2] > 0))
                throw std::invalid_argument("blocking render: a box needs a size > 0");
            add(Prim::Box, b[0], b[1], b[2] + s[2] / 2, s[0] / 2, s[1] / 2, s[2] / 2);
            break;
        case BlockingKind::Cylinder:
            if (!(s[0] > 0 && s[2] > 0))
                throw std::invalid_argument("blocking render: a cylinder needs a size > 0");
            add(Prim::Cylinder, b[0], b[1], b[2], s[0] / 2, 0, s[2]);
            break;
        case BlockingKind::Sphere:
            if (!(s[0] > 0))
                throw std::invalid_argument("blocking render: a sphere needs a size > 0");
            add(Prim::Sphere, b[0], b[1], b[2] + s[0] / 2, s[0] / 2, 0, 0);
            break;
        case BlockingKind::Person: {
            if (!(s[2] > 0))
                throw std::invalid_argument("blocking render: a person needs a height > 0");
            const PersonShape ps = personShape(s[2]);
            add(Prim::Cylinder, b[0], b[1], b[2], ps.bodyRadius, 0, ps.bodyHeight);
            add(Prim::Sphere, b[0], b[1], b[2] + s[2] - ps.headRadius, ps.headRadius, 0, 0);
            break;
        }
        }
    }

    Impl& im = *impl_;
    im.prepare(view);
    const int W = view.width, H = view.height;
    const auto& m = view.cameraToWorld;
    // World ray directions R (xn, yn, -1), one [3, H*W] product.
    const Tensor rotation = torch::tensor({m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2],
                                           m[2][0], m[2][1], m[2][2]},
                                          torch::kFloat32)
                                .view({3, 3});
    const Tensor dirs = rotation.matmul(im.grid).view({3, H, W});
    const V3 dir{dirs[0], dirs[1], dirs[2]};
    const V3 origin{scalar(m[0][3]), scalar(m[1][3]), scalar(m[2][3])};

    Tensor depth = torch::full({H, W}, kInf, torch::kFloat32);
    // -1 sky, 0 ground, k + 1 primitive k; and the object IDs written out.
    Tensor index = torch::full({H, W}, -1, torch::kInt32);
    Tensor ids = torch::zeros({H, W}, torch::kInt32);
    if (world.ground && m[2][3] > 0) {
        // The plane z = 0 from above: t = -height / dz, where dz < 0.
        Tensor t = dir.z.reciprocal().mul_(-m[2][3]);
        const Tensor ok = t > 0;
        depth = t.masked_fill_(~ok, kInf);
        index.masked_fill_(ok, 0);
        ids.masked_fill_(ok, world.groundId);
    }
    const auto block = [](const Tensor& t, const Rect& r) {
        return t.index({Slice(r.y0, r.y1), Slice(r.x0, r.x1)});
    };
    std::vector<Rect> rects(prims.size());
    for (std::size_t k = 0; k < prims.size(); ++k) {
        const Primitive& p = prims[k];
        const Rect r = im.screenRect(view, corners(p));
        rects[k] = r;
        if (r.empty())
            continue;
        const V3 d{block(dir.x, r), block(dir.y, r), block(dir.z, r)};
        const Tensor t = hit(p, origin, d, block(im.dd, r));
        Tensor depthBlock = block(depth, r);
        const Tensor closer = t < depthBlock;
        block(index, r).masked_fill_(closer, std::int32_t(k + 1));
        block(ids, r).masked_fill_(closer, p.objectId);
        depthBlock.copy_(torch::minimum(depthBlock, t));
    }

    // Hit points and normals.
    const Tensor hitMask = index >= 0;
    // World hit points inside a rectangle (inf/NaN on sky pixels, never used).
    const auto hitPoints = [&](const Rect& r) {
        const Tensor t = block(depth, r);
        return V3{torch::addcmul(origin.x, t, block(dir.x, r)),
                  torch::addcmul(origin.y, t, block(dir.y, r)),
                  torch::addcmul(origin.z, t, block(dir.z, r))};
    };
    const Tensor groundMask = index == 0;
    Tensor nx = torch::zeros({H, W}), ny = torch::zeros({H, W}),
           nz = groundMask.to(torch::kFloat32);
    Tensor albedo = torch::zeros({3, H, W});
    for (int c = 0; c < 3; ++c)
        albedo[c].masked_fill_(groundMask, world.groundColour[std::size_t(c)]);
    for (std::size_t k = 0; k < prims.size(); ++k) {
        const Rect& r = rects[k];
        if (r.empty())
            continue;
        const Tensor mine = block(index, r) == std::int32_t(k + 1);
        if (!mine.any().item<bool>())
            continue;
        const V3 n = normalOf(prims[k], hitPoints(r));
        block(nx, r).copy_(torch::where(mine, n.x, block(nx, r)));
        block(ny, r).copy_(torch::where(mine, n.y, block(ny, r)));
        block(nz, r).copy_(torch::where(mine, n.z, block(nz, r)));
        for (int c = 0; c < 3; ++c)
            block(albedo[c], r).masked_fill_(mine, prims[k].colour[std::size_t(c)]);
    }

    // Sun and sky.
    double sun[3] = {world.sunDirection[0], world.sunDirection[1], world.sunDirection[2]};
    const double sunLength = std::sqrt(sun[0] * sun[0] + sun[1] * sun[1] + sun[2] * sun[2]);
    for (double& s : sun)
        s = sunLength > 0 ? s / sunLength : 0;
    Tensor lit = nx * sun[0];
    lit.add_(ny, sun[1]).add_(nz, sun[2]).clamp_min_(0);
    if (sun[2] <= 0)
        lit.zero_(); // the sun is down
    else if (world.shadows) {
        const V3 sunDir{scalar(sun[0]), scalar(sun[1]), scalar(sun[2])};
        const Tensor one = scalar(1);
        for (std::size_t k = 0; k < prims.size(); ++k) {
            const Primitive& p = prims[k];
            // Everything this primitive can shadow lies between it and its
            // projection along the sun onto the ground.
            std::vector<std::array<double, 3>> volume = corners(p);
            for (std::size_t i = 0; i < 8; ++i) {
                const auto& c = volume[i];
                const double along = std::max(0.0, c[2]) / sun[2];
                volume.push_back(
                    {c[0] - sun[0] * along, c[1] - sun[1] * along, c[2] - sun[2] * along});
            }
            const Rect r = im.screenRect(view, volume);
            if (r.empty())
                continue;
            const Tensor receiver = (block(lit, r) > 0) & (block(index, r) != std::int32_t(k + 1));
            if (!receiver.any().item<bool>())
                continue;
            const V3 q = hitPoints(r);
            const V3 o{q.x.add_(block(nx, r), 1e-3), q.y.add_(block(ny, r), 1e-3),
                       q.z.add_(block(nz, r), 1e-3)};
            const Tensor t = hit(p, o, sunDir, one);
            block(lit, r).masked_fill_(receiver & (t < kInf), 0);
        }
    }
    // Sky light from above, a little bounce from below.
    const Tensor light = nz.mul(0.175).add_(0.225); // (0.5 + 0.5 nz) * 0.35 + 0.05
    const Tensor sunLight = lit.mul(world.sunIntensity);
    const Tensor elevation = (dir.z * im.invLength).clamp_(0, 1).sqrt_();
    BlockingImage out;
    out.width = W;
    out.height = H;
    out.rgb.resize(std::size_t(W) * H * 3);
    // Colour goes straight into the interleaved output unless a post effect
    // needs whole planes.
    const bool dof = view.dofScalePx > 0 && view.focusDistanceM > 0;
    const bool planar = dof || view.vignette > 0;
    const Tensor rgb = torch::from_blob(out.rgb.data(), {H, W, 3}, torch::kFloat32);
    Tensor colour = planar ? torch::empty({3, H, W}) : Tensor();
    for (int c = 0; c < 3; ++c) {
        const float zenith = world.skyColour[std::size_t(c)];
        const float horizon = 0.5f * zenith + 0.5f * 0.95f;
        const Tensor surface =
            torch::addcmul(sunLight, light, scalar(zenith / 0.62f)).mul_(albedo[c]);
        Tensor sky = elevation * (zenith - horizon);
        sky.add_(horizon);
        Tensor target = planar ? colour[c] : rgb.select(2, c);
        torch::where_out(target, hitMask, surface, sky);
    }
    if (view.vignette > 0)
        colour.mul_(im.vignetteFactor);
    if (dof)
        colour = detail::depthOfField(colour, depth, view.focusDistanceM, view.dofScalePx);
    if (planar)
        rgb.copy_(colour.permute({1, 2, 0}));

    out.depth.resize(std::size_t(W) * H);
    torch::from_blob(out.depth.data(), {H, W}, torch::kFloat32).copy_(depth);
    out.objectId.resize(std::size_t(W) * H);
    torch::from_blob(out.objectId.data(), {H, W}, torch::kInt32).copy_(ids);
    return out;
}

} // namespace retake::generation
