#include "openexr/exrfile.h"

#include "core/error.h"

#include <Imath/half.h>
#include <ImfArray.h>
#include <ImfChannelList.h>
#include <ImfChromaticities.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfIO.h>
#include <ImfInputFile.h>
#include <ImfMultiPartInputFile.h>
#include <ImfOutputFile.h>
#include <ImfPartType.h>
#include <ImfRgbaFile.h>
#include <ImfStandardAttributes.h>
#include <ImfThreading.h>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unistd.h>
#include <vector>

namespace retake::openexr {

namespace {

// OpenEXR decompresses scanline blocks in parallel only when given a pool.
void ensureThreadPool() {
    static std::once_flag once;
    std::call_once(once, [] {
        Imf::setGlobalThreadCount(int(std::max(1u, std::thread::hardware_concurrency())));
    });
}

struct ChannelChoice {
    QString colourLayer;    // "" or "ViewLayer.Combined."
    bool luminance = false; // a Y channel instead of R,G,B
    // RY and BY beside Y: luminance/chroma (often subsampled), which
    // OpenEXR's RGBA interface turns into RGB by the file's own primaries.
    bool chroma = false;
    bool hasColour = false;
    bool hasAlpha = false;
    std::string depth; // channel name, empty when none
};

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

ChannelChoice chooseChannels(const Imf::ChannelList& channels) {
    std::set<std::string> names;
    for (auto it = channels.begin(); it != channels.end(); ++it)
        names.insert(it.name());
    auto has = [&](const std::string& n) { return names.count(n) > 0; };

    ChannelChoice choice;
    std::string layer;
    if (has("R") && has("G") && has("B")) {
        choice.hasColour = true;
    } else {
        // Multilayer files (Blender): take the layer with R, G and B,
        // preferring the beauty pass ("Combined") over utility passes.
        std::vector<std::string> layers;
        for (const std::string& n : names)
            if (endsWith(n, ".R")) {
                const std::string prefix = n.substr(0, n.size() - 1);
                if (has(prefix + "G") && has(prefix + "B"))
                    layers.push_back(prefix);
            }
        const auto combined = std::find_if(layers.begin(), layers.end(), [](const std::string& l) {
            return l.find("Combined") != std::string::npos;
        });
        if (combined != layers.end())
            layer = *combined;
        else if (!layers.empty())
            layer = layers.front();
        if (!layers.empty()) {
            choice.hasColour = true;
        } else if (has("Y")) {
            choice.luminance = true;
        } else {
            // A grey image in a layer ("ViewLayer.Combined.Y").
            for (const std::string& n : names)
                if (endsWith(n, ".Y") && (layer.empty() || n.find("Combined") != std::string::npos))
                    layer = n.substr(0, n.size() - 1);
            choice.luminance = !layer.empty();
        }
    }
    choice.colourLayer = QString::fromStdString(layer);
    choice.hasAlpha = (choice.hasColour || choice.luminance) && has(layer + "A");
    choice.chroma = choice.luminance && has(layer + "RY") && has(layer + "BY");

    if (has("Z")) {
        choice.depth = "Z";
    } else if (has("Depth.Z")) {
        choice.depth = "Depth.Z";
    } else if (has("depth.Z")) {
        choice.depth = "depth.Z";
    } else {
        for (const std::string& n : names)
            if (endsWith(n, ".Depth.Z") || endsWith(n, ".depth.Z")) {
                choice.depth = n;
                break;
            }
        if (choice.depth.empty())
            for (const std::string& n : names)
                if (endsWith(n, ".Z")) {
                    choice.depth = n;
                    break;
                }
    }
    return choice;
}

const char* typeName(Imf::PixelType type) {
    switch (type) {
    case Imf::HALF:
        return "half";
    case Imf::FLOAT:
        return "float";
    case Imf::UINT:
        return "uint";
    default:
        return "?";
    }
}

Imf::Compression compressionOf(ExrCompression c) {
    switch (c) {
    case ExrCompression::None:
        return Imf::NO_COMPRESSION;
    case ExrCompression::Zip:
        return Imf::ZIP_COMPRESSION;
    case ExrCompression::Piz:
        return Imf::PIZ_COMPRESSION;
    case ExrCompression::Dwaa:
        return Imf::DWAA_COMPRESSION;
    }
    return Imf::ZIP_COMPRESSION;
}

// OpenEXR writes the scanline offset table from OutputFile's destructor and
// swallows any error there, and std::ofstream hides errors at close. Writing
// through a descriptor we own lets a full disk at either point be reported.
// Writes are buffered: OpenEXR writes each chunk as three small pieces (an
// uncompressed 1080p frame is over 3000 of them), each a system call otherwise.
class FdOStream final : public Imf::OStream {
public:
    explicit FdOStream(const QByteArray& path)
        : Imf::OStream(path.constData()) {
        fd_ = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd_ < 0)
            error_ = errno;
        buffer_.reserve(kBufferSize);
    }
    ~FdOStream() override {
        if (fd_ >= 0)
            ::close(fd_);
    }
    FdOStream(const FdOStream&) = delete;
    FdOStream& operator=(const FdOStream&) = delete;

    int error() const { return error_; }

    void write(const char c[], int n) override {
        if (buffer_.size() + std::size_t(n) > kBufferSize)
            flush();
        if (std::size_t(n) >= kBufferSize) {
            writeAll(c, std::size_t(n));
            position_ += std::uint64_t(n);
        } else {
            buffer_.insert(buffer_.end(), c, c + n);
        }
        if (error_ != 0)
            throw std::runtime_error(std::strerror(error_));
    }
    uint64_t tellp() override { return position_ + buffer_.size(); }
    void seekp(uint64_t pos) override {
        flush();
        if (error_ == 0 && ::lseek(fd_, off_t(pos), SEEK_SET) < 0)
            error_ = errno;
        if (error_ != 0)
            throw std::runtime_error(std::strerror(error_));
        position_ = pos;
    }
    // Flushes, closes and returns the first error seen, including one at close.
    int close() {
        if (fd_ >= 0)
            flush();
        if (fd_ >= 0 && ::close(fd_) != 0 && error_ == 0)
            error_ = errno;
        fd_ = -1;
        return error_;
    }

private:
    static constexpr std::size_t kBufferSize = 1 << 20;

    void flush() {
        writeAll(buffer_.data(), buffer_.size());
        position_ += buffer_.size();
        buffer_.clear();
    }
    void writeAll(const char* c, std::size_t n) {
        while (n > 0 && error_ == 0) {
            const ssize_t done = ::write(fd_, c, n);
            if (done < 0 && errno == EINTR)
                continue;
            if (done <= 0) {
                error_ = done < 0 ? errno : ENOSPC;
                break;
            }
            c += done;
            n -= std::size_t(done);
        }
    }

    int fd_ = -1;
    int error_ = 0;
    std::uint64_t position_ = 0; // file offset of buffer_[0]
    std::vector<char> buffer_;
};

using Matrix3 = std::array<std::array<double, 3>, 3>;

Matrix3 multiply(const Matrix3& a, const Matrix3& b) {
    Matrix3 m{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                m[i][j] += a[i][k] * b[k][j];
    return m;
}

// OpenEXR's matrices act on row vectors (v * M); these act on columns.
Matrix3 columnMatrix(const Imath::M44f& rowMatrix) {
    Matrix3 m{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            m[i][j] = double(rowMatrix[j][i]);
    return m;
}

bool sameChromaticities(const Imf::Chromaticities& a, const Imf::Chromaticities& b) {
    const float tolerance = 1e-3f;
    auto near = [&](const Imath::V2f& p, const Imath::V2f& q) {
        return std::abs(p.x - q.x) <= tolerance && std::abs(p.y - q.y) <= tolerance;
    };
    return near(a.red, b.red) && near(a.green, b.green) && near(a.blue, b.blue) &&
           near(a.white, b.white);
}

// The file's RGB -> linear Rec.709 RGB, colorimetrically (through XYZ, no
// white-point adaptation), as OpenEXR's RGBtoXYZ and XYZtoRGB define it: a
// file in XYZ primaries keeps its neutrals neutral.
Matrix3 toRec709(const Imf::Chromaticities& file) {
    const Imf::Chromaticities rec709;
    return multiply(columnMatrix(Imf::XYZtoRGB(rec709, 1.0f)),
                    columnMatrix(Imf::RGBtoXYZ(file, 1.0f)));
}

// Primaries a colour space of the configs stands for, by the tag
// ColourPipeline::inputSpaceFor maps to it (FFmpeg's name where it has one):
// the pixels stay as written and OCIO converts them, as a user who picks the
// space by hand would have it. Empty for others, which are converted here.
QString primariesTag(const Imf::Chromaticities& c) {
    const Imf::Chromaticities ap0(Imath::V2f(0.7347f, 0.2653f), Imath::V2f(0.0f, 1.0f),
                                  Imath::V2f(0.0001f, -0.0770f), Imath::V2f(0.32168f, 0.33767f));
    const Imf::Chromaticities ap1(Imath::V2f(0.713f, 0.293f), Imath::V2f(0.165f, 0.830f),
                                  Imath::V2f(0.128f, 0.044f), Imath::V2f(0.32168f, 0.33767f));
    const Imf::Chromaticities xyz(Imath::V2f(1.0f, 0.0f), Imath::V2f(0.0f, 1.0f),
                                  Imath::V2f(0.0f, 0.0f), Imath::V2f(1.0f / 3, 1.0f / 3));
    if (sameChromaticities(c, ap0))
        return QStringLiteral("aces-ap0");
    if (sameChromaticities(c, ap1))
        return QStringLiteral("aces-ap1");
    if (sameChromaticities(c, xyz))
        return QStringLiteral("smpte428"); // CIE 1931 XYZ
    return {};
}

QString describe(const Imf::Chromaticities& c) {
    return QStringLiteral("red %1,%2 green %3,%4 blue %5,%6 white %7,%8")
        .arg(c.red.x)
        .arg(c.red.y)
        .arg(c.green.x)
        .arg(c.green.y)
        .arg(c.blue.x)
        .arg(c.blue.y)
        .arg(c.white.x)
        .arg(c.white.y);
}

} // namespace

bool hasExrMagic(const QByteArray& head) {
    return head.size() >= 4 && std::memcmp(head.constData(), "\x76\x2f\x31\x01", 4) == 0;
}

Image readExr(const QString& path, MediaInfo* info) {
    ensureThreadPool();
    try {
        const QByteArray native = QFile::encodeName(path);
        {
            // Headers only: InputFile would refuse a deep file with an
            // error about its channels, or read part of it as truncated.
            Imf::MultiPartInputFile parts(native.constData());
            const Imf::Header& first = parts.header(0);
            if (first.hasType() && Imf::isDeepData(first.type()))
                throwBadInput(path, QStringLiteral("the EXR holds deep data (several samples a "
                                                   "pixel), which Retake does not read; flatten "
                                                   "it first (oiiotool FILE --flatten -o "
                                                   "FLAT.exr)"));
        }
        Imf::InputFile file(native.constData());
        const Imf::Header& header = file.header();
        const Imath::Box2i display = header.displayWindow();
        const Imath::Box2i data = header.dataWindow();
        const int width = display.max.x - display.min.x + 1;
        const int height = display.max.y - display.min.y + 1;
        if (width <= 0 || height <= 0)
            throwBadInput(path, QStringLiteral("the EXR display window is empty"));

        const Imf::ChannelList& channelList = header.channels();
        const ChannelChoice choice = chooseChannels(channelList);
        const std::string layer = choice.colourLayer.toStdString();
        std::vector<std::string> colourNames;
        if (choice.hasColour)
            colourNames = {layer + "R", layer + "G", layer + "B"};
        else if (choice.luminance)
            colourNames = {layer + "Y"};
        if (choice.hasAlpha)
            colourNames.push_back(layer + "A");
        // Luminance/chroma colour comes through the RGBA interface below;
        // only depth is read slice by slice.
        const std::vector<std::string> sliceNames =
            choice.chroma ? std::vector<std::string>{} : colourNames;
        std::vector<std::string> used = colourNames;
        if (!choice.depth.empty())
            used.push_back(choice.depth);
        for (const std::string& name : used) {
            const Imf::Channel* channel = channelList.findChannel(name);
            if (channel->xSampling != 1 || channel->ySampling != 1)
                throwBadInput(path, QStringLiteral("channel %1 is subsampled (luminance/chroma "
                                                   "EXR), which Retake does not read")
                                        .arg(QString::fromStdString(name)));
        }
        if (colourNames.empty() && choice.depth.empty())
            throwBadInput(path, QStringLiteral("the EXR has no colour (R,G,B or Y) or depth "
                                               "channels"));

        const int channels = choice.hasAlpha ? 4 : 3;
        Image image(width, height, channels, SampleType::Float32);
        image.alphaPremultiplied = choice.hasAlpha; // OpenEXR's convention
        if (!choice.depth.empty())
            image.depth.assign(std::size_t(width) * height, 0.f);

        // Reading straight into the image works when the data window is the
        // display window (the common case); otherwise read the data window
        // aside and copy the overlap.
        const bool direct = data == display;
        const int dataWidth = data.max.x - data.min.x + 1;
        const int dataHeight = data.max.y - data.min.y + 1;
        std::vector<float> colourBuffer;
        std::vector<float> depthBuffer;
        float* colourBase = image.samples<float>();
        float* depthBase = image.depth.data();
        if (!direct) {
            colourBuffer.assign(std::size_t(dataWidth) * dataHeight * channels, 0.f);
            colourBase = colourBuffer.data();
            if (!choice.depth.empty()) {
                depthBuffer.assign(std::size_t(dataWidth) * dataHeight, 0.f);
                depthBase = depthBuffer.data();
            }
        }
        Imf::FrameBuffer frameBuffer;
        const std::size_t xStride = sizeof(float) * channels;
        const std::size_t yStride = xStride * dataWidth;
        for (std::size_t c = 0; c < sliceNames.size(); ++c) {
            // Y goes to red and is copied to green and blue below; alpha is
            // always the fourth sample.
            const std::size_t slot = choice.hasAlpha && c + 1 == sliceNames.size() ? 3 : c;
            frameBuffer.insert(sliceNames[c], Imf::Slice::Make(Imf::FLOAT, colourBase + slot, data,
                                                               xStride, yStride));
        }
        if (!choice.depth.empty())
            frameBuffer.insert(choice.depth,
                               Imf::Slice::Make(Imf::FLOAT, depthBase, data, sizeof(float),
                                                sizeof(float) * dataWidth));
        if (!file.isComplete())
            throwBadInput(path, QStringLiteral("the EXR is truncated (not all scanlines present)"));
        if (frameBuffer.begin() != frameBuffer.end()) {
            file.setFrameBuffer(frameBuffer);
            file.readPixels(data.min.y, data.max.y);
        }
        if (choice.chroma) {
            const std::string layerName =
                choice.colourLayer.isEmpty() ? std::string() : layer.substr(0, layer.size() - 1);
            Imf::RgbaInputFile rgbaFile(native.constData(), layerName);
            Imf::Array2D<Imf::Rgba> rgba(dataHeight, dataWidth);
            rgbaFile.setFrameBuffer(&rgba[0][0] - data.min.x -
                                        std::ptrdiff_t(data.min.y) * dataWidth,
                                    1, std::size_t(dataWidth));
            rgbaFile.readPixels(data.min.y, data.max.y);
            for (int y = 0; y < dataHeight; ++y)
                for (int x = 0; x < dataWidth; ++x) {
                    const Imf::Rgba& from = rgba[y][x];
                    float* to = colourBase + (std::size_t(y) * dataWidth + x) * channels;
                    to[0] = from.r;
                    to[1] = from.g;
                    to[2] = from.b;
                    if (choice.hasAlpha)
                        to[3] = from.a;
                }
        }

        if (!direct) {
            const int x0 = std::max(data.min.x, display.min.x);
            const int x1 = std::min(data.max.x, display.max.x);
            const int y0 = std::max(data.min.y, display.min.y);
            const int y1 = std::min(data.max.y, display.max.y);
            for (int y = y0; y <= y1 && x0 <= x1; ++y) {
                const std::size_t src = std::size_t(y - data.min.y) * dataWidth + (x0 - data.min.x);
                const std::size_t dst =
                    std::size_t(y - display.min.y) * width + (x0 - display.min.x);
                std::memcpy(image.samples<float>() + dst * channels,
                            colourBuffer.data() + src * channels,
                            std::size_t(x1 - x0 + 1) * channels * sizeof(float));
                if (!depthBuffer.empty())
                    std::memcpy(image.depth.data() + dst, depthBuffer.data() + src,
                                std::size_t(x1 - x0 + 1) * sizeof(float));
            }
        }
        if (choice.luminance && !choice.chroma) {
            float* p = image.samples<float>();
            for (std::size_t i = 0, n = std::size_t(width) * height; i < n; ++i)
                p[i * channels + 1] = p[i * channels + 2] = p[i * channels];
        }

        // Values in other primaries: ACES and XYZ files keep their values
        // and name their primaries, so the automatic input colour space is
        // the config's ACES2065-1, ACEScg or CIE-XYZ-D65; others (P3,
        // Rec.2020, a camera's) are brought to the linear Rec.709 an EXR is
        // otherwise taken in. Read as they were, an XYZ file's colours were
        // off by up to 126 code values on screen.
        const std::optional<Imf::Chromaticities> primaries =
            Imf::hasChromaticities(header) &&
                    !sameChromaticities(Imf::chromaticities(header), Imf::Chromaticities())
                ? std::optional<Imf::Chromaticities>(Imf::chromaticities(header))
                : std::nullopt;
        const bool hasColourValues = choice.hasColour || choice.chroma;
        const QString namedPrimaries = primaries ? primariesTag(*primaries) : QString();
        const bool converted = primaries && hasColourValues && namedPrimaries.isEmpty();
        if (converted) {
            const Matrix3 m = toRec709(*primaries);
            float* p = image.samples<float>();
            for (std::size_t i = 0, n = std::size_t(width) * height; i < n; ++i, p += channels) {
                const double r = p[0], g = p[1], b = p[2];
                for (std::size_t c = 0; c < 3; ++c)
                    p[c] = float(m[c][0] * r + m[c][1] * g + m[c][2] * b);
            }
        }
        if (!namedPrimaries.isEmpty() && hasColourValues) {
            image.colour.primaries = namedPrimaries;
            image.colour.transfer = QStringLiteral("linear");
        }

        if (info) {
            info->path = QFileInfo(path).absoluteFilePath();
            info->container = QStringLiteral("exr");
            info->codec = QStringLiteral("exr");
            info->width = width;
            info->height = height;
            info->sampleType = SampleType::Float32;
            info->channels = channels;
            info->hasDepth = !choice.depth.empty();
            int bits = 0;
            QStringList described;
            for (const std::string& name : used) {
                const Imf::PixelType type = channelList.findChannel(name)->type;
                if (name != choice.depth)
                    bits = std::max(bits, type == Imf::HALF ? 16 : 32);
                described << QStringLiteral("%1:%2").arg(QString::fromStdString(name),
                                                         QString::fromLatin1(typeName(type)));
            }
            info->bitDepth = bits > 0 ? bits : 32;
            info->pixelFormat = described.join(QLatin1Char(','));
            if (Imf::hasFramesPerSecond(header)) {
                const Imf::Rational fps = Imf::framesPerSecond(header);
                if (fps.n > 0 && fps.d > 0)
                    info->frameRate = Rational(fps.n, std::int64_t(fps.d));
            }
            if (choice.chroma)
                info->warnings << QStringLiteral("luminance/chroma EXR (Y, RY, BY): converted to "
                                                 "RGB by OpenEXR");
            info->colour = image.colour;
            if (converted)
                info->warnings << QStringLiteral("the EXR's primaries are not Rec.709 (%1): its "
                                                 "colours are converted to linear Rec.709")
                                      .arg(describe(*primaries));
            else if (!namedPrimaries.isEmpty() && hasColourValues)
                info->warnings << QStringLiteral("the EXR's primaries are %1 (%2): the automatic "
                                                 "input colour space follows them")
                                      .arg(namedPrimaries, describe(*primaries));
            if (!choice.colourLayer.isEmpty())
                info->warnings << QStringLiteral("multilayer EXR: colour from layer '%1'")
                                      .arg(choice.colourLayer.chopped(1));
            if (!choice.hasColour && !choice.luminance)
                info->warnings << QStringLiteral("the EXR has no colour channels; colour reads "
                                                 "as black");
        }
        return image;
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throwBadInput(
            path, QStringLiteral("cannot read the EXR: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

// ImageWriteOptions::exrMetadata into the header: OpenEXR's standard typed
// attributes where one exists (tools read framesPerSecond, timeCode, focus
// and aperture by type), floats for camera millimetres, strings otherwise.
static void addMetadata(Imf::Header& header, const std::map<std::string, std::string>& metadata,
                        const QString& reportPath) {
    auto bad = [&](const std::string& key, const std::string& value) {
        throw Error(ErrorKind::Usage, QStringLiteral("%1: EXR attribute %2 cannot be \"%3\"")
                                          .arg(reportPath, QString::fromStdString(key),
                                               QString::fromStdString(value)));
    };
    for (const auto& [key, value] : metadata) {
        const QString v = QString::fromStdString(value);
        bool ok = false;
        if (key == "framesPerSecond") {
            const QStringList nd = v.split(QLatin1Char('/'));
            const int n = nd.value(0).toInt(&ok);
            const unsigned d = nd.size() == 2 ? nd[1].toUInt() : 1u;
            if (!ok || d == 0)
                bad(key, value);
            Imf::addFramesPerSecond(header, Imf::Rational(n, d));
        } else if (key == "timeCode") {
            const QStringList f = v.split(QRegularExpression(QStringLiteral("[:;]")));
            if (f.size() != 4)
                bad(key, value);
            Imf::addTimeCode(header, Imf::TimeCode(f[0].toInt(), f[1].toInt(), f[2].toInt(),
                                                   f[3].toInt(), v.contains(QLatin1Char(';'))));
        } else if (key == "focus" || key == "aperture" || endsWith(key, "Mm")) {
            const float number = v.toFloat(&ok);
            if (!ok)
                bad(key, value);
            header.insert(key, Imf::FloatAttribute(number));
        } else {
            header.insert(key, Imf::StringAttribute(value));
        }
    }
}

void writeExr(const QString& path, const Image& image, const ImageWriteOptions& options,
              const QString& reportPath) {
    ensureThreadPool();
    const bool depthOnly = options.exrDepthOnly;
    const std::size_t pixelCount = std::size_t(std::max(0, image.width)) * image.height;
    if (image.isNull() ||
        (!depthOnly && image.pixels.size() < image.sampleCount() * bytesPerSample(image.type)))
        throw Error(ErrorKind::Usage, QStringLiteral("%1: cannot write an empty or inconsistent "
                                                     "image")
                                          .arg(reportPath));
    if (depthOnly && image.depth.size() != pixelCount)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1: a depth map needs a depth plane").arg(reportPath));
    // A depth map has no colour channels.
    const int channels = depthOnly ? 0 : image.channels;
    if (channels != 0 && channels != 1 && channels != 3 && channels != 4)
        throw Error(ErrorKind::Usage, QStringLiteral("%1: cannot write an image with %2 channels")
                                          .arg(reportPath)
                                          .arg(channels));
    const bool depth = (depthOnly || options.writeDepth) && image.depth.size() == pixelCount;

    // Colour as float first (integer images normalised to [0,1]); half is
    // converted from it below.
    std::vector<float> converted;
    const float* samples = nullptr;
    if (channels == 0) {
        samples = nullptr;
    } else if (image.type == SampleType::Float32) {
        samples = image.samples<float>();
    } else {
        converted.resize(image.sampleCount());
        const float scale = image.type == SampleType::UInt8 ? 1.f / 255.f : 1.f / 65535.f;
        for (std::size_t i = 0; i < converted.size(); ++i)
            converted[i] = image.type == SampleType::UInt8
                               ? image.samples<std::uint8_t>()[i] * scale
                               : image.samples<std::uint16_t>()[i] * scale;
        samples = converted.data();
    }

    try {
        Imf::Header header(image.width, image.height);
        header.compression() = compressionOf(options.exrCompression);
        const Imf::PixelType colourType =
            options.exrPixelType == ExrPixelType::Half ? Imf::HALF : Imf::FLOAT;
        const bool blender = options.exrDepthNaming == ExrDepthNaming::Blender;
        const char* names[4] = {"R", "G", "B", "A"};
        const char* blenderNames[4] = {"ViewLayer.Combined.R", "ViewLayer.Combined.G",
                                       "ViewLayer.Combined.B", "ViewLayer.Combined.A"};
        if (blender)
            std::copy(blenderNames, blenderNames + 4, names);
        if (channels == 1)
            names[0] = blender ? "ViewLayer.Combined.Y" : "Y";
        const char* depthName = blender ? "ViewLayer.Depth.Z" : "Z";
        addMetadata(header, options.exrMetadata, reportPath);
        Imf::FrameBuffer frameBuffer;
        // OutputFile needs slices of the channels' own type (it refuses float
        // slices for half channels), so half colour is converted here.
        std::vector<half> halves;
        char* base = reinterpret_cast<char*>(const_cast<float*>(samples));
        std::size_t sampleSize = sizeof(float);
        if (colourType == Imf::HALF && channels > 0) {
            // The conversion is the writer's biggest serial step (OpenEXR
            // compresses in its own pool): split it across the cores.
            halves.resize(image.sampleCount());
            const std::size_t total = halves.size();
            const unsigned parts =
                total < (1u << 18) ? 1u : std::max(1u, std::thread::hardware_concurrency());
            auto convert = [&](unsigned part) {
                const std::size_t begin = total * part / parts, end = total * (part + 1) / parts;
                for (std::size_t i = begin; i < end; ++i)
                    halves[i] = half(samples[i]);
            };
            std::vector<std::thread> workers;
            for (unsigned part = 1; part < parts; ++part)
                workers.emplace_back(convert, part);
            convert(0);
            for (auto& w : workers)
                w.join();
            base = reinterpret_cast<char*>(halves.data());
            sampleSize = sizeof(half);
        }
        const std::size_t xStride = sampleSize * channels;
        const std::size_t yStride = xStride * image.width;
        for (int c = 0; c < channels; ++c) {
            header.channels().insert(names[c], Imf::Channel(colourType));
            frameBuffer.insert(names[c],
                               Imf::Slice(colourType, base + c * sampleSize, xStride, yStride));
        }
        // Depth is always full float: half runs out of precision a few
        // hundred units from the camera.
        if (depth) {
            header.channels().insert(depthName, Imf::Channel(Imf::FLOAT));
            frameBuffer.insert(depthName, Imf::Slice(Imf::FLOAT,
                                                     reinterpret_cast<char*>(
                                                         const_cast<float*>(image.depth.data())),
                                                     sizeof(float), sizeof(float) * image.width));
        }
        FdOStream stream(QFile::encodeName(path));
        if (stream.error() != 0)
            throwOutputError(reportPath,
                             QStringLiteral("cannot write: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(stream.error()))));
        {
            Imf::OutputFile file(stream, header);
            file.setFrameBuffer(frameBuffer);
            file.writePixels(image.height);
        }
        if (const int error = stream.close())
            throwOutputError(reportPath, QStringLiteral("cannot write: %1")
                                             .arg(QString::fromLocal8Bit(std::strerror(error))));
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throwOutputError(
            reportPath,
            QStringLiteral("cannot write the EXR: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace retake::openexr
