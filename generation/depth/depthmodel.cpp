// A user's depth model: a TorchScript file or an AOTInductor package (see
// retake/generation/depth.h and usermodels.h).

#include "retake/generation/depth.h"
#include "runtime/torchdevice.h"
#include "usermodels/usermodel.h"

namespace retake::generation {

const char* const kDepthModelSignature =
    "forward(frames: Tensor[T,3,H,W] RGB 0..1) -> Tensor[T,1,H,W] depth in metres";

struct DepthModel::Impl {
    std::unique_ptr<detail::UserModel> model;
    int framesPerCall = 0;

    [[noreturn]] void fail(const std::string& problem) const {
        throw DepthModelError(model->origin() + ": " + problem);
    }
    void estimateWithinLimits(const torch::Tensor& all, torch::Tensor& result) const;
};

DepthModel::DepthModel(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
DepthModel::DepthModel(DepthModel&&) noexcept = default;
DepthModel& DepthModel::operator=(DepthModel&&) noexcept = default;
DepthModel::~DepthModel() = default;

DepthModel DepthModel::load(const std::string& path, const std::string& device) {
    auto impl = std::make_unique<Impl>();
    try {
        impl->model = detail::UserModel::open(path, UserModelRole::Depth, device);
    } catch (const UserModelError& e) {
        throw DepthModelError(e.what());
    }
    return DepthModel(std::move(impl));
}

void DepthModel::setFramesPerCall(int frames) {
    impl_->framesPerCall = std::max(0, frames);
}

FrameStack DepthModel::estimate(const FrameStack& frames) const {
    if (frames.channels != 3 || frames.count <= 0 || frames.height <= 0 || frames.width <= 0 ||
        frames.data.size() != std::size_t(frames.count) * frames.frameSize())
        throw std::invalid_argument("depth model input must be [T,3,H,W] with T, H, W > 0");
    torch::NoGradGuard noGrad;
    const int h = frames.height, w = frames.width;
    FrameStack depth(frames.count, 1, h, w);
    const torch::Tensor all = torch::from_blob(const_cast<float*>(frames.data.data()),
                                               {frames.count, 3, h, w}, torch::kFloat);
    torch::Tensor result =
        torch::from_blob(depth.data.data(), {frames.count, 1, h, w}, torch::kFloat);
    // A package says what it accepts only by refusing a call
    // (usermodels/modelshapes.h): learn, plan again.
    for (int attempt = 0;; ++attempt) {
        const detail::ShapeLimits before = impl_->model->limits();
        try {
            impl_->estimateWithinLimits(all, result);
            return depth;
        } catch (const detail::ShapeMismatch& refusal) {
            if (impl_->model->limits() == before || attempt >= 16)
                impl_->fail(std::string("refused the frames Retake fitted to what it accepts (") +
                            detail::firstLine(refusal.what()) + "); it accepts " +
                            impl_->model->limits().describe());
        } catch (const UserModelError& e) {
            throw DepthModelError(e.what());
        }
    }
}

void DepthModel::Impl::estimateWithinLimits(const torch::Tensor& all, torch::Tensor& result) const {
    const std::int64_t count = all.size(0), h = all.size(2), w = all.size(3);
    const detail::ShapeLimits& limits = model->limits();
    const std::int64_t group = detail::fitCallFrames(limits.frames, count, framesPerCall);
    // Depth needs the whole picture at once (tiles would each find their own
    // scale): a model compiled for other sizes sees the frames resized, and
    // its depth is resized back.
    const std::int64_t ch = detail::nearestAccepted(limits.height, h);
    const std::int64_t cw = detail::nearestAccepted(limits.width, w);
    const bool resize = ch != h || cw != w;
    namespace F = torch::nn::functional;
    for (std::int64_t f0 = 0; f0 < count; f0 += group) {
        const std::int64_t n = std::min(count, f0 + group) - f0;
        const std::int64_t padded = std::max(n, limits.frames.min);
        torch::Tensor input = detail::padFrames(all.slice(0, f0, f0 + n), padded);
        if (resize)
            input = F::interpolate(input, F::InterpolateFuncOptions()
                                              .size(std::vector<std::int64_t>{ch, cw})
                                              .mode(torch::kBilinear)
                                              .align_corners(false));
        torch::Tensor t = model->forward({input.contiguous().to(model->device())}, std::string());
        if (!t.is_floating_point())
            fail("forward() returned " + detail::describeTensor(t) + " for frames " +
                 detail::shapeText(padded, 3, ch, cw) + "; depth must be a floating-point tensor " +
                 detail::shapeText(padded, 1, ch, cw) + " in metres");
        if (t.dim() != 4 || t.size(0) != padded || t.size(1) != 1 || t.size(2) != ch ||
            t.size(3) != cw)
            fail("forward() returned " + detail::describeTensor(t) + " for frames " +
                 detail::shapeText(padded, 3, ch, cw) + "; expected depth of shape " +
                 detail::shapeText(padded, 1, ch, cw) + " in metres");
        t = t.slice(0, 0, n).to(torch::kCPU, torch::kFloat);
        if (resize)
            t = F::interpolate(t, F::InterpolateFuncOptions()
                                      .size(std::vector<std::int64_t>{h, w})
                                      .mode(torch::kBilinear)
                                      .align_corners(false));
        result.slice(0, f0, f0 + n).copy_(t);
    }
}

} // namespace retake::generation
