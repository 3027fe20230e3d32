#include "common/imageconvert.h"

#include <QPainter>
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

namespace {

// Each 2x2 block of a 32-bit picture averaged into one pixel (rounded), two
// channels at a time in 16-bit lanes: the sums of four 8-bit values fit.
QImage halved(const QImage& in) {
    QImage out(in.width() / 2, in.height() / 2, in.format());
    for (int y = 0; y < out.height(); ++y) {
        const auto* top = reinterpret_cast<const quint32*>(in.constScanLine(2 * y));
        const auto* bottom = reinterpret_cast<const quint32*>(in.constScanLine(2 * y + 1));
        auto* line = reinterpret_cast<quint32*>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const quint32 a = top[2 * x], b = top[2 * x + 1], c = bottom[2 * x],
                          d = bottom[2 * x + 1];
            const quint32 evens = (a & 0x00ff00ffu) + (b & 0x00ff00ffu) + (c & 0x00ff00ffu) +
                                  (d & 0x00ff00ffu) + 0x00020002u;
            const quint32 odds = ((a >> 8) & 0x00ff00ffu) + ((b >> 8) & 0x00ff00ffu) +
                                 ((c >> 8) & 0x00ff00ffu) + ((d >> 8) & 0x00ff00ffu) + 0x00020002u;
            line[x] = ((evens >> 2) & 0x00ff00ffu) | (((odds >> 2) & 0x00ff00ffu) << 8);
        }
    }
    return out;
}

} // namespace

QImage toDisplayImage(const Image& image, QSize target) {
    if (image.isNull() || image.type != SampleType::UInt8 ||
        (image.channels != 3 && image.channels != 4))
        return {};
    const bool padded = image.channels == 4 && image.alphaIsPadding;
    const bool alpha = image.channels == 4 && !padded;
    const QImage::Format stored = padded  ? QImage::Format_RGBX8888
                                  : alpha ? QImage::Format_RGBA8888
                                          : QImage::Format_RGB888;
    const QImage wrapped(image.pixels.data(), image.width, image.height,
                         image.width * image.channels, stored);
    // 32 bits a pixel, as the LUT and the painter want them.
    const QImage::Format format = image.channels == 4 ? stored : QImage::Format_RGB32;
    // A deep copy either way: `wrapped` borrows the Image's rows.
    QImage picture = image.channels == 4 ? wrapped.copy() : wrapped.convertToFormat(format);
    if (target.isEmpty() || (image.width <= target.width() && image.height <= target.height()))
        return picture;
    // Scaled as a GPU viewer samples a mipmapped texture: box-filtered
    // halvings while the picture is twice the size or more, then bilinear
    // to the size. QImage::scaled's smooth (area-averaging) scaler takes
    // five times as long on a 1080p frame (gui_bench prints both).
    const QSize size = picture.size().scaled(target, Qt::KeepAspectRatio);
    while (picture.width() >= 2 * size.width() && picture.height() >= 2 * size.height())
        picture = halved(picture);
    if (picture.size() == size)
        return picture;
    QImage out(size, format);
    out.fill(Qt::transparent);
    QPainter painter(&out);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRect(QPoint(), size), picture);
    painter.end();
    return out;
}

Image toImage(const QImage& picture) {
    const bool alpha = picture.hasAlphaChannel();
    const QImage packed =
        picture.convertToFormat(alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    Image image(packed.width(), packed.height(), alpha ? 4 : 3, SampleType::UInt8);
    const std::size_t row = std::size_t(image.width) * image.channels;
    for (int y = 0; y < image.height; ++y)
        std::copy_n(packed.constScanLine(y), row, image.pixels.data() + y * row);
    return image;
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
