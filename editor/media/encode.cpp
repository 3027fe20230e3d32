#include "media/encode.h"

#include "core/error.h"

#include <array>
#include <utility>

namespace retake {

namespace {
const std::array<std::pair<VideoCodec, const char*>, 6> kCodecNames = {{
    {VideoCodec::ProRes422HQ, "prores-422hq"},
    {VideoCodec::ProRes4444, "prores-4444"},
    {VideoCodec::H264, "h264"},
    {VideoCodec::H265, "h265"},
    {VideoCodec::DNxHRHQ, "dnxhr-hq"},
    {VideoCodec::DNxHRHQX, "dnxhr-hqx"},
}};
} // namespace

QString toString(VideoCodec codec) {
    for (const auto& [value, name] : kCodecNames)
        if (value == codec)
            return QString::fromLatin1(name);
    return QString();
}

bool videoCodecFromString(const QString& name, VideoCodec* codec) {
    const QString wanted = name.trimmed().toLower();
    for (const auto& [value, text] : kCodecNames)
        if (wanted == QLatin1String(text)) {
            if (codec)
                *codec = value;
            return true;
        }
    return false;
}

} // namespace retake
