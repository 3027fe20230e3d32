#pragma once

// A user's model file opened for running, whatever its kind: TorchScript or
// an AOTInductor package. Callers see one forward() and the shapes the
// model accepts (modelshapes.h); the kinds differ in what they can say up
// front (a TorchScript schema names its arguments; a package says its
// shapes only when a call does not fit them, which Retake turns into
// knowledge instead of a failure).

#include "retake/generation/usermodels.h"
#include "usermodels/modelshapes.h"

#include <memory>
#include <string>
#include <torch/script.h>
#include <vector>

namespace retake::generation::detail {

enum class UserModelKind { TorchScript, AotiPackage };

// The model's inputs or outputs are not the contract's (not a damaged or
// foreign file): a model may still follow the other role's contract.
class SignatureMismatch : public UserModelError {
public:
    using UserModelError::UserModelError;
};

class UserModel {
public:
    virtual ~UserModel() = default;

    // Recognises the file from its contents and loads it for `role`,
    // checking the signature where the file states one. Throws
    // UserModelError naming the file.
    static std::unique_ptr<UserModel> open(const std::string& path, UserModelRole role,
                                           const std::string& device);
    // A TorchScript module built in memory (the shot-trained network).
    static std::unique_ptr<UserModel> fromModule(torch::jit::Module module, std::string origin,
                                                 UserModelRole role, torch::Device device);

    virtual UserModelKind kind() const = 0;
    virtual bool takesPrompt() const = 0;
    virtual std::string compiledFor() const = 0;
    // Where inputs must be.
    virtual torch::Device device() const = 0;

    // Runs the model. Throws ShapeMismatch when a package refuses the
    // inputs' shape (limits() has learnt from it by then), UserModelError
    // for anything else.
    virtual torch::Tensor forward(const std::vector<torch::Tensor>& inputs,
                                  const std::string& prompt) = 0;

    const std::string& origin() const { return origin_; }
    UserModelRole role() const { return role_; }
    // What the model is known to accept; refined by every refused call.
    ShapeLimits& limits() { return limits_; }
    const ShapeLimits& limits() const { return limits_; }

    [[noreturn]] void fail(const std::string& problem) const;
    [[noreturn]] void failSignature(const std::string& problem) const;

protected:
    UserModel(std::string origin, UserModelRole role)
        : origin_(std::move(origin))
        , role_(role) {}

    std::string origin_;
    UserModelRole role_;
    ShapeLimits limits_;
};

// The documented signature, for messages.
std::string signatureOf(UserModelRole role);

// "[4, 3, 8, 8] float": what a model returned, for messages.
std::string describeTensor(const torch::Tensor& t);
// "[4,3,64,96]": the shape of a call, for messages.
std::string shapeText(std::int64_t t, std::int64_t c, std::int64_t h, std::int64_t w);
// `t` [T,...] with its last frame repeated up to `count` frames: a package
// compiled for more frames per call than are left.
torch::Tensor padFrames(const torch::Tensor& t, std::int64_t count);

} // namespace retake::generation::detail
