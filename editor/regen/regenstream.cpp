#include "regenstream.h"

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

namespace retake::regen {

namespace gen = retake::generation;

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

RegenInputs checkRegenRequest(const Project& project, const RegenRequest& request) {
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
    RegenInputs inputs;
    inputs.shot = shot;
    // A farm's tasks work with the locks of its plan (RegenRequest::engineLocks).
    const FrameRangeSet& locks = request.engineLocks ? *request.engineLocks : shot->locks;
    if (locks.containsAll(request.range))
        throw Error(
            ErrorKind::Usage,
            tr("Frames %1 of shot \"%2\" are all locked; unlock the frames to regenerate.")
                .arg(request.range.shifted(-shot->source.start).toInclusiveString(), shot->name));
    for (const auto& locked : locks.ranges())
        if (locked.intersects(request.range))
            inputs.notes << tr("Frames %1 are locked and stay as they are; only the unlocked "
                               "frames are regenerated.")
                                .arg(locked.intersected(request.range)
                                         .shifted(-shot->source.start)
                                         .toInclusiveString());

    const MaskRef*& mask = inputs.mask;
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
    inputs.loaded =
        FrameRange{std::max(shot->source.start, request.range.start - request.contextFrames),
                   std::min(shot->source.end, request.range.end + request.contextFrames)};
    return inputs;
}

gen::StreamedInpaintRequest engineRequestFor(ShotFrameStream& stream, const Shot& shot,
                                             const RegenRequest& request, FrameRange loaded) {
    gen::StreamedInpaintRequest engineRequest;
    engineRequest.stream = &stream;
    engineRequest.locked = stream.lockedFlags();
    if (!request.referencePath.isEmpty() && request.referenceFollows.isNull())
        engineRequest.reference = referencePlate(request.referencePath, stream.width(),
                                                 stream.height(), tr("the shot is"));
    if (!request.referenceFollows.isNull())
        engineRequest.reference =
            pinnedPlates(shot, request, loaded, stream.width(), stream.height());
    engineRequest.seed = std::uint64_t(request.seed);
    engineRequest.prompt = request.prompt.toStdString();
    engineRequest.device = request.device.toStdString();
    // A reframe whose new framing needs no filling is a take all the same.
    engineRequest.passThroughWhenNothingToDo = bool(request.transform);
    return engineRequest;
}

void describeTake(Take& take, const RegenRequest& request, const RegenInputs& inputs,
                  const std::vector<bool>& engineLocked, const FrameRangeSet& lockedSince) {
    // The engine's present name, also when asked by a former one.
    const QString engine = regenerationEngineNamed(request.engine);
    take.engine = engine.isEmpty() ? request.engine : engine;
    take.parameters = request.parameters;
    take.seed = request.seed;
    take.prompt = request.prompt;
    take.range = request.range;
    for (FrameNumber f = request.range.start; f < request.range.end; ++f)
        if (!engineLocked[std::size_t(f - inputs.loaded.start)] && !lockedSince.contains(f))
            take.regenerated.add({f, f + 1});
    take.maskId = inputs.mask ? inputs.mask->id : Id();
    take.created = QDateTime::currentDateTimeUtc();
}

} // namespace retake::regen
