// A user's TorchScript depth model (see retake/generation/depth.h).

#include "inpaint/methods/torch_util.h"
#include "retake/generation/depth.h"

#include <fstream>
#include <sstream>
#include <torch/script.h>

namespace retake::generation {

const char* const kDepthModelSignature =
    "forward(frames: Tensor[T,3,H,W] RGB 0..1) -> Tensor[T,1,H,W] depth in metres";

struct DepthModel::Impl {
    torch::jit::Module module;
    std::string origin;
    torch::Device device{torch::kCPU};
    int framesPerCall = 0;

    [[noreturn]] void fail(const std::string& problem) const {
        throw DepthModelError(origin + ": " + problem);
    }
};

namespace {

std::string describe(const torch::Tensor& t) {
    std::ostringstream s;
    s << t.sizes() << " " << t.dtype();
    return s.str();
}

std::string shape(std::int64_t t, std::int64_t c, std::int64_t h, std::int64_t w) {
    return "[" + std::to_string(t) + "," + std::to_string(c) + "," + std::to_string(h) + "," +
           std::to_string(w) + "]";
}

} // namespace

DepthModel::DepthModel(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
DepthModel::DepthModel(DepthModel&&) noexcept = default;
DepthModel& DepthModel::operator=(DepthModel&&) noexcept = default;
DepthModel::~DepthModel() = default;

DepthModel DepthModel::load(const std::string& path, const std::string& device) {
    auto impl = std::make_unique<Impl>();
    impl->origin = path;
    if (!std::ifstream(path).good())
        impl->fail("cannot open the depth model file (missing or unreadable)");
    try {
        impl->device = detail::resolveDevice(device);
    } catch (const std::exception& e) {
        impl->fail(e.what());
    }
    try {
        impl->module = torch::jit::load(path, torch::kCPU);
    } catch (const std::exception& e) {
        impl->fail("not a TorchScript module (save one with torch.jit.script(model).save(...)): " +
                   detail::firstLine(e.what()));
    }
    auto method = impl->module.find_method("forward");
    if (!method)
        impl->fail(std::string("the module has no forward() method; expected ") +
                   kDepthModelSignature);
    const c10::FunctionSchema& schema = method->function().getSchema();
    const auto& args = schema.arguments(); // args[0] is self
    std::ostringstream found;
    found << schema;
    if (args.size() != 2 || args[1].type()->kind() != c10::TypeKind::TensorType ||
        schema.returns().size() != 1 ||
        schema.returns()[0].type()->kind() != c10::TypeKind::TensorType)
        impl->fail("forward() has the wrong signature: found " + found.str() + "; expected " +
                   kDepthModelSignature);
    impl->module.eval();
    impl->module.to(impl->device);
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
    const int group = impl_->framesPerCall > 0 ? impl_->framesPerCall : frames.count;
    for (int f0 = 0; f0 < frames.count; f0 += group) {
        const int n = std::min(frames.count, f0 + group) - f0;
        std::vector<torch::jit::IValue> inputs{all.slice(0, f0, f0 + n).to(impl_->device)};
        torch::jit::IValue output;
        try {
            output = impl_->module.forward(inputs);
        } catch (const std::exception& e) {
            impl_->fail("forward() failed on frames " + shape(n, 3, h, w) + ": " +
                        detail::firstLine(e.what()));
        }
        if (!output.isTensor())
            impl_->fail("forward() returned " + output.tagKind() + ", expected a Tensor" +
                        shape(n, 1, h, w) + " of depths in metres");
        torch::Tensor t = output.toTensor();
        if (!t.is_floating_point())
            impl_->fail("forward() returned " + describe(t) + " for frames " + shape(n, 3, h, w) +
                        "; depth must be a floating-point tensor " + shape(n, 1, h, w) +
                        " in metres");
        if (t.dim() != 4 || t.size(0) != n || t.size(1) != 1 || t.size(2) != h || t.size(3) != w)
            impl_->fail("forward() returned " + describe(t) + " for frames " + shape(n, 3, h, w) +
                        "; expected depth of shape " + shape(n, 1, h, w) + " in metres");
        result.slice(0, f0, f0 + n).copy_(t.to(torch::kCPU, torch::kFloat));
    }
    return depth;
}

} // namespace retake::generation
