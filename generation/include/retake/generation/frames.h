#pragma once

// Plain frame arrays exchanged with the regeneration engines. No torch, no
// OpenCV, no Qt: the editor fills these from its decoded frames.

#include <cstddef>
#include <vector>

namespace retake::generation {

// count x channels x height x width floats, row-major ([T,C,H,W]), the layout
// torch uses, so the engines wrap the data without copying. Colour frames are
// RGB in [0,1]; masks have one channel (values > 0.5 mean "regenerate").
struct FrameStack {
    int count = 0;
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<float> data;

    FrameStack() = default;
    FrameStack(int count, int channels, int height, int width, float fill = 0.0f)
        : count(count)
        , channels(channels)
        , height(height)
        , width(width)
        , data(std::size_t(count) * channels * height * width, fill) {}

    bool empty() const { return count == 0; }
    std::size_t planeSize() const { return std::size_t(height) * width; }
    std::size_t frameSize() const { return planeSize() * channels; }
    float* frame(int t) { return data.data() + frameSize() * t; }
    const float* frame(int t) const { return data.data() + frameSize() * t; }
    float& at(int t, int c, int y, int x) {
        return data[frameSize() * t + planeSize() * c + std::size_t(y) * width + x];
    }
    float at(int t, int c, int y, int x) const {
        return data[frameSize() * t + planeSize() * c + std::size_t(y) * width + x];
    }
    bool sameShape(const FrameStack& other) const {
        return count == other.count && channels == other.channels && height == other.height &&
               width == other.width;
    }
};

} // namespace retake::generation
