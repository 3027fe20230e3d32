#pragma once

// Users' own models: TorchScript files and AOTInductor packages (.pt2, from
// torch.export + torch._inductor.aoti_compile_and_package), recognised from
// the file's contents, never from its name. The contracts (docs/models.md):
//   inpainting: forward(frames [T,3,H,W], masks [T,1,H,W] (, prompt: str))
//               -> frames [T,3,H,W]
//   depth:      forward(frames [T,3,H,W]) -> depth [T,1,H,W] in metres
// A .pt2 is compiled for fixed or bounded shapes; Retake learns them from
// the package and fits its calls to them (frames per call, tiles, or a
// resize for depth). Plain data here: no torch, no Qt.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace retake::generation {

// The file is missing, not a model, damaged, from a newer PyTorch, built
// for a device this machine lacks, or has the wrong signature. The message
// names the file and the problem.
class UserModelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class UserModelRole { Inpainting, Depth };
// Inline: the editor calls it without linking this library.
inline const char* toString(UserModelRole role) {
    return role == UserModelRole::Depth ? "depth" : "inpainting";
}

// One dimension an input accepts: [min, max]; max == 0 means no upper bound.
struct ModelDimension {
    std::string name; // "T", "C", "H", "W"
    std::int64_t min = 1;
    std::int64_t max = 0;
    bool fixed() const { return max != 0 && max == min; }
};

struct ModelTensor {
    std::string name; // "frames", "masks", "result", "depth"
    std::vector<ModelDimension> dims;
    std::string dtype; // "float32"
};

// What `retake-cli model check` prints.
struct ModelCheck {
    std::string file;
    std::string kind;        // "TorchScript" or "AOTInductor package"
    std::string compiledFor; // "any device (TorchScript)", "cpu (AVX512 AVX512_VNNI)", "cuda ..."
    UserModelRole role = UserModelRole::Inpainting;
    bool takesPrompt = false;
    std::vector<ModelTensor> inputs;
    std::vector<ModelTensor> outputs;
    std::string device;                   // where the trial ran
    std::vector<std::int64_t> trialShape; // the frames of the trial, [T,3,H,W]
    double secondsPerFrame = 0;
    std::vector<std::string> notes;
};

// Opens the model, works out its role (from its inputs) unless `role` is
// given, the shapes it accepts, and runs it once on a small synthetic input.
// device: "cpu", "cuda", "cuda:N" or "auto" (a .pt2 runs on the device it
// was compiled for). Throws UserModelError.
ModelCheck checkUserModel(const std::string& path, const std::string& role,
                          const std::string& device);

} // namespace retake::generation
