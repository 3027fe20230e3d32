// Mask shapes that follow the picture (editor/tracking): sequences rendered
// here from a smooth noise texture through known motions, so the right
// answer for every tracked corner is known to a fraction of a pixel.
// Translation at sub-pixel speeds, a plane in changing perspective, both
// directions from the middle, a region that leaves the frame (the track
// stops and says where) and a flat region (refused, saying why).

#include "core/error.h"
#include "document/document.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "noisetexture.h"
#include "planematrix.h"
#include "tracking/shapetracking.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <array>
#include <cmath>
#include <functional>

using namespace retake;

namespace {

constexpr int kW = 320;
constexpr int kH = 240;
constexpr int kTexture = 1024;

using Matrix = retake::testing::PlaneMatrix;
using retake::testing::inverse;
using retake::testing::multiply;
using retake::testing::translation;

QPointF mapPoint(const Matrix& m, QPointF p) {
    const auto q = retake::testing::mapPoint(m, p.x(), p.y());
    return {q[0], q[1]};
}

// The tracking texture with a flat grey square in one corner (texture
// 0-300): nothing there to track.
retake::testing::NoiseTexture makeTexture() {
    retake::testing::NoiseTexture t(kTexture, 7, 3);
    t.flatten(0, 0, 300, 0.5f);
    return t;
}

// Frame t shows the texture at frameToTexture(t) of each pixel centre
// (editor convention: pixel (i, j) is centred at (i + 0.5, j + 0.5)), as
// 16-bit PNGs `dir`/f_0000.png...
void writeSequence(const QString& dir, int frames, const std::function<Matrix(int)>& frameToTexture,
                   const retake::testing::NoiseTexture& texture) {
    QDir().mkpath(dir);
    for (int t = 0; t < frames; ++t) {
        const Matrix m = frameToTexture(t);
        Image image(kW, kH, 3, SampleType::UInt16);
        auto* p = image.samples<std::uint16_t>();
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x) {
                // Texture samples sit at integer positions: centre to corner.
                const QPointF at = mapPoint(m, {x + 0.5, y + 0.5}) - QPointF(0.5, 0.5);
                const float v = texture.sample(at.x(), at.y());
                const auto s = std::uint16_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 65535));
                std::size_t i = (std::size_t(y) * kW + x) * 3;
                p[i] = s;
                p[i + 1] = std::uint16_t(s / 2 + 16384);
                p[i + 2] = std::uint16_t(65535 - s);
            }
        writeImageFile(QStringLiteral("%1/f_%2.png").arg(dir).arg(t, 4, 10, QLatin1Char('0')),
                       image);
    }
}

// An object bending as it moves over a still background: frame t shows,
// at (x, y), the object's texture at unbend(t, x, y) where that lies inside
// its disc on frame 0, else the background's texture. 8-bit PNGs.
void writeBendingObject(const QString& dir, int frames,
                        const std::function<QPointF(int, QPointF)>& unbend, QPointF centre,
                        double radius, const retake::testing::NoiseTexture& texture) {
    QDir().mkpath(dir);
    for (int t = 0; t < frames; ++t) {
        Image image(kW, kH, 3, SampleType::UInt8);
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x) {
                const QPointF pixel(x + 0.5, y + 0.5);
                const QPointF onObject = unbend(t, pixel);
                const QPointF d = onObject - centre;
                const bool object = std::hypot(d.x(), d.y()) < radius;
                // Different parts of the texture for the object and behind it.
                const QPointF at =
                    object ? onObject + QPointF(600, 600) : pixel + QPointF(350, 650);
                const float v = texture.sample(at.x() - 0.5, at.y() - 0.5);
                const auto s = std::uint8_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 255));
                std::uint8_t* p = image.pixels.data() + (std::size_t(y) * kW + x) * 3;
                p[0] = s;
                p[1] = std::uint8_t(s / 2 + 64);
                p[2] = std::uint8_t(255 - s);
            }
        writeImageFile(QStringLiteral("%1/f_%2.png").arg(dir).arg(t, 4, 10, QLatin1Char('0')),
                       image);
    }
}

struct Setup {
    std::unique_ptr<Document> doc;
    Id shot, mask, shape;
};

Setup projectWithShape(const QString& firstFrame, const MaskGeometry& polygon, FrameNumber key) {
    Setup s;
    s.doc =
        std::make_unique<Document>(Project::createEmpty(QStringLiteral("t"), Rational(24), kW, kH));
    s.shot = s.doc->importMedia(openMedia(firstFrame)->info());
    s.mask = s.doc->addPaintedMask(s.shot);
    MaskShape shape;
    shape.kind = polygon.size() == 2 ? MaskShapeKind::Rectangle : MaskShapeKind::Polygon;
    shape.frames.add(s.doc->project().findShot(s.shot)->source);
    shape.keys.insert(key, polygon);
    s.shape = s.doc->addMaskShape(s.shot, s.mask, shape);
    return s;
}

// The largest distance of a tracked key's points from where the motion put
// them, over every tracked frame; and the mean at the last frame.
struct Errors {
    double worst = 0;
    double last = 0;
    int keys = 0;
};
Errors measure(const MaskShape& shape, const MaskGeometry& start, FrameNumber from,
               const std::function<QPointF(int, QPointF)>& truth) {
    Errors e;
    for (auto it = shape.keys.begin(); it != shape.keys.end(); ++it) {
        double sum = 0;
        for (int i = 0; i < start.size(); ++i) {
            const QPointF want = truth(int(it.key()), start[i]);
            const double d = std::hypot(it.value()[i].x() - want.x(), it.value()[i].y() - want.y());
            e.worst = std::max(e.worst, d);
            sum += d;
        }
        e.last = sum / start.size();
        ++e.keys;
    }
    Q_UNUSED(from);
    return e;
}

} // namespace

class TestTracking : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    retake::testing::NoiseTexture texture{2, 0, 0};

    static bool result0NoLocks(const Setup& s, const ShapeTrackRequest& request) {
        return trackShape(s.doc->project(), request, Progress()).notes.isEmpty();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir.isValid());

        texture = makeTexture();
    }

    // A crop gliding 1.7 px right and 0.9 px up a frame: the rectangle
    // follows within a tenth of a pixel over 40 frames (it becomes a
    // polygon: the model may turn it).
    void translationFollowsSubPixelMotion() {
        const QString frames = dir.filePath(QStringLiteral("slide"));
        const auto offset = [](int t) { return QPointF(400 + 1.7 * t, 500 - 0.9 * t); };
        writeSequence(
            frames, 40, [&](int t) { return translation(offset(t).x(), offset(t).y()); }, texture);
        const MaskGeometry rect{{120, 90}, {190, 140}};
        Setup s = projectWithShape(frames + QStringLiteral("/f_0000.png"), rect, 0);
        ShapeTrackRequest request{
            s.shot, s.mask, s.shape, 0, {}, TrackDirection::Forward, ShapeTrackModel::Translation,
            0.5};
        const ShapeTrackResult result = trackShape(s.doc->project(), request, Progress());
        QVERIFY2(result.stops.isEmpty(), qPrintable(result.stops.join(' ')));
        QCOMPARE(result.tracked.size(), 39);
        QVERIFY(result.becamePolygon);
        QVERIFY(result.shape.kind == MaskShapeKind::Polygon);
        const MaskGeometry corners{{120, 90}, {190, 90}, {190, 140}, {120, 140}};
        const Errors e = measure(result.shape, corners, 0,
                                 [&](int t, QPointF p) { return p - (offset(t) - offset(0)); });
        qInfo("translation: %d keys, worst corner error %.3f px, mean at the end %.3f px", e.keys,
              e.worst, e.last);
        QCOMPARE(e.keys, 40);
        QVERIFY2(e.worst < 0.25, qPrintable(QString::number(e.worst)));
        // With a tolerance, the keys a straight motion reproduces go: this
        // motion is straight, so two keys remain and every frame is still
        // within the tolerance of the truth.
        request.keyTolerancePx = 0.1;
        const ShapeTrackResult thinned = trackShape(s.doc->project(), request, Progress());
        QVERIFY2(thinned.shape.keys.size() <= 3,
                 qPrintable(QString::number(thinned.shape.keys.size())));
        QCOMPARE(thinned.tracked.size(), 39);
        for (int t = 0; t < 40; ++t) {
            const MaskGeometry at = thinned.shape.geometryAt(t);
            for (int i = 0; i < 4; ++i) {
                const QPointF want = corners[i] - (offset(t) - offset(0));
                QVERIFY2(std::hypot(at[i].x() - want.x(), at[i].y() - want.y()) < 0.15,
                         qPrintable(QStringLiteral("frame %1 corner %2").arg(t).arg(i)));
            }
        }
        // One undo step puts it in the document, and undo takes it back.
        const Project before = s.doc->project();
        s.doc->replaceMaskShape(s.shot, s.mask, result.shape);
        QVERIFY(s.doc->project() != before);
        s.doc->undoStack()->undo();
        QVERIFY(s.doc->project() == before);
    }

    // A surface turning in perspective and sliding: the planar model follows
    // its corners within half a pixel after 40 frames; the translation model
    // cannot (it has no perspective), which shows the measure can fail.
    void planarFollowsASurfaceInPerspective() {
        const QString frames = dir.filePath(QStringLiteral("plane"));
        const auto frameToTexture = [](int t) {
            const double s = t / 39.0;
            const Matrix around =
                multiply(translation(160, 120), multiply(Matrix{{{1 + 0.15 * s, 0.06 * s, 0},
                                                                 {-0.04 * s, 1 - 0.1 * s, 0},
                                                                 {0.0006 * s, 0.0003 * s, 1}}},
                                                         translation(-160, -120)));
            return multiply(translation(420 + 30 * s, 480 + 12 * s), around);
        };
        writeSequence(frames, 40, frameToTexture, texture);
        const MaskGeometry quad{{110, 80}, {210, 85}, {205, 165}, {115, 160}};
        const auto truth = [&](int t, QPointF p) {
            // The texture point under p on frame 0, found on frame t.
            return mapPoint(inverse(frameToTexture(t)), mapPoint(frameToTexture(0), p));
        };
        Setup s = projectWithShape(frames + QStringLiteral("/f_0000.png"), quad, 0);
        ShapeTrackRequest request{
            s.shot, s.mask, s.shape, 0, {}, TrackDirection::Forward, ShapeTrackModel::Planar, 0.5};
        const ShapeTrackResult planar = trackShape(s.doc->project(), request, Progress());
        QVERIFY2(planar.stops.isEmpty(), qPrintable(planar.stops.join(' ')));
        const Errors e = measure(planar.shape, quad, 0, truth);
        qInfo("planar: worst corner error %.3f px, mean at the end %.3f px", e.worst, e.last);
        QVERIFY2(e.worst < 0.5, qPrintable(QString::number(e.worst)));
        QVERIFY2(e.last < 0.5, qPrintable(QString::number(e.last)));

        request.model = ShapeTrackModel::Translation;
        request.minConfidence = 0;
        const ShapeTrackResult similar = trackShape(s.doc->project(), request, Progress());
        const Errors wrong = measure(similar.shape, quad, 0, truth);
        qInfo("translation model on the same plane: worst corner error %.3f px", wrong.worst);
        QVERIFY(wrong.worst > 2 * e.worst + 0.5);
    }

    // From the middle of the shot, both ways: every frame gets its key.
    void bothDirectionsFromTheMiddle() {
        const QString frames = dir.filePath(QStringLiteral("middle"));
        const auto offset = [](int t) { return QPointF(500 - 2.3 * t, 420 + 1.1 * t); };
        writeSequence(
            frames, 30, [&](int t) { return translation(offset(t).x(), offset(t).y()); }, texture);
        const MaskGeometry quad{{140, 100}, {200, 100}, {200, 150}, {140, 150}};
        Setup s = projectWithShape(frames + QStringLiteral("/f_0000.png"), quad, 15);
        ShapeTrackRequest request{
            s.shot, s.mask, s.shape, 15, {}, TrackDirection::Both, ShapeTrackModel::Translation,
            0.5};
        // Locked frames are tracked over (locks keep pixels, not masks), and
        // the result says so.
        QVERIFY(result0NoLocks(s, request));
        s.doc->lockRange(s.shot, {20, 25});
        const ShapeTrackResult result = trackShape(s.doc->project(), request, Progress());
        QVERIFY2(result.notes.join(' ').contains(QStringLiteral("locked frames")),
                 qPrintable(result.notes.join(' ')));
        QCOMPARE(result.tracked.size(), 29);
        QCOMPARE(result.tracked.first().frame, FrameNumber(0));
        QCOMPARE(result.tracked.last().frame, FrameNumber(29));
        const Errors e = measure(result.shape, quad, 15,
                                 [&](int t, QPointF p) { return p - (offset(t) - offset(15)); });
        QCOMPARE(e.keys, 30);
        QVERIFY2(e.worst < 0.25, qPrintable(QString::number(e.worst)));
    }

    // The region slides out of the frame: the track stops where it can no
    // longer see it, says so with the frame, and leaves later frames alone.
    void stopsWhereTheRegionLeavesTheFrame() {
        const QString frames = dir.filePath(QStringLiteral("leaving"));
        const auto offset = [](int t) { return QPointF(400 - 9.0 * t, 500); };
        writeSequence(
            frames, 40, [&](int t) { return translation(offset(t).x(), offset(t).y()); }, texture);
        const MaskGeometry quad{{200, 100}, {260, 100}, {260, 150}, {200, 150}};
        Setup s = projectWithShape(frames + QStringLiteral("/f_0000.png"), quad, 0);
        ShapeTrackRequest request{
            s.shot, s.mask, s.shape, 0, {}, TrackDirection::Forward, ShapeTrackModel::Translation,
            0.5};
        const ShapeTrackResult result = trackShape(s.doc->project(), request, Progress());
        // The region's left edge passes x = 320 at t = 13.3; its points go
        // before it has fully left.
        QVERIFY2(!result.stops.isEmpty(), "the track should have stopped");
        const FrameNumber last = result.tracked.last().frame;
        QVERIFY2(last >= 5 && last <= 13, qPrintable(QString::number(last)));
        QVERIFY2(result.stops.first().contains(QStringLiteral("stopped at frame %1").arg(last + 1)),
                 qPrintable(result.stops.first()));
        QVERIFY(!result.shape.keys.contains(last + 1));
        const Errors e = measure(result.shape, quad, 0,
                                 [&](int t, QPointF p) { return p - (offset(t) - offset(0)); });
        QVERIFY2(e.worst < 0.5, qPrintable(QString::number(e.worst))); // no drift before it stops
    }

    // An object that bends as it moves (no one motion describes it): the
    // dense model moves each outline point with the picture inside it, and
    // follows it within a pixel on average (2.5 px at worst) over 30 frames
    // while it bends by 18 px; the translation model, one motion for all,
    // cannot.
    void denseFollowsABendingObject() {
        const QString frames = dir.filePath(QStringLiteral("bend"));
        const QPointF centre(150, 120);
        const double radius = 60;
        // Frame t moves a frame-0 point right by t px and bends it sideways
        // by up to 18 px by the end, more the further from the middle row.
        const auto bend = [&](int t, QPointF p) {
            const double s = t / 29.0;
            return QPointF(p.x() + t + 18 * s * std::sin((p.y() - centre.y()) / radius * 1.5),
                           p.y());
        };
        const auto unbend = [&](int t, QPointF q) {
            const double s = t / 29.0;
            return QPointF(q.x() - t - 18 * s * std::sin((q.y() - centre.y()) / radius * 1.5),
                           q.y());
        };
        writeBendingObject(frames, 30, unbend, centre, radius, texture);
        MaskGeometry outline;
        for (int i = 0; i < 24; ++i) {
            // A little inside the object's edge, as a user paints it.
            const double a = 2 * M_PI * i / 24;
            outline << centre + QPointF(std::cos(a), std::sin(a)) * (radius - 4);
        }
        Setup s = projectWithShape(frames + QStringLiteral("/f_0000.png"), outline, 0);
        ShapeTrackRequest request{
            s.shot, s.mask, s.shape, 0, {}, TrackDirection::Forward, ShapeTrackModel::Dense, 0.3};
        ShapeTrackResult dense;
        try {
            dense = trackShape(s.doc->project(), request, Progress());
        } catch (const Error& e) {
            QFAIL(qPrintable(e.message()));
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        QVERIFY2(dense.stops.isEmpty(), qPrintable(dense.stops.join(' ')));
        QCOMPARE(dense.tracked.size(), 29);
        QCOMPARE(dense.shape.geometryAt(29).size(), outline.size());
        const Errors e = measure(dense.shape, outline, 0, bend);
        qInfo("dense on a bending object: worst point error %.3f px, mean at the end %.3f px",
              e.worst, e.last);
        QVERIFY2(e.last < 1.0, qPrintable(QString::number(e.last)));
        QVERIFY2(e.worst < 2.5, qPrintable(QString::number(e.worst)));

        request.model = ShapeTrackModel::Translation;
        request.minConfidence = 0;
        const ShapeTrackResult rigid = trackShape(s.doc->project(), request, Progress());
        const Errors wrong = measure(rigid.shape, outline, 0, bend);
        qInfo("translation model on the same object: mean at the end %.3f px", wrong.last);
        QVERIFY(wrong.last > 2 * e.last + 2);
    }

    // A stroke has no outline for the dense model to move: refused.
    void denseRefusesAStroke() {
        const QString frames = dir.filePath(QStringLiteral("slide"));
        Setup s = projectWithShape(frames + QStringLiteral("/f_0000.png"),
                                   MaskGeometry{{100, 100}, {150, 120}, {200, 100}}, 0);
        MaskShape stroke =
            *s.doc->project().findShot(s.shot)->masks.first().painted.findShape(s.shape);
        stroke.kind = MaskShapeKind::Stroke;
        s.doc->replaceMaskShape(s.shot, s.mask, stroke);
        ShapeTrackRequest request{
            s.shot, s.mask, s.shape, 0, {}, TrackDirection::Forward, ShapeTrackModel::Dense, 0.5};
        try {
            trackShape(s.doc->project(), request, Progress());
            QFAIL("a stroke was tracked by its outline");
        } catch (const Error& e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::Usage));
            QVERIFY2(e.message().contains(QStringLiteral("a stroke has none")),
                     qPrintable(e.message()));
        }
    }

    // A shape over flat grey has nothing to follow: refused, naming the
    // file and saying why, before any key is made.
    void flatRegionIsRefused() {
        const QString frames = dir.filePath(QStringLiteral("flat"));
        writeSequence(
            frames, 5, [](int t) { return translation(10 + t, 10); }, texture);
        const MaskGeometry flat{{40, 40}, {120, 100}};
        Setup s = projectWithShape(frames + QStringLiteral("/f_0000.png"), flat, 0);
        ShapeTrackRequest request{
            s.shot, s.mask, s.shape, 0, {}, TrackDirection::Forward, ShapeTrackModel::Planar, 0.5};
        try {
            trackShape(s.doc->project(), request, Progress());
            QFAIL("a flat region was tracked");
        } catch (const Error& e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::BadInput));
            QVERIFY2(e.message().contains(QStringLiteral("f_0000.png")) &&
                         e.message().contains(QStringLiteral("too little texture")),
                     qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestTracking)
#include "test_tracking.moc"
