#include "export/depthsource.h"

#include "camera/blockingrender.h"
#include "camera/motion.h"
#include "core/error.h"
#include "core/translate.h"
#include "engines/engineerrors.h"
#include "engines/frameconversion.h"
#include "engines/generationlibrary.h"
#include "media/fileutil.h"
#include "mediaio/openmedia.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace retake {

namespace {

// Frames a depth model sees per forward() call: enough temporal context for
// video models, bounded memory at 1080p (4 x 3 x 1920 x 1080 floats = 100 MB).
constexpr int kModelFramesPerCall = 4;

} // namespace

DepthProvider::DepthProvider(const Project& project, const DepthExportRequest& request,
                             const QVector<ExportFrame>& frames)
    : project_(project)
    , request_(request)
    , pictures_(project) {
    if (request.source == DepthSource::Model && request.modelPath.isEmpty())
        throw Error(ErrorKind::Usage,
                    tr("The depth source \"model\" needs a TorchScript file (--depth-model)."));
    for (const auto& f : frames) {
        if (sources_.contains(f.shot->id))
            continue;
        sources_.insert(f.shot->id, decide(*f.shot));
    }
    if (!request.modelPath.isEmpty()) {
        // Hashed before loading: the record names the file that ran.
        modelHash_ = fileSha256(request.modelPath);
        model_ = translateEngineErrors([&] {
            return generationBackend().loadDepthModel(
                QFile::encodeName(request.modelPath).toStdString(), request.device.toStdString());
        });
        model_->setFramesPerCall(kModelFramesPerCall);
    }
}

QString DepthProvider::describe(const Shot& shot) const {
    switch (sourceFor(shot)) {
    case DepthSource::Model:
        return tr("TorchScript depth model %1").arg(QFileInfo(request_.modelPath).fileName());
    case DepthSource::Media:
        return tr("depth channel of %1").arg(project_.findMedia(shot.mediaId)->path);
    case DepthSource::Blocking:
        return tr("blocking scene rendered through the shot camera");
    case DepthSource::Auto:
        break;
    }
    return QString();
}

std::vector<DepthPlane> DepthProvider::compute(const QVector<ExportFrame>& frames, int first,
                                               int count) {
    const Shot& shot = *frames[first].shot;
    std::vector<DepthPlane> planes;
    switch (sourceFor(shot)) {
    case DepthSource::Model:
        planes = fromModel(frames, first, count);
        break;
    case DepthSource::Media:
        for (int i = first; i < first + count; ++i)
            planes.push_back(fromMedia(shot, frames[i].mediaFrame));
        break;
    case DepthSource::Blocking:
        for (int i = first; i < first + count; ++i)
            planes.push_back(fromBlocking(shot, frames[i].mediaFrame));
        break;
    case DepthSource::Auto:
        break;
    }
    return planes;
}

int DepthProvider::batchSize(const Shot& shot) const {
    return sourceFor(shot) == DepthSource::Model ? kModelFramesPerCall : 1;
}

DepthSource DepthProvider::decide(const Shot& shot) const {
    const MediaRef* media = project_.findMedia(shot.mediaId);
    const bool mediaDepth = media->hasDepth && media->online;
    const bool blocking = shot.blocking.enabled;
    const QString shotName = shot.name;
    switch (request_.source) {
    case DepthSource::Model:
        return DepthSource::Model;
    case DepthSource::Media:
        if (!mediaDepth)
            throwBadInput(media->path, tr("has no depth channel (shot \"%1\"); import an EXR "
                                          "with a Z or Depth.Z channel, or use another "
                                          "depth source")
                                           .arg(shotName));
        return DepthSource::Media;
    case DepthSource::Blocking:
        if (!blocking)
            throw Error(
                ErrorKind::BadInput,
                tr("Shot \"%1\" has no blocking scene to render depth from.").arg(shotName));
        return DepthSource::Blocking;
    case DepthSource::Auto:
        break;
    }
    if (!request_.modelPath.isEmpty())
        return DepthSource::Model;
    // The media's own depth matches its pixels; a blocking scene may have
    // been edited since its frames were rendered.
    if (mediaDepth)
        return DepthSource::Media;
    if (blocking)
        return DepthSource::Blocking;
    throw Error(ErrorKind::BadInput,
                tr("Shot \"%1\" has no depth: its media (%2) has no depth channel and it is "
                   "not a blocking shot. Give a TorchScript depth model with --depth-model "
                   "FILE, import an EXR with a Z channel, or make it a blocking shot. Retake "
                   "does not invent depth.")
                    .arg(shotName, media->path));
}

std::vector<DepthPlane> DepthProvider::fromModel(const QVector<ExportFrame>& frames, int first,
                                                 int count) {
    generation::FrameStack stack;
    for (int i = 0; i < count; ++i) {
        const Image picture =
            pictures_.readShotFrame(*frames[first + i].shot, frames[first + i].mediaFrame);
        if (i == 0)
            stack = generation::FrameStack(count, 3, picture.height, picture.width);
        else if (picture.width != stack.width || picture.height != stack.height)
            throw Error(ErrorKind::Usage,
                        tr("Shot \"%1\" changes size between frames; cannot run the depth "
                           "model on it.")
                            .arg(frames[first].shot->name));
        toPlanarRgb(picture, stack, i);
    }
    // A depth model is trained on display-referred pictures: values above 1
    // (an EXR's highlights) are clipped as a camera would.
    for (float& v : stack.data)
        v = std::clamp(v, 0.0f, 1.0f);
    const generation::FrameStack depth =
        translateEngineErrors([&] { return model_->estimate(stack); });
    std::vector<DepthPlane> planes(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        planes[i].width = depth.width;
        planes[i].height = depth.height;
        planes[i].metres.assign(depth.frame(i), depth.frame(i) + depth.planeSize());
    }
    return planes;
}

DepthPlane DepthProvider::fromMedia(const Shot& shot, FrameNumber mediaFrame) {
    // The original media's depth, also under a take: a take regenerates
    // pixels, not geometry (the sidecar marks those frames).
    const MediaRef& media = *project_.findMedia(shot.mediaId);
    auto& reader = readers_[media.path.toStdString()];
    if (!reader)
        reader = openMedia(media.path, media.kind);
    Image image = reader->readFrame(mediaFrame);
    if (image.depth.size() != std::size_t(image.width) * image.height)
        throwBadInput(media.path,
                      tr("frame %1 has no depth channel").arg(mediaFrame - shot.source.start));
    return {image.width, image.height, std::move(image.depth)};
}

DepthPlane DepthProvider::fromBlocking(const Shot& shot, FrameNumber mediaFrame) {
    const MediaRef& media = *project_.findMedia(shot.mediaId);
    const int width = media.width > 0 ? media.width : project_.width;
    const int height = media.height > 0 ? media.height : project_.height;
    // The pose at the media frame, as `blocking render` renders the shot.
    const CameraPose pose = evaluatePose(shot.camera, double(mediaFrame), project_.frameRate);
    if (!renderer_)
        renderer_ = generationBackend().blockingRenderer();
    generation::BlockingImage render;
    try {
        render = translateEngineErrors([&] {
            return renderer_->render(blockingWorld(shot.blocking),
                                     blockingView(shot.camera, pose, width, height));
        });
    } catch (const Error& e) {
        throw Error(
            e.kind(),
            tr("Shot \"%1\": cannot render its blocking scene: %2").arg(shot.name, e.message()));
    }
    return {render.width, render.height, std::move(render.depth)};
}

} // namespace retake
