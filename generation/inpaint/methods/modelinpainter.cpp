#include "inpaint/methods/modelinpainter.h"

#include "inpaint/methods/torch_util.h"

namespace retake::generation::detail {

ModelInpainter::ModelInpainter(std::unique_ptr<UserModel> model)
    : model_(std::move(model)) {}

ModelInpainter ModelInpainter::load(const std::string& path, const std::string& device) {
    try {
        return ModelInpainter(UserModel::open(path, UserModelRole::Inpainting, device));
    } catch (const UserModelError& e) {
        throw InpaintError(InpaintErrorKind::ModelError, e.what());
    }
}

void ModelInpainter::fail(const std::string& problem) const {
    throw InpaintError(InpaintErrorKind::ModelError, model_->origin() + ": " + problem);
}

void ModelInpainter::apply(const Chunk& chunk, RunContext& context, float* out) {
    // A package says what it accepts only by refusing a call (modelshapes.h):
    // each refusal narrows the limits and the chunk is planned again. Every
    // call of a plan has the same shape, so a refusal comes at the first.
    for (int attempt = 0;; ++attempt) {
        const ShapeLimits before = model_->limits();
        try {
            applyWithinLimits(chunk, context, out);
            return;
        } catch (const ShapeMismatch& refusal) {
            if (model_->limits() == before || attempt >= 16)
                fail(std::string("refused the frames Retake fitted to what it accepts (") +
                     firstLine(refusal.what()) + "); it accepts " + model_->limits().describe());
        } catch (const UserModelError& e) {
            throw InpaintError(InpaintErrorKind::ModelError, e.what());
        }
    }
}

void ModelInpainter::applyWithinLimits(const Chunk& chunk, RunContext& context, float* out) {
    torch::NoGradGuard noGrad;
    // Stochastic models draw from torch's generator: seed it for repeatability.
    torch::manual_seed(chunk.seed);
    const int h = chunk.height;
    const int w = chunk.width;
    const ShapeLimits& limits = model_->limits();
    const int th = int(fitTileSize(limits.height, h, tile_));
    const int tw = int(fitTileSize(limits.width, w, tile_));
    if (th == 0 || tw == 0)
        fail("the frames are " + std::to_string(w) + "x" + std::to_string(h) +
             " px, and the model takes " +
             (th == 0 ? "a height of " + limits.height.describe()
                      : "a width of " + limits.width.describe()) +
             " px (tiles cannot make frames bigger)");
    const int group = int(fitCallFrames(limits.frames, chunk.count, framesPerCall_));
    const int callFrames = int(std::max<std::int64_t>(group, limits.frames.min));
    const torch::Tensor allFrames = chunkFrames(chunk);
    const torch::Tensor allMasks = chunkMasks(chunk);
    const torch::Tensor allResults = torch::from_blob(out, {chunk.count, 3, h, w}, torch::kFloat);
    const auto ys = tileStarts(h, th, overlap_);
    const auto xs = tileStarts(w, tw, overlap_);
    const std::size_t calls =
        std::size_t((chunk.count + group - 1) / group) * ys.size() * xs.size();
    const bool tiled = ys.size() * xs.size() > 1;
    std::size_t done = 0;
    for (int f0 = 0; f0 < chunk.count; f0 += group) {
        const int f1 = std::min(chunk.count, f0 + group);
        const int n = f1 - f0;
        const int padded = std::max(n, callFrames);
        const torch::Tensor frames = allFrames.slice(0, f0, f1);
        const torch::Tensor masks = allMasks.slice(0, f0, f1);
        torch::Tensor result = allResults.slice(0, f0, f1);
        torch::Tensor sum = tiled ? torch::zeros({n, 3, h, w}) : torch::Tensor();
        torch::Tensor weight = tiled ? torch::zeros({1, 1, h, w}) : torch::Tensor();
        for (std::size_t iy = 0; iy < ys.size(); ++iy) {
            for (std::size_t ix = 0; ix < xs.size(); ++ix) {
                // A single call cannot be interrupted: cancelling waits for
                // the current one, so `tile` also bounds the cancel latency.
                context.report(double(done++) / double(calls), "model");
                const int y = ys[iy];
                const int x = xs[ix];
                auto crop = [&](const torch::Tensor& t) {
                    return padFrames(t.slice(2, y, y + th).slice(3, x, x + tw), padded)
                        .contiguous()
                        .to(model_->device());
                };
                torch::Tensor tensor = model_->forward({crop(frames), crop(masks)}, chunk.prompt);
                if (!tensor.is_floating_point() || tensor.dim() != 4 || tensor.size(0) != padded ||
                    tensor.size(1) != 3 || tensor.size(2) != th || tensor.size(3) != tw)
                    fail("forward() returned " + describeTensor(tensor) + " for input frames " +
                         shapeText(padded, 3, th, tw) +
                         "; expected a floating-point tensor of the frames' shape");
                tensor = tensor.slice(0, 0, n).to(torch::kCPU, torch::kFloat);
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
