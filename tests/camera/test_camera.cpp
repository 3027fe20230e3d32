// The camera model against closed-form optics: pinhole projection (with
// shift, squeeze and rotation), depth of a blocking render at the projected
// pixel, the shot-size solver, depth of field, keys and easing, move presets,
// handheld spectrum and determinism, Blender/USD conversions, undoable
// edits, bad input and project-file round trips.
#include "camera/blockingrender.h"
#include "camera/cameraexport.h"
#include "camera/lens.h"
#include "camera/motion.h"
#include "core/error.h"
#include "document/document.h"
#include "projectfile/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <complex>

using namespace retake;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kW = 1920, kH = 1080;

Camera super35(double focal = 35) {
    Camera c;
    c.focalLengthMm = focal;
    c.filmbackWidthMm = 24.89;
    c.filmbackHeightMm = 18.66;
    return c;
}

CameraPose poseAt(Vec3 position, double pan = 0, double tilt = 0, double roll = 0) {
    CameraPose p;
    p.position = position;
    p.panDeg = pan;
    p.tiltDeg = tilt;
    p.rollDeg = roll;
    return p;
}

PixelPoint project(const Camera& c, const CameraPose& pose, Vec3 world) {
    return projectPoint(intrinsics(c, kW, kH, pose.focalLengthMm), cameraToWorld(pose), world);
}

// The textbook pinhole: image-plane mm = f X / Z, then mm -> pixels over the
// visible window (wMm x hMm), shifted by the lens shift.
QPointF pinhole(double f, double x, double y, double depth, double wMm, double hMm,
                double shiftX = 0, double shiftY = 0) {
    const double u = f * x / depth - shiftX, v = f * y / depth - shiftY;
    return {kW / 2.0 + u / wMm * kW, kH / 2.0 - v / hMm * kH};
}

MediaInfo fakeMedia(FrameNumber frames) {
    MediaInfo info;
    info.path = QStringLiteral("/m/plate.mov");
    info.kind = MediaKind::Video;
    info.width = kW;
    info.height = kH;
    info.frameRate = Rational(24);
    info.frameCount = frames;
    return info;
}

template <class Edit> void checkRefused(Document& doc, Edit edit, const char* needle) {
    const Project before = doc.project();
    const int steps = doc.undoStack()->count();
    try {
        edit();
        QFAIL("the edit should have been refused");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Usage));
        QVERIFY2(e.message().contains(QLatin1String(needle), Qt::CaseInsensitive),
                 qPrintable(e.message()));
    }
    QVERIFY(doc.project() == before);
    QCOMPARE(doc.undoStack()->count(), steps);
}

} // namespace

class TestCamera : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetsHavePublishedSizes() {
        QCOMPARE(filmbackPresets().size(), 8);
        const FilmbackPreset* lf = findFilmbackPreset(QStringLiteral("ALEXAMINILF"));
        QVERIFY(lf);
        QCOMPARE(lf->widthMm, 36.70);
        QCOMPARE(lf->heightMm, 25.54);
        QVERIFY(findFilmbackPreset(QStringLiteral("vraptor8kvv")));
        QVERIFY(!findFilmbackPreset(QStringLiteral("vhs")));
    }

    void frameWindowFollowsTheFit() {
        Camera c = super35(); // 1.334:1 filmback, 16:9 image
        FrameWindow w = frameWindow(c, kW, kH);
        QCOMPARE(w.widthMm, 24.89); // fill: full width, top and bottom cropped
        QVERIFY(qFuzzyCompare(w.heightMm, 24.89 * kH / kW));
        c.lens.sensorFit = SensorFit::Overscan;
        w = frameWindow(c, kW, kH);
        QCOMPARE(w.heightMm, 18.66);
        QVERIFY(qFuzzyCompare(w.widthMm, 18.66 * kW / kH));
        c.lens.sensorFit = SensorFit::Vertical;
        QCOMPARE(frameWindow(c, kW, kH).heightMm, 18.66);
        c.lens.sensorFit = SensorFit::Horizontal;
        QCOMPARE(frameWindow(c, kW, kH).widthMm, 24.89);
    }

    void projectionMatchesPinhole() {
        const Camera c = super35(35);
        const CameraPose pose = poseAt({0, 0, 0}); // looks along +Y
        // Camera-space X = world X, up = world Z, depth = world Y.
        const PixelPoint p = project(c, pose, {0.5, 10, 0.3});
        const QPointF expected = pinhole(35, 0.5, 0.3, 10, 24.89, 24.89 * kH / kW);
        QVERIFY(p.inFront);
        QVERIFY(std::abs(p.x - expected.x()) < 1e-9);
        QVERIFY(std::abs(p.y - expected.y()) < 1e-9);
        QVERIFY(std::abs(p.depth - 10) < 1e-12);
        // Behind the camera.
        QVERIFY(!project(c, pose, {0, -1, 0}).inFront);
    }

    void projectionWithShift() {
        Camera c = super35(50);
        c.lens.shiftXMm = 2.0;
        c.lens.shiftYMm = -1.5;
        const PixelPoint p = project(c, poseAt({1, 2, 1.5}), {0.2, 7, 2.1});
        const QPointF expected =
            pinhole(50, 0.2 - 1, 2.1 - 1.5, 7 - 2, 24.89, 24.89 * kH / kW, 2.0, -1.5);
        QVERIFY(std::abs(p.x - expected.x()) < 1e-9);
        QVERIFY(std::abs(p.y - expected.y()) < 1e-9);
        QVERIFY(std::abs(p.depth - 5) < 1e-12);
    }

    void projectionWithSqueeze() {
        // 2x anamorphic on a 21.95 x 18.6 mm 4-perf gate: de-squeezed
        // 43.9 x 18.6 mm is wider than 16:9, so fill crops the sides.
        Camera c = super35(40);
        c.filmbackWidthMm = 21.95;
        c.filmbackHeightMm = 18.6;
        c.lens.anamorphicSqueeze = 2.0;
        const FrameWindow w = frameWindow(c, kW, kH);
        QCOMPARE(w.heightMm, 18.6);
        const PixelPoint p = project(c, poseAt({0, 0, 0}), {-0.7, 6, -0.2});
        const QPointF expected = pinhole(40, -0.7, -0.2, 6, 18.6 * kW / kH, 18.6);
        QVERIFY(std::abs(p.x - expected.x()) < 1e-9);
        QVERIFY(std::abs(p.y - expected.y()) < 1e-9);
        // Spherical on the same gate sees half the horizontal angle per mm.
        c.lens.anamorphicSqueeze = 1.0;
        const PixelPoint q = project(c, poseAt({0, 0, 0}), {-0.7, 6, -0.2});
        QVERIFY(std::abs(q.x - kW / 2.0) > std::abs(p.x - kW / 2.0));
    }

    void rotationConvention() {
        const Camera c = super35();
        // Pan +90 turns left: the camera looks along -X.
        PixelPoint p = project(c, poseAt({0, 0, 0}, 90), {-10, 0, 0});
        QVERIFY(std::abs(p.x - kW / 2.0) < 1e-9 && std::abs(p.y - kH / 2.0) < 1e-9);
        QVERIFY(std::abs(p.depth - 10) < 1e-12);
        // Tilt +30 looks up: a point 30 degrees up is centred.
        p = project(c, poseAt({0, 0, 0}, 0, 30), {0, std::cos(kPi / 6), std::sin(kPi / 6)});
        QVERIFY(std::abs(p.x - kW / 2.0) < 1e-9 && std::abs(p.y - kH / 2.0) < 1e-9);
        // Roll +10 (counter-clockwise from behind): a point to the right of
        // centre appears lower right of centre... i.e. the horizon turns clockwise.
        p = project(c, poseAt({0, 0, 0}, 0, 0, 10), {1, 10, 0});
        QVERIFY(p.x > kW / 2.0 && p.y > kH / 2.0);
    }

    void distortionMovesPointsOutward() {
        Camera c = super35();
        c.lens.distortionK1 = 0.1; // pincushion
        const Intrinsics k = intrinsics(c, kW, kH);
        const CameraPose pose = poseAt({0, 0, 0});
        const PixelPoint p = projectPoint(k, cameraToWorld(pose), {3, 10, 1});
        const double xn = 0.3, yn = 0.1, s = 1 + 0.1 * (xn * xn + yn * yn);
        QVERIFY(std::abs(p.x - (k.cx + k.fx * xn * s)) < 1e-9);
        QVERIFY(std::abs(p.y - (k.cy - k.fy * yn * s)) < 1e-9);
    }

    void renderedDepthAtProjectedPixel() {
        Camera c = super35(35);
        c.lens.shiftXMm = 1.0;
        c.lens.anamorphicSqueeze = 1.33;
        const int w = 480, h = 270;
        const CameraPose pose = poseAt({0.3, -2, 1.6}, 12, -4);
        BlockingScene scene;
        scene.enabled = true;
        BlockingObject ball;
        ball.name = QStringLiteral("ball");
        ball.id = 7;
        ball.shape = BlockingShape::Sphere;
        ball.size = {0.2, 0.2, 0.2};
        ball.position = {-0.8, 5, 1.0}; // centre 0.1 m higher
        scene.objects.push_back(ball);
        generation::BlockingRenderer renderer;
        const generation::BlockingImage img =
            renderer.render(blockingWorld(scene), blockingView(c, pose, w, h));
        const Vec3 centre{-0.8, 5, 1.1};
        const PixelPoint p = projectPoint(intrinsics(c, w, h), cameraToWorld(pose), centre);
        const int px = int(std::floor(p.x)), py = int(std::floor(p.y));
        QVERIFY(px > 0 && px < w && py > 0 && py < h);
        QCOMPARE(img.objectId[std::size_t(py) * w + px], 7);
        // The front of the ball is 0.1 m nearer than its centre along the ray;
        // near the centre pixel the depth is within a few mm of depth - r.
        const float d = img.depth[std::size_t(py) * w + px];
        QVERIFY2(std::abs(d - (p.depth - 0.1)) < 0.01, qPrintable(QString::number(d)));

        // The ground: exact analytic depth along the axis at every pixel of a
        // level camera, t = height / -yn.
        const CameraPose level = poseAt({0, 0, 1.5});
        Camera plain = super35(35);
        const Intrinsics k = intrinsics(plain, w, h);
        const generation::BlockingImage g =
            renderer.render(blockingWorld(BlockingScene{}), blockingView(plain, level, w, h));
        for (int row : {h / 2 + 3, h * 3 / 4, h - 1}) {
            const double yn = (k.cy - (row + 0.5)) / k.fy;
            const double expected = 1.5 / -yn;
            const float got = g.depth[std::size_t(row) * w + 17];
            QVERIFY2(std::abs(got - expected) < 1e-4 * expected,
                     qPrintable(QStringLiteral("%1 vs %2").arg(got).arg(expected)));
            QCOMPARE(g.objectId[std::size_t(row) * w + 17], 1);
        }
        QVERIFY(std::isinf(g.depth[0])); // sky
        QCOMPARE(g.objectId[0], 0);
    }

    void shotSizeSolverMatchesPinhole() {
        const Camera c = super35(50);
        const CameraPose pose = poseAt({0, 0, 0});
        for (const ShotSizeInfo& s : shotSizes()) {
            const double d = distanceForShotSize(c, kW, kH, s.size, 1.75);
            // Pinhole: the frame height at distance d is d * H / f.
            const double frameHeight = s.frameHeightInSubjects * 1.75;
            QVERIFY(std::abs(d - 50 * frameHeight / (24.89 * kH / kW)) < 1e-9);
            // The framed height spans the picture exactly, top to bottom.
            const PixelPoint top = project(c, pose, {0, d, frameHeight / 2});
            const PixelPoint bottom = project(c, pose, {0, d, -frameHeight / 2});
            QVERIFY(std::abs(top.y) < 1e-6);
            QVERIFY(std::abs(bottom.y - kH) < 1e-6);
            const ShotSizeEstimate e = shotSizeAt(c, kW, kH, d, 1.75);
            QCOMPARE(int(e.nearest), int(s.size));
            QVERIFY(std::abs(e.frameHeightInSubjects - s.frameHeightInSubjects) < 1e-9);
        }
        ShotSize size;
        QVERIFY(shotSizeFromString(QStringLiteral("ms"), &size));
        QCOMPARE(int(size), int(ShotSize::Medium));
        QVERIFY(shotSizeFromString(QStringLiteral("extreme wide"), &size));
        QCOMPARE(int(size), int(ShotSize::ExtremeWide));
        QVERIFY(!shotSizeFromString(QStringLiteral("medium-ish"), &size));
    }

    // Framing a subject moves every keyed pose along its own view axis by the
    // same amount (a move keeps its shape) and focus pulls follow; a pull
    // the move would put behind the camera is refused.
    void subjectFramedByMovingAlongTheViewAxis() {
        Camera c;
        c.focusDistanceM = 4;
        CameraKey a, b;
        a.frame = 0;
        a.pose.position = {1, 2, 1.5};
        a.pose.panDeg = 90; // looks along -X
        b.frame = 24;
        b.pose.position = {1, 0, 1.5};
        b.pose.tiltDeg = -90; // looks straight down
        b.pose.focusDistanceM = 1.5;
        c.motion.keys = {a, b};
        const Camera moved = withSubjectAt(c, 3); // 1 m closer
        QCOMPARE(moved.focusDistanceM, 3.0);
        const Vec3 p = moved.motion.keys[0].pose.position;
        QVERIFY(std::abs(p.x - 0) < 1e-12 && std::abs(p.y - 2) < 1e-12 &&
                std::abs(p.z - 1.5) < 1e-12);
        const Vec3 q = moved.motion.keys[1].pose.position;
        QVERIFY(std::abs(q.x - 1) < 1e-12 && std::abs(q.y - 0) < 1e-12 &&
                std::abs(q.z - 0.5) < 1e-12);
        QCOMPARE(moved.motion.keys[1].pose.focusDistanceM, 0.5);
        QCOMPARE(moved.motion.keys[0].pose.focusDistanceM, 0.0); // unset stays unset
        // Moving 1.5 m closer would put key b's 1.5 m focus pull at the camera.
        bool refused = false;
        try {
            withSubjectAt(c, 2.5);
        } catch (const Error& e) {
            refused =
                e.kind() == ErrorKind::Usage && e.message().contains(QStringLiteral("focus pull"));
        }
        QVERIFY(refused);
        // Further away: back along the axis.
        const Camera back = withSubjectAt(c, 6);
        QVERIFY(std::abs(back.motion.keys[0].pose.position.x - 3) < 1e-12);
    }

    void depthOfFieldFigures() {
        Camera c = super35(50);
        c.filmbackWidthMm = 36;
        c.filmbackHeightMm = 24;
        c.fStop = 2.8;
        c.focusDistanceM = 3;
        const DepthOfField d = depthOfField(c);
        const double coc = std::hypot(36.0, 24.0) / 1500; // 0.0288 mm
        QVERIFY(std::abs(d.circleOfConfusionMm - coc) < 1e-12);
        const double hyper = 50.0 * 50 / (2.8 * coc) + 50; // mm
        QVERIFY(std::abs(d.hyperfocalM - hyper / 1000) < 1e-9);
        QVERIFY(std::abs(d.nearM - 3000 * (hyper - 50) / (hyper + 3000 - 100) / 1000) < 1e-9);
        QVERIFY(std::abs(d.farM - 3000 * (hyper - 50) / (hyper - 3000) / 1000) < 1e-9);
        QVERIFY(d.nearM < 3 && d.farM > 3);
        c.focusDistanceM = 100; // past the hyperfocal distance
        QVERIFY(std::isinf(depthOfField(c).farM));
    }

    void keysAndEasing() {
        Camera c = super35();
        setKey(c.motion, {10, poseAt({0, 0, 1}), Easing::Linear});
        setKey(c.motion, {0, poseAt({0, -4, 1}), Easing::EaseInOut});
        setKey(c.motion, {20, poseAt({2, 0, 1}, 40), Easing::Hold});
        QCOMPARE(c.motion.keys.size(), 3);
        QCOMPARE(c.motion.keys[0].frame, FrameNumber(0));
        // Ease-in-out at a quarter: 3t^2 - 2t^3 = 0.15625.
        QVERIFY(std::abs(keyedPose(c, 2.5).position.y - (-4 + 4 * 0.15625)) < 1e-12);
        QVERIFY(std::abs(keyedPose(c, 5).position.y - (-2)) < 1e-12);
        // Linear from 10 to 20.
        QVERIFY(std::abs(keyedPose(c, 15).panDeg - 20) < 1e-12);
        QVERIFY(std::abs(keyedPose(c, 15).position.x - 1) < 1e-12);
        // Outside the keys: held. Focal length resolved from the lens.
        QCOMPARE(keyedPose(c, -5).position.y, -4.0);
        QCOMPARE(keyedPose(c, 99).panDeg, 40.0);
        QCOMPARE(keyedPose(c, 5).focalLengthMm, 35.0);
        // Replacing a key keeps one key per frame.
        setKey(c.motion, {10, poseAt({0, 1, 1}), Easing::Linear});
        QCOMPARE(c.motion.keys.size(), 3);
        QVERIFY(removeKey(c.motion, 10));
        QVERIFY(!removeKey(c.motion, 10));
        QCOMPARE(ease(Easing::Hold, 0.99), 0.0);
    }

    void dollyZoomKeepsSubjectSize() {
        Camera c = super35(24);
        c.motion.pose = poseAt({0, 0, 1.6});
        MoveParams m;
        m.kind = MoveKind::DollyZoom;
        m.start = 0;
        m.frames = 48;
        m.amount = 85; // 24 -> 85 mm
        m.subjectDistanceM = 3;
        c.motion = withMove(c, m);
        const Vec3 head{0, 3, 1.6 + 0.9}, feet{0, 3, 1.6 - 0.9};
        double size0 = -1;
        for (int f = 0; f <= 48; f += 3) {
            const CameraPose pose = evaluatePose(c, f, Rational(24));
            const double size = project(c, pose, feet).y - project(c, pose, head).y;
            if (size0 < 0)
                size0 = size;
            QVERIFY2(std::abs(size - size0) < 1e-6 * size0, qPrintable(QString::number(f)));
        }
        const CameraPose end = evaluatePose(c, 48, Rational(24));
        QCOMPARE(end.focalLengthMm, 85.0);
        QVERIFY(std::abs(end.position.y - (3 - 3 * 85.0 / 24)) < 1e-9); // moved back
    }

    void moveKinds() {
        Camera c = super35(35);
        c.motion.pose = poseAt({0, 0, 1.5});
        MoveParams m;
        m.frames = 24;
        m.kind = MoveKind::Pan;
        m.amount = 30;
        CameraMotion pan = withMove(c, m);
        QCOMPARE(pan.keys.size(), 2);
        QCOMPARE(pan.keys.back().pose.panDeg, 30.0);
        QCOMPARE(pan.keys.back().pose.focalLengthMm, 0.0); // still follows the lens
        m.kind = MoveKind::DollyIn;
        m.amount = 2;
        QVERIFY(std::abs(withMove(c, m).keys.back().pose.position.y - 2) < 1e-12);
        m.kind = MoveKind::Truck;
        QVERIFY(std::abs(withMove(c, m).keys.back().pose.position.x - 2) < 1e-12);
        m.kind = MoveKind::Pedestal;
        QVERIFY(std::abs(withMove(c, m).keys.back().pose.position.z - 3.5) < 1e-12);
        m.kind = MoveKind::Zoom;
        m.amount = 70;
        QCOMPARE(withMove(c, m).keys.back().pose.focalLengthMm, 70.0);
        // Crane: rises and tilts down to hold the subject 3 m ahead.
        m.kind = MoveKind::Crane;
        m.amount = 2;
        Camera crane = c;
        crane.motion = withMove(c, m);
        const CameraPose top = keyedPose(crane, 24);
        QVERIFY(std::abs(top.position.z - 3.5) < 1e-12);
        QVERIFY(std::abs(top.tiltDeg - std::atan2(-2, 3) * 180 / kPi) < 1e-9);
        // Orbit: the pivot stays centred at every key.
        m.kind = MoveKind::Orbit;
        m.amount = 90;
        Camera orbit = c;
        orbit.motion = withMove(c, m);
        QVERIFY(orbit.motion.keys.size() > 3);
        for (const auto& k : orbit.motion.keys) {
            const PixelPoint p = project(orbit, keyedPose(orbit, double(k.frame)), {0, 3, 1.5});
            QVERIFY(std::abs(p.x - kW / 2.0) < 1e-6 && std::abs(p.depth - 3) < 1e-9);
        }
        // Impossible moves.
        m.frames = 0;
        QVERIFY_THROWS_EXCEPTION(Error, withMove(c, m));
        m.frames = 10;
        m.kind = MoveKind::Zoom;
        m.amount = -5;
        QVERIFY_THROWS_EXCEPTION(Error, withMove(c, m));
    }

    // A dolly, then a pan on the same frames: the camera dollies and pans at
    // once (the pan replaced the dolly). The keys are those of the combined
    // move, and every frame between them is the sum of the two.
    void movesOnOneRangeCompose() {
        Camera c = super35(35);
        c.motion.pose = poseAt({0, 0, 1.5});
        MoveParams dolly;
        dolly.kind = MoveKind::DollyIn;
        dolly.start = 0;
        dolly.frames = 48;
        dolly.amount = 2;
        c.motion = withMove(c, dolly);
        MoveParams pan = dolly;
        pan.kind = MoveKind::Pan;
        pan.amount = 30;
        Camera both = c;
        both.motion = withMove(c, pan);
        QCOMPARE(both.motion.keys.size(), 2);
        QCOMPARE(both.motion.keys.front().frame, FrameNumber(0));
        QCOMPARE(both.motion.keys.back().frame, FrameNumber(48));
        const CameraPose end = both.motion.keys.back().pose;
        QVERIFY(std::abs(end.position.y - 2) < 1e-12); // the dolly is still there
        QCOMPARE(end.panDeg, 30.0);
        for (int f = 0; f <= 48; f += 4) {
            const double s = ease(dolly.easing, f / 48.0);
            const CameraPose p = keyedPose(both, f);
            QVERIFY2(std::abs(p.position.y - 2 * s) < 1e-12 && std::abs(p.panDeg - 30 * s) < 1e-9,
                     qPrintable(QStringLiteral("frame %1: y %2, pan %3")
                                    .arg(f)
                                    .arg(p.position.y)
                                    .arg(p.panDeg)));
        }

        // A pan over part of the dolly, with its own easing: every frame of
        // the pan is the dolly there plus the pan, and the dolly goes on after.
        MoveParams partPan = pan;
        partPan.start = 12;
        partPan.frames = 24;
        partPan.easing = Easing::Linear;
        Camera part = c;
        part.motion = withMove(c, partPan);
        for (int f = 0; f <= 48; ++f) {
            const double dollied = 2 * ease(dolly.easing, f / 48.0);
            const double panned = 30 * std::clamp((f - 12) / 24.0, 0.0, 1.0);
            const CameraPose p = keyedPose(part, f);
            QVERIFY2(std::abs(p.position.y - dollied) < 1e-9 && std::abs(p.panDeg - panned) < 1e-9,
                     qPrintable(QStringLiteral("frame %1: y %2 (want %3), pan %4 (want %5)")
                                    .arg(f)
                                    .arg(p.position.y)
                                    .arg(dollied)
                                    .arg(p.panDeg)
                                    .arg(panned)));
        }
    }

    void handheldIsBandLimitedAndSeeded() {
        Handheld h;
        h.rotationDeg = 0.5;
        h.positionCm = 1.0;
        h.bandLowHz = 1.0;
        h.bandHighHz = 3.0;
        h.seed = 42;
        const int n = 4096;
        const double rate = 64; // samples per second, 64 s
        std::vector<double> x(n);
        double sumSquares = 0;
        for (int i = 0; i < n; ++i) {
            x[i] = handheldAt(h, i / rate).tiltDeg;
            sumSquares += x[i] * x[i];
        }
        const double rms = std::sqrt(sumSquares / n);
        QVERIFY2(rms > 0.3 && rms < 0.7, qPrintable(QString::number(rms)));
        // Hann-windowed DFT: energy inside the band (a bin of leakage either side).
        double inside = 0, total = 0;
        for (int k = 1; k < n / 2; ++k) {
            std::complex<double> s = 0;
            for (int i = 0; i < n; ++i) {
                const double w = 0.5 - 0.5 * std::cos(2 * kPi * i / (n - 1));
                s += w * x[i] * std::polar(1.0, -2 * kPi * double(k) * i / n);
            }
            const double f = k * rate / n, e = std::norm(s);
            total += e;
            if (f >= h.bandLowHz - 2 * rate / n && f <= h.bandHighHz + 2 * rate / n)
                inside += e;
        }
        QVERIFY2(inside / total > 0.995, qPrintable(QString::number(inside / total)));
        // Same seed, same motion; another seed, another motion.
        Handheld same = h, other = h;
        other.seed = 43;
        bool differs = false;
        for (int i = 0; i < 200; ++i) {
            const HandheldOffset a = handheldAt(h, i / 24.0), b = handheldAt(same, i / 24.0);
            QCOMPARE(a.panDeg, b.panDeg);
            QCOMPARE(a.localM.y, b.localM.y);
            differs = differs || handheldAt(other, i / 24.0).panDeg != a.panDeg;
        }
        QVERIFY(differs);
        // Added on top of the keyed pose.
        Camera c = super35();
        c.motion.handheld = h;
        const CameraPose p = evaluatePose(c, 30, Rational(24));
        QVERIFY(std::abs(p.panDeg - handheldAt(h, 30 / 24.0).panDeg) < 1e-12);
        QVERIFY(findHandheldPreset(QStringLiteral("walking"))->handheld.walkCm > 0);
    }

    void blenderAndUsdConversions() {
        Camera c = super35(32);
        c.lens.shiftXMm = 1.2;
        c.lens.shiftYMm = -0.6;
        const CameraPose pose = poseAt({1, -3, 1.7}, 25, -8, 3);
        const RigidTransform m = cameraToWorld(pose);
        const BlenderCamera b = toBlender(c, pose, kW, kH);
        // rotation_euler XYZ recomposes to the camera-to-world rotation.
        const Vec3 e = b.rotationEulerXyzRad;
        const double cx = std::cos(e.x), sx = std::sin(e.x), cy = std::cos(e.y), sy = std::sin(e.y),
                     cz = std::cos(e.z), sz = std::sin(e.z);
        const double r[3][3] = {{cz * cy, cz * sy * sx - sz * cx, cz * sy * cx + sz * sx},
                                {sz * cy, sz * sy * sx + cz * cx, sz * sy * cx - cz * sx},
                                {-sy, cy * sx, cy * cx}};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) {
                QVERIFY(std::abs(r[i][j] - m.r[i][j]) < 1e-12);
                QVERIFY(std::abs(b.matrixWorld[i][j] - m.r[i][j]) < 1e-15);
            }
        QCOMPARE(b.sensorWidthMm, 24.89);
        QVERIFY(std::abs(b.shiftX - 1.2 / 24.89) < 1e-15);
        QVERIFY(std::abs(b.shiftY + 0.6 / 24.89) < 1e-15);
        // Blender's view plane (sensor fit HORIZONTAL): a pixel offset of
        // shift * width, focal lens / sensor_width * width: same pixel as ours.
        const Vec3 world{0.5, 4, 2.2};
        const Vec3 local = m.inverse().apply(world);
        const double bx =
            kW / 2.0 + (b.lensMm * local.x / -local.z / b.sensorWidthMm - b.shiftX) * kW;
        const double by =
            kH / 2.0 - (b.lensMm * local.y / -local.z / b.sensorWidthMm - b.shiftY) * kW;
        const PixelPoint ours = project(c, pose, world);
        QVERIFY(std::abs(bx - ours.x) < 1e-9 && std::abs(by - ours.y) < 1e-9);
        // USD: tenths of a scene unit, row-vector matrix.
        const UsdCamera u = toUsd(c, pose, kW, kH, 1.0);
        QVERIFY(std::abs(u.focalLength - 0.32) < 1e-15);
        QVERIFY(std::abs(u.horizontalAperture - 0.2489) < 1e-15);
        QVERIFY(std::abs(u.horizontalApertureOffset - 0.012) < 1e-15);
        QCOMPARE(u.transform[3][0], 1.0);
        QCOMPARE(u.transform[0][1], m.r[1][0]);
        const UsdCamera cm = toUsd(c, pose, kW, kH, 0.01);
        QVERIFY(std::abs(cm.focalLength - 32) < 1e-12);
        QVERIFY(std::abs(cm.transform[3][2] - 170) < 1e-9);
        // Euler continuity across a full turn of pan.
        Vec3 previous = toBlender(c, poseAt({0, 0, 0}, 170), kW, kH).rotationEulerXyzRad;
        const Vec3 next =
            toBlender(c, poseAt({0, 0, 0}, 190), kW, kH, &previous).rotationEulerXyzRad;
        QVERIFY(std::abs(next.z - previous.z) < 0.4);
    }

    void documentEditsAndBadInput() {
        Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), kW, kH));
        const Id shot = doc.importMedia(fakeMedia(96));
        Camera c = doc.project().findShot(shot)->camera;
        c.focalLengthMm = 85;
        c.lens.anamorphicSqueeze = 1.8;
        setKey(c.motion, {10, poseAt({0, 0, 1.6}), Easing::Linear});
        const Project before = doc.project();
        doc.setCamera(shot, c);
        QCOMPARE(doc.project().findShot(shot)->camera, c);
        doc.undoStack()->undo();
        QVERIFY(doc.project() == before);
        doc.undoStack()->redo();
        QCOMPARE(doc.project().findShot(shot)->camera, c);

        Camera bad = c;
        bad.focalLengthMm = 0;
        checkRefused(
            doc, [&] { doc.setCamera(shot, bad); }, "focal");
        bad = c;
        bad.focalLengthMm = -35;
        checkRefused(
            doc, [&] { doc.setCamera(shot, bad); }, "focal");
        bad = c;
        bad.filmbackWidthMm = 0;
        checkRefused(
            doc, [&] { doc.setCamera(shot, bad); }, "filmback");
        bad = c;
        bad.filmbackHeightMm = -1;
        checkRefused(
            doc, [&] { doc.setCamera(shot, bad); }, "filmback");
        bad = c;
        bad.fStop = 0.4;
        checkRefused(
            doc, [&] { doc.setCamera(shot, bad); }, "f-stop");
        bad = c;
        bad.motion.keys.push_back(bad.motion.keys.front()); // same frame twice
        checkRefused(
            doc, [&] { doc.setCamera(shot, bad); }, "two camera keys");
        bad = c;
        bad.lens.anamorphicSqueeze = 3;
        checkRefused(
            doc, [&] { doc.setCamera(shot, bad); }, "squeeze");
        bad = c;
        bad.motion.handheld.bandLowHz = 5;
        bad.motion.handheld.bandHighHz = 2;
        checkRefused(
            doc, [&] { doc.setCamera(shot, bad); }, "band");

        BlockingScene scene;
        scene.enabled = true;
        BlockingObject a;
        a.name = QStringLiteral("a");
        scene.objects.push_back(a);
        doc.setBlockingScene(shot, scene);
        QCOMPARE(doc.project().findShot(shot)->blocking, scene);
        BlockingScene twice = scene;
        twice.objects.push_back(a);
        checkRefused(
            doc, [&] { doc.setBlockingScene(shot, twice); }, "unique");
    }

    void projectFileRoundTrip() {
        Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), kW, kH));
        const Id shot = doc.importMedia(fakeMedia(96));
        Camera c = super35(50);
        c.lens.filmbackPreset = QStringLiteral("super35");
        c.lens.sensorFit = SensorFit::Overscan;
        c.lens.shiftXMm = 0.5;
        c.lens.apertureBlades = 9;
        c.lens.distortionK1 = -0.05;
        c.lens.vignette = 0.3;
        c.motion.pose = poseAt({1, 2, 3}, 4, 5, 6);
        setKey(c.motion, {3, poseAt({0, 0, 1.6}, 10), Easing::EaseOut});
        setKey(c.motion, {40, poseAt({0, 2, 1.6}, 20), Easing::Hold});
        c.motion.keys[1].pose.focalLengthMm = 75;
        c.motion.handheld = findHandheldPreset(QStringLiteral("walking"))->handheld;
        c.motion.handheld.seed = 0xFFFFFFFFFFFFFFF1ull; // beyond a double's integers
        doc.setCamera(shot, c);
        BlockingScene scene;
        scene.enabled = true;
        BlockingObject person;
        person.name = QStringLiteral("anna");
        person.shape = BlockingShape::Person;
        person.size = {0.45, 0.3, 1.68};
        person.id = 5;
        scene.objects.push_back(person);
        doc.setBlockingScene(shot, scene);
        const QString path = QStringLiteral("/tmp/x/p.retake");
        const QByteArray bytes = serializeProject(doc.project(), path);
        const Project back = parseProject(bytes, path);
        QCOMPARE(back.findShot(shot)->camera, c);
        QCOMPARE(back.findShot(shot)->blocking, scene);

        // A file from before the camera issue: no lens, motion or blocking.
        QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QJsonArray shots = root.value(QStringLiteral("shots")).toArray();
        QJsonObject s = shots[0].toObject();
        QJsonObject cam = s.value(QStringLiteral("camera")).toObject();
        cam.remove(QStringLiteral("lens"));
        cam.remove(QStringLiteral("motion"));
        s.insert(QStringLiteral("camera"), cam);
        s.remove(QStringLiteral("blocking"));
        shots[0] = s;
        root.insert(QStringLiteral("shots"), shots);
        const Project old = parseProject(QJsonDocument(root).toJson(), path);
        const Camera& oc = old.findShot(shot)->camera;
        QCOMPARE(oc.focalLengthMm, 50.0);
        QCOMPARE(oc.lens, LensDetails());
        QCOMPARE(oc.motion, CameraMotion());
        QCOMPARE(old.findShot(shot)->blocking, BlockingScene());

        // A malformed field names where it is.
        cam.insert(QStringLiteral("lens"), QJsonObject{{"sensorFit", "sideways"}});
        s.insert(QStringLiteral("camera"), cam);
        shots[0] = s;
        root.insert(QStringLiteral("shots"), shots);
        try {
            parseProject(QJsonDocument(root).toJson(), path);
            QFAIL("a bad sensor fit should not load");
        } catch (const Error& e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::BadInput));
            QVERIFY2(e.message().contains(QLatin1String("camera.lens.sensorFit")),
                     qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCamera)
#include "test_camera.moc"
