#include "inpaint/methods/motionsplit.h"

#include "inpaint/methods/flow.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace retake::generation::detail {

cv::Mat texturedPixels(const cv::Mat& gray8) {
    cv::Mat dx, dy;
    cv::Sobel(gray8, dx, CV_32F, 1, 0);
    cv::Sobel(gray8, dy, CV_32F, 0, 1);
    // Both directions must vary: along a lone edge flow is free to slide.
    cv::Mat xx, yy;
    cv::boxFilter(cv::abs(dx), xx, CV_32F, {5, 5});
    cv::boxFilter(cv::abs(dy), yy, CV_32F, {5, 5});
    // Sobel of about 3 grey levels a pixel, in x and in y.
    return (xx > 12.0f) & (yy > 12.0f);
}

cv::Mat splitHoleMotion(cv::Mat& flow, const cv::Mat& error, const cv::Mat& guessed,
                        const cv::Mat& textured, const cv::Matx33d& camera,
                        const MotionSplitOptions& options) {
    const cv::Size size = flow.size();
    cv::Mat cameraFlow(size, CV_32FC2);
    cv::Mat ownMotion(size, CV_32F, cv::Scalar(0));
    cv::Mat voted(size, CV_8U, cv::Scalar(0));
    int movers = 0;
    for (int y = 0; y < size.height; ++y) {
        auto* c = cameraFlow.ptr<cv::Vec2f>(y);
        const auto* f = flow.ptr<cv::Vec2f>(y);
        const auto* e = error.ptr<float>(y);
        const auto* g = guessed.ptr<std::uint8_t>(y);
        const auto* detail = textured.ptr<std::uint8_t>(y);
        auto* own = ownMotion.ptr<float>(y);
        auto* vote = voted.ptr<std::uint8_t>(y);
        for (int x = 0; x < size.width; ++x) {
            const double w = camera(2, 0) * x + camera(2, 1) * y + camera(2, 2);
            c[x] = cv::Vec2f(float((camera(0, 0) * x + camera(0, 1) * y + camera(0, 2)) / w - x),
                             float((camera(1, 0) * x + camera(1, 1) * y + camera(1, 2)) / w - y));
            if (g[x] || !detail[x] || e[x] > options.maxFlowError)
                continue;
            const cv::Vec2f d = f[x] - c[x];
            const float motion = std::sqrt(c[x].dot(c[x]));
            const float limit = options.tolerance * options.scale + options.share * motion;
            vote[x] = 255;
            if (std::sqrt(d.dot(d)) > limit) {
                own[x] = 1.0f;
                ++movers;
            }
        }
    }
    cv::Mat moving(size, CV_8U, cv::Scalar(0));
    if (movers > 0) {
        pushPullFill(ownMotion, voted);
        // The flow of the hole's own movers comes from the movers around it.
        cv::Mat moverFlow = flow.clone();
        cv::Mat isMover = (ownMotion > 0.5f) & (guessed == 0) & (voted != 0);
        pushPullFill(moverFlow, isMover);
        for (int y = 0; y < size.height; ++y) {
            const auto* g = guessed.ptr<std::uint8_t>(y);
            const auto* own = ownMotion.ptr<float>(y);
            const auto* mf = moverFlow.ptr<cv::Vec2f>(y);
            auto* m = moving.ptr<std::uint8_t>(y);
            auto* f = flow.ptr<cv::Vec2f>(y);
            for (int x = 0; x < size.width; ++x) {
                if (!g[x])
                    continue;
                m[x] = own[x] > 0.5f ? 255 : 0;
                // Camera pixels keep the smooth completion: replacing it by
                // the homography's motion cost 3.5 dB on a slow zoom, where
                // chained homographies drift over many frames.
                if (m[x])
                    f[x] = mf[x];
            }
        }
    }
    return moving;
}

} // namespace retake::generation::detail
