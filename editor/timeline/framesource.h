#pragma once

#include "media/media.h"
#include "model/project.h"
#include "proxy/proxies.h"

#include <QHash>
#include <deque>
#include <memory>

namespace retake {

// What picture the timeline shows at a frame: the shot's media, or the
// active take's frame over a regenerated range.
struct FrameOrigin {
    const Shot* shot = nullptr;
    FrameNumber mediaFrame = 0;
    const Take* take = nullptr; // nullptr = original media
};

// Reads timeline frames of a project copy, keeping one reader per file open.
// Not thread-safe; one per worker.
class TimelineFrameSource {
public:
    explicit TimelineFrameSource(Project project);

    const Project& project() const { return project_; }
    // Frame `timelineFrame` of the first video track.
    FrameOrigin originAt(FrameNumber timelineFrame) const;
    Image readTimelineFrame(FrameNumber timelineFrame);
    Image readShotFrame(const Shot& shot, FrameNumber mediaFrame);
    // For a viewer: frames come back scaled down to fit `size` where the
    // reader can do it while decoding (MediaReader::setPreviewSize); empty =
    // full size, the default.
    void setPreviewSize(QSize size);
    // For a viewer: the two files read last each keep this much of what
    // they decoded (MediaReader::keepDecodedFrames), so stepping back is not
    // a seek; a file read before them lets its pictures go.
    void keepDecodedFrames(std::size_t budgetBytesPerFile);
    // For a viewer: media with a proxy (proxy/proxies.h) is read from it:
    // frames of the proxy's size, at the same frame numbers. A proxy that
    // fails to read is dropped and the original read instead. Exports and
    // generation never set any.
    void setProxies(ProxyMap proxies);
    // Whether the last frame read came from a proxy (the viewer's badge).
    bool lastReadFromProxy() const { return lastReadFromProxy_; }

private:
    MediaReader& readerFor(const QString& path, MediaKind kind);

    Project project_;
    QSize previewSize_;
    ProxyMap proxies_;
    bool lastReadFromProxy_ = false;
    std::size_t keepBudget_ = 0;
    std::deque<MediaReader*> keeping_; // most recently read first, at most 2
    QVector<ShotPlacement> placements_;
    std::unordered_map<std::string, std::unique_ptr<MediaReader>> readers_;
};

} // namespace retake
