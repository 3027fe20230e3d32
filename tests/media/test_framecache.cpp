// FrameCache: LRU order, memory budget, thread safety, reading through it.

#include "core/error.h"
#include "media/framecache.h"

#include <QtTest>
#include <atomic>
#include <random>
#include <thread>

using namespace retake;

namespace {

std::shared_ptr<const Image> imageOfBytes(std::size_t bytes, std::uint8_t fill = 0) {
    auto image = std::make_shared<Image>(int(bytes), 1, 1, SampleType::UInt8);
    std::fill(image->pixels.begin(), image->pixels.end(), fill);
    return image;
}

constexpr std::size_t kEntry = 1000 + sizeof(Image); // what a 1000-byte image costs

// Counts reads; frame n is a 1x1 image whose one sample is n.
class CountingReader final : public MediaReader {
public:
    CountingReader() {
        info_.path = QStringLiteral("/media/counting.mov");
        info_.frameCount = 100;
        info_.channels = 1;
    }
    const MediaInfo& info() const override { return info_; }
    Image readFrame(FrameNumber n) override {
        ++reads;
        Image image(1, 1, 1, SampleType::UInt8);
        image.pixels[0] = std::uint8_t(n);
        return image;
    }
    int reads = 0;

private:
    MediaInfo info_;
};

} // namespace

class FrameCacheTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evictsLeastRecentlyUsed() {
        FrameCache cache(3 * kEntry);
        const QString a = QStringLiteral("a.mov");
        cache.insert(a, 1, imageOfBytes(1000, 1));
        cache.insert(a, 2, imageOfBytes(1000, 2));
        cache.insert(a, 3, imageOfBytes(1000, 3));
        QCOMPARE(cache.count(), std::size_t(3));
        QVERIFY(cache.find(a, 1)); // 1 is now the most recent; 2 the least
        cache.insert(a, 4, imageOfBytes(1000, 4));
        QVERIFY(!cache.find(a, 2));
        QVERIFY(cache.find(a, 1));
        QVERIFY(cache.find(a, 3));
        QCOMPARE(cache.find(a, 4)->pixels[0], std::uint8_t(4));
        QCOMPARE(cache.usedBytes(), 3 * kEntry);
        QCOMPARE(cache.stats().evictions, std::uint64_t(1));
        QCOMPARE(cache.stats().misses, std::uint64_t(1));
        QCOMPARE(cache.stats().hits, std::uint64_t(4));
    }

    void keysIncludeTheSource() {
        FrameCache cache(10 * kEntry);
        cache.insert("a.mov", 7, imageOfBytes(1000, 1));
        cache.insert("b.mov", 7, imageOfBytes(1000, 2));
        QCOMPARE(cache.find("a.mov", 7)->pixels[0], std::uint8_t(1));
        QCOMPARE(cache.find("b.mov", 7)->pixels[0], std::uint8_t(2));
        cache.remove("a.mov");
        QVERIFY(!cache.find("a.mov", 7));
        QVERIFY(cache.find("b.mov", 7));
        QCOMPARE(cache.usedBytes(), kEntry);
        cache.clear();
        QCOMPARE(cache.count(), std::size_t(0));
        QCOMPARE(cache.usedBytes(), std::size_t(0));
    }

    void budgetHoldsForReplacementsAndLargeImages() {
        FrameCache cache(4 * kEntry);
        cache.insert("a", 1, imageOfBytes(1000));
        cache.insert("a", 1, imageOfBytes(2000)); // replaces, does not add
        QCOMPARE(cache.count(), std::size_t(1));
        QCOMPARE(cache.usedBytes(), 2000 + sizeof(Image));
        cache.insert("a", 2, imageOfBytes(100000)); // larger than the budget: not kept
        QVERIFY(!cache.find("a", 2));
        QVERIFY(cache.find("a", 1));
        cache.setBudget(kEntry);
        QCOMPARE(cache.count(), std::size_t(0));
        QVERIFY(cache.usedBytes() <= cache.budget());
    }

    void evictedFramesStayValidForHolders() {
        FrameCache cache(kEntry);
        cache.insert("a", 1, imageOfBytes(1000, 9));
        const auto held = cache.find("a", 1);
        cache.insert("a", 2, imageOfBytes(1000));
        QVERIFY(!cache.find("a", 1));
        QCOMPARE(held->pixels[999], std::uint8_t(9));
    }

    void threadSafe() {
        FrameCache cache(50 * kEntry);
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&cache, &wrong, t] {
                std::mt19937 rng{unsigned(t)};
                for (int i = 0; i < 20000; ++i) {
                    const FrameNumber frame = FrameNumber(rng() % 200);
                    const QString source = (rng() & 1) ? QStringLiteral("x") : QStringLiteral("y");
                    if (rng() % 3 == 0) {
                        cache.insert(source, frame, imageOfBytes(1000, std::uint8_t(frame)));
                    } else if (const auto image = cache.find(source, frame)) {
                        if (image->pixels[500] != std::uint8_t(frame))
                            ++wrong;
                    }
                }
            });
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
        QVERIFY(cache.usedBytes() <= cache.budget());
        QCOMPARE(cache.usedBytes(), cache.count() * kEntry);
    }

    void cachedReaderReadsOnce() {
        auto reader = std::make_unique<CountingReader>();
        CountingReader* counting = reader.get();
        auto cache = std::make_shared<FrameCache>(1 << 20);
        CachedMediaReader cached(std::move(reader), cache);
        QCOMPARE(cached.sourceId(), QStringLiteral("/media/counting.mov"));
        QCOMPARE(cached.frame(5)->pixels[0], std::uint8_t(5));
        QCOMPARE(cached.frame(5)->pixels[0], std::uint8_t(5));
        QCOMPARE(cached.frame(6)->pixels[0], std::uint8_t(6));
        QCOMPARE(counting->reads, 2);
        // Another reader of the same source shares the cached frames.
        CachedMediaReader other(std::make_unique<CountingReader>(), cache);
        QCOMPARE(other.frame(6)->pixels[0], std::uint8_t(6));
        QCOMPARE(cache->stats().hits, std::uint64_t(2));
    }
};

QTEST_GUILESS_MAIN(FrameCacheTest)
#include "test_framecache.moc"
