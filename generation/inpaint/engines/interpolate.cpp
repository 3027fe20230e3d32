// interpolate: whole frames rebuilt between two anchors (the nearest frames
// on either side that are not regenerated) by motion-compensated
// interpolation.
//
// Flow is computed once between the anchors, in both directions. For an
// intermediate time tau the flow from that time back to each anchor is found
// by forward-splatting the anchor's flow scaled by tau (exact for any motion
// that is linear in time, unlike approximating it from the anchor's grid);
// each anchor is then warped to tau and the two are blended by time and by
// how well each anchor's pixels are matched in the other (occlusion).

#include "inpaint/engine.h"
#include "inpaint/methods/flow.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace retake::generation::detail {

namespace {

struct Splatted {
    cv::Mat flow;       // from time tau back to the anchor, full resolution
    cv::Mat visibility; // 0..1: how much of the anchor lands here
};

// Pixels p of the anchor move to p + tau * F(p); the flow back from there is
// -tau * F(p). Weighted by confidence so occluded pixels do not win.
Splatted splat(const cv::Mat& flow, const cv::Mat& confidence, float tau) {
    const int h = flow.rows;
    const int w = flow.cols;
    cv::Mat sum = cv::Mat::zeros(h, w, CV_32FC2);
    cv::Mat weight = cv::Mat::zeros(h, w, CV_32F);
    for (int y = 0; y < h; ++y) {
        const auto* f = flow.ptr<cv::Vec2f>(y);
        const auto* c = confidence.ptr<float>(y);
        for (int x = 0; x < w; ++x) {
            const cv::Vec2f d = tau * f[x];
            const float qx = float(x) + d[0];
            const float qy = float(y) + d[1];
            const int x0 = int(std::floor(qx));
            const int y0 = int(std::floor(qy));
            const float fx = qx - float(x0);
            const float fy = qy - float(y0);
            const float taps[4] = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
            for (int k = 0; k < 4; ++k) {
                const int tx = x0 + (k & 1);
                const int ty = y0 + (k >> 1);
                if (tx < 0 || ty < 0 || tx >= w || ty >= h)
                    continue;
                const float wk = taps[k] * c[x];
                sum.ptr<cv::Vec2f>(ty)[tx] += -wk * d;
                weight.ptr<float>(ty)[tx] += wk;
            }
        }
    }
    Splatted out;
    out.flow = cv::Mat(h, w, CV_32FC2);
    out.visibility = cv::min(weight, 1.0);
    cv::Mat known(h, w, CV_8U);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float wt = weight.ptr<float>(y)[x];
            known.ptr<std::uint8_t>(y)[x] = wt > 1e-3f ? 255 : 0;
            out.flow.ptr<cv::Vec2f>(y)[x] =
                wt > 1e-3f ? sum.ptr<cv::Vec2f>(y)[x] / wt : cv::Vec2f(0, 0);
        }
    // Disocclusions nothing landed on take the motion around them.
    pushPullFill(out.flow, known);
    return out;
}

cv::Mat warp(const cv::Mat& image, const cv::Mat& flow) {
    cv::Mat map(flow.size(), CV_32FC2);
    for (int y = 0; y < flow.rows; ++y) {
        const auto* f = flow.ptr<cv::Vec2f>(y);
        auto* m = map.ptr<cv::Vec2f>(y);
        for (int x = 0; x < flow.cols; ++x)
            m[x] = cv::Vec2f(float(x) + f[x][0], float(y) + f[x][1]);
    }
    cv::Mat out;
    cv::remap(image, out, map, cv::noArray(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

cv::Mat confidenceOf(const cv::Mat& error, float threshold) {
    cv::Mat c;
    cv::Mat scaled = error / threshold;
    cv::exp(-scaled.mul(scaled), c);
    return c + 1e-3; // every pixel keeps a little say
}

void writePlanar(const cv::Mat& rgb, float* planar) {
    const std::size_t plane = std::size_t(rgb.rows) * rgb.cols;
    const auto* src = reinterpret_cast<const float*>(rgb.data);
    for (std::size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c)
            planar[plane * std::size_t(c) + i] = src[3 * i + std::size_t(c)];
}

class InterpolateEngine final : public Engine {
public:
    explicit InterpolateEngine(const Params& params)
        : preset_(params.text("flow_preset"))
        , maxSide_(params.integer("flow_max_side"))
        , threshold_(float(std::max(0.1, params.number("consistency")))) {
        FlowEstimator(preset_, maxSide_, 64, 64);
    }
    bool chunkPerGap() const override { return true; }

    void run(const Chunk& chunk, RunContext& context, float* out) override {
        const int n = chunk.count;
        const int h = chunk.height;
        const int w = chunk.width;
        const std::size_t frameFloats = chunk.plane() * 3;
        const int a = chunk.active[0] ? -1 : 0;
        const int b = chunk.active[std::size_t(n - 1)] ? -1 : n - 1;
        if (a < 0 && b < 0)
            throw InpaintError(InpaintErrorKind::Unfillable,
                               "every frame is regenerated: the interpolate engine needs an "
                               "unmasked or locked frame on at least one side");
        if (a < 0 || b < 0) {
            // Only one anchor (the gap touches the clip's start or end):
            // motion cannot be estimated, so the anchor is held.
            const int anchor = a < 0 ? b : a;
            for (int t = 0; t < n; ++t)
                if (chunk.active[std::size_t(t)])
                    std::copy(chunk.frame(anchor), chunk.frame(anchor) + frameFloats,
                              out + frameFloats * std::size_t(t));
            return;
        }
        context.report(0.0, "optical flow");
        FlowEstimator estimator(preset_, maxSide_, h, w);
        const cv::Mat ga = estimator.prepare(toGray8(chunk.frame(a), h, w));
        const cv::Mat gb = estimator.prepare(toGray8(chunk.frame(b), h, w));
        const cv::Mat fab = estimator.upscale(estimator.compute(ga, gb), h, w);
        context.report(0.2, "optical flow");
        const cv::Mat fba = estimator.upscale(estimator.compute(gb, ga), h, w);
        const cv::Mat confA = confidenceOf(consistencyError(fab, fba), threshold_);
        const cv::Mat confB = confidenceOf(consistencyError(fba, fab), threshold_);
        const cv::Mat imageA = toInterleaved(chunk.frame(a), h, w);
        const cv::Mat imageB = toInterleaved(chunk.frame(b), h, w);
        for (int t = a + 1; t < b; ++t) {
            context.report(0.4 + 0.6 * double(t - a - 1) / double(b - a - 1), "interpolation");
            const float tau = float(t - a) / float(b - a);
            const Splatted fromA = splat(fab, confA, tau);
            const Splatted fromB = splat(fba, confB, 1.0f - tau);
            const cv::Mat warpedA = warp(imageA, fromA.flow);
            const cv::Mat warpedB = warp(imageB, fromB.flow);
            cv::Mat blended(h, w, CV_32FC3);
            for (int y = 0; y < h; ++y) {
                const auto* pa = warpedA.ptr<cv::Vec3f>(y);
                const auto* pb = warpedB.ptr<cv::Vec3f>(y);
                const auto* va = fromA.visibility.ptr<float>(y);
                const auto* vb = fromB.visibility.ptr<float>(y);
                auto* o = blended.ptr<cv::Vec3f>(y);
                for (int x = 0; x < w; ++x) {
                    const float wa = (1.0f - tau) * (va[x] + 0.05f);
                    const float wb = tau * (vb[x] + 0.05f);
                    o[x] = (wa * pa[x] + wb * pb[x]) / (wa + wb);
                }
            }
            writePlanar(blended, out + frameFloats * std::size_t(t));
        }
    }

private:
    std::string preset_;
    int maxSide_;
    float threshold_;
};

} // namespace

std::unique_ptr<Engine> makeInterpolateEngine(const Params& params) {
    return std::make_unique<InterpolateEngine>(params);
}

} // namespace retake::generation::detail
