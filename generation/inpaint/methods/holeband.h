#pragma once

// A hole and the band of picture around it, cropped to where they lie: the
// seam corrections (alignedfill.h, the propagate engine) measure on the band
// how a source's colours depart from the frame's, and spread that over the
// hole.

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace retake::generation::detail {

struct HoleBand {
    cv::Rect roi; // in the frame
    cv::Mat hole; // CV_8U, roi-sized: 255 on the hole's pixels
    cv::Mat near; // CV_8U, roi-sized: 255 on the hole and within `band` px of it
};

// `pixels`: indices (y * width + x) of a width x height frame; not empty.
inline HoleBand holeBand(const std::vector<int>& pixels, int width, int height, int band) {
    int x0 = width, y0 = height, x1 = -1, y1 = -1;
    for (int px : pixels) {
        x0 = std::min(x0, px % width);
        x1 = std::max(x1, px % width);
        y0 = std::min(y0, px / width);
        y1 = std::max(y1, px / width);
    }
    HoleBand b;
    b.roi = cv::Rect(x0 - band - 1, y0 - band - 1, x1 - x0 + 2 * band + 3, y1 - y0 + 2 * band + 3) &
            cv::Rect(0, 0, width, height);
    b.hole = cv::Mat::zeros(b.roi.size(), CV_8U);
    for (int px : pixels)
        b.hole.at<std::uint8_t>(px / width - b.roi.y, px % width - b.roi.x) = 255;
    cv::dilate(b.hole, b.near,
               cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * band + 1, 2 * band + 1}));
    return b;
}

} // namespace retake::generation::detail
