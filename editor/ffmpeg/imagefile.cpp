#include "ffmpeg/imagefile.h"

#include "core/error.h"
#include "ffmpeg/libav.h"
#include "media/fileutil.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace retake::ffmpeg {

namespace {

// Codecs recognised from their first bytes, so a sequence frame is decoded
// straight from memory without a demuxer probing (and decoding) it first.
AVCodecID sniffImageCodec(const QByteArray& bytes) {
    auto startsWith = [&](const char* magic, int size) {
        return bytes.size() >= size && std::memcmp(bytes.constData(), magic, size) == 0;
    };
    if (startsWith("\x89PNG\r\n\x1a\n", 8))
        return AV_CODEC_ID_PNG;
    if (startsWith("\xff\xd8\xff", 3))
        return AV_CODEC_ID_MJPEG;
    if (startsWith("II*\0", 4) || startsWith("MM\0*", 4))
        return AV_CODEC_ID_TIFF;
    if (startsWith("SDPX", 4) || startsWith("XPDS", 4))
        return AV_CODEC_ID_DPX;
    return AV_CODEC_ID_NONE;
}

std::uint16_t toUInt16(float v) {
    return std::uint16_t(std::lround(std::clamp(v, 0.f, 1.f) * 65535.f));
}

std::uint8_t toUInt8(float v) {
    return std::uint8_t(std::lround(std::clamp(v, 0.f, 1.f) * 255.f));
}

// Sample (x, c) of row y as 16 bits, whatever the image stores.
std::uint16_t sample16(const Image& image, std::size_t index) {
    switch (image.type) {
    case SampleType::UInt8:
        return std::uint16_t(image.samples<std::uint8_t>()[index] * 257);
    case SampleType::UInt16:
        return image.samples<std::uint16_t>()[index];
    case SampleType::Float32:
        return toUInt16(image.samples<float>()[index]);
    }
    return 0;
}

std::uint8_t sample8(const Image& image, std::size_t index) {
    switch (image.type) {
    case SampleType::UInt8:
        return image.samples<std::uint8_t>()[index];
    case SampleType::UInt16:
        return std::uint8_t((image.samples<std::uint16_t>()[index] * 255u + 32767u) / 65535u);
    case SampleType::Float32:
        return toUInt8(image.samples<float>()[index]);
    }
    return 0;
}

} // namespace

struct ImageFileDecoder::Impl {
    CodecContextPtr decoder;
    AVCodecID codec = AV_CODEC_ID_NONE;
    RgbConverter converter;
    FramePtr frame = makeFrame();
    PacketPtr packet = makePacket();

    Image finish(const QString& path, const QString& container, AVCodecID codecId, MediaInfo* info);
    Image decodeBytes(const QString& path, const QByteArray& bytes, AVCodecID codecId,
                      MediaInfo* info);
    Image decodeWithDemuxer(const QString& path, MediaInfo* info);
};

Image ImageFileDecoder::Impl::finish(const QString& path, const QString& container,
                                     AVCodecID codecId, MediaInfo* info) {
    if ((frame->flags & AV_FRAME_FLAG_CORRUPT) || frame->decode_error_flags)
        throwBadInput(path, QStringLiteral("the image data is damaged"));
    const auto format = AVPixelFormat(frame->format);
    const YuvInterpretation yuv = interpretYuv(format, frame->colorspace, frame->color_range,
                                               frame->width, frame->height, codecId);
    Image image = converter.convert(frame.get(), yuv);
    image.colour = colorTagsOf(frame->color_primaries, frame->color_trc, frame->colorspace,
                               frame->color_range);
    if (info) {
        info->path = QFileInfo(path).absoluteFilePath();
        info->container = container;
        info->codec = QString::fromLatin1(avcodec_get_name(codecId));
        const char* name = av_get_pix_fmt_name(format);
        info->pixelFormat = name ? QString::fromLatin1(name) : QStringLiteral("unknown");
        info->width = frame->width;
        info->height = frame->height;
        const RgbLayout layout = rgbLayoutFor(format);
        info->bitDepth = layout.bitDepth;
        info->sampleType = layout.type;
        info->channels = layout.channels;
        info->hasDepth = false;
        info->colour = image.colour;
        if (isYuv(format)) {
            const QString assumed = describeAssumption(yuv);
            if (!assumed.isEmpty())
                info->warnings << assumed;
        }
    }
    av_frame_unref(frame.get());
    return image;
}

Image ImageFileDecoder::Impl::decodeBytes(const QString& path, const QByteArray& bytes,
                                          AVCodecID codecId, MediaInfo* info) {
    if (!decoder || codec != codecId) {
        const AVCodec* found = avcodec_find_decoder(codecId);
        if (!found)
            throwBadInput(path, QStringLiteral("this FFmpeg has no %1 decoder")
                                    .arg(QString::fromLatin1(avcodec_get_name(codecId))));
        decoder.reset(avcodec_alloc_context3(found));
        if (!decoder)
            throw std::bad_alloc();
        // One picture per call: frame threads would only add latency.
        decoder->thread_count = 0;
        decoder->thread_type = FF_THREAD_SLICE;
        const int ret = avcodec_open2(decoder.get(), found, nullptr);
        if (ret < 0) {
            decoder.reset();
            throwBadInput(path, QStringLiteral("cannot open the %1 decoder: %2")
                                    .arg(QString::fromLatin1(found->name), errorString(ret)));
        }
        codec = codecId;
    } else {
        avcodec_flush_buffers(decoder.get());
    }
    if (av_new_packet(packet.get(), int(bytes.size())) < 0)
        throw std::bad_alloc();
    std::memcpy(packet->data, bytes.constData(), std::size_t(bytes.size()));
    packet->flags |= AV_PKT_FLAG_KEY;
    int ret = avcodec_send_packet(decoder.get(), packet.get());
    av_packet_unref(packet.get());
    if (ret >= 0)
        ret = avcodec_send_packet(decoder.get(), nullptr);
    if (ret >= 0)
        ret = avcodec_receive_frame(decoder.get(), frame.get());
    if (ret < 0)
        throwBadInput(path,
                      QStringLiteral("cannot decode the %1 image (corrupt or truncated?): %2")
                          .arg(QString::fromLatin1(avcodec_get_name(codecId)), errorString(ret)));
    return finish(path, QStringLiteral("image2"), codecId, info);
}

Image ImageFileDecoder::Impl::decodeWithDemuxer(const QString& path, MediaInfo* info) {
    InputFormatPtr input = openInput(path);
    const int index = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index < 0)
        throwBadInput(path, QStringLiteral("contains no image"));
    CodecContextPtr ctx = openDecoder(path, input->streams[index]);
    bool draining = false;
    for (;;) {
        int ret = avcodec_receive_frame(ctx.get(), frame.get());
        if (ret == 0)
            break;
        if (ret == AVERROR_EOF || draining)
            throwBadInput(path, QStringLiteral("contains no decodable image"));
        ret = av_read_frame(input.get(), packet.get());
        if (ret < 0) {
            avcodec_send_packet(ctx.get(), nullptr);
            draining = true;
            continue;
        }
        if (packet->stream_index == index)
            avcodec_send_packet(ctx.get(), packet.get());
        av_packet_unref(packet.get());
    }
    return finish(path, QString::fromLatin1(input->iformat->name),
                  input->streams[index]->codecpar->codec_id, info);
}

ImageFileDecoder::ImageFileDecoder()
    : d(std::make_unique<Impl>()) {}

ImageFileDecoder::~ImageFileDecoder() = default;

Image ImageFileDecoder::decode(const QString& path, MediaInfo* info) {
    quietLogs();
    requireReadableFile(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(path, QStringLiteral("cannot open: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throwBadInput(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    const AVCodecID codec = sniffImageCodec(bytes);
    if (codec != AV_CODEC_ID_NONE)
        return d->decodeBytes(path, bytes, codec, info);
    return d->decodeWithDemuxer(path, info);
}

QByteArray encodeImage(const Image& image, ImageCodec codec) {
    quietLogs();
    if (image.isNull() || image.pixels.size() < image.sampleCount() * bytesPerSample(image.type))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("cannot write an empty or inconsistent image"));
    const int channels = image.channels;
    if (channels != 1 && channels != 3 && channels != 4)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("cannot write an image with %1 channels").arg(channels));

    const bool wide = image.type != SampleType::UInt8;
    AVPixelFormat format = AV_PIX_FMT_NONE;
    const char* encoderName = nullptr;
    switch (codec) {
    case ImageCodec::Png:
        encoderName = "png";
        format = channels == 1   ? (wide ? AV_PIX_FMT_GRAY16BE : AV_PIX_FMT_GRAY8)
                 : channels == 3 ? (wide ? AV_PIX_FMT_RGB48BE : AV_PIX_FMT_RGB24)
                                 : (wide ? AV_PIX_FMT_RGBA64BE : AV_PIX_FMT_RGBA);
        break;
    case ImageCodec::Tiff:
        encoderName = "tiff";
        format = channels == 1   ? (wide ? AV_PIX_FMT_GRAY16LE : AV_PIX_FMT_GRAY8)
                 : channels == 3 ? (wide ? AV_PIX_FMT_RGB48LE : AV_PIX_FMT_RGB24)
                                 : (wide ? AV_PIX_FMT_RGBA64LE : AV_PIX_FMT_RGBA);
        break;
    case ImageCodec::Jpeg:
        encoderName = "mjpeg";
        format = AV_PIX_FMT_YUVJ444P;
        break;
    }
    const AVCodec* encoder = avcodec_find_encoder_by_name(encoderName);
    if (!encoder)
        throw Error(ErrorKind::Usage, QStringLiteral("this FFmpeg has no '%1' encoder")
                                          .arg(QString::fromLatin1(encoderName)));
    CodecContextPtr ctx(avcodec_alloc_context3(encoder));
    if (!ctx)
        throw std::bad_alloc();
    ctx->width = image.width;
    ctx->height = image.height;
    ctx->pix_fmt = format;
    ctx->time_base = AVRational{1, 25};
    ctx->thread_count = 0;
    if (codec == ImageCodec::Png)
        av_opt_set(ctx->priv_data, "pred", "paeth", 0);
    if (codec == ImageCodec::Jpeg) {
        ctx->flags |= AV_CODEC_FLAG_QSCALE;
        ctx->global_quality = FF_QP2LAMBDA * 2;
        ctx->color_range = AVCOL_RANGE_JPEG;
        ctx->colorspace = AVCOL_SPC_BT470BG;
    }
    int ret = avcodec_open2(ctx.get(), encoder, nullptr);
    if (ret < 0)
        throw Error(ErrorKind::Internal,
                    QStringLiteral("cannot open the %1 encoder: %2")
                        .arg(QString::fromLatin1(encoderName), errorString(ret)));

    FramePtr frame = makeFrame();
    frame->format = format;
    frame->width = image.width;
    frame->height = image.height;
    if (av_frame_get_buffer(frame.get(), 0) < 0)
        throw std::bad_alloc();

    const std::size_t rowSamples = std::size_t(image.width) * channels;
    if (codec == ImageCodec::Jpeg) {
        // JPEG holds 8-bit RGB only: alpha is dropped, deeper samples rounded.
        std::vector<std::uint8_t> rgb(std::size_t(image.width) * image.height * 3);
        for (std::size_t p = 0, n = std::size_t(image.width) * image.height; p < n; ++p)
            for (int c = 0; c < 3; ++c)
                rgb[p * 3 + c] = sample8(image, p * channels + (channels == 1 ? 0 : c));
        SwsPtr sws(sws_getContext(image.width, image.height, AV_PIX_FMT_RGB24, image.width,
                                  image.height, format, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr,
                                  nullptr, nullptr));
        if (!sws)
            throw Error(ErrorKind::Internal, QStringLiteral("no RGB to JPEG colour conversion"));
        sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_ITU601), 1,
                                 sws_getCoefficients(SWS_CS_ITU601), 1, 0, 1 << 16, 1 << 16);
        const uint8_t* src[4] = {rgb.data(), nullptr, nullptr, nullptr};
        const int srcStride[4] = {image.width * 3, 0, 0, 0};
        sws_scale(sws.get(), src, srcStride, 0, image.height, frame->data, frame->linesize);
    } else {
        // Written sample by sample, not through swscale, so the file holds
        // exactly the image's values (and PNG's big-endian order).
        const bool bigEndian = codec == ImageCodec::Png;
        for (int y = 0; y < image.height; ++y) {
            uint8_t* row = frame->data[0] + std::ptrdiff_t(y) * frame->linesize[0];
            const std::size_t base = std::size_t(y) * rowSamples;
            if (!wide) {
                std::memcpy(row, image.pixels.data() + base, rowSamples);
                continue;
            }
            for (std::size_t i = 0; i < rowSamples; ++i) {
                const std::uint16_t v = sample16(image, base + i);
                row[2 * i + (bigEndian ? 0 : 1)] = uint8_t(v >> 8);
                row[2 * i + (bigEndian ? 1 : 0)] = uint8_t(v & 0xff);
            }
        }
    }

    QByteArray bytes;
    PacketPtr packet = makePacket();
    ret = avcodec_send_frame(ctx.get(), frame.get());
    if (ret >= 0)
        ret = avcodec_send_frame(ctx.get(), nullptr);
    while (ret >= 0) {
        ret = avcodec_receive_packet(ctx.get(), packet.get());
        if (ret < 0)
            break;
        bytes.append(reinterpret_cast<const char*>(packet->data), packet->size);
        av_packet_unref(packet.get());
    }
    if (ret != AVERROR_EOF || bytes.isEmpty())
        throw Error(ErrorKind::Internal,
                    QStringLiteral("the %1 encoder failed: %2")
                        .arg(QString::fromLatin1(encoderName), errorString(ret)));
    return bytes;
}

} // namespace retake::ffmpeg
