#include "exporter.h"

#include "core/error.h"
#include "export/framesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>

namespace retake {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Export", text);
}

struct ExportFrame {
    const Shot* shot;
    FrameNumber mediaFrame;
};

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
            frames.push_back({shot, shot->source.start + (f - placed.timeline.start)});
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

// Audio for exported frames: each output frame owns the samples
// [floor(i*rate/fps), floor((i+1)*rate/fps)), computed exactly, so audio and
// picture never drift apart over a long export.
class AudioMixer {
public:
    AudioMixer(const Project& project, const QVector<ExportFrame>& frames,
               FrameNumber firstTimelineFrame, bool timelineExport)
        : project_(project)
        , firstTimelineFrame_(firstTimelineFrame)
        , timelineExport_(timelineExport) {
        for (const auto& f : frames) {
            const MediaRef* m = project.findMedia(f.shot->mediaId);
            if (f.shot->audioEnabled && m->hasAudio() && m->online)
                consider(*m);
        }
        if (timelineExport)
            for (const auto& track : project.tracks)
                if (track.kind == TrackKind::Audio && !track.muted)
                    for (const auto& clip : track.clips)
                        if (const MediaRef* m = project.findMedia(clip.mediaId); m && m->online)
                            consider(*m);
    }

    int sampleRate() const { return sampleRate_; }
    int channels() const { return channels_; }
    bool active() const { return sampleRate_ > 0; }

    std::vector<float> samplesForFrame(std::int64_t index, const ExportFrame& frame) {
        const Rational fps = project_.frameRate;
        const std::int64_t begin = (Rational(index) * Rational(sampleRate_) / fps).floored();
        const std::int64_t end = (Rational(index + 1) * Rational(sampleRate_) / fps).floored();
        const std::int64_t count = end - begin;
        std::vector<float> mix(std::size_t(count) * channels_, 0.0f);
        const MediaRef* m = project_.findMedia(frame.shot->mediaId);
        if (frame.shot->audioEnabled && m->hasAudio() && m->online) {
            // The shot's sound starts where its picture does.
            const std::int64_t start =
                (Rational(frame.mediaFrame) * Rational(sampleRate_) / m->frameRate).floored();
            addFrom(*m, start, count, 1.0f, mix);
        }
        if (timelineExport_) {
            const std::int64_t timelineSample =
                (Rational(firstTimelineFrame_ + index) * Rational(sampleRate_) / fps).floored();
            for (const auto& track : project_.tracks) {
                if (track.kind != TrackKind::Audio || track.muted)
                    continue;
                for (const auto& clip : track.clips) {
                    const MediaRef* cm = project_.findMedia(clip.mediaId);
                    if (!cm || !cm->online)
                        continue;
                    const std::int64_t clipStart =
                        (Rational(clip.timelineStart) * Rational(sampleRate_) / fps).floored();
                    const std::int64_t clipLength =
                        (clip.duration * Rational(sampleRate_)).floored();
                    const std::int64_t from = std::max(timelineSample, clipStart);
                    const std::int64_t to =
                        std::min(timelineSample + count, clipStart + clipLength);
                    if (to <= from)
                        continue;
                    std::vector<float> part(std::size_t(to - from) * channels_, 0.0f);
                    const std::int64_t sourceStart =
                        (clip.sourceStart * Rational(sampleRate_)).floored();
                    addFrom(*cm, sourceStart + (from - clipStart), to - from,
                            float(std::pow(10.0, clip.gainDb / 20.0)), part);
                    std::copy(part.begin(), part.end(),
                              mix.begin() + (from - timelineSample) * channels_);
                }
            }
        }
        return mix;
    }

private:
    void consider(const MediaRef& m) {
        if (sampleRate_ == 0) {
            sampleRate_ = m.audioSampleRate;
            channels_ = m.audioChannels;
        } else if (m.audioSampleRate != sampleRate_ || m.audioChannels != channels_) {
            throwBadInput(m.path,
                          tr("has %1 Hz %2-channel audio but the export uses %3 Hz %4-channel; "
                             "mixing different audio formats is not supported")
                              .arg(m.audioSampleRate)
                              .arg(m.audioChannels)
                              .arg(sampleRate_)
                              .arg(channels_));
        }
    }

    void addFrom(const MediaRef& m, std::int64_t start, std::int64_t count, float gain,
                 std::vector<float>& into) {
        auto& reader = readers_[m.path.toStdString()];
        if (!reader)
            reader = openAudio(m.path);
        if (!reader)
            return;
        const std::vector<float> samples = reader->read(start, count);
        const std::size_t n = std::min(samples.size(), into.size());
        for (std::size_t i = 0; i < n; ++i)
            into[i] += gain * samples[i];
    }

    const Project& project_;
    FrameNumber firstTimelineFrame_;
    bool timelineExport_;
    int sampleRate_ = 0;
    int channels_ = 0;
    std::unordered_map<std::string, std::unique_ptr<AudioReader>> readers_;
};

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

ExportResult exportSequence(const Project& project, const ExportRequest& request,
                            const QVector<ExportFrame>& frames, Progress& progress) {
    const QString pattern = printfPattern(QFileInfo(request.output).absoluteFilePath());
    const QFileInfo patternInfo(pattern);
    if (!patternInfo.fileName().contains(QRegularExpression(QStringLiteral("%0?\\d*d"))))
        throw Error(ErrorKind::Usage,
                    tr("%1: a sequence needs a frame number in its name, like shot_####.exr")
                        .arg(request.output));
    QDir dir = patternInfo.absoluteDir();
    if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
        throwOutputError(dir.absolutePath(), tr("cannot create the folder"));
    // Written beside the final files so the moves at the end are renames on
    // one file system; removed with everything in it if anything fails.
    QTemporaryDir staging(dir.filePath(QStringLiteral(".retake-export-XXXXXX")));
    if (!staging.isValid())
        throwOutputError(dir.absolutePath(),
                         tr("cannot write here: %1").arg(staging.errorString()));

    TimelineFrameSource source(project);
    ExportResult result;
    QStringList staged;
    for (int i = 0; i < frames.size(); ++i) {
        progress.checkCancelled();
        const Image image = source.readShotFrame(*frames[i].shot, frames[i].mediaFrame);
        const QString name = fileNameFor(patternInfo.fileName(), request.firstFileNumber + i);
        const QString stagedPath = QDir(staging.path()).filePath(name);
        writeImageFile(stagedPath, image, request.imageOptions);
        staged << name;
        progress.report(double(i + 1) / frames.size() * 0.98, tr("Writing frames"));
    }
    for (const QString& name : staged) {
        const QString from = QDir(staging.path()).filePath(name), to = dir.filePath(name);
        if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) !=
            0)
            throwOutputError(to, tr("cannot move the finished frame into place: %1")
                                     .arg(QString::fromLocal8Bit(std::strerror(errno))));
        result.files << to;
    }
    result.frames = frames.size();
    progress.report(1.0, tr("Done"));
    return result;
}

ExportResult exportMovie(const Project& project, const ExportRequest& request,
                         const QVector<ExportFrame>& frames, Progress& progress) {
    const QString output = QFileInfo(request.output).absoluteFilePath();
    TimelineFrameSource source(project);
    const bool timelineExport = request.shotId.isNull();
    const FrameNumber firstTimelineFrame =
        request.timelineRange && timelineExport ? request.timelineRange->start : 0;
    AudioMixer audio(project, frames, firstTimelineFrame, timelineExport && !frames.isEmpty());

    Image first = source.readShotFrame(*frames[0].shot, frames[0].mediaFrame);
    EncodeSettings settings;
    settings.codec = request.codec;
    settings.width = first.width;
    settings.height = first.height;
    settings.frameRate = project.frameRate;
    settings.color = first.color;
    if (request.withAudio && audio.active()) {
        settings.audioSampleRate = audio.sampleRate();
        settings.audioChannels = audio.channels();
    }
    if (timelineExport)
        checkSize(first, project, *frames[0].shot);
    auto encoder = createVideoEncoder(output, settings);
    ExportResult result;
    for (int i = 0; i < frames.size(); ++i) {
        progress.checkCancelled();
        const Image image =
            i == 0 ? std::move(first) : source.readShotFrame(*frames[i].shot, frames[i].mediaFrame);
        if (image.width != settings.width || image.height != settings.height)
            checkSize(image, project, *frames[i].shot);
        encoder->writeFrame(image);
        if (settings.audioSampleRate > 0) {
            const std::vector<float> samples = audio.samplesForFrame(i, frames[i]);
            encoder->writeAudio(samples.data(),
                                std::int64_t(samples.size()) / settings.audioChannels);
        }
        progress.report(double(i + 1) / frames.size() * 0.99, tr("Encoding"));
    }
    progress.checkCancelled();
    encoder->finish();
    result.files << output;
    result.frames = frames.size();
    result.audioWritten = settings.audioSampleRate > 0;
    progress.report(1.0, tr("Done"));
    return result;
}

} // namespace

bool isSequenceOutput(const QString& output) {
    const QString name = QFileInfo(output).fileName();
    return name.contains(QLatin1Char('#')) ||
           name.contains(QRegularExpression(QStringLiteral("%0?\\d*d")));
}

VideoCodec defaultCodecFor(const QString& output) {
    return output.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive) ? VideoCodec::H264
                                                                       : VideoCodec::ProRes422HQ;
}

ExportResult exportProject(const Project& project, const ExportRequest& request,
                           Progress& progress) {
    const QVector<ExportFrame> frames = framesToExport(project, request);
    if (frames.isEmpty())
        throw Error(ErrorKind::Usage, tr("Nothing to export: the range holds no frames."));
    checkOnline(project, frames);
    progress.report(0.0, tr("Starting"));
    return isSequenceOutput(request.output) ? exportSequence(project, request, frames, progress)
                                            : exportMovie(project, request, frames, progress);
}

} // namespace retake
