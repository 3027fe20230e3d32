#include "inpaint/methods/alignment.h"

#include "inpaint/methods/motionsplit.h"

#include <algorithm>
#include <cmath>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

namespace retake::generation::detail {

namespace {

// Flow is sampled on a grid this coarse (analysis px): thousands of
// correspondences, far more than RANSAC needs.
constexpr int sampleStep = 6;
// Fewer consistent samples than this say nothing reliable.
constexpr int minInliers = 40;
// Below this share of samples agreeing, the motion is not one homography.
constexpr double minInlierShare = 0.5;
// RANSAC tolerance (analysis px): real footage is never exactly planar.
constexpr double ransacTolerance = 1.0;
// The camera-motion candidates' vote: a grid this coarse over the frame,
// cells with at least this many samples.
constexpr int gridColumns = 8;
constexpr int gridRows = 5;
constexpr int minCellSamples = 4;
// A candidate replaces the textured fit only when this many more cells
// agree with it, and at least this many in all.
constexpr int minExtraCells = 2;
constexpr int minSupportedCells = 8;
// A fit at least this many cells back is the camera's beyond doubt.
constexpr int spreadCells = gridColumns * gridRows / 2;
// Motions looked for in the textured samples, one after another.
constexpr int texturedCandidates = 3;
// Flow samples whose forward-backward error exceeds this (analysis px) are
// occlusions or failures.
constexpr float maxFlowError = 0.5f;

// Full-resolution pixel centres -> analysis pixel centres.
cv::Matx33d toAnalysis(double scale) {
    const double offset = 0.5 * scale - 0.5;
    return {scale, 0, offset, 0, scale, offset, 0, 0, 1};
}

double largestCornerShift(const cv::Matx33d& a, const cv::Matx33d& b, cv::Size size) {
    double largest = 0;
    for (const cv::Point2d corner :
         {cv::Point2d(0, 0), cv::Point2d(size.width, 0), cv::Point2d(0, size.height),
          cv::Point2d(size.width, size.height)}) {
        const cv::Vec3d p(corner.x, corner.y, 1);
        const cv::Vec3d pa = a * p;
        const cv::Vec3d pb = b * p;
        largest = std::max(
            largest, std::hypot(pa[0] / pa[2] - pb[0] / pb[2], pa[1] / pa[2] - pb[1] / pb[2]));
    }
    return largest;
}

struct Correspondences {
    std::vector<cv::Point2f> from, to;
    void add(cv::Point2f a, cv::Point2f b) {
        from.push_back(a);
        to.push_back(b);
    }
    std::size_t size() const { return from.size(); }
};

std::optional<cv::Matx33d> fitHomography(const Correspondences& samples,
                                         std::vector<std::uint8_t>& inliers) {
    inliers.clear();
    if (samples.size() < std::size_t(minInliers))
        return std::nullopt;
    const cv::Mat found = cv::findHomography(samples.from, samples.to, cv::RANSAC, ransacTolerance,
                                             inliers, 2000, 0.995);
    if (found.empty())
        return std::nullopt;
    return cv::Matx33d(found);
}

// How many cells of a coarse grid over the frame mostly move by h: the
// camera's motion holds across the frame, a mover's in one compact region,
// however much texture the mover has.
int supportedCells(const cv::Matx33d& h, const Correspondences& samples, cv::Size size) {
    std::vector<int> agreeing(std::size_t(gridColumns * gridRows), 0);
    std::vector<int> total(agreeing.size(), 0);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const cv::Point2f p = samples.from[i];
        const cv::Vec3d q = h * cv::Vec3d(p.x, p.y, 1);
        const std::size_t cell =
            std::size_t(std::min(gridRows - 1, int(p.y) * gridRows / size.height) * gridColumns +
                        std::min(gridColumns - 1, int(p.x) * gridColumns / size.width));
        ++total[cell];
        if (std::hypot(q[0] / q[2] - samples.to[i].x, q[1] / q[2] - samples.to[i].y) <
            ransacTolerance)
            ++agreeing[cell];
    }
    int supported = 0;
    for (std::size_t cell = 0; cell < total.size(); ++cell)
        supported += total[cell] >= minCellSamples && 2 * agreeing[cell] > total[cell];
    return supported;
}

// The camera's motion between neighbouring frames, from flow samples.
// Primarily only picture with detail votes, as in motionsplit.h: on a flat
// road or sky the flow is whatever the regulariser made of the
// surroundings, not a measurement, and a fit to it is a fit to the
// regulariser (measured on the development set: mean mask PSNR +0.5 dB,
// street pan +2.5, temporal warp error 0.68 -> 0.53, no case worse). But
// when one mover carries most of the detail (a white car on a grey road),
// that fit is the mover's motion. So the other motions in the textured
// samples, and the fit to every consistent sample, are candidates too, and
// the one most of the frame agrees with wins.
std::pair<std::optional<cv::Matx33d>, int>
cameraMotion(const Correspondences& all, const Correspondences& textured, cv::Size size) {
    std::vector<cv::Matx33d> candidates;
    std::vector<std::uint8_t> inliers;
    std::optional<cv::Matx33d> firstFit;
    Correspondences rest = textured;
    for (int k = 0; k < texturedCandidates; ++k) {
        const std::optional<cv::Matx33d> fit = fitHomography(rest, inliers);
        if (!fit)
            break;
        const auto agreeing = std::count(inliers.begin(), inliers.end(), 1);
        if (agreeing < minInliers)
            break;
        if (k == 0 && double(agreeing) >= minInlierShare * double(rest.size()))
            firstFit = fit;
        candidates.push_back(*fit);
        Correspondences remaining;
        for (std::size_t i = 0; i < rest.size(); ++i)
            if (!inliers[i])
                remaining.add(rest.from[i], rest.to[i]);
        rest = std::move(remaining);
    }
    if (const std::optional<cv::Matx33d> fit = fitHomography(all, inliers))
        candidates.push_back(*fit);
    std::optional<cv::Matx33d> best = firstFit;
    int bestCells = firstFit ? supportedCells(*firstFit, all, size) : 0;
    for (const cv::Matx33d& candidate : candidates) {
        const int cells = supportedCells(candidate, all, size);
        if (cells > bestCells + minExtraCells && cells >= minSupportedCells) {
            best = candidate;
            bestCells = cells;
        }
    }
    return {best, bestCells};
}

} // namespace

FrameAligner::FrameAligner(std::vector<cv::Mat> gray, std::vector<cv::Mat> usable,
                           std::vector<cv::Mat> nextFlow, std::vector<cv::Mat> nextError,
                           double scale)
    : gray_(std::move(gray))
    , usable_(std::move(usable))
    , nextFlow_(std::move(nextFlow))
    , nextError_(std::move(nextError))
    , scale_(scale)
    , measured_(nextFlow_.size())
    , neighbours_(nextFlow_.size()) {}

const FrameAligner::CameraEstimate& FrameAligner::measured(int frame) {
    auto& slot = measured_[std::size_t(frame)];
    if (slot)
        return *slot;
    const cv::Mat& flow = nextFlow_[std::size_t(frame)];
    const cv::Mat& error = nextError_[std::size_t(frame)];
    const cv::Mat& here = usable_[std::size_t(frame)];
    const cv::Mat& there = usable_[std::size_t(frame + 1)];
    const cv::Mat detail = texturedPixels(gray_[std::size_t(frame)]);
    // Every consistent flow sample, and among them those on picture with
    // detail.
    Correspondences all, textured;
    for (int y = sampleStep / 2; y < flow.rows; y += sampleStep)
        for (int x = sampleStep / 2; x < flow.cols; x += sampleStep) {
            if (!here.at<std::uint8_t>(y, x) || error.at<float>(y, x) > maxFlowError)
                continue;
            const cv::Vec2f v = flow.at<cv::Vec2f>(y, x);
            const int tx = int(std::lround(x + v[0]));
            const int ty = int(std::lround(y + v[1]));
            if (tx < 0 || ty < 0 || tx >= flow.cols || ty >= flow.rows ||
                !there.at<std::uint8_t>(ty, tx))
                continue;
            const cv::Point2f from{float(x), float(y)};
            const cv::Point2f to{float(x) + v[0], float(y) + v[1]};
            all.add(from, to);
            if (detail.at<std::uint8_t>(y, x))
                textured.add(from, to);
        }
    const auto [motion, cells] = cameraMotion(all, textured, flow.size());
    slot = CameraEstimate{motion, cells};
    return *slot;
}

std::optional<cv::Matx33d> FrameAligner::neighbour(int frame) {
    auto& slot = neighbours_[std::size_t(frame)];
    if (slot)
        return *slot;
    const CameraEstimate& estimate = measured(frame);
    if (estimate.supportedCells < spreadCells) {
        // Camera motion is smooth in time and the background does not
        // vanish: when only part of the frame backs this pair's best fit (a
        // mover filling the view over flat ground whose flow says nothing),
        // the nearest pair whose fit most of the frame backs tells the
        // camera's motion better than this pair's flow does. ECC is not
        // asked here: it would slide to the mover.
        const int pairs = int(nextFlow_.size());
        for (int distance = 1; distance < pairs; ++distance)
            for (const int other : {frame - distance, frame + distance})
                if (other >= 0 && other < pairs && measured(other).motion &&
                    measured(other).supportedCells >= spreadCells) {
                    slot = neighbour(other);
                    return *slot;
                }
    }
    slot = std::optional<cv::Matx33d>();
    if (!estimate.motion)
        return std::nullopt;
    *slot = refine(frame, frame + 1, *estimate.motion, 2.0);
    return *slot;
}

std::optional<cv::Matx33d> FrameAligner::chain(int from, int to) {
    cv::Matx33d total = cv::Matx33d::eye();
    const int step = to > from ? 1 : -1;
    for (int t = from; t != to; t += step) {
        const std::optional<cv::Matx33d> link = neighbour(std::min(t, t + step));
        if (!link)
            return std::nullopt;
        total = (step > 0 ? *link : link->inv()) * total;
    }
    return total;
}

std::optional<cv::Matx33d> FrameAligner::refine(int from, int to, const cv::Matx33d& start,
                                                double tolerance) {
    // ECC uses every pixel both frames show, far more precise than the flow
    // fit; it needs the start that fit gives.
    cv::Mat bothShow;
    cv::warpPerspective(usable_[std::size_t(to)], bothShow, cv::Mat(start),
                        gray_[std::size_t(from)].size(), cv::INTER_NEAREST | cv::WARP_INVERSE_MAP,
                        cv::BORDER_CONSTANT, 0);
    bothShow &= usable_[std::size_t(from)];
    if (cv::countNonZero(bothShow) < bothShow.rows * bothShow.cols / 8)
        return start;
    cv::Mat warp;
    cv::Mat(start).convertTo(warp, CV_32F);
    try {
        cv::findTransformECC(
            gray_[std::size_t(from)], gray_[std::size_t(to)], warp, cv::MOTION_HOMOGRAPHY,
            cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 1e-4), bothShow,
            3);
    } catch (const cv::Exception&) {
        return start; // no convergence: the start stands
    }
    cv::Mat refinedMat;
    warp.convertTo(refinedMat, CV_64F);
    const cv::Matx33d refined = refinedMat;
    // Far from the start, ECC converged on something else (a moving object).
    if (largestCornerShift(start, refined, gray_[std::size_t(from)].size()) > tolerance)
        return start;
    return refined;
}

cv::Matx33d FrameAligner::toFull(const cv::Matx33d& analysis) const {
    const cv::Matx33d a = toAnalysis(scale_);
    return a.inv() * analysis * a;
}

std::optional<cv::Matx33d> FrameAligner::predicted(int from, int to) {
    const auto key = std::make_pair(std::min(from, to), std::max(from, to));
    const auto known = refined_.find(key);
    std::optional<cv::Matx33d> h = known != refined_.end() ? known->second : chain(from, to);
    if (!h)
        return std::nullopt;
    if (known != refined_.end() && from > to)
        h = h->inv();
    return toFull(*h);
}

std::optional<cv::Matx33d> FrameAligner::homography(int from, int to) {
    const std::optional<cv::Matx33d> h = analysisHomography(from, to);
    if (!h)
        return std::nullopt;
    return toFull(*h);
}

std::optional<cv::Matx33d> FrameAligner::analysisHomography(int from, int to) {
    if (from == to)
        return cv::Matx33d::eye();
    const auto key = std::make_pair(std::min(from, to), std::max(from, to));
    auto found = refined_.find(key);
    if (found == refined_.end()) {
        // Distant frames: the chain of refined neighbours. Refining every
        // pair again by ECC costs a frame count squared and changed the
        // devset's scores by under 0.2 dB.
        const std::optional<cv::Matx33d> h =
            key.second - key.first == 1 ? neighbour(key.first) : chain(key.first, key.second);
        found = refined_.emplace(key, h).first;
    }
    if (!found->second)
        return std::nullopt;
    return from < to ? *found->second : found->second->inv();
}

} // namespace retake::generation::detail
