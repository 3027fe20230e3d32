#pragma once

// The generation library (generation/, libtorch) loaded when something first
// generates: regeneration, reframe, blocking renders, depth models, the device
// report. Listing engines and checking their parameters needs no loading
// (retake/generation/inpaint.h's catalogue is linked in). Commands and a GUI
// launch that never generate never map libtorch.

#include "retake/generation/backend.h"

namespace retake {

// Loads the library on first use (thread-safe) and returns it. Throws
// Error(Internal) naming the files tried when it cannot be loaded.
generation::Backend& generationBackend();

// libtorch's thread count (0 = one per hardware thread), applied when the
// library loads, or at once when it is loaded already.
void setGenerationThreads(int threads);

// Whether the library is mapped (tests and benchmarks of start-up).
bool generationLoaded();

} // namespace retake
