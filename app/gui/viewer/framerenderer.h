#pragma once

// Decodes timeline frames for the viewer off the GUI thread. One frame is
// decoded at a time on a private thread; while it runs, newer requests
// replace older ones, so only the newest requested frame is decoded next
// and scrubbing or playback never queues up stale work.
//
// On the same worker each frame goes through the OCIO display transform the
// user picked (ColourPipeline::processor, the export's code path) and, when
// comparing, the original media frame under a take is decoded beside it.
// Finished frames are kept in a cache of a set size (MB) for scrubbing back.
//
// During forward playback (setReadAhead) the worker does not wait for the
// next request: it decodes the frames after the playhead one after the
// other, up to kReadAheadFrames ahead, so the decoder runs sequentially and
// a frame is usually ready before its tick. A request always goes before
// reading ahead; frames the playhead has passed are dropped. The read-ahead
// buffer is a playback pipeline of a few frames, apart from the cache (which
// may be off).

#include "model/project.h"
#include "ocio/colourpipeline.h"
#include "proxy/proxies.h"

#include <QCache>
#include <QFutureWatcher>
#include <QImage>
#include <QMap>
#include <QObject>
#include <QSize>
#include <QThreadPool>
#include <memory>
#include <optional>

namespace retake::gui {

struct RenderedFrame {
    FrameNumber frame = -1;
    QImage picture;
    QImage original;    // comparing: the original media frame where a take shows
    QImage maskOverlay; // the shot's mask at this frame (stationary, or painted when enabled)
    Id shotId;
    FrameNumber mediaFrame = 0;
    bool fromTake = false;
    bool fromProxy = false; // read from the media's proxy (proxy/proxies.h)
    QString error;          // why there is no picture
};

// The viewer's display transform. An empty display = no colour management
// (values shown as stored).
struct DisplaySettings {
    QString configPath; // empty = the bundled config
    QString display;
    QString view;
    QString lookPath; // a LUT file applied as the look, optional
    bool operator==(const DisplaySettings& o) const {
        return configPath == o.configPath && display == o.display && view == o.view &&
               lookPath == o.lookPath;
    }
};

class FrameRenderer : public QObject {
    Q_OBJECT
public:
    explicit FrameRenderer(QObject* parent = nullptr);
    ~FrameRenderer() override;

    // A copy of the project to read from; later requests see it.
    void setProject(const Project& project);
    // Loads the config on this thread; throws Error naming the file when it
    // does not load (the previous transform stays).
    void setDisplay(const DisplaySettings& display);
    const DisplaySettings& display() const { return display_; }
    void setCompareEnabled(bool enabled);
    bool isCompareEnabled() const { return compare_; }
    // Painted masks cost a rasterisation per frame: only while the overlay shows.
    void setPaintedMasksEnabled(bool enabled);
    // Media read from their proxies instead (proxy/proxies.h): the viewer
    // and scrubbing only. An unchanged map keeps the decoded frames.
    void setProxies(const ProxyMap& proxies);
    const ProxyMap& proxies() const { return proxies_; }
    void setCacheSizeMB(int megabytes);
    // What the cache holds now (tests): frames, and their cost in KB, never
    // above the size set.
    int cachedFrameCount() const { return int(cache_.count()); }
    int cachedKB() const { return int(cache_.totalCost()); }
    // The largest picture the viewer draws, in device pixels. Larger 8-bit
    // frames are scaled down to it before the display transform, as a GPU
    // viewer filters the texture before its OCIO shader: the same picture on
    // screen for a fraction of the work. Empty = full size.
    void setTargetSize(QSize size);
    QSize targetSize() const { return targetSize_; }
    // Playing forward: decode ahead of the last requested frame.
    void setReadAhead(bool enabled);
    bool isReadingAhead() const { return readAhead_; }
    void request(FrameNumber frame);
    bool isBusy() const { return busy_; }
    // Frames decoded ahead of the playhead and not shown yet, in order (tests).
    QList<FrameNumber> readAheadFrames() const { return ahead_.keys(); }

    static constexpr int kReadAheadFrames = 8;

Q_SIGNALS:
    void frameReady(const retake::gui::RenderedFrame& frame);

private:
    struct Worker;
    void newWorker();
    void startNext();
    void finished();
    std::optional<FrameNumber> nextReadAheadFrame() const;

    Project project_;
    DisplaySettings display_;
    std::optional<ColourPipeline> pipeline_;
    bool compare_ = false;
    bool paintedMasks_ = false;
    ProxyMap proxies_;
    QSize targetSize_;
    std::shared_ptr<Worker> worker_;
    std::shared_ptr<Worker> running_; // the worker of the frame being decoded
    std::optional<FrameNumber> pending_;
    bool busy_ = false;
    FrameNumber runningFrame_ = -1;
    bool runningWanted_ = false; // shown when done (else read ahead)
    bool readAhead_ = false;
    FrameNumber lastRequested_ = -1;
    FrameNumber duration_ = 0;
    QMap<FrameNumber, RenderedFrame> ahead_;
    QCache<FrameNumber, RenderedFrame> cache_; // cost in KB
    QThreadPool pool_;
    QFutureWatcher<RenderedFrame> watcher_;
};

} // namespace retake::gui
