#include "framerenderer.h"

#include "core/error.h"
#include "export/framesource.h"
#include "imageconvert.h"
#include "mask/maskraster.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

namespace retake::gui {

// Used by one job at a time: startNext() never runs two at once, and a new
// project, display or compare setting gets a new Worker, so
// TimelineFrameSource (not thread-safe) is never shared between threads.
struct FrameRenderer::Worker {
    Worker(Project project, std::optional<ColorPipeline> pipeline, DisplaySettings display,
           bool compare, bool paintedMasks, QSize target)
        : source(std::move(project))
        , pipeline(std::move(pipeline))
        , display(std::move(display))
        , compare(compare)
        , paintedMasks(paintedMasks)
        , target(target) {}

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
    // media colour space, so both use the media's processor, as the export does.
    QImage present(const Image& decoded, const Shot& shot) {
        const Image image = fitted(decoded);
        if (!pipeline)
            return toQImage(image);
        const MediaRef* media = source.project().findMedia(shot.mediaId);
        if (!media)
            return toQImage(image);
        auto it = processors.find(media->id);
        if (it == processors.end()) {
            ColorGrade grade;
            grade.inputSpace = pipeline->inputSpaceFor(media->path, media->color);
            grade.display = display.display;
            grade.view = display.view;
            grade.lutPath = display.lookPath;
            it = processors.insert(media->id, pipeline->processor(grade));
        }
        return toQImage(it->apply(image, SampleType::UInt8));
    }

    // 8-bit RGB(A) frames larger than the target, scaled down (aspect kept).
    // Float frames keep their size: filtering scene-linear values for display
    // is the transform's business.
    Image fitted(const Image& image) const {
        if (target.isEmpty() || image.type != SampleType::UInt8 ||
            (image.channels != 3 && image.channels != 4) ||
            (image.width <= target.width() && image.height <= target.height()))
            return image;
        const QImage::Format format =
            image.channels == 3 ? QImage::Format_RGB888 : QImage::Format_RGBA8888;
        const QImage wrapped(image.pixels.data(), image.width, image.height,
                             image.width * image.channels, format);
        const QImage scaled = wrapped.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                  .convertToFormat(format);
        Image out(scaled.width(), scaled.height(), image.channels, SampleType::UInt8);
        out.color = image.color;
        const std::size_t row = std::size_t(out.width) * out.channels;
        for (int y = 0; y < out.height; ++y)
            std::copy_n(scaled.constScanLine(y), row, out.pixels.data() + y * row);
        return out;
    }

    QImage overlayFor(const QString& path) {
        auto it = masks.find(path);
        if (it == masks.end())
            it = masks.insert(path, maskOverlay(QImage(path)));
        return *it;
    }

    TimelineFrameSource source;
    std::optional<ColorPipeline> pipeline;
    DisplaySettings display;
    bool compare = false;
    bool paintedMasks = false;
    QSize target;
    QHash<Id, ColorProcessor> processors;
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
                                       targetSize_);
    cache_.clear();
}

void FrameRenderer::setProject(const Project& project) {
    project_ = project;
    newWorker();
}

void FrameRenderer::setDisplay(const DisplaySettings& display) {
    if (display.display.isEmpty()) {
        pipeline_.reset();
    } else {
        ColorPipeline pipeline = ColorPipeline::load(display.configPath);
        if (!pipeline.displays().contains(display.display))
            throw Error(ErrorKind::Usage, tr("The OCIO config %1 has no display “%2”.")
                                              .arg(pipeline.configPath(), display.display));
        if (!display.lookPath.isEmpty()) {
            // Compiles the LUT now, so a broken file is reported here, not per frame.
            ColorGrade probe;
            probe.inputSpace = pipeline.colorSpaces().value(0);
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

void FrameRenderer::setTargetSize(QSize size) {
    if (size == targetSize_)
        return;
    targetSize_ = size;
    newWorker();
}

void FrameRenderer::setCacheSizeMB(int megabytes) {
    cache_.setMaxCost(std::max(0, megabytes) * 1024);
}

void FrameRenderer::request(FrameNumber frame) {
    if (const RenderedFrame* cached = cache_.object(frame)) {
        pending_.reset();
        const RenderedFrame copy = *cached;
        Q_EMIT frameReady(copy);
        return;
    }
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
    running_ = worker_;
    watcher_.setFuture(QtConcurrent::run(&pool_, [worker, frame] {
        RenderedFrame rendered = worker->render(frame);
        return rendered;
    }));
}

void FrameRenderer::finished() {
    busy_ = false;
    const RenderedFrame frame = watcher_.result();
    // Only what the current project and display settings produced is kept.
    if (!frame.picture.isNull() && running_ == worker_) {
        const qsizetype bytes = frame.picture.sizeInBytes() + frame.original.sizeInBytes();
        cache_.insert(frame.frame, new RenderedFrame(frame), int(bytes / 1024) + 1);
    }
    // Shown even when a newer request is waiting: during playback slower
    // than real time that is always the case, and the newest decoded frame
    // is still the best picture to show. Requests made meanwhile collapsed
    // into the one pending frame, decoded next.
    Q_EMIT frameReady(frame);
    startNext();
}

} // namespace retake::gui
