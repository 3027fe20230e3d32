#include "mediatestutil.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <cmath>
#include <cstdlib>

namespace retake::test {

bool haveTool(const QString& name) {
    return !QStandardPaths::findExecutable(name).isEmpty();
}

bool ffmpeg(const QStringList& args, QString* error) {
    const QStringList full = QStringList{QStringLiteral("-y"), QStringLiteral("-hide_banner"),
                                         QStringLiteral("-loglevel"), QStringLiteral("error")} +
                             args;
    const Run r = run(QStringLiteral("ffmpeg"), full);
    if (!r.ok() && error)
        *error = r.describe(QStringLiteral("ffmpeg"), full);
    return r.ok();
}

QByteArray ffmpegFrames(const QString& path, const QString& pixelFormat, QString* error) {
    const QStringList args = {QStringLiteral("-hide_banner"),
                              QStringLiteral("-loglevel"),
                              QStringLiteral("error"),
                              QStringLiteral("-i"),
                              path,
                              QStringLiteral("-map"),
                              QStringLiteral("0:v:0"),
                              QStringLiteral("-fps_mode"),
                              QStringLiteral("passthrough"),
                              QStringLiteral("-f"),
                              QStringLiteral("rawvideo"),
                              QStringLiteral("-pix_fmt"),
                              pixelFormat,
                              QStringLiteral("-")};
    const Run r = run(QStringLiteral("ffmpeg"), args);
    if (!r.ok()) {
        if (error)
            *error = r.describe(QStringLiteral("ffmpeg"), args);
        return {};
    }
    return r.rawOut;
}

QJsonObject ffprobe(const QString& path, const QStringList& extra, QString* error) {
    const QStringList args = QStringList{QStringLiteral("-v"),
                                         QStringLiteral("error"),
                                         QStringLiteral("-of"),
                                         QStringLiteral("json"),
                                         QStringLiteral("-show_streams"),
                                         QStringLiteral("-show_format")} +
                             extra + QStringList{path};
    const Run r = run(QStringLiteral("ffprobe"), args);
    if (!r.ok()) {
        if (error)
            *error = r.describe(QStringLiteral("ffprobe"), args);
        return {};
    }
    return QJsonDocument::fromJson(r.rawOut).object();
}

QJsonObject probeStream(const QJsonObject& probe, const QString& type) {
    for (const auto& value : probe.value(QStringLiteral("streams")).toArray()) {
        const QJsonObject stream = value.toObject();
        if (stream.value(QStringLiteral("codec_type")).toString() == type)
            return stream;
    }
    return {};
}

double meanAbsDiff(const Image& image, const char* raw) {
    double sum = 0;
    const std::size_t n = image.sampleCount();
    if (image.type == SampleType::UInt8) {
        const auto* a = image.samples<std::uint8_t>();
        const auto* b = reinterpret_cast<const std::uint8_t*>(raw);
        for (std::size_t i = 0; i < n; ++i)
            sum += std::abs(int(a[i]) - int(b[i]));
    } else if (image.type == SampleType::UInt16) {
        const auto* a = image.samples<std::uint16_t>();
        const auto* b = reinterpret_cast<const std::uint16_t*>(raw);
        for (std::size_t i = 0; i < n; ++i)
            sum += std::abs(int(a[i]) - int(b[i])) / 257.0;
    } else {
        const auto* a = image.samples<float>();
        const auto* b = reinterpret_cast<const float*>(raw);
        for (std::size_t i = 0; i < n; ++i)
            sum += std::abs(a[i] - b[i]) * 255.0;
    }
    return n ? sum / double(n) : 0.0;
}

double meanAbsDiff(const Image& a, const Image& b) {
    if (a.width != b.width || a.height != b.height || a.channels != b.channels)
        return 1e9;
    double sum = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            for (int c = 0; c < a.channels; ++c)
                sum += std::abs(a.sampleAsFloat(x, y, c) - b.sampleAsFloat(x, y, c));
    return sum * 255.0 / double(a.sampleCount());
}

Image patternImage(int width, int height, int channels, SampleType type, int t) {
    Image image(width, height, channels, type);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c) {
                float v;
                if (c == 3) {
                    v = float(x) / float(std::max(1, width - 1)); // alpha ramps left to right
                } else {
                    const double phase = (x + 3.0 * t) * (0.02 + 0.01 * c) + y * 0.015 * (c + 1);
                    v = float(0.5 + 0.4 * std::sin(phase + t * 0.1));
                }
                const std::size_t i = (std::size_t(y) * width + x) * channels + c;
                switch (type) {
                case SampleType::UInt8:
                    image.samples<std::uint8_t>()[i] = std::uint8_t(std::lround(v * 255));
                    break;
                case SampleType::UInt16:
                    image.samples<std::uint16_t>()[i] = std::uint16_t(std::lround(v * 65535));
                    break;
                case SampleType::Float32:
                    image.samples<float>()[i] = v;
                    break;
                }
            }
    return image;
}

Image noiseImage(int width, int height, int channels, SampleType type, quint32 seed) {
    Image image(width, height, channels, type);
    QRandomGenerator random(seed);
    if (type == SampleType::Float32) {
        for (std::size_t i = 0; i < image.sampleCount(); ++i)
            image.samples<float>()[i] = float(random.generateDouble() * 4.0);
    } else {
        for (auto& byte : image.pixels)
            byte = std::uint8_t(random.generate() & 0xff);
    }
    return image;
}

bool samePixels(const Image& a, const Image& b) {
    return a.width == b.width && a.height == b.height && a.channels == b.channels &&
           a.type == b.type && a.pixels == b.pixels;
}

} // namespace retake::test

namespace retake {

char* toString(const SampleType& type) {
    switch (type) {
    case SampleType::UInt8:
        return qstrdup("UInt8");
    case SampleType::UInt16:
        return qstrdup("UInt16");
    case SampleType::Float32:
        return qstrdup("Float32");
    }
    return qstrdup("?");
}

char* toString(const Rational& rational) {
    return qstrdup(rational.toString().toUtf8().constData());
}

char* toString(const ColourTags& tags) {
    return qstrdup(QStringLiteral("%1/%2/%3/%4")
                       .arg(tags.primaries, tags.transfer, tags.matrix, tags.range)
                       .toUtf8()
                       .constData());
}

} // namespace retake
