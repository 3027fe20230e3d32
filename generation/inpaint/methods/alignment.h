#pragma once

// Global camera motion between the frames of a chunk: one homography per
// pair of frames. Neighbouring frames are related by a RANSAC fit to their
// optical flow on the pixels with detail that no mask covers (flow is
// robust where features are few: asphalt with grain, foliage), or by
// another motion in that flow when more of the frame agrees with it; when
// no motion has most of the frame behind it (a mover filling the view),
// by the nearest pair's that has. Distant frames by chaining those. Every estimate is
// refined to sub-pixel accuracy by ECC on all the picture both frames show.
// A pan, a zoom or a still camera over a static background is a homography,
// so a hole is then filled exactly from whichever frame saw behind it,
// however far apart in time.

#include <map>
#include <opencv2/core.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace retake::generation::detail {

class FrameAligner {
public:
    // At analysis resolution: gray frames (CV_8U, holes filled smoothly),
    // usable (CV_8U, non-zero where the frame shows real picture), the flow
    // from each frame to the next (CV_32FC2) and its forward-backward error
    // (CV_32F). scale: analysis px per full-resolution px.
    FrameAligner(std::vector<cv::Mat> gray, std::vector<cv::Mat> usable,
                 std::vector<cv::Mat> nextFlow, std::vector<cv::Mat> nextError, double scale);

    // Cheap estimate mapping full-resolution positions of `from` onto `to`
    // (the chained neighbour homographies): enough to tell whether `to` can
    // show anything of a hole before paying for homography().
    std::optional<cv::Matx33d> predicted(int from, int to);
    // The refined homography; nullopt when the frames' motion is not one
    // homography (parallax, a cut, mostly moving objects). Cached.
    std::optional<cv::Matx33d> homography(int from, int to);
    // The same in analysis px.
    std::optional<cv::Matx33d> analysisHomography(int from, int to);

private:
    struct CameraEstimate {
        std::optional<cv::Matx33d> motion; // analysis px, unrefined
        int supportedCells = 0;            // how much of the frame agrees with it
    };
    const CameraEstimate& measured(int frame);          // frame -> frame + 1, from its flow alone
    std::optional<cv::Matx33d> neighbour(int frame);    // frame -> frame + 1, analysis px
    std::optional<cv::Matx33d> chain(int from, int to); // analysis px
    std::optional<cv::Matx33d> refine(int from, int to, const cv::Matx33d& start, double tolerance);
    cv::Matx33d toFull(const cv::Matx33d& analysis) const;

    std::vector<cv::Mat> gray_;
    std::vector<cv::Mat> usable_;
    std::vector<cv::Mat> nextFlow_;
    std::vector<cv::Mat> nextError_;
    double scale_;
    std::vector<std::optional<CameraEstimate>> measured_;
    std::vector<std::optional<std::optional<cv::Matx33d>>> neighbours_;
    std::map<std::pair<int, int>, std::optional<cv::Matx33d>> refined_; // analysis px, from < to
};

} // namespace retake::generation::detail
