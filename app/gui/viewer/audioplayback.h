#pragma once

// Plays the timeline's sound (TimelineAudio) through Qt Multimedia while the
// editor plays forward at normal speed; silent while shuttling, in reverse
// or stopped. Decoding and the QAudioSink live on a thread of their own, so
// the GUI thread never waits for audio.
//
// Sync: sound starts at the playhead's frame when playback starts, together
// with EditorState's playback clock; both run on the real-time clock, so they
// stay together (the video drops frames rather than falls behind).

#include "model/project.h"

#include <QObject>
#include <QThread>

namespace retake::gui {

class EditorState;
class AudioWorker;

class AudioPlayback : public QObject {
    Q_OBJECT
public:
    AudioPlayback(EditorState* state, QObject* parent = nullptr);
    ~AudioPlayback() override;

    // The project to play (a copy is taken when playback starts).
    void setProject(const Project& project) { project_ = project; }
    void setMuted(bool muted);
    bool isMuted() const { return muted_; }
    // True while sound is being sent to the audio device.
    bool isPlaying() const { return playing_; }

Q_SIGNALS:
    // The audio device or a file's sound cannot be used; playback goes on silent.
    void problem(const QString& message);
    void playingChanged(bool playing);

private:
    void rateChanged(double rate);

    EditorState* state_;
    Project project_;
    QThread thread_;
    AudioWorker* worker_;
    bool muted_ = false;
    bool playing_ = false;
};

} // namespace retake::gui
