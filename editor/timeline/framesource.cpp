#include "framesource.h"

#include "core/error.h"
#include "core/translate.h"
#include "mediaio/openmedia.h"

#include <QCoreApplication>
#include <algorithm>

namespace retake {

TimelineFrameSource::TimelineFrameSource(Project project)
    : project_(std::move(project)) {
    if (const Track* video = project_.firstTrack(TrackKind::Video))
        placements_ = project_.placements(video->id);
}

FrameOrigin TimelineFrameSource::originAt(FrameNumber timelineFrame) const {
    for (const auto& placed : placements_) {
        if (!placed.timeline.contains(timelineFrame))
            continue;
        FrameOrigin origin;
        origin.shot = project_.findShot(placed.shotId);
        origin.mediaFrame = origin.shot->source.start + (timelineFrame - placed.timeline.start);
        origin.take = origin.shot->activeTakeAt(origin.mediaFrame);
        return origin;
    }
    return {};
}

MediaReader& TimelineFrameSource::readerFor(const QString& path, MediaKind kind) {
    auto& slot = readers_[path.toStdString()];
    if (!slot) {
        slot = openMedia(path, kind);
        slot->setPreviewSize(previewSize_);
    }
    if (keepBudget_ > 0 && (keeping_.empty() || keeping_.front() != slot.get())) {
        const auto known = std::find(keeping_.begin(), keeping_.end(), slot.get());
        if (known != keeping_.end())
            keeping_.erase(known);
        else
            slot->keepDecodedFrames(keepBudget_);
        keeping_.push_front(slot.get());
        if (keeping_.size() > 2) {
            keeping_.back()->keepDecodedFrames(0);
            keeping_.pop_back();
        }
    }
    return *slot;
}

void TimelineFrameSource::setPreviewSize(QSize size) {
    previewSize_ = size;
    for (auto& [path, reader] : readers_)
        reader->setPreviewSize(size);
}

void TimelineFrameSource::keepDecodedFrames(std::size_t budgetBytesPerFile) {
    keepBudget_ = budgetBytesPerFile;
    for (MediaReader* reader : keeping_)
        reader->keepDecodedFrames(budgetBytesPerFile);
    if (budgetBytesPerFile == 0)
        keeping_.clear();
}

void TimelineFrameSource::setProxies(ProxyMap proxies) {
    proxies_ = std::move(proxies);
}

Image TimelineFrameSource::readShotFrame(const Shot& shot, FrameNumber mediaFrame) {
    lastReadFromProxy_ = false;
    if (const Take* take = shot.activeTakeAt(mediaFrame)) {
        // A take's frames are an image sequence whose first file is the
        // take's first frame.
        return readerFor(take->framesPath, MediaKind::ImageSequence)
            .readFrame(mediaFrame - take->range.start);
    }
    const MediaRef* media = project_.findMedia(shot.mediaId);
    if (media->isGap()) {
        // What an edit shows in a gap (and players, and OTIO's own tools),
        // at the size of the project, whatever it has been changed to.
        Image black(project_.width, project_.height, 3, SampleType::UInt8);
        std::fill(black.pixels.begin(), black.pixels.end(), std::uint8_t(0));
        return black;
    }
    if (!media->online)
        throwBadInput(media->path, tr("is offline (missing); relink it first"));
    if (const auto proxy = proxies_.constFind(media->path); proxy != proxies_.constEnd()) {
        try {
            MediaReader& reader = readerFor(*proxy, MediaKind::Video);
            if (reader.info().frameCount == media->frameCount) {
                Image frame = reader.readFrame(mediaFrame);
                lastReadFromProxy_ = true;
                return frame;
            }
        } catch (const Error&) {
            // A damaged or deleted proxy costs the viewer its speed, not its
            // picture: the original is read from now on.
        }
        if (const auto open = readers_.find(proxy->toStdString()); open != readers_.end()) {
            keeping_.erase(std::remove(keeping_.begin(), keeping_.end(), open->second.get()),
                           keeping_.end());
            readers_.erase(open);
        }
        proxies_.erase(proxy);
    }
    return readerFor(media->path, media->kind).readFrame(mediaFrame);
}

Image TimelineFrameSource::readTimelineFrame(FrameNumber timelineFrame) {
    const FrameOrigin origin = originAt(timelineFrame);
    if (!origin.shot)
        throw Error(ErrorKind::Usage, tr("Timeline frame %1 has no shot.").arg(timelineFrame));
    return readShotFrame(*origin.shot, origin.mediaFrame);
}

} // namespace retake
