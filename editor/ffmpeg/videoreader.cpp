// Over 600 lines for one reason: this is one class, the FFmpeg video reader,
// whose demuxer, decoder, seek position and converter are one state (seek to
// the keyframe before a frame, decode forward, convert). Split across files,
// that state would travel through a header with no other use.

#include "ffmpeg/videoreader.h"

#include "core/error.h"
#include "ffmpeg/libav.h"

#include <QFileInfo>
#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <optional>

namespace retake::ffmpeg {

namespace {

__extension__ typedef __int128 Wide;

// One coded frame of the media, kept in presentation order. 32 bytes per
// frame: a 10-minute 25 fps clip indexes in under half a megabyte.
struct FrameEntry {
    std::int64_t pts = 0;
    std::int64_t dts = AV_NOPTS_VALUE;
    std::int64_t duration = 0;
    std::int32_t decodeIndex = 0; // position among the stream's packets in demux order
};

// A keyframe decoding can start from. Kept apart from the frames because a
// trimmed MOV/MP4 (an edit list starting mid-GOP) begins with keyframes that
// are decoded but never shown, so are not frames of the media.
struct SeekPoint {
    std::int64_t pts = 0;
    std::int64_t dts = AV_NOPTS_VALUE;
    std::int32_t decodeIndex = 0;
};

// How far (in packets) the decoder may be behind a target's keyframe and
// still be cheaper to run forward than to flush and seek: a seek drains the
// frame-thread pipeline, which costs about this many frames.
constexpr std::int32_t kForwardSlack = 4;

const std::array<Rational, 10>& standardRates() {
    static const std::array<Rational, 10> rates = {
        Rational(24000, 1001), Rational(24), Rational(25), Rational(30000, 1001),
        Rational(30),          Rational(48), Rational(50), Rational(60000, 1001),
        Rational(60),          Rational(120)};
    return rates;
}

// A nominal rate near a standard one is that standard rate: containers store
// 29.97 as 2997/100 or 30000/1001 depending on who wrote them.
Rational snapToStandard(Rational rate, double tolerance) {
    for (const Rational& standard : standardRates())
        if (std::abs(rate.toDouble() / standard.toDouble() - 1.0) <= tolerance)
            return standard;
    return rate;
}

std::optional<Rational> validRate(AVRational r) {
    if (r.num <= 0 || r.den <= 0)
        return std::nullopt;
    const Rational rate(r.num, r.den);
    // 90000/1 and friends are timebases leaking into the rate fields.
    if (rate.toDouble() > 1000.0 || rate.toDouble() < 0.1)
        return std::nullopt;
    return rate;
}

class VideoReader final : public MediaReader {
public:
    explicit VideoReader(const QString& path);

    const MediaInfo& info() const override { return info_; }
    Image readFrame(FrameNumber n) override;
    void setPreviewSize(QSize size) override;
    void keepDecodedFrames(std::size_t budgetBytes) override;
    DecodeStats decodeStats() const override { return stats_; }

private:
    void buildIndex();
    void chooseRate();
    void describe();
    int sourceIndexFor(FrameNumber n) const;
    int keyframeAtOrBefore(int index) const;
    int entryForPts(std::int64_t pts) const;
    bool trySeek(std::int64_t timestamp, std::int64_t latestKeyPts);
    void seekToKeyframe(int key);
    bool readVideoPacket();
    Image decodeUntil(int index, FrameNumber n, bool drainAfterTarget, bool skipNonRef);
    Image convertDecoded(const AVFrame* frame, FrameNumber n);
    void keep(const AVFrame* frame, std::int64_t pts);
    const AVFrame* kept(std::int64_t pts) const;
    [[noreturn]] void fail(FrameNumber n, const QString& problem);

    QString path_;
    InputFormatPtr input_;
    CodecContextPtr decoder_;
    AVStream* stream_ = nullptr;
    FramePtr frame_ = makeFrame();
    PacketPtr packet_ = makePacket();
    bool packetPending_ = false;
    RgbConverter converter_;
    QSize previewSize_; // empty = full size
    MediaInfo info_;

    std::vector<FrameEntry> frames_;    // presentation order
    std::vector<SeekPoint> seekPoints_; // by pts
    bool conform_ = false;
    std::int64_t spanTicks_ = 0; // first frame's pts to the end of the last one

    // Decoder position: valid while the decoder can run forward.
    bool positioned_ = false;
    bool draining_ = false;
    std::int64_t lastOutputPts_ = INT64_MIN;
    std::int32_t lastSentDecodeIndex_ = -1;
    bool skipNonRefAllowed_ = false;
    // A decode error since the last keyframe came out: later frames may
    // reference the damage even when the decoder does not flag them.
    bool damaged_ = false;
    // Access pattern: two jumps in a row look like scrubbing, where waiting
    // for the frame-thread pipeline to fill costs more than it saves.
    FrameNumber lastRequest_ = -2;
    bool lastWasStep_ = true;
    // h264 drops frames after an open-GOP keyframe when drained early; the
    // first time that happens the reader stops draining early.
    bool drainAllowed_ = true;

    // Conformed VFR media repeats source frames; the last one is kept so a
    // repeat does not seek back and decode it again.
    int lastIndex_ = -1;
    Image lastImage_;
    // Frame 0, decoded at open; handed out by the first readFrame(0) instead
    // of seeking back to decode it again.
    Image firstFrame_;

    // Pictures decoded on the way to recent targets (keepDecodedFrames),
    // oldest first, each a reference to the decoder's buffer: 3 MB for a
    // 1080p 4:2:0 picture, a quarter of its RGB conversion.
    struct KeptPicture {
        std::int64_t pts = 0;
        FramePtr frame;
        std::size_t bytes = 0;
    };
    std::deque<KeptPicture> kept_;
    std::size_t keptBytes_ = 0;
    std::size_t keepBudget_ = 0;
    DecodeStats stats_;
};

VideoReader::VideoReader(const QString& path)
    : path_(path) {
    input_ = openInput(path);
    const int best = av_find_best_stream(input_.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (best < 0)
        throwBadInput(path, QStringLiteral("contains no video stream"));
    stream_ = input_->streams[best];
    // One thread for the proof below: with frame threads, whether a damaged
    // frame 0 comes out flagged corrupt depended on thread timing, and the
    // same file was accepted in some imports and refused in others.
    decoder_ = openDecoder(path, stream_, 1);
    // Only h264/hevc are known to decode non-reference frames independently
    // of everything else, so only they may skip them while seeking.
    skipNonRefAllowed_ = stream_->codecpar->codec_id == AV_CODEC_ID_H264 ||
                         stream_->codecpar->codec_id == AV_CODEC_ID_HEVC;

    buildIndex();
    chooseRate();
    describe();

    // Decoding frame 0 proves the stream decodes at all (random bytes can
    // demux) and leaves the decoder ready for a sequential read.
    try {
        firstFrame_ = readFrame(0);
    } catch (const Error& e) {
        QString reason = e.message();
        if (reason.startsWith(path + QLatin1String(": ")))
            reason.remove(0, path.size() + 2);
        throwBadInput(path, QStringLiteral("no decodable video frames (%1)").arg(reason));
    }
    // Frame and slice threads for every read after it (playback, export).
    decoder_ = openDecoder(path, stream_);
    positioned_ = false;
}

void VideoReader::buildIndex() {
    for (unsigned i = 0; i < input_->nb_streams; ++i)
        if (input_->streams[i] != stream_)
            input_->streams[i]->discard = AVDISCARD_ALL;

    std::int64_t packetsRead = 0;
    int readError = 0;
    int damaged = 0;
    bool missingTimestamps = false;
    PacketPtr packet = makePacket();
    for (;;) {
        const int ret = av_read_frame(input_.get(), packet.get());
        if (ret == AVERROR_EOF)
            break;
        if (ret < 0) {
            readError = ret;
            break;
        }
        if (packet->stream_index != stream_->index) {
            av_packet_unref(packet.get());
            continue;
        }
        const auto decodeIndex = std::int32_t(std::min<std::int64_t>(packetsRead++, INT32_MAX));
        // A short read at the end of a truncated file.
        if (packet->flags & AV_PKT_FLAG_CORRUPT) {
            ++damaged;
            av_packet_unref(packet.get());
            continue;
        }
        FrameEntry entry;
        entry.pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        entry.dts = packet->dts;
        entry.duration = packet->duration;
        entry.decodeIndex = decodeIndex;
        if (entry.pts == AV_NOPTS_VALUE) {
            missingTimestamps = true;
        } else {
            if (packet->flags & AV_PKT_FLAG_KEY)
                seekPoints_.push_back(SeekPoint{entry.pts, entry.dts, decodeIndex});
            // Edit-list preroll is decoded but dropped by the decoder: not a
            // frame of the media.
            if (!(packet->flags & AV_PKT_FLAG_DISCARD))
                frames_.push_back(entry);
        }
        av_packet_unref(packet.get());
    }
    if (missingTimestamps)
        throwBadInput(path_, QStringLiteral("the video stream has frames without timestamps, so "
                                            "frames cannot be numbered exactly; remux it into "
                                            "MOV or MKV"));

    std::stable_sort(frames_.begin(), frames_.end(),
                     [](const FrameEntry& a, const FrameEntry& b) { return a.pts < b.pts; });
    const auto duplicates =
        std::unique(frames_.begin(), frames_.end(),
                    [](const FrameEntry& a, const FrameEntry& b) { return a.pts == b.pts; });
    if (duplicates != frames_.end()) {
        info_.warnings << QStringLiteral("%1 frames share a timestamp with another and were "
                                         "dropped")
                              .arg(frames_.end() - duplicates);
        frames_.erase(duplicates, frames_.end());
    }

    const std::int64_t declared = stream_->nb_frames;
    const bool truncated =
        readError != 0 || damaged > 0 || (declared > 0 && packetsRead < declared);
    if (truncated) {
        // Frames still missing from the end in decode order may sit up to
        // the reorder depth before the last present one in presentation
        // order; dropping that tail keeps the numbering free of holes.
        const int reorder = std::max(stream_->codecpar->video_delay, decoder_->has_b_frames);
        const std::size_t keep =
            frames_.size() > std::size_t(reorder) ? frames_.size() - reorder : 0;
        frames_.resize(keep);
        QString detail =
            declared > 0 ? QStringLiteral("%1 of %2 frames are readable").arg(keep).arg(declared)
                         : QStringLiteral("%1 frames are readable").arg(keep);
        if (readError != 0)
            detail += QStringLiteral(" (%1)").arg(errorString(readError));
        info_.warnings << QStringLiteral("file is truncated or damaged: %1").arg(detail);
    }
    if (frames_.empty())
        throwBadInput(path_, QStringLiteral("contains no complete video frames"));
    if (frames_.size() > std::size_t(INT32_MAX))
        throwBadInput(path_, QStringLiteral("has too many frames to index"));

    std::sort(seekPoints_.begin(), seekPoints_.end(),
              [](const SeekPoint& a, const SeekPoint& b) { return a.pts < b.pts; });
    if (seekPoints_.empty())
        throwBadInput(path_, QStringLiteral("the video stream has no keyframes to start "
                                            "decoding from"));
    std::int32_t previous = 0;
    for (const SeekPoint& point : seekPoints_) {
        info_.keyframeInterval =
            std::max(info_.keyframeInterval, int(point.decodeIndex - previous));
        previous = point.decodeIndex;
    }
    info_.keyframeInterval =
        std::max(info_.keyframeInterval, int(std::int64_t(frames_.size()) - previous));

    for (unsigned i = 0; i < input_->nb_streams; ++i)
        input_->streams[i]->discard =
            input_->streams[i] == stream_ ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
}

void VideoReader::chooseRate() {
    const AVRational tb = stream_->time_base;
    const double tick = av_q2d(tb);
    std::vector<std::int64_t> deltas;
    deltas.reserve(frames_.size());
    for (std::size_t i = 1; i < frames_.size(); ++i)
        deltas.push_back(frames_[i].pts - frames_[i - 1].pts);

    const auto rFrameRate = validRate(stream_->r_frame_rate);
    const auto avgFrameRate = validRate(stream_->avg_frame_rate);
    Rational rate = rFrameRate ? *rFrameRate : avgFrameRate ? *avgFrameRate : Rational(24);
    bool variable = false;
    if (!deltas.empty()) {
        std::vector<std::int64_t> sorted = deltas;
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
        const double median = double(sorted[sorted.size() / 2]);
        // A rate field is believed when one frame at it is the typical
        // spacing of the timestamps, to within their rounding (one tick).
        auto matches = [&](const std::optional<Rational>& r) {
            return r && std::abs(1.0 / r->toDouble() / tick - median) <= 1.0;
        };
        if (matches(rFrameRate))
            rate = *rFrameRate;
        else if (matches(avgFrameRate))
            rate = *avgFrameRate;
        else if (median > 0)
            rate = snapToStandard(Rational(tb.den, std::int64_t(tb.num) * std::int64_t(median)),
                                  0.002);

        // Timestamps are rounded to ticks, so a spacing that is not a whole
        // number of ticks wobbles by up to one tick; a whole one must be exact.
        const double nominal = 1.0 / rate.toDouble() / tick;
        const double tolerance =
            std::abs(nominal - std::round(nominal)) < 1e-6 ? 0.0 : std::min(1.0, nominal / 4);
        variable = std::any_of(deltas.begin(), deltas.end(), [&](std::int64_t d) {
            return std::abs(double(d) - nominal) > tolerance + 1e-9;
        });
        if (variable) {
            const std::int64_t first = frames_.front().pts;
            const std::int64_t last = frames_.back().pts;
            const Rational measured = last > first
                                          ? Rational(std::int64_t(frames_.size() - 1) * tb.den,
                                                     (last - first) * std::int64_t(tb.num))
                                          : rate;
            const Rational average = avgFrameRate ? *avgFrameRate : measured;
            rate = snapToStandard(average, 0.005);
        }
    }
    info_.frameRate = rate;
    info_.variableFrameRate = variable;
    conform_ = variable;

    const FrameEntry& lastFrame = frames_.back();
    std::int64_t lastDuration = lastFrame.duration;
    if (lastDuration <= 0)
        lastDuration = std::max<std::int64_t>(1, std::llround(1.0 / rate.toDouble() / tick));
    spanTicks_ = lastFrame.pts + lastDuration - frames_.front().pts;

    if (conform_) {
        // n / rate < span (less one tick of rounding): frames that start
        // inside the media's time.
        const Wide num =
            Wide(std::max<std::int64_t>(spanTicks_ - 1, 1)) * tb.num * rate.numerator();
        const Wide den = Wide(tb.den) * rate.denominator();
        info_.frameCount = FrameNumber((num + den - 1) / den);
        info_.warnings << QStringLiteral("variable frame rate: %1 source frames conformed to %2 "
                                         "fps (%3 frames); frame n shows the source frame on "
                                         "screen at time n / %2")
                              .arg(frames_.size())
                              .arg(rate.toString())
                              .arg(info_.frameCount);
    } else {
        info_.frameCount = FrameNumber(frames_.size());
    }
}

void VideoReader::describe() {
    const AVCodecParameters* par = stream_->codecpar;
    info_.path = QFileInfo(path_).absoluteFilePath();
    info_.kind = MediaKind::Video;
    info_.container = QString::fromLatin1(input_->iformat->name);
    info_.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
    const auto format =
        AVPixelFormat(par->format != AV_PIX_FMT_NONE ? par->format : decoder_->pix_fmt);
    const char* formatName = av_get_pix_fmt_name(format);
    info_.pixelFormat = formatName ? QString::fromLatin1(formatName) : QStringLiteral("unknown");
    info_.width = par->width;
    info_.height = par->height;
    const RgbLayout layout = rgbLayoutFor(format);
    info_.bitDepth = layout.bitDepth;
    info_.sampleType = layout.type;
    info_.channels = layout.channels;
    info_.colour =
        colorTagsOf(par->color_primaries, par->color_trc, par->color_space, par->color_range);
    if (isYuv(format)) {
        const QString assumed = describeAssumption(interpretYuv(
            format, par->color_space, par->color_range, par->width, par->height, par->codec_id));
        if (!assumed.isEmpty())
            info_.warnings << assumed;
    }
    if (const uint8_t* matrix =
            av_stream_get_side_data(stream_, AV_PKT_DATA_DISPLAYMATRIX, nullptr)) {
        const double rotation = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
        if (!std::isnan(rotation) && std::lround(rotation) % 360 != 0)
            info_.warnings << QStringLiteral("the file asks players to rotate it by %1 degrees; "
                                             "frames are returned as stored")
                                  .arg(-std::lround(rotation));
    }
    info_.audio = bestAudioStream(input_.get());
}

int VideoReader::sourceIndexFor(FrameNumber n) const {
    if (!conform_)
        return int(n);
    // The last source frame whose pts is at or before n / rate, allowing one
    // tick for timestamp rounding.
    const AVRational tb = stream_->time_base;
    const Rational rate = info_.frameRate;
    const Wide offset = Wide(n) * rate.denominator() * tb.den / (Wide(rate.numerator()) * tb.num);
    const std::int64_t limit = frames_.front().pts + 1 + std::int64_t(offset);
    const auto it = std::upper_bound(frames_.begin(), frames_.end(), limit,
                                     [](std::int64_t v, const FrameEntry& e) { return v < e.pts; });
    return std::max(0, int(it - frames_.begin()) - 1);
}

int VideoReader::keyframeAtOrBefore(int index) const {
    const auto it =
        std::upper_bound(seekPoints_.begin(), seekPoints_.end(), frames_[index].pts,
                         [](std::int64_t pts, const SeekPoint& p) { return pts < p.pts; });
    return it == seekPoints_.begin() ? 0 : int(it - seekPoints_.begin()) - 1;
}

int VideoReader::entryForPts(std::int64_t pts) const {
    const auto it = std::lower_bound(frames_.begin(), frames_.end(), pts,
                                     [](const FrameEntry& e, std::int64_t v) { return e.pts < v; });
    return it != frames_.end() && it->pts == pts ? int(it - frames_.begin()) : -1;
}

bool VideoReader::readVideoPacket() {
    for (;;) {
        const int ret = av_read_frame(input_.get(), packet_.get());
        if (ret < 0)
            return false;
        if (packet_->stream_index == stream_->index)
            return true;
        av_packet_unref(packet_.get());
    }
}

bool VideoReader::trySeek(std::int64_t timestamp, std::int64_t latestKeyPts) {
    av_packet_unref(packet_.get());
    packetPending_ = false;
    positioned_ = false;
    if (av_seek_frame(input_.get(), stream_->index, timestamp, AVSEEK_FLAG_BACKWARD) < 0)
        return false;
    avcodec_flush_buffers(decoder_.get());
    ++stats_.seeks;
    positioned_ = true;
    draining_ = false;
    lastOutputPts_ = INT64_MIN;
    lastSentDecodeIndex_ = -1;
    damaged_ = false;
    // Some demuxers land on the packet after a keyframe; those cannot start a
    // decode. The first keyframe read must not be later than the one wanted,
    // or frames between them would be lost.
    while (readVideoPacket()) {
        if (packet_->flags & AV_PKT_FLAG_KEY) {
            const std::int64_t pts = packet_->pts != AV_NOPTS_VALUE ? packet_->pts : packet_->dts;
            if (pts != AV_NOPTS_VALUE && pts > latestKeyPts)
                break;
            packetPending_ = true;
            return true;
        }
        av_packet_unref(packet_.get());
    }
    av_packet_unref(packet_.get());
    positioned_ = false;
    return false;
}

void VideoReader::seekToKeyframe(int key) {
    const std::int64_t wantedPts = seekPoints_[std::size_t(key)].pts;
    // Walk back through earlier keyframes if the demuxer's own index is
    // coarser than ours (Matroska cues) or keyed on a different timestamp.
    for (int point = key, attempt = 0; point >= 0 && attempt < 8; --point, ++attempt) {
        // By pts first: demuxers index keyframes by presentation time (MOV
        // with an edit list is offset from its packets' dts, so seeking by
        // dts lands a whole GOP early). By dts if that lands too late.
        const SeekPoint& p = seekPoints_[std::size_t(point)];
        if (trySeek(p.pts, wantedPts))
            return;
        if (p.dts != AV_NOPTS_VALUE && p.dts < p.pts && trySeek(p.dts, wantedPts))
            return;
    }
    const SeekPoint& first = seekPoints_.front();
    if (trySeek(first.dts != AV_NOPTS_VALUE ? first.dts : first.pts, wantedPts))
        return;
    throwBadInput(path_,
                  QStringLiteral("cannot seek to the keyframe at timestamp %1").arg(wantedPts));
}

void VideoReader::fail(FrameNumber n, const QString& problem) {
    positioned_ = false;
    av_frame_unref(frame_.get());
    throwBadInput(path_, QStringLiteral("frame %1 cannot be decoded: %2").arg(n).arg(problem));
}

Image VideoReader::convertDecoded(const AVFrame* frame, FrameNumber n) {
    if (frame->width != info_.width || frame->height != info_.height)
        fail(n, QStringLiteral("its size %1x%2 differs from the stream's %3x%4")
                    .arg(frame->width)
                    .arg(frame->height)
                    .arg(info_.width)
                    .arg(info_.height));
    const AVCodecParameters* par = stream_->codecpar;
    const auto format = AVPixelFormat(frame->format);
    const AVColorSpace matrix =
        frame->colorspace != AVCOL_SPC_UNSPECIFIED ? frame->colorspace : par->color_space;
    const AVColorRange range =
        frame->color_range != AVCOL_RANGE_UNSPECIFIED ? frame->color_range : par->color_range;
    Image image = converter_.convert(
        frame, interpretYuv(format, matrix, range, frame->width, frame->height, par->codec_id),
        previewSize_);
    const int channels = image.alphaIsPadding ? 3 : image.channels;
    if (channels != info_.channels || image.type != info_.sampleType)
        fail(n, QStringLiteral("its pixel format %1 differs from the stream's %2")
                    .arg(QString::fromLatin1(av_get_pix_fmt_name(format)), info_.pixelFormat));
    image.colour = info_.colour;
    return image;
}

void VideoReader::keep(const AVFrame* frame, std::int64_t pts) {
    if (keepBudget_ == 0 || kept(pts))
        return;
    std::size_t bytes = 0;
    for (const AVBufferRef* buffer : frame->buf)
        if (buffer)
            bytes += buffer->size;
    if (bytes > keepBudget_)
        return;
    while (!kept_.empty() && keptBytes_ + bytes > keepBudget_) {
        keptBytes_ -= kept_.front().bytes;
        kept_.pop_front();
    }
    FramePtr reference(av_frame_clone(frame));
    if (!reference)
        return; // out of memory: the picture is simply not kept
    kept_.push_back(KeptPicture{pts, std::move(reference), bytes});
    keptBytes_ += bytes;
}

const AVFrame* VideoReader::kept(std::int64_t pts) const {
    for (auto it = kept_.rbegin(); it != kept_.rend(); ++it)
        if (it->pts == pts)
            return it->frame.get();
    return nullptr;
}

void VideoReader::keepDecodedFrames(std::size_t budgetBytes) {
    keepBudget_ = budgetBytes;
    while (!kept_.empty() && keptBytes_ > keepBudget_) {
        keptBytes_ -= kept_.front().bytes;
        kept_.pop_front();
    }
}

Image VideoReader::decodeUntil(int index, FrameNumber n, bool drainAfterTarget, bool skipNonRef) {
    const std::int64_t targetPts = frames_[index].pts;
    bool drainedEarly = false;
    // A null image tells readFrame() to decode again without draining early.
    auto retryWithoutEarlyDrain = [this] {
        positioned_ = false;
        av_frame_unref(frame_.get());
        return Image();
    };
    for (;;) {
        int ret;
        while ((ret = avcodec_receive_frame(decoder_.get(), frame_.get())) == 0) {
            ++stats_.framesDecoded;
            const std::int64_t pts =
                frame_->pts != AV_NOPTS_VALUE ? frame_->pts : frame_->best_effort_timestamp;
            lastOutputPts_ = pts;
            if (frame_->key_frame)
                damaged_ = false;
            if ((frame_->flags & AV_FRAME_FLAG_CORRUPT) || frame_->decode_error_flags)
                damaged_ = true;
            // Only pictures that would be handed out as they are: a damaged
            // one is refused (or decoded again) when asked for.
            if (!damaged_ && frame_->width == info_.width && frame_->height == info_.height)
                keep(frame_.get(), pts);
            if (pts == targetPts) {
                if (damaged_ && drainedEarly)
                    return retryWithoutEarlyDrain();
                if (damaged_)
                    fail(n,
                         QStringLiteral("it or a frame it is predicted from holds damaged data"));
                Image image = convertDecoded(frame_.get(), n);
                av_frame_unref(frame_.get());
                return image;
            }
            av_frame_unref(frame_.get());
            if (pts > targetPts && drainedEarly)
                return retryWithoutEarlyDrain();
            if (pts > targetPts)
                fail(n, QStringLiteral("the decoder produced no picture for it (damaged data?)"));
        }
        if (ret == AVERROR_EOF) {
            if (drainedEarly)
                return retryWithoutEarlyDrain();
            fail(n, QStringLiteral("the stream ended before it (truncated or damaged file?)"));
        }
        // Any other error is a damaged packet: its frame is missing, and
        // frames predicted from it are suspect until the next keyframe.
        if (ret != AVERROR(EAGAIN))
            damaged_ = true;

        if (draining_) {
            if (ret == AVERROR(EAGAIN))
                fail(n, QStringLiteral("the decoder stopped before it"));
            continue; // a damaged frame among the last ones: keep draining
        }
        if (!packetPending_)
            packetPending_ = readVideoPacket();
        if (!packetPending_) {
            avcodec_send_packet(decoder_.get(), nullptr);
            draining_ = true;
            continue;
        }
        const std::int64_t packetPts = packet_->pts != AV_NOPTS_VALUE ? packet_->pts : packet_->dts;
        // Non-reference frames before the target are never seen and nothing
        // depends on them, so the decoder may skip them: halves seek time on
        // B-frame streams without changing any other frame.
        decoder_->skip_frame =
            skipNonRef && packetPts < targetPts ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
        ret = avcodec_send_packet(decoder_.get(), packet_.get());
        if (ret == AVERROR(EAGAIN))
            continue;
        if (ret < 0 && ret != AVERROR_EOF)
            damaged_ = true;
        const int entry = entryForPts(packetPts);
        if (entry >= 0)
            lastSentDecodeIndex_ = std::max(lastSentDecodeIndex_, frames_[entry].decodeIndex);
        av_packet_unref(packet_.get());
        packetPending_ = false;
        // Everything the target needs has been sent. Frame threads and
        // reordering would hold it back for several more packets; draining
        // hands it out now, at the price of seeking again next time.
        if (drainAfterTarget && packetPts == targetPts) {
            avcodec_send_packet(decoder_.get(), nullptr);
            draining_ = true;
            drainedEarly = true;
            positioned_ = false;
        }
    }
}

void VideoReader::setPreviewSize(QSize size) {
    if (size == previewSize_)
        return;
    previewSize_ = size;
    // Frames kept from before were converted at the old size.
    firstFrame_ = Image();
    lastIndex_ = -1;
    lastImage_ = Image();
}

Image VideoReader::readFrame(FrameNumber n) {
    if (n < 0 || n >= info_.frameCount)
        throw Error(ErrorKind::Usage, QStringLiteral("%1: frame %2 is outside the media (0 to %3)")
                                          .arg(path_)
                                          .arg(n)
                                          .arg(info_.frameCount - 1));
    const bool step = n == lastRequest_ + 1;
    const bool scrubbing = !step && !lastWasStep_;
    const FrameNumber previous = lastRequest_;
    lastRequest_ = n;
    lastWasStep_ = step;
    if (!firstFrame_.isNull()) {
        Image first = std::move(firstFrame_);
        firstFrame_ = Image();
        if (n == 0)
            return first;
    }
    const int index = sourceIndexFor(n);
    if (conform_ && index == lastIndex_ && !lastImage_.isNull())
        return lastImage_;
    if (const AVFrame* picture = kept(frames_[index].pts)) {
        ++stats_.keptHits;
        return convertDecoded(picture, n);
    }

    const int key = keyframeAtOrBefore(index);
    // Back within the same GOP with pictures kept (stepping or scrubbing
    // back): decode every frame on the way, so the next steps back find
    // theirs. Otherwise frames nothing refers to may be skipped (h264/hevc),
    // which halves a jump's decode.
    const bool backInGop = keepBudget_ > 0 && previous >= 0 && n < previous &&
                           keyframeAtOrBefore(sourceIndexFor(previous)) == key;
    const bool skipNonRef = skipNonRefAllowed_ && !backInGop;
    // While draining (the demuxer is at its end) the decoder still holds the
    // last frames, so they are read forward too.
    const bool forward =
        positioned_ && frames_[index].pts > lastOutputPts_ &&
        seekPoints_[std::size_t(key)].decodeIndex <= lastSentDecodeIndex_ + kForwardSlack;
    if (!forward)
        seekToKeyframe(key);
    Image image = decodeUntil(index, n, !forward && scrubbing && drainAllowed_, skipNonRef);
    if (image.isNull()) {
        drainAllowed_ = false;
        seekToKeyframe(key);
        image = decodeUntil(index, n, false, skipNonRef);
    }
    if (conform_) {
        lastIndex_ = index;
        lastImage_ = image;
    }
    return image;
}

} // namespace

std::unique_ptr<MediaReader> openVideo(const QString& path) {
    return std::make_unique<VideoReader>(path);
}

} // namespace retake::ffmpeg
