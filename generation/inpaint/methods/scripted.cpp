#include "inpaint/methods/scripted.h"

#include "inpaint/methods/torch_util.h"

#include <fstream>
#include <sstream>

namespace retake::generation::detail {

const char* const kModelSignature =
    "forward(frames: Tensor[T,3,H,W], masks: Tensor[T,1,H,W]) -> Tensor[T,3,H,W], optionally "
    "with a third argument prompt: str";

namespace {

std::string sizes(const torch::Tensor& t) {
    std::ostringstream s;
    s << t.sizes() << " " << t.dtype();
    return s.str();
}

} // namespace

ScriptedInpainter::ScriptedInpainter(torch::jit::Module module, std::string origin,
                                     torch::Device device)
    : module_(std::move(module))
    , origin_(std::move(origin))
    , device_(device) {
    auto method = module_.find_method("forward");
    if (!method)
        fail("the TorchScript module has no forward() method; expected " +
             std::string(kModelSignature));
    const c10::FunctionSchema& schema = method->function().getSchema();
    const auto& args = schema.arguments(); // args[0] is self
    std::ostringstream found;
    found << schema;
    const std::string mismatch =
        "forward() has the wrong signature: found " + found.str() + "; expected " + kModelSignature;
    if (args.size() != 3 && args.size() != 4)
        fail(mismatch);
    for (std::size_t i = 1; i < 3; ++i)
        if (args[i].type()->kind() != c10::TypeKind::TensorType)
            fail(mismatch);
    if (args.size() == 4) {
        if (args[3].type()->kind() != c10::TypeKind::StringType)
            fail(mismatch);
        takesPrompt_ = true;
    }
    if (schema.returns().size() != 1 ||
        schema.returns()[0].type()->kind() != c10::TypeKind::TensorType)
        fail(mismatch);
    module_.eval();
    module_.to(device_);
}

ScriptedInpainter ScriptedInpainter::load(const std::string& path, torch::Device device) {
    if (!std::ifstream(path).good())
        throw InpaintError(InpaintErrorKind::ModelError,
                           path + ": cannot open the model file (missing or unreadable)");
    torch::jit::Module module;
    try {
        module = torch::jit::load(path, torch::kCPU);
    } catch (const std::exception& e) {
        throw InpaintError(InpaintErrorKind::ModelError,
                           path +
                               ": not a TorchScript module (save one with torch.jit.save or "
                               "torch.jit.script(...).save): " +
                               firstLine(e.what()));
    }
    return ScriptedInpainter(std::move(module), path, device);
}

void ScriptedInpainter::fail(const std::string& problem) const {
    throw InpaintError(InpaintErrorKind::ModelError, origin_ + ": " + problem);
}

void ScriptedInpainter::apply(const Chunk& chunk, RunContext& context, float* out) {
    torch::NoGradGuard noGrad;
    // Stochastic models draw from torch's generator: seed it for repeatability.
    torch::manual_seed(chunk.seed);
    const int h = chunk.height;
    const int w = chunk.width;
    const torch::Tensor allFrames = chunkFrames(chunk);
    const torch::Tensor allMasks = chunkMasks(chunk);
    const torch::Tensor allResults = torch::from_blob(out, {chunk.count, 3, h, w}, torch::kFloat);
    const auto ys = tileStarts(h, tile_, overlap_);
    const auto xs = tileStarts(w, tile_, overlap_);
    const int th = ys.size() == 1 ? h : tile_;
    const int tw = xs.size() == 1 ? w : tile_;
    const int group = framesPerCall_ > 0 ? framesPerCall_ : chunk.count;
    const std::size_t calls =
        std::size_t((chunk.count + group - 1) / group) * ys.size() * xs.size();
    std::size_t done = 0;
    for (int f0 = 0; f0 < chunk.count; f0 += group) {
        const int f1 = std::min(chunk.count, f0 + group);
        const int n = f1 - f0;
        const torch::Tensor frames = allFrames.slice(0, f0, f1);
        const torch::Tensor masks = allMasks.slice(0, f0, f1);
        torch::Tensor result = allResults.slice(0, f0, f1);
        const bool tiled = ys.size() * xs.size() > 1;
        torch::Tensor sum = tiled ? torch::zeros({n, 3, h, w}) : torch::Tensor();
        torch::Tensor weight = tiled ? torch::zeros({1, 1, h, w}) : torch::Tensor();
        for (std::size_t iy = 0; iy < ys.size(); ++iy) {
            for (std::size_t ix = 0; ix < xs.size(); ++ix) {
                // A single forward() cannot be interrupted: cancelling waits for
                // the current call, so `tile` also bounds the cancel latency.
                context.report(double(done++) / double(calls), "model");
                const int y = ys[iy];
                const int x = xs[ix];
                auto crop = [&](const torch::Tensor& t) {
                    return t.slice(2, y, y + th).slice(3, x, x + tw).contiguous().to(device_);
                };
                std::vector<torch::jit::IValue> inputs{crop(frames), crop(masks)};
                if (takesPrompt_)
                    inputs.emplace_back(chunk.prompt);
                torch::jit::IValue output;
                try {
                    output = module_.forward(inputs);
                } catch (const std::exception& e) {
                    fail("forward() failed on input frames [" + std::to_string(n) + ",3," +
                         std::to_string(th) + "," + std::to_string(tw) +
                         "]: " + firstLine(e.what()));
                }
                if (!output.isTensor())
                    fail("forward() returned " + output.tagKind() + ", expected a Tensor[T,3,H,W]");
                torch::Tensor tensor = output.toTensor();
                if (!tensor.is_floating_point() || tensor.dim() != 4 || tensor.size(0) != n ||
                    tensor.size(1) != 3 || tensor.size(2) != th || tensor.size(3) != tw)
                    fail("forward() returned " + sizes(tensor) + " for input frames [" +
                         std::to_string(n) + ",3," + std::to_string(th) + "," + std::to_string(tw) +
                         "]; expected a floating-point tensor of the frames' shape");
                tensor = tensor.to(torch::kCPU, torch::kFloat);
                if (!tiled) {
                    result.copy_(tensor);
                    continue;
                }
                const torch::Tensor ramp = tileWeights(th, tw, overlap_, iy > 0, iy + 1 < ys.size(),
                                                       ix > 0, ix + 1 < xs.size())
                                               .view({1, 1, th, tw});
                sum.slice(2, y, y + th).slice(3, x, x + tw) += tensor * ramp;
                weight.slice(2, y, y + th).slice(3, x, x + tw) += ramp;
            }
        }
        if (tiled)
            result.copy_(sum / weight);
    }
}

} // namespace retake::generation::detail
