#include "viewer/framerenderer.h"

#include "common/imageconvert.h"
#include "core/error.h"
#include "mask/maskraster.h"
#include "timeline/framesource.h"
#include "timeline/mediacolour.h"
#include "viewer/displaylut.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

namespace retake::gui {

// Used by one job at a time: startNext() never runs two at once, and a new
// project, display or compare setting gets a new Worker, so
// TimelineFrameSource (not thread-safe) is never shared between threads.
struct FrameRenderer::Worker {
    Worker(Project project, std::optional<ColourPipeline> pipeline, DisplaySettings display,
           bool compare, bool paintedMasks, QSize target, const ProxyMap& proxies)
        : source(std::move(project))
        , pipeline(std::move(pipeline))
        , display(std::move(display))
        , compare(compare)
        , paintedMasks(paintedMasks)
        , target(target) {
        // Video frames arrive at the viewer's size from the decoder's
        // scaler, which does it in the YUV -> RGB pass (4x faster than
        // scaling the full-size RGB picture here).
        source.setPreviewSize(target);
        // A jump back by a few frames (scrubbing, stepping back) converts a
        // picture decoded on the way instead of decoding its GOP again:
        // about 80 pictures of 1080p 4:2:0, 20 of UHD.
        source.keepDecodedFrames(std::size_t(256) << 20);
        source.setProxies(proxies);
    }

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
            result.picture =
                present(source.readShotFrame(*origin.shot, origin.mediaFrame), *origin.shot);
            result.fromProxy = source.lastReadFromProxy();
            if (compare && origin.take) {
                // The same shot without its takes reads the original media.
                Shot original = *origin.shot;
                original.activeTakes.clear();
                result.original =
                    present(source.readShotFrame(original, origin.mediaFrame), *origin.shot);
            }
        } catch (const Error& e) {
            result.picture = QImage();
            result.error = e.message();
        } catch (const std::exception& e) {
            result.picture = QImage();
            result.error = FrameRenderer::tr("Cannot decode frame %1: %2")
                               .arg(frame)
                               .arg(QString::fromLocal8Bit(e.what()));
        }
        for (const MaskRef& mask : origin.shot->masks) {
            if (!mask.range.contains(origin.mediaFrame))
                continue;
            if (mask.isPainted() && paintedMasks) {
                // Rasterised per frame (shapes move between keys), here on
                // the worker and only while the overlay shows.
                if (const MediaRef* media = source.project().findMedia(origin.shot->mediaId))
                    result.maskOverlay = maskOverlay(rasteriseMask(
                        mask.painted, origin.mediaFrame, QSize(media->width, media->height)));
                break;
            }
            if (mask.stationary) {
                result.maskOverlay = overlayFor(mask.path);
                break;
            }
        }
        return result;
    }

    // Through the display transform: a take's frames are in its shot's
    // media colour space, so both use the media's processor, as the export
    // does. 8-bit frames are fitted to the viewer first (most arrive fitted
    // already) and go through the processor baked into a LUT; others through
    // the processor itself.
    QImage present(const Image& decoded, const Shot& shot) {
        QImage picture = toDisplayImage(decoded, target);
        const MediaRef* media = pipeline ? source.project().findMedia(shot.mediaId) : nullptr;
        if (!media)
            return picture.isNull() ? toQImage(decoded) : picture;
        Transform& transform = transformFor(*media);
        if (picture.isNull()) // float or 16-bit: the processor at full size
            return toQImage(transform.processor.apply(decoded, SampleType::UInt8));
        if (transform.lut) {
            transform.lut->applyInPlace(picture);
            return picture;
        }
        // A transform the LUT cannot hold: the processor on the scaled picture.
        return toQImage(transform.processor.apply(toImage(picture), SampleType::UInt8));
    }

    struct Transform {
        ColourProcessor processor;
        std::optional<DisplayLut> lut; // none when baking is not exact enough
    };

    Transform& transformFor(const MediaRef& media) {
        auto it = transforms.find(media.id);
        if (it != transforms.end())
            return *it;
        ColourGrade grade;
        grade.inputSpace = mediaInputSpace(*pipeline, media); // export/mediacolour.h
        grade.display = display.display;
        grade.view = display.view;
        grade.lutPath = display.lookPath;
        Transform transform;
        transform.processor = pipeline->processor(grade);
        transform.lut = DisplayLut::bakeIfExact(transform.processor);
        return *transforms.insert(media.id, std::move(transform));
    }

    QImage overlayFor(const QString& path) {
        auto it = masks.find(path);
        if (it == masks.end())
            it = masks.insert(path, maskOverlay(QImage(path)));
        return *it;
    }

    TimelineFrameSource source;
    std::optional<ColourPipeline> pipeline;
    DisplaySettings display;
    bool compare = false;
    bool paintedMasks = false;
    QSize target;
    QHash<Id, Transform> transforms;
    QHash<QString, QImage> masks;
};

FrameRenderer::FrameRenderer(QObject* parent)
    : QObject(parent) {
    pool_.setMaxThreadCount(1);
    cache_.setMaxCost(256 * 1024);
    connect(&watcher_, &QFutureWatcher<RenderedFrame>::finished, this, &FrameRenderer::finished);
}

FrameRenderer::~FrameRenderer() {
    pending_.reset();
    watcher_.disconnect(this);
    pool_.waitForDone();
}

void FrameRenderer::newWorker() {
    worker_ = std::make_shared<Worker>(project_, pipeline_, display_, compare_, paintedMasks_,
                                       targetSize_, proxies_);
    cache_.clear();
    ahead_.clear();
}

void FrameRenderer::setProject(const Project& project) {
    project_ = project;
    duration_ = project_.duration();
    newWorker();
}

void FrameRenderer::setDisplay(const DisplaySettings& display) {
    if (display.display.isEmpty()) {
        pipeline_.reset();
    } else {
        ColourPipeline pipeline = ColourPipeline::load(display.configPath);
        if (!pipeline.displays().contains(display.display))
            throw Error(ErrorKind::Usage, tr("The OCIO config %1 has no display “%2”.")
                                              .arg(pipeline.configPath(), display.display));
        if (!display.lookPath.isEmpty()) {
            // Compiles the LUT now, so a broken file is reported here, not per frame.
            ColourGrade probe;
            probe.inputSpace = pipeline.colourSpaces().value(0);
            probe.display = display.display;
            probe.view = display.view;
            probe.lutPath = display.lookPath;
            pipeline.processor(probe);
        }
        pipeline_ = pipeline;
    }
    display_ = display;
    newWorker();
}

void FrameRenderer::setCompareEnabled(bool enabled) {
    if (enabled == compare_)
        return;
    compare_ = enabled;
    newWorker();
}

void FrameRenderer::setPaintedMasksEnabled(bool enabled) {
    if (enabled == paintedMasks_)
        return;
    paintedMasks_ = enabled;
    newWorker();
}

void FrameRenderer::setProxies(const ProxyMap& proxies) {
    if (proxies == proxies_)
        return;
    proxies_ = proxies;
    newWorker();
}

void FrameRenderer::setTargetSize(QSize size) {
    if (size == targetSize_)
        return;
    targetSize_ = size;
    newWorker();
}

void FrameRenderer::setCacheSizeMB(int megabytes) {
    cache_.setMaxCost(std::max(0, megabytes) * 1024);
}

void FrameRenderer::setReadAhead(bool enabled) {
    if (enabled == readAhead_)
        return;
    readAhead_ = enabled;
    if (!readAhead_)
        ahead_.clear();
    else if (!busy_)
        startNext();
}

void FrameRenderer::request(FrameNumber frame) {
    lastRequested_ = frame;
    // Only frames in the window after the playhead serve playback: those it
    // passed, and those of an earlier position after a jump back, go.
    ahead_.erase(ahead_.begin(), ahead_.lowerBound(frame));
    ahead_.erase(ahead_.upperBound(frame + kReadAheadFrames), ahead_.end());
    const auto ready = [this](const RenderedFrame& picture) {
        pending_.reset();
        const RenderedFrame copy = picture; // the slot may change the buffers
        Q_EMIT frameReady(copy);
        if (!busy_)
            startNext(); // refill the read-ahead
    };
    if (const auto it = ahead_.constFind(frame); it != ahead_.constEnd()) {
        const RenderedFrame picture = *it;
        ahead_.erase(it);
        ready(picture);
        return;
    }
    if (const RenderedFrame* cached = cache_.object(frame)) {
        ready(*cached);
        return;
    }
    if (busy_ && runningFrame_ == frame && running_ == worker_) {
        // Being decoded ahead already: show it when it is done.
        runningWanted_ = true;
        pending_.reset();
        return;
    }
    pending_ = frame;
    if (!busy_)
        startNext();
}

std::optional<FrameNumber> FrameRenderer::nextReadAheadFrame() const {
    if (!readAhead_ || lastRequested_ < 0 || ahead_.size() >= kReadAheadFrames)
        return std::nullopt;
    const FrameNumber last = std::min(lastRequested_ + kReadAheadFrames, duration_ - 1);
    for (FrameNumber next = lastRequested_ + 1; next <= last; ++next)
        if (!ahead_.contains(next) && !cache_.contains(next))
            return next;
    return std::nullopt;
}

void FrameRenderer::startNext() {
    if (!worker_)
        return;
    FrameNumber frame;
    if (pending_) {
        frame = *pending_;
        pending_.reset();
        runningWanted_ = true;
    } else if (const std::optional<FrameNumber> next = nextReadAheadFrame()) {
        frame = *next;
        runningWanted_ = false;
    } else {
        return;
    }
    busy_ = true;
    runningFrame_ = frame;
    std::shared_ptr<Worker> worker = worker_;
    running_ = worker_;
    watcher_.setFuture(QtConcurrent::run(&pool_, [worker, frame] {
        RenderedFrame rendered = worker->render(frame);
        return rendered;
    }));
}

void FrameRenderer::finished() {
    busy_ = false;
    runningFrame_ = -1;
    const RenderedFrame frame = watcher_.result();
    // Only what the current project and display settings produced is kept.
    const bool current = running_ == worker_;
    if (!frame.picture.isNull() && current) {
        const qsizetype bytes = frame.picture.sizeInBytes() + frame.original.sizeInBytes();
        cache_.insert(frame.frame, new RenderedFrame(frame), int(bytes / 1024) + 1);
    }
    if (runningWanted_) {
        // Shown even when a newer request is waiting: during playback slower
        // than real time that is always the case, and the newest decoded
        // frame is still the best picture to show. Requests made meanwhile
        // collapsed into the one pending frame, decoded next.
        Q_EMIT frameReady(frame);
    } else if (current && readAhead_ && frame.frame > lastRequested_ &&
               frame.frame <= lastRequested_ + kReadAheadFrames) {
        // Read ahead of the playhead's window when it was started; a jump
        // back since then leaves a frame beyond the new window, which would
        // hold a slot of the window until the playhead got there.
        ahead_.insert(frame.frame, frame);
    }
    startNext();
}

} // namespace retake::gui
