#include "common/editorstate.h"

#include <algorithm>
#include <cmath>

namespace retake::gui {

EditorState::EditorState(QObject* parent)
    : QObject(parent) {
    playTimer_.setTimerType(Qt::PreciseTimer);
    playTimer_.setSingleShot(true);
    connect(&playTimer_, &QTimer::timeout, this, &EditorState::advancePlayback);
}

void EditorState::setTimeline(Rational frameRate, FrameNumber duration) {
    const bool rateChanged = frameRate != frameRate_;
    frameRate_ = frameRate.isPositive() ? frameRate : Rational(24);
    duration_ = std::max<FrameNumber>(duration, 0);
    if (in_ && *in_ >= duration_)
        in_.reset();
    if (out_ && *out_ > duration_)
        out_ = duration_ > 0 ? std::optional<FrameNumber>(duration_) : std::nullopt;
    if (isPlaying() && rateChanged)
        startPlayback(rate_); // restart the clock at the new frame rate
    setCurrentFrame(currentFrame_);
    Q_EMIT timelineChanged();
    Q_EMIT selectionChanged();
}

void EditorState::setCurrentFrame(FrameNumber frame) {
    frame = std::clamp<FrameNumber>(frame, 0, lastFrame());
    if (frame == currentFrame_)
        return;
    currentFrame_ = frame;
    Q_EMIT currentFrameChanged(frame);
}

void EditorState::markIn() {
    in_ = currentFrame_;
    if (out_ && *out_ <= *in_)
        out_.reset();
    Q_EMIT selectionChanged();
}

void EditorState::markOut() {
    out_ = currentFrame_ + 1;
    if (in_ && *in_ >= *out_)
        in_.reset();
    Q_EMIT selectionChanged();
}

void EditorState::setSelection(FrameRange range) {
    range = range.intersected({0, duration_});
    if (range.isEmpty()) {
        clearSelection();
        return;
    }
    in_ = range.start;
    out_ = range.end;
    Q_EMIT selectionChanged();
}

void EditorState::clearSelection() {
    in_.reset();
    out_.reset();
    Q_EMIT selectionChanged();
}

FrameRange EditorState::selection() const {
    if (!in_ && !out_)
        return {};
    return FrameRange{in_.value_or(0), out_.value_or(duration_)}.intersected({0, duration_});
}

void EditorState::selectShot(const Id& shotId) {
    if (shotId == selectedShot_)
        return;
    selectedShot_ = shotId;
    Q_EMIT selectedShotChanged(shotId);
}

void EditorState::play() {
    if (duration_ <= 0)
        return;
    if (currentFrame_ >= lastFrame())
        setCurrentFrame(0);
    startPlayback(1.0);
}

void EditorState::shuttleForward() {
    if (duration_ <= 0)
        return;
    const double rate = isPlaying() && rate_ > 0 ? std::min(rate_ * 2, kMaxShuttleRate) : 1.0;
    if (!isPlaying() && currentFrame_ >= lastFrame())
        setCurrentFrame(0);
    startPlayback(rate);
}

void EditorState::shuttleReverse() {
    if (duration_ <= 0)
        return;
    const double rate = isPlaying() && rate_ < 0 ? std::max(rate_ * 2, -kMaxShuttleRate) : -1.0;
    if (!isPlaying() && currentFrame_ <= 0)
        setCurrentFrame(lastFrame());
    startPlayback(rate);
}

void EditorState::startPlayback(double rate) {
    const bool wasPlaying = isPlaying();
    rate_ = rate;
    playStartFrame_ = currentFrame_;
    playClock_.start();
    playing_ = true;
    scheduleNextTick();
    if (!wasPlaying)
        Q_EMIT playingChanged(true);
    Q_EMIT playbackRateChanged(rate_);
}

// The frame shown is computed from the clock, so a late tick skips frames
// instead of slowing playback down. Each tick is set for just after the
// next frame begins: a timer repeating at the frame interval drifts against
// the frames' boundaries, and wherever its ticks fall close to one a few
// milliseconds of lateness (a busy machine) show one frame twice and skip
// the next. Shuttling faster than real time still ticks at the frame rate
// (a screen shows no more), skipping frames by design.
void EditorState::scheduleNextTick() {
    const double framesPerSecond = frameRate_.toDouble() * std::min(std::abs(rate_), 1.0);
    const double elapsedSeconds = double(playClock_.nsecsElapsed()) * 1e-9;
    const double nextBoundary =
        (std::floor(elapsedSeconds * framesPerSecond) + 1) / framesPerSecond;
    const int delayMs = int(std::ceil((nextBoundary - elapsedSeconds) * 1000.0)) + 1;
    playTimer_.start(std::max(1, delayMs));
}

void EditorState::pause() {
    if (!playing_)
        return;
    playing_ = false;
    playTimer_.stop();
    Q_EMIT playingChanged(false);
    Q_EMIT playbackRateChanged(0.0);
}

void EditorState::togglePlayback() {
    if (isPlaying())
        pause();
    else
        play();
}

void EditorState::advancePlayback() {
    const double elapsedFrames =
        double(playClock_.nsecsElapsed()) * 1e-9 * frameRate_.toDouble() * rate_;
    const FrameNumber frame = playStartFrame_ + FrameNumber(std::trunc(elapsedFrames));
    if (rate_ > 0 && frame >= lastFrame()) {
        setCurrentFrame(lastFrame());
        pause();
        return;
    }
    if (rate_ < 0 && frame <= 0) {
        setCurrentFrame(0);
        pause();
        return;
    }
    setCurrentFrame(frame);
    if (playing_) // a slot may have paused
        scheduleNextTick();
}

} // namespace retake::gui
