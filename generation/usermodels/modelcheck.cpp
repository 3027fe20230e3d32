// `retake-cli model check`: what a user's model is, what it accepts, and a
// trial run on a small synthetic picture.

#include "runtime/torchdevice.h"
#include "usermodels/usermodel.h"

#include <chrono>

namespace retake::generation {

namespace {

using detail::DimLimit;
using detail::ShapeMismatch;
using detail::UserModel;

// A picture with structure (so a model that copies or averages gives a
// result that differs from its input) and a square hole in the middle.
std::vector<torch::Tensor> syntheticInputs(UserModelRole role, std::int64_t t, std::int64_t h,
                                           std::int64_t w, torch::Device device) {
    const auto ys = torch::linspace(0, 1, h).view({1, 1, h, 1});
    const auto xs = torch::linspace(0, 1, w).view({1, 1, 1, w});
    const auto steps =
        torch::arange(t, torch::kFloat).view({t, 1, 1, 1}) / float(std::max<std::int64_t>(t, 2));
    torch::Tensor frames =
        torch::cat({(xs + 0 * ys + steps).frac(), (ys + 0 * xs).expand({t, 1, h, w}),
                    (xs * ys * 0.5 + 0.25).expand({t, 1, h, w})},
                   1)
            .contiguous();
    std::vector<torch::Tensor> inputs{frames.to(device)};
    if (role == UserModelRole::Inpainting) {
        torch::Tensor masks = torch::zeros({t, 1, h, w});
        masks.slice(2, h / 4, h - h / 4).slice(3, w / 4, w - w / 4).fill_(1);
        inputs.push_back(masks.to(device));
    }
    return inputs;
}

struct Trial {
    std::int64_t t, h, w;
};

// Runs the model at `trial`; refusals narrow the limits and move the
// trial inside them. Returns the output of the first call that runs.
torch::Tensor runInsideLimits(UserModel& model, Trial& trial) {
    for (int attempt = 0;; ++attempt) {
        detail::ShapeLimits& limits = model.limits();
        trial.t = detail::nearestAccepted(limits.frames, trial.t);
        trial.h = detail::nearestAccepted(limits.height, trial.h);
        trial.w = detail::nearestAccepted(limits.width, trial.w);
        const detail::ShapeLimits before = limits;
        try {
            return model.forward(
                syntheticInputs(model.role(), trial.t, trial.h, trial.w, model.device()),
                "a quick check");
        } catch (const ShapeMismatch& refusal) {
            if (model.limits() == before || attempt >= 16)
                model.fail(std::string("refuses every shape tried (") +
                           detail::firstLine(refusal.what()) + ")");
        }
    }
}

// Asks a package about one dimension at `value` (the others at the trial's):
// a refusal teaches a bound (the limits learn it); a run means the value is
// accepted.
void accepts(UserModel& model, const Trial& trial, int dim, std::int64_t value) {
    Trial probe = trial;
    (dim == 0 ? probe.t : dim == 2 ? probe.h : probe.w) = value;
    try {
        model.forward(syntheticInputs(model.role(), probe.t, probe.h, probe.w, model.device()),
                      std::string());
    } catch (const ShapeMismatch&) {
    }
}

ModelDimension dimension(const char* name, const DimLimit& limit) {
    return {name, limit.min, limit.max};
}

std::string dtypeName(const torch::Tensor& t) {
    return std::string(c10::toString(t.scalar_type())) == "Float"
               ? "float32"
               : std::string(c10::toString(t.scalar_type()));
}

} // namespace

ModelCheck checkUserModel(const std::string& path, const std::string& roleName,
                          const std::string& device) {
    std::unique_ptr<UserModel> model;
    UserModelRole role = UserModelRole::Inpainting;
    if (roleName == "depth")
        role = UserModelRole::Depth;
    else if (!roleName.empty() && roleName != "inpainting")
        throw UserModelError("role '" + roleName + "' is not a role (inpainting, depth)");
    try {
        model = UserModel::open(path, role, device);
    } catch (const detail::SignatureMismatch& asInpainting) {
        if (!roleName.empty())
            throw;
        // No role named: the inputs say which contract the model follows.
        try {
            role = UserModelRole::Depth;
            model = UserModel::open(path, role, device);
        } catch (const detail::SignatureMismatch&) {
            throw UserModelError(std::string(asInpainting.what()) + ", or " +
                                 detail::signatureOf(UserModelRole::Depth));
        }
    }
    torch::NoGradGuard noGrad;
    ModelCheck check;
    check.file = path;
    check.kind =
        model->kind() == detail::UserModelKind::TorchScript ? "TorchScript" : "AOTInductor package";
    check.compiledFor = model->compiledFor();
    check.role = role;
    check.takesPrompt = model->takesPrompt();
    check.device = model->device().str();

    Trial trial{2, 64, 96};
    torch::Tensor output = runInsideLimits(*model, trial);
    const bool package = model->kind() == detail::UserModelKind::AotiPackage;
    if (package) {
        // Bounds nobody has hit yet: a value at the edge of what Retake would
        // ask either runs or is refused with the bound.
        const std::pair<int, std::int64_t> far[] = {{0, 256}, {2, 8192}, {3, 8192}};
        for (auto [dim, big] : far) {
            DimLimit& limit = model->limits()[dim];
            if (limit.fixed())
                continue;
            if (limit.min == 1)
                accepts(*model, trial, dim, 1);
            if (limit.max == 0)
                accepts(*model, trial, dim, big);
        }
    }
    // The time of a second run: the first pays for warming up.
    const auto inputs = syntheticInputs(role, trial.t, trial.h, trial.w, model->device());
    const auto start = std::chrono::steady_clock::now();
    output = model->forward(inputs, "a quick check");
    check.secondsPerFrame =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
        double(trial.t);
    check.trialShape = {trial.t, 3, trial.h, trial.w};

    const std::int64_t channels = role == UserModelRole::Depth ? 1 : 3;
    if (!output.is_floating_point() || output.dim() != 4 || output.size(0) != trial.t ||
        output.size(1) != channels || output.size(2) != trial.h || output.size(3) != trial.w) {
        model->fail("returned " + detail::describeTensor(output) + " for frames " +
                    detail::shapeText(trial.t, 3, trial.h, trial.w) + "; expected " +
                    detail::signatureOf(role));
    }

    const detail::ShapeLimits& limits = model->limits();
    const ModelDimension t = dimension("T", limits.frames);
    const ModelDimension h = dimension("H", limits.height);
    const ModelDimension w = dimension("W", limits.width);
    check.inputs.push_back({"frames", {t, {"C", 3, 3}, h, w}, "float32"});
    if (role == UserModelRole::Inpainting)
        check.inputs.push_back({"masks", {t, {"C", 1, 1}, h, w}, "float32"});
    check.outputs.push_back({role == UserModelRole::Depth ? "depth" : "frames",
                             {t, {"C", channels, channels}, h, w},
                             dtypeName(output)});

    if (!package)
        check.notes.push_back("TorchScript states no sizes: Retake calls it with whole frames "
                              "(or the engine's tiles) and any number of frames");
    if (package && role == UserModelRole::Inpainting)
        check.notes.push_back("a package takes tensors only: a shot's prompt is kept as a note, "
                              "not passed");
    if (package && limits.frames.min > 1)
        check.notes.push_back("fewer than " + std::to_string(limits.frames.min) +
                              " frames are padded by repeating the last");
    if (package && (limits.height.max != 0 || limits.width.max != 0))
        check.notes.push_back(role == UserModelRole::Depth
                                  ? "frames of other sizes are resized to an accepted size, and "
                                    "the depth resized back"
                                  : "larger frames are cut into overlapping tiles of an accepted "
                                    "size; smaller ones are refused");
    return check;
}

} // namespace retake::generation
