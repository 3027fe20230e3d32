#pragma once

// What the editor window looks at, shared by its views: the playhead, the
// In/Out selection, the selected shot and playback. None of it is part of
// the project (nothing here is saved or undone). GUI thread only.

#include "core/framerange.h"
#include "model/project.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <optional>

namespace retake::gui {

class EditorState : public QObject {
    Q_OBJECT
public:
    explicit EditorState(QObject* parent = nullptr);

    // The timeline being edited; keeps the playhead and selection inside it.
    void setTimeline(Rational frameRate, FrameNumber duration);
    Rational frameRate() const { return frameRate_; }
    FrameNumber duration() const { return duration_; }

    FrameNumber currentFrame() const { return currentFrame_; }
    void setCurrentFrame(FrameNumber frame);
    void step(FrameNumber frames) { setCurrentFrame(currentFrame_ + frames); }
    FrameNumber lastFrame() const { return duration_ > 0 ? duration_ - 1 : 0; }

    // In and Out are inclusive marks, as editors set them; the selection is
    // the half-open range between them (to the timeline's ends when only one
    // is set), empty when neither is set.
    void markIn();
    void markOut();
    void setSelection(FrameRange range);
    void clearSelection();
    FrameRange selection() const;
    bool hasSelection() const { return !selection().isEmpty(); }

    Id selectedShot() const { return selectedShot_; }
    void selectShot(const Id& shotId);

    bool isPlaying() const { return playing_; }
    void play();
    void pause();
    void togglePlayback();
    // J/K/L shuttle: L plays forward, J in reverse; pressing the key of the
    // current direction again doubles the speed (up to 32x), the other key
    // turns round at normal speed; K stops.
    void shuttleForward();
    void shuttleReverse();
    void shuttleStop() { pause(); }
    // Frames of timeline per frame of real time: 1 normal, -2 double speed
    // in reverse, 0 when stopped.
    double playbackRate() const { return isPlaying() ? rate_ : 0.0; }
    static constexpr double kMaxShuttleRate = 32.0;

Q_SIGNALS:
    void currentFrameChanged(retake::FrameNumber frame);
    void selectionChanged();
    void selectedShotChanged(const retake::Id& shotId);
    void playingChanged(bool playing);
    void playbackRateChanged(double rate);
    void timelineChanged();

private:
    void advancePlayback();
    void startPlayback(double rate);
    void scheduleNextTick();

    Rational frameRate_{24};
    FrameNumber duration_ = 0;
    FrameNumber currentFrame_ = 0;
    std::optional<FrameNumber> in_;
    std::optional<FrameNumber> out_; // exclusive
    Id selectedShot_;
    bool playing_ = false;
    QTimer playTimer_; // single shot, due just after the next frame starts
    QElapsedTimer playClock_;
    FrameNumber playStartFrame_ = 0;
    double rate_ = 1.0;
};

} // namespace retake::gui
