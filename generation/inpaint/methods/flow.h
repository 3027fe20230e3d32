#pragma once

// Optical flow and image helpers shared by the OpenCV-based engines.

#include <cstdint>
#include <opencv2/core.hpp>
#include <opencv2/video/tracking.hpp>
#include <string>

namespace retake::generation::detail {

// Planar RGB float [3,H,W] <-> OpenCV.
cv::Mat toInterleaved(const float* planar, int height, int width); // CV_32FC3, RGB
cv::Mat toGray8(const float* planar, int height, int width);       // CV_8U
// Writes the pixels where fill != 0 back into planar [3,H,W].
void writeFilled(const cv::Mat& rgb, const std::uint8_t* fill, float* planar);

// Smooth membrane-like fill of the pixels where known == 0, from the known
// ones (pull down a mask-weighted pyramid, push back up). O(pixels), used to
// complete flow fields and to seed the spatial fill.
void pushPullFill(cv::Mat& values, const cv::Mat& known);

// gray8 with the pixels where known == 0 replaced by pushPullFill.
cv::Mat smoothFill(const cv::Mat& gray8, const cv::Mat& known);

// DIS flow, computed on a downscaled copy when the frames are larger than
// maxSide (flow is smooth; the fine detail costs time and adds little).
class FlowEstimator {
public:
    FlowEstimator(const std::string& preset, int maxSide, int height, int width);
    double scale() const { return scale_; }
    // Gray frames at flow resolution.
    cv::Mat prepare(const cv::Mat& gray8) const;
    // Flow from a to b at flow resolution (CV_32FC2, in flow-resolution px).
    cv::Mat compute(const cv::Mat& a, const cv::Mat& b);
    // Replaces flow where unknown != 0 (flow-resolution CV_8U) by completion
    // from the surrounding flow, after growing it by `margin` px: DIS patches
    // near a removed object still see that object's motion.
    static void complete(cv::Mat& flow, const cv::Mat& unknown, int margin);
    // Flow-resolution mask of a full-resolution fill map (any fill pixel in
    // the area counts).
    cv::Mat downscaleMask(const std::uint8_t* fill, int height, int width) const;
    // Full-resolution flow in full-resolution px.
    cv::Mat upscale(const cv::Mat& flow, int height, int width) const;

private:
    cv::Ptr<cv::DISOpticalFlow> dis_;
    double scale_ = 1.0;
    int height_;
    int width_;
    cv::Size flowSize_;
};

// |F_ab(p) + F_ba(p + F_ab(p))| per pixel of a (CV_32F).
cv::Mat consistencyError(const cv::Mat& forward, const cv::Mat& backward);

} // namespace retake::generation::detail
