#pragma once

// The parts of a regeneration that a single run (regenerate.h) and a run
// split across machines (splitregen.h) share: checking the request, the
// shot's frames as the engine's stream, and the engine's request. Private
// to regen/.

#include "core/error.h"
#include "core/stagingfolder.h"
#include "core/translate.h"
#include "engines/frameconversion.h"
#include "mask/maskraster.h"
#include "media/encode.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "regen/regenerate.h"
#include "retake/generation/inpaint.h"
#include "timeline/framesource.h"

#include <QCoreApplication>
#include <QImage>

namespace retake::regen {

namespace gen = retake::generation;

QImage maskedPixels(QImage painted);
gen::EngineParams toEngineParams(const QMap<QString, QString>& parameters);
// Runs an engine on a stream with Retake's progress and cancellation; engine
// errors become retake::Error with the matching kind. Returns whether the
// engine ran (see StreamedInpaintRequest::passThroughWhenNothingToDo).
bool runEngine(const QString& engine, const QMap<QString, QString>& parameters,
               gen::StreamedInpaintRequest& engineRequest, Progress& progress);
QStringList imageFilesIn(const QString& dir);
// The named file only: frames are listed one by one, and openMedia would read
// any numbered name as its whole sequence and answer with the first frame.
Image readStill(const QString& file);
// Refuses a picture (of file `path`) that is not width x height, the size
// `sizeOf` says ("the shot is", "the frames are").
void requireSize(const Image& image, const QString& path, int width, int height,
                 const QString& sizeOf);
// The clean plate an engine may copy from: exactly the image file named.
gen::FrameStack referencePlate(const QString& path, int width, int height, const QString& sizeOf);
// The plate warped onto every loaded frame along the shape that follows its
// surface (pinnedplate.h).
gen::FrameStack pinnedPlates(const Shot& shot, const RegenRequest& request, FrameRange loaded,
                             int width, int height);

// What a request regenerates, checked: throws Error for anything a run
// would refuse, before any file exists.
struct RegenInputs {
    const Shot* shot = nullptr;
    const MaskRef* mask = nullptr; // null for interpolate and transforms
    FrameRange loaded;             // the range and its context frames
    QStringList notes;             // locked frames skipped, ...
};
RegenInputs checkRegenRequest(const Project& project, const RegenRequest& request);

// A shot's frames (plus context frames on either side) handed to the engine
// one at a time; the frames of the requested range are written into the take
// folder as they come back, so memory holds one chunk whatever the length.
// `staging` may be null for a run that writes no frame (a farm's plan or
// compute stage).
class ShotFrameStream : public gen::FrameStream {
public:
    ShotFrameStream(const Project& project, const Shot& shot, const RegenRequest& request,
                    FrameRange loaded, const MaskRef* mask, StagingFolder* staging)
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
        const FrameRangeSet& engineLocks =
            request_.engineLocks ? *request_.engineLocks : shot_.locks;
        for (FrameNumber f = loaded_.start; f < loaded_.end; ++f) {
            locked_.push_back(!request_.range.contains(f) || engineLocks.contains(f));
            // Locked since the engine's locks were fixed (a farm plan):
            // the take keeps the source there.
            if (request_.range.contains(f) && !engineLocks.contains(f) && shot_.locks.contains(f))
                lockedSince_.add({f, f + 1});
        }
        if (request_.transform) {
            transformedFrame_ = gen::FrameStack(1, 3, first_.height, first_.width);
            transformedMask_ = gen::FrameStack(1, 1, first_.height, first_.width);
        }
    }

    int count() const override { return int(loaded_.length()); }
    int height() const override { return first_.height; }
    int width() const override { return first_.width; }
    const std::vector<bool>& lockedFlags() const { return locked_; }
    // Frames of the range the take keeps as they are (locked after the
    // engine's locks were fixed).
    const FrameRangeSet& lockedSince() const { return lockedSince_; }
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
        std::vector<float> source;
        if (lockedSince_.contains(f)) {
            // As a locked frame comes out of a whole run: the source,
            // through the same conversion.
            source.resize(std::size_t(width()) * height() * 3);
            toPlanarRgb(readPicture(f), source.data());
            rgb = source.data();
        }
        writeImageFile(staging_->filePath(QStringLiteral("frame_%1.%2")
                                              .arg(i, 5, 10, QLatin1Char('0'))
                                              .arg(takeFileExtension())),
                       fromPlanarRgb(rgb, width(), height(), first_.type, first_.colour), options);
        if (mask_ && mask_->isPainted() && mask_->range.contains(f) && !lockedSince_.contains(f)) {
            const QString maskFile = staging_->filePath(paintedMaskFileName(i));
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
    StagingFolder* staging_;
    TimelineFrameSource source_;
    std::unique_ptr<MediaReader> maskReader_;
    bool wholeFrames_;
    Image first_;
    std::vector<bool> locked_;
    FrameRangeSet lockedSince_;
    gen::FrameStack transformedFrame_; // [1,3,H,W], the transform's slot 0
    gen::FrameStack transformedMask_;
};

// The engine's request for `stream`: locked flags, plates, seed, prompt,
// device (not yet the parameters: runEngine sets those).
gen::StreamedInpaintRequest engineRequestFor(ShotFrameStream& stream, const Shot& shot,
                                             const RegenRequest& request, FrameRange loaded);

// The take's record of a finished run: engine, parameters, range, the
// frames regenerated (not locked for the engine, nor locked since).
void describeTake(Take& take, const RegenRequest& request, const RegenInputs& inputs,
                  const std::vector<bool>& engineLocked, const FrameRangeSet& lockedSince);

} // namespace retake::regen
