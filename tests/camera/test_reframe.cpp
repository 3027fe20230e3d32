// Over 600 lines for one reason: one Qt Test class for one operation,
// reframe (2D turns and zooms, takes, parallax by depth, lens distortion,
// depth of field), whose cases share the plates and lens helpers above it.

// Reframing and 2.5D parallax against exact ground truth: a synthetic frame
// panned by N px lands N px over and the mask is exactly the N uncovered
// columns; a zoom-out masks exactly the pixels outside the original picture;
// locked frames stay bit-exact in the take; the parallax warp of blocking
// render A toward camera B matches render B outside the disocclusion mask,
// and the mask covers the disoccluded pixels; depth of field from depth is
// the blocking renderer's; bad input.
#include "camera/blockingrender.h"
#include "camera/cameraexport.h"
#include "camera/motion.h"
#include "camera/reframe.h"
#include "core/error.h"
#include "document/document.h"
#include "media/encode.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "retake/generation/blocking.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;
namespace gen = retake::generation;

namespace {

constexpr double kPi = 3.14159265358979323846;

Camera super35(double focal = 35) {
    Camera c;
    c.focalLengthMm = focal;
    c.filmbackWidthMm = 24.89;
    c.filmbackHeightMm = 18.66;
    return c;
}

// A frame whose every pixel is distinct: value = (x + 3 y + 7 c) / 1000.
gen::FrameStack pattern(int w, int h) {
    gen::FrameStack s(1, 3, h, w);
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                s.at(0, c, y, x) = float(x + 3 * y + 7 * c) / 1000.0f;
    return s;
}

gen::FrameStack planar(const gen::BlockingImage& image) {
    gen::FrameStack s(1, 3, image.height, image.width);
    const std::size_t n = std::size_t(image.width) * image.height;
    for (std::size_t i = 0; i < n; ++i)
        for (int c = 0; c < 3; ++c)
            s.data[std::size_t(c) * n + i] = image.rgb[i * 3 + std::size_t(c)];
    return s;
}

gen::PinholeCamera pinholeOf(const gen::BlockingView& v) {
    gen::PinholeCamera c;
    c.width = v.width;
    c.height = v.height;
    c.fx = v.fx;
    c.fy = v.fy;
    c.cx = v.cx;
    c.cy = v.cy;
    c.k1 = v.k1;
    c.k2 = v.k2;
    c.cameraToWorld = v.cameraToWorld;
    return c;
}

// PSNR of `frames` against `truth` where the mask is clear.
double psnrOutsideMask(const gen::FrameStack& frames, const gen::FrameStack& masks,
                       const gen::FrameStack& truth) {
    double squared = 0;
    std::size_t count = 0;
    for (int y = 0; y < frames.height; ++y)
        for (int x = 0; x < frames.width; ++x) {
            if (masks.at(0, 0, y, x) > 0.5f)
                continue;
            for (int c = 0; c < 3; ++c) {
                const double d = std::clamp(frames.at(0, c, y, x), 0.f, 1.f) -
                                 std::clamp(truth.at(0, c, y, x), 0.f, 1.f);
                squared += d * d;
            }
            ++count;
        }
    return 10 * std::log10(1.0 / (squared / (3.0 * count)));
}

BlockingScene testScene() {
    BlockingScene s;
    s.enabled = true;
    const auto add = [&](int id, BlockingShape shape, Vec3 at, Vec3 size, Vec3 colour) {
        BlockingObject o;
        o.id = id;
        o.name = QStringLiteral("o%1").arg(id);
        o.shape = shape;
        o.position = at;
        o.size = size;
        o.colour = colour;
        s.objects.push_back(o);
    };
    add(2, BlockingShape::Person, {-0.4, 0, 0}, {0.45, 0.3, 1.75}, {0.6, 0.2, 0.1});
    add(3, BlockingShape::Box, {0.9, 1.0, 0}, {0.8, 0.8, 1.0}, {0.2, 0.4, 0.7});
    add(4, BlockingShape::Wall, {0, 4, 0}, {10, 0.2, 3}, {0.7, 0.7, 0.6});
    add(5, BlockingShape::Sphere, {-1.5, 2, 0}, {0.6, 0.6, 0.6}, {0.2, 0.6, 0.2});
    return s;
}

// A Gaussian dot (sigma 1.5 px) centred on pixel position (px, py).
gen::FrameStack dot(int w, int h, double px, double py) {
    gen::FrameStack s(1, 3, h, w);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double dx = x + 0.5 - px, dy = y + 0.5 - py;
            const float v = float(std::exp(-(dx * dx + dy * dy) / (2 * 1.5 * 1.5)));
            for (int c = 0; c < 3; ++c)
                s.at(0, c, y, x) = v;
        }
    return s;
}

// Intensity-weighted centre of channel 0, in pixel positions.
std::pair<double, double> centroid(const gen::FrameStack& s) {
    double sum = 0, sx = 0, sy = 0;
    for (int y = 0; y < s.height; ++y)
        for (int x = 0; x < s.width; ++x) {
            const double v = s.at(0, 0, y, x) > 0.01f ? s.at(0, 0, y, x) : 0.0;
            sum += v;
            sx += v * (x + 0.5);
            sy += v * (y + 0.5);
        }
    return {sx / sum, sy / sum};
}

// Where a warped dot landed against where it should: the miss in pixels,
// and a message saying both.
struct Landing {
    double missPx = 0;
    QString text;
};
Landing landing(const gen::FrameStack& warpedDot, const PixelPoint& expected) {
    const auto [x, y] = centroid(warpedDot);
    return {
        std::hypot(x - expected.x, y - expected.y),
        QStringLiteral("(%1, %2) expected (%3, %4)").arg(x).arg(y).arg(expected.x).arg(expected.y)};
}

gen::RadialLens lensOf(const Intrinsics& k, double zoom, bool distortion = true) {
    return {zoom * k.fx, zoom * k.fy, k.cx, k.cy, distortion ? k.k1 : 0, distortion ? k.k2 : 0};
}

struct Project8 {
    QTemporaryDir dir;
    std::unique_ptr<Document> doc;
    Id shot;
};

// A project with an 8-frame 64x48 PNG sequence whose frames differ.
void makeProject(Project8& p) {
    QVERIFY(p.dir.isValid());
    for (int f = 0; f < 8; ++f) {
        Image image(64, 48, 3, SampleType::UInt8);
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 64; ++x)
                for (int c = 0; c < 3; ++c)
                    image.pixels[(std::size_t(y) * 64 + x) * 3 + c] = std::uint8_t(
                        (x * 3 + y * 5 + c * 40 + f * 7 + ((x / 8 + y / 8) % 2) * 60) % 256);
        writeImageFile(p.dir.filePath(QStringLiteral("plate_%1.png").arg(f, 4, 10, QChar('0'))),
                       image);
    }
    p.doc =
        std::make_unique<Document>(Project::createEmpty(QStringLiteral("t"), Rational(24), 64, 48));
    p.doc->saveAs(p.dir.filePath(QStringLiteral("p.retake")));
    p.shot =
        p.doc->importMedia(openMedia(p.dir.filePath(QStringLiteral("plate_0000.png")))->info());
}

} // namespace

class TestReframe : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Pan, tilt and roll turn the camera about the lens's centre: whatever
    // their depth, points land where the turned camera (movedPose, lens.h's
    // projection) sees them. The shift of f tan(angle) this replaced is right
    // at the centre only and misses off-centre points by pixels.
    void panTiltRollTurnTheCamera() {
        const int w = 320, h = 180;
        const Intrinsics k = intrinsics(super35(35), w, h);
        const CameraPose pose; // at (0, 0, 1.6) looking along +Y, level
        const double pan = 12, tilt = -5, roll = 3;
        const CameraPose turned = movedPose(pose, {}, pan, tilt, roll);
        const gen::Homography turn = reframeHomography(k, 1, pan, tilt, roll);
        // The former model: roll, then a shift of tan(angle).
        const double r = roll * kPi / 180;
        const gen::Homography shiftNormalised{
            {{std::cos(r), -std::sin(r), -std::tan(pan * kPi / 180)},
             {std::sin(r), std::cos(r), std::tan(tilt * kPi / 180)},
             {0, 0, 1}}};
        int checked = 0;
        double worstShift = 0;
        for (const Vec3& p : {Vec3{0, 3, 1.6}, Vec3{-1.2, 4, 1.2}, Vec3{-2.5, 6, 2.4},
                              Vec3{0.3, 9, 0.6}, Vec3{-0.2, 2, 1.95}, Vec3{-1.9, 5, 0.9},
                              Vec3{-0.9, 3, 1.3}, Vec3{-0.5, 4, 2.1}, Vec3{0.2, 5, 1.0}}) {
            const PixelPoint a = projectPoint(k, cameraToWorld(pose), p);
            const PixelPoint b = projectPoint(k, cameraToWorld(turned), p);
            const auto inside = [&](const PixelPoint& q) {
                return q.inFront && q.x > 6 && q.x < w - 6 && q.y > 6 && q.y < h - 6;
            };
            if (!inside(a) || !inside(b))
                continue;
            ++checked;
            gen::FrameStack frames = dot(w, h, a.x, a.y), masks(1, 1, h, w);
            gen::warpFrame(frames, masks, 0, turn);
            const Landing landed = landing(frames, b);
            QVERIFY2(landed.missPx < 0.05, qPrintable(landed.text));
            frames = dot(w, h, a.x, a.y);
            gen::warpFrameThroughLens(frames, masks, 0, lensOf(k, 1, false), shiftNormalised,
                                      lensOf(k, 1, false));
            const auto [sx, sy] = centroid(frames);
            worstShift = std::max(worstShift, std::hypot(sx - b.x, sy - b.y));
        }
        QVERIFY2(checked >= 4, qPrintable(QString::number(checked)));
        qInfo("a shift instead of the turn misses by up to %.2f px", worstShift);
        QVERIFY2(worstShift > 2, qPrintable(QString::number(worstShift)));
        // Panning left uncovers the left edge, not the right.
        gen::FrameStack frames = pattern(w, h), masks(1, 1, h, w);
        const double masked = gen::warpFrame(frames, masks, 0, reframeHomography(k, 1, pan, 0, 0));
        QVERIFY(masked > 0);
        for (int y : {0, h / 2, h - 1}) {
            QVERIFY(masks.at(0, 0, y, 0) > 0.5f);
            QVERIFY(masks.at(0, 0, y, w - 1) < 0.5f);
        }
        // Straight ahead moves by f tan(angle): pan by atan(n / fx) brings
        // the source's column cx - n to the centre.
        const double n = 7;
        double cx = k.cx, cy = k.cy;
        const gen::Homography centre =
            reframeHomography(k, 1, std::atan(n / k.fx) * 180 / kPi, 0, 0);
        const double zw = centre[2][0] * cx + centre[2][1] * cy + centre[2][2];
        QVERIFY(std::abs((centre[0][0] * cx + centre[0][1] * cy + centre[0][2]) / zw - (k.cx - n)) <
                1e-9);
        QVERIFY(std::abs((centre[1][0] * cx + centre[1][1] * cy + centre[1][2]) / zw - k.cy) <
                1e-9);
    }

    void zoomOutMasksExactlyTheOutsidePixels() {
        const int w = 64, h = 48;
        const Intrinsics k = intrinsics(super35(), w, h);
        gen::FrameStack frames = pattern(w, h), masks(1, 1, h, w);
        // Half the focal length: the picture fills the middle half, [16, 48) x [12, 36).
        const double masked = gen::warpFrame(frames, masks, 0, reframeHomography(k, 0.5, 0, 0, 0));
        QCOMPARE(masked, 1.0 - (32.0 * 24.0) / (64.0 * 48.0));
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const bool inside = x >= 16 && x < 48 && y >= 12 && y < 36;
                QCOMPARE(masks.at(0, 0, y, x) < 0.5f, inside);
                if (!inside)
                    QCOMPARE(frames.at(0, 0, y, x), 0.0f);
            }
        // Output pixel (20, 14) samples the source at 2 * (20.5, 14.5) - (32, 24) = (9, 5),
        // a pixel corner: the mean of source pixels 8..9 x 4..5.
        const gen::FrameStack s = pattern(w, h);
        const float expected =
            (s.at(0, 0, 4, 8) + s.at(0, 0, 4, 9) + s.at(0, 0, 5, 8) + s.at(0, 0, 5, 9)) / 4;
        QVERIFY(std::abs(frames.at(0, 0, 14, 20) - expected) < 1e-6f);
    }

    void rollTurnsThePictureClockwise() {
        const int w = 65, h = 65;
        Camera c = super35();
        c.filmbackHeightMm = c.filmbackWidthMm; // square
        const Intrinsics k = intrinsics(c, w, h);
        gen::FrameStack frames(1, 3, h, w), masks(1, 1, h, w);
        frames.at(0, 0, 32, 52) = 1; // 20 px right of the centre pixel
        gen::warpFrame(frames, masks, 0, reframeHomography(k, 1, 0, 0, 30));
        int bx = 0, by = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if (frames.at(0, 0, y, x) > frames.at(0, 0, by, bx)) {
                    bx = x;
                    by = y;
                }
        // The camera rolls counter-clockwise: the dot goes down-right by 30 degrees.
        QVERIFY2(std::abs(bx - (32 + 20 * std::cos(kPi / 6))) <= 1 &&
                     std::abs(by - (32 + 20 * std::sin(kPi / 6))) <= 1,
                 qPrintable(QStringLiteral("%1,%2").arg(bx).arg(by)));
    }

    void takeKeepsLockedFramesBitExact() {
        Project8 p;
        makeProject(p);
        p.doc->lockRange(p.shot, {2, 4});
        const Project project = p.doc->project();
        const Intrinsics k = intrinsics(project.findShot(p.shot)->camera, 64, 48);
        const int n = 6;
        ReframeRequest r;
        r.shotId = p.shot;
        r.range = {0, 8};
        r.panDeg = std::atan(n / k.fx) * 180 / kPi;
        Progress progress;
        const RegenResult result = reframe(project, p.doc->cacheDir(), r, progress);
        QVERIFY(result.take.maskId.isNull());
        QCOMPARE(result.take.regenerated.frameCount(), FrameNumber(6)); // 8 minus 2 locked
        QVERIFY(!result.take.regenerated.contains(2) && !result.take.regenerated.contains(3));
        QVERIFY(result.take.parameters.value(QStringLiteral("reframe")).startsWith("pan="));
        const auto takeFrames = openMedia(result.take.framesPath);
        QCOMPARE(takeFrames->info().frameCount, FrameNumber(8));
        const auto plate = openMedia(p.dir.filePath(QStringLiteral("plate_0000.png")));
        for (int f = 0; f < 8; ++f) {
            const Image out = takeFrames->readFrame(f), in = plate->readFrame(f);
            if (f == 2 || f == 3) {
                QCOMPARE(out.pixels, in.pixels); // locked: bit-exact
                continue;
            }
            // Away from the filled band, the engine's 4 px dilation and the
            // blend (the source point 10 px inside the plate; the band is wider at the top
            // and bottom on the right, where the turn keystones): the plate
            // turned by the pan, bilinearly sampled through the homography,
            // within rounding.
            const gen::Homography turn = reframeHomography(k, 1, r.panDeg, 0, 0);
            int compared = 0;
            for (int y = 0; y < 48; ++y)
                for (int x = 0; x < 64; ++x) {
                    // Pixel centres at +0.5 (generation/reframe.h).
                    const double px = x + 0.5, py = y + 0.5;
                    const double zw = turn[2][0] * px + turn[2][1] * py + turn[2][2];
                    const double sx = (turn[0][0] * px + turn[0][1] * py + turn[0][2]) / zw - 0.5;
                    const double sy = (turn[1][0] * px + turn[1][1] * py + turn[1][2]) / zw - 0.5;
                    if (sx < 10 || sx > 63 - 10 || sy < 10 || sy > 47 - 10)
                        continue;
                    ++compared;
                    // Sampled as OpenCV's remap does: at 1/32 px.
                    const long qx = std::lround(sx * 32), qy = std::lround(sy * 32);
                    const int x0 = int(qx >> 5), y0 = int(qy >> 5);
                    const double fx = (qx & 31) / 32.0, fy = (qy & 31) / 32.0;
                    const auto at = [&](int xx, int yy, int c) {
                        xx = std::clamp(xx, 0, 63);
                        yy = std::clamp(yy, 0, 47);
                        return double(in.pixels[(std::size_t(yy) * 64 + xx) * 3 + c]);
                    };
                    for (int c = 0; c < 3; ++c) {
                        const double expected =
                            (1 - fy) * ((1 - fx) * at(x0, y0, c) + fx * at(x0 + 1, y0, c)) +
                            fy * ((1 - fx) * at(x0, y0 + 1, c) + fx * at(x0 + 1, y0 + 1, c));
                        QVERIFY2(std::abs(out.pixels[(std::size_t(y) * 64 + x) * 3 + c] -
                                          expected) <= 1.0,
                                 qPrintable(QStringLiteral(
                                                "frame %1 (%2, %3) from (%4, %5): %6, expected %7")
                                                .arg(f)
                                                .arg(x)
                                                .arg(y)
                                                .arg(sx)
                                                .arg(sy)
                                                .arg(out.pixels[(std::size_t(y) * 64 + x) * 3 + c])
                                                .arg(expected)));
                    }
                }
            QVERIFY2(compared > 1000, qPrintable(QString::number(compared)));
            // The uncovered band was filled, not left black.
            int dark = 0;
            for (int y = 0; y < 48; ++y)
                dark += out.pixels[(std::size_t(y) * 64 + 1) * 3] == 0 ? 1 : 0;
            QVERIFY(dark < 48);
        }
        // A take like regen's: one undo step.
        const int steps = p.doc->undoStack()->count();
        p.doc->addTake(p.shot, result.take);
        QCOMPARE(p.doc->project().findShot(p.shot)->takes.size(), 1);
        p.doc->undoStack()->undo();
        QCOMPARE(p.doc->undoStack()->count(), steps + 1);
        QVERIFY(p.doc->project().findShot(p.shot)->takes.isEmpty());
    }

    void cropZoomNeedsNoFill() {
        Project8 p;
        makeProject(p);
        ReframeRequest r;
        r.shotId = p.shot;
        r.range = {0, 2};
        r.focalLengthMm = 70; // 35 mm lens: zoom 2
        Progress progress;
        const RegenResult result = reframe(p.doc->project(), p.doc->cacheDir(), r, progress);
        QVERIFY(result.notes.join(QLatin1Char(' ')).contains(QLatin1String("did not run")));
        const Image out = openMedia(result.take.framesPath)->readFrame(0);
        const Image in = openMedia(p.dir.filePath(QStringLiteral("plate_0000.png")))->readFrame(0);
        // Output pixel (x, y) samples the source at the centre + half the offset:
        // output (33, 25) -> source (32.75, 24.75): 3/4 of pixel 32, 1/4 of 33 (and rows 24, 25).
        const auto px = [&](int x, int y) {
            return double(in.pixels[(std::size_t(y) * 64 + x) * 3]);
        };
        const double expected =
            0.5625 * px(32, 24) + 0.1875 * px(33, 24) + 0.1875 * px(32, 25) + 0.0625 * px(33, 25);
        QVERIFY2(std::abs(out.pixels[(std::size_t(25) * 64 + 33) * 3] - expected) <= 1.0,
                 qPrintable(QString::number(expected)));
    }

    // The same move on pictures drawn through a distorting lens (a blocking
    // render with k1, k2): reprojected through the lens it matches the render
    // from the moved camera; treating the pictures as pinhole images does not.
    void parallaxThroughADistortingLens() {
        const int w = 320, h = 180;
        Camera camera = super35(28);
        camera.lens.distortionK1 = -0.12;
        camera.lens.distortionK2 = 0.02;
        CameraPose a;
        a.position = {0, -5, 1.5};
        a.focalLengthMm = 28;
        const CameraPose b = movedPose(a, {0.25, 0, 0.2}, 8, 3, 0); // a turn shows the lens
        const gen::BlockingWorld world = blockingWorld(testScene());
        gen::BlockingRenderer renderer;
        const gen::BlockingView va = blockingView(camera, a, w, h),
                                vb = blockingView(camera, b, w, h);
        QVERIFY(va.k1 != 0); // the renders are distorted
        const gen::BlockingImage ra = renderer.render(world, va), rb = renderer.render(world, vb);
        const gen::FrameStack truth = planar(rb);

        gen::FrameStack frames = planar(ra), masks(1, 1, h, w);
        const double masked =
            gen::reprojectFrame(frames, masks, 0, ra.depth.data(), pinholeOf(va), pinholeOf(vb));
        const double throughLens = psnrOutsideMask(frames, masks, truth);

        gen::PinholeCamera pa = pinholeOf(va), pb = pinholeOf(vb);
        pa.k1 = pa.k2 = pb.k1 = pb.k2 = 0;
        gen::FrameStack pinholeFrames = planar(ra), pinholeMasks(1, 1, h, w);
        gen::reprojectFrame(pinholeFrames, pinholeMasks, 0, ra.depth.data(), pa, pb);
        const double asPinhole = psnrOutsideMask(pinholeFrames, pinholeMasks, truth);
        qInfo("parallax through k1 -0.12, k2 0.02: PSNR %.2f dB outside the mask (%.2f%% masked); "
              "as a pinhole picture %.2f dB",
              throughLens, masked * 100, asPinhole);
        QVERIFY2(throughLens > 34, qPrintable(QString::number(throughLens)));
        // Measured 35.6 dB against 32.5 dB.
        QVERIFY2(throughLens > asPinhole + 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(throughLens).arg(asPinhole)));
        QVERIFY(masked < 0.35); // the turn uncovers a band: 26% measured
        // Without a move the warp through the lens is the identity.
        gen::FrameStack still = planar(ra), stillMasks(1, 1, h, w);
        gen::reprojectFrame(still, stillMasks, 0, ra.depth.data(), pinholeOf(va), pinholeOf(va));
        const gen::FrameStack original = planar(ra);
        double worst = 0;
        int stillMasked = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                if (stillMasks.at(0, 0, y, x) > 0.5f) {
                    ++stillMasked;
                    continue;
                }
                for (int c = 0; c < 3; ++c)
                    worst = std::max(
                        worst, double(std::abs(still.at(0, c, y, x) - original.at(0, c, y, x))));
            }
        QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst)));
        QVERIFY2(stillMasked < w * h / 200, qPrintable(QString::number(stillMasked)));
    }

    void parallaxMatchesTheRenderFromTheMovedCamera() {
        const int w = 320, h = 180;
        Camera camera = super35(28);
        CameraPose a;
        a.position = {0, -5, 1.5};
        a.focalLengthMm = 28;
        // Camera B: 25 cm to the right, 20 cm forward, turned 2 degrees left.
        const CameraPose b = movedPose(a, {0.25, 0, 0.2}, 2, 0, 0);
        const gen::BlockingWorld world = blockingWorld(testScene());
        gen::BlockingRenderer renderer;
        const gen::BlockingView va = blockingView(camera, a, w, h),
                                vb = blockingView(camera, b, w, h);
        const gen::BlockingImage ra = renderer.render(world, va), rb = renderer.render(world, vb);
        gen::FrameStack frames = planar(ra), masks(1, 1, h, w);
        const double masked =
            gen::reprojectFrame(frames, masks, 0, ra.depth.data(), pinholeOf(va), pinholeOf(vb));
        const gen::FrameStack truth = planar(rb);

        // PSNR outside the mask.
        double squared = 0;
        std::size_t count = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                if (masks.at(0, 0, y, x) > 0.5f)
                    continue;
                for (int c = 0; c < 3; ++c) {
                    const double d = std::clamp(frames.at(0, c, y, x), 0.f, 1.f) -
                                     std::clamp(truth.at(0, c, y, x), 0.f, 1.f);
                    squared += d * d;
                }
                ++count;
            }
        const double psnr = 10 * std::log10(1.0 / (squared / (3.0 * count)));

        // Disoccluded in truth: B's surface point is outside A's frame or hidden in A.
        const gen::PinholeCamera pa = pinholeOf(va), pb = pinholeOf(vb);
        const RigidTransform toWorldB = cameraToWorld(b), toCameraA = cameraToWorld(a).inverse();
        int disoccluded = 0, covered = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const float d = rb.depth[std::size_t(y) * w + x];
                if (!std::isfinite(d))
                    continue; // sky: seen from both
                const Vec3 local{(x + 0.5 - pb.cx) / pb.fx * d, (pb.cy - (y + 0.5)) / pb.fy * d,
                                 -double(d)};
                const Vec3 inA = toCameraA.apply(toWorldB.apply(local));
                const double da = -inA.z;
                const double sx = pa.cx + pa.fx * inA.x / da, sy = pa.cy - pa.fy * inA.y / da;
                bool hidden = !(sx >= 0 && sx < w && sy >= 0 && sy < h);
                if (!hidden) {
                    // Hidden when every source pixel around the point is nearer.
                    hidden = true;
                    for (int dy = -1; dy <= 1; ++dy)
                        for (int dx = -1; dx <= 1; ++dx) {
                            const int ix = std::clamp(int(sx) + dx, 0, w - 1);
                            const int iy = std::clamp(int(sy) + dy, 0, h - 1);
                            if (ra.depth[std::size_t(iy) * w + ix] > da * 0.97 - 0.02)
                                hidden = false;
                        }
                }
                if (hidden) {
                    ++disoccluded;
                    covered += masks.at(0, 0, y, x) > 0.5f ? 1 : 0;
                }
            }
        qInfo("parallax %dx%d: PSNR %.2f dB outside the mask; mask %.2f%% of the frame; "
              "%d disoccluded pixels, %d masked",
              w, h, psnr, masked * 100, disoccluded, covered);
        QVERIFY(disoccluded > 50); // the move does uncover something
        // Every disoccluded pixel but a few where a silhouette's sub-pixel
        // position decides (4 of 1142 at the time of writing).
        QVERIFY2(covered >= disoccluded * 0.995,
                 qPrintable(QStringLiteral("%1 of %2").arg(covered).arg(disoccluded)));
        QVERIFY2(psnr > 36, qPrintable(QString::number(psnr)));
        QVERIFY(masked < 0.1);
        // Without a move the warp is the identity and nothing is masked.
        gen::FrameStack same = planar(ra);
        QCOMPARE(gen::reprojectFrame(same, masks, 0, ra.depth.data(), pa, pa), 0.0);
        const gen::FrameStack original = planar(ra);
        for (std::size_t i = 0; i < same.data.size(); ++i)
            QVERIFY(std::abs(same.data[i] - original.data[i]) < 1e-5f);
    }

    void depthOfFieldFromDepthIsTheRenderers() {
        const int w = 160, h = 90;
        Camera camera = super35(50);
        camera.fStop = 1.4;
        camera.focusDistanceM = 2.0;
        CameraPose pose;
        pose.position = {0, -3, 1.2};
        const gen::BlockingWorld world = blockingWorld(testScene());
        gen::BlockingRenderer renderer;
        const gen::BlockingView sharp = blockingView(camera, pose, w, h, false);
        const gen::BlockingView blurred = blockingView(camera, pose, w, h, true);
        QVERIFY(blurred.dofScalePx > 0);
        const gen::BlockingImage plain = renderer.render(world, sharp);
        const gen::BlockingImage withDof = renderer.render(world, blurred);
        gen::FrameStack frames = planar(plain);
        gen::depthOfFieldFromDepth(frames, 0, plain.depth.data(), blurred.focusDistanceM,
                                   blurred.dofScalePx);
        const gen::FrameStack expected = planar(withDof);
        const gen::FrameStack original = planar(plain);
        double worst = 0, changed = 0;
        for (std::size_t i = 0; i < frames.data.size(); ++i) {
            worst = std::max(worst, double(std::abs(frames.data[i] - expected.data[i])));
            changed = std::max(changed, double(std::abs(frames.data[i] - original.data[i])));
        }
        QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
        QVERIFY(changed > 0.05); // and it did blur
    }

    void focusPullDrivesTheRenderPerFrame() {
        Camera camera = super35(50);
        camera.fStop = 1.4;
        camera.focusDistanceM = 2.0;
        camera.motion.pose.position = {0, -3, 1.2};
        MoveParams pull;
        pull.kind = MoveKind::FocusPull;
        pull.start = 0;
        pull.frames = 10;
        pull.amount = 6.9; // to the wall's face, 6.9 m along the axis
        camera.motion = withMove(camera, pull);
        QCOMPARE(camera.motion.keys.size(), 2);
        QCOMPARE(keyedPose(camera, 5).focusDistanceM, 4.45); // ease-in-out halfway
        QCOMPARE(keyedPose(camera, 2).focusDistanceM, 2.0 + 4.9 * ease(Easing::EaseInOut, 0.2));
        // The camera does not move.
        QCOMPARE(keyedPose(camera, 10).position, keyedPose(camera, 0).position);
        // The blocking render's DoF follows the pull.
        const gen::BlockingWorld world = blockingWorld(testScene());
        gen::BlockingRenderer renderer;
        // How far the wall's pixels are from a render without depth of field.
        const auto wallContrast = [&](double frame) {
            const CameraPose pose = evaluatePose(camera, frame, Rational(24));
            const gen::BlockingView v = blockingView(camera, pose, 320, 180, true);
            const gen::BlockingImage img = renderer.render(world, v);
            const gen::BlockingImage sharp =
                renderer.render(world, blockingView(camera, pose, 320, 180, false));
            double worst = 0;
            for (std::size_t i = 0; i < img.objectId.size(); ++i)
                if (img.objectId[i] == 4)
                    for (int c = 0; c < 3; ++c)
                        worst = std::max(
                            worst, double(std::abs(img.rgb[i * 3 + c] - sharp.rgb[i * 3 + c])));
            return std::make_pair(v.focusDistanceM, worst);
        };
        const auto start = wallContrast(0), end = wallContrast(10);
        QCOMPARE(start.first, 2.0);
        QCOMPARE(end.first, 6.9);
        // In focus at the end: the wall is exactly the sharp render; blurred at the start.
        QVERIFY2(end.second < 1e-4 && start.second > 0.02,
                 qPrintable(QStringLiteral("%1 %2").arg(start.second).arg(end.second)));
    }

    void focusPullIsExportedPerFrame() {
        Camera camera = super35(50);
        camera.focusDistanceM = 2.0;
        MoveParams pull;
        pull.kind = MoveKind::FocusPull;
        pull.frames = 8;
        pull.amount = 6.0;
        camera.motion = withMove(camera, pull);
        CameraExportSettings s;
        s.frames = {0, 9};
        s.firstOutputFrame = 1001;
        // USD: focusDistance sampled at every frame, in scene units.
        const QString usda = usdaText(camera, s);
        QVERIFY(usda.contains(QLatin1String("float focusDistance.timeSamples = {")));
        for (FrameNumber f = 0; f <= 8; ++f) {
            const double focus = evaluatePose(camera, double(f), s.frameRate).focusDistanceM;
            QVERIFY2(usda.contains(QStringLiteral("        %1: %2,\n")
                                       .arg(1001 + f)
                                       .arg(QString::number(focus, 'g', 15))),
                     qPrintable(QString::number(f)));
        }
        QCOMPARE(
            toUsd(camera, evaluatePose(camera, 4, s.frameRate), 1920, 1080, 0.01).focusDistance,
            400.0); // 4 m halfway, in centimetres
        // Blender: every FRAMES tuple ends with the focus distance, keyed per frame.
        const QString py = blenderScriptText(camera, s);
        QVERIFY(py.contains(
            QLatin1String("cam_data.dof.keyframe_insert(data_path=\"focus_distance\"")));
        QVERIFY(py.contains(QLatin1String(", 50, 2),\n"))); // frame 1001: 50 mm, 2 m
        QVERIFY(py.contains(QLatin1String(", 50, 6),\n"))); // frame 1009: 6 m
        QCOMPARE(toBlender(camera, evaluatePose(camera, 4, s.frameRate), 1920, 1080).focusDistanceM,
                 4.0);
        // A camera without a pull keeps a single focus distance.
        QVERIFY(!usdaText(super35(), s).contains(QLatin1String("focusDistance.timeSamples")));
    }

    void lensDistortionRoundTripsAndFolds() {
        const gen::RadialLens lens{450, 450, 160, 90, -0.15, 0.02};
        for (double x : {0.0, 0.1, -0.35, 0.6})
            for (double y : {0.0, 0.2, -0.3}) {
                double dx = x, dy = y;
                QVERIFY(gen::distortNormalised(lens, dx, dy));
                const double r2 = x * x + y * y, s = 1 - 0.15 * r2 + 0.02 * r2 * r2; // lens.h
                QVERIFY(std::abs(dx - x * s) < 1e-15 && std::abs(dy - y * s) < 1e-15);
                QVERIFY(gen::undistortNormalised(lens, dx, dy));
                QVERIFY2(
                    std::abs(dx - x) < 1e-10 && std::abs(dy - y) < 1e-10,
                    qPrintable(QStringLiteral("%1,%2 -> %3,%4").arg(x).arg(y).arg(dx).arg(dy)));
            }
        // r (1 - 0.5 r^2) rises up to r = sqrt(2/3) = 0.816, where r_d = 0.544:
        // directions past it fold, distorted radii past 0.544 do not exist.
        const gen::RadialLens barrel{450, 450, 160, 90, -0.5, 0};
        double x = 0.9, y = 0;
        QVERIFY(!gen::distortNormalised(barrel, x, y));
        x = 0.56;
        QVERIFY(!gen::undistortNormalised(barrel, x, y));
        x = 0.5;
        QVERIFY(gen::undistortNormalised(barrel, x, y));
        QVERIFY(x > 0.5 && x < 0.8165);
        QVERIFY(std::abs(x * (1 - 0.5 * x * x) - 0.5) < 1e-12);
    }

    // A 2D move (the handheld position shake) through a distorting lens: the
    // points of the plane at the focus distance land where the lens.h
    // projection from the moved camera puts them; ignoring the distortion
    // misses them.
    void moveOnTheFocusPlaneThroughTheLensLandsWhereTheMovedCameraSees() {
        Camera c = super35(35);
        c.lens.distortionK1 = -0.25;
        c.lens.distortionK2 = 0.05;
        c.focusDistanceM = 3;
        const int w = 320, h = 180;
        const Intrinsics k = intrinsics(c, w, h);
        const CameraPose pose; // at (0, 0, 1.6) looking along +Y: the plane y = 3 faces it
        const Vec3 move{0.05, -0.04, 0.12}; // right, up, forward
        const CameraPose moved = movedPose(pose, move, 0, 0, 0);
        const gen::Homography h2d = reframeNormalisedHomography(0, 0, 0, move, 3.0);
        double worstPinhole = 0;
        // Inside the frame by more than the dot, so none of it is cut off.
        for (const Vec3& p :
             {Vec3{0, 3, 1.6}, Vec3{0.8, 3, 1.9}, Vec3{-0.8, 3, 1.2}, Vec3{0.7, 3, 1.1}}) {
            const PixelPoint a = projectPoint(k, cameraToWorld(pose), p);
            const PixelPoint b = projectPoint(k, cameraToWorld(moved), p);
            QVERIFY(a.inFront && b.inFront);
            gen::FrameStack frames = dot(w, h, a.x, a.y), masks(1, 1, h, w);
            gen::warpFrameThroughLens(frames, masks, 0, lensOf(k, 1), h2d, lensOf(k, 1));
            const Landing landed = landing(frames, b);
            QVERIFY2(landed.missPx < 0.05, qPrintable(landed.text));
            frames = dot(w, h, a.x, a.y);
            gen::warpFrameThroughLens(frames, masks, 0, lensOf(k, 1, false), h2d,
                                      lensOf(k, 1, false));
            const auto [px, py] = centroid(frames);
            worstPinhole = std::max(worstPinhole, std::hypot(px - b.x, py - b.y));
        }
        qInfo("ignoring the distortion misses by up to %.2f px", worstPinhole);
        QVERIFY2(worstPinhole > 0.5, qPrintable(QString::number(worstPinhole)));
        // Zoom through the lens: the same point through the longer lens (same k1, k2).
        const Vec3 p{0.6, 3, 1.9};
        const PixelPoint a = projectPoint(k, cameraToWorld(pose), p);
        const PixelPoint b = projectPoint(intrinsics(c, w, h, 35 * 1.4), cameraToWorld(pose), p);
        gen::FrameStack frames = dot(w, h, a.x, a.y), masks(1, 1, h, w);
        gen::warpFrameThroughLens(frames, masks, 0, lensOf(k, 1.4),
                                  reframeNormalisedHomography(0, 0, 0), lensOf(k, 1));
        const Landing landed = landing(frames, b);
        QVERIFY2(landed.missPx < 0.05, qPrintable(landed.text));
    }

    // Without distortion the lens warp is the pixel homography of before:
    // the same masks, the same pixels.
    void pinholeLensWarpIsTheHomography() {
        const int w = 64, h = 48;
        const Intrinsics k = intrinsics(super35(), w, h);
        gen::FrameStack a = pattern(w, h), b = pattern(w, h), ma(1, 1, h, w), mb(1, 1, h, w);
        const double fa = gen::warpFrame(a, ma, 0, reframeHomography(k, 0.8, 4, -3, 7));
        const double fb = gen::warpFrameThroughLens(
            b, mb, 0, lensOf(k, 0.8), reframeNormalisedHomography(4, -3, 7), lensOf(k, 1));
        QCOMPARE(fa, fb);
        QVERIFY(fa > 0.2);
        for (std::size_t i = 0; i < a.data.size(); ++i)
            QVERIFY(std::abs(a.data[i] - b.data[i]) < 1e-5f);
        QCOMPARE(ma.data, mb.data);
    }

    // The 2D move's refusals, and the handheld note of a take without depth.
    void moveWithoutDepthNeedsAPlane() {
        try {
            reframeNormalisedHomography(0, 0, 0, {0.1, 0, 0}, 0);
            QFAIL("a move needs a plane distance");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("greater than 0 m")),
                     qPrintable(e.message()));
        }
        try {
            reframeNormalisedHomography(0, 0, 0, {0, 0, 3.0}, 3.0);
            QFAIL("a move through the plane");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("3 m forward")), qPrintable(e.message()));
        }
        Project8 p;
        makeProject(p);
        Camera c = p.doc->project().findShot(p.shot)->camera;
        c.lens.distortionK1 = -0.1;
        p.doc->setCamera(p.shot, c);
        ReframeRequest r;
        r.shotId = p.shot;
        r.range = {0, 3};
        r.zoom = 1.2;
        r.handheld = findHandheldPreset(QStringLiteral("heavy"))->handheld;
        Progress progress;
        const RegenResult out = reframe(p.doc->project(), p.doc->cacheDir(), r, progress);
        const QString notes = out.notes.join(QLatin1Char(' '));
        QVERIFY2(notes.contains(QLatin1String("plane at the focus distance")), qPrintable(notes));
        QVERIFY2(!notes.contains(QLatin1String("distortion")), qPrintable(notes));
        QVERIFY(out.take.range == (FrameRange{0, 3}));
    }

    void badInput() {
        Project8 p;
        makeProject(p);
        Progress progress;
        const auto refused = [&](ReframeRequest r, const char* needle) {
            r.shotId = p.shot;
            r.range = {0, 2};
            try {
                reframe(p.doc->project(), p.doc->cacheDir(), r, progress);
                QFAIL("should have been refused");
            } catch (const Error& e) {
                QCOMPARE(int(e.kind()), int(ErrorKind::Usage));
                QVERIFY2(e.message().contains(QLatin1String(needle)), qPrintable(e.message()));
            }
            QVERIFY(!QDir(p.doc->cacheDir() + QStringLiteral("/takes")).exists() ||
                    QDir(p.doc->cacheDir() + QStringLiteral("/takes"))
                        .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)
                        .isEmpty());
        };
        ReframeRequest r;
        // More than the whole frame: a pan that leaves the picture entirely ...
        r.panDeg = 60;
        refused(r, "sees none of the original picture");
        // ... or a zoom so wide that almost nothing is left.
        r = ReframeRequest();
        r.zoom = 0.2;
        refused(r, "1/16");
        r.zoom = 0;
        refused(r, "1/16");
        r = ReframeRequest();
        r.focalLengthMm = -50;
        refused(r, "focal length");
        r = ReframeRequest();
        r.moveM = {0.1, 0, 0};
        refused(r, "no depth");
        r = ReframeRequest();
        r.depthOfField = true;
        refused(r, "no depth");
        r = ReframeRequest();
        refused(r, "Nothing to reframe");
        r.zoom = 1.5;
        r.depthOfField = true;
        refused(r, "on its own");
        r = ReframeRequest();
        r.zoom = 1.5;
        r.engine = QStringLiteral("interpolate");
        refused(r, "interpolate");
        r = ReframeRequest();
        r.rollDeg = 95;
        refused(r, "between -90 and 90");
        // Keyed focus distances must be positive, like the lens's.
        Camera bad = p.doc->project().findShot(p.shot)->camera;
        CameraKey key;
        key.frame = 3;
        key.pose.focusDistanceM = -2;
        setKey(bad.motion, key);
        try {
            p.doc->setCamera(p.shot, bad);
            QFAIL("a negative focus key should be refused");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("focus distance")),
                     qPrintable(e.message()));
        }
        MoveParams pull;
        pull.kind = MoveKind::FocusPull;
        pull.amount = 0;
        try {
            withMove(super35(), pull);
            QFAIL("a focus pull to 0 m should be refused");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("focus distance")),
                     qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestReframe)
#include "test_reframe.moc"
