#include "regenerate.h"

#include "core/error.h"
#include "export/framesource.h"
#include "mask/maskraster.h"
#include "media/encode.h"
#include "media/fileutil.h"
#include "retake/generation/inpaint.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace retake {

namespace gen = retake::generation;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Regenerate", text);
}

// Interleaved Image -> planar float RGB in [0,1] (alpha dropped).
void putFrame(const Image& image, gen::FrameStack& stack, int t) {
    const std::size_t plane = stack.planeSize();
    float* out = stack.frame(t);
    const std::size_t pixels = std::size_t(image.width) * image.height;
    for (std::size_t i = 0; i < pixels; ++i)
        for (int c = 0; c < 3; ++c) {
            const std::size_t s = i * image.channels + std::min(c, image.channels - 1);
            float v = 0.0f;
            switch (image.type) {
            case SampleType::UInt8:
                v = image.pixels[s] / 255.0f;
                break;
            case SampleType::UInt16:
                v = image.samples<std::uint16_t>()[s] / 65535.0f;
                break;
            case SampleType::Float32:
                v = image.samples<float>()[s];
                break;
            }
            out[plane * c + i] = v;
        }
}

// Planar float -> an Image of the source's sample type. Rounding k/255 back
// gives k exactly, so untouched pixels come back bit-identical.
Image takeFrame(const gen::FrameStack& stack, int t, const Image& like) {
    Image image(stack.width, stack.height, 3, like.type);
    image.color = like.color;
    const std::size_t plane = stack.planeSize();
    const float* in = stack.frame(t);
    for (std::size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c) {
            const float v = in[plane * c + i];
            const std::size_t d = i * 3 + c;
            switch (like.type) {
            case SampleType::UInt8:
                image.pixels[d] = std::uint8_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
                break;
            case SampleType::UInt16:
                image.samples<std::uint16_t>()[d] =
                    std::uint16_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 65535.0f));
                break;
            case SampleType::Float32:
                image.samples<float>()[d] = v;
                break;
            }
        }
    return image;
}

void putMask(const Image& mask, gen::FrameStack& stack, int t) {
    float* out = stack.frame(t);
    const std::size_t pixels = std::size_t(mask.width) * mask.height;
    for (std::size_t i = 0; i < pixels; ++i) {
        bool on = false;
        for (int c = 0; c < mask.channels && !on; ++c)
            on = mask.sampleAsFloat(int(i % mask.width), int(i / mask.width), c) > 0.0f;
        out[i] = on ? 1.0f : 0.0f;
    }
}

// A rasterised painted mask (Grayscale8), the same rule as a mask file.
void putMask(const QImage& mask, gen::FrameStack& stack, int t) {
    float* out = stack.frame(t);
    for (int y = 0; y < mask.height(); ++y) {
        const uchar* row = mask.constScanLine(y);
        for (int x = 0; x < mask.width(); ++x)
            out[std::size_t(y) * mask.width() + x] = row[x] > 0 ? 1.0f : 0.0f;
    }
}

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

ErrorKind errorKindFor(gen::InpaintErrorKind kind) {
    switch (kind) {
    case gen::InpaintErrorKind::Cancelled:
        return ErrorKind::Cancelled;
    case gen::InpaintErrorKind::ModelError:
        return ErrorKind::BadInput;
    case gen::InpaintErrorKind::Internal:
        return ErrorKind::Internal;
    default:
        return ErrorKind::Usage;
    }
}

// Runs an engine with Retake's progress and cancellation; engine errors
// become retake::Error with the matching kind.
gen::FrameStack runEngine(const QString& engine, const QMap<QString, QString>& parameters,
                          gen::InpaintRequest& engineRequest, Progress& progress) {
    engineRequest.params = toEngineParams(parameters);
    std::atomic<bool> cancelFlag{false};
    engineRequest.cancel = &cancelFlag;
    engineRequest.progress = [&](double fraction, const std::string& stage) {
        if (progress.isCancelled())
            cancelFlag.store(true);
        progress.report(0.1 + 0.8 * fraction, QString::fromStdString(stage));
    };
    try {
        return gen::inpaint(engine.toStdString(), engineRequest);
    } catch (const gen::InpaintError& e) {
        QString message = QString::fromUtf8(e.what());
        if (e.kind() == gen::InpaintErrorKind::ModelError &&
            parameters.contains(QStringLiteral("model")))
            message =
                QStringLiteral("%1: %2").arg(parameters.value(QStringLiteral("model")), message);
        throw Error(errorKindFor(e.kind()), message);
    }
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

Image readStill(const QString& file) {
    return openMedia(file)->readFrame(0);
}

} // namespace

QStringList regenerationEngines() {
    QStringList names;
    for (const auto& name : gen::engineNames())
        names << QString::fromStdString(name);
    return names;
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
    TimelineFrameSource source(project);
    std::unique_ptr<MediaReader> maskReader =
        mask && !mask->isPainted() ? openMedia(mask->path) : nullptr;
    Image first = source.readShotFrame(*shot, loaded.start);
    const int count = int(loaded.length());
    gen::InpaintRequest engineRequest;
    engineRequest.frames = gen::FrameStack(count, 3, first.height, first.width);
    engineRequest.masks = gen::FrameStack(count, 1, first.height, first.width);
    engineRequest.locked.resize(std::size_t(count));
    for (int t = 0; t < count; ++t) {
        progress.checkCancelled();
        const FrameNumber f = loaded.start + t;
        const Image frame = t == 0 ? first : source.readShotFrame(*shot, f);
        if (frame.width != first.width || frame.height != first.height)
            throwBadInput(QString(), tr("frame %1 changes size").arg(f));
        putFrame(frame, engineRequest.frames, t);
        engineRequest.locked[std::size_t(t)] =
            !request.range.contains(f) || shot->locks.contains(f);
        if (request.transform && !engineRequest.locked[std::size_t(t)]) {
            request.transform(f, frame, engineRequest.frames, engineRequest.masks, t);
        } else if (wholeFrames && request.range.contains(f)) {
            std::fill(engineRequest.masks.frame(t),
                      engineRequest.masks.frame(t) + engineRequest.masks.planeSize(), 1.0f);
        } else if (mask && mask->isPainted() && mask->range.contains(f)) {
            putMask(rasteriseMask(mask->painted, f, QSize(first.width, first.height)),
                    engineRequest.masks, t);
        } else if (mask && mask->range.contains(f)) {
            const Image m = maskReader->readFrame(mask->stationary ? 0 : f - mask->range.start);
            if (m.width != first.width || m.height != first.height)
                throwBadInput(mask->path, tr("is %1x%2 but the shot is %3x%4")
                                              .arg(m.width)
                                              .arg(m.height)
                                              .arg(first.width)
                                              .arg(first.height));
            putMask(m, engineRequest.masks, t);
        }
        progress.report(0.1 * (t + 1) / count, tr("Reading frames"));
    }
    if (!request.referencePath.isEmpty()) {
        const Image plate = openMedia(request.referencePath)->readFrame(0);
        if (plate.width != first.width || plate.height != first.height)
            throwBadInput(request.referencePath, tr("is %1x%2 but the shot is %3x%4")
                                                     .arg(plate.width)
                                                     .arg(plate.height)
                                                     .arg(first.width)
                                                     .arg(first.height));
        engineRequest.reference = gen::FrameStack(1, 3, plate.height, plate.width);
        putFrame(plate, engineRequest.reference, 0);
    }
    engineRequest.seed = std::uint64_t(request.seed);
    engineRequest.prompt = request.prompt.toStdString();
    engineRequest.device = request.device.toStdString();
    const bool anyMask =
        std::any_of(engineRequest.masks.data.begin(), engineRequest.masks.data.end(),
                    [](float v) { return v > 0.5f; });
    if (request.transform && !anyMask)
        result.notes << tr("No pixel needed filling: the engine did not run.");
    const gen::FrameStack output =
        request.transform && !anyMask
            ? std::move(engineRequest.frames)
            : runEngine(request.engine, request.parameters, engineRequest, progress);

    // Write the take into a staging folder, then rename it into place.
    Take take;
    take.id = newId();
    take.engine = request.engine;
    take.parameters = request.parameters;
    take.seed = request.seed;
    take.prompt = request.prompt;
    take.range = request.range;
    for (FrameNumber f = request.range.start; f < request.range.end; ++f)
        if (!engineRequest.locked[std::size_t(f - loaded.start)])
            take.regenerated.add({f, f + 1});
    take.maskId = mask ? mask->id : Id();
    take.created = QDateTime::currentDateTimeUtc();
    if (request.parameters.contains(QStringLiteral("model")))
        take.modelHash = fileSha256(request.parameters.value(QStringLiteral("model")));
    const QDir takes(QDir(cacheDir).filePath(QStringLiteral("takes")));
    if (!QDir().mkpath(takes.absolutePath()))
        throwOutputError(takes.absolutePath(), tr("cannot create the take folder"));
    const QString finalDir = takes.filePath(idToString(take.id));
    const QString staging =
        takes.filePath(QStringLiteral(".") + idToString(take.id) + QStringLiteral(".partial"));
    QDir().mkpath(staging);
    const QString extension =
        first.type == SampleType::Float32 ? QStringLiteral("exr") : QStringLiteral("png");
    try {
        const FrameNumber firstOut = request.range.start - loaded.start;
        for (FrameNumber i = 0; i < request.range.length(); ++i) {
            progress.checkCancelled();
            const QString name =
                QStringLiteral("frame_%1.%2").arg(i, 5, 10, QLatin1Char('0')).arg(extension);
            ImageWriteOptions options;
            options.exrPixelType = ExrPixelType::Float; // a take must not lose precision
            writeImageFile(QDir(staging).filePath(name),
                           takeFrame(output, int(firstOut + i), first), options);
            const FrameNumber f = request.range.start + i;
            if (mask && mask->isPainted() && mask->range.contains(f)) {
                const QString maskFile = QDir(staging).filePath(paintedMaskFileName(i));
                if (!maskedPixels(rasteriseMask(mask->painted, f, QSize(first.width, first.height)))
                         .save(maskFile, "PNG"))
                    throwOutputError(maskFile, tr("cannot write the take's mask"));
            }
            progress.report(0.9 + 0.1 * double(i + 1) / request.range.length(), tr("Writing take"));
        }
        if (!QDir().rename(staging, finalDir))
            throwOutputError(finalDir, tr("cannot move the finished take into place"));
    } catch (...) {
        QDir(staging).removeRecursively();
        throw;
    }
    take.framesPath = QDir(finalDir).filePath(QStringLiteral("frame_00000.%1").arg(extension));
    result.take = take;
    return result;
}

} // namespace retake

namespace retake {

QStringList inpaintSequence(const SequenceInpaintRequest& request, Progress& progress) {
    const QStringList frameFiles = imageFilesIn(request.framesDir);
    const bool maskFolder = QFileInfo(request.masksPath).isDir();
    const QStringList maskFiles =
        maskFolder ? imageFilesIn(request.masksPath) : QStringList{request.masksPath};
    if (!maskFolder && !QFileInfo(request.masksPath).isFile())
        throwBadInput(request.masksPath, tr("no such mask file or folder"));
    if (maskFolder && maskFiles.size() != frameFiles.size())
        throwBadInput(request.masksPath, tr("holds %1 masks for %2 frames in %3")
                                             .arg(maskFiles.size())
                                             .arg(frameFiles.size())
                                             .arg(request.framesDir));
    const int count = frameFiles.size();
    const Image first = readStill(frameFiles[0]);
    gen::InpaintRequest engineRequest;
    engineRequest.frames = gen::FrameStack(count, 3, first.height, first.width);
    engineRequest.masks = gen::FrameStack(count, 1, first.height, first.width);
    engineRequest.locked.assign(std::size_t(count), false);
    for (const auto& lock : request.locks) {
        if (lock.start < 0 || lock.end > count)
            throw Error(ErrorKind::Usage, tr("Locked frames %1 are outside the %2 frames.")
                                              .arg(lock.toInclusiveString())
                                              .arg(count));
        for (FrameNumber f = lock.start; f < lock.end; ++f)
            engineRequest.locked[std::size_t(f)] = true;
    }
    std::vector<Image> sources;
    sources.reserve(std::size_t(count));
    for (int t = 0; t < count; ++t) {
        progress.checkCancelled();
        Image frame = t == 0 ? first : readStill(frameFiles[t]);
        if (frame.width != first.width || frame.height != first.height)
            throwBadInput(frameFiles[t], tr("is %1x%2, the first frame %3x%4")
                                             .arg(frame.width)
                                             .arg(frame.height)
                                             .arg(first.width)
                                             .arg(first.height));
        putFrame(frame, engineRequest.frames, t);
        const QString maskFile = maskFiles[maskFolder ? t : 0];
        if (maskFolder || t == 0) {
            const Image mask = readStill(maskFile);
            if (mask.width != first.width || mask.height != first.height)
                throwBadInput(maskFile, tr("is %1x%2 but the frames are %3x%4")
                                            .arg(mask.width)
                                            .arg(mask.height)
                                            .arg(first.width)
                                            .arg(first.height));
            putMask(mask, engineRequest.masks, t);
        } else {
            std::copy(engineRequest.masks.frame(0),
                      engineRequest.masks.frame(0) + engineRequest.masks.planeSize(),
                      engineRequest.masks.frame(t));
        }
        sources.push_back(std::move(frame));
        progress.report(0.1 * (t + 1) / count, tr("Reading frames"));
    }
    if (!request.referencePath.isEmpty()) {
        const Image plate = readStill(request.referencePath);
        if (plate.width != first.width || plate.height != first.height)
            throwBadInput(request.referencePath, tr("is %1x%2 but the frames are %3x%4")
                                                     .arg(plate.width)
                                                     .arg(plate.height)
                                                     .arg(first.width)
                                                     .arg(first.height));
        engineRequest.reference = gen::FrameStack(1, 3, plate.height, plate.width);
        putFrame(plate, engineRequest.reference, 0);
    }
    engineRequest.seed = std::uint64_t(request.seed);
    engineRequest.device = request.device.toStdString();
    const gen::FrameStack output =
        runEngine(request.engine, request.parameters, engineRequest, progress);

    QDir().mkpath(request.outDir);
    QStringList written;
    for (int t = 0; t < count; ++t) {
        progress.checkCancelled();
        const QString target = QDir(request.outDir).filePath(QFileInfo(frameFiles[t]).fileName());
        ImageWriteOptions options;
        options.exrPixelType = ExrPixelType::Float;
        writeImageFile(target, takeFrame(output, t, sources[std::size_t(t)]), options);
        written << target;
        progress.report(0.9 + 0.1 * (t + 1) / count, tr("Writing frames"));
    }
    return written;
}

} // namespace retake
