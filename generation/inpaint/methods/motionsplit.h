#pragma once

// Flow inside a hole, split by what moves around it. Around the hole the
// flow says, pixel by pixel, whether the picture moves with the camera (the
// frames' homography) or on its own (a car driving through a pan). That
// label is spread into the hole. Pixels labelled as moving on their own take
// the flow of the nearby pixels that do; a plain smooth fill would average
// the car and the road into a motion neither has. The label also keeps the
// aligned-frame fill (alignedfill.h) from pasting the road over the car.

#include <opencv2/core.hpp>

namespace retake::generation::detail {

struct MotionSplitOptions {
    // Flow further than this from the camera's motion (full-resolution px,
    // plus `share` of the motion) moves on its own.
    float tolerance = 1.0f;
    float share = 0.1f;
    float scale = 1.0f;        // analysis px per full-resolution px
    float maxFlowError = 1.0f; // analysis px; above, a pixel does not vote
};

// flow: CV_32FC2 from frame a to b, analysis px, guesswork where `guessed`
// (CV_8U) is non-zero; error: its forward-backward error (CV_32F); textured:
// CV_8U, non-zero where a's picture has enough detail for its flow to mean
// anything (flat wall, sky: flow there is any motion at all, no evidence);
// camera: the homography a -> b in analysis px. Rewrites `flow` where a
// guessed pixel moves on its own and returns CV_8U, 255 at those pixels.
cv::Mat splitHoleMotion(cv::Mat& flow, const cv::Mat& error, const cv::Mat& guessed,
                        const cv::Mat& textured, const cv::Matx33d& camera,
                        const MotionSplitOptions& options);

// Where gray8 (CV_8U) has detail enough to pin its flow down.
cv::Mat texturedPixels(const cv::Mat& gray8);

} // namespace retake::generation::detail
