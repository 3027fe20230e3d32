#pragma once

// Exemplar-based spatial fill for pixels no frame ever saw: multi-scale
// PatchMatch nearest-neighbour search with weighted patch voting (Wexler et
// al. 2007, Barnes et al. 2009), plain C++ on OpenCV matrices.

#include <cstdint>
#include <functional>
#include <opencv2/core.hpp>

namespace retake::generation::detail {

struct PatchFillOptions {
    int patch = 7;      // odd side
    int iterations = 4; // search + vote rounds per pyramid level
    std::uint64_t seed = 0;
};

// Fills `image` (CV_32FC3) where hole != 0 (CV_8U) from patches elsewhere in
// the image. Deterministic for a given seed. Returns false when the image has
// no complete patch outside the hole; the hole then holds a smooth fill.
// checkCancelled is called between iterations and may throw.
bool patchFill(cv::Mat& image, const cv::Mat& hole, const PatchFillOptions& options,
               const std::function<void()>& checkCancelled);

} // namespace retake::generation::detail
