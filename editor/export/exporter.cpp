#include "exporter.h"

#include "core/atomicfile.h"
#include "core/error.h"
#include "core/leftovers.h"
#include "core/stagingfolder.h"
#include "core/timecode.h"
#include "core/translate.h"
#include "export/credentialsmanifest.h"
#include "export/outputguard.h"
#include "export/provenance.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"
#include "timeline/framesource.h"
#include "timeline/mediacolour.h"
#include "timeline/prefetch.h"
#include "timeline/timelineaudio.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace retake {

namespace {

// "shot_####.exr" -> "shot_%04d.exr"; printf patterns pass through.
QString printfPattern(const QString& output) {
    static const QRegularExpression hashes(QStringLiteral("#+"));
    const auto match = hashes.match(output);
    if (match.hasMatch())
        return QString(output).replace(
            match.capturedStart(), match.capturedLength(),
            QStringLiteral("%0") + QString::number(match.capturedLength()) + QLatin1Char('d'));
    return output;
}

QString fileNameFor(const QString& pattern, qint64 number) {
    static const QRegularExpression spec(QStringLiteral("%0?(\\d*)d"));
    const auto match = spec.match(pattern);
    const int width = match.captured(1).toInt();
    return QString(pattern).replace(match.capturedStart(), match.capturedLength(),
                                    QStringLiteral("%1").arg(number, width, 10, QLatin1Char('0')));
}

QVector<ExportFrame> framesToExport(const Project& project, const ExportRequest& request) {
    QVector<ExportFrame> frames;
    if (!request.shotId.isNull()) {
        const Shot* shot = project.findShot(request.shotId);
        if (!shot)
            throw Error(ErrorKind::Usage,
                        tr("No shot with ID %1.").arg(idToString(request.shotId)));
        FrameRange range = shot->source;
        if (request.timelineRange) // shot-relative frames
            range = request.timelineRange->shifted(shot->source.start).intersected(shot->source);
        for (FrameNumber f = range.start; f < range.end; ++f)
            frames.push_back({shot, f});
        return frames;
    }
    const Track* video = project.firstTrack(TrackKind::Video);
    if (!video)
        return frames;
    const FrameRange whole{0, project.duration()};
    const FrameRange range =
        request.timelineRange ? request.timelineRange->intersected(whole) : whole;
    for (const auto& placed : project.placements(video->id)) {
        const FrameRange part = placed.timeline.intersected(range);
        const Shot* shot = project.findShot(placed.shotId);
        for (FrameNumber f = part.start; f < part.end; ++f)
            frames.push_back({shot, shot->source.start + (f - placed.timeline.start), f});
    }
    return frames;
}

void checkOnline(const Project& project, const QVector<ExportFrame>& frames) {
    for (const auto& f : frames) {
        const MediaRef* media = project.findMedia(f.shot->mediaId);
        if (!media->online && !f.shot->activeTakeAt(f.mediaFrame))
            throwBadInput(media->path,
                          tr("is offline (missing); relink it before exporting shot \"%1\"")
                              .arg(f.shot->name));
    }
}

// The export's colour pipeline, one processor per media compiled up front so
// an unknown colour space or a broken LUT stops the export before any output
// exists.
class FrameGrader {
public:
    FrameGrader(const Project& project, const std::optional<ExportColour>& colour,
                const QVector<ExportFrame>& frames)
        : colour_(colour) {
        if (!colour_)
            return;
        pipeline_ = ColourPipeline::load(colour_->configPath);
        for (const auto& f : frames)
            processorFor(*project.findMedia(f.shot->mediaId));
    }

    bool active() const { return colour_.has_value(); }
    const ColourPipeline& pipeline() const { return *pipeline_; }

    ColourGrade gradeFor(const MediaRef& media) const {
        ColourGrade grade = colour_->grade;
        grade.inputSpace = colour_->inputSpace.isEmpty() ? mediaInputSpace(*pipeline_, media)
                                                         : colour_->inputSpace;
        return grade;
    }

    const ColourProcessor& processorFor(const MediaRef& media) {
        auto it = processors_.find(media.id);
        if (it == processors_.end())
            it = processors_.insert(media.id, pipeline_->processor(gradeFor(media)));
        return *it;
    }

    Image grade(Image image, const MediaRef& media, SampleType outType) {
        if (!active())
            return image;
        return processorFor(media).apply(std::move(image), outType);
    }

    // The standard tags of the output space (empty fields where it has
    // none); deliverycolour.h decides the rest.
    ColourTags outputTags(const MediaRef& media) const {
        return pipeline_->tagsFor(gradeFor(media));
    }

    // The colour space name the written pixels are in, for file metadata.
    QString outputSpaceName(const MediaRef& media) const {
        if (!active())
            return {};
        const ColourGrade g = gradeFor(media);
        if (!g.display.isEmpty())
            return QStringLiteral("%1 / %2").arg(
                g.display, g.view.isEmpty() ? pipeline_->defaultView(g.display) : g.view);
        return pipeline_->colourSpaceName(g.outputSpace.isEmpty() ? g.inputSpace : g.outputSpace);
    }

    QString description(const MediaRef& media) {
        return active() ? processorFor(media).description() : QString();
    }

private:
    const std::optional<ExportColour>& colour_;
    std::optional<ColourPipeline> pipeline_;
    QHash<Id, ColourProcessor> processors_;
};

// Sample type graded frames are handed over in: float for EXR (scene-linear
// values above 1 survive), 16-bit for 10-bit codecs, else the source's own.
bool isExrOutput(const QString& output) {
    return QFileInfo(output).suffix().compare(QLatin1String("exr"), Qt::CaseInsensitive) == 0;
}

// The scene-linear space an EXR holds by default: ACEScg under an ACES
// working space or for wide-gamut (camera) inputs, else the linear space of
// Rec.709/sRGB primaries. Empty when the config has neither.
QString sceneLinearSpace(const ColourPipeline& pipeline, const QStringList& inputSpaces,
                         const QString& workingSpace) {
    const QString aces = QStringLiteral("ACEScg");
    const QString rec709 = QStringLiteral("Linear Rec.709 (sRGB)");
    bool allRec709 = true;
    for (const QString& space : inputSpaces) {
        ColourGrade asIs;
        asIs.inputSpace = space;
        allRec709 = allRec709 && pipeline.tagsFor(asIs).primaries == QLatin1String("bt709");
    }
    const bool acesWorking =
        !workingSpace.isEmpty() &&
        pipeline.colourSpaceName(workingSpace).startsWith(QLatin1String("ACES"));
    if ((acesWorking || !allRec709) && pipeline.hasColourSpace(aces))
        return aces;
    return pipeline.hasColourSpace(rec709) ? rec709 : QString();
}

// What the export does to colour: the request's pipeline, and for EXR
// without an output space, a conversion to scene-linear light (Blender, Nuke
// and Unreal read EXR as linear; display-encoded values show twice encoded).
std::optional<ExportColour> exportColour(const Project& project, const ExportRequest& request,
                                         const QVector<ExportFrame>& frames) {
    if (!isSequenceOutput(request.output) || !isExrOutput(request.output))
        return request.colour;
    ExportColour colour = request.colour.value_or(ExportColour{});
    if (!colour.grade.outputSpace.isEmpty() || !colour.grade.display.isEmpty())
        return colour;
    const ColourPipeline pipeline = ColourPipeline::load(colour.configPath);
    QStringList inputs;
    for (const ExportFrame& f : frames) {
        const MediaRef& media = *project.findMedia(f.shot->mediaId);
        const QString input =
            colour.inputSpace.isEmpty() ? mediaInputSpace(pipeline, media) : colour.inputSpace;
        if (!inputs.contains(input))
            inputs << input;
    }
    colour.grade.outputSpace = sceneLinearSpace(pipeline, inputs, colour.grade.workingSpace);
    if (colour.grade.outputSpace.isEmpty())
        return request.colour; // a config without a linear space: as the input
    return colour;
}

SampleType gradedTypeForSequence(const QString& pattern, SampleType source) {
    if (pattern.endsWith(QLatin1String(".exr"), Qt::CaseInsensitive))
        return SampleType::Float32;
    return source == SampleType::Float32 ? SampleType::UInt16 : source;
}

SampleType gradedTypeForMovie(VideoCodec codec, SampleType source) {
    if (codec == VideoCodec::ProRes422HQ || codec == VideoCodec::ProRes4444 ||
        source != SampleType::UInt8)
        return SampleType::UInt16;
    return SampleType::UInt8;
}

void checkSize(const Image& image, const Project& project, const Shot& shot) {
    if (image.width != project.width || image.height != project.height)
        throw Error(ErrorKind::Usage,
                    tr("Shot \"%1\" is %2x%3 but the project is %4x%5; conform the shot "
                       "or export it alone with --shot.")
                        .arg(shot.name)
                        .arg(image.width)
                        .arg(image.height)
                        .arg(project.width)
                        .arg(project.height));
}

// Written after the frames are in place, so a manifest never describes an
// export that did not complete.
// The grade each media went through, for the sidecar and the credentials.
void describeColour(FrameGrader& grader, const Project& project, const QVector<ExportFrame>& frames,
                    ProvenanceManifest& manifest) {
    if (!grader.active())
        return;
    QMap<QString, QString> colour;
    for (const auto& f : frames) {
        const MediaRef& media = *project.findMedia(f.shot->mediaId);
        colour.insert(media.path, grader.description(media));
    }
    manifest.setColour(colour);
}

void finishManifest(const ExportRequest& request, FrameGrader& grader, const Project& project,
                    const QVector<ExportFrame>& frames, ProvenanceManifest& manifest,
                    const QString& path, ExportResult& result) {
    if (!request.writeManifest)
        return;
    describeColour(grader, project, frames, manifest);
    manifest.write(path);
    result.manifest = path;
}

// The EXR header of one exported frame: rate, timecode, the shot's camera,
// the colour space of the pixels and where the frame came from.
std::map<std::string, std::string> exrMetadataFor(const Project& project, const ExportFrame& frame,
                                                  const QString& colourSpace,
                                                  const QString& provenance,
                                                  const QString& manifestName) {
    const Camera& camera = frame.shot->camera;
    // A shot export is timed from the shot's first frame.
    const FrameNumber position = frame.timelineFrame >= 0
                                     ? frame.timelineFrame
                                     : frame.mediaFrame - frame.shot->source.start;
    std::map<std::string, std::string> m{
        {"framesPerSecond", project.frameRate.toString().toStdString()},
        {"timeCode", frameToTimecode(position, project.frameRate).toStdString()},
        {"focus", QString::number(camera.focusDistanceM, 'g', 9).toStdString()},
        {"aperture", QString::number(camera.fStop, 'g', 9).toStdString()},
        {"focalLengthMm", QString::number(camera.focalLengthMm, 'g', 9).toStdString()},
        {"filmbackWidthMm", QString::number(camera.filmbackWidthMm, 'g', 9).toStdString()},
        {"filmbackHeightMm", QString::number(camera.filmbackHeightMm, 'g', 9).toStdString()},
        {"retake/shot", frame.shot->name.toStdString()},
        {"retake/mediaFrame", std::to_string(frame.mediaFrame)},
        {"retake/provenance", provenance.toStdString()},
        {"software",
         QStringLiteral("Retake %1").arg(QStringLiteral(RETAKE_VERSION)).toStdString()}};
    if (!colourSpace.isEmpty()) {
        // "colorSpace" for people, "oiio:ColorSpace" for OpenImageIO-based tools.
        m["colorSpace"] = colourSpace.toStdString();
        m["oiio:ColorSpace"] = colourSpace.toStdString();
    }
    if (!manifestName.isEmpty())
        m["retake/manifest"] = manifestName.toStdString();
    return m;
}

// A movie's tags and YUV depth (export/deliverycolour.h) for `media`, the
// first frame's: the output space's tags when graded. `deepSource` and the
// size come from the first decoded frame, or the probe before decoding.
DeliveryColour deliveryFor(const FrameGrader& grader, const ExportRequest& request,
                           const MediaRef& media, bool deepSource, int width, int height) {
    return deliveryColourFor(
        request.codec, grader.active() ? grader.pipeline() : ColourPipeline::bundled(), media,
        grader.active() ? std::optional<ColourTags>(grader.outputTags(media)) : std::nullopt,
        request.fullRange, deepSource, width, height);
}

void checkSequenceName(const QString& output, const QString& printfFileName) {
    if (!printfFileName.contains(QRegularExpression(QStringLiteral("%0?\\d*d"))))
        throw Error(
            ErrorKind::Usage,
            tr("%1: a sequence needs a frame number in its name, like shot_####.exr").arg(output));
}

// Frames [first, end) of the export (all of them for a whole one); the
// manifest only when the export is whole.
ExportResult exportSequence(const Project& project, const ExportRequest& request,
                            const QVector<ExportFrame>& frames, int first, int end,
                            Progress& progress) {
    const QString pattern = printfPattern(QFileInfo(request.output).absoluteFilePath());
    const QFileInfo patternInfo(pattern); // its name was checked by exportProject
    // Before anything is created: a bad colour request leaves no trace.
    const std::optional<ExportColour> colour = exportColour(project, request, frames);
    FrameGrader grader(project, colour, frames);
    QDir dir = patternInfo.absoluteDir();
    OutputFolder folder(dir.absolutePath());
    // Written beside the final files so the moves at the end are renames on
    // one file system; removed with everything in it if anything fails.
    progress.note(sweepLeftovers(dir.absolutePath()).summary(dir.absolutePath()));
    StagingFolder staging = StagingFolder::beside(dir.absolutePath(), QStringLiteral("export"));

    TimelineFrameSource source(project);
    ExportResult result;
    QStringList staged;
    const bool exr = pattern.endsWith(QLatin1String(".exr"), Qt::CaseInsensitive);
    const QString manifestPath = ProvenanceManifest::sidecarPathFor(pattern, true);
    ProvenanceManifest manifest(project, pattern);
    // The next frames are read and graded on a worker while this thread
    // writes: decoding, grading and compressing overlap.
    auto readGraded = [&](int i) {
        Image image = source.readShotFrame(*frames[i].shot, frames[i].mediaFrame);
        const SampleType type = gradedTypeForSequence(pattern, image.type);
        return grader.grade(std::move(image), *project.findMedia(frames[i].shot->mediaId), type);
    };
    QHash<Id, QString> ungradedSpaces; // colour space names for metadata, per media
    if (!grader.active())
        for (const auto& f : frames)
            if (!ungradedSpaces.contains(f.shot->mediaId)) {
                // Ungraded pixels are in the input space: the user's choice
                // when it names a space (any config), else the automatic one.
                const MediaRef& m = *project.findMedia(f.shot->mediaId);
                ungradedSpaces.insert(m.id, m.inputSpace.isEmpty()
                                                ? automaticInputSpace(ColourPipeline::bundled(), m)
                                                : m.inputSpace);
            }
    QHash<Id, QString> gradedSpaces;
    if (grader.active())
        for (const auto& f : frames)
            if (!gradedSpaces.contains(f.shot->mediaId))
                gradedSpaces.insert(f.shot->mediaId,
                                    grader.outputSpaceName(*project.findMedia(f.shot->mediaId)));
    // Every frame's entry, so that a part's EXR headers name the same
    // manifest lines as a whole export's.
    for (int i = 0; i < frames.size(); ++i)
        manifest.addFrame(i, fileNameFor(patternInfo.fileName(), request.firstFileNumber + i),
                          *frames[i].shot, frames[i].mediaFrame, frames[i].timelineFrame);
    std::optional<QJsonObject> credentials; // made once, for the first frame
    QVector<CredentialIngredient> ingredients;
    Prefetcher<Image> ahead(first, end - first, 2, readGraded);
    for (int i = first; i < end; ++i) {
        progress.checkCancelled();
        const MediaRef& media = *project.findMedia(frames[i].shot->mediaId);
        const Image image = ahead.next();
        const QString name = fileNameFor(patternInfo.fileName(), request.firstFileNumber + i);
        const QString stagedPath = staging.filePath(name);
        ImageWriteOptions options = request.imageOptions;
        if (exr)
            options.exrMetadata = exrMetadataFor(
                project, frames[i],
                grader.active() ? gradedSpaces.value(media.id) : ungradedSpaces.value(media.id),
                manifest.frameSummary(i),
                request.writeManifest ? QFileInfo(manifestPath).fileName() : QString());
        writeImageFile(stagedPath, image, options);
        if (request.credentials) {
            if (!credentials) {
                describeColour(grader, project, frames, manifest);
                ingredients = credentialsIngredients(project, manifest.toJson());
                credentials = credentialsManifest(manifest.toJson(), request.output, ingredients);
            }
            // Each file carries the export's manifest, titled with its own name.
            QJsonObject own = *credentials;
            own.insert("title", name);
            own.insert("format", credentialsMimeType(name));
            signWithCredentials(stagedPath, stagedPath, own,
                                credentialsWithOwnManifests(ingredients), *request.credentials);
        }
        staged << name;
        progress.report(double(i + 1 - first) / (end - first) * 0.98, tr("Writing frames"));
    }
    result.files << staging.moveInto(dir.absolutePath(), staged);
    if (first == 0 && end == frames.size())
        finishManifest(request, grader, project, frames, manifest, manifestPath, result);
    folder.keep();
    result.frames = end - first;
    progress.report(1.0, tr("Done"));
    return result;
}

// What part of a movie export one call writes: the whole movie; or, for a
// farm, the video of frames [first, end) alone into `segment`; or the movie
// from such segments, its audio mixed and encoded once (`segments`).
struct MoviePart {
    int first = 0;
    int end = -1; // -1: every frame
    QString segment;
    QStringList segments;
};

ExportResult exportMovie(const Project& project, const ExportRequest& request,
                         const QVector<ExportFrame>& frames, const MoviePart& part,
                         Progress& progress) {
    const bool writingSegment = !part.segment.isEmpty();
    const bool joining = !part.segments.isEmpty();
    const int first = part.first;
    const int end = part.end < 0 ? int(frames.size()) : part.end;
    const QString output =
        QFileInfo(writingSegment ? part.segment : request.output).absoluteFilePath();
    const QString folder = QFileInfo(output).absolutePath();
    progress.note(sweepLeftovers(folder).summary(folder));
    TimelineFrameSource source(project);
    const bool timelineExport = request.shotId.isNull();
    // The same mix as playback: a timeline export's frame i is its timeline
    // frame, a shot export's its frame in the shot.
    TimelineAudio audio =
        timelineExport ? TimelineAudio(project) : TimelineAudio::forShot(project, request.shotId);
    const auto audioFrameOf = [&](const ExportFrame& f) {
        return timelineExport ? f.timelineFrame : f.mediaFrame - f.shot->source.start;
    };
    FrameGrader grader(project, request.colour, frames);
    auto readGraded = [&](int i) {
        Image image = source.readShotFrame(*frames[i].shot, frames[i].mediaFrame);
        const SampleType type = gradedTypeForMovie(request.codec, image.type);
        return grader.grade(std::move(image), *project.findMedia(frames[i].shot->mediaId), type);
    };

    // Every part reads the export's first frame: the movie's size and
    // colour come from it, so every segment is encoded alike.
    Image firstImage = readGraded(0);
    EncodeSettings settings;
    settings.codec = request.codec;
    settings.width = firstImage.width;
    settings.height = firstImage.height;
    settings.frameRate = project.frameRate;
    const MediaRef& firstMedia = *project.findMedia(frames[0].shot->mediaId);
    const DeliveryColour delivery =
        deliveryFor(grader, request, firstMedia, firstImage.type != SampleType::UInt8,
                    firstImage.width, firstImage.height);
    for (const QString& note : delivery.notes)
        progress.note(note);
    settings.colour = delivery.tags;
    settings.bitDepth = delivery.bitDepth;
    if (request.withAudio && audio.hasAudio() && !writingSegment) {
        settings.audioSampleRate = audio.sampleRate();
        settings.audioChannels = audio.channels();
    }
    if (timelineExport)
        checkSize(firstImage, project, *frames[0].shot);
    if (joining)
        settings.videoFromSegment = part.segments.first();
    // A signed movie is encoded into a staging folder first and reaches its
    // name only signed (a refused signature leaves nothing there).
    const bool signing = request.credentials.has_value() && !writingSegment;
    std::optional<StagingFolder> unsignedMovie;
    if (signing)
        unsignedMovie.emplace(StagingFolder::beside(folder, QStringLiteral("sign")));
    const QString encodedPath =
        signing ? unsignedMovie->filePath(QFileInfo(output).fileName()) : output;
    auto encoder = createVideoEncoder(encodedPath, settings);
    ExportResult result;
    ProvenanceManifest manifest(project, output);
    if (joining) {
        int done = 0;
        for (const QString& segment : part.segments) {
            progress.checkCancelled();
            const int n = int(encoder->appendVideoSegment(segment));
            if (done + n > frames.size())
                throwBadInput(segment,
                              tr("holds more frames than the export (%1)").arg(frames.size()));
            for (int i = done; i < done + n; ++i) {
                manifest.addFrame(i, QString(), *frames[i].shot, frames[i].mediaFrame,
                                  frames[i].timelineFrame);
                if (settings.audioSampleRate > 0) {
                    const std::vector<float> samples = audio.readFrame(audioFrameOf(frames[i]));
                    encoder->writeAudio(samples.data(),
                                        std::int64_t(samples.size()) / settings.audioChannels);
                }
            }
            done += n;
            progress.report(double(done) / frames.size() * 0.99, tr("Joining segments"));
        }
        if (done != frames.size())
            throwBadInput(
                part.segments.last(),
                tr("the segments hold %1 frames, the export %2").arg(done).arg(frames.size()));
    } else {
        // The next frames are decoded and graded on a worker while this thread
        // encodes: the two overlap instead of taking turns on the cores.
        // Frame 0 is read already; a segment further on reads its own.
        const int readFrom = first == 0 ? 1 : first;
        std::optional<Prefetcher<Image>> ahead;
        if (end > readFrom)
            ahead.emplace(readFrom, end - readFrom, 2, readGraded);
        for (int i = first; i < end; ++i) {
            progress.checkCancelled();
            manifest.addFrame(i, QString(), *frames[i].shot, frames[i].mediaFrame,
                              frames[i].timelineFrame);
            const Image image = i == 0 ? std::move(firstImage) : ahead->next();
            if (image.width != settings.width || image.height != settings.height)
                checkSize(image, project, *frames[i].shot);
            encoder->writeFrame(image);
            if (settings.audioSampleRate > 0) {
                const std::vector<float> samples = audio.readFrame(audioFrameOf(frames[i]));
                encoder->writeAudio(samples.data(),
                                    std::int64_t(samples.size()) / settings.audioChannels);
            }
            progress.report(double(i + 1 - first) / (end - first) * 0.99, tr("Encoding"));
        }
    } // the worker has stopped: the grader is this thread's again
    progress.checkCancelled();
    encoder->finish();
    if (signing) {
        progress.report(0.995, tr("Signing"));
        describeColour(grader, project, frames, manifest);
        const QJsonObject provenance = manifest.toJson();
        const QVector<CredentialIngredient> ingredients =
            credentialsIngredients(project, provenance);
        signWithCredentials(encodedPath, output,
                            credentialsManifest(provenance, output, ingredients),
                            credentialsWithOwnManifests(ingredients), *request.credentials);
    }
    if (!writingSegment)
        finishManifest(request, grader, project, frames, manifest,
                       ProvenanceManifest::sidecarPathFor(output, false), result);
    result.files << output;
    result.frames = writingSegment ? end - first : int(frames.size());
    result.audioWritten = settings.audioSampleRate > 0;
    progress.report(1.0, tr("Done"));
    return result;
}

} // namespace

QString sequencePrintfPattern(const QString& output) {
    return printfPattern(output);
}

QString sequenceFileName(const QString& pattern, qint64 number) {
    return fileNameFor(pattern, number);
}

QVector<ExportFrame> exportFrames(const Project& project, const ExportRequest& request) {
    return framesToExport(project, request);
}

bool isSequenceOutput(const QString& output) {
    const QString name = QFileInfo(output).fileName();
    return name.contains(QLatin1Char('#')) ||
           name.contains(QRegularExpression(QStringLiteral("%0?\\d*d")));
}

VideoCodec defaultCodecFor(const QString& output) {
    return output.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive) ? VideoCodec::H264
                                                                       : VideoCodec::ProRes422HQ;
}

namespace {

QStringList exportTargets(const ExportRequest& request, const QVector<ExportFrame>& frames) {
    QStringList targets;
    if (isSequenceOutput(request.output)) {
        const QString pattern = printfPattern(QFileInfo(request.output).absoluteFilePath());
        const QFileInfo patternInfo(pattern);
        for (int i = 0; i < frames.size(); ++i)
            targets << patternInfo.dir().filePath(
                fileNameFor(patternInfo.fileName(), request.firstFileNumber + i));
        if (request.writeManifest)
            targets << ProvenanceManifest::sidecarPathFor(pattern, true);
    } else {
        const QString output = QFileInfo(request.output).absoluteFilePath();
        targets << output;
        if (request.writeManifest)
            targets << ProvenanceManifest::sidecarPathFor(output, false);
    }
    return targets;
}

} // namespace

DeliveryColour movieDelivery(const Project& project, const ExportRequest& request) {
    const QVector<ExportFrame> frames = framesToExport(project, request);
    if (frames.isEmpty())
        throw Error(ErrorKind::Usage, tr("Nothing to export: the range holds no frames."));
    const FrameGrader grader(project, request.colour, frames);
    const MediaRef& media = *project.findMedia(frames[0].shot->mediaId);
    // Known without decoding: the probed size and tags; depth from the kind
    // of file (an EXR or a 16-bit image) is decided when the first frame is
    // read, so 8-bit is what is promised here.
    return deliveryFor(grader, request, media, false, media.width, media.height);
}

QStringList exportTargets(const Project& project, const ExportRequest& request) {
    return exportTargets(request, framesToExport(project, request));
}

ExportResult exportProject(const Project& project, const ExportRequest& request,
                           Progress& progress) {
    // Everything that can be refused is refused before any file exists.
    checkExport(project, request);
    const QVector<ExportFrame> frames = framesToExport(project, request);
    progress.report(0.0, tr("Starting"));
    return isSequenceOutput(request.output)
               ? exportSequence(project, request, frames, 0, int(frames.size()), progress)
               : exportMovie(project, request, frames, MoviePart{}, progress);
}

namespace {

QVector<ExportFrame> partFrames(const Project& project, const ExportRequest& request, int first,
                                int end) {
    checkExport(project, request);
    const QVector<ExportFrame> frames = framesToExport(project, request);
    if (first < 0 || end > frames.size() || first >= end)
        throw Error(ErrorKind::Usage, tr("Frames %1-%2 are not among the export's %3 frames.")
                                          .arg(first)
                                          .arg(end - 1)
                                          .arg(frames.size()));
    return frames;
}

} // namespace

ExportResult exportSequencePart(const Project& project, const ExportRequest& request, int first,
                                int end, Progress& progress) {
    // The frames' EXR headers name the manifest the final task writes.
    return exportSequence(project, request, partFrames(project, request, first, end), first, end,
                          progress);
}

QString writeSequenceManifest(const Project& project, const ExportRequest& request) {
    const QVector<ExportFrame> frames = framesToExport(project, request);
    const QString pattern = printfPattern(QFileInfo(request.output).absoluteFilePath());
    const QFileInfo patternInfo(pattern);
    // The grader keeps a reference to the colour: it must outlive it.
    const std::optional<ExportColour> colour = exportColour(project, request, frames);
    FrameGrader grader(project, colour, frames);
    ProvenanceManifest manifest(project, pattern);
    for (int i = 0; i < frames.size(); ++i)
        manifest.addFrame(i, fileNameFor(patternInfo.fileName(), request.firstFileNumber + i),
                          *frames[i].shot, frames[i].mediaFrame, frames[i].timelineFrame);
    ExportResult result;
    finishManifest(request, grader, project, frames, manifest,
                   ProvenanceManifest::sidecarPathFor(pattern, true), result);
    return result.manifest;
}

void exportMovieSegment(const Project& project, const ExportRequest& request, int first, int end,
                        const QString& segmentPath, Progress& progress) {
    const QVector<ExportFrame> frames = partFrames(project, request, first, end);
    MoviePart part;
    part.first = first;
    part.end = end;
    part.segment = segmentPath;
    exportMovie(project, request, frames, part, progress);
}

ExportResult joinMovieSegments(const Project& project, const ExportRequest& request,
                               const QStringList& segments, Progress& progress) {
    checkExport(project, request);
    if (segments.isEmpty())
        throw Error(ErrorKind::Usage, tr("A movie needs at least one segment to join."));
    MoviePart part;
    part.segments = segments;
    return exportMovie(project, request, framesToExport(project, request), part, progress);
}

void checkExport(const Project& project, const ExportRequest& request) {
    const QVector<ExportFrame> frames = framesToExport(project, request);
    if (frames.isEmpty())
        throw Error(ErrorKind::Usage, tr("Nothing to export: the range holds no frames."));
    checkOnline(project, frames);
    if (isSequenceOutput(request.output))
        checkSequenceName(
            request.output,
            QFileInfo(printfPattern(QFileInfo(request.output).absoluteFilePath())).fileName());
    else if (const QDir dir = QFileInfo(request.output).absoluteDir(); !dir.exists())
        // A sequence's folder is made; a movie goes into one that exists.
        throwOutputError(dir.absolutePath(), tr("the folder does not exist"));
    checkOutputTargets(project, exportTargets(request, frames), request.overwrite);
    // A timeline movie has one size, the project's: a shot of another size
    // is refused now, by its media's probed size, not once the encoding
    // reaches it. (Frames from takes are checked as they are read: a
    // reframe may have made them at another size than the media's.)
    if (!isSequenceOutput(request.output) && request.shotId.isNull()) {
        QSet<Id> checked;
        for (const ExportFrame& f : frames) {
            if (checked.contains(f.shot->id) || f.shot->activeTakeAt(f.mediaFrame))
                continue;
            checked.insert(f.shot->id);
            const MediaRef* media = project.findMedia(f.shot->mediaId);
            if (media && !media->isGap() && media->width > 0 &&
                (media->width != project.width || media->height != project.height))
                throw Error(ErrorKind::Usage,
                            tr("Shot \"%1\" is %2x%3 but the project is %4x%5; conform the shot "
                               "or export it alone with --shot.")
                                .arg(f.shot->name)
                                .arg(media->width)
                                .arg(media->height)
                                .arg(project.width)
                                .arg(project.height));
        }
    }
    if (request.credentials) {
        const QString file = isSequenceOutput(request.output)
                                 ? sequenceFileName(sequencePrintfPattern(request.output), 0)
                                 : request.output;
        if (credentialsMimeType(file).isEmpty())
            throw Error(ErrorKind::Usage,
                        tr("%1: Content Credentials go into .mp4 and .mov movies and .png and "
                           ".jpg pictures; EXR has no C2PA binding (its header and the "
                           "provenance sidecar carry the same record)")
                            .arg(request.output));
        checkSigner(*request.credentials);
    }
    // Kept by reference in the grader, which deliveryFor reads below.
    const std::optional<ExportColour> colour = exportColour(project, request, frames);
    const FrameGrader grader(project, colour, frames);
    if (!isSequenceOutput(request.output)) {
        // Throws what the movie would (full range asked of ProRes).
        const MediaRef& media = *project.findMedia(frames[0].shot->mediaId);
        deliveryFor(grader, request, media, false, media.width, media.height);
    }
}

} // namespace retake
