#pragma once

// Making a proxy (proxy/proxies.h): the source decoded once, scaled in the
// decoder's own conversion, encoded as all-intra H.264 under a temporary name
// and renamed when complete, so a cancel or a full disk leaves no proxy
// rather than half of one.

#include "core/progress.h"
#include "model/project.h"
#include "proxy/proxies.h"

namespace retake {

struct ProxyBuildResult {
    QString file;      // the proxy; empty when none was needed
    QString reason;    // why the source needs one (proxyReason); empty = it does not
    bool made = false; // false: it existed already, or none was needed
    QSize frameSize;
    FrameNumber frames = 0;
    double seconds = 0; // hashing and encoding
};

// Makes the proxy of `media` at `size` in `cacheDir` when the source needs one
// (or always, with `evenIfNotNeeded`), after hashing its contents; records
// the file in the folder's index either way. An existing proxy of the same
// contents is kept. Errors name the file: Error(BadInput) for a source that
// does not read, Error(Output) for a cache that cannot be written,
// Error(Cancelled) through `progress`.
ProxyBuildResult makeProxy(const QString& cacheDir, const MediaRef& media, ProxySize size,
                           bool evenIfNotNeeded, Progress* progress);

// Hex SHA-256 of a file, read in blocks that check `progress` for a cancel
// and report `fraction` from `from` to `to`.
QString hashFileContents(const QString& path, Progress* progress, double from, double to);

} // namespace retake
