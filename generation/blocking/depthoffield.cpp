#include "blocking/depthoffield.h"

namespace retake::generation::detail {

using torch::Tensor;

namespace {

// Mean over a (2r + 1)-wide window along `dim` of [C,H,W], edges repeated:
// a running sum, so the cost does not depend on r.
Tensor boxBlur(const Tensor& image, int r, int dim) {
    const std::int64_t n = image.size(dim);
    const Tensor first = image.narrow(dim, 0, 1), last = image.narrow(dim, n - 1, 1);
    std::vector<Tensor> parts{torch::zeros_like(first)};
    for (int i = 0; i < r; ++i)
        parts.push_back(first);
    parts.push_back(image);
    for (int i = 0; i < r; ++i)
        parts.push_back(last);
    const Tensor sums = torch::cat(parts, dim).cumsum(dim);
    return (sums.narrow(dim, 2 * r + 1, n) - sums.narrow(dim, 0, n)).div_(2 * r + 1);
}

} // namespace

Tensor depthOfField(const Tensor& colour, const Tensor& depth, double focus, double scale) {
    // Blur radius in px, then a position on the ladder of radii 0, 1, 2, 4,
    // ..., 32 (log2 above 1); each pixel blends the two rungs around it.
    const Tensor radius = (1 - focus / depth).abs_().mul_(scale * 0.5).clamp_(0, 32);
    const Tensor rung = torch::where(radius < 1, radius, radius.clamp_min(1).log2_().add_(1));
    Tensor out = torch::zeros_like(colour);
    for (int k = 0; k <= 6; ++k) {
        const Tensor w = (1 - (rung - k).abs()).clamp_min_(0);
        if (!(w > 0).any().item<bool>())
            continue;
        const int r = k == 0 ? 0 : 1 << (k - 1);
        const Tensor level = r == 0 ? colour : boxBlur(boxBlur(colour, r, 2), r, 1);
        out.addcmul_(level, w);
    }
    return out;
}

} // namespace retake::generation::detail
