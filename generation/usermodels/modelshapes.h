#pragma once

// The shapes a user's model accepts, as far as they are known, and the
// fitting of Retake's calls to them.
//
// An AOTInductor package is compiled for fixed or bounded sizes and does
// not list them; with AOTI_RUNTIME_CHECK_INPUTS set (usermodel.cpp sets it
// before the first package loads) its generated code refuses a call that
// does not fit, before computing anything, saying which dimension and what
// it expected. Without that check a wrong shape is undefined behaviour in
// the compiled code. Each refusal narrows the limits; calls are then planned
// inside them (frames per call, tile sizes). TorchScript takes any size.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace retake::generation::detail {

// [min, max] of one dimension; max == 0: no bound known.
struct DimLimit {
    std::int64_t min = 1;
    std::int64_t max = 0;

    bool accepts(std::int64_t v) const { return v >= min && (max == 0 || v <= max); }
    bool fixed() const { return max != 0 && max == min; }
    // The largest accepted size not above `want`, or 0 when none is (want < min).
    std::int64_t largestUpTo(std::int64_t want) const;
    std::string describe() const; // "64", "16 to 512", "2 or more"
};

// A package refused a call's shape: input `input`, dimension `dim`.
class ShapeMismatch : public std::runtime_error {
public:
    enum class Rule { Exactly, AtLeast, AtMost };
    ShapeMismatch(const std::string& message, int input, int dim, Rule rule, std::int64_t value)
        : std::runtime_error(message)
        , input(input)
        , dim(dim)
        , rule(rule)
        , value(value) {}
    int input;
    int dim;
    Rule rule;
    std::int64_t value;
};

// Reads a package's refusal ("input_handles[0]: unmatched dim value at 2,
// expected: 64, but got: 32", "... dim value is too small at 0, expected it
// to be >= 2 ...", "... too large at 3, expected to be <= 512 ..."). Other
// messages (dtype, device, anything the model itself throws): nullopt.
std::optional<ShapeMismatch> parseShapeRefusal(const std::string& message);

// What is known of the [T,C,H,W] inputs: frames per call, height, width
// (the channels are the contract's and are checked, not fitted).
struct ShapeLimits {
    DimLimit frames;
    DimLimit height;
    DimLimit width;

    // Narrows the limits by a refusal; false when it teaches nothing new
    // (the call would be refused again) or concerns the channels.
    bool learn(const ShapeMismatch& refusal);
    DimLimit& operator[](int dim); // 0 = T, 2 = H, 3 = W
    std::string describe() const;  // "frames per call 4, height 64, width 16 to 512"
    bool operator==(const ShapeLimits& o) const;
};

// The px per call along a picture axis of `size` px when `wanted` px are
// asked for (0 = all): inside the limit, at least its minimum; 0 when the
// picture is smaller than the minimum (tiles cannot make it bigger).
std::int64_t fitTileSize(const DimLimit& limit, std::int64_t size, std::int64_t wanted);
// Frames per call for `count` frames when `wanted` are asked for (0 = all):
// fewer than the minimum are padded up to it by the caller.
std::int64_t fitCallFrames(const DimLimit& limit, std::int64_t count, std::int64_t wanted);
// The size a whole picture axis is resized to (depth models): the nearest
// accepted size.
std::int64_t nearestAccepted(const DimLimit& limit, std::int64_t size);

} // namespace retake::generation::detail
