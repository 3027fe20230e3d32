#pragma once

// Produces items 0..count-1 on a worker thread, a few ahead of the consumer,
// so reading and grading the next frames overlaps encoding the current one.
// Items come out in order. An exception in the producer is rethrown by the
// next() that would have returned its item; destroying the prefetcher stops
// the worker (after the item it is making).

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace retake {

template <class T> class Prefetcher {
public:
    // `make(i)` runs on the worker thread only, in order of i.
    Prefetcher(int first, int count, int ahead, std::function<T(int)> make)
        : make_(std::move(make))
        , ahead_(ahead < 1 ? 1 : ahead) {
        worker_ = std::thread([this, first, count] { run(first, count); });
    }
    ~Prefetcher() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        worker_.join();
    }
    Prefetcher(const Prefetcher&) = delete;
    Prefetcher& operator=(const Prefetcher&) = delete;

    // The next item, waiting for it if needed.
    T next() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return !ready_.empty() || error_; });
        if (ready_.empty())
            std::rethrow_exception(error_);
        T item = std::move(ready_.front());
        ready_.pop_front();
        changed_.notify_all();
        return item;
    }

private:
    void run(int first, int count) {
        for (int i = first; i < first + count; ++i) {
            {
                std::unique_lock<std::mutex> lock(mutex_);
                changed_.wait(lock, [this] { return stop_ || int(ready_.size()) < ahead_; });
                if (stop_)
                    return;
            }
            try {
                T item = make_(i);
                std::lock_guard<std::mutex> lock(mutex_);
                ready_.push_back(std::move(item));
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex_);
                error_ = std::current_exception();
                changed_.notify_all();
                return;
            }
            changed_.notify_all();
        }
    }

    std::function<T(int)> make_;
    const int ahead_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<T> ready_;
    std::exception_ptr error_;
    bool stop_ = false;
    std::thread worker_;
};

} // namespace retake
