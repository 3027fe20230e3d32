#include "ffmpeg/libav.h"

#include "core/error.h"
#include "media/fileutil.h"

#include <QFileInfo>
#include <mutex>

namespace retake::ffmpeg {

FramePtr makeFrame() {
    FramePtr frame(av_frame_alloc());
    if (!frame)
        throw std::bad_alloc();
    return frame;
}

PacketPtr makePacket() {
    PacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    return packet;
}

QString errorString(int averror) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, text, sizeof text);
    return QString::fromUtf8(text);
}

InputFormatPtr openInput(const QString& path) {
    quietLogs();
    requireReadableFile(path);
    AVFormatContext* raw = nullptr;
    // "file:" keeps a colon in a file name from being read as a protocol.
    const QByteArray name = "file:" + QFileInfo(path).absoluteFilePath().toUtf8();
    int ret = avformat_open_input(&raw, name.constData(), nullptr, nullptr);
    if (ret < 0)
        throwBadInput(path, QStringLiteral("not a readable media file (corrupt, truncated or an "
                                           "unknown format): %1")
                                .arg(errorString(ret)));
    InputFormatPtr input(raw);
    ret = avformat_find_stream_info(input.get(), nullptr);
    if (ret < 0)
        throwBadInput(path, QStringLiteral("cannot read the streams of the file (corrupt or "
                                           "truncated?): %1")
                                .arg(errorString(ret)));
    return input;
}

CodecContextPtr openDecoder(const QString& path, const AVStream* stream, int threads) {
    const AVCodecParameters* par = stream->codecpar;
    const AVCodec* codec = avcodec_find_decoder(par->codec_id);
    if (!codec) {
        char tag[AV_FOURCC_MAX_STRING_SIZE] = {};
        av_fourcc_make_string(tag, par->codec_tag);
        const QString name =
            par->codec_id == AV_CODEC_ID_NONE
                ? QStringLiteral("unknown codec (tag %1)").arg(QString::fromLatin1(tag))
                : QStringLiteral("codec '%1'")
                      .arg(QString::fromUtf8(avcodec_get_name(par->codec_id)));
        throwBadInput(path, QStringLiteral("unsupported %1 in stream %2: this FFmpeg has no "
                                           "decoder for it")
                                .arg(name)
                                .arg(stream->index));
    }
    CodecContextPtr ctx(avcodec_alloc_context3(codec));
    if (!ctx)
        throw std::bad_alloc();
    int ret = avcodec_parameters_to_context(ctx.get(), par);
    if (ret < 0)
        throwBadInput(path, QStringLiteral("cannot set up the %1 decoder: %2")
                                .arg(QString::fromUtf8(codec->name), errorString(ret)));
    ctx->pkt_timebase = stream->time_base;
    // 0 = one thread per core (+1 for frame threads), both kinds: frame threads
    // give long-GOP decoders their throughput, slice threads help intra codecs.
    ctx->thread_count = threads;
    ctx->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    ret = avcodec_open2(ctx.get(), codec, nullptr);
    if (ret < 0)
        throwBadInput(path, QStringLiteral("cannot open the %1 decoder: %2")
                                .arg(QString::fromUtf8(codec->name), errorString(ret)));
    return ctx;
}

ColourTags colorTagsOf(AVColorPrimaries primaries, AVColorTransferCharacteristic transfer,
                       AVColorSpace matrix, AVColorRange range) {
    // av_color_*_name() says "unknown" for unset values; the model says "unspecified".
    auto name = [](const char* text, bool unset) {
        return unset || !text ? QStringLiteral("unspecified") : QString::fromLatin1(text);
    };
    ColourTags tags;
    tags.primaries = name(av_color_primaries_name(primaries), primaries == AVCOL_PRI_UNSPECIFIED);
    tags.transfer = name(av_color_transfer_name(transfer), transfer == AVCOL_TRC_UNSPECIFIED);
    tags.matrix = name(av_color_space_name(matrix), matrix == AVCOL_SPC_UNSPECIFIED);
    tags.range = name(av_color_range_name(range), range == AVCOL_RANGE_UNSPECIFIED);
    return tags;
}

bool isYuv(AVPixelFormat format) {
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    return desc && !(desc->flags & AV_PIX_FMT_FLAG_RGB) && desc->nb_components >= 3 &&
           !(desc->flags & AV_PIX_FMT_FLAG_PAL);
}

RgbLayout rgbLayoutFor(AVPixelFormat source) {
    RgbLayout layout;
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(source);
    if (!desc)
        return layout;
    layout.bitDepth = desc->comp[0].depth;
    const bool alpha = (desc->flags & AV_PIX_FMT_FLAG_ALPHA) != 0;
    // Palette formats report 8 bits but carry alpha in the palette (PNG with
    // tRNS); expanding them to RGBA keeps that transparency.
    const bool palette = (desc->flags & AV_PIX_FMT_FLAG_PAL) != 0;
    // Float sources (rare outside EXR, which has its own reader) go to 16 bits.
    if (layout.bitDepth > 8 || (desc->flags & AV_PIX_FMT_FLAG_FLOAT)) {
        layout.type = SampleType::UInt16;
        layout.format = alpha ? AV_PIX_FMT_RGBA64 : AV_PIX_FMT_RGB48;
    } else {
        layout.type = SampleType::UInt8;
        layout.format = alpha || palette ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB24;
    }
    layout.channels = alpha || (palette && layout.type == SampleType::UInt8) ? 4 : 3;
    return layout;
}

YuvInterpretation interpretYuv(AVPixelFormat format, AVColorSpace matrix, AVColorRange range,
                               int width, int height, AVCodecID codec) {
    YuvInterpretation yuv;
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    const bool jpegFormat = desc && QByteArray(desc->name).startsWith("yuvj");
    // JFIF defines JPEG as BT.601 full range, so an untagged JPEG is not a guess.
    const bool jpeg = jpegFormat || codec == AV_CODEC_ID_MJPEG;
    if (matrix == AVCOL_SPC_UNSPECIFIED || matrix == AVCOL_SPC_RESERVED) {
        const bool sd = width <= 1024 && height <= 576;
        yuv.matrix = sd || jpeg ? AVCOL_SPC_SMPTE170M : AVCOL_SPC_BT709;
        yuv.matrixAssumed = !jpeg;
    } else {
        yuv.matrix = matrix;
    }
    if (range == AVCOL_RANGE_JPEG || jpegFormat) {
        yuv.fullRange = true;
    } else if (range == AVCOL_RANGE_MPEG) {
        yuv.fullRange = false;
    } else {
        yuv.fullRange = jpeg;
        yuv.rangeAssumed = !jpeg;
    }
    return yuv;
}

QString describeAssumption(const YuvInterpretation& yuv) {
    QStringList parts;
    if (yuv.matrixAssumed)
        parts << QStringLiteral("colour matrix not tagged, assumed %1")
                     .arg(yuv.matrix == AVCOL_SPC_BT709 ? QStringLiteral("BT.709 (HD)")
                                                        : QStringLiteral("BT.601 (SD)"));
    if (yuv.rangeAssumed)
        parts << QStringLiteral("colour range not tagged, assumed limited (tv)");
    return parts.join(QStringLiteral("; "));
}

namespace {
// swscale wants the full-range "J" formats spelled as their plain twins
// with the range set explicitly (which interpretYuv has already decided).
AVPixelFormat withoutJ(AVPixelFormat format) {
    switch (format) {
    case AV_PIX_FMT_YUVJ420P:
        return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P:
        return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P:
        return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P:
        return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P:
        return AV_PIX_FMT_YUV411P;
    default:
        return format;
    }
}
} // namespace

void quietLogs() {
    // FFmpeg's log lines go to stderr and mean nothing to a person using
    // Retake (the CLI's output would fill with "[h264 @ 0x...]" noise); what
    // matters comes back in Error messages and MediaInfo::warnings.
    static std::once_flag once;
    std::call_once(once, [] {
        if (qEnvironmentVariableIsEmpty("RETAKE_FFMPEG_LOG"))
            av_log_set_level(AV_LOG_QUIET);
    });
}

Image RgbConverter::convert(const AVFrame* frame, const YuvInterpretation& yuv, QSize fitWithin) {
    const auto format = withoutJ(AVPixelFormat(frame->format));
    const RgbLayout layout = rgbLayoutFor(format);
    QSize out(frame->width, frame->height);
    if (!fitWithin.isEmpty() &&
        (out.width() > fitWithin.width() || out.height() > fitWithin.height()))
        out = out.scaled(fitWithin, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
    const bool scaled = out != QSize(frame->width, frame->height);
    // swscale writes planar 16-bit RGB about 3x faster than packed RGB48,
    // whose C writer looks up the endianness for every pixel; interleaving
    // the planes here costs little.
    const bool planar = layout.type == SampleType::UInt16 && isYuv(format);
    const bool padded =
        !fitWithin.isEmpty() && layout.type == SampleType::UInt8 && layout.channels == 3;
    const AVPixelFormat output = padded                 ? AV_PIX_FMT_RGB0
                                 : !planar              ? layout.format
                                 : layout.channels == 4 ? AV_PIX_FMT_GBRAP16
                                                        : AV_PIX_FMT_GBRP16;
    if (!sws_ || frame->width != width_ || frame->height != height_ || format != format_ ||
        out.width() != outWidth_ || out.height() != outHeight_ || output != output_ ||
        yuv.matrix != yuv_.matrix || yuv.fullRange != yuv_.fullRange) {
        // At the frame's size the filter only shapes chroma upsampling;
        // bicubic matches what the ffmpeg tool does by default. Scaled down
        // for the viewer, swscale's bilinear widens its taps with the ratio
        // (an area filter, no aliasing) and runs vectorised.
        const int filter = scaled ? SWS_BILINEAR : SWS_BICUBIC;
        sws_.reset(sws_getContext(frame->width, frame->height, format, out.width(), out.height(),
                                  output, filter, nullptr, nullptr, nullptr));
        if (!sws_)
            throw Error(ErrorKind::Internal,
                        QStringLiteral("no conversion from %1 to %2")
                            .arg(QString::fromLatin1(av_get_pix_fmt_name(format)),
                                 QString::fromLatin1(av_get_pix_fmt_name(layout.format))));
        const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
        const bool gray = desc && desc->nb_components <= 2 && !(desc->flags & AV_PIX_FMT_FLAG_PAL);
        if (isYuv(format) || gray) {
            const bool fullRange = isYuv(format) ? yuv.fullRange : true;
            sws_setColorspaceDetails(sws_.get(), sws_getCoefficients(yuv.matrix), fullRange ? 1 : 0,
                                     sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        }
        width_ = frame->width;
        height_ = frame->height;
        outWidth_ = out.width();
        outHeight_ = out.height();
        output_ = output;
        format_ = format;
        yuv_ = yuv;
    }
    // swscale writes every byte (RGB0's filler included).
    Image image =
        Image::uninitialised(out.width(), out.height(), padded ? 4 : layout.channels, layout.type);
    image.alphaIsPadding = padded;
    if (planar) {
        const int c = layout.channels;
        const std::size_t plane = std::size_t(out.width()) * out.height();
        planes_.resize(plane * c);
        // swscale's planar RGB order is G, B, R, A.
        static const int order[4] = {1, 2, 0, 3};
        uint8_t* dst[4] = {};
        int dstStride[4] = {};
        for (int k = 0; k < c; ++k) {
            dst[k] = reinterpret_cast<uint8_t*>(planes_.data() + plane * order[k]);
            dstStride[k] = out.width() * 2;
        }
        sws_scale(sws_.get(), frame->data, frame->linesize, 0, frame->height, dst, dstStride);
        std::uint16_t* interleaved = image.samples<std::uint16_t>();
        for (int k = 0; k < c; ++k) {
            const std::uint16_t* in = planes_.data() + plane * k;
            for (std::size_t i = 0; i < plane; ++i)
                interleaved[i * c + k] = in[i];
        }
        return image;
    }
    uint8_t* dst[4] = {image.pixels.data(), nullptr, nullptr, nullptr};
    int dstStride[4] = {out.width() * image.channels * bytesPerSample(layout.type), 0, 0, 0};
    sws_scale(sws_.get(), frame->data, frame->linesize, 0, frame->height, dst, dstStride);
    return image;
}

} // namespace retake::ffmpeg
