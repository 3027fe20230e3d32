#pragma once

// The library's RegionTracking (retake/generation/tracking.h), on OpenCV.

#include "retake/generation/tracking.h"

#include <opencv2/core.hpp>
#include <vector>

namespace retake::generation {

class RegionTracker final : public RegionTracking {
public:
    // `region`: key.width x key.height bytes, non-zero inside the shape.
    // Throws std::invalid_argument, saying why, for a region that cannot be
    // tracked (outside the frame, no texture).
    RegionTracker(const GreyFrame& key, const std::uint8_t* region, TrackModel model);

    TrackStep next(const GreyFrame& frame) override;

private:
    int minPoints() const;
    static std::vector<cv::Point2f> findCorners(const cv::Mat& gray, const cv::Mat& inside);
    TrackStep lose(std::string why);
    cv::Matx33d tightFit(const std::vector<cv::Point2f>& key, const std::vector<cv::Point2f>& now,
                         const std::vector<std::uint8_t>& agree, const cv::Matx33d& fitted) const;
    cv::Matx33d refine(const cv::Mat& gray, const cv::Matx33d& start) const;
    // 0..1: how alike the key frame's region and the frame brought back
    // onto it by keyToNow are.
    double similarity(const cv::Mat& gray, const cv::Matx33d& keyToNow) const;
    void replenish(const cv::Mat& gray, const cv::Matx33d& keyToNow);

    TrackModel model_;
    cv::Mat keyGray_;
    cv::Mat region_; // 255 inside the shape on the key frame
    cv::Rect box_;   // the region's bounding box
    cv::Mat previousGray_;
    std::vector<cv::Point2f> keyPoints_;     // on the key frame
    std::vector<cv::Point2f> currentPoints_; // the same points on the previous frame
    int initialCount_ = 0;
    cv::Matx33d keyToPrevious_;
    bool lost_ = false;
    std::string why_;
};

} // namespace retake::generation
