// Media I/O benchmark driver; tests/bench/media/run.sh runs it against the
// ffmpeg tool and prints the comparison. Each mode prints key=value lines.
//
//   media_bench decode CLIP                 open, then readFrame of every frame in order
//   media_bench seek CLIP COUNT [SEED]      random readFrame latencies
//   media_bench export RAW W H FRAMES OUT   raw rgb24 frames to ProRes 422 HQ
//   media_bench memory CLIP COUNT [SEED]    open + random seeks, peak RSS
//   media_bench stepback CLIP COUNT [SEED]  a viewer's reader (pictures kept):
//                                           play 12 frames from a random
//                                           place, then step back one; and a
//                                           jump, then back 3 frames
//   media_bench proxy CLIP half|quarter WORK COUNT [SEED]
//                                           makes the clip's proxy in WORK
//                                           (timed), then random jumps as the
//                                           viewer makes them (1280x720
//                                           canvas) in the original and in it

#include "core/error.h"
#include "media/encode.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "proxy/proxybuild.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <sys/resource.h>
#include <vector>

using namespace retake;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

long peakRssKb() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

int decode(const QString& clip) {
    const auto start = Clock::now();
    auto reader = openMedia(clip);
    const double openSeconds = secondsSince(start);
    const auto decodeStart = Clock::now();
    const FrameNumber count = reader->info().frameCount;
    std::uint64_t checksum = 0;
    for (FrameNumber n = 0; n < count; ++n)
        checksum += reader->readFrame(n).pixels[std::size_t(n) % 1000];
    const double seconds = secondsSince(decodeStart);
    std::printf("frames=%lld\nopen_seconds=%.3f\ndecode_seconds=%.3f\nfps=%.1f\nchecksum=%llu\n",
                static_cast<long long>(count), openSeconds, seconds, double(count) / seconds,
                static_cast<unsigned long long>(checksum));
    return 0;
}

int seek(const QString& clip, int count, unsigned seed) {
    auto reader = openMedia(clip);
    const FrameNumber frames = reader->info().frameCount;
    std::mt19937 rng(seed);
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) {
        const FrameNumber n = FrameNumber(rng() % std::uint32_t(frames));
        const auto start = Clock::now();
        reader->readFrame(n);
        ms.push_back(secondsSince(start) * 1000.0);
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    const double p95 = ms[std::min(ms.size() - 1, std::size_t(double(ms.size()) * 0.95))];
    double mean = 0;
    for (double v : ms)
        mean += v;
    mean /= double(ms.size());
    std::printf("seeks=%d\nmedian_ms=%.1f\np95_ms=%.1f\nmean_ms=%.1f\nmax_ms=%.1f\n", count, median,
                p95, mean, ms.back());
    return 0;
}

struct Latencies {
    double median = 0;
    double p95 = 0;
};

Latencies summarise(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, std::size_t(double(ms.size()) * 0.95))]};
}

// What the viewer's reader does (TimelineFrameSource::keepDecodedFrames).
int stepBack(const QString& clip, int count, unsigned seed) {
    auto reader = openMedia(clip);
    reader->keepDecodedFrames(std::size_t(256) << 20);
    const FrameNumber frames = reader->info().frameCount;
    std::mt19937 rng(seed);
    std::vector<double> afterPlay;
    std::vector<double> afterJump;
    for (int i = 0; i < count; ++i) {
        const FrameNumber start = 3 + FrameNumber(rng() % std::uint32_t(frames - 20));
        for (FrameNumber n = start; n < start + 12; ++n)
            reader->readFrame(n);
        auto begin = Clock::now();
        reader->readFrame(start + 10);
        afterPlay.push_back(secondsSince(begin) * 1000.0);

        const FrameNumber target = 3 + FrameNumber(rng() % std::uint32_t(frames - 3));
        reader->readFrame(target);
        begin = Clock::now();
        reader->readFrame(target - 3);
        afterJump.push_back(secondsSince(begin) * 1000.0);
    }
    const Latencies play = summarise(afterPlay);
    const Latencies jump = summarise(afterJump);
    const MediaReader::DecodeStats stats = reader->decodeStats();
    std::printf("trials=%d\nstep_back_median_ms=%.1f\nstep_back_p95_ms=%.1f\n"
                "back3_median_ms=%.1f\nback3_p95_ms=%.1f\nkept_hits=%lld\nseeks=%lld\n",
                count, play.median, play.p95, jump.median, jump.p95,
                static_cast<long long>(stats.keptHits), static_cast<long long>(stats.seeks));
    return 0;
}

// Random jumps as the viewer makes them (frames fitted to a 1280x720
// canvas by the decoder's scaler), in the original and in its proxy, made
// first (timed) in WORK. The viewer's frame source is what reads them.
int proxyJumps(const QString& clip, const QString& sizeName, const QString& work, int count,
               unsigned seed) {
    ProxySize size = ProxySize::Half;
    if (!proxySizeFromString(sizeName, &size)) {
        std::fprintf(stderr, "size: half or quarter\n");
        return 2;
    }
    const QSize canvas(1280, 720);
    MediaRef media = MediaRef::fromInfo(openMedia(clip)->info());
    Progress progress;
    const auto buildStart = Clock::now();
    const ProxyBuildResult built = makeProxy(work, media, size, true, &progress);
    const double buildSeconds = secondsSince(buildStart);

    const auto measure = [&](const QString& file) {
        auto reader = openMedia(file);
        reader->setPreviewSize(canvas);
        reader->keepDecodedFrames(std::size_t(256) << 20); // as the viewer's
        std::mt19937 rng(seed);
        std::vector<double> ms;
        for (int i = 0; i < count; ++i) {
            const FrameNumber n = FrameNumber(rng() % std::uint32_t(media.frameCount));
            const auto start = Clock::now();
            reader->readFrame(n);
            ms.push_back(secondsSince(start) * 1000.0);
        }
        return summarise(ms);
    };
    const Latencies original = measure(clip);
    const Latencies proxy = measure(built.file);
    std::printf("frames=%lld\nproxy_width=%d\nproxy_height=%d\nbuild_made=%d\n"
                "build_seconds=%.2f\nbuild_fps=%.1f\nproxy_bytes=%lld\n"
                "original_median_ms=%.1f\noriginal_p95_ms=%.1f\n"
                "proxy_median_ms=%.1f\nproxy_p95_ms=%.1f\n",
                static_cast<long long>(media.frameCount), built.frameSize.width(),
                built.frameSize.height(), built.made ? 1 : 0, buildSeconds,
                double(media.frameCount) / buildSeconds,
                static_cast<long long>(QFileInfo(built.file).size()), original.median, original.p95,
                proxy.median, proxy.p95);
    return 0;
}

int exportProRes(const QString& raw, int width, int height, int frames, const QString& out) {
    QFile input(raw);
    if (!input.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(raw));
        return 1;
    }
    const auto start = Clock::now();
    EncodeSettings settings;
    settings.codec = VideoCodec::ProRes422HQ;
    settings.width = width;
    settings.height = height;
    settings.frameRate = Rational(25);
    auto encoder = createVideoEncoder(out, settings);
    Image frame(width, height, 3, SampleType::UInt8);
    for (int f = 0; f < frames; ++f) {
        const qint64 bytes = qint64(frame.pixels.size());
        if (input.read(reinterpret_cast<char*>(frame.pixels.data()), bytes) != bytes)
            break;
        encoder->writeFrame(frame);
    }
    encoder->finish();
    const double seconds = secondsSince(start);
    std::printf("frames=%d\nseconds=%.3f\nfps=%.1f\n", frames, seconds, frames / seconds);
    return 0;
}

int memory(const QString& clip, int count, unsigned seed) {
    const long before = peakRssKb();
    const auto start = Clock::now();
    auto reader = openMedia(clip);
    const double openSeconds = secondsSince(start);
    const long opened = peakRssKb();
    const FrameNumber frames = reader->info().frameCount;
    std::mt19937 rng(seed);
    for (int i = 0; i < count; ++i)
        reader->readFrame(FrameNumber(rng() % std::uint32_t(frames)));
    std::printf("frames=%lld\nopen_seconds=%.3f\nrss_start_kb=%ld\nrss_after_open_kb=%ld\n"
                "peak_rss_kb=%ld\n",
                static_cast<long long>(frames), openSeconds, before, opened, peakRssKb());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    try {
        const QString mode = args.value(0);
        if (mode == QLatin1String("decode") && args.size() == 2)
            return decode(args[1]);
        if (mode == QLatin1String("seek") && args.size() >= 3)
            return seek(args[1], args[2].toInt(), args.value(3, QStringLiteral("1")).toUInt());
        if (mode == QLatin1String("export") && args.size() == 6)
            return exportProRes(args[1], args[2].toInt(), args[3].toInt(), args[4].toInt(),
                                args[5]);
        if (mode == QLatin1String("stepback") && args.size() >= 3)
            return stepBack(args[1], args[2].toInt(), args.value(3, QStringLiteral("1")).toUInt());
        if (mode == QLatin1String("proxy") && args.size() >= 5)
            return proxyJumps(args[1], args[2], args[3], args[4].toInt(),
                              args.value(5, QStringLiteral("1")).toUInt());
        if (mode == QLatin1String("memory") && args.size() >= 3)
            return memory(args[1], args[2].toInt(), args.value(3, QStringLiteral("1")).toUInt());
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message()));
        return 1;
    }
    std::fprintf(stderr, "usage: media_bench decode CLIP | seek CLIP COUNT [SEED] | export RAW W H "
                         "FRAMES OUT | memory CLIP COUNT [SEED] | stepback CLIP COUNT [SEED] | "
                         "proxy CLIP half|quarter WORK COUNT [SEED]\n");
    return 2;
}
