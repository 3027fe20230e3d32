// Small helpers of media.h that need no external library.
#include "media/media.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace retake {

int bytesPerSample(SampleType type) {
    switch (type) {
    case SampleType::UInt8:
        return 1;
    case SampleType::UInt16:
        return 2;
    case SampleType::Float32:
        return 4;
    }
    return 1;
}

QString toString(MediaKind kind) {
    switch (kind) {
    case MediaKind::Video:
        return QStringLiteral("video");
    case MediaKind::ImageSequence:
        return QStringLiteral("sequence");
    case MediaKind::Still:
        return QStringLiteral("still");
    case MediaKind::Gap:
        return QStringLiteral("gap");
    }
    return QString();
}

float Image::sampleAsFloat(int x, int y, int c) const {
    const std::size_t i = (std::size_t(y) * width + x) * channels + c;
    switch (type) {
    case SampleType::UInt8:
        return pixels[i] / 255.0f;
    case SampleType::UInt16:
        return samples<std::uint16_t>()[i] / 65535.0f;
    case SampleType::Float32:
        return samples<float>()[i];
    }
    return 0.0f;
}

namespace {

template <class T> void changeAssociation(Image& image, bool premultiply, float maximum) {
    T* p = image.samples<T>();
    for (std::size_t i = 0, n = std::size_t(image.width) * image.height; i < n; ++i, p += 4) {
        const float alpha = float(p[3]) / maximum;
        if (!premultiply && alpha <= 0.0f)
            continue;
        for (int c = 0; c < 3; ++c) {
            const float v = premultiply ? float(p[c]) * alpha : float(p[c]) / alpha;
            if constexpr (std::is_floating_point_v<T>)
                p[c] = T(v);
            else
                p[c] = T(std::lround(std::clamp(v, 0.0f, maximum)));
        }
    }
}

} // namespace

void convertAlphaAssociation(Image& image, bool premultiplied) {
    if (image.channels != 4 || image.alphaIsPadding || image.alphaPremultiplied == premultiplied)
        return;
    switch (image.type) {
    case SampleType::UInt8:
        changeAssociation<std::uint8_t>(image, premultiplied, 255.0f);
        break;
    case SampleType::UInt16:
        changeAssociation<std::uint16_t>(image, premultiplied, 65535.0f);
        break;
    case SampleType::Float32:
        changeAssociation<float>(image, premultiplied, 1.0f);
        break;
    }
    image.alphaPremultiplied = premultiplied;
}

} // namespace retake
