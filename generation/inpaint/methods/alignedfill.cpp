#include "inpaint/methods/alignedfill.h"

#include "inpaint/methods/flow.h"
#include "inpaint/methods/holeband.h"
#include "inpaint/methods/sampling.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace retake::generation::detail {

namespace {

struct Projected {
    float x, y;
};

Projected project(const cv::Matx33d& h, int x, int y) {
    const double w = h(2, 0) * x + h(2, 1) * y + h(2, 2);
    return {float((h(0, 0) * x + h(0, 1) * y + h(0, 2)) / w),
            float((h(1, 0) * x + h(1, 1) * y + h(1, 2)) / w)};
}

// True when a pixel not yet filled lands, through h, on picture the source
// frame shows (a pixel of margin for the estimate's error).
bool showsAny(const cv::Matx33d& h, const std::vector<int>& pixels,
              const std::vector<int>& sourceOf, const std::uint8_t* masked, int width, int height) {
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        if (sourceOf[i] != -1)
            continue;
        const Projected q = project(h, pixels[i] % width, pixels[i] / width);
        if (!insideImage(q.x, q.y, width, height))
            continue;
        const int x = int(std::lround(q.x));
        const int y = int(std::lround(q.y));
        bool clear = true;
        for (int dy = -1; dy <= 1 && clear; ++dy)
            for (int dx = -1; dx <= 1 && clear; ++dx) {
                const int xx = std::clamp(x + dx, 0, width - 1);
                const int yy = std::clamp(y + dy, 0, height - 1);
                clear = !masked[std::size_t(yy) * std::size_t(width) + std::size_t(xx)];
            }
        if (clear)
            return true;
    }
    return false;
}

// Hole pixels that move on their own are left to the flow.
constexpr int movingPixel = -2;

void markMovingPixels(const AlignedFillFrames& frames, int t, const std::vector<int>& pixels,
                      std::vector<int>& sourceOf) {
    const cv::Mat& moving = (*frames.moving)[std::size_t(t)];
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        if (moving.empty()) {
            sourceOf[i] = movingPixel;
            continue;
        }
        const int x = std::clamp(int((float(pixels[i] % frames.width) + 0.5f) * frames.flowScale),
                                 0, moving.cols - 1);
        const int y = std::clamp(int((float(pixels[i] / frames.width) + 0.5f) * frames.flowScale),
                                 0, moving.rows - 1);
        if (moving.at<std::uint8_t>(y, x))
            sourceOf[i] = movingPixel;
    }
}

float luminance(const cv::Vec3f& c) {
    return 0.299f * c[0] + 0.587f * c[1] + 0.114f * c[2];
}

// Compares the aligned `source` with `target` on the target's own picture
// around `region` (candidate pixels). Where they disagree in structure (an
// object that moved between the frames, parallax), the candidates nearby are
// refused. The accepted ones are shifted by the colour difference, spread
// smoothly over the region: they then meet their surroundings without a
// seam, as in seamless cloning, while keeping the source's detail.
void matchToSurroundings(const AlignedFillFrames& frames, int target, int source,
                         const cv::Matx33d& toSource, const std::vector<int>& region,
                         const AlignedFillOptions& options, std::vector<cv::Vec3f>& colours,
                         std::vector<std::uint8_t>& accepted) {
    const int width = frames.width;
    const int height = frames.height;
    const int band = std::max(1, options.seamBand);
    const std::size_t plane = std::size_t(width) * height;
    accepted.assign(region.size(), 1);
    const HoleBand around = holeBand(region, width, height, band);
    const cv::Rect& roi = around.roi;
    const cv::Mat& near = around.near;

    const std::uint8_t* targetMasked = frames.masked + plane * std::size_t(target);
    const std::uint8_t* sourceMasked = frames.masked + plane * std::size_t(source);
    const float* targetRgb = frames.source + plane * 3 * std::size_t(target);
    const float* sourceRgb = frames.source + plane * 3 * std::size_t(source);
    struct Sample {
        int x, y;
        cv::Vec3f difference;
    };
    std::vector<Sample> samples;
    for (int y = 0; y < roi.height; ++y)
        for (int x = 0; x < roi.width; ++x) {
            const int fx = x + roi.x;
            const int fy = y + roi.y;
            const std::size_t px = std::size_t(fy) * width + fx;
            if (!near.at<std::uint8_t>(y, x) || targetMasked[px])
                continue;
            const Projected q = project(toSource, fx, fy);
            if (!insideImage(q.x, q.y, width, height) ||
                !allKnown(sourceMasked, width, height, q.x, q.y))
                continue;
            const cv::Vec3f own(targetRgb[px], targetRgb[plane + px], targetRgb[2 * plane + px]);
            samples.push_back({x, y, own - sampleRgb(sourceRgb, width, height, q.x, q.y)});
        }
    if (samples.size() < 8)
        return; // nothing to judge by
    // Exposure drift shifts every difference alike; what departs from the
    // typical difference is structure.
    std::vector<float> luma;
    luma.reserve(samples.size());
    for (const Sample& s : samples)
        luma.push_back(luminance(s.difference));
    std::vector<float> sorted = luma;
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2),
                     sorted.end());
    const float typical = sorted[sorted.size() / 2];
    cv::Mat mismatch = cv::Mat::zeros(roi.size(), CV_32F);
    cv::Mat correction = cv::Mat::zeros(roi.size(), CV_32FC3);
    cv::Mat measured = cv::Mat::zeros(roi.size(), CV_8U);
    cv::Mat agreeing = cv::Mat::zeros(roi.size(), CV_8U);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const float departure = std::abs(luma[i] - typical);
        mismatch.at<float>(samples[i].y, samples[i].x) = departure;
        measured.at<std::uint8_t>(samples[i].y, samples[i].x) = 255;
        if (departure <= options.maxMismatch) {
            correction.at<cv::Vec3f>(samples[i].y, samples[i].x) = samples[i].difference;
            agreeing.at<std::uint8_t>(samples[i].y, samples[i].x) = 255;
        }
    }
    // Averaged over a neighbourhood: single pixels differ by noise.
    cv::Mat mismatchSum, measuredCount;
    const cv::Size window(2 * band + 1, 2 * band + 1);
    cv::boxFilter(mismatch, mismatchSum, CV_32F, window, {-1, -1}, false);
    cv::Mat measuredF;
    measured.convertTo(measuredF, CV_32F, 1.0 / 255.0);
    cv::boxFilter(measuredF, measuredCount, CV_32F, window, {-1, -1}, false);
    cv::Mat localMismatch = mismatchSum / cv::max(measuredCount, 1e-6f);
    cv::Mat hasLocal = measuredCount > 0.5f;
    pushPullFill(localMismatch, hasLocal);
    if (options.correct && cv::countNonZero(agreeing) >= 8)
        pushPullFill(correction, agreeing);
    for (std::size_t i = 0; i < region.size(); ++i) {
        const int y = region[i] / width - roi.y;
        const int x = region[i] % width - roi.x;
        if (localMismatch.at<float>(y, x) > options.maxMismatch) {
            accepted[i] = 0;
            continue;
        }
        if (options.correct)
            colours[i] += correction.at<cv::Vec3f>(y, x);
    }
}

} // namespace

int fillFromAlignedFrames(const AlignedFillFrames& frames, FrameAligner& aligner,
                          const AlignedFillOptions& options,
                          const std::function<void()>& checkCancelled) {
    const int width = frames.width;
    const int height = frames.height;
    const std::size_t plane = std::size_t(width) * height;
    int filled = 0;
    for (int t = 0; t < frames.count; ++t) {
        auto& unknown = (*frames.unknown)[std::size_t(t)];
        if ((*frames.unknownCount)[std::size_t(t)] == 0)
            continue;
        checkCancelled();
        std::vector<int> pixels;
        for (std::size_t i = 0; i < plane; ++i)
            if (unknown[i])
                pixels.push_back(int(i));
        std::vector<int> sourceOf(pixels.size(), -1);
        markMovingPixels(frames, t, pixels, sourceOf);
        std::vector<cv::Vec3f> colours(pixels.size());
        std::size_t remaining = std::size_t(std::count(sourceOf.begin(), sourceOf.end(), -1));
        int tried = 0;
        for (int distance = 1; distance < frames.count && remaining > 0; ++distance) {
            for (int s : {t - distance, t + distance}) {
                if (s < 0 || s >= frames.count || remaining == 0)
                    continue;
                if (options.maxSources > 0 && tried >= options.maxSources)
                    break;
                const std::uint8_t* masked = frames.masked + plane * std::size_t(s);
                // Refining costs far more than asking whether the frame can
                // show any of the hole (a stationary mask: none ever does).
                const std::optional<cv::Matx33d> roughly = aligner.predicted(t, s);
                if (!roughly || !showsAny(*roughly, pixels, sourceOf, masked, width, height))
                    continue;
                const std::optional<cv::Matx33d> toSource = aligner.homography(t, s);
                if (!toSource)
                    continue;
                ++tried;
                const float* rgb = frames.source + plane * 3 * std::size_t(s);
                std::vector<std::size_t> candidates;
                std::vector<int> region;
                std::vector<cv::Vec3f> found;
                for (std::size_t i = 0; i < pixels.size(); ++i) {
                    if (sourceOf[i] != -1)
                        continue;
                    const Projected q = project(*toSource, pixels[i] % width, pixels[i] / width);
                    if (!insideImage(q.x, q.y, width, height) ||
                        !allKnown(masked, width, height, q.x, q.y))
                        continue;
                    candidates.push_back(i);
                    region.push_back(pixels[i]);
                    found.push_back(sampleRgb(rgb, width, height, q.x, q.y));
                }
                if (candidates.empty())
                    continue;
                std::vector<std::uint8_t> accepted;
                matchToSurroundings(frames, t, s, *toSource, region, options, found, accepted);
                for (std::size_t k = 0; k < candidates.size(); ++k) {
                    if (!accepted[k])
                        continue;
                    colours[candidates[k]] = found[k];
                    sourceOf[candidates[k]] = s;
                    --remaining;
                }
            }
        }
        float* out = frames.out + plane * 3 * std::size_t(t);
        for (std::size_t i = 0; i < pixels.size(); ++i) {
            if (sourceOf[i] < 0)
                continue; // not seen in an aligned frame, or moving
            const std::size_t px = std::size_t(pixels[i]);
            for (int c = 0; c < 3; ++c)
                out[plane * std::size_t(c) + px] = colours[i][c];
            unknown[px] = 0;
            --(*frames.unknownCount)[std::size_t(t)];
            ++filled;
        }
    }
    return filled;
}

} // namespace retake::generation::detail
