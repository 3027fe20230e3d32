#pragma once

// Device names and libtorch messages, for everything in generation/ that
// runs torch code (engines, users' models, depth).

#include <string>
#include <torch/torch.h>

namespace retake::generation::detail {

// "cpu", "cuda", "cuda:N" or "auto". Throws std::invalid_argument saying
// why a name cannot be used here (no CUDA, no such device, not a name).
torch::Device parseDevice(const std::string& name);

// The first line of a libtorch error: the rest is a C++/TorchScript
// backtrace nobody asked for.
std::string firstLine(const std::string& text);

} // namespace retake::generation::detail
