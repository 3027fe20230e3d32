// model: a user's model, a TorchScript file or an AOTInductor package
// (retake/generation/usermodels.h for the contract).

#include "inpaint/engine.h"
#include "inpaint/methods/modelinpainter.h"
#include "inpaint/methods/torch_util.h"

namespace retake::generation::detail {

namespace {

class ModelEngine final : public Engine {
public:
    ModelEngine(const Params& params, const std::string& device)
        : inpainter_(load(params, device)) {
        inpainter_.setTiling(params.integer("tile"), params.integer("tile_overlap"));
    }
    void run(const Chunk& chunk, RunContext& context, float* out) override {
        inpainter_.apply(chunk, context, out);
    }
    bool needsKnownPixels() const override { return false; }

private:
    static ModelInpainter load(const Params& params, const std::string& device) {
        const std::string& path = params.text("model");
        if (path.empty())
            throwBadInput("the model engine needs the parameter 'model': the path of a "
                          "TorchScript file or AOTInductor package (.pt2) with " +
                          signatureOf(UserModelRole::Inpainting));
        return ModelInpainter::load(path, device);
    }

    ModelInpainter inpainter_;
};

} // namespace

std::unique_ptr<Engine> makeModelEngine(const Params& params, const std::string& device) {
    return std::make_unique<ModelEngine>(params, device);
}

} // namespace retake::generation::detail
