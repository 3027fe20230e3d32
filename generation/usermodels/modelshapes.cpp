#include "usermodels/modelshapes.h"

#include <algorithm>
#include <regex>

namespace retake::generation::detail {

std::int64_t DimLimit::largestUpTo(std::int64_t want) const {
    const std::int64_t top = max == 0 ? want : std::min(want, max);
    return top >= min ? top : 0;
}

std::string DimLimit::describe() const {
    if (fixed())
        return std::to_string(min);
    if (max == 0)
        return std::to_string(min) + " or more";
    return std::to_string(min) + " to " + std::to_string(max);
}

std::optional<ShapeMismatch> parseShapeRefusal(const std::string& message) {
    // The wording of the checks AOTInductor generates into each package
    // (torch/_inductor/codegen/cpp_wrapper_cpu.py, codegen_input_size_asserts).
    static const std::regex exactly(
        R"(input_handles\[(\d+)\]: unmatched dim value at (\d+), expected: (\d+))");
    static const std::regex atLeast(
        R"(input_handles\[(\d+)\]: dim value is too small at (\d+), expected it to be >= (\d+))");
    static const std::regex atMost(
        R"(input_handles\[(\d+)\]: dim value is too large at (\d+), expected to be <= (\d+))");
    std::smatch m;
    auto make = [&](ShapeMismatch::Rule rule) {
        return ShapeMismatch(message, std::stoi(m[1]), std::stoi(m[2]), rule, std::stoll(m[3]));
    };
    if (std::regex_search(message, m, exactly))
        return make(ShapeMismatch::Rule::Exactly);
    if (std::regex_search(message, m, atLeast))
        return make(ShapeMismatch::Rule::AtLeast);
    if (std::regex_search(message, m, atMost))
        return make(ShapeMismatch::Rule::AtMost);
    return std::nullopt;
}

DimLimit& ShapeLimits::operator[](int dim) {
    return dim == 0 ? frames : dim == 2 ? height : width;
}

bool ShapeLimits::learn(const ShapeMismatch& refusal) {
    if (refusal.dim != 0 && refusal.dim != 2 && refusal.dim != 3)
        return false;
    DimLimit& limit = (*this)[refusal.dim];
    const DimLimit before = limit;
    switch (refusal.rule) {
    case ShapeMismatch::Rule::Exactly:
        limit.min = limit.max = refusal.value;
        break;
    case ShapeMismatch::Rule::AtLeast:
        limit.min = std::max(limit.min, refusal.value);
        break;
    case ShapeMismatch::Rule::AtMost:
        limit.max = limit.max == 0 ? refusal.value : std::min(limit.max, refusal.value);
        break;
    }
    return limit.min != before.min || limit.max != before.max;
}

bool ShapeLimits::operator==(const ShapeLimits& o) const {
    auto same = [](const DimLimit& a, const DimLimit& b) {
        return a.min == b.min && a.max == b.max;
    };
    return same(frames, o.frames) && same(height, o.height) && same(width, o.width);
}

std::int64_t fitTileSize(const DimLimit& limit, std::int64_t size, std::int64_t wanted) {
    std::int64_t want = wanted > 0 ? std::min(wanted, size) : size;
    want = std::max(want, limit.min);
    return want > size ? 0 : limit.largestUpTo(want);
}

std::int64_t fitCallFrames(const DimLimit& limit, std::int64_t count, std::int64_t wanted) {
    const std::int64_t want = wanted > 0 ? std::min(wanted, count) : count;
    return limit.largestUpTo(std::max(want, limit.min));
}

std::int64_t nearestAccepted(const DimLimit& limit, std::int64_t size) {
    return std::max(limit.min, limit.max == 0 ? size : std::min(size, limit.max));
}

std::string ShapeLimits::describe() const {
    return "frames per call " + frames.describe() + ", height " + height.describe() + ", width " +
           width.describe();
}

} // namespace retake::generation::detail
