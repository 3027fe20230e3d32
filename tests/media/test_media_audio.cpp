// Audio decoding: sample-accurate random access, silence past the end.

#include "core/error.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "mediatestutil.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cmath>

using namespace retake;
using namespace retake::test;

namespace {

constexpr int kRate = 48000;

// The signal the files are made from: sample i of channel c.
double expectedSample(std::int64_t i, int c) {
    const double t = double(i) / kRate;
    return c == 0 ? 0.5 * std::sin(2 * M_PI * 440 * t) : 0.25 * std::sin(2 * M_PI * 660 * t);
}

const QString kSignal =
    QStringLiteral("aevalsrc=exprs='0.5*sin(2*PI*440*t)|0.25*sin(2*PI*660*t)':s=48000:d=3");

double maxDiff(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size())
        return 1e9;
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, double(std::abs(a[i] - b[i])));
    return worst;
}

} // namespace

class AudioTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (!haveTool(QStringLiteral("ffmpeg")))
            QSKIP("the ffmpeg tool is not installed");
        QVERIFY(dir_.isValid());
    }

    void samplesAreExactAtAnyPosition_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("encode");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<double>("tolerance");
        // 16-bit PCM rounds to 1/32768; FLAC is lossless over 16 bits.
        QTest::newRow("PCM s16le in MOV with video")
            << "pcm.mov" << QStringList{"-c:a", "pcm_s16le"} << "pcm_s16le" << 2.0 / 32768;
        QTest::newRow("FLAC in MKV")
            << "flac.mkv" << QStringList{"-c:a", "flac"} << "flac" << 2.0 / 32768;
    }

    void samplesAreExactAtAnyPosition() {
        QFETCH(QString, file);
        QFETCH(QStringList, encode);
        QFETCH(QString, codec);
        QFETCH(double, tolerance);
        const QString path = dir_.filePath(file);
        QStringList args = {"-f", "lavfi", "-i", kSignal};
        if (file.endsWith(QLatin1String(".mov")))
            args += QStringList{"-f", "lavfi", "-i", "testsrc2=s=160x90:r=25:d=3", "-c:v", "mjpeg"};
        RETAKE_FFMPEG(args + encode + QStringList{path});

        auto reader = openAudio(path);
        QVERIFY(reader);
        QCOMPARE(reader->info().sampleRate, kRate);
        QCOMPARE(reader->info().channels, 2);
        QCOMPARE(reader->info().channelLayout, QStringLiteral("stereo"));
        QCOMPARE(reader->info().codec, codec);

        auto checkAgainstSignal = [&](std::int64_t start, std::int64_t count) {
            const std::vector<float> samples = reader->read(start, count);
            QCOMPARE(std::int64_t(samples.size()), count * 2);
            for (std::int64_t i = 0; i < count; ++i)
                for (int c = 0; c < 2; ++c) {
                    const double got = samples[std::size_t(i * 2 + c)];
                    const double want = expectedSample(start + i, c);
                    if (std::abs(got - want) > tolerance)
                        QFAIL(qPrintable(QStringLiteral("sample %1 ch %2: %3, expected %4")
                                             .arg(start + i)
                                             .arg(c)
                                             .arg(got)
                                             .arg(want)));
                }
        };
        // Forward in chunks, then jumps both ways, including odd offsets.
        for (std::int64_t start = 0; start < 20000; start += 4000)
            checkAgainstSignal(start, 4000);
        QRandomGenerator rng(7);
        for (int i = 0; i < 25; ++i)
            checkAgainstSignal(rng.bounded(3 * kRate - 5000), 1 + rng.bounded(4000));
        checkAgainstSignal(100000, 1);
        checkAgainstSignal(99999, 3);
        checkAgainstSignal(5, 10);
    }

    void compressedRandomReadsMatchSequentialDecode() {
        const QString path = dir_.filePath("aac.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", kSignal, "-c:a", "aac", "-b:a", "192k", path);
        auto sequential = openAudio(path);
        QVERIFY(sequential);
        QCOMPARE(sequential->info().codec, QStringLiteral("aac"));
        const std::int64_t total = 3 * kRate;
        std::vector<float> all;
        for (std::int64_t start = 0; start < total; start += 1000) {
            const auto chunk = sequential->read(start, 1000);
            all.insert(all.end(), chunk.begin(), chunk.end());
        }
        // Sample 0 is the first sample of the signal, not encoder priming:
        // the decode follows the sine at lag 0 (loosely: AAC is lossy), and
        // clearly worse a few samples either way.
        auto meanError = [&](int lag) {
            double sum = 0;
            for (std::int64_t i = 2000; i < 12000; ++i)
                sum += std::abs(all[std::size_t(i * 2)] - expectedSample(i + lag, 0));
            return sum / 10000;
        };
        QVERIFY2(meanError(0) < 0.03, qPrintable(QString::number(meanError(0))));
        for (int lag : {-3, -1, 1, 3})
            QVERIFY2(meanError(lag) > meanError(0), qPrintable(QString::number(lag)));

        auto random = openAudio(path);
        QRandomGenerator rng(11);
        for (int i = 0; i < 30; ++i) {
            const std::int64_t start = rng.bounded(int(total - 3000));
            const std::int64_t count = 1 + rng.bounded(2500);
            const std::vector<float> got = random->read(start, count);
            const std::vector<float> want(all.begin() + start * 2,
                                          all.begin() + (start + count) * 2);
            QVERIFY2(maxDiff(got, want) < 1e-4,
                     qPrintable(QStringLiteral("read(%1, %2) differs by %3")
                                    .arg(start)
                                    .arg(count)
                                    .arg(maxDiff(got, want))));
        }
    }

    void silenceOutsideTheStream() {
        const QString path = dir_.filePath("short.wav");
        RETAKE_FFMPEG("-f", "lavfi", "-i",
                      "aevalsrc=exprs='0.5*sin(2*PI*440*t)|0.25*sin(2*PI*660*t)':s=48000:d=0.5",
                      "-c:a", "pcm_s16le", path);
        auto reader = openAudio(path);
        QVERIFY(reader);
        const std::int64_t length = kRate / 2;
        std::vector<float> tail = reader->read(length - 100, 1000);
        QCOMPARE(tail.size(), std::size_t(2000));
        for (std::size_t i = 0; i < 200; ++i)
            QVERIFY(std::abs(tail[i] - expectedSample(length - 100 + std::int64_t(i / 2),
                                                      int(i % 2))) < 1e-3);
        for (std::size_t i = 200; i < tail.size(); ++i)
            QCOMPARE(tail[i], 0.f);
        const std::vector<float> beyond = reader->read(10 * kRate, 500);
        QCOMPARE(beyond.size(), std::size_t(1000));
        QVERIFY(std::all_of(beyond.begin(), beyond.end(), [](float v) { return v == 0.f; }));
        // Before the start: silence, then the signal from sample 0.
        const std::vector<float> head = reader->read(-10, 20);
        for (std::size_t i = 0; i < 20; ++i)
            QCOMPARE(head[i], 0.f);
        QVERIFY(std::abs(head[22] - expectedSample(1, 0)) < 1e-3);
        // And reading resumes correctly after all that.
        const std::vector<float> again = reader->read(1000, 10);
        QVERIFY(std::abs(again[0] - expectedSample(1000, 0)) < 1e-3);
    }

    void noAudioGivesNull() {
        const QString video = dir_.filePath("silent.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=160x90:r=25:d=0.5", "-c:v", "libx264",
                      "-preset", "ultrafast", video);
        QVERIFY(!openAudio(video));
        QVERIFY(!openMedia(video)->info().audio.present());
        const QString image = dir_.filePath("still.png");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=160x90", "-frames:v", "1", image);
        QVERIFY(!openAudio(image));
        QVERIFY_THROWS_EXCEPTION(Error, openAudio(dir_.filePath("missing.wav")));
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(AudioTest)
#include "test_media_audio.moc"
