#include "imageconvert.h"

#include <algorithm>

namespace retake::gui {

namespace {

uchar to8(const Image& image, std::size_t index) {
    switch (image.type) {
    case SampleType::UInt8:
        return image.pixels[index];
    case SampleType::UInt16:
        return uchar(image.samples<std::uint16_t>()[index] >> 8);
    case SampleType::Float32:
        return uchar(std::clamp(image.samples<float>()[index], 0.0f, 1.0f) * 255.0f + 0.5f);
    }
    return 0;
}

} // namespace

QImage toQImage(const Image& image) {
    if (image.isNull() || image.channels < 1)
        return {};
    const int c = image.channels;
    if (image.type == SampleType::UInt8 && (c == 3 || c == 4)) {
        const QImage wrapped(image.pixels.data(), image.width, image.height, image.width * c,
                             c == 3 ? QImage::Format_RGB888 : QImage::Format_RGBA8888);
        return wrapped.copy();
    }
    const bool alpha = c == 2 || c == 4;
    const int outChannels = alpha ? 4 : 3;
    QImage out(image.width, image.height, alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    for (int y = 0; y < image.height; ++y) {
        uchar* line = out.scanLine(y);
        for (int x = 0; x < image.width; ++x) {
            const std::size_t base = (std::size_t(y) * image.width + x) * c;
            for (int ch = 0; ch < 3; ++ch)
                line[x * outChannels + ch] = to8(image, base + (c >= 3 ? ch : 0));
            if (alpha)
                line[x * outChannels + 3] = to8(image, base + c - 1);
        }
    }
    return out;
}

QImage maskOverlay(const QImage& mask) {
    if (mask.isNull())
        return {};
    const QImage grey = mask.convertToFormat(QImage::Format_ARGB32);
    QImage overlay(grey.size(), QImage::Format_ARGB32_Premultiplied);
    const QRgb red = qPremultiply(qRgba(255, 40, 40, 110));
    for (int y = 0; y < grey.height(); ++y) {
        const QRgb* in = reinterpret_cast<const QRgb*>(grey.constScanLine(y));
        QRgb* out = reinterpret_cast<QRgb*>(overlay.scanLine(y));
        for (int x = 0; x < grey.width(); ++x) {
            const bool set = (in[x] & 0x00ffffff) != 0 && qAlpha(in[x]) != 0;
            out[x] = set ? red : 0;
        }
    }
    return overlay;
}

} // namespace retake::gui
