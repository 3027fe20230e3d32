#pragma once

// Depth estimation by a user's model (a TorchScript file or an AOTInductor
// package, usermodels.h), for shots that have no depth of their own (no
// blocking scene, no EXR depth channel). Plain data in and out: no torch, no
// Qt.
//
// The model's contract (checked once at load, then on every output):
//   forward(frames: Tensor[T,3,H,W] float32 RGB in 0..1) -> Tensor[T,1,H,W]
// in METRES along the camera axis. Any floating-point dtype is accepted and
// converted to float32; values that are not finite or not > 0 mean "no depth"
// at that pixel. Retake calls it with up to framesPerCall frames at a time
// (fewer if a package accepts fewer), resized to a size a package accepts.

#include "retake/generation/frames.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace retake::generation {

// The model file cannot be loaded, has the wrong signature, or returned a
// tensor of the wrong shape or type; the message names the file and the problem.
class DepthModelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

extern const char* const kDepthModelSignature;

class DepthModel {
public:
    // device: "cpu", "cuda", "cuda:N" or "auto". Throws DepthModelError.
    static DepthModel load(const std::string& path, const std::string& device = "cpu");
    DepthModel(DepthModel&&) noexcept;
    DepthModel& operator=(DepthModel&&) noexcept;
    ~DepthModel();

    // frames: [T,3,H,W] (channels == 3). Returns [T,1,H,W] metres. Throws
    // DepthModelError when forward() fails or returns anything else;
    // std::invalid_argument for input that is not [T,3,H,W].
    FrameStack estimate(const FrameStack& frames) const;

    // 0 = all frames of an estimate() call in one forward() (temporal models).
    void setFramesPerCall(int frames);

private:
    struct Impl;
    explicit DepthModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace retake::generation
