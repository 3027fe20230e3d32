#include "tracking/shapetracking.h"

#include "core/error.h"
#include "core/translate.h"
#include "engines/generationlibrary.h"
#include "mask/maskraster.h"
#include "mediaio/openmedia.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace retake {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kEllipsePoints = 32;

// Luma of any picture, 8-bit, for the tracker (which needs contrast, not
// colour accuracy). Float pictures (linear EXR) get a display-like curve so
// shadows keep their texture.
std::vector<std::uint8_t> greyOf(const Image& image) {
    std::vector<std::uint8_t> grey(std::size_t(image.width) * image.height);
    const bool linear = image.type == SampleType::Float32;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            double v = image.sampleAsFloat(x, y, 0);
            if (image.channels >= 3)
                v = 0.2126 * v + 0.7152 * image.sampleAsFloat(x, y, 1) +
                    0.0722 * image.sampleAsFloat(x, y, 2);
            if (linear)
                v = std::pow(std::clamp(v, 0.0, 1.0), 1 / 2.2);
            grey[std::size_t(y) * image.width + x] =
                std::uint8_t(std::lround(std::clamp(v, 0.0, 1.0) * 255));
        }
    return grey;
}

// A rectangle's or ellipse's key as the polygon it becomes.
MaskGeometry asPolygon(MaskShapeKind kind, const MaskGeometry& corners) {
    if (corners.size() != 2)
        return corners;
    const QPointF a = corners[0], b = corners[1];
    if (kind == MaskShapeKind::Rectangle)
        return {a, QPointF(b.x(), a.y()), b, QPointF(a.x(), b.y())};
    const QPointF centre = (a + b) / 2;
    const double rx = std::abs(b.x() - a.x()) / 2, ry = std::abs(b.y() - a.y()) / 2;
    MaskGeometry points;
    for (int i = 0; i < kEllipsePoints; ++i) {
        const double angle = 2 * kPi * i / kEllipsePoints;
        points << centre + QPointF(rx * std::cos(angle), ry * std::sin(angle));
    }
    return points;
}

MaskGeometry transformed(const MaskGeometry& points, const generation::TrackTransform& h) {
    MaskGeometry out;
    out.reserve(points.size());
    for (const QPointF& p : points) {
        const double x = h[0][0] * p.x() + h[0][1] * p.y() + h[0][2];
        const double y = h[1][0] * p.x() + h[1][1] * p.y() + h[1][2];
        const double w = h[2][0] * p.x() + h[2][1] * p.y() + h[2][2];
        out << QPointF(x / w, y / w);
    }
    return out;
}

} // namespace

namespace {

// The largest distance, over the shape's points, between key `k` and the
// straight motion from key `a` to key `b`.
double departure(const MaskGeometry& a, const MaskGeometry& k, const MaskGeometry& b, double s) {
    double worst = 0;
    for (int i = 0; i < k.size() && i < a.size() && i < b.size(); ++i) {
        const QPointF along = a[i] + (b[i] - a[i]) * s;
        worst = std::max(worst, std::hypot(k[i].x() - along.x(), k[i].y() - along.y()));
    }
    return worst;
}

void keepDeparting(const QVector<FrameNumber>& frames, const QMap<FrameNumber, MaskGeometry>& keys,
                   int first, int last, double tolerance, QVector<bool>& keep) {
    if (last - first < 2)
        return;
    int worstAt = -1;
    double worst = tolerance;
    const MaskGeometry& a = keys[frames[first]];
    const MaskGeometry& b = keys[frames[last]];
    for (int k = first + 1; k < last; ++k) {
        const double s = double(frames[k] - frames[first]) / double(frames[last] - frames[first]);
        const double d = departure(a, keys[frames[k]], b, s);
        if (d > worst) {
            worst = d;
            worstAt = k;
        }
    }
    if (worstAt < 0)
        return;
    keep[worstAt] = true;
    keepDeparting(frames, keys, first, worstAt, tolerance, keep);
    keepDeparting(frames, keys, worstAt, last, tolerance, keep);
}

} // namespace

void thinKeys(MaskShape& shape, FrameRange frames, double tolerancePx) {
    QVector<FrameNumber> inside;
    for (auto it = shape.keys.cbegin(); it != shape.keys.cend(); ++it)
        if (frames.contains(it.key()))
            inside << it.key();
    if (inside.size() < 3 || !(tolerancePx > 0))
        return;
    QVector<bool> keep(inside.size(), false);
    keep.first() = keep.last() = true;
    keepDeparting(inside, shape.keys, 0, int(inside.size()) - 1, tolerancePx, keep);
    for (int i = 0; i < inside.size(); ++i)
        if (!keep[i])
            shape.keys.remove(inside[i]);
}

ShapeTrackResult trackShape(const Project& project, const ShapeTrackRequest& request,
                            const Progress& progress) {
    const auto usage = [](const QString& message) { throw Error(ErrorKind::Usage, message); };
    const Shot* shot = project.findShot(request.shotId);
    if (!shot)
        usage(tr("There is no shot %1 to track in.").arg(request.shotId.toString()));
    const MaskRef* mask = nullptr;
    for (const MaskRef& m : shot->masks)
        if (m.id == request.maskId)
            mask = &m;
    if (!mask || !mask->isPainted())
        usage(tr("Shot \"%1\" has no painted mask %2.").arg(shot->name, request.maskId.toString()));
    const MaskShape* found = mask->painted.findShape(request.shapeId);
    if (!found)
        usage(tr("The mask has no shape %1.").arg(request.shapeId.toString()));
    if (!found->hasGeometry())
        usage(tr("A %1 shape covers the whole frame: there is nothing to track.")
                  .arg(toString(found->kind)));
    if (request.model == ShapeTrackModel::Dense && found->kind == MaskShapeKind::Stroke)
        usage(tr("The dense model moves a shape's outline; a stroke has none. Track it with the "
                 "translation or planar model, or draw a polygon."));
    const FrameRange range = (request.range.isEmpty() ? mask->range : request.range)
                                 .intersected(mask->range)
                                 .intersected(shot->source);
    if (!range.contains(request.from))
        usage(tr("Frame %1 is outside the frames to track (%2 of the shot).")
                  .arg(request.from - shot->source.start)
                  .arg(range.shifted(-shot->source.start).toInclusiveString()));
    const MediaRef* media = project.findMedia(shot->mediaId);
    if (media && media->isGap())
        throw Error(
            ErrorKind::Usage,
            tr("\"%1\" is a gap in the edit: there is no picture to track.").arg(shot->name));
    if (!media || !media->online)
        throw Error(ErrorKind::BadInput,
                    tr("Shot \"%1\"'s media is offline: relink it to track.").arg(shot->name));

    ShapeTrackResult result;
    MaskShape& shape = result.shape;
    shape = *found;
    const MaskGeometry keyGeometry = found->geometryAt(request.from);
    if (shape.kind == MaskShapeKind::Rectangle || shape.kind == MaskShapeKind::Ellipse) {
        for (auto it = shape.keys.begin(); it != shape.keys.end(); ++it)
            it.value() = asPolygon(shape.kind, it.value());
        shape.kind = MaskShapeKind::Polygon;
        result.becamePolygon = true;
    }
    const MaskGeometry start =
        result.becamePolygon ? asPolygon(found->kind, keyGeometry) : keyGeometry;
    shape.keys.insert(request.from, start);

    const auto reader = openMedia(media->path, media->kind);
    const Image keyImage = reader->readFrame(request.from);
    const QSize size(keyImage.width, keyImage.height);
    const QImage coverage = rasteriseShape(*found, request.from, size);
    std::vector<std::uint8_t> region(std::size_t(size.width()) * size.height());
    for (int y = 0; y < size.height(); ++y) {
        const uchar* line = coverage.constScanLine(y);
        for (int x = 0; x < size.width(); ++x)
            region[std::size_t(y) * size.width() + x] = line[x] >= 128 ? 255 : 0;
    }
    const std::vector<std::uint8_t> keyGrey = greyOf(keyImage);
    const generation::GreyFrame key{keyGrey.data(), size.width(), size.height()};
    const generation::TrackModel model =
        request.model == ShapeTrackModel::Planar  ? generation::TrackModel::Planar
        : request.model == ShapeTrackModel::Dense ? generation::TrackModel::Dense
                                                  : generation::TrackModel::Similarity;
    std::vector<double> outline;
    for (const QPointF& p : start) {
        outline.push_back(p.x());
        outline.push_back(p.y());
    }

    QVector<int> directions;
    if (request.direction != TrackDirection::Backward)
        directions << 1;
    if (request.direction != TrackDirection::Forward)
        directions << -1;
    const double total = std::max<FrameNumber>(1, range.length() - 1);
    double done = 0;
    for (int step : directions) {
        std::unique_ptr<generation::RegionTracking> tracker;
        try {
            tracker = generationBackend().trackRegion(key, region.data(), model, outline);
        } catch (const std::invalid_argument& e) {
            throwBadInput(QFileInfo(media->path).fileName(),
                          tr("frame %1: %2")
                              .arg(request.from - shot->source.start)
                              .arg(QString::fromStdString(e.what())));
        }
        for (FrameNumber f = request.from + step; range.contains(f); f += step) {
            progress.checkCancelled();
            progress.report(++done / total, tr("Tracking"));
            const std::vector<std::uint8_t> grey = greyOf(reader->readFrame(f));
            const generation::TrackStep tracked =
                tracker->next({grey.data(), size.width(), size.height()});
            if (tracked.lost || tracked.confidence < request.minConfidence) {
                result.stops << tr("%1 stopped at frame %2: %3")
                                    .arg(step > 0 ? tr("Tracking forward")
                                                  : tr("Tracking backward"))
                                    .arg(f - shot->source.start)
                                    .arg(tracked.lost ? QString::fromStdString(tracked.why)
                                                      : tr("confidence %1 is under %2")
                                                            .arg(tracked.confidence, 0, 'f', 2)
                                                            .arg(request.minConfidence));
                break;
            }
            if (model == generation::TrackModel::Dense) {
                MaskGeometry moved;
                for (std::size_t i = 0; i + 1 < tracked.outline.size(); i += 2)
                    moved.push_back(QPointF(tracked.outline[i], tracked.outline[i + 1]));
                shape.keys.insert(f, moved);
            } else {
                shape.keys.insert(f, transformed(start, tracked.keyToFrame));
            }
            shape.frames.add({f, f + 1});
            result.tracked.push_back({f, tracked.confidence});
        }
    }
    shape.frames.add({request.from, request.from + 1});
    std::sort(result.tracked.begin(), result.tracked.end(),
              [](const TrackedFrame& a, const TrackedFrame& b) { return a.frame < b.frame; });
    if (!result.tracked.isEmpty())
        thinKeys(shape,
                 {std::min(request.from, result.tracked.first().frame),
                  std::max(request.from, result.tracked.last().frame) + 1},
                 request.keyTolerancePx);
    if (!result.tracked.isEmpty()) {
        const FrameRange covered{std::min(request.from, result.tracked.first().frame),
                                 std::max(request.from, result.tracked.last().frame) + 1};
        if (shot->locks.intersects(covered))
            // Allowed on purpose: a lock keeps pixels, and a mask there
            // regenerates nothing.
            result.notes << tr("The track crosses locked frames: the shape follows the picture "
                               "there too, but locked frames keep their pixels when regenerating.");
    }
    return result;
}

} // namespace retake
