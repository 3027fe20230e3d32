#pragma once

// The one place that pulls in FFmpeg's C headers, plus the small RAII and
// naming helpers every file of the adapter needs. Include this only from
// editor/ffmpeg/*.cpp: nothing outside the adapter may see libav* types.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include "media/media.h"

#include <QSize>
#include <QString>
#include <memory>

namespace retake::ffmpeg {

struct InputFormatDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecContextDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
    void operator()(SwsContext* c) const { sws_freeContext(c); }
};
struct SwrDeleter {
    void operator()(SwrContext* c) const { swr_free(&c); }
};

using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using SwrPtr = std::unique_ptr<SwrContext, SwrDeleter>;

// Silences FFmpeg's own logging, once (RETAKE_FFMPEG_LOG=1 keeps it for
// debugging).
void quietLogs();

FramePtr makeFrame();
PacketPtr makePacket();

// av_err2str() is a C compound literal; this is the C++ spelling.
QString errorString(int averror);

// Opens and probes a file for reading; BadInput naming the file on failure.
InputFormatPtr openInput(const QString& path);

// A decoder for one stream, threads on. BadInput when FFmpeg has no decoder.
// `threads` 0 = one per core, frame and slice threads; 1 = a single thread,
// whose output (error flags included) never depends on timing.
CodecContextPtr openDecoder(const QString& path, const AVStream* stream, int threads = 0);

// The audio stream openAudio() would use, or an empty AudioInfo.
AudioInfo bestAudioStream(AVFormatContext* input);

// FFmpeg's names for colour tags, "unspecified" for the unset values.
ColourTags colorTagsOf(AVColorPrimaries primaries, AVColorTransferCharacteristic transfer,
                       AVColorSpace matrix, AVColorRange range);

// The output layout Retake hands out for a source pixel format: RGB24/RGB48,
// with alpha RGBA/RGBA64, in native byte order.
struct RgbLayout {
    AVPixelFormat format = AV_PIX_FMT_RGB24;
    SampleType type = SampleType::UInt8;
    int channels = 3;
    int bitDepth = 8;
};
RgbLayout rgbLayoutFor(AVPixelFormat source);
bool isYuv(AVPixelFormat format);

// The matrix and range actually used to convert a YUV source, and whether
// they had to be assumed because the file did not say.
struct YuvInterpretation {
    AVColorSpace matrix = AVCOL_SPC_BT709;
    bool fullRange = false;
    bool matrixAssumed = false;
    bool rangeAssumed = false;
};
YuvInterpretation interpretYuv(AVPixelFormat format, AVColorSpace matrix, AVColorRange range,
                               int width, int height, AVCodecID codec);
// A sentence for MediaInfo::warnings, empty when nothing was assumed.
QString describeAssumption(const YuvInterpretation& yuv);

// Converts decoded frames to Retake's packed RGB(A) layout with the source's
// matrix and range. Rebuilt when the frame's format or output size changes.
class RgbConverter {
public:
    // Writes the frame into a new Image of the layout for its format. With
    // a `fitWithin` size, a viewer's picture (MediaReader::setPreviewSize):
    // a larger frame comes out scaled down to fit it (aspect kept) in the
    // same pass as the YUV -> RGB conversion, and 8-bit RGB as RGBX, which
    // swscale writes with SIMD where its packed 24-bit writer is plain C.
    // An empty size keeps the frame's own size and layout, as exports and
    // generation need.
    Image convert(const AVFrame* frame, const YuvInterpretation& yuv, QSize fitWithin = {});

private:
    SwsPtr sws_;
    int width_ = 0;
    int height_ = 0;
    int outWidth_ = 0;
    int outHeight_ = 0;
    AVPixelFormat output_ = AV_PIX_FMT_NONE;
    AVPixelFormat format_ = AV_PIX_FMT_NONE;
    YuvInterpretation yuv_;
    std::vector<std::uint16_t> planes_; // 16-bit YUV sources go through planar RGB
};

} // namespace retake::ffmpeg
