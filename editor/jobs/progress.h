#pragma once

#include <QString>
#include <atomic>
#include <functional>

namespace retake {

// Passed into long work. The worker calls report() between units of work and
// checkCancelled() often enough to stop within a second; both are safe from
// any thread. checkCancelled() throws Error(Cancelled).
class Progress {
public:
    using Callback = std::function<void(double fraction, const QString& stage)>;

    Progress() = default;
    explicit Progress(Callback callback)
        : callback_(std::move(callback)) {}

    void report(double fraction, const QString& stage) const {
        if (callback_)
            callback_(fraction, stage);
    }
    void cancel() { cancelled_.store(true); }
    bool isCancelled() const { return cancelled_.load(); }
    void checkCancelled() const;

private:
    Callback callback_;
    std::atomic<bool> cancelled_{false};
};

} // namespace retake
