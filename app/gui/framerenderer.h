#pragma once

// Decodes timeline frames for the viewer off the GUI thread. One frame is
// decoded at a time on a private thread; while it runs, newer requests
// replace older ones, so only the newest requested frame is decoded next
// and scrubbing or playback never queues up stale work.

#include "model/project.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <memory>
#include <optional>

namespace retake::gui {

struct RenderedFrame {
    FrameNumber frame = -1;
    QImage picture;
    QImage maskOverlay; // the shot's stationary mask at this frame, if any
    Id shotId;
    FrameNumber mediaFrame = 0;
    bool fromTake = false;
    QString error; // why there is no picture
};

class FrameRenderer : public QObject {
    Q_OBJECT
public:
    explicit FrameRenderer(QObject* parent = nullptr);
    ~FrameRenderer() override;

    // A copy of the project to read from; later requests see it.
    void setProject(const Project& project);
    void request(FrameNumber frame);
    bool isBusy() const { return busy_; }

Q_SIGNALS:
    void frameReady(const retake::gui::RenderedFrame& frame);

private:
    struct Worker;
    void startNext();
    void finished();

    std::shared_ptr<Worker> worker_;
    std::optional<FrameNumber> pending_;
    bool busy_ = false;
    QThreadPool pool_;
    QFutureWatcher<RenderedFrame> watcher_;
};

} // namespace retake::gui
