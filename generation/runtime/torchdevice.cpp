#include "runtime/torchdevice.h"

#include <stdexcept>

namespace retake::generation::detail {

torch::Device parseDevice(const std::string& name) {
    if (name.empty() || name == "cpu")
        return torch::kCPU;
    if (name == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::kCPU;
    const std::string notAName =
        "device '" + name + "' is not a device name (cpu, cuda, cuda:N, auto)";
    if (name.rfind("cuda", 0) != 0)
        throw std::invalid_argument(notAName);
    if (!torch::cuda::is_available())
        throw std::invalid_argument("device '" + name +
                                    "' requested but no CUDA device is available; use 'cpu' or "
                                    "'auto'");
    torch::Device device(torch::kCPU);
    try {
        device = torch::Device(name);
    } catch (const c10::Error&) {
        throw std::invalid_argument(notAName);
    }
    if (device.has_index() && device.index() >= torch::cuda::device_count())
        throw std::invalid_argument("device '" + name + "' does not exist (" +
                                    std::to_string(torch::cuda::device_count()) + " CUDA devices)");
    return device;
}

std::string firstLine(const std::string& text) {
    const auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

} // namespace retake::generation::detail
