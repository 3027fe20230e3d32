// A clean plate pinned to a moving surface (regen/pinnedplate.h), end to
// end through regenerate(): a sign turning in perspective carries a logo
// that moves with it, so what is under the logo is never seen in any frame;
// only the plate (the sign without the logo, as on frame 0) knows it. The
// logo's shape follows the sign (keys from the known motion, as a perfect
// planar track). Propagate fills the logo three ways: without a plate, with
// the plate as one picture (registered by optical flow), and with the plate
// pinned along the shape. Scored inside the logo against the frames without
// it.

#include "core/error.h"
#include "document/document.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "noisetexture.h"
#include "planematrix.h"
#include "regen/pinnedplate.h"
#include "regen/regenerate.h"

#include <QDir>
#include <QPolygonF>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;

namespace {

constexpr int kW = 160, kH = 120, kFrames = 16;
// The sign's own coordinates: 100 x 70 units, the logo 30-70 x 20-50.
const MaskGeometry kSign{{0, 0}, {100, 0}, {100, 70}, {0, 70}};
const MaskGeometry kLogo{{30, 20}, {70, 20}, {70, 50}, {30, 50}};

// Where the sign's corners are on frame t: it slides and turns away.
MaskGeometry signCorners(int t) {
    const double s = double(t) / (kFrames - 1);
    return {{30 + 10 * s, 25 + 4 * s},
            {130 + 4 * s, 22 + 10 * s},
            {128 + 3 * s, 98 - 6 * s},
            {32 + 9 * s, 95}};
}

QPointF mapPoint(const PlaneHomography& h, QPointF p) {
    const auto q = retake::testing::mapPoint(h, p.x(), p.y());
    return {q[0], q[1]};
}

struct Scene {
    retake::testing::NoiseTexture wall{512, 11, 2};
    retake::testing::NoiseTexture sign{256, 12, 4};

    // Frame t as 8-bit RGB, with or without the logo.
    Image frame(int t, bool logo) const {
        const PlaneHomography toFrame = *fitHomography(kSign, signCorners(t));
        const PlaneHomography toSign = *fitHomography(signCorners(t), kSign);
        Q_UNUSED(toFrame);
        Image image(kW, kH, 3, SampleType::UInt8);
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x) {
                const QPointF p = mapPoint(toSign, {x + 0.5, y + 0.5});
                std::uint8_t rgb[3];
                if (p.x() >= 0 && p.x() < 100 && p.y() >= 0 && p.y() < 70) {
                    if (logo && p.x() >= 30 && p.x() < 70 && p.y() >= 20 && p.y() < 50) {
                        rgb[0] = 230, rgb[1] = 30, rgb[2] = 40;
                    } else {
                        const float v = sign.sample(p.x() * 1.2, p.y() * 1.2);
                        rgb[0] = std::uint8_t(40 + 200 * v);
                        rgb[1] = std::uint8_t(200 - 150 * v);
                        rgb[2] = std::uint8_t(90 + 100 * v);
                    }
                } else {
                    const float v = wall.sample(x + 100 + 1.5 * t, y + 80);
                    rgb[0] = rgb[1] = rgb[2] = std::uint8_t(60 + 150 * v);
                }
                std::copy(rgb, rgb + 3, image.pixels.data() + (std::size_t(y) * kW + x) * 3);
            }
        return image;
    }
};

} // namespace

class TestPinnedPlate : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private Q_SLOTS:
    void homographyFromCorners() {
        const MaskGeometry to{{10, 12}, {98, 20}, {90, 80}, {14, 70}};
        const auto h = fitHomography(kSign, to);
        QVERIFY(h.has_value());
        for (int i = 0; i < 4; ++i) {
            const QPointF p = mapPoint(*h, kSign[i]);
            QVERIFY2(std::hypot(p.x() - to[i].x(), p.y() - to[i].y()) < 1e-9,
                     qPrintable(QStringLiteral("corner %1").arg(i)));
        }
        QVERIFY(!fitHomography({{0, 0}, {1, 1}, {2, 2}, {3, 3}}, to).has_value()); // a line
        QVERIFY(!fitHomography({{0, 0}, {1, 0}, {1, 1}}, {{0, 0}, {1, 0}, {1, 1}}).has_value());
    }

    void pinnedPlateFillsWhatNoFrameShows() {
        const Scene scene;
        const QString frames = dir.filePath(QStringLiteral("sign"));
        QDir().mkpath(frames);
        for (int t = 0; t < kFrames; ++t)
            writeImageFile(
                QStringLiteral("%1/f_%2.png").arg(frames).arg(t, 4, 10, QLatin1Char('0')),
                scene.frame(t, true));
        const QString plate = dir.filePath(QStringLiteral("plate.png"));
        writeImageFile(plate, scene.frame(0, false));

        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), kW, kH),
                     dir.filePath(QStringLiteral("p.retake")));
        const Id shot = doc.importMedia(openMedia(frames + QStringLiteral("/f_0000.png"))->info());
        const Id mask = doc.addPaintedMask(shot);
        MaskShape logo;
        logo.kind = MaskShapeKind::Polygon;
        logo.frames.add({0, kFrames});
        for (int t = 0; t < kFrames; ++t) {
            const PlaneHomography onFrame = *fitHomography(kSign, signCorners(t));
            MaskGeometry corners;
            // 1 unit of margin: the logo's antialiased edge.
            for (const QPointF& c : MaskGeometry{{29, 19}, {71, 19}, {71, 51}, {29, 51}})
                corners << mapPoint(onFrame, c);
            logo.keys.insert(t, corners);
        }
        const Id shape = doc.addMaskShape(shot, mask, logo);

        // The plate warped along the shape lines up with each frame's sign.
        {
            const Image plateImage = openMedia(plate)->readFrame(0);
            generation::FrameStack warped(kFrames, 3, kH, kW);
            double worst = 0;
            for (int t = 0; t < kFrames; ++t) {
                warpPlate(plateImage, *fitHomography(logo.keys.value(0), logo.keys.value(t)),
                          warped, t);
                const Image want = scene.frame(t, false);
                const PlaneHomography toSign = *fitHomography(signCorners(t), kSign);
                double error = 0;
                int n = 0;
                for (int y = 0; y < kH; ++y)
                    for (int x = 0; x < kW; ++x) {
                        const QPointF p = mapPoint(toSign, {x + 0.5, y + 0.5});
                        if (!(p.x() >= 32 && p.x() < 68 && p.y() >= 22 && p.y() < 48))
                            continue;
                        for (int c = 0; c < 3; ++c) {
                            const double d = warped.at(t, c, y, x) - want.sampleAsFloat(x, y, c);
                            error += d * d;
                            ++n;
                        }
                    }
                worst = std::max(worst, std::sqrt(error / std::max(n, 1)));
            }
            qInfo("the pinned plate against the frames without the logo: worst RMS %.4f", worst);
            QVERIFY2(worst < 0.05, qPrintable(QString::number(worst)));
        }

        const auto score = [&](const RegenRequest& request) {
            Progress progress;
            const RegenResult result = regenerate(doc.project(), doc.cacheDir(), request, progress);
            const auto take = openMedia(result.take.framesPath);
            double error = 0;
            std::size_t samples = 0;
            for (int t = 0; t < kFrames; ++t) {
                const Image got = take->readFrame(t);
                const Image want = scene.frame(t, false);
                const PlaneHomography toSign = *fitHomography(signCorners(t), kSign);
                for (int y = 0; y < kH; ++y)
                    for (int x = 0; x < kW; ++x) {
                        const QPointF p = mapPoint(toSign, {x + 0.5, y + 0.5});
                        if (!(p.x() >= 30 && p.x() < 70 && p.y() >= 20 && p.y() < 50))
                            continue;
                        for (int c = 0; c < 3; ++c) {
                            const double d =
                                got.sampleAsFloat(x, y, c) - want.sampleAsFloat(x, y, c);
                            error += d * d;
                            ++samples;
                        }
                    }
            }
            return 10 * std::log10(1.0 / std::max(error / double(samples), 1e-12));
        };
        RegenRequest request;
        request.shotId = shot;
        request.range = {0, kFrames};
        request.maskId = mask;
        const double none = score(request);
        request.referencePath = plate;
        const double whole = score(request);
        request.referenceFollows = shape;
        request.referenceFrame = 0;
        const double pinned = score(request);
        qInfo("inside the logo: no plate %.2f dB, the plate as one picture %.2f dB, pinned %.2f dB",
              none, whole, pinned);
        QVERIFY2(pinned > 30, qPrintable(QString::number(pinned)));
        QVERIFY(pinned > none + 6);
        QVERIFY(pinned > whole + 3);

        // A shape with fewer than 4 corners cannot carry a plane.
        MaskShape dot;
        dot.kind = MaskShapeKind::Stroke;
        dot.frames.add({0, kFrames});
        dot.keys.insert(0, {{50, 50}});
        request.referenceFollows = doc.addMaskShape(shot, mask, dot);
        try {
            score(request);
            QFAIL("a plate was pinned to a dot");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QStringLiteral("4 or more")), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestPinnedPlate)
#include "test_pinnedplate.moc"
