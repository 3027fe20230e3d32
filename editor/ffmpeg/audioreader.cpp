#include "ffmpeg/audioreader.h"

#include "core/error.h"
#include "ffmpeg/libav.h"

#include <algorithm>
#include <cstring>

namespace retake::ffmpeg {

AudioInfo bestAudioStream(AVFormatContext* input) {
    AudioInfo info;
    const int index = av_find_best_stream(input, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (index < 0)
        return info;
    const AVCodecParameters* par = input->streams[index]->codecpar;
    info.streamIndex = index;
    info.sampleRate = par->sample_rate;
    info.channels = par->ch_layout.nb_channels;
    char layout[128] = {};
    if (av_channel_layout_describe(&par->ch_layout, layout, sizeof layout) > 0)
        info.channelLayout = QString::fromUtf8(layout);
    info.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
    return info;
}

namespace {

class FfmpegAudioReader final : public AudioReader {
public:
    FfmpegAudioReader(const QString& path, InputFormatPtr input, const AudioInfo& info);

    const AudioInfo& info() const override { return info_; }
    std::vector<float> read(std::int64_t startSample, std::int64_t sampleCount) override;

private:
    bool decodeNextFrame();
    void append(const AVFrame* frame, std::int64_t firstSample);
    void seekTo(std::int64_t sample);
    std::int64_t bufferEnd() const {
        return bufferStart_ + std::int64_t(buffer_.size()) / channels_;
    }

    QString path_;
    InputFormatPtr input_;
    AVStream* stream_ = nullptr;
    CodecContextPtr decoder_;
    SwrPtr swr_;
    int swrFormat_ = -1;
    AudioInfo info_;
    int channels_ = 0;
    FramePtr frame_ = makeFrame();
    PacketPtr packet_ = makePacket();
    std::vector<float> converted_;

    std::int64_t origin_ = 0;   // pts of sample 0 in stream ticks
    std::vector<float> buffer_; // decoded, interleaved, from bufferStart_
    std::int64_t bufferStart_ = 0;
    std::int64_t nextSample_ = 0; // where a frame without pts goes
    bool fresh_ = true;           // after a seek: bufferStart_ not yet known
    bool draining_ = false;
    bool eof_ = false;
};

FfmpegAudioReader::FfmpegAudioReader(const QString& path, InputFormatPtr input,
                                     const AudioInfo& info)
    : path_(path)
    , input_(std::move(input))
    , info_(info) {
    stream_ = input_->streams[info.streamIndex];
    for (unsigned i = 0; i < input_->nb_streams; ++i)
        input_->streams[i]->discard =
            input_->streams[i] == stream_ ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    decoder_ = openDecoder(path, stream_);
    channels_ = info_.channels;
    if (channels_ <= 0 || info_.sampleRate <= 0)
        throwBadInput(path, QStringLiteral("the audio stream has no sample rate or channel count"));
    // Sample 0 is the first sample a plain decode produces; its pts anchors
    // every later sample index (encoder priming already trimmed by FFmpeg).
    if (!decodeNextFrame())
        throwBadInput(path, QStringLiteral("the audio stream has no decodable samples"));
    origin_ = frame_->pts != AV_NOPTS_VALUE ? frame_->pts : 0;
    append(frame_.get(), 0);
    av_frame_unref(frame_.get());
}

void FfmpegAudioReader::append(const AVFrame* frame, std::int64_t firstSample) {
    const int count = frame->nb_samples;
    if (count <= 0)
        return;
    if (frame->ch_layout.nb_channels != channels_)
        throwBadInput(path_, QStringLiteral("the audio changes channel count mid-stream (%1 to %2)")
                                 .arg(channels_)
                                 .arg(frame->ch_layout.nb_channels));
    const float* samples = nullptr;
    if (frame->format == AV_SAMPLE_FMT_FLT) {
        samples = reinterpret_cast<const float*>(frame->data[0]);
    } else {
        if (!swr_ || frame->format != swrFormat_) {
            SwrContext* raw = nullptr;
            AVChannelLayout layout;
            av_channel_layout_default(&layout, channels_);
            // Same rate in and out: only the sample format changes, so the
            // resampler adds no delay and sample indices stay exact.
            if (swr_alloc_set_opts2(&raw, &layout, AV_SAMPLE_FMT_FLT, frame->sample_rate, &layout,
                                    AVSampleFormat(frame->format), frame->sample_rate, 0,
                                    nullptr) < 0 ||
                swr_init(raw) < 0) {
                swr_free(&raw);
                throw Error(ErrorKind::Internal,
                            QStringLiteral("%1: cannot convert audio sample format %2")
                                .arg(path_, QString::fromLatin1(av_get_sample_fmt_name(
                                                AVSampleFormat(frame->format)))));
            }
            av_channel_layout_uninit(&layout);
            swr_.reset(raw);
            swrFormat_ = frame->format;
        }
        converted_.resize(std::size_t(count) * channels_);
        uint8_t* out = reinterpret_cast<uint8_t*>(converted_.data());
        const int done = swr_convert(swr_.get(), &out, count,
                                     const_cast<const uint8_t**>(frame->extended_data), count);
        if (done < 0)
            throwBadInput(
                path_, QStringLiteral("cannot convert decoded audio: %1").arg(errorString(done)));
        samples = converted_.data();
    }

    std::int64_t skip = 0;
    if (fresh_) {
        bufferStart_ = firstSample;
        fresh_ = false;
    } else if (firstSample > bufferEnd()) {
        // A hole in the stream stays a hole in time: silence keeps sync.
        buffer_.resize(buffer_.size() + std::size_t(firstSample - bufferEnd()) * channels_, 0.f);
    } else if (firstSample < bufferEnd()) {
        skip = std::min<std::int64_t>(bufferEnd() - firstSample, count);
    }
    buffer_.insert(buffer_.end(), samples + skip * channels_,
                   samples + std::int64_t(count) * channels_);
    nextSample_ = firstSample + count;
}

bool FfmpegAudioReader::decodeNextFrame() {
    for (;;) {
        int ret = avcodec_receive_frame(decoder_.get(), frame_.get());
        if (ret == 0)
            return true;
        if (ret == AVERROR_EOF) {
            eof_ = true;
            return false;
        }
        // Other errors are damaged packets: skip them and keep decoding.
        if (draining_) {
            eof_ = true;
            return false;
        }
        for (;;) {
            ret = av_read_frame(input_.get(), packet_.get());
            if (ret < 0 || packet_->stream_index == stream_->index)
                break;
            av_packet_unref(packet_.get());
        }
        if (ret < 0) {
            avcodec_send_packet(decoder_.get(), nullptr);
            draining_ = true;
            continue;
        }
        avcodec_send_packet(decoder_.get(), packet_.get());
        av_packet_unref(packet_.get());
    }
}

void FfmpegAudioReader::seekTo(std::int64_t sample) {
    const int rate = info_.sampleRate;
    // Codecs with overlapping transforms (AAC, MP3, Opus) need the frames
    // before the wanted sample to reconstruct it; 0.2 s covers all of them.
    const std::int64_t preroll = std::max<std::int64_t>(rate / 5, 4096);
    std::int64_t from = std::max<std::int64_t>(0, sample - preroll);
    for (int attempt = 0;; ++attempt) {
        const std::int64_t ts =
            origin_ + av_rescale_q(from, AVRational{1, rate}, stream_->time_base);
        const int ret = av_seek_frame(input_.get(), stream_->index, ts, AVSEEK_FLAG_BACKWARD);
        avcodec_flush_buffers(decoder_.get());
        buffer_.clear();
        fresh_ = true;
        draining_ = false;
        eof_ = false;
        nextSample_ = from;
        if (ret < 0 && from > 0) {
            from = 0;
            continue;
        }
        if (ret < 0)
            throwBadInput(
                path_, QStringLiteral("cannot seek in the audio stream: %1").arg(errorString(ret)));
        if (!decodeNextFrame())
            return;
        const std::int64_t first =
            frame_->pts != AV_NOPTS_VALUE
                ? av_rescale_q(frame_->pts - origin_, stream_->time_base, AVRational{1, rate})
                : nextSample_;
        append(frame_.get(), first);
        av_frame_unref(frame_.get());
        // Landed after the wanted sample (a coarse demuxer index): go back further.
        if (first <= sample || from == 0 || attempt >= 3)
            return;
        from = attempt < 2 ? std::max<std::int64_t>(0, from - rate * 2) : 0;
    }
}

std::vector<float> FfmpegAudioReader::read(std::int64_t startSample, std::int64_t sampleCount) {
    if (sampleCount <= 0)
        return {};
    std::vector<float> out(std::size_t(sampleCount) * channels_, 0.f);
    const std::int64_t end = startSample + sampleCount;
    if (end <= 0)
        return out;
    const std::int64_t begin = std::max<std::int64_t>(0, startSample);
    // Run forward from where the decoder is when the request is just ahead;
    // otherwise seek, which costs a preroll decode.
    const bool near = !fresh_ && begin >= bufferStart_ && begin <= bufferEnd() + info_.sampleRate;
    const bool pastEnd = !fresh_ && eof_ && begin >= bufferEnd();
    if (!near && !pastEnd)
        seekTo(begin);
    while (!eof_ && bufferEnd() < end) {
        if (!decodeNextFrame())
            break;
        const std::int64_t first = frame_->pts != AV_NOPTS_VALUE
                                       ? av_rescale_q(frame_->pts - origin_, stream_->time_base,
                                                      AVRational{1, info_.sampleRate})
                                       : nextSample_;
        append(frame_.get(), first);
        av_frame_unref(frame_.get());
    }

    const std::int64_t from = std::max(begin, bufferStart_);
    const std::int64_t to = std::min(end, bufferEnd());
    if (to > from)
        std::memcpy(out.data() + (from - startSample) * channels_,
                    buffer_.data() + (from - bufferStart_) * channels_,
                    std::size_t(to - from) * channels_ * sizeof(float));
    // Keep only what a following sequential read can still use.
    const std::int64_t keepFrom = std::min(end, bufferEnd());
    if (keepFrom > bufferStart_) {
        buffer_.erase(buffer_.begin(), buffer_.begin() + (keepFrom - bufferStart_) * channels_);
        bufferStart_ = keepFrom;
    }
    return out;
}

} // namespace

std::unique_ptr<AudioReader> openAudio(const QString& path) {
    InputFormatPtr input = openInput(path);
    const AudioInfo info = bestAudioStream(input.get());
    if (!info.present())
        return nullptr;
    return std::make_unique<FfmpegAudioReader>(path, std::move(input), info);
}

} // namespace retake::ffmpeg
