#include "regenerate.h"

#include "core/error.h"
#include "core/leftovers.h"
#include "core/stagingfolder.h"
#include "core/translate.h"
#include "engines/engineerrors.h"
#include "engines/frameconversion.h"
#include "engines/generationlibrary.h"
#include "mask/maskraster.h"
#include "media/encode.h"
#include "media/fileutil.h"
#include "media/imagesequence.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "regen/pinnedplate.h"
#include "retake/generation/inpaint.h"
#include "timeline/framesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QPair>
#include <algorithm>
#include <cmath>

namespace retake {

namespace gen = retake::generation;

namespace {

// The pixels a painted mask marked on a frame, as regeneration used them
// (0 or 255), kept with the take: the shapes may change later, the record of
// which pixels were generated must not.
QImage maskedPixels(QImage painted) {
    for (int y = 0; y < painted.height(); ++y) {
        uchar* row = painted.scanLine(y);
        for (int x = 0; x < painted.width(); ++x)
            row[x] = row[x] > 0 ? 255 : 0;
    }
    return painted;
}

gen::EngineParams toEngineParams(const QMap<QString, QString>& parameters) {
    gen::EngineParams params;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        bool numeric = false;
        const double value = it.value().toDouble(&numeric);
        if (numeric)
            params[it.key().toStdString()] = value;
        else
            params[it.key().toStdString()] = it.value().toStdString();
    }
    return params;
}

// Runs an engine on a stream with Retake's progress and cancellation; engine
// errors become retake::Error with the matching kind. Returns whether the
// engine ran (see StreamedInpaintRequest::passThroughWhenNothingToDo).
bool runEngine(const QString& engine, const QMap<QString, QString>& parameters,
               gen::StreamedInpaintRequest& engineRequest, Progress& progress) {
    engineRequest.params = toEngineParams(parameters);
    std::atomic<bool> cancelFlag{false};
    engineRequest.cancel = &cancelFlag;
    engineRequest.progress = [&](double fraction, const std::string& stage) {
        if (progress.isCancelled())
            cancelFlag.store(true);
        progress.report(fraction, QString::fromStdString(stage));
    };
    return translateEngineErrors(
        [&] { return generationBackend().inpaint(engine.toStdString(), engineRequest); },
        parameters.value(QStringLiteral("model")));
}

QStringList imageFilesIn(const QString& dir) {
    const QFileInfo info(dir);
    if (!info.isDir())
        throwBadInput(dir, tr("is not a folder of images"));
    QStringList files;
    for (const QFileInfo& f : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        if (QStringList{QStringLiteral("png"), QStringLiteral("exr"), QStringLiteral("tif"),
                        QStringLiteral("tiff"), QStringLiteral("jpg")}
                .contains(f.suffix().toLower()))
            files << f.absoluteFilePath();
    if (files.isEmpty())
        throwBadInput(dir, tr("holds no PNG, EXR, TIFF or JPEG images"));
    return files;
}

// The named file only: frames are listed one by one, and openMedia would read
// any numbered name as its whole sequence and answer with the first frame.
Image readStill(const QString& file) {
    return openImageFile(file)->readFrame(0);
}

// Refuses a picture (of file `path`) that is not width x height, the size
// `sizeOf` says ("the shot is", "the frames are").
void requireSize(const Image& image, const QString& path, int width, int height,
                 const QString& sizeOf) {
    if (image.width != width || image.height != height)
        throwBadInput(path, tr("is %1x%2 but %3 %4x%5")
                                .arg(image.width)
                                .arg(image.height)
                                .arg(sizeOf)
                                .arg(width)
                                .arg(height));
}

// The clean plate an engine may copy from: exactly the image file named (a
// plate named like a frame of a sequence is that one file).
gen::FrameStack referencePlate(const QString& path, int width, int height, const QString& sizeOf) {
    const Image plate = readStill(path);
    requireSize(plate, path, width, height, sizeOf);
    gen::FrameStack stack(1, 3, height, width);
    toPlanarRgb(plate, stack, 0);
    return stack;
}

// The plate warped onto every loaded frame along the shape that follows its
// surface (pinnedplate.h).
gen::FrameStack pinnedPlates(const Shot& shot, const RegenRequest& request, FrameRange loaded,
                             int width, int height) {
    if (request.referencePath.isEmpty())
        throw Error(ErrorKind::Usage, tr("Pinning a plate to a shape needs the plate: give "
                                         "--reference."));
    const MaskShape* shape = nullptr;
    for (const MaskRef& m : shot.masks)
        if (const MaskShape* s = m.painted.findShape(request.referenceFollows))
            shape = s;
    if (!shape || !shape->hasGeometry() || shape->keys.isEmpty())
        throw Error(ErrorKind::Usage, tr("Shot \"%1\" has no painted shape %2 to pin the plate to.")
                                          .arg(shot.name, idToString(request.referenceFollows)));
    if (shape->geometryAt(shape->keys.firstKey()).size() < 4)
        throw Error(ErrorKind::Usage,
                    tr("The plate follows a shape's corners: shape %1 needs 4 or more (track "
                       "a rectangle or polygon with the planar model).")
                        .arg(idToString(request.referenceFollows)));
    const FrameNumber plateFrame =
        request.referenceFrame >= 0 ? request.referenceFrame : request.range.start;
    // A plate per loaded frame is held for the whole run (the engines take
    // the reference whole): bounded, with the way out said.
    const double gib = double(loaded.length()) * 3 * width * height * sizeof(float) / (1 << 30);
    if (gib > 2.0)
        throw Error(ErrorKind::Usage,
                    tr("A plate pinned over %1 frames at %2x%3 needs %4 GiB; regenerate the "
                       "range in parts of at most %5 frames.")
                        .arg(loaded.length())
                        .arg(width)
                        .arg(height)
                        .arg(gib, 0, 'f', 1)
                        .arg(qint64(2.0 * (1 << 30) / (3.0 * width * height * sizeof(float)))));
    const Image plate = readStill(request.referencePath);
    requireSize(plate, request.referencePath, width, height, tr("the shot is"));
    const MaskGeometry onPlate = shape->geometryAt(plateFrame);
    gen::FrameStack plates(int(loaded.length()), 3, height, width);
    for (FrameNumber f = loaded.start; f < loaded.end; ++f) {
        const std::optional<PlaneHomography> h = fitHomography(onPlate, shape->geometryAt(f));
        if (!h)
            throw Error(ErrorKind::Usage,
                        tr("Shape %1's corners on frame %2 do not span a plane (three on a "
                           "line?): the plate cannot follow it there.")
                            .arg(idToString(request.referenceFollows))
                            .arg(f - shot.source.start));
        warpPlate(plate, *h, plates, int(f - loaded.start));
    }
    return plates;
}

// A shot's frames (plus context frames on either side) handed to the engine
// one at a time; the frames of the requested range are written into the take
// folder as they come back, so memory holds one chunk whatever the length.
class ShotFrameStream : public gen::FrameStream {
public:
    ShotFrameStream(const Project& project, const Shot& shot, const RegenRequest& request,
                    FrameRange loaded, const MaskRef* mask, StagingFolder& staging)
        : shot_(shot)
        , request_(request)
        , loaded_(loaded)
        , mask_(mask)
        , staging_(staging)
        , source_(project)
        , wholeFrames_(request.engine == QLatin1String("interpolate")) {
        if (mask_ && !mask_->isPainted())
            maskReader_ = openMedia(mask_->path);
        first_ = source_.readShotFrame(shot_, loaded_.start);
        for (FrameNumber f = loaded_.start; f < loaded_.end; ++f)
            locked_.push_back(!request_.range.contains(f) || shot_.locks.contains(f));
        if (request_.transform) {
            transformedFrame_ = gen::FrameStack(1, 3, first_.height, first_.width);
            transformedMask_ = gen::FrameStack(1, 1, first_.height, first_.width);
        }
    }

    int count() const override { return int(loaded_.length()); }
    int height() const override { return first_.height; }
    int width() const override { return first_.width; }
    const std::vector<bool>& lockedFlags() const { return locked_; }
    QString takeFileExtension() const {
        return first_.type == SampleType::Float32 ? QStringLiteral("exr") : QStringLiteral("png");
    }

    void readMask(int t, float* mask) override {
        const FrameNumber f = loaded_.start + t;
        const std::size_t plane = std::size_t(width()) * height();
        if (request_.transform && !locked_[std::size_t(t)]) {
            // The new framing decides the mask: the frame is transformed
            // here and again when read (masks come first, pictures later).
            transform(f, readPicture(f));
            std::copy(transformedMask_.frame(0), transformedMask_.frame(0) + plane, mask);
        } else if (wholeFrames_ && request_.range.contains(f)) {
            std::fill(mask, mask + plane, 1.0f);
        } else if (mask_ && mask_->isPainted() && mask_->range.contains(f)) {
            const QImage painted = rasteriseMask(mask_->painted, f, QSize(width(), height()));
            for (int y = 0; y < painted.height(); ++y) {
                const uchar* row = painted.constScanLine(y);
                for (int x = 0; x < painted.width(); ++x)
                    mask[std::size_t(y) * width() + x] = row[x] > 0 ? 1.0f : 0.0f;
            }
        } else if (mask_ && mask_->range.contains(f)) {
            const Image m = maskReader_->readFrame(mask_->stationary ? 0 : f - mask_->range.start);
            requireSize(m, mask_->path, width(), height(), tr("the shot is"));
            toPlanarMask(m, mask);
        } else {
            std::fill(mask, mask + plane, 0.0f);
        }
    }

    void readFrame(int t, float* rgb, float* mask) override {
        const FrameNumber f = loaded_.start + t;
        const std::size_t plane = std::size_t(width()) * height();
        const Image picture = readPicture(f);
        if (request_.transform && !locked_[std::size_t(t)]) {
            transform(f, picture);
            std::copy(transformedFrame_.frame(0), transformedFrame_.frame(0) + plane * 3, rgb);
            std::copy(transformedMask_.frame(0), transformedMask_.frame(0) + plane, mask);
        } else {
            toPlanarRgb(picture, rgb);
            readMask(t, mask);
        }
    }

    void writeFrame(int t, const float* rgb) override {
        const FrameNumber f = loaded_.start + t;
        if (!request_.range.contains(f))
            return; // context frame: read, never part of the take
        const FrameNumber i = f - request_.range.start;
        ImageWriteOptions options;
        options.exrPixelType = ExrPixelType::Float; // a take must not lose precision
        writeImageFile(staging_.filePath(QStringLiteral("frame_%1.%2")
                                             .arg(i, 5, 10, QLatin1Char('0'))
                                             .arg(takeFileExtension())),
                       fromPlanarRgb(rgb, width(), height(), first_.type, first_.colour), options);
        if (mask_ && mask_->isPainted() && mask_->range.contains(f)) {
            const QString maskFile = staging_.filePath(paintedMaskFileName(i));
            if (!maskedPixels(rasteriseMask(mask_->painted, f, QSize(width(), height())))
                     .save(maskFile, "PNG"))
                throwOutputError(maskFile, tr("cannot write the take's mask"));
        }
    }

private:
    Image readPicture(FrameNumber f) {
        Image picture = f == loaded_.start ? first_ : source_.readShotFrame(shot_, f);
        if (picture.width != first_.width || picture.height != first_.height)
            throwBadInput(QString(), tr("frame %1 changes size").arg(f));
        return picture;
    }
    void transform(FrameNumber f, const Image& picture) {
        std::fill(transformedMask_.data.begin(), transformedMask_.data.end(), 0.0f);
        toPlanarRgb(picture, transformedFrame_.frame(0));
        request_.transform(f, picture, transformedFrame_, transformedMask_, 0);
    }

    const Shot& shot_;
    const RegenRequest& request_;
    FrameRange loaded_;
    const MaskRef* mask_;
    StagingFolder& staging_;
    TimelineFrameSource source_;
    std::unique_ptr<MediaReader> maskReader_;
    bool wholeFrames_;
    Image first_;
    std::vector<bool> locked_;
    gen::FrameStack transformedFrame_; // [1,3,H,W], the transform's slot 0
    gen::FrameStack transformedMask_;
};

} // namespace

QStringList regenerationEngines() {
    QStringList names;
    for (const auto& name : gen::engineNames())
        names << QString::fromStdString(name);
    return names;
}

QString regenerationEngineNamed(const QString& name) {
    return QString::fromStdString(gen::canonicalEngineName(name.toStdString()));
}

bool engineReadsPrompt(const QString& engine) {
    return gen::engineReadsPrompt(engine.toStdString());
}

QString describeEngineParameters(const QString& engine) {
    QString text;
    for (const auto& p : gen::engineParameters(engine.toStdString())) {
        const QString def = std::holds_alternative<double>(p.defaultValue)
                                ? QString::number(std::get<double>(p.defaultValue))
                                : QString::fromStdString(std::get<std::string>(p.defaultValue));
        text +=
            QStringLiteral("  %1=%2  %3\n")
                .arg(QString::fromStdString(p.name), def, QString::fromStdString(p.description));
    }
    return text;
}

RegenResult regenerate(const Project& project, const QString& cacheDir, const RegenRequest& request,
                       Progress& progress) {
    const Shot* shot = project.findShot(request.shotId);
    if (!shot)
        throw Error(ErrorKind::Usage, tr("No shot with ID %1.").arg(idToString(request.shotId)));
    if (const MediaRef* media = project.findMedia(shot->mediaId); media && media->isGap())
        throw Error(ErrorKind::Usage, tr("\"%1\" is a gap in the edit: there is no picture to "
                                         "regenerate. Put a clip there first.")
                                          .arg(shot->name));
    if (request.range.isEmpty() || !shot->source.contains(request.range))
        throw Error(
            ErrorKind::Usage,
            tr("Frames %1 are outside shot \"%2\".")
                .arg(request.range.shifted(-shot->source.start).toInclusiveString(), shot->name));
    if (!regenerationEngines().contains(request.engine))
        throw Error(ErrorKind::Usage,
                    tr("Unknown engine \"%1\"; engines: %2.")
                        .arg(request.engine, regenerationEngines().join(QStringLiteral(", "))));
    RegenResult result;
    if (shot->locks.containsAll(request.range))
        throw Error(
            ErrorKind::Usage,
            tr("Frames %1 of shot \"%2\" are all locked; unlock the frames to regenerate.")
                .arg(request.range.shifted(-shot->source.start).toInclusiveString(), shot->name));
    for (const auto& locked : shot->locks.ranges())
        if (locked.intersects(request.range))
            result.notes << tr("Frames %1 are locked and stay as they are; only the unlocked "
                               "frames are regenerated.")
                                .arg(locked.intersected(request.range)
                                         .shifted(-shot->source.start)
                                         .toInclusiveString());

    const MaskRef* mask = nullptr;
    for (const auto& m : shot->masks)
        if (!request.transform && (request.maskId.isNull() ? true : m.id == request.maskId))
            mask = &m;
    const bool wholeFrames = request.engine == QLatin1String("interpolate");
    if (!mask && !wholeFrames && !request.transform)
        throw Error(ErrorKind::Usage,
                    tr("Shot \"%1\" has no mask; import one with 'retake-cli mask' or paint one.")
                        .arg(shot->name));

    // The engine also sees unlocked neighbours as context; they are marked
    // locked for the engine so it reads but never changes them.
    const FrameRange loaded{
        std::max(shot->source.start, request.range.start - request.contextFrames),
        std::min(shot->source.end, request.range.end + request.contextFrames)};
    Take take;
    take.id = newId();
    const QDir takes(QDir(cacheDir).filePath(QStringLiteral("takes")));
    if (!QDir().mkpath(takes.absolutePath()))
        throwOutputError(takes.absolutePath(), tr("cannot create the take folder"));
    progress.note(sweepLeftovers(takes.absolutePath()).summary(takes.absolutePath()));
    StagingFolder staging =
        StagingFolder::at(takes.filePath(partialFolderName(idToString(take.id))));
    ShotFrameStream stream(project, *shot, request, loaded, mask, staging);

    gen::StreamedInpaintRequest engineRequest;
    engineRequest.stream = &stream;
    engineRequest.locked = stream.lockedFlags();
    if (!request.referencePath.isEmpty() && request.referenceFollows.isNull())
        engineRequest.reference = referencePlate(request.referencePath, stream.width(),
                                                 stream.height(), tr("the shot is"));
    if (!request.referenceFollows.isNull())
        engineRequest.reference =
            pinnedPlates(*shot, request, loaded, stream.width(), stream.height());
    engineRequest.seed = std::uint64_t(request.seed);
    engineRequest.prompt = request.prompt.toStdString();
    engineRequest.device = request.device.toStdString();
    // A reframe whose new framing needs no filling is a take all the same.
    engineRequest.passThroughWhenNothingToDo = bool(request.transform);
    // Hashed before it runs: the take names the file that made it, even if
    // the file is replaced while the engine works.
    if (request.parameters.contains(QStringLiteral("model")))
        take.modelHash = fileSha256(request.parameters.value(QStringLiteral("model")));
    if (!runEngine(request.engine, request.parameters, engineRequest, progress))
        result.notes << tr("No pixel needed filling: the engine did not run.");
    progress.checkCancelled();

    // The engine's present name, also when asked by a former one.
    const QString engine = regenerationEngineNamed(request.engine);
    take.engine = engine.isEmpty() ? request.engine : engine;
    take.parameters = request.parameters;
    take.seed = request.seed;
    take.prompt = request.prompt;
    take.range = request.range;
    for (FrameNumber f = request.range.start; f < request.range.end; ++f)
        if (!engineRequest.locked[std::size_t(f - loaded.start)])
            take.regenerated.add({f, f + 1});
    take.maskId = mask ? mask->id : Id();
    take.created = QDateTime::currentDateTimeUtc();
    const QString finalDir = takes.filePath(idToString(take.id));
    staging.renameTo(finalDir);
    take.framesPath =
        QDir(finalDir).filePath(QStringLiteral("frame_00000.%1").arg(stream.takeFileExtension()));
    result.take = take;
    return result;
}

} // namespace retake

namespace retake {

namespace {

// `retake-cli inpaint`'s image files handed to the engine one at a time;
// results go into a staging folder under the same names.
class SequenceStream : public gen::FrameStream {
public:
    SequenceStream(const SequenceInpaintRequest& request, StagingFolder& staging)
        : staging_(staging)
        , frameFiles_(imageFilesIn(request.framesDir))
        , maskFolder_(QFileInfo(request.masksPath).isDir()) {
        if (!maskFolder_ && !QFileInfo(request.masksPath).isFile())
            throwBadInput(request.masksPath, tr("no such mask file or folder"));
        maskFiles_ = maskFolder_ ? imageFilesIn(request.masksPath) : QStringList{request.masksPath};
        if (maskFolder_ && maskFiles_.size() != frameFiles_.size())
            throwBadInput(request.masksPath, tr("holds %1 masks for %2 frames in %3")
                                                 .arg(maskFiles_.size())
                                                 .arg(frameFiles_.size())
                                                 .arg(request.framesDir));
        const Image first = readStill(frameFiles_[0]);
        width_ = first.width;
        height_ = first.height;
    }
    int count() const override { return int(frameFiles_.size()); }
    int height() const override { return height_; }
    int width() const override { return width_; }
    const QStringList& frameFiles() const { return frameFiles_; }

    void readMask(int t, float* mask) override {
        const std::size_t plane = std::size_t(width_) * height_;
        if (!maskFolder_ && !stationaryMask_.empty()) {
            std::copy(stationaryMask_.begin(), stationaryMask_.end(), mask);
            return;
        }
        const QString file = maskFiles_[maskFolder_ ? t : 0];
        const Image m = readStill(file);
        requireSize(m, file, width_, height_, tr("the frames are"));
        toPlanarMask(m, mask);
        if (!maskFolder_)
            stationaryMask_.assign(mask, mask + plane);
    }
    void readFrame(int t, float* rgb, float* mask) override {
        const Image frame = readStill(frameFiles_[t]);
        if (frame.width != width_ || frame.height != height_)
            throwBadInput(frameFiles_[t], tr("is %1x%2, the first frame %3x%4")
                                              .arg(frame.width)
                                              .arg(frame.height)
                                              .arg(width_)
                                              .arg(height_));
        toPlanarRgb(frame, rgb);
        readMask(t, mask);
        formats_[t] = {frame.type, frame.colour};
    }
    void writeFrame(int t, const float* rgb) override {
        const auto format = formats_.take(t);
        ImageWriteOptions options;
        options.exrPixelType = ExrPixelType::Float;
        writeImageFile(staging_.filePath(QFileInfo(frameFiles_[t]).fileName()),
                       fromPlanarRgb(rgb, width_, height_, format.first, format.second), options);
    }

private:
    StagingFolder& staging_;
    QStringList frameFiles_;
    QStringList maskFiles_;
    bool maskFolder_;
    int width_ = 0;
    int height_ = 0;
    std::vector<float> stationaryMask_;
    QMap<int, QPair<SampleType, ColourTags>> formats_; // read, not yet written
};

} // namespace

QStringList inpaintSequence(const SequenceInpaintRequest& request, Progress& progress) {
    if (!QDir().mkpath(request.outDir))
        throwOutputError(request.outDir, tr("cannot create the output folder"));
    // Inside the output folder, so the final moves are renames on one disk;
    // the input folder may be the output folder and stays whole until the end.
    progress.note(sweepLeftovers(request.outDir).summary(request.outDir));
    StagingFolder staging = StagingFolder::at(
        QDir(request.outDir).filePath(partialFolderName(QStringLiteral("retake-inpaint"))));
    SequenceStream stream(request, staging);
    gen::StreamedInpaintRequest engineRequest;
    engineRequest.stream = &stream;
    engineRequest.locked.assign(std::size_t(stream.count()), false);
    for (const auto& lock : request.locks) {
        if (lock.start < 0 || lock.end > stream.count())
            throw Error(ErrorKind::Usage, tr("Locked frames %1 are outside the %2 frames.")
                                              .arg(lock.toInclusiveString())
                                              .arg(stream.count()));
        for (FrameNumber f = lock.start; f < lock.end; ++f)
            engineRequest.locked[std::size_t(f)] = true;
    }
    if (!request.referencePath.isEmpty())
        engineRequest.reference = referencePlate(request.referencePath, stream.width(),
                                                 stream.height(), tr("the frames are"));
    engineRequest.seed = std::uint64_t(request.seed);
    engineRequest.device = request.device.toStdString();
    runEngine(request.engine, request.parameters, engineRequest, progress);
    progress.checkCancelled();
    return staging.moveAllInto(request.outDir);
}

} // namespace retake
