#include "track/pointtracks.h"

#include <cmath>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

namespace retake::generation {

cv::Mat wrapGrey(const GreyFrame& frame) {
    return cv::Mat(frame.height, frame.width, CV_8U, const_cast<std::uint8_t*>(frame.pixels));
}

std::vector<cv::Point2f> findCorners(const cv::Mat& gray, const cv::Mat& inside, int maxCorners,
                                     double quality, double minDistance) {
    std::vector<cv::Point2f> corners;
    cv::goodFeaturesToTrack(gray, corners, maxCorners, quality, minDistance, inside, 5);
    if (!corners.empty())
        cv::cornerSubPix(
            gray, corners, cv::Size(5, 5), cv::Size(-1, -1),
            cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 20, 0.01));
    return corners;
}

void followPoints(const cv::Mat& before, const cv::Mat& now, const std::vector<cv::Point2f>& points,
                  const PointFollowing& options, std::vector<cv::Point2f>& found,
                  std::vector<bool>& kept) {
    found.assign(points.size(), cv::Point2f());
    kept.assign(points.size(), false);
    if (points.empty())
        return;
    const int search = options.searchPx;
    const cv::Rect around =
        (cv::boundingRect(points) + cv::Size(2 * search, 2 * search) - cv::Point(search, search)) &
        cv::Rect(0, 0, now.cols, now.rows);
    if (around.empty())
        return;
    const cv::Point2f origin(float(around.x), float(around.y));
    std::vector<cv::Point2f> from;
    from.reserve(points.size());
    for (const cv::Point2f& p : points)
        from.push_back(p - origin);
    std::vector<cv::Point2f> forward, backward;
    std::vector<std::uint8_t> foundForward, foundBackward;
    std::vector<float> error;
    const cv::TermCriteria stop(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01);
    cv::calcOpticalFlowPyrLK(before(around), now(around), from, forward, foundForward, error,
                             options.window, options.pyramidLevels, stop);
    cv::calcOpticalFlowPyrLK(now(around), before(around), forward, backward, foundBackward, error,
                             options.window, options.pyramidLevels, stop);
    for (std::size_t i = 0; i < points.size(); ++i) {
        found[i] = forward[i] + origin;
        const cv::Point2f miss = backward[i] - from[i];
        kept[i] = foundForward[i] && foundBackward[i] &&
                  std::hypot(miss.x, miss.y) <= options.maxForwardBackward && found[i].x >= 0 &&
                  found[i].y >= 0 && found[i].x <= float(now.cols - 1) &&
                  found[i].y <= float(now.rows - 1);
    }
}

} // namespace retake::generation
