// Applying a compiled grade to frames: samples of any type through OCIO's
// float path (or its exact-enough 16-bit path), in row blocks across the cores.

#include "core/error.h"
#include "core/translate.h"
#include "ocio/colourpipeline.h"
#include "ocio/ocioimpl.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

namespace retake {

bool ColourProcessor::isNoOp() const {
    return !d_ || d_->processor->isNoOp();
}

namespace {

void toFloat(const Image& image, std::size_t first, std::size_t count, float* out) {
    if (image.type == SampleType::Float32) {
        std::copy_n(image.samples<float>() + first, count, out);
    } else if (image.type == SampleType::UInt16) {
        const std::uint16_t* in = image.samples<std::uint16_t>() + first;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = in[i] * (1.0f / 65535.0f);
    } else {
        const std::uint8_t* in = image.samples<std::uint8_t>() + first;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = in[i] * (1.0f / 255.0f);
    }
}

// Clamped and rounded; NaN (a broken LUT) becomes 0 rather than undefined.
float unit(float v) {
    return v > 0.0f ? std::min(v, 1.0f) : 0.0f;
}

void fromFloat(const float* in, std::size_t count, Image& image, std::size_t first) {
    if (image.type == SampleType::Float32) {
        std::copy_n(in, count, image.samples<float>() + first);
    } else if (image.type == SampleType::UInt16) {
        std::uint16_t* out = image.samples<std::uint16_t>() + first;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::uint16_t(unit(in[i]) * 65535.0f + 0.5f);
    } else {
        std::uint8_t* out = image.samples<std::uint8_t>() + first;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::uint8_t(unit(in[i]) * 255.0f + 0.5f);
    }
}

} // namespace

namespace {

// Rows [0, height) split across the cores; run(firstRow, rows).
template <class Run> void forRowBlocks(int height, const Run& run) {
    const int threads =
        std::clamp(int(std::thread::hardware_concurrency()), 1, std::max(1, height / 64));
    if (threads == 1) {
        run(0, height);
        return;
    }
    std::vector<std::thread> workers;
    const int chunk = (height + threads - 1) / threads;
    for (int t = 1; t < threads; ++t) {
        const int first = t * chunk;
        if (first < height)
            workers.emplace_back(run, first, std::min(chunk, height - first));
    }
    run(0, std::min(chunk, height));
    for (auto& w : workers)
        w.join();
}

// The float path on packed samples of any type, block by block through a
// small per-thread buffer; `in` and `out` may be the same image.
void applyFloat(const OCIO::ConstCPUProcessorRcPtr& cpu, const Image& in, Image& out, int firstRow,
                int rows) {
    const auto ordering =
        in.channels == 4 ? OCIO::CHANNEL_ORDERING_RGBA : OCIO::CHANNEL_ORDERING_RGB;
    const std::size_t rowSamples = std::size_t(in.width) * in.channels;
    const int block = std::max(1, 16384 / int(rowSamples) + 1);
    thread_local std::vector<float> buffer;
    buffer.resize(rowSamples * std::size_t(std::min(block, rows)));
    for (int row = firstRow; row < firstRow + rows; row += block) {
        const int n = std::min(block, firstRow + rows - row);
        const std::size_t first = std::size_t(row) * rowSamples, count = n * rowSamples;
        toFloat(in, first, count, buffer.data());
        if (cpu) {
            OCIO::PackedImageDesc desc(buffer.data(), in.width, n, ordering);
            cpu->apply(desc);
        }
        fromFloat(buffer.data(), count, out, first);
    }
}

void applyPacked16(const OCIO::ConstCPUProcessorRcPtr& cpu, Image& image, int firstRow, int rows) {
    const auto ordering =
        image.channels == 4 ? OCIO::CHANNEL_ORDERING_RGBA : OCIO::CHANNEL_ORDERING_RGB;
    const std::ptrdiff_t pixel = std::ptrdiff_t(image.channels) * 2;
    OCIO::PackedImageDesc desc(image.pixels.data() + std::ptrdiff_t(firstRow) * image.width * pixel,
                               image.width, rows, ordering, OCIO::BIT_DEPTH_UINT16, 2, pixel,
                               pixel * image.width);
    cpu->apply(desc);
}

// The largest difference, in 16-bit code values, between OCIO's 16-bit
// path and the float path, over a lattice of the RGB cube (with its
// corners and values near the ends, where clamping and curves bend).
int measureUint16PathError(const OCIO::ConstCPUProcessorRcPtr& floatCpu,
                           const OCIO::ConstCPUProcessorRcPtr& uint16Cpu) {
    const std::uint16_t levels[] = {0,     1,     64,    512,   2048,  4096,  8192,  12000,
                                    16384, 20000, 24576, 28000, 32768, 36000, 40960, 45000,
                                    49152, 53000, 57344, 61000, 65024, 65471, 65534, 65535};
    constexpr int n = int(sizeof(levels) / sizeof(levels[0]));
    Image probe(n * n, n, 3, SampleType::UInt16);
    std::uint16_t* p = probe.samples<std::uint16_t>();
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r, p += 3) {
                p[0] = levels[r];
                p[1] = levels[g];
                p[2] = levels[b];
            }
    Image viaFloat(probe.width, probe.height, 3, SampleType::UInt16);
    applyFloat(floatCpu, probe, viaFloat, 0, probe.height);
    applyPacked16(uint16Cpu, probe, 0, probe.height);
    int worst = 0;
    for (std::size_t i = 0; i < probe.sampleCount(); ++i)
        worst = std::max(worst, std::abs(int(probe.samples<std::uint16_t>()[i]) -
                                         int(viaFloat.samples<std::uint16_t>()[i])));
    return worst;
}

} // namespace

int ColourProcessor::uint16PathError() const {
    if (!d_)
        return 0;
    std::call_once(d_->uint16Once, [impl = d_.get()] {
        try {
            auto cpu = impl->processor->getOptimizedCPUProcessor(
                OCIO::BIT_DEPTH_UINT16, OCIO::BIT_DEPTH_UINT16, OCIO::OPTIMIZATION_DEFAULT);
            impl->uint16Error = measureUint16PathError(impl->cpu, cpu);
            if (impl->uint16Error <= kMaxUInt16Error)
                impl->uint16Cpu = cpu;
        } catch (const OCIO::Exception&) {
            impl->uint16Error = 65535; // no such path: the float one serves
        }
    });
    return d_->uint16Error;
}

Image ColourProcessor::apply(Image&& image, SampleType outType) const {
    if (outType != image.type || image.isNull() || (image.channels != 3 && image.channels != 4))
        return apply(static_cast<const Image&>(image), outType);
    if (!d_ || d_->processor->isNoOp())
        return std::move(image);
    if (image.type == SampleType::UInt16)
        uint16PathError(); // decides, once, whether the 16-bit path is exact enough
    const bool packed16 = image.type == SampleType::UInt16 && d_->uint16Cpu != nullptr;
    forRowBlocks(image.height, [&](int firstRow, int rows) {
        if (packed16)
            applyPacked16(d_->uint16Cpu, image, firstRow, rows);
        else
            applyFloat(d_->cpu, image, image, firstRow, rows);
    });
    return std::move(image);
}

Image ColourProcessor::apply(const Image& image, SampleType outType) const {
    Image out(image.width, image.height, image.channels, outType);
    out.depth = image.depth;
    out.colour = image.colour;
    out.alphaPremultiplied = image.alphaPremultiplied;
    if (image.isNull())
        return out;
    if (image.channels != 3 && image.channels != 4)
        throw Error(
            ErrorKind::Internal,
            tr("Colour transforms need RGB or RGBA images, not %1 channels.").arg(image.channels));
    const OCIO::ConstCPUProcessorRcPtr cpu = d_ ? d_->cpu : nullptr;
    forRowBlocks(image.height,
                 [&](int firstRow, int rows) { applyFloat(cpu, image, out, firstRow, rows); });
    return out;
}

} // namespace retake
