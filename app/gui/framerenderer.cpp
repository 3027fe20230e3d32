#include "framerenderer.h"

#include "core/error.h"
#include "export/framesource.h"
#include "imageconvert.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

namespace retake::gui {

// Used by one job at a time at a time: startNext() never runs two at once, and a new
// project gets a new Worker, so TimelineFrameSource (not thread-safe) is
// never shared between threads.
struct FrameRenderer::Worker {
    explicit Worker(Project project)
        : source(std::move(project)) {}

    RenderedFrame render(FrameNumber frame) {
        RenderedFrame result;
        result.frame = frame;
        const FrameOrigin origin = source.originAt(frame);
        if (!origin.shot) {
            result.error = FrameRenderer::tr("No shot at frame %1").arg(frame);
            return result;
        }
        result.shotId = origin.shot->id;
        result.mediaFrame = origin.mediaFrame;
        result.fromTake = origin.take != nullptr;
        try {
            result.picture = toQImage(source.readShotFrame(*origin.shot, origin.mediaFrame));
        } catch (const Error& e) {
            result.error = e.message();
        } catch (const std::exception& e) {
            result.error = FrameRenderer::tr("Cannot decode frame %1: %2")
                               .arg(frame)
                               .arg(QString::fromLocal8Bit(e.what()));
        }
        for (const MaskRef& mask : origin.shot->masks) {
            if (mask.stationary && mask.range.contains(origin.mediaFrame)) {
                result.maskOverlay = overlayFor(mask.path);
                break;
            }
        }
        return result;
    }

    QImage overlayFor(const QString& path) {
        auto it = masks.find(path);
        if (it == masks.end())
            it = masks.insert(path, maskOverlay(QImage(path)));
        return *it;
    }

    TimelineFrameSource source;
    QHash<QString, QImage> masks;
};

FrameRenderer::FrameRenderer(QObject* parent)
    : QObject(parent) {
    pool_.setMaxThreadCount(1);
    connect(&watcher_, &QFutureWatcher<RenderedFrame>::finished, this, &FrameRenderer::finished);
}

FrameRenderer::~FrameRenderer() {
    pending_.reset();
    watcher_.disconnect(this);
    pool_.waitForDone();
}

void FrameRenderer::setProject(const Project& project) {
    worker_ = std::make_shared<Worker>(project);
}

void FrameRenderer::request(FrameNumber frame) {
    pending_ = frame;
    if (!busy_)
        startNext();
}

void FrameRenderer::startNext() {
    if (!pending_ || !worker_)
        return;
    const FrameNumber frame = *pending_;
    pending_.reset();
    busy_ = true;
    std::shared_ptr<Worker> worker = worker_;
    watcher_.setFuture(
        QtConcurrent::run(&pool_, [worker, frame] { return worker->render(frame); }));
}

void FrameRenderer::finished() {
    busy_ = false;
    // Shown even when a newer request is waiting: during playback slower
    // than real time that is always the case, and the newest decoded frame
    // is still the best picture to show. Requests made meanwhile collapsed
    // into the one pending frame, decoded next.
    Q_EMIT frameReady(watcher_.result());
    startNext();
}

} // namespace retake::gui
