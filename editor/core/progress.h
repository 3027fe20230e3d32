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
    // Something a person should know that is no progress ("removed the
    // leftovers of an interrupted export"): the note callback, else the log
    // (stderr for the CLI). Empty text is ignored.
    void note(const QString& text) const;
    void setNoteCallback(std::function<void(const QString&)> callback) {
        noteCallback_ = std::move(callback);
    }
    void cancel() { cancelled_.store(true); }
    bool isCancelled() const { return cancelled_.load(); }
    void checkCancelled() const;

private:
    Callback callback_;
    std::function<void(const QString&)> noteCallback_;
    std::atomic<bool> cancelled_{false};
};

} // namespace retake
