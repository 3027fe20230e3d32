// The painted-mask rasteriser and shape keys: exact pixels where they can be
// exact (integer-aligned rectangles, fill, invert, erase), measured falloff
// for soft brushes, and interpolation between key frames.
#include "mask/maskraster.h"

#include <QTest>
#include <cmath>

using namespace retake;

namespace {

const QSize frameSize(64, 48);

MaskShape shape(MaskShapeKind kind, const MaskGeometry& points, FrameRange frames = {0, 100}) {
    MaskShape s;
    s.id = QUuid::createUuid();
    s.kind = kind;
    s.frames.add(frames);
    if (!points.isEmpty())
        s.keys.insert(frames.start, points);
    return s;
}

MaskShape rect(double x, double y, double w, double h, FrameRange frames = {0, 100}) {
    return shape(MaskShapeKind::Rectangle, {{x, y}, {x + w, y + h}}, frames);
}

MaskShape dot(QPointF at, double size, double hardness, bool erase = false) {
    MaskShape s = shape(MaskShapeKind::Stroke, {at});
    s.size = size;
    s.hardness = hardness;
    s.erase = erase;
    return s;
}

int value(const QImage& mask, int x, int y) {
    return mask.constScanLine(y)[x];
}

// Pixels whose value is 255 inside `r` and 0 outside; returns the first
// wrong pixel's description, empty when exact.
QString exactly(const QImage& mask, const QRect& r) {
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x) {
            const int expected = r.contains(x, y) ? 255 : 0;
            if (value(mask, x, y) != expected)
                return QStringLiteral("pixel %1,%2 is %3, expected %4")
                    .arg(x)
                    .arg(y)
                    .arg(value(mask, x, y))
                    .arg(expected);
        }
    return QString();
}

} // namespace

class TestMaskRaster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyMaskIsBlack() {
        const QImage m = rasteriseMask(PaintedMask(), 0, frameSize);
        QCOMPARE(m.format(), QImage::Format_Grayscale8);
        QCOMPARE(m.size(), frameSize);
        QCOMPARE(exactly(m, QRect()), QString());
    }

    void rectangleCoversExactlyItsPixels() {
        PaintedMask mask;
        mask.shapes << rect(10, 8, 20, 15);
        const QImage m = rasteriseMask(mask, 0, frameSize);
        QCOMPARE(exactly(m, QRect(10, 8, 20, 15)), QString());
    }

    void rectangleCornersInEitherOrder() {
        PaintedMask mask;
        mask.shapes << shape(MaskShapeKind::Rectangle, {{30, 23}, {10, 8}});
        QCOMPARE(exactly(rasteriseMask(mask, 0, frameSize), QRect(10, 8, 20, 15)), QString());
    }

    void shapesOutsideTheFrameAreClipped() {
        PaintedMask mask;
        mask.shapes << rect(-20, -20, 30, 30) << rect(100, 100, 10, 10);
        QCOMPARE(exactly(rasteriseMask(mask, 0, frameSize), QRect(0, 0, 10, 10)), QString());
    }

    void ellipseHasItsAreaAndAntialiasedEdge() {
        PaintedMask mask;
        mask.shapes << shape(MaskShapeKind::Ellipse, {{22, 14}, {42, 34}}); // r = 10 at 32,24
        const QImage m = rasteriseMask(mask, 0, frameSize);
        QCOMPARE(value(m, 32, 24), 255);
        QCOMPARE(value(m, 0, 0), 0);
        QCOMPARE(value(m, 32, 36), 0);
        double area = 0;
        int partial = 0;
        for (int y = 0; y < m.height(); ++y)
            for (int x = 0; x < m.width(); ++x) {
                area += value(m, x, y) / 255.0;
                partial += value(m, x, y) > 0 && value(m, x, y) < 255 ? 1 : 0;
            }
        QVERIFY2(std::abs(area - M_PI * 100) < 3.0, qPrintable(QString::number(area)));
        QVERIFY2(partial > 20, "the edge is antialiased");
    }

    void polygonFillsItsInside() {
        PaintedMask mask;
        mask.shapes << shape(MaskShapeKind::Polygon, {{10, 10}, {50, 10}, {10, 40}});
        const QImage m = rasteriseMask(mask, 0, frameSize);
        QCOMPARE(value(m, 12, 12), 255);
        QCOMPARE(value(m, 20, 20), 255);
        QCOMPARE(value(m, 45, 35), 0); // beyond the hypotenuse
        QCOMPARE(value(m, 5, 5), 0);
    }

    void eraserRemovesWhatIsBelow() {
        PaintedMask mask;
        mask.shapes << rect(0, 0, 64, 48);
        MaskShape eraser = shape(MaskShapeKind::Stroke, {{0, 24}, {64, 24}});
        eraser.size = 10;
        eraser.erase = true;
        mask.shapes << eraser;
        const QImage m = rasteriseMask(mask, 0, frameSize);
        for (int x = 0; x < 64; ++x) {
            QCOMPARE(value(m, x, 22), 0);
            QCOMPARE(value(m, x, 25), 0);
            QCOMPARE(value(m, x, 10), 255);
            QCOMPARE(value(m, x, 35), 255);
        }
        // Painting again over the erased band brings it back: order matters.
        mask.shapes << rect(0, 20, 64, 8);
        QCOMPARE(value(rasteriseMask(mask, 0, frameSize), 5, 24), 255);
    }

    void hardBrushHasAHardEdge() {
        PaintedMask mask;
        mask.shapes << dot({32, 24}, 20, 1.0);
        const QImage m = rasteriseMask(mask, 0, frameSize);
        // Pixel centres at distance 0.5, 5.5 and 8.5 are inside the radius 10; 11.5 is outside.
        QCOMPARE(value(m, 32, 24), 255);
        QCOMPARE(value(m, 37, 24), 255);
        QCOMPARE(value(m, 40, 24), 255);
        QCOMPARE(value(m, 43, 24), 0);
    }

    void softBrushFallsOffFromTheCentre() {
        PaintedMask mask;
        mask.shapes << dot({32, 24}, 20, 0.0);
        const QImage m = rasteriseMask(mask, 0, frameSize);
        // Linear falloff: about 1 - d/r at distance d from the centre.
        QVERIFY2(value(m, 32, 24) > 225, qPrintable(QString::number(value(m, 32, 24))));
        const int half = value(m, 37, 24); // 5.5 px from the centre of a 10 px radius
        QVERIFY2(half > 90 && half < 150, qPrintable(QString::number(half)));
        QVERIFY(value(m, 40, 24) < half);
        QVERIFY(value(m, 40, 24) > 0);
        QCOMPARE(value(m, 43, 24), 0);
        int previous = 256;
        for (int x = 32; x < 44; ++x) {
            QVERIFY2(value(m, x, 24) <= previous, "falls off monotonically");
            previous = value(m, x, 24);
        }
        // Hardness 0.5: full to half the radius, then falls.
        PaintedMask halfHard;
        halfHard.shapes << dot({32, 24}, 20, 0.5);
        const QImage h = rasteriseMask(halfHard, 0, frameSize);
        QCOMPARE(value(h, 35, 24), 255);
        QVERIFY(value(h, 39, 24) > 0 && value(h, 39, 24) < 255);
    }

    void invertFlipsEverythingBelow() {
        PaintedMask mask;
        mask.shapes << rect(10, 8, 20, 15);
        mask.invert({0, 100}, QUuid::createUuid());
        const QImage m = rasteriseMask(mask, 0, frameSize);
        QCOMPARE(value(m, 15, 10), 0);
        QCOMPARE(value(m, 0, 0), 255);
        QCOMPARE(value(m, 63, 47), 255);
    }

    void fillAndClearOnARange() {
        PaintedMask mask;
        mask.shapes << rect(10, 8, 20, 15, {0, 50});
        mask.fill({5, 10}, QUuid::createUuid());
        QCOMPARE(exactly(rasteriseMask(mask, 7, frameSize), QRect(0, 0, 64, 48)), QString());
        QCOMPARE(exactly(rasteriseMask(mask, 4, frameSize), QRect(10, 8, 20, 15)), QString());
        mask.clear({7, 9});
        QCOMPARE(exactly(rasteriseMask(mask, 7, frameSize), QRect()), QString());
        QCOMPARE(exactly(rasteriseMask(mask, 8, frameSize), QRect()), QString());
        QCOMPARE(exactly(rasteriseMask(mask, 9, frameSize), QRect(0, 0, 64, 48)), QString());
        QCOMPARE(exactly(rasteriseMask(mask, 6, frameSize), QRect(0, 0, 64, 48)), QString());
        // Clearing every frame of a shape removes it.
        mask.clear({0, 100});
        QVERIFY(mask.isEmpty());
    }

    void shapeIsOnlyOnItsFrames() {
        PaintedMask mask;
        mask.shapes << rect(10, 8, 20, 15, {3, 6});
        QCOMPARE(exactly(rasteriseMask(mask, 2, frameSize), QRect()), QString());
        QCOMPARE(exactly(rasteriseMask(mask, 3, frameSize), QRect(10, 8, 20, 15)), QString());
        QCOMPARE(exactly(rasteriseMask(mask, 6, frameSize), QRect()), QString());
    }

    void keysInterpolateLinearlyAndHold() {
        MaskShape s = rect(0, 10, 10, 10, {0, 100});
        s.keys.insert(20, {{40, 10}, {50, 20}});
        PaintedMask mask;
        mask.shapes << s;
        // Halfway between the keys at 0 and 20, the rectangle is halfway along.
        QCOMPARE(s.geometryAt(10), (MaskGeometry{{20, 10}, {30, 20}}));
        QCOMPARE(exactly(rasteriseMask(mask, 10, frameSize), QRect(20, 10, 10, 10)), QString());
        QCOMPARE(s.geometryAt(5), (MaskGeometry{{10, 10}, {20, 20}}));
        // Before the first and after the last key the geometry holds.
        QCOMPARE(exactly(rasteriseMask(mask, 0, frameSize), QRect(0, 10, 10, 10)), QString());
        QCOMPARE(exactly(rasteriseMask(mask, 60, frameSize), QRect(40, 10, 10, 10)), QString());
        QCOMPARE(s.geometryAt(-4), (MaskGeometry{{0, 10}, {10, 20}}));
    }

    void copyFrameMakesARangeShowOneFrame() {
        MaskShape moving = rect(0, 10, 10, 10, {0, 40});
        moving.keys.insert(20, {{40, 10}, {50, 20}});
        PaintedMask mask;
        mask.shapes << moving << rect(0, 0, 5, 5, {30, 40});
        int ids = 0;
        mask.copyFrame(10, {30, 35}, [&ids] {
            ++ids;
            return QUuid::createUuid();
        });
        QCOMPARE(ids, 1); // only the moving rectangle is on frame 10
        for (FrameNumber f : {30, 32, 34})
            QCOMPARE(exactly(rasteriseMask(mask, f, frameSize), QRect(20, 10, 10, 10)), QString());
        // Frames around the copied range keep their own mask.
        QCOMPARE(exactly(rasteriseMask(mask, 29, frameSize), QRect(40, 10, 10, 10)), QString());
        QCOMPARE(rasteriseMask(mask, 35, frameSize).constScanLine(2)[2], uchar(255));
        QCOMPARE(rasteriseMask(mask, 10, frameSize), rasteriseMask(mask, 31, frameSize));
        QVERIFY(mask.problems({0, 100}).isEmpty());
    }

    void invalidShapesAreReported() {
        MaskShape threeCorners = shape(MaskShapeKind::Rectangle, {{0, 0}, {1, 1}, {2, 2}});
        QVERIFY(threeCorners.problem().contains(QStringLiteral("two corner points")));
        MaskShape twoCornerPolygon = shape(MaskShapeKind::Polygon, {{0, 0}, {1, 1}});
        QVERIFY(twoCornerPolygon.problem().contains(QStringLiteral("three points")));
        MaskShape mismatched = shape(MaskShapeKind::Stroke, {{0, 0}, {5, 5}});
        mismatched.keys.insert(10, {{0, 0}, {5, 5}, {9, 9}});
        QVERIFY(mismatched.problem().contains(QStringLiteral("same number")));
        MaskShape hard = dot({1, 1}, 10, 1.5);
        QVERIFY(hard.problem().contains(QStringLiteral("hardness")));
        MaskShape zeroSize = dot({1, 1}, 0, 1);
        QVERIFY(zeroSize.problem().contains(QStringLiteral("size")));
        MaskShape nan = dot({std::nan(""), 1}, 10, 1);
        QVERIFY(nan.problem().contains(QStringLiteral("coordinate")));
        PaintedMask mask;
        mask.shapes << rect(0, 0, 5, 5, {0, 10}) << rect(0, 0, 5, 5, {90, 120});
        mask.shapes[1].id = mask.shapes[0].id;
        const QStringList problems = mask.problems({0, 100});
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.join(' ').contains(QStringLiteral("reuses ID")));
        QVERIFY(problems.join(' ').contains(QStringLiteral("outside the mask")));
        // The rasteriser skips an invalid shape rather than painting garbage.
        PaintedMask bad;
        bad.shapes << threeCorners;
        QCOMPARE(exactly(rasteriseMask(bad, 0, frameSize), QRect()), QString());
    }

    void shapeKindNamesRoundTrip() {
        for (MaskShapeKind k :
             {MaskShapeKind::Stroke, MaskShapeKind::Rectangle, MaskShapeKind::Ellipse,
              MaskShapeKind::Polygon, MaskShapeKind::Fill, MaskShapeKind::Invert})
            QCOMPARE(maskShapeKindFromString(toString(k)), std::optional<MaskShapeKind>(k));
        QVERIFY(!maskShapeKindFromString(QStringLiteral("circle")));
    }
};

QTEST_GUILESS_MAIN(TestMaskRaster)
#include "test_maskraster.moc"
