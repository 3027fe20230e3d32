#pragma once

// The Dense model of tracking.h, on OpenCV: a shape's outline points, each
// moved by how the picture around it inside the shape moves.

#include "retake/generation/tracking.h"

#include <opencv2/core.hpp>
#include <vector>

namespace retake::generation {

class OutlineTracker final : public RegionTracking {
public:
    // `outline`: x, y pairs in the editor's pixel convention (tracking.h).
    // Throws std::invalid_argument, saying why, for an outline of fewer than
    // three points or a region without enough texture to follow.
    OutlineTracker(const GreyFrame& key, const std::uint8_t* region,
                   const std::vector<double>& outline);

    TrackStep next(const GreyFrame& frame) override;

private:
    TrackStep lose(std::string why);
    // Where the key frame's `at` is now, by the points near it: a
    // distance-weighted affine fit of their key -> now motion (moving least
    // squares), so each part of the shape moves, turns and stretches on its
    // own. nullopt where too few points are near.
    bool locally(const cv::Point2f& at, cv::Matx23d* affine) const;
    void replenish(const cv::Mat& gray, const std::vector<cv::Point2f>& outlineNow);

    cv::Mat previousGray_;
    std::vector<cv::Point2f> keyOutline_;    // OpenCV's convention (pixel centres at integers)
    std::vector<cv::Point2f> keyPoints_;     // followed points, on the key frame
    std::vector<cv::Point2f> currentPoints_; // the same, on the previous frame
    int initialCount_ = 0;
    double spread_ = 0; // px: how far a point's motion reaches
    bool lost_ = false;
    std::string why_;
};

} // namespace retake::generation
