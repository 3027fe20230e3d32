#include "retake/generation/runtime.h"

#include <thread>
#include <torch/torch.h>

namespace retake::generation {

void configureThreads(int threads) {
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
}

int threadCount() {
    return torch::get_num_threads();
}

bool cudaAvailable() {
    return torch::cuda::is_available();
}

std::string describeDevices() {
    std::string text = "cpu (" + std::to_string(threadCount()) + " threads)";
    if (cudaAvailable())
        text += ", cuda (" + std::to_string(torch::cuda::device_count()) + " devices)";
    else
        text += ", no CUDA device";
    return text;
}

std::string torchVersion() {
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
}

} // namespace retake::generation
