#pragma once

// Decoded frames kept for reuse, least recently used first out, within a
// memory budget. Scrubbing back and forth over a few seconds of a long-GOP
// clip would otherwise decode each frame again from its keyframe.

#include "media/media.h"

#include <QHash>
#include <list>
#include <mutex>
#include <unordered_map>

namespace retake {

// Thread-safe: any thread may look up and insert. Entries are immutable
// shared images, so a frame handed out stays valid after it is evicted.
class FrameCache {
public:
    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::uint64_t evictions = 0;
    };

    explicit FrameCache(std::size_t budgetBytes);

    // nullptr when not cached. A hit makes the entry most recently used.
    std::shared_ptr<const Image> find(const QString& source, FrameNumber frame);
    // Replaces any entry for the key, then evicts least recently used
    // entries until the budget holds. An image larger than the whole budget
    // is not kept.
    void insert(const QString& source, FrameNumber frame, std::shared_ptr<const Image> image);
    void remove(const QString& source);
    void clear();

    void setBudget(std::size_t budgetBytes);
    std::size_t budget() const;
    std::size_t usedBytes() const;
    std::size_t count() const;
    Stats stats() const;

private:
    struct Key {
        QString source;
        FrameNumber frame;
        bool operator==(const Key& o) const { return frame == o.frame && source == o.source; }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            return qHash(k.source) ^ (std::hash<FrameNumber>()(k.frame) * 0x9e3779b97f4a7c15ull);
        }
    };
    struct Entry {
        Key key;
        std::shared_ptr<const Image> image;
        std::size_t bytes;
    };

    void evictLocked();

    mutable std::mutex mutex_;
    std::size_t budget_;
    std::size_t used_ = 0;
    std::list<Entry> lru_; // front = most recently used
    std::unordered_map<Key, std::list<Entry>::iterator, KeyHash> index_;
    Stats stats_;
};

// A MediaReader read through a FrameCache. Like the reader it wraps, one
// instance per thread; the cache may be shared by many.
class CachedMediaReader {
public:
    // `sourceId` keys the cache; by default the media's absolute path.
    CachedMediaReader(std::unique_ptr<MediaReader> reader, std::shared_ptr<FrameCache> cache,
                      QString sourceId = QString());

    const MediaInfo& info() const { return reader_->info(); }
    const QString& sourceId() const { return sourceId_; }
    std::shared_ptr<const Image> frame(FrameNumber n);

private:
    std::unique_ptr<MediaReader> reader_;
    std::shared_ptr<FrameCache> cache_;
    QString sourceId_;
};

} // namespace retake
