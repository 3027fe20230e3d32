// Dense tracking (tracking.h): no one motion is fitted to the shape. Corners
// inside it are followed from frame to frame by pyramidal Lucas-Kanade,
// checked forward and backward (as the region tracker does); each outline
// point then moves by an affine fit of the motion of the points near it,
// from the key frame to now, weighted by their distance on the key frame
// (moving least squares). Each part of the shape thus moves, turns and
// stretches with the picture around it, and, fitted from the key frame, the
// outline does not accumulate the frame-to-frame error of the points (dense
// optical flow was tried first: DIS underestimates sub-pixel motion by about
// a tenth, which chaining turned into pixels of lag). When many points are
// lost, new corners are found inside the shape as it now lies.

#include "track/outlinetracker.h"

#include "track/pointtracks.h"

#include <algorithm>
#include <cmath>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>
#include <stdexcept>

namespace retake::generation {

namespace {

constexpr int kMaxCorners = 800;
// A smaller window than the region tracker's: points near the shape's edge
// see less of what is behind it.
const PointFollowing kFollowing{cv::Size(15, 15), 4, 120, 1.0f};
// Points this close (px) to the outline see what is behind the shape in
// their window too, which pulls them towards its motion: left out.
constexpr int kEdgePx = 8;
// Fewer points than this cannot follow a shape.
constexpr int kMinPoints = 8;
// Below this share of the key frame's points, look for new ones.
constexpr double kReplenishShare = 0.6;
// A local fit needs this much weight (points at about the spread count
// fully).
constexpr double kMinWeight = 3.0;

std::vector<cv::Point2f> cornersInside(const cv::Mat& gray, const cv::Mat& region) {
    cv::Mat inside;
    cv::erode(region, inside,
              cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * kEdgePx + 1, 2 * kEdgePx + 1}));
    if (cv::countNonZero(inside) < 16 * 16)
        inside = region; // a thin shape: its points are all near its edge
    return findCorners(gray, inside, kMaxCorners, 0.003, 3);
}

cv::Mat polygonMask(cv::Size size, const std::vector<cv::Point2f>& outline) {
    std::vector<cv::Point> polygon;
    for (const cv::Point2f& p : outline)
        polygon.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::Mat mask = cv::Mat::zeros(size, CV_8U);
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{polygon}, cv::Scalar(255));
    return mask;
}

cv::Point2f apply(const cv::Matx23d& a, const cv::Point2f& p) {
    return {float(a(0, 0) * p.x + a(0, 1) * p.y + a(0, 2)),
            float(a(1, 0) * p.x + a(1, 1) * p.y + a(1, 2))};
}

} // namespace

OutlineTracker::OutlineTracker(const GreyFrame& key, const std::uint8_t* region,
                               const std::vector<double>& outline) {
    if (!key.pixels || !region || key.width <= 0 || key.height <= 0)
        throw std::invalid_argument("tracking needs a key frame and a region");
    if (outline.size() < 6 || outline.size() % 2 != 0)
        throw std::invalid_argument(
            "the dense model moves a shape's outline: it needs a polygon, rectangle or ellipse");
    for (std::size_t i = 0; i < outline.size(); i += 2)
        keyOutline_.emplace_back(float(outline[i] - 0.5), float(outline[i + 1] - 0.5));
    const cv::Mat inside =
        cv::Mat(key.height, key.width, CV_8U, const_cast<std::uint8_t*>(region)) != 0;
    if (cv::countNonZero(inside) == 0)
        throw std::invalid_argument("the shape covers no pixel of the frame (is it outside it?)");
    previousGray_ = wrapGrey(key).clone();
    keyPoints_ = cornersInside(previousGray_, inside);
    if (int(keyPoints_.size()) < kMinPoints)
        throw std::invalid_argument(
            "the shape covers too little texture to track (" + std::to_string(keyPoints_.size()) +
            " trackable points, at least " + std::to_string(kMinPoints) +
            " needed): a flat wall, sky or a blurred area moves without showing it. Paint the "
            "shape over something with detail, or key it by hand");
    currentPoints_ = keyPoints_;
    initialCount_ = int(keyPoints_.size());
    // Points reach as far as they are apart on average, and at least a
    // tenth of the shape.
    const cv::Rect box = cv::boundingRect(inside);
    spread_ = std::max({12.0, 0.1 * std::max(box.width, box.height),
                        1.5 * std::sqrt(double(box.area()) / double(keyPoints_.size()))});
}

TrackStep OutlineTracker::lose(std::string why) {
    lost_ = true;
    why_ = std::move(why);
    TrackStep step;
    step.lost = true;
    step.why = why_;
    return step;
}

bool OutlineTracker::locally(const cv::Point2f& at, cv::Matx23d* affine) const {
    // Weighted least squares of [x y 1] -> x' and -> y' (moving least
    // squares, affine): normal equations, 3x3, shared by both rows.
    cv::Matx33d m = cv::Matx33d::zeros();
    cv::Vec3d bx(0, 0, 0), by(0, 0, 0);
    double total = 0;
    const double s2 = 2 * spread_ * spread_;
    for (std::size_t i = 0; i < keyPoints_.size(); ++i) {
        const cv::Point2f d = keyPoints_[i] - at;
        const double w = std::exp(-double(d.dot(d)) / s2);
        if (w < 1e-4)
            continue;
        const cv::Vec3d v(keyPoints_[i].x - at.x, keyPoints_[i].y - at.y, 1);
        m += w * v * v.t();
        bx += w * currentPoints_[i].x * v;
        by += w * currentPoints_[i].y * v;
        total += w;
    }
    if (total < kMinWeight)
        return false;
    // A little pull towards a pure translation keeps a fit on points in a
    // line (an edge) from tilting the outline.
    m(0, 0) += 1e-3 * total * spread_ * spread_;
    m(1, 1) += 1e-3 * total * spread_ * spread_;
    bx[0] += 1e-3 * total * spread_ * spread_;
    by[1] += 1e-3 * total * spread_ * spread_;
    cv::Vec3d rx, ry;
    if (!cv::solve(m, bx, rx, cv::DECOMP_CHOLESKY) || !cv::solve(m, by, ry, cv::DECOMP_CHOLESKY))
        return false;
    // Centred at `at`: x' = rx0 (x - at.x) + rx1 (y - at.y) + rx2.
    *affine = cv::Matx23d(rx[0], rx[1], rx[2] - rx[0] * at.x - rx[1] * at.y, ry[0], ry[1],
                          ry[2] - ry[0] * at.x - ry[1] * at.y);
    return true;
}

void OutlineTracker::replenish(const cv::Mat& gray, const std::vector<cv::Point2f>& outlineNow) {
    const cv::Mat inside = polygonMask(gray.size(), outlineNow);
    for (const cv::Point2f& p : cornersInside(gray, inside)) {
        const bool taken =
            std::any_of(currentPoints_.begin(), currentPoints_.end(), [&](const cv::Point2f& q) {
                return std::abs(p.x - q.x) < 3 && std::abs(p.y - q.y) < 3;
            });
        if (taken)
            continue;
        // Its key-frame place: the local motion near it, undone. The
        // nearest outline point's fit is a good enough start.
        std::size_t nearest = 0;
        float best = 1e30f;
        for (std::size_t i = 0; i < outlineNow.size(); ++i) {
            const cv::Point2f d = outlineNow[i] - p;
            if (d.dot(d) < best) {
                best = d.dot(d);
                nearest = i;
            }
        }
        cv::Matx23d a;
        if (!locally(keyOutline_[nearest], &a))
            continue;
        const cv::Matx33d full(a(0, 0), a(0, 1), a(0, 2), a(1, 0), a(1, 1), a(1, 2), 0, 0, 1);
        const cv::Matx33d back = full.inv();
        keyPoints_.emplace_back(float(back(0, 0) * p.x + back(0, 1) * p.y + back(0, 2)),
                                float(back(1, 0) * p.x + back(1, 1) * p.y + back(1, 2)));
        currentPoints_.push_back(p);
    }
}

TrackStep OutlineTracker::next(const GreyFrame& frame) {
    if (lost_) {
        TrackStep step;
        step.lost = true;
        step.why = why_;
        return step;
    }
    if (frame.width != previousGray_.cols || frame.height != previousGray_.rows)
        return lose("the frame is " + std::to_string(frame.width) + "x" +
                    std::to_string(frame.height) + ", the key frame " +
                    std::to_string(previousGray_.cols) + "x" + std::to_string(previousGray_.rows));
    const cv::Mat gray = wrapGrey(frame);

    std::vector<cv::Point2f> forward;
    std::vector<bool> kept;
    followPoints(previousGray_, gray, currentPoints_, kFollowing, forward, kept);
    std::vector<cv::Point2f> keyKept, nowKept;
    for (std::size_t i = 0; i < forward.size(); ++i)
        if (kept[i]) {
            keyKept.push_back(keyPoints_[i]);
            nowKept.push_back(forward[i]);
        }
    if (int(keyKept.size()) < kMinPoints)
        return lose("only " + std::to_string(keyKept.size()) + " of the shape's " +
                    std::to_string(initialCount_) +
                    " points could be followed into this frame (occluded, out of the frame, "
                    "blurred, or a cut)");
    const double followed = double(keyKept.size()) / double(keyPoints_.size());
    keyPoints_ = std::move(keyKept);
    currentPoints_ = std::move(nowKept);

    // Each outline point by the motion of the points near it.
    std::vector<cv::Point2f> outlineNow(keyOutline_.size());
    std::vector<bool> fitted(keyOutline_.size(), false);
    int resolved = 0;
    for (std::size_t i = 0; i < keyOutline_.size(); ++i) {
        cv::Matx23d a;
        if (locally(keyOutline_[i], &a)) {
            outlineNow[i] = apply(a, keyOutline_[i]);
            fitted[i] = true;
            ++resolved;
        }
    }
    if (resolved == 0)
        return lose("no part of the shape has points left to follow");
    // Points with no picture near them move as the whole shape does.
    if (resolved < int(keyOutline_.size())) {
        const cv::Mat whole = cv::estimateAffine2D(keyPoints_, currentPoints_);
        for (std::size_t i = 0; i < keyOutline_.size(); ++i)
            if (!fitted[i])
                outlineNow[i] =
                    whole.empty() ? keyOutline_[i] : apply(cv::Matx23d(whole), keyOutline_[i]);
    }
    if (double(keyPoints_.size()) < kReplenishShare * initialCount_)
        replenish(gray, outlineNow);
    gray.copyTo(previousGray_);

    TrackStep step;
    step.points = int(currentPoints_.size());
    step.confidence =
        std::min(followed * std::min(1.0, double(currentPoints_.size()) / (0.5 * initialCount_)),
                 double(resolved) / double(keyOutline_.size()));
    for (const cv::Point2f& p : outlineNow) {
        step.outline.push_back(double(p.x) + 0.5);
        step.outline.push_back(double(p.y) + 0.5);
    }
    // The overall motion, for whoever wants one transform (editor convention).
    const cv::Mat affine = cv::estimateAffine2D(keyOutline_, outlineNow);
    step.keyToFrame = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
    if (!affine.empty()) {
        const cv::Matx23d a(affine);
        step.keyToFrame = {{{a(0, 0), a(0, 1), a(0, 2) + 0.5 - 0.5 * (a(0, 0) + a(0, 1))},
                            {a(1, 0), a(1, 1), a(1, 2) + 0.5 - 0.5 * (a(1, 0) + a(1, 1))},
                            {0, 0, 1}}};
    }
    return step;
}

} // namespace retake::generation
