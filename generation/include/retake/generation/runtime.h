#pragma once

// Process-wide libtorch set-up. Public headers of generation/ include no
// torch header: callers outside this folder see plain C++ only.

#include <string>

namespace retake::generation {

// Sets libtorch's intra-op thread count (0 = one per hardware thread). Call
// once at start-up: some libtorch builds default to a single thread.
void configureThreads(int threads = 0);
int threadCount();

bool cudaAvailable();
// "cpu (2 threads)" or "cuda:0 NVIDIA ... (2 threads on the CPU side)".
std::string describeDevices();
std::string torchVersion();

} // namespace retake::generation
