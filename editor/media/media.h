#pragma once

// Retake's view of media, independent of the libraries that read and write
// it. Only editor/ffmpeg/ and editor/openexr/ include those libraries; the
// rest of Retake talks to these types. Files are opened through
// mediaio/openmedia.h, which picks the adapter.

#include "core/rational.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace retake {

enum class SampleType { UInt8, UInt16, Float32 };
// Gap: no file; the empty stretch of an edit (an OpenTimelineIO gap), black
// frames of the project's size.
enum class MediaKind { Video, ImageSequence, Still, Gap };

int bytesPerSample(SampleType type);
QString toString(MediaKind kind);

// Colour description carried from the file, never guessed: FFmpeg's names
// ("bt709", "smpte2084", "tv", ...) or "unspecified" when the file says nothing.
// An EXR's chromaticities give "aces-ap0", "aces-ap1" or "smpte428" (XYZ).
struct ColourTags {
    QString primaries = QStringLiteral("unspecified");
    QString transfer = QStringLiteral("unspecified");
    QString matrix = QStringLiteral("unspecified");
    QString range = QStringLiteral("unspecified");

    bool operator==(const ColourTags& o) const {
        return primaries == o.primaries && transfer == o.transfer && matrix == o.matrix &&
               range == o.range;
    }
    bool operator!=(const ColourTags& o) const { return !(*this == o); }
};

struct AudioInfo {
    int streamIndex = -1;
    int sampleRate = 0;
    int channels = 0;
    QString channelLayout; // "stereo", "5.1", ...
    QString codec;
    bool present() const { return streamIndex >= 0 && sampleRate > 0 && channels > 0; }
};

struct MediaInfo {
    QString path; // absolute; for sequences, the first file
    MediaKind kind = MediaKind::Video;
    QString container;   // "mov,mp4,m4a,3gp,3g2,mj2", "image2", "exr", ...
    QString codec;       // "h264", "prores", "png", "exr", ...
    QString pixelFormat; // source pixel format name ("yuv420p10le", ...)
    int width = 0;
    int height = 0;
    Rational frameRate{24}; // nominal rate the frames are numbered at
    FrameNumber frameCount = 0;
    int bitDepth = 8;                          // per component, of the source
    SampleType sampleType = SampleType::UInt8; // what readFrame() returns
    int channels = 3;                          // 3 = RGB, 4 = RGBA (what readFrame() returns)
    bool hasDepth = false;                     // readFrame() fills Image::depth
    bool variableFrameRate = false;            // conformed to frameRate; see warnings
    // The longest run of frames from one keyframe to the next (video; 1 for
    // intra-only codecs, pictures and sequences): what a jump may have to
    // decode to show one frame.
    int keyframeInterval = 1;
    ColourTags colour;
    AudioInfo audio;
    // Image sequences: printf-style pattern of the file names and the number
    // in the first file's name (frame 0 of the media is that file).
    QString sequencePattern;
    std::int64_t firstFileNumber = 0;
    QStringList warnings; // things a person should know (VFR conformed, ...)
};

// std::allocator, except that elements made without a value (vector(n),
// resize(n)) are left uninitialised. Image's constructor still zeroes its
// pixels; Image::uninitialised() leaves them for a decoder that writes every
// byte: zeroing a 1080p picture first was a tenth of a decode (callgrind).
template <class T> struct UninitialisedAllocator : std::allocator<T> {
    template <class U> struct rebind { using other = UninitialisedAllocator<U>; };
    UninitialisedAllocator() = default;
    template <class U> UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
    template <class U> void construct(U* p) noexcept { ::new (static_cast<void*>(p)) U; }
    template <class U, class... Args> void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};
using PixelBuffer = std::vector<std::uint8_t, UninitialisedAllocator<std::uint8_t>>;

// A decoded frame: interleaved RGB or RGBA rows, tightly packed, plus an
// optional depth plane (metres along the camera axis; 0 or inf = no depth).
struct Image {
    int width = 0;
    int height = 0;
    int channels = 3;
    SampleType type = SampleType::UInt8;
    PixelBuffer pixels; // resize() leaves new bytes uninitialised
    std::vector<float> depth;
    ColourTags colour;
    // 4 channels whose fourth is 255 filler, not alpha: the RGBX layout of
    // viewer pictures (MediaReader::setPreviewSize), which displays take
    // without repacking.
    bool alphaIsPadding = false;
    // RGBA whose colour is already multiplied by alpha: OpenEXR's convention
    // (associated alpha). PNG, TIFF and video codecs hold straight colour.
    // Readers say which they return; writers convert to their format's
    // convention (convertAlphaAssociation), so an EXR's half-transparent
    // edge is not written to a PNG at half its brightness.
    bool alphaPremultiplied = false;

    Image() = default;
    Image(int w, int h, int c, SampleType t)
        : width(w)
        , height(h)
        , channels(c)
        , type(t)
        , pixels(std::size_t(w) * h * c * bytesPerSample(t), std::uint8_t(0)) {}
    // Copies move the pixels with memcpy: a vector with its own allocator
    // would copy them a byte at a time (libstdc++ only block-copies for
    // std::allocator), 5x slower for a 1080p picture.
    Image(const Image& other)
        : width(other.width)
        , height(other.height)
        , channels(other.channels)
        , type(other.type)
        , depth(other.depth)
        , colour(other.colour)
        , alphaIsPadding(other.alphaIsPadding)
        , alphaPremultiplied(other.alphaPremultiplied) {
        copyPixels(other.pixels);
    }
    Image& operator=(const Image& other) {
        if (this != &other) {
            width = other.width;
            height = other.height;
            channels = other.channels;
            type = other.type;
            copyPixels(other.pixels);
            depth = other.depth;
            colour = other.colour;
            alphaIsPadding = other.alphaIsPadding;
            alphaPremultiplied = other.alphaPremultiplied;
        }
        return *this;
    }
    Image(Image&&) noexcept = default;
    Image& operator=(Image&&) noexcept = default;
    ~Image() = default;
    // Pixels left uninitialised, for a writer of every byte.
    static Image uninitialised(int w, int h, int c, SampleType t) {
        Image image;
        image.width = w;
        image.height = h;
        image.channels = c;
        image.type = t;
        image.pixels.resize(std::size_t(w) * h * c * bytesPerSample(t));
        return image;
    }
    bool isNull() const { return width <= 0 || height <= 0; }
    std::size_t sampleCount() const { return std::size_t(width) * height * channels; }
    std::size_t byteSize() const { return pixels.size() + depth.size() * sizeof(float); }
    template <class T> T* samples() { return reinterpret_cast<T*>(pixels.data()); }
    template <class T> const T* samples() const {
        return reinterpret_cast<const T*>(pixels.data());
    }
    // Sample (x, y, c) as a float in [0,1] for integer types, as stored for float.
    float sampleAsFloat(int x, int y, int c) const;

private:
    void copyPixels(const PixelBuffer& from) {
        pixels.resize(from.size()); // uninitialised, then overwritten whole
        if (!from.empty())
            std::memcpy(pixels.data(), from.data(), from.size());
    }
};

// Brings a 4-channel image's colour to associated (premultiplied = true) or
// straight alpha; other images are left alone. Unpremultiplying leaves
// pixels of zero alpha as they are (their colour has nothing to divide).
void convertAlphaAssociation(Image& image, bool premultiplied);

// Random access to the frames of one media file. Not thread-safe: one reader
// per thread. Errors throw retake::Error naming the file.
class MediaReader {
public:
    virtual ~MediaReader() = default;
    virtual const MediaInfo& info() const = 0;
    // Frame n, 0 <= n < info().frameCount, exactly the frame a sequential
    // decode would give at that position.
    virtual Image readFrame(FrameNumber n) = 0;
    // Pictures for a viewer: frames larger than `size` come back scaled down
    // to fit it (aspect kept) where the reader can do that while converting
    // the decoded frame (video: in the same swscale pass as YUV -> RGB), and
    // 8-bit RGB as RGBX (Image::alphaIsPadding). Other readers return frames
    // at full size, so callers still fit what they get. An empty size, the
    // default, is full size: exports and generation never set one.
    virtual void setPreviewSize(QSize size) { (void)size; }
    // For a viewer: keep up to `budgetBytes` of the pictures decoded on the
    // way to each frame (as the decoder made them, before conversion), so a
    // jump back by a few frames converts a kept picture instead of seeking
    // and decoding from the keyframe again. 0, the default, keeps none:
    // exports and generation read each frame once.
    virtual void keepDecodedFrames(std::size_t budgetBytes) { (void)budgetBytes; }
    // What reading has cost so far (tests and benchmarks).
    struct DecodeStats {
        std::int64_t seeks = 0;         // flushes to a keyframe
        std::int64_t framesDecoded = 0; // pictures out of the decoder
        std::int64_t keptHits = 0;      // frames served from kept pictures
    };
    virtual DecodeStats decodeStats() const { return {}; }
};

// Audio of a media file as interleaved float samples at the source rate.
class AudioReader {
public:
    virtual ~AudioReader() = default;
    virtual const AudioInfo& info() const = 0;
    // Samples starting at `startSample` (at info().sampleRate); returns up to
    // `sampleCount` frames of interleaved samples, padded with silence past the
    // end of the stream so callers stay in sync.
    virtual std::vector<float> read(std::int64_t startSample, std::int64_t sampleCount) = 0;
};

} // namespace retake
