#include "viewer/displaylut.h"

#include <algorithm>
#include <cmath>

namespace retake::gui {

QVector<int> DisplayLut::defaultNodes() {
    // Every code up to 16 (display transforms are steepest near black: a
    // power curve's slope is unbounded at 0), every 2nd to 64, every 4th to
    // 252, and 255. Interpolation is exact on the nodes.
    QVector<int> nodes;
    for (int code = 0; code < 16; ++code)
        nodes << code;
    for (int code = 16; code < 64; code += 2)
        nodes << code;
    for (int code = 64; code <= 252; code += 4)
        nodes << code;
    nodes << 255;
    return nodes;
}

DisplayLut DisplayLut::bake(const ColourProcessor& processor, int size) {
    QVector<int> nodes;
    for (int i = 0; i < size; ++i)
        nodes << int(std::lround(i * 255.0 / std::max(1, size - 1)));
    return bake(processor, nodes);
}

DisplayLut DisplayLut::bake(const ColourProcessor& processor, const QVector<int>& nodes) {
    DisplayLut lut;
    const int size = int(nodes.size());
    if (processor.isNoOp() || size < 2 || nodes.front() != 0 || nodes.back() != 255 ||
        !std::is_sorted(nodes.begin(), nodes.end()) ||
        std::adjacent_find(nodes.begin(), nodes.end()) != nodes.end())
        return lut;
    Image lattice(size * size, size, 3, SampleType::Float32);
    float* in = lattice.samples<float>();
    for (int b = 0; b < size; ++b)
        for (int g = 0; g < size; ++g)
            for (int r = 0; r < size; ++r) {
                *in++ = nodes[r] / 255.0f;
                *in++ = nodes[g] / 255.0f;
                *in++ = nodes[b] / 255.0f;
            }
    const Image out = processor.apply(lattice, SampleType::Float32);
    const float* mapped = out.samples<float>();
    const float* original = lattice.samples<float>();
    bool identity = true;
    lut.table_.resize(lattice.sampleCount());
    for (std::size_t i = 0; i < lut.table_.size(); ++i) {
        // Clamped as the 8-bit output of the processor is; NaN becomes 0.
        const float v = mapped[i] > 0.0f ? std::min(mapped[i], 1.0f) : 0.0f;
        identity = identity && std::abs(v - original[i]) < 1e-5f;
        lut.table_[i] = v * 255.0f;
    }
    if (identity)
        return DisplayLut();
    lut.size_ = size;
    int cell = 0;
    for (int code = 0; code < 256; ++code) {
        while (cell < size - 2 && code >= nodes[cell + 1])
            ++cell;
        lut.cell_[code] = cell;
        lut.fraction_[code] = float(code - nodes[cell]) / float(nodes[cell + 1] - nodes[cell]);
    }
    return lut;
}

std::optional<DisplayLut> DisplayLut::bakeIfExact(const ColourProcessor& processor) {
    DisplayLut lut = bake(processor);
    if (!lut.isIdentity() && lut.maxErrorAgainst(processor, 7) > kToleranceCodes)
        return std::nullopt;
    return lut;
}

namespace {

std::uint8_t toCode(float v) {
    return std::uint8_t(std::clamp(v + 0.5f, 0.0f, 255.0f));
}

} // namespace

void DisplayLut::mapRow(std::uint8_t* pixels, int count, int stride, int r, int g, int b) const {
    const int dr = 3, dg = 3 * size_, db = 3 * size_ * size_;
    const float* table = table_.data();
    for (int x = 0; x < count; ++x, pixels += stride) {
        const int ir = pixels[r], ig = pixels[g], ib = pixels[b];
        const float fr = fraction_[ir], fg = fraction_[ig], fb = fraction_[ib];
        const float* c000 = table + cell_[ir] * dr + cell_[ig] * dg + cell_[ib] * db;
        const float* c111 = c000 + dr + dg + db;
        // Tetrahedral interpolation: the cube is split along its diagonal
        // into six tetrahedra; the ordering of the fractions picks one.
        const float* c1;
        const float* c2;
        float w0, w1, w2, w3;
        if (fr > fg) {
            if (fg > fb) {
                c1 = c000 + dr, c2 = c000 + dr + dg;
                w0 = 1 - fr, w1 = fr - fg, w2 = fg - fb, w3 = fb;
            } else if (fr > fb) {
                c1 = c000 + dr, c2 = c000 + dr + db;
                w0 = 1 - fr, w1 = fr - fb, w2 = fb - fg, w3 = fg;
            } else {
                c1 = c000 + db, c2 = c000 + dr + db;
                w0 = 1 - fb, w1 = fb - fr, w2 = fr - fg, w3 = fg;
            }
        } else {
            if (fb > fg) {
                c1 = c000 + db, c2 = c000 + dg + db;
                w0 = 1 - fb, w1 = fb - fg, w2 = fg - fr, w3 = fr;
            } else if (fb > fr) {
                c1 = c000 + dg, c2 = c000 + dg + db;
                w0 = 1 - fg, w1 = fg - fb, w2 = fb - fr, w3 = fr;
            } else {
                c1 = c000 + dg, c2 = c000 + dr + dg;
                w0 = 1 - fg, w1 = fg - fr, w2 = fr - fb, w3 = fb;
            }
        }
        pixels[r] = toCode(w0 * c000[0] + w1 * c1[0] + w2 * c2[0] + w3 * c111[0]);
        pixels[g] = toCode(w0 * c000[1] + w1 * c1[1] + w2 * c2[1] + w3 * c111[1]);
        pixels[b] = toCode(w0 * c000[2] + w1 * c1[2] + w2 * c2[2] + w3 * c111[2]);
    }
}

std::array<std::uint8_t, 3> DisplayLut::map(std::uint8_t r, std::uint8_t g, std::uint8_t b) const {
    std::array<std::uint8_t, 3> rgb{r, g, b};
    if (!isIdentity())
        mapRow(rgb.data(), 1, 3, 0, 1, 2);
    return rgb;
}

bool DisplayLut::applyInPlace(QImage& picture) const {
    int r = 0, g = 1, b = 2;
    switch (picture.format()) {
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
        // 0xAARRGGBB in native byte order.
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
        r = 2, g = 1, b = 0;
#else
        r = 1, g = 2, b = 3;
#endif
        break;
    case QImage::Format_RGBX8888:
    case QImage::Format_RGBA8888:
        break;
    default:
        return false;
    }
    if (isIdentity())
        return true;
    for (int y = 0; y < picture.height(); ++y)
        mapRow(picture.scanLine(y), picture.width(), 4, r, g, b);
    return true;
}

bool DisplayLut::applyInPlace(Image& image) const {
    if (image.type != SampleType::UInt8 || (image.channels != 3 && image.channels != 4))
        return false;
    if (!isIdentity())
        mapRow(image.pixels.data(), image.width * image.height, image.channels, 0, 1, 2);
    return true;
}

int DisplayLut::maxErrorAgainst(const ColourProcessor& processor, int step) const {
    step = std::max(1, step);
    std::vector<int> codes;
    for (int v = 0; v < 255; v += step)
        codes.push_back(v);
    codes.push_back(255);
    const int n = int(codes.size());
    Image grid(n * n, n, 3, SampleType::UInt8);
    std::uint8_t* p = grid.pixels.data();
    for (int b : codes)
        for (int g : codes)
            for (int r : codes) {
                *p++ = std::uint8_t(r);
                *p++ = std::uint8_t(g);
                *p++ = std::uint8_t(b);
            }
    const Image reference = processor.apply(grid, SampleType::UInt8);
    Image ours = grid;
    applyInPlace(ours);
    int worst = 0;
    for (std::size_t i = 0; i < ours.pixels.size(); ++i)
        worst = std::max(worst, std::abs(int(ours.pixels[i]) - int(reference.pixels[i])));
    return worst;
}

} // namespace retake::gui
