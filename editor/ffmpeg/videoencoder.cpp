// Over 600 lines for one reason: this is one class, the FFmpeg movie writer,
// whose muxer, video and audio encoders and their timestamps are one state
// (codec choice, colour tags, interleaving, flushing, the rename at the end).
// Split across files, that state would travel through a header with no other
// use.

#include "ffmpeg/videoencoder.h"

#include "core/error.h"
#include "ffmpeg/libav.h"
#include "media/fileutil.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <thread>

namespace retake::ffmpeg {

namespace {

struct CodecSpec {
    const char* encoder;
    AVPixelFormat format;
    const char* profile; // the encoder's private "profile" option, if any
    const char* label;
};

CodecSpec specFor(VideoCodec codec, int bitDepth = 0) {
    switch (codec) {
    case VideoCodec::ProRes422HQ:
        return {"prores_ks", AV_PIX_FMT_YUV422P10LE, "hq", "ProRes 422 HQ"};
    case VideoCodec::ProRes4444:
        return {"prores_ks", AV_PIX_FMT_YUVA444P10LE, "4444", "ProRes 4444"};
    case VideoCodec::H264:
        return {"libx264", AV_PIX_FMT_YUV420P, nullptr, "H.264"};
    case VideoCodec::H265: // Main10 for sources deeper than 8 bits
        return {"libx265", bitDepth > 8 ? AV_PIX_FMT_YUV420P10LE : AV_PIX_FMT_YUV420P, nullptr,
                "H.265"};
    case VideoCodec::DNxHRHQ:
        return {"dnxhd", AV_PIX_FMT_YUV422P, "dnxhr_hq", "DNxHR HQ"};
    case VideoCodec::DNxHRHQX:
        return {"dnxhd", AV_PIX_FMT_YUV422P10LE, "dnxhr_hqx", "DNxHR HQX"};
    }
    return {"prores_ks", AV_PIX_FMT_YUV422P10LE, "hq", "ProRes 422 HQ"};
}

// The muxer is named, not guessed from the file name: the temporary file's
// name does not end in the target's extension.
const char* muxerFor(const QString& path, const CodecSpec& spec) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("mov"))
        return "mov";
    if (suffix == QLatin1String("mp4") || suffix == QLatin1String("m4v"))
        return "mp4";
    if (suffix == QLatin1String("mkv"))
        return "matroska";
    throw Error(ErrorKind::Usage, QStringLiteral("%1: cannot write %2 into a '.%3' file; use .mov, "
                                                 ".mp4 or .mkv")
                                      .arg(path, QString::fromLatin1(spec.label), suffix));
}

int colorValue(const QString& name, int unspecified, int (*fromName)(const char*),
               const char* what) {
    if (name.isEmpty() || name == QLatin1String("unspecified"))
        return unspecified;
    const int value = fromName(name.toLatin1().constData());
    if (value < 0)
        throw Error(ErrorKind::Usage, QStringLiteral("unknown colour %1 '%2' (use FFmpeg's names, "
                                                     "such as bt709)")
                                          .arg(QString::fromLatin1(what), name));
    return value;
}

// Converts Retake images to the encoder's YUV layout. 16-bit and float
// images are first split into planes (G, B, R[, A]): swscale reads planar
// 16-bit RGB about 8x faster than packed RGB48, whose C reader looks up the
// pixel format's endianness for every pixel. Formats without vertical chroma
// subsampling convert row-independently, so their two halves run on two
// threads and hold up the encoder half as long.
class YuvConverter {
public:
    void convert(const Image& image, AVFrame* frame, AVColorSpace matrix, bool fullRange) {
        if (image.channels != 1 && image.channels != 3 && image.channels != 4)
            throw Error(
                ErrorKind::Usage,
                QStringLiteral("cannot encode an image with %1 channels").arg(image.channels));
        const bool wide = image.type != SampleType::UInt8;
        const bool planar = wide && image.channels >= 3;
        AVPixelFormat source = AV_PIX_FMT_NONE;
        switch (image.channels) {
        case 1:
            source = wide ? AV_PIX_FMT_GRAY16 : AV_PIX_FMT_GRAY8;
            break;
        case 3:
            source = wide ? AV_PIX_FMT_GBRP16 : AV_PIX_FMT_RGB24;
            break;
        default:
            source = wide ? AV_PIX_FMT_GBRAP16 : AV_PIX_FMT_RGBA;
            break;
        }
        const auto target = AVPixelFormat(frame->format);
        const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(target);
        const int parts = desc->log2_chroma_h == 0 && image.height >= 64 &&
                                  std::thread::hardware_concurrency() > 1
                              ? 2
                              : 1;
        if (source != source_ || image.width != width_ || image.height != height_ ||
            matrix != matrix_ || fullRange != fullRange_ || parts != int(parts_.size())) {
            parts_.clear();
            for (int p = 0; p < parts; ++p) {
                const int rows = rowsOf(image.height, parts, p);
                SwsPtr sws(sws_getContext(image.width, rows, source, image.width, rows, target,
                                          SWS_BICUBIC, nullptr, nullptr, nullptr));
                if (!sws)
                    throw Error(
                        ErrorKind::Internal,
                        QStringLiteral("no conversion to %1").arg(QString::fromLatin1(desc->name)));
                const int* coefficients = sws_getCoefficients(matrix);
                sws_setColorspaceDetails(sws.get(), coefficients, 1, coefficients,
                                         fullRange ? 1 : 0, 0, 1 << 16, 1 << 16);
                parts_.push_back(std::move(sws));
            }
            source_ = source;
            width_ = image.width;
            height_ = image.height;
            matrix_ = matrix;
            fullRange_ = fullRange;
        }
        const std::size_t plane = std::size_t(image.width) * image.height;
        if (planar)
            planes_.resize(plane * image.channels);
        else if (image.type == SampleType::Float32)
            planes_.resize(image.sampleCount()); // grey float -> GRAY16
        auto run = [&](int p) {
            const int firstRow = rowsOf(image.height, parts, 0) * p;
            const int rows = rowsOf(image.height, parts, p);
            const std::uint8_t* src[4] = {};
            int srcStride[4] = {};
            if (planar || image.type == SampleType::Float32) {
                toPlanes16(image, firstRow, rows, planar);
                // swscale's planar RGB order is G, B, R, A.
                static const int order[4] = {1, 2, 0, 3};
                const int planes = planar ? image.channels : 1;
                for (int k = 0; k < planes; ++k) {
                    src[k] = reinterpret_cast<const std::uint8_t*>(
                        planes_.data() + plane * (planar ? order[k] : 0) +
                        std::size_t(firstRow) * image.width);
                    srcStride[k] = image.width * 2;
                }
            } else {
                const int stride = image.width * image.channels * bytesPerSample(image.type);
                src[0] = image.pixels.data() + std::ptrdiff_t(firstRow) * stride;
                srcStride[0] = stride;
            }
            std::uint8_t* dst[4] = {};
            for (int k = 0; k < 4 && frame->data[k]; ++k)
                dst[k] = frame->data[k] + std::ptrdiff_t(firstRow) * frame->linesize[k];
            sws_scale(parts_[p].get(), src, srcStride, 0, rows, dst, frame->linesize);
        };
        if (parts == 1) {
            run(0);
        } else {
            std::thread second(run, 1);
            run(0);
            second.join();
        }
    }

private:
    static int rowsOf(int height, int parts, int part) {
        const int half = (height / parts) & ~1;
        return parts == 1 ? height : part == 0 ? half : height - half;
    }

    // Rows [firstRow, firstRow + rows) of a 16-bit or float image into
    // planes_: one plane per channel (planar) or the grey samples as they are.
    void toPlanes16(const Image& image, int firstRow, int rows, bool planar) {
        const int c = image.channels;
        const std::size_t plane = std::size_t(image.width) * image.height;
        const std::size_t first = std::size_t(firstRow) * image.width;
        const std::size_t count = std::size_t(rows) * image.width;
        std::uint16_t* out = planes_.data();
        if (image.type == SampleType::UInt16) {
            const std::uint16_t* in = image.samples<std::uint16_t>() + first * c;
            for (int k = 0; k < c; ++k) {
                std::uint16_t* o = out + plane * (planar ? k : 0) + first;
                for (std::size_t i = 0; i < count; ++i)
                    o[i] = in[i * c + k];
            }
            return;
        }
        const float* in = image.samples<float>() + first * c;
        for (int k = 0; k < c; ++k) {
            std::uint16_t* o = out + plane * (planar ? k : 0) + first;
            for (std::size_t i = 0; i < count; ++i)
                o[i] = std::uint16_t(std::lround(std::clamp(in[i * c + k], 0.f, 1.f) * 65535.f));
        }
    }

    std::vector<SwsPtr> parts_;
    AVPixelFormat source_ = AV_PIX_FMT_NONE;
    int width_ = 0;
    int height_ = 0;
    AVColorSpace matrix_ = AVCOL_SPC_UNSPECIFIED;
    bool fullRange_ = false;
    std::vector<std::uint16_t> planes_;
};

struct OutputFormatDeleter {
    void operator()(AVFormatContext* c) const {
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE))
            avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct AudioFifoDeleter {
    void operator()(AVAudioFifo* f) const { av_audio_fifo_free(f); }
};

// Usage problems are reported before anything touches the disk.
const QString& validated(const QString& path, const EncodeSettings& settings) {
    if (settings.width <= 0 || settings.height <= 0 || !settings.frameRate.isPositive())
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1: invalid encode settings (%2x%3 at %4 fps)")
                        .arg(path)
                        .arg(settings.width)
                        .arg(settings.height)
                        .arg(settings.frameRate.toString()));
    if (settings.audioSampleRate < 0 || settings.audioChannels < 0 ||
        (settings.audioSampleRate > 0) != (settings.audioChannels > 0))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1: invalid audio settings (%2 Hz, %3 channels)")
                        .arg(path)
                        .arg(settings.audioSampleRate)
                        .arg(settings.audioChannels));
    const CodecSpec spec = specFor(settings.codec);
    requireEncoder(QString::fromLatin1(spec.encoder), QString::fromLatin1(spec.label));
    muxerFor(path, spec);
    return path;
}

class FfmpegVideoEncoder final : public VideoEncoder {
public:
    FfmpegVideoEncoder(const QString& path, const EncodeSettings& settings);

    void writeFrame(const Image& frame) override;
    std::int64_t appendVideoSegment(const QString& path) override;
    void writeAudio(const float* interleaved, std::int64_t sampleFrames) override;
    void finish() override;

private:
    void openVideo(const CodecSpec& spec);
    void copyVideoStreamOf(const QString& segment);
    void openAudio(const char* encoderName);
    void openFile();
    void encode(AVCodecContext* ctx, AVStream* stream, const AVFrame* frame);
    void emitAudio(int samples);
    void requireUsable() const;
    [[noreturn]] void failWrite(int averror, const QString& during);

    QString path_;
    EncodeSettings settings_;
    TemporaryTarget target_;
    std::unique_ptr<AVFormatContext, OutputFormatDeleter> output_;
    CodecContextPtr video_;
    CodecContextPtr audio_;
    AVStream* videoStream_ = nullptr;
    AVStream* audioStream_ = nullptr;
    FramePtr videoFrame_ = makeFrame(); // format and colour of every frame
    std::vector<FramePtr> framePool_;   // pictures the encoder may still hold
    PacketPtr packet_ = makePacket();
    std::unique_ptr<AVAudioFifo, AudioFifoDeleter> fifo_;
    std::vector<std::uint8_t> audioScratch_;
    YuvConverter converter_;
    AVColorSpace matrix_ = AVCOL_SPC_BT709;
    bool fullRange_ = false;
    std::int64_t videoFrames_ = 0;
    std::int64_t audioSamples_ = 0;
    bool failed_ = false;
    bool finished_ = false;
};

FfmpegVideoEncoder::FfmpegVideoEncoder(const QString& path, const EncodeSettings& settings)
    : path_(path)
    , settings_(settings)
    , target_(validated(path, settings)) {
    const CodecSpec spec = specFor(settings.codec, settings.bitDepth);
    const char* muxer = muxerFor(path, spec);
    AVFormatContext* raw = nullptr;
    // "file:" keeps a colon in the name from being read as a protocol; the
    // MP4 muxer reopens this URL to move the index to the front.
    const QByteArray tempName = "file:" + target_.path().toUtf8();
    int ret = avformat_alloc_output_context2(&raw, nullptr, muxer, tempName.constData());
    if (ret < 0 || !raw)
        throw Error(ErrorKind::Usage, QStringLiteral("%1: this FFmpeg has no '%2' muxer")
                                          .arg(path, QString::fromLatin1(muxer)));
    output_.reset(raw);
    const AVCodec* encoder = avcodec_find_encoder_by_name(spec.encoder);
    if (avformat_query_codec(output_->oformat, encoder->id, FF_COMPLIANCE_NORMAL) != 1)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1: %2 cannot be stored in a '.%3' file")
                        .arg(path, QString::fromLatin1(spec.label), QFileInfo(path).suffix()));
    if (settings.videoFromSegment.isEmpty())
        openVideo(spec);
    else
        copyVideoStreamOf(settings.videoFromSegment);
    if (settings.audioSampleRate > 0 && settings.audioChannels > 0)
        openAudio(QByteArray(muxer) == "mp4" ? "aac" : "pcm_s24le");
    openFile();
}

void FfmpegVideoEncoder::openVideo(const CodecSpec& spec) {
    const AVCodec* codec = avcodec_find_encoder_by_name(spec.encoder);
    video_.reset(avcodec_alloc_context3(codec));
    if (!video_)
        throw std::bad_alloc();
    AVCodecContext* ctx = video_.get();
    const Rational rate = settings_.frameRate;
    ctx->width = settings_.width;
    ctx->height = settings_.height;
    ctx->pix_fmt = spec.format;
    ctx->time_base = AVRational{int(rate.denominator()), int(rate.numerator())};
    ctx->framerate = AVRational{int(rate.numerator()), int(rate.denominator())};
    ctx->sample_aspect_ratio = AVRational{1, 1};
    ctx->thread_count = 0;
    ctx->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;

    const ColourTags& tags = settings_.colour;
    ctx->color_primaries = AVColorPrimaries(colorValue(tags.primaries, AVCOL_PRI_UNSPECIFIED,
                                                       av_color_primaries_from_name, "primaries"));
    ctx->color_trc = AVColorTransferCharacteristic(
        colorValue(tags.transfer, AVCOL_TRC_UNSPECIFIED, av_color_transfer_from_name, "transfer"));
    const auto matrix = AVColorSpace(
        colorValue(tags.matrix, AVCOL_SPC_UNSPECIFIED, av_color_space_from_name, "matrix"));
    const auto range = AVColorRange(
        colorValue(tags.range, AVCOL_RANGE_UNSPECIFIED, av_color_range_from_name, "range"));
    // The matrix and range used for RGB to YUV are facts about this file, so
    // they are tagged even when the settings left them open.
    const bool sd = settings_.width <= 1024 && settings_.height <= 576;
    matrix_ = matrix != AVCOL_SPC_UNSPECIFIED ? matrix : sd ? AVCOL_SPC_SMPTE170M : AVCOL_SPC_BT709;
    // ProRes is limited range by definition (and MOV cannot say otherwise).
    fullRange_ = range == AVCOL_RANGE_JPEG && settings_.codec != VideoCodec::ProRes422HQ &&
                 settings_.codec != VideoCodec::ProRes4444;
    ctx->colorspace = matrix_;
    ctx->color_range = fullRange_ ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG;

    if (spec.profile)
        av_opt_set(ctx->priv_data, "profile", spec.profile, 0);
    if (settings_.codec == VideoCodec::H264 && settings_.proxy) {
        ctx->gop_size = 1;
        ctx->max_b_frames = 0;
        av_opt_set(ctx->priv_data, "crf", "20", 0);
        av_opt_set(ctx->priv_data, "preset", "ultrafast", 0);
    } else if (settings_.codec == VideoCodec::H264) {
        av_opt_set(ctx->priv_data, "crf", "18", 0);
        av_opt_set(ctx->priv_data, "preset", "medium", 0);
    } else if (settings_.codec == VideoCodec::H265) {
        av_opt_set(ctx->priv_data, "crf", "20", 0);
        av_opt_set(ctx->priv_data, "preset", "medium", 0);
        av_opt_set(ctx->priv_data, "x265-params", "log-level=error", 0);
    }
    if (output_->oformat->flags & AVFMT_GLOBALHEADER)
        ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;

    const int ret = avcodec_open2(ctx, codec, nullptr);
    if (ret < 0)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1: the %2 encoder rejects %3x%4 at %5 fps: %6")
                        .arg(path_, QString::fromLatin1(spec.encoder))
                        .arg(settings_.width)
                        .arg(settings_.height)
                        .arg(rate.toString(), errorString(ret)));
    videoStream_ = avformat_new_stream(output_.get(), nullptr);
    if (!videoStream_)
        throw std::bad_alloc();
    avcodec_parameters_from_context(videoStream_->codecpar, ctx);
    videoStream_->time_base = ctx->time_base;
    videoStream_->avg_frame_rate = ctx->framerate;
    // Apple players only accept HEVC in MP4/MOV under the hvc1 tag.
    if (settings_.codec == VideoCodec::H265)
        videoStream_->codecpar->codec_tag = MKTAG('h', 'v', 'c', '1');

    videoFrame_->format = ctx->pix_fmt;
    videoFrame_->width = ctx->width;
    videoFrame_->height = ctx->height;
    videoFrame_->color_primaries = ctx->color_primaries;
    videoFrame_->color_trc = ctx->color_trc;
    videoFrame_->colorspace = ctx->colorspace;
    videoFrame_->color_range = ctx->color_range;
}

namespace {

int videoStreamIndex(AVFormatContext* input, const QString& path) {
    const int index = av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index < 0)
        throwBadInput(path, QStringLiteral("holds no video stream"));
    return index;
}

} // namespace

void FfmpegVideoEncoder::copyVideoStreamOf(const QString& segment) {
    const InputFormatPtr input = openInput(segment);
    const AVStream* source = input->streams[videoStreamIndex(input.get(), segment)];
    videoStream_ = avformat_new_stream(output_.get(), nullptr);
    if (!videoStream_)
        throw std::bad_alloc();
    if (avcodec_parameters_copy(videoStream_->codecpar, source->codecpar) < 0)
        throw std::bad_alloc();
    videoStream_->codecpar->codec_tag = 0; // the output container chooses
    if (settings_.codec == VideoCodec::H265)
        videoStream_->codecpar->codec_tag = MKTAG('h', 'v', 'c', '1');
    const Rational rate = settings_.frameRate;
    videoStream_->time_base = AVRational{int(rate.denominator()), int(rate.numerator())};
    videoStream_->avg_frame_rate = AVRational{int(rate.numerator()), int(rate.denominator())};
}

std::int64_t FfmpegVideoEncoder::appendVideoSegment(const QString& path) {
    requireUsable();
    if (settings_.videoFromSegment.isEmpty())
        throw Error(ErrorKind::Internal,
                    QStringLiteral("%1: this encoder encodes its own video").arg(path_));
    const InputFormatPtr input = openInput(path);
    const int index = videoStreamIndex(input.get(), path);
    const AVStream* source = input->streams[index];
    if (source->codecpar->codec_id != videoStream_->codecpar->codec_id ||
        source->codecpar->width != videoStream_->codecpar->width ||
        source->codecpar->height != videoStream_->codecpar->height)
        throwBadInput(path, QStringLiteral("is not a segment of this movie (another codec or "
                                           "size)"));
    // Each segment's timestamps start at its own first frame; they move to
    // follow the frames already written.
    const Rational rate = settings_.frameRate;
    const AVRational frameTime{int(rate.denominator()), int(rate.numerator())};
    const std::int64_t offset = av_rescale_q(videoFrames_, frameTime, videoStream_->time_base);
    std::int64_t frames = 0;
    for (;;) {
        const int ret = av_read_frame(input.get(), packet_.get());
        if (ret == AVERROR_EOF)
            break;
        if (ret < 0)
            throwBadInput(path, QStringLiteral("cannot be read: %1").arg(errorString(ret)));
        if (packet_->stream_index != index) {
            av_packet_unref(packet_.get());
            continue;
        }
        av_packet_rescale_ts(packet_.get(), source->time_base, videoStream_->time_base);
        if (packet_->pts != AV_NOPTS_VALUE)
            packet_->pts += offset;
        if (packet_->dts != AV_NOPTS_VALUE)
            packet_->dts += offset;
        packet_->stream_index = videoStream_->index;
        packet_->pos = -1;
        ++frames;
        const int written = av_interleaved_write_frame(output_.get(), packet_.get());
        if (written < 0)
            failWrite(written, QStringLiteral("writing media data"));
    }
    videoFrames_ += frames;
    return frames;
}

void FfmpegVideoEncoder::openAudio(const char* encoderName) {
    requireEncoder(QString::fromLatin1(encoderName), QStringLiteral("audio"));
    const AVCodec* codec = avcodec_find_encoder_by_name(encoderName);
    audio_.reset(avcodec_alloc_context3(codec));
    if (!audio_)
        throw std::bad_alloc();
    AVCodecContext* ctx = audio_.get();
    ctx->sample_rate = settings_.audioSampleRate;
    av_channel_layout_default(&ctx->ch_layout, settings_.audioChannels);
    ctx->sample_fmt = codec->sample_fmts ? codec->sample_fmts[0] : AV_SAMPLE_FMT_FLTP;
    ctx->time_base = AVRational{1, settings_.audioSampleRate};
    if (codec->id == AV_CODEC_ID_AAC)
        ctx->bit_rate = std::min(128000 * settings_.audioChannels, 512000);
    ctx->thread_count = 0;
    if (output_->oformat->flags & AVFMT_GLOBALHEADER)
        ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    const int ret = avcodec_open2(ctx, codec, nullptr);
    if (ret < 0)
        throw Error(ErrorKind::Usage, QStringLiteral("%1: the %2 encoder rejects %3 Hz, %4 "
                                                     "channels: %5")
                                          .arg(path_, QString::fromLatin1(encoderName))
                                          .arg(settings_.audioSampleRate)
                                          .arg(settings_.audioChannels)
                                          .arg(errorString(ret)));
    audioStream_ = avformat_new_stream(output_.get(), nullptr);
    if (!audioStream_)
        throw std::bad_alloc();
    avcodec_parameters_from_context(audioStream_->codecpar, ctx);
    audioStream_->time_base = ctx->time_base;
    fifo_.reset(av_audio_fifo_alloc(ctx->sample_fmt, settings_.audioChannels,
                                    std::max(ctx->frame_size, 1024) * 4));
    if (!fifo_)
        throw std::bad_alloc();
}

void FfmpegVideoEncoder::openFile() {
    int ret = avio_open(&output_->pb, output_->url, AVIO_FLAG_WRITE);
    if (ret < 0)
        throwOutputError(path_, QStringLiteral("cannot write: %1").arg(errorString(ret)));
    AVDictionary* options = nullptr;
    // MP4 is the delivery format: index first so it streams and previews.
    // Both write the stream's colour into the container ('colr': nclx in MP4,
    // nclc in MOV), which players read before the codec's own tags.
    if (QByteArray(output_->oformat->name) == "mp4")
        av_dict_set(&options, "movflags", "+faststart+write_colr", 0);
    else if (QByteArray(output_->oformat->name) == "mov")
        av_dict_set(&options, "movflags", "+write_colr", 0);
    ret = avformat_write_header(output_.get(), &options);
    av_dict_free(&options);
    if (ret < 0) {
        if (output_->pb->error < 0)
            failWrite(output_->pb->error, QStringLiteral("writing the header"));
        throw Error(ErrorKind::Usage, QStringLiteral("%1: the container refuses these streams: %2")
                                          .arg(path_, errorString(ret)));
    }
}

void FfmpegVideoEncoder::requireUsable() const {
    if (finished_)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1: the encoder is already finished").arg(path_));
    if (failed_)
        throw Error(
            ErrorKind::Output,
            QStringLiteral("%1: an earlier write failed; nothing more is written").arg(path_));
}

void FfmpegVideoEncoder::failWrite(int averror, const QString& during) {
    failed_ = true;
    throwOutputError(path_,
                     QStringLiteral("write failed while %1: %2").arg(during, errorString(averror)));
}

void FfmpegVideoEncoder::encode(AVCodecContext* ctx, AVStream* stream, const AVFrame* frame) {
    int ret = avcodec_send_frame(ctx, frame);
    if (ret < 0 && ret != AVERROR_EOF) {
        failed_ = true;
        throw Error(ErrorKind::Internal,
                    QStringLiteral("%1: the %2 encoder failed: %3")
                        .arg(path_, QString::fromLatin1(ctx->codec->name), errorString(ret)));
    }
    for (;;) {
        ret = avcodec_receive_packet(ctx, packet_.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return;
        if (ret < 0) {
            failed_ = true;
            throw Error(ErrorKind::Internal,
                        QStringLiteral("%1: the %2 encoder failed: %3")
                            .arg(path_, QString::fromLatin1(ctx->codec->name), errorString(ret)));
        }
        packet_->stream_index = stream->index;
        av_packet_rescale_ts(packet_.get(), ctx->time_base, stream->time_base);
        // Interleaved writing orders audio and video by time in the file,
        // whatever order the caller hands them over in.
        ret = av_interleaved_write_frame(output_.get(), packet_.get());
        if (ret < 0)
            failWrite(ret, QStringLiteral("writing media data"));
    }
}

void FfmpegVideoEncoder::writeFrame(const Image& image) {
    requireUsable();
    if (!video_)
        throw Error(ErrorKind::Internal,
                    QStringLiteral("%1: this encoder copies its video from segments").arg(path_));
    if (image.width != settings_.width || image.height != settings_.height)
        throw Error(ErrorKind::Usage, QStringLiteral("%1: frame is %2x%3 but the file is %4x%5")
                                          .arg(path_)
                                          .arg(image.width)
                                          .arg(image.height)
                                          .arg(settings_.width)
                                          .arg(settings_.height));
    if (image.pixels.size() < image.sampleCount() * bytesPerSample(image.type))
        throw Error(ErrorKind::Usage, QStringLiteral("%1: frame has too few pixels").arg(path_));
    // Frame threads keep references to the last few pictures; reusing the
    // ones they have released saves allocating (and faulting in) a full
    // frame of memory per picture.
    AVFrame* picture = nullptr;
    for (const FramePtr& candidate : framePool_)
        if (av_frame_is_writable(candidate.get())) {
            picture = candidate.get();
            break;
        }
    if (!picture) {
        FramePtr fresh = makeFrame();
        if (av_frame_copy_props(fresh.get(), videoFrame_.get()) < 0)
            throw std::bad_alloc();
        fresh->format = videoFrame_->format;
        fresh->width = videoFrame_->width;
        fresh->height = videoFrame_->height;
        if (av_frame_get_buffer(fresh.get(), 0) < 0)
            throw std::bad_alloc();
        picture = fresh.get();
        framePool_.push_back(std::move(fresh));
    }
    if (image.channels == 4 && image.alphaPremultiplied && !image.alphaIsPadding) {
        // Video codecs carry straight alpha (ProRes 4444, PNG, FFV1).
        Image straight = image;
        convertAlphaAssociation(straight, false);
        converter_.convert(straight, picture, matrix_, fullRange_);
    } else {
        converter_.convert(image, picture, matrix_, fullRange_);
    }
    picture->pts = videoFrames_++;
    encode(video_.get(), videoStream_, picture);
}

void FfmpegVideoEncoder::writeAudio(const float* interleaved, std::int64_t sampleFrames) {
    requireUsable();
    if (!audio_)
        throw Error(ErrorKind::Usage, QStringLiteral("%1: audio given, but the settings asked for "
                                                     "no audio stream")
                                          .arg(path_));
    const int channels = settings_.audioChannels;
    const AVSampleFormat format = audio_->sample_fmt;
    const bool planar = av_sample_fmt_is_planar(format);
    const int bytes = av_get_bytes_per_sample(format);
    constexpr std::int64_t chunk = 4096;
    for (std::int64_t done = 0; done < sampleFrames; done += chunk) {
        const int n = int(std::min(chunk, sampleFrames - done));
        audioScratch_.resize(std::size_t(n) * channels * bytes);
        void* planes[AV_NUM_DATA_POINTERS] = {};
        for (int c = 0; c < (planar ? channels : 1); ++c)
            planes[c] = audioScratch_.data() + std::size_t(c) * n * bytes;
        const float* in = interleaved + done * channels;
        // The encoders Retake uses take float or integer PCM; converting by
        // hand keeps the samples exact (no resampler, no dither).
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < channels; ++c) {
                const float v = std::clamp(in[std::size_t(i) * channels + c], -1.f, 1.f);
                const std::size_t at = planar ? std::size_t(i) : std::size_t(i) * channels + c;
                auto* plane = static_cast<std::uint8_t*>(planes[planar ? c : 0]);
                switch (av_get_packed_sample_fmt(format)) {
                case AV_SAMPLE_FMT_FLT:
                    reinterpret_cast<float*>(plane)[at] = v;
                    break;
                case AV_SAMPLE_FMT_S16:
                    reinterpret_cast<std::int16_t*>(plane)[at] =
                        std::int16_t(std::lround(v * 32767.f));
                    break;
                case AV_SAMPLE_FMT_S32:
                    reinterpret_cast<std::int32_t*>(plane)[at] =
                        std::int32_t(std::llround(double(v) * 2147483647.0));
                    break;
                default:
                    throw Error(ErrorKind::Internal,
                                QStringLiteral("unsupported audio encoder sample format %1")
                                    .arg(QString::fromLatin1(av_get_sample_fmt_name(format))));
                }
            }
        if (av_audio_fifo_write(fifo_.get(), planes, n) < n)
            throw std::bad_alloc();
        const int frameSize = audio_->frame_size > 0 ? audio_->frame_size : 1024;
        while (av_audio_fifo_size(fifo_.get()) >= frameSize)
            emitAudio(frameSize);
    }
}

void FfmpegVideoEncoder::emitAudio(int samples) {
    FramePtr frame = makeFrame();
    frame->nb_samples = samples;
    frame->format = audio_->sample_fmt;
    frame->sample_rate = audio_->sample_rate;
    av_channel_layout_copy(&frame->ch_layout, &audio_->ch_layout);
    if (av_frame_get_buffer(frame.get(), 0) < 0)
        throw std::bad_alloc();
    av_audio_fifo_read(fifo_.get(), reinterpret_cast<void**>(frame->data), samples);
    // A fixed-size encoder without a short last frame gets silence padding.
    if (audio_->frame_size > 0 && samples < audio_->frame_size &&
        !(audio_->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME)) {
        FramePtr padded = makeFrame();
        padded->nb_samples = audio_->frame_size;
        padded->format = frame->format;
        padded->sample_rate = frame->sample_rate;
        av_channel_layout_copy(&padded->ch_layout, &frame->ch_layout);
        if (av_frame_get_buffer(padded.get(), 0) < 0)
            throw std::bad_alloc();
        av_samples_set_silence(padded->extended_data, 0, padded->nb_samples,
                               padded->ch_layout.nb_channels, AVSampleFormat(padded->format));
        av_samples_copy(padded->extended_data, frame->extended_data, 0, 0, samples,
                        padded->ch_layout.nb_channels, AVSampleFormat(padded->format));
        frame = std::move(padded);
    }
    frame->pts = audioSamples_;
    audioSamples_ += frame->nb_samples;
    encode(audio_.get(), audioStream_, frame.get());
}

void FfmpegVideoEncoder::finish() {
    requireUsable();
    if (audio_) {
        const int left = av_audio_fifo_size(fifo_.get());
        if (left > 0)
            emitAudio(left);
        encode(audio_.get(), audioStream_, nullptr);
    }
    if (video_)
        encode(video_.get(), videoStream_, nullptr);
    int ret = av_write_trailer(output_.get());
    if (ret < 0)
        failWrite(ret, QStringLiteral("writing the index (trailer)"));
    // avio_close() drops a failed final flush on the floor; check it first.
    avio_flush(output_->pb);
    if (output_->pb->error < 0)
        failWrite(output_->pb->error, QStringLiteral("flushing the file"));
    ret = avio_closep(&output_->pb);
    if (ret < 0)
        failWrite(ret, QStringLiteral("closing the file"));
    target_.commit();
    finished_ = true;
}

} // namespace

void requireEncoder(const QString& encoderName, const QString& purpose) {
    if (!avcodec_find_encoder_by_name(encoderName.toLatin1().constData()))
        throw Error(ErrorKind::Usage, QStringLiteral("this FFmpeg has no '%1' encoder, needed for "
                                                     "%2; install an FFmpeg built with it")
                                          .arg(encoderName, purpose));
}

std::unique_ptr<VideoEncoder> createVideoEncoder(const QString& path,
                                                 const EncodeSettings& settings) {
    quietLogs();
    return std::make_unique<FfmpegVideoEncoder>(path, settings);
}

} // namespace retake::ffmpeg
