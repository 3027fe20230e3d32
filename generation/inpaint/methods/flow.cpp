#include "inpaint/methods/flow.h"

#include "inpaint/engine.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace retake::generation::detail {

cv::Mat toInterleaved(const float* planar, int height, int width) {
    const std::size_t plane = std::size_t(height) * width;
    cv::Mat out(height, width, CV_32FC3);
    auto* dst = reinterpret_cast<float*>(out.data);
    for (std::size_t i = 0; i < plane; ++i) {
        dst[3 * i] = planar[i];
        dst[3 * i + 1] = planar[plane + i];
        dst[3 * i + 2] = planar[2 * plane + i];
    }
    return out;
}

cv::Mat toGray8(const float* planar, int height, int width) {
    const std::size_t plane = std::size_t(height) * width;
    cv::Mat out(height, width, CV_8U);
    for (std::size_t i = 0; i < plane; ++i) {
        const float y =
            0.299f * planar[i] + 0.587f * planar[plane + i] + 0.114f * planar[2 * plane + i];
        out.data[i] = cv::saturate_cast<std::uint8_t>(y * 255.0f);
    }
    return out;
}

void writeFilled(const cv::Mat& rgb, const std::uint8_t* fill, float* planar) {
    const std::size_t plane = std::size_t(rgb.rows) * rgb.cols;
    const auto* src = reinterpret_cast<const float*>(rgb.data);
    for (std::size_t i = 0; i < plane; ++i) {
        if (!fill[i])
            continue;
        planar[i] = src[3 * i];
        planar[plane + i] = src[3 * i + 1];
        planar[2 * plane + i] = src[3 * i + 2];
    }
}

void pushPullFill(cv::Mat& values, const cv::Mat& known) {
    CV_Assert(values.depth() == CV_32F && known.type() == CV_8U && values.size() == known.size());
    const int channels = values.channels();
    std::vector<cv::Mat> sums; // value * weight
    std::vector<cv::Mat> weights;
    cv::Mat w;
    known.convertTo(w, CV_32F, 1.0 / 255.0);
    cv::threshold(w, w, 0.0, 1.0, cv::THRESH_BINARY);
    cv::Mat wc;
    cv::Mat wChannels[4] = {w, w, w, w};
    cv::merge(wChannels, std::size_t(channels), wc);
    sums.push_back(values.mul(wc));
    weights.push_back(w);
    // Pull: sum-pool until every coarse cell saw some known pixel.
    while (true) {
        double minWeight = 0;
        cv::minMaxLoc(weights.back(), &minWeight);
        const cv::Mat& s = sums.back();
        if (minWeight > 0 || (s.rows == 1 && s.cols == 1))
            break;
        const cv::Size half((s.cols + 1) / 2, (s.rows + 1) / 2);
        cv::Mat ds, dw;
        // INTER_AREA on an odd size averages unequal areas; that only blurs
        // the seed a little, which the push stage then smooths anyway.
        cv::resize(s, ds, half, 0, 0, cv::INTER_AREA);
        cv::resize(weights.back(), dw, half, 0, 0, cv::INTER_AREA);
        sums.push_back(ds * 4.0);
        weights.push_back(dw * 4.0);
    }
    double maxTop = 0;
    cv::minMaxLoc(weights.back(), nullptr, &maxTop);
    if (maxTop <= 0) // nothing known at all: leave the values alone
        return;
    // Push: each level's estimate = its own normalised data where it has
    // weight >= 1, else blended with the upsampled coarser estimate.
    cv::Mat estimate;
    for (int level = int(sums.size()) - 1; level >= 0; --level) {
        cv::Mat wl = cv::min(weights[std::size_t(level)], 1.0);
        cv::Mat safe = cv::max(weights[std::size_t(level)], 1e-12);
        cv::Mat safeC;
        cv::Mat sc[4] = {safe, safe, safe, safe};
        cv::merge(sc, std::size_t(channels), safeC);
        cv::Mat own = sums[std::size_t(level)] / safeC;
        if (estimate.empty()) {
            estimate = own;
            continue;
        }
        cv::Mat up;
        cv::resize(estimate, up, own.size(), 0, 0, cv::INTER_LINEAR);
        cv::Mat wlC;
        cv::Mat wcs[4] = {wl, wl, wl, wl};
        cv::merge(wcs, std::size_t(channels), wlC);
        cv::Mat ones(wlC.size(), wlC.type(), cv::Scalar::all(1.0));
        estimate = own.mul(wlC) + up.mul(ones - wlC);
    }
    estimate.copyTo(values, known == 0);
}

cv::Mat smoothFill(const cv::Mat& gray8, const cv::Mat& known) {
    if (cv::countNonZero(known) == known.rows * known.cols)
        return gray8;
    cv::Mat values;
    gray8.convertTo(values, CV_32F);
    pushPullFill(values, known);
    cv::Mat filled;
    values.convertTo(filled, CV_8U);
    return filled;
}

namespace {

int presetCode(const std::string& preset) {
    if (preset == "ultrafast")
        return cv::DISOpticalFlow::PRESET_ULTRAFAST;
    if (preset == "fast")
        return cv::DISOpticalFlow::PRESET_FAST;
    if (preset == "medium")
        return cv::DISOpticalFlow::PRESET_MEDIUM;
    throwBadInput("flow_preset must be ultrafast, fast or medium, got '" + preset + "'");
}

} // namespace

FlowEstimator::FlowEstimator(const std::string& preset, int maxSide, int height, int width)
    : dis_(cv::DISOpticalFlow::create(presetCode(preset)))
    , height_(height)
    , width_(width) {
    const int side = std::max(height, width);
    if (maxSide > 0 && side > maxSide)
        scale_ = double(maxSide) / double(side);
    flowSize_ = cv::Size(std::max(8, int(std::lround(width * scale_))),
                         std::max(8, int(std::lround(height * scale_))));
    // Tiny frames: DIS's default patch and pyramid assume video-sized input.
    if (std::min(flowSize_.width, flowSize_.height) < 96)
        dis_->setPatchSize(std::min(8, std::min(flowSize_.width, flowSize_.height) / 4));
}

cv::Mat FlowEstimator::prepare(const cv::Mat& gray8) const {
    if (gray8.size() == flowSize_)
        return gray8;
    cv::Mat small;
    cv::resize(gray8, small, flowSize_, 0, 0, cv::INTER_AREA);
    return small;
}

cv::Mat FlowEstimator::compute(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat flow;
    dis_->calc(a, b, flow);
    return flow;
}

void FlowEstimator::complete(cv::Mat& flow, const cv::Mat& unknown, int margin) {
    cv::Mat grown = unknown;
    if (margin > 0)
        cv::dilate(unknown, grown,
                   cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * margin + 1, 2 * margin + 1}));
    if (cv::countNonZero(grown) == 0)
        return;
    cv::Mat known = grown == 0;
    pushPullFill(flow, known);
}

cv::Mat FlowEstimator::downscaleMask(const std::uint8_t* fill, int height, int width) const {
    cv::Mat full(height, width, CV_8U, const_cast<std::uint8_t*>(fill));
    if (full.size() == flowSize_)
        return (full != 0);
    cv::Mat small;
    cv::resize(full != 0, small, flowSize_, 0, 0, cv::INTER_AREA);
    return small > 0;
}

cv::Mat FlowEstimator::upscale(const cv::Mat& flow, int height, int width) const {
    if (flow.rows == height && flow.cols == width)
        return flow;
    cv::Mat big;
    cv::resize(flow, big, cv::Size(width, height), 0, 0, cv::INTER_LINEAR);
    big.convertTo(big, CV_32FC2, 1.0 / scale_);
    // Separate x/y ratios would be exact; the rounding of the flow size makes
    // them differ by < 0.5%, far below flow error.
    return big;
}

cv::Mat consistencyError(const cv::Mat& forward, const cv::Mat& backward) {
    cv::Mat map(forward.size(), CV_32FC2);
    for (int y = 0; y < forward.rows; ++y) {
        const auto* f = forward.ptr<cv::Vec2f>(y);
        auto* m = map.ptr<cv::Vec2f>(y);
        for (int x = 0; x < forward.cols; ++x)
            m[x] = cv::Vec2f(float(x) + f[x][0], float(y) + f[x][1]);
    }
    cv::Mat back;
    cv::remap(backward, back, map, cv::noArray(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::Mat error(forward.size(), CV_32F);
    for (int y = 0; y < forward.rows; ++y) {
        const auto* f = forward.ptr<cv::Vec2f>(y);
        const auto* b = back.ptr<cv::Vec2f>(y);
        const auto* m = map.ptr<cv::Vec2f>(y);
        auto* e = error.ptr<float>(y);
        for (int x = 0; x < forward.cols; ++x) {
            const bool inside = m[x][0] >= 0 && m[x][1] >= 0 && m[x][0] <= forward.cols - 1 &&
                                m[x][1] <= forward.rows - 1;
            const cv::Vec2f s = f[x] + b[x];
            e[x] = inside ? std::sqrt(s.dot(s)) : 1e6f;
        }
    }
    return error;
}

} // namespace retake::generation::detail
