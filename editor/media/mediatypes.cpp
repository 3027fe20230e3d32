// Small helpers of media.h that need no external library.
#include "media/media.h"

#include <cstring>

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

} // namespace retake
