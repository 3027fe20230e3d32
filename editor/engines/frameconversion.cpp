#include "engines/frameconversion.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace retake {

namespace {

float srgbEncode(float linear) {
    const float v = std::clamp(linear, 0.0f, 1.0f);
    return v <= 0.0031308f ? 12.92f * v : 1.055f * std::pow(v, 1.0f / 2.4f) - 0.055f;
}

} // namespace

void toPlanarRgb(const Image& image, float* out) {
    const std::size_t pixels = std::size_t(image.width) * image.height;
    // Grey (+ alpha) has one colour channel; RGB(A) has three.
    const int colourChannels = image.channels >= 3 ? 3 : 1;
    for (std::size_t i = 0; i < pixels; ++i)
        for (int c = 0; c < 3; ++c) {
            const std::size_t s = i * image.channels + std::min(c, colourChannels - 1);
            float v = 0;
            switch (image.type) {
            case SampleType::UInt8:
                v = image.pixels[s] / 255.0f;
                break;
            case SampleType::UInt16:
                v = image.samples<std::uint16_t>()[s] / 65535.0f;
                break;
            case SampleType::Float32:
                v = image.samples<float>()[s];
                break;
            }
            out[pixels * c + i] = v;
        }
}

void toPlanarRgb(const Image& image, generation::FrameStack& stack, int t) {
    toPlanarRgb(image, stack.frame(t));
}

Image fromPlanarRgb(const float* in, int width, int height, SampleType type,
                    const ColourTags& colour) {
    Image image(width, height, 3, type);
    image.colour = colour;
    const std::size_t plane = std::size_t(width) * height;
    for (std::size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c) {
            const float v = in[plane * c + i];
            const std::size_t d = i * 3 + c;
            switch (type) {
            case SampleType::UInt8:
                image.pixels[d] = std::uint8_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
                break;
            case SampleType::UInt16:
                image.samples<std::uint16_t>()[d] =
                    std::uint16_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 65535.0f));
                break;
            case SampleType::Float32:
                image.samples<float>()[d] = v;
                break;
            }
        }
    return image;
}

void toPlanarMask(const Image& mask, float* out) {
    const std::size_t pixels = std::size_t(mask.width) * mask.height;
    for (std::size_t i = 0; i < pixels; ++i) {
        bool on = false;
        for (int c = 0; c < mask.channels && !on; ++c)
            on = mask.sampleAsFloat(int(i % mask.width), int(i / mask.width), c) > 0.0f;
        out[i] = on ? 1.0f : 0.0f;
    }
}

Image fromBlockingRender(const generation::BlockingImage& render, bool linearFloat) {
    const std::size_t n = std::size_t(render.width) * render.height * 3;
    if (linearFloat) {
        Image image(render.width, render.height, 3, SampleType::Float32);
        std::copy(render.rgb.begin(), render.rgb.begin() + std::ptrdiff_t(n),
                  image.samples<float>());
        image.depth = render.depth;
        image.colour.primaries = QStringLiteral("bt709");
        image.colour.transfer = QStringLiteral("linear");
        return image;
    }
    Image image(render.width, render.height, 3, SampleType::UInt8);
    std::uint8_t* out = image.samples<std::uint8_t>();
    for (std::size_t i = 0; i < n; ++i)
        out[i] = std::uint8_t(std::lround(srgbEncode(render.rgb[i]) * 255.0f));
    image.colour.primaries = QStringLiteral("bt709");
    image.colour.transfer = QStringLiteral("iec61966-2-1");
    return image;
}

} // namespace retake
