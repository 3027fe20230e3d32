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
#include "regen/regenstream.h"
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
    regen::RegenInputs inputs = regen::checkRegenRequest(project, request);
    Take take;
    take.id = newId();
    const QDir takes(QDir(cacheDir).filePath(QStringLiteral("takes")));
    if (!QDir().mkpath(takes.absolutePath()))
        throwOutputError(takes.absolutePath(), tr("cannot create the take folder"));
    progress.note(sweepLeftovers(takes.absolutePath()).summary(takes.absolutePath()));
    StagingFolder staging =
        StagingFolder::at(takes.filePath(partialFolderName(idToString(take.id))));
    regen::ShotFrameStream stream(project, *inputs.shot, request, inputs.loaded, inputs.mask,
                                  &staging);
    gen::StreamedInpaintRequest engineRequest =
        regen::engineRequestFor(stream, *inputs.shot, request, inputs.loaded);
    // Hashed before it runs: the take names the file that made it, even if
    // the file is replaced while the engine works.
    if (request.parameters.contains(QStringLiteral("model")))
        take.modelHash = fileSha256(request.parameters.value(QStringLiteral("model")));
    RegenResult result;
    result.notes = inputs.notes;
    if (!regen::runEngine(request.engine, request.parameters, engineRequest, progress))
        result.notes << tr("No pixel needed filling: the engine did not run.");
    progress.checkCancelled();
    regen::describeTake(take, request, inputs, engineRequest.locked, stream.lockedSince());
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

using regen::imageFilesIn;
using regen::readStill;
using regen::referencePlate;
using regen::requireSize;
using regen::runEngine;

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
