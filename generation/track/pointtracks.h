#pragma once

// What the region and outline trackers share: corners inside a region, and
// those points followed into the next frame by pyramidal Lucas-Kanade,
// checked forward and backward.

#include "retake/generation/tracking.h"

#include <opencv2/core.hpp>
#include <vector>

namespace retake::generation {

// The frame's pixels as an OpenCV image, not copied.
cv::Mat wrapGrey(const GreyFrame& frame);

// Up to `maxCorners` corners inside `inside` (CV_8U, non-zero), at least
// `minDistance` px apart, refined to sub-pixel.
std::vector<cv::Point2f> findCorners(const cv::Mat& gray, const cv::Mat& inside, int maxCorners,
                                     double quality, double minDistance);

struct PointFollowing {
    cv::Size window{21, 21};
    int pyramidLevels = 4;
    // Only the frames' part this far (px) around the points is looked at
    // (at 1080p the pyramids of whole frames cost more than the tracking).
    int searchPx = 160;
    // A point whose backward track misses its start by more than this (px)
    // was occluded or slid along an edge.
    float maxForwardBackward = 1.0f;
};

// `points` of `before` found in `now`; `kept[i]` is false where a point was
// lost (not found, failed the backward check, or left the frame).
void followPoints(const cv::Mat& before, const cv::Mat& now, const std::vector<cv::Point2f>& points,
                  const PointFollowing& options, std::vector<cv::Point2f>& found,
                  std::vector<bool>& kept);

} // namespace retake::generation
