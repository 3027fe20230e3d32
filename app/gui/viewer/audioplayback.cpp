#include "viewer/audioplayback.h"

#include "common/editorstate.h"
#include "core/error.h"
#include "timeline/timelineaudio.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QIODevice>
#include <QMediaDevices>
#include <cstring>
#include <memory>

namespace retake::gui {

namespace {

// Pull source for QAudioSink: mixes the timeline on demand, on the audio thread.
class TimelineAudioDevice : public QIODevice {
public:
    TimelineAudioDevice(std::unique_ptr<TimelineAudio> audio, std::int64_t startSample)
        : audio_(std::move(audio))
        , position_(startSample) {}

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return 1 << 20; }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        const qint64 frameBytes = qint64(sizeof(float)) * audio_->channels();
        const qint64 frames = maxSize / frameBytes;
        if (frames <= 0)
            return 0;
        std::vector<float> samples;
        try {
            samples = audio_->read(position_, frames);
        } catch (const Error&) {
            samples.assign(std::size_t(frames * audio_->channels()), 0.0f); // keep time
        }
        position_ += frames;
        std::memcpy(data, samples.data(), std::size_t(frames * frameBytes));
        return frames * frameBytes;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    std::unique_ptr<TimelineAudio> audio_;
    std::int64_t position_;
};

} // namespace

// Lives on AudioPlayback's thread.
class AudioWorker : public QObject {
    Q_OBJECT
public:
    void start(const Project& project, FrameNumber frame) {
        stop();
        std::unique_ptr<TimelineAudio> audio;
        try {
            audio = std::make_unique<TimelineAudio>(project);
        } catch (const Error& e) {
            Q_EMIT problem(e.message());
            return;
        }
        if (!audio->hasAudio())
            return;
        const QAudioDevice output = QMediaDevices::defaultAudioOutput();
        if (output.isNull())
            return; // no sound card (or a headless session): play silent
        QAudioFormat format;
        format.setSampleRate(audio->sampleRate());
        format.setChannelCount(audio->channels());
        format.setSampleFormat(QAudioFormat::Float);
        if (!output.isFormatSupported(format)) {
            Q_EMIT problem(AudioPlayback::tr("The audio device cannot play %1 Hz %2-channel sound.")
                               .arg(audio->sampleRate())
                               .arg(audio->channels()));
            return;
        }
        const std::int64_t startSample = audio->sampleAtFrame(frame);
        device_ = std::make_unique<TimelineAudioDevice>(std::move(audio), startSample);
        device_->open(QIODevice::ReadOnly);
        sink_ = std::make_unique<QAudioSink>(output, format);
        // Short buffer: sound follows the picture closely when playback starts.
        sink_->setBufferSize(format.bytesForDuration(80000));
        sink_->start(device_.get());
        Q_EMIT started(true);
    }

    void stop() {
        if (!sink_)
            return;
        sink_->stop();
        sink_.reset();
        device_.reset();
        Q_EMIT started(false);
    }

Q_SIGNALS:
    void problem(const QString& message);
    void started(bool playing);

private:
    std::unique_ptr<TimelineAudioDevice> device_;
    std::unique_ptr<QAudioSink> sink_;
};

AudioPlayback::AudioPlayback(EditorState* state, QObject* parent)
    : QObject(parent)
    , state_(state)
    , worker_(new AudioWorker) {
    thread_.setObjectName(QStringLiteral("audio"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &AudioWorker::problem, this, &AudioPlayback::problem);
    connect(worker_, &AudioWorker::started, this, [this](bool playing) {
        playing_ = playing;
        Q_EMIT playingChanged(playing);
    });
    connect(state_, &EditorState::playbackRateChanged, this, &AudioPlayback::rateChanged);
    thread_.start();
}

AudioPlayback::~AudioPlayback() {
    QMetaObject::invokeMethod(worker_, &AudioWorker::stop, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

void AudioPlayback::setMuted(bool muted) {
    muted_ = muted;
    rateChanged(state_->playbackRate());
}

void AudioPlayback::rateChanged(double rate) {
    if (rate == 1.0 && !muted_) {
        const Project project = project_;
        const FrameNumber frame = state_->currentFrame();
        QMetaObject::invokeMethod(worker_,
                                  [this, project, frame] { worker_->start(project, frame); });
    } else {
        QMetaObject::invokeMethod(worker_, &AudioWorker::stop);
    }
}

} // namespace retake::gui

#include "audioplayback.moc"
