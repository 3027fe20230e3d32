// Region tracking (tracking.h): corners found inside the region on the key
// frame are followed frame to frame by pyramidal Lucas-Kanade, checked
// forward and backward; the region's motion is fitted from the key frame's
// positions to the current ones (RANSAC), so it never accumulates the error
// of chained frame-to-frame fits. The planar model is then refined by direct
// alignment (ECC) of the key frame's region onto the frame, which holds it
// to a fraction of a pixel where points alone would drift. When many points
// have been lost, new corners are found inside the region as it now lies and
// mapped back to the key frame through the current motion.

#include "track/regiontracker.h"

#include "track/pointtracks.h"

#include <algorithm>
#include <cmath>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>
#include <stdexcept>

namespace retake::generation {

namespace {

constexpr int kMaxCorners = 400;
// Lucas-Kanade's window and pyramid follow motions of up to about 60 px a
// frame.
const PointFollowing kFollowing{cv::Size(21, 21), 4, 160, 1.0f};
// RANSAC tolerance (px).
constexpr double kRansacPx = 2.0;
// After RANSAC, the fit is redone on the points that agree with it this
// closely (px), or within kTightMedians of the median residual if that is
// wider.
constexpr double kTightPx = 0.3;
constexpr double kTightMedians = 3.0;
// Fewer agreeing points than this cannot pin the model down reliably.
constexpr int kMinPointsPlanar = 10;
constexpr int kMinPointsSimilarity = 5;
// Below this share of the key frame's points, look for new ones.
constexpr double kReplenishShare = 0.6;
// ECC refinement further than this (px at the region's corners) from the
// points' fit converged on something else: the fit stands.
constexpr double kMaxRefinementPx = 3.0;

cv::Matx33d toMatx(const cv::Mat& m) {
    cv::Mat d;
    m.convertTo(d, CV_64F);
    if (d.rows == 2) {
        cv::Matx33d h = cv::Matx33d::eye();
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 3; ++c)
                h(r, c) = d.at<double>(r, c);
        return h;
    }
    return cv::Matx33d(d);
}

cv::Point2d apply(const cv::Matx33d& h, cv::Point2d p) {
    const cv::Vec3d v = h * cv::Vec3d(p.x, p.y, 1);
    return {v[0] / v[2], v[1] / v[2]};
}

double largestCornerShift(const cv::Matx33d& a, const cv::Matx33d& b, const cv::Rect& box) {
    double largest = 0;
    for (const cv::Point2d corner :
         {cv::Point2d(box.x, box.y), cv::Point2d(box.x + box.width, box.y),
          cv::Point2d(box.x, box.y + box.height),
          cv::Point2d(box.x + box.width, box.y + box.height)}) {
        const cv::Point2d pa = apply(a, corner), pb = apply(b, corner);
        largest = std::max(largest, std::hypot(pa.x - pb.x, pa.y - pb.y));
    }
    return largest;
}

// OpenCV's positions are pixel centres at integers; the editor's pixel
// (i, j) is centred at (i + 0.5, j + 0.5).
TrackTransform toEditorConvention(const cv::Matx33d& h) {
    const cv::Matx33d toCv(1, 0, -0.5, 0, 1, -0.5, 0, 0, 1);
    const cv::Matx33d fromCv(1, 0, 0.5, 0, 1, 0.5, 0, 0, 1);
    cv::Matx33d e = fromCv * h * toCv;
    e *= 1.0 / e(2, 2);
    TrackTransform t{};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            t[std::size_t(r)][std::size_t(c)] = e(r, c);
    return t;
}

} // namespace

RegionTracker::RegionTracker(const GreyFrame& key, const std::uint8_t* region, TrackModel model)
    : model_(model) {
    if (!key.pixels || !region || key.width <= 0 || key.height <= 0)
        throw std::invalid_argument("tracking needs a key frame and a region");
    keyGray_ = wrapGrey(key).clone();
    region_ = cv::Mat(key.height, key.width, CV_8U, const_cast<std::uint8_t*>(region)).clone();
    region_.setTo(255, region_ != 0);
    const int area = cv::countNonZero(region_);
    if (area == 0)
        throw std::invalid_argument("the shape covers no pixel of the frame (is it outside it?)");
    box_ = cv::boundingRect(region_);
    keyPoints_ = findCorners(keyGray_, region_);
    if (int(keyPoints_.size()) < minPoints())
        throw std::invalid_argument(
            "the shape covers too little texture to track (" + std::to_string(keyPoints_.size()) +
            " trackable points, at least " + std::to_string(minPoints()) +
            " needed): a flat wall, sky or a blurred area moves without showing it. Paint the "
            "shape over something with detail, or key it by hand");
    currentPoints_ = keyPoints_;
    initialCount_ = int(keyPoints_.size());
    previousGray_ = keyGray_.clone();
    keyToPrevious_ = cv::Matx33d::eye();
}

int RegionTracker::minPoints() const {
    return model_ == TrackModel::Planar ? kMinPointsPlanar : kMinPointsSimilarity;
}

std::vector<cv::Point2f> RegionTracker::findCorners(const cv::Mat& gray, const cv::Mat& inside) {
    return generation::findCorners(gray, inside, kMaxCorners, 0.005, 4);
}

TrackStep RegionTracker::lose(std::string why) {
    lost_ = true;
    why_ = std::move(why);
    TrackStep step;
    step.lost = true;
    step.why = why_;
    step.keyToFrame = toEditorConvention(keyToPrevious_);
    return step;
}

TrackStep RegionTracker::next(const GreyFrame& frame) {
    if (lost_) {
        TrackStep step;
        step.lost = true;
        step.why = why_;
        return step;
    }
    if (frame.width != keyGray_.cols || frame.height != keyGray_.rows || !frame.pixels)
        return lose("the frame is " + std::to_string(frame.width) + "x" +
                    std::to_string(frame.height) + ", the key frame " +
                    std::to_string(keyGray_.cols) + "x" + std::to_string(keyGray_.rows));
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
    if (int(keyKept.size()) < minPoints())
        return lose("only " + std::to_string(keyKept.size()) + " of the region's " +
                    std::to_string(initialCount_) +
                    " points could be followed into this frame (occluded, out of the frame, "
                    "blurred, or a cut)");

    std::vector<std::uint8_t> agree;
    const cv::Mat fitted =
        model_ == TrackModel::Planar
            ? cv::findHomography(keyKept, nowKept, cv::RANSAC, kRansacPx, agree, 2000, 0.995)
            : cv::estimateAffinePartial2D(keyKept, nowKept, agree, cv::RANSAC, kRansacPx, 2000,
                                          0.995);
    const int agreeing = int(std::count(agree.begin(), agree.end(), std::uint8_t(1)));
    if (fitted.empty() || agreeing < minPoints())
        return lose("the region's points no longer move as one " +
                    std::string(model_ == TrackModel::Planar ? "plane" : "object") + " (" +
                    std::to_string(agreeing) + " agree)");
    cv::Matx33d keyToNow = tightFit(keyKept, nowKept, agree, toMatx(fitted));
    if (model_ == TrackModel::Planar)
        keyToNow = refine(gray, keyToNow);

    // Keep the points that agree; they carry on to the next frame.
    std::vector<cv::Point2f> keyNext, nowNext;
    for (std::size_t i = 0; i < agree.size(); ++i)
        if (agree[i]) {
            keyNext.push_back(keyKept[i]);
            nowNext.push_back(nowKept[i]);
        }
    keyPoints_ = std::move(keyNext);
    currentPoints_ = std::move(nowNext);
    if (double(keyPoints_.size()) < kReplenishShare * initialCount_)
        replenish(gray, keyToNow);

    TrackStep step;
    step.keyToFrame = toEditorConvention(keyToNow);
    step.points = agreeing;
    // Points can agree on a wrong motion (few of them on weak texture, a
    // see-through object): the picture itself must agree too. The frame
    // brought back onto the key frame by the motion is compared with the
    // key frame's region.
    const double pointsAgree = double(agreeing) / double(keyKept.size()) *
                               std::min(1.0, double(agreeing) / (0.5 * double(initialCount_)));
    const double pictureAgrees = similarity(gray, keyToNow);
    step.confidence = std::min(pointsAgree, pictureAgrees);
    keyToPrevious_ = keyToNow;
    gray.copyTo(previousGray_);
    return step;
}

cv::Matx33d RegionTracker::tightFit(const std::vector<cv::Point2f>& key,
                                    const std::vector<cv::Point2f>& now,
                                    const std::vector<std::uint8_t>& agree,
                                    const cv::Matx33d& fitted) const {
    // RANSAC's tolerance has to allow for motion blur and noise, so a few
    // points half a pixel off (on a repeating pattern, along an edge) count
    // as agreeing and pull the least-squares fit; a second fit leaves them out.
    std::vector<double> residual;
    residual.reserve(key.size());
    for (std::size_t i = 0; i < key.size(); ++i)
        if (agree[i]) {
            const cv::Point2d p = apply(fitted, key[i]);
            residual.push_back(std::hypot(p.x - now[i].x, p.y - now[i].y));
        }
    if (residual.empty())
        return fitted;
    std::vector<double> sorted = residual;
    std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
    const double limit = std::max(kTightPx, kTightMedians * sorted[sorted.size() / 2]);
    std::vector<cv::Point2f> keyTight, nowTight;
    for (std::size_t i = 0, r = 0; i < key.size(); ++i)
        if (agree[i] && residual[r++] <= limit) {
            keyTight.push_back(key[i]);
            nowTight.push_back(now[i]);
        }
    if (int(keyTight.size()) < minPoints() || keyTight.size() == residual.size())
        return fitted;
    // Every point now agrees: a least-squares fit over all of them (RANSAC
    // with a tolerance nothing exceeds, then its Levenberg-Marquardt polish).
    const cv::Mat refit =
        model_ == TrackModel::Planar
            ? cv::findHomography(keyTight, nowTight, 0)
            : cv::estimateAffinePartial2D(keyTight, nowTight, cv::noArray(), cv::RANSAC, 1e6);
    return refit.empty() ? fitted : toMatx(refit);
}

cv::Matx33d RegionTracker::refine(const cv::Mat& gray, const cv::Matx33d& start) const {
    // The key frame's region (its box, grown a little for the gradients at
    // the shape's edge) as the template; the warp maps template positions
    // into the frame, so the crop's offset goes into it.
    const int margin = 8;
    const cv::Rect area = (box_ + cv::Size(2 * margin, 2 * margin) - cv::Point(margin, margin)) &
                          cv::Rect(0, 0, keyGray_.cols, keyGray_.rows);
    if (area.width < 16 || area.height < 16)
        return start;
    const cv::Matx33d offset(1, 0, area.x, 0, 1, area.y, 0, 0, 1);
    cv::Mat warp;
    cv::Mat(start * offset).convertTo(warp, CV_32F);
    cv::Mat templ, mask;
    keyGray_(area).convertTo(templ, CV_32F);
    cv::dilate(region_(area), mask, cv::Mat(), cv::Point(-1, -1), 2);
    try {
        cv::findTransformECC(
            templ, gray, warp, cv::MOTION_HOMOGRAPHY,
            cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 40, 1e-5), mask, 3);
    } catch (const cv::Exception&) {
        return start; // no convergence: the points' fit stands
    }
    const cv::Matx33d refined = toMatx(warp) * offset.inv();
    if (largestCornerShift(start, refined, box_) > kMaxRefinementPx)
        return start;
    return refined;
}

double RegionTracker::similarity(const cv::Mat& gray, const cv::Matx33d& keyToNow) const {
    cv::Mat back;
    const cv::Matx33d offset(1, 0, box_.x, 0, 1, box_.y, 0, 0, 1);
    cv::warpPerspective(gray, back, cv::Mat(keyToNow * offset), box_.size(),
                        cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    // Zero-mean normalised cross-correlation over the shape: 1 for the same
    // picture under any exposure change, 0 for unrelated pictures.
    const cv::Mat key = keyGray_(box_), mask = region_(box_);
    cv::Scalar keyMean, keyDev, backMean, backDev;
    cv::meanStdDev(key, keyMean, keyDev, mask);
    cv::meanStdDev(back, backMean, backDev, mask);
    if (keyDev[0] < 1e-6 || backDev[0] < 1e-6)
        return 0;
    cv::Mat a, b, inside;
    key.convertTo(a, CV_64F, 1, -keyMean[0]);
    back.convertTo(b, CV_64F, 1, -backMean[0]);
    mask.convertTo(inside, CV_64F, 1.0 / 255);
    const double n = double(cv::countNonZero(mask));
    const double correlation = cv::sum(a.mul(b).mul(inside))[0] / n / (keyDev[0] * backDev[0]);
    return std::clamp(correlation, 0.0, 1.0);
}

void RegionTracker::replenish(const cv::Mat& gray, const cv::Matx33d& keyToNow) {
    cv::Mat regionNow;
    cv::warpPerspective(region_, regionNow, cv::Mat(keyToNow), gray.size(), cv::INTER_NEAREST);
    std::vector<cv::Point2f> fresh = findCorners(gray, regionNow);
    const cv::Matx33d nowToKey = keyToNow.inv();
    for (const cv::Point2f& p : fresh) {
        const bool taken =
            std::any_of(currentPoints_.begin(), currentPoints_.end(), [&](const cv::Point2f& q) {
                return std::abs(p.x - q.x) < 3 && std::abs(p.y - q.y) < 3;
            });
        if (taken)
            continue;
        const cv::Point2d k = apply(nowToKey, p);
        keyPoints_.emplace_back(float(k.x), float(k.y));
        currentPoints_.push_back(p);
    }
}

} // namespace retake::generation
