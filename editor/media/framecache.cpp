#include "media/framecache.h"

#include <QHash>

namespace retake {

FrameCache::FrameCache(std::size_t budgetBytes)
    : budget_(budgetBytes) {}

std::shared_ptr<const Image> FrameCache::find(const QString& source, FrameNumber frame) {
    std::lock_guard lock(mutex_);
    const auto it = index_.find(Key{source, frame});
    if (it == index_.end()) {
        ++stats_.misses;
        return nullptr;
    }
    ++stats_.hits;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->image;
}

void FrameCache::insert(const QString& source, FrameNumber frame,
                        std::shared_ptr<const Image> image) {
    if (!image)
        return;
    const std::size_t bytes = image->byteSize() + sizeof(Image);
    std::lock_guard lock(mutex_);
    Key key{source, frame};
    if (const auto it = index_.find(key); it != index_.end()) {
        used_ -= it->second->bytes;
        lru_.erase(it->second);
        index_.erase(it);
    }
    if (bytes > budget_)
        return;
    lru_.push_front(Entry{key, std::move(image), bytes});
    index_.emplace(std::move(key), lru_.begin());
    used_ += bytes;
    evictLocked();
}

void FrameCache::evictLocked() {
    while (used_ > budget_ && !lru_.empty()) {
        Entry& last = lru_.back();
        used_ -= last.bytes;
        index_.erase(last.key);
        lru_.pop_back();
        ++stats_.evictions;
    }
}

void FrameCache::remove(const QString& source) {
    std::lock_guard lock(mutex_);
    for (auto it = lru_.begin(); it != lru_.end();) {
        if (it->key.source == source) {
            used_ -= it->bytes;
            index_.erase(it->key);
            it = lru_.erase(it);
        } else {
            ++it;
        }
    }
}

void FrameCache::clear() {
    std::lock_guard lock(mutex_);
    index_.clear();
    lru_.clear();
    used_ = 0;
}

void FrameCache::setBudget(std::size_t budgetBytes) {
    std::lock_guard lock(mutex_);
    budget_ = budgetBytes;
    evictLocked();
}

std::size_t FrameCache::budget() const {
    std::lock_guard lock(mutex_);
    return budget_;
}

std::size_t FrameCache::usedBytes() const {
    std::lock_guard lock(mutex_);
    return used_;
}

std::size_t FrameCache::count() const {
    std::lock_guard lock(mutex_);
    return lru_.size();
}

FrameCache::Stats FrameCache::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

CachedMediaReader::CachedMediaReader(std::unique_ptr<MediaReader> reader,
                                     std::shared_ptr<FrameCache> cache, QString sourceId)
    : reader_(std::move(reader))
    , cache_(std::move(cache))
    , sourceId_(sourceId.isEmpty() ? reader_->info().path : std::move(sourceId)) {}

std::shared_ptr<const Image> CachedMediaReader::frame(FrameNumber n) {
    if (auto cached = cache_->find(sourceId_, n))
        return cached;
    auto image = std::make_shared<const Image>(reader_->readFrame(n));
    cache_->insert(sourceId_, n, image);
    return image;
}

} // namespace retake
