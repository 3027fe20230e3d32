#pragma once

// Proxies: small all-intra copies of video that is slow for a viewer to
// read (long-GOP at 1280x720 or more, where a jump decodes from the previous
// keyframe, or anything larger than 1920x1080), made for the viewer and
// scrubbing alone. Smaller long-GOP video decodes a whole GOP in a few
// milliseconds, and its proxy would only blur it. Generation,
// export, masks, tracking and every measurement read the original; only
// TimelineFrameSource::setProxies() ever reads a proxy.
//
// They live in the project's cache folder under proxies/, named by the
// source's content hash (SHA-256 of its bytes) and the size, so a relinked
// or moved file finds its proxy again and a changed file gets a new one. The
// folder's index remembers which file (path, size, modification time) had
// which hash, so finding a proxy never reads the media; a file whose size or
// time changed is unknown until it is hashed again (by the proxy job), and
// meanwhile the viewer reads the original.

#include "media/media.h"
#include "model/project.h"

#include <QHash>
#include <QSize>
#include <QString>
#include <optional>

namespace retake {

enum class ProxySize { Half, Quarter };

QString toString(ProxySize size); // "half", "quarter"
bool proxySizeFromString(const QString& name, ProxySize* size);

// Why reading `info` is slow for a viewer, or empty when a proxy would not
// help (intra-only at 1920x1080 or less, smaller than 1280x720, pictures,
// sequences).
QString proxyReason(const MediaInfo& info);
// Whether a proxy could help `media`, from what the project knows of it
// (kind and size; the GOP is learnt by reading the file).
bool mayNeedProxy(const MediaRef& media);
// Why `media` gets no proxy, once it is known to need none: "intra-only,
// 1920x1080" or "432x240, small enough to decode quickly".
QString noProxyReason(const MediaRef& media);

// The proxy's frame size: half or a quarter of each side, even (4:2:0), at
// least 2x2, and the source's aspect kept as the viewer's reader scales it.
QSize proxyFrameSize(QSize source, ProxySize size);

// <cache>/proxies
QString proxyFolder(const QString& cacheDir);
// <cache>/proxies/<sha256>-<size>.mp4
QString proxyFilePath(const QString& cacheDir, const QString& sha256, ProxySize size);

// One media file as the cache knows it.
struct ProxySource {
    QString path;           // absolute, as last seen
    qint64 bytes = -1;      // size and modification time when hashed: the
    qint64 modifiedMs = -1; // file is known while both are unchanged
    QString sha256;         // of its contents
    QString reason;         // proxyReason() of it; empty = needs none
    int width = 0;
    int height = 0;
    FrameNumber frameCount = 0;
};

// The index of <cache>/proxies: which file had which content. A cache, not a
// document: an index that cannot be read is started afresh (the files are
// hashed again), never an error. Written atomically; two writers at once
// (the editor and the CLI) can lose each other's latest entry, which costs a
// second hash, nothing else.
class ProxyIndex {
public:
    static ProxyIndex load(const QString& cacheDir);
    // The entry for `path` when the file on disk still has the size and
    // modification time it had when hashed; nullopt otherwise.
    std::optional<ProxySource> find(const QString& path) const;
    // An entry for any path with this content (a relinked copy).
    std::optional<ProxySource> findContent(const QString& sha256) const;
    void put(const ProxySource& source); // replaces the entry of its path
    void save() const;                   // throws Error(Output)

private:
    QString cacheDir_;
    QHash<QString, ProxySource> byPath_;
};

// Size and modification time of `path` now; false when it cannot be read.
bool fileIdentity(const QString& path, qint64* bytes, qint64* modifiedMs);

// What the cache holds for one media file, for `retake-cli info` and the GUI.
struct ProxyStatus {
    enum class State {
        NotVideo,  // pictures, sequences, gaps: never proxied
        Unchecked, // the cache does not know the file as it is now
        NotNeeded, // intra-only and small enough
        Missing,   // needs one, none made at this size
        Ready,     // a proxy of this content at this size exists
    };
    State state = State::Unchecked;
    QString reason;  // why it needs one
    QString file;    // Ready: the proxy
    QSize frameSize; // Ready: its frame size
};
QString toString(ProxyStatus::State state); // "ready", "missing", ...

ProxyStatus proxyStatus(const ProxyIndex& index, const QString& cacheDir, const MediaRef& media,
                        ProxySize size);

// Media path -> proxy file, what the viewer reads instead.
using ProxyMap = QHash<QString, QString>;

// The proxies of `project`'s media that exist at `size` now. Never reads
// media or hashes: cheap enough for the GUI thread.
ProxyMap readyProxies(const Project& project, const QString& cacheDir, ProxySize size);

} // namespace retake
