// shot-trained (called "internal" before, still accepted): no pretrained
// weights. A small convolutional network is trained
// on the shot's own pixels (in the spirit of Deep Video Prior and Infusion):
// known pixels are hidden behind synthetic masks and the network learns to
// restore them, which teaches it this shot's textures and colours; it is then
// applied to the real mask. The network is written as TorchScript with the
// model engine's signature, so a saved one can be re-applied with
// `model=<file>` without training again.

#include "inpaint/engine.h"
#include "inpaint/methods/modelinpainter.h"
#include "inpaint/methods/torch_util.h"

#include <filesystem>
#include <torch/csrc/jit/runtime/graph_executor.h>

namespace retake::generation::detail {

namespace {

// Two-level encoder/decoder with dilated convolutions: a receptive field of
// about 70 px at a few thousand parameters per channel pair, enough to bridge
// typical object-removal holes while training in seconds on a CPU.
const char* const kNetworkSource = R"(
def conv(self, x: Tensor, w: Tensor, b: Tensor, stride: int, dilation: int) -> Tensor:
    pad = dilation * (w.size(2) // 2)
    return torch.conv2d(x, w, b, [stride, stride], [pad, pad], [dilation, dilation], 1)

def forward(self, frames: Tensor, masks: Tensor) -> Tensor:
    known = frames * (1.0 - masks)
    x = torch.cat([known, masks], 1)
    e0 = torch.relu(self.conv(x, self.w0, self.b0, 1, 1))
    e1 = torch.relu(self.conv(e0, self.w1, self.b1, 2, 1))
    e1 = torch.relu(self.conv(e1, self.w2, self.b2, 1, 2))
    e2 = torch.relu(self.conv(e1, self.w3, self.b3, 2, 1))
    e2 = torch.relu(self.conv(e2, self.w4, self.b4, 1, 2))
    e2 = torch.relu(self.conv(e2, self.w5, self.b5, 1, 4))
    d1 = torch.upsample_bilinear2d(e2, [e1.size(2), e1.size(3)], False, None, None)
    d1 = torch.relu(self.conv(torch.cat([d1, e1], 1), self.w6, self.b6, 1, 1))
    d0 = torch.upsample_bilinear2d(d1, [e0.size(2), e0.size(3)], False, None, None)
    d0 = torch.relu(self.conv(torch.cat([d0, e0], 1), self.w7, self.b7, 1, 1))
    y = torch.sigmoid(self.conv(d0, self.w8, self.b8, 1, 1))
    return known + y * masks
)";

torch::jit::Module buildNetwork(int width) {
    torch::jit::Module module("RetakeInternalInpainter");
    auto add = [&](const std::string& name, int out, int in, int k) {
        // He initialisation: keeps activations in range through the ReLUs.
        const double std = std::sqrt(2.0 / double(in * k * k));
        module.register_parameter("w" + name, torch::randn({out, in, k, k}) * std, false);
        module.register_parameter("b" + name, torch::zeros({out}), false);
    };
    add("0", width, 4, 3);
    for (const char* name : {"1", "2", "3", "4", "5"})
        add(name, width, width, 3);
    add("6", width, 2 * width, 3);
    add("7", width, 2 * width, 3);
    add("8", 3, width, 1);
    module.define(kNetworkSource);
    return module;
}

class ShotTrainedEngine final : public Engine {
public:
    ShotTrainedEngine(const Params& params, const std::string& device)
        : device_(resolveDevice(device))
        , iterations_(params.integer("iterations"))
        , width_(std::max(4, params.integer("width")))
        , learningRate_(params.number("learning_rate"))
        , savePath_(params.text("save")) {
        if (!savePath_.empty()) {
            const auto dir = std::filesystem::path(savePath_).parent_path();
            if (!dir.empty() && !std::filesystem::is_directory(dir))
                throwBadInput("save: folder " + dir.string() + " does not exist");
        }
    }

    void run(const Chunk& chunk, RunContext& context, float* out) override {
        // The graph executor's profiling runs and fusion passes re-specialise
        // the graph during the first steps; a network this small gains
        // nothing from them.
        torch::jit::GraphOptimizerEnabledGuard plainInterpreter(false);
        if (!network_) {
            torch::manual_seed(chunk.seed);
            network_ = std::make_unique<torch::jit::Module>(buildNetwork(width_));
            network_->to(device_);
        }
        train(chunk, context);
        ModelInpainter inpainter(UserModel::fromModule(*network_, "shot-trained network",
                                                       UserModelRole::Inpainting, device_));
        inpainter.setFramesPerCall(1);
        context.report(0.9, "applying");
        inpainter.apply(chunk, context, out);
    }

    // Each chunk trains the network further.
    bool carriesStateAcrossChunks() const override { return true; }

    // Saved only once every chunk succeeded, so a cancelled or failed run
    // leaves no network file behind.
    void finish() override {
        if (!savePath_.empty() && network_)
            save();
    }

private:
    void train(const Chunk& chunk, RunContext& context) {
        torch::manual_seed(chunk.seed + 1);
        const torch::Tensor frames = chunkFrames(chunk).to(device_);
        const torch::Tensor masks = chunkMasks(chunk).to(device_);
        const int n = chunk.count;
        const int h = chunk.height;
        const int w = chunk.width;
        const int crop = std::min({96, h, w});
        const int batch = 4;
        std::vector<torch::Tensor> params;
        for (const auto& p : network_->parameters()) {
            p.set_requires_grad(true);
            params.push_back(p);
        }
        network_->train();
        torch::optim::Adam optimiser(params, torch::optim::AdamOptions(learningRate_));
        auto randint = [](int hi) { return int(torch::randint(hi, {1}).item<int64_t>()); };
        for (int it = 0; it < iterations_; ++it) {
            context.report(0.9 * it / std::max(1, iterations_), "training");
            std::vector<torch::Tensor> xs, ms, holes;
            for (int k = 0; k < batch; ++k) {
                const int t = randint(n);
                const int y = randint(h - crop + 1);
                const int x = randint(w - crop + 1);
                xs.push_back(frames[t].slice(1, y, y + crop).slice(2, x, x + crop));
                const torch::Tensor real = masks[t].slice(1, y, y + crop).slice(2, x, x + crop);
                // Synthetic holes: the real mask of another frame moved
                // elsewhere (the right shapes and sizes) plus a rectangle.
                const int other = randint(n);
                torch::Tensor synthetic =
                    torch::roll(masks[other], {randint(h), randint(w)}, {1, 2})
                        .slice(1, y, y + crop)
                        .slice(2, x, x + crop)
                        .clone();
                const int rh = 2 + randint(std::max(1, crop / 3));
                const int rw = 2 + randint(std::max(1, crop / 3));
                const int ry = randint(crop - std::min(crop, rh) + 1);
                const int rx = randint(crop - std::min(crop, rw) + 1);
                synthetic.slice(1, ry, ry + rh).slice(2, rx, rx + rw).fill_(1.0);
                ms.push_back(torch::max(synthetic, real));
                holes.push_back(synthetic * (1.0 - real));
            }
            const torch::Tensor x = torch::stack(xs);
            const torch::Tensor m = torch::stack(ms);
            const torch::Tensor supervised = torch::stack(holes);
            const torch::Tensor y = network_->forward({x, m}).toTensor();
            const torch::Tensor loss =
                ((y - x).abs() * supervised).sum() / (supervised.sum() * 3.0 + 1.0);
            optimiser.zero_grad();
            loss.backward();
            optimiser.step();
        }
        for (auto& p : params)
            p.set_requires_grad(false);
        network_->eval();
    }

    // Written whole or not at all (temporary file, then rename).
    void save() {
        const std::string temporary = savePath_ + ".partial";
        try {
            network_->save(temporary);
            std::filesystem::rename(temporary, savePath_);
        } catch (const std::exception& e) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw InpaintError(InpaintErrorKind::Internal,
                               savePath_ +
                                   ": cannot save the trained network: " + firstLine(e.what()));
        }
    }

    torch::Device device_;
    int iterations_;
    int width_;
    double learningRate_;
    std::string savePath_;
    std::unique_ptr<torch::jit::Module> network_;
};

} // namespace

std::unique_ptr<Engine> makeShotTrainedEngine(const Params& params, const std::string& device) {
    return std::make_unique<ShotTrainedEngine>(params, device);
}

} // namespace retake::generation::detail
