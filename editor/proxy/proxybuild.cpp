#include "proxy/proxybuild.h"

#include "core/error.h"
#include "core/translate.h"
#include "mediaio/openmedia.h"
#include "mediaio/writemedia.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace retake {

QString hashFileContents(const QString& path, Progress* progress, double from, double to) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(path, tr("cannot be read (%1)").arg(file.errorString()));
    const qint64 total = std::max<qint64>(1, file.size());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(4 << 20, Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        if (progress)
            progress->checkCancelled();
        const qint64 got = file.read(block.data(), block.size());
        if (got < 0)
            throwBadInput(path, tr("cannot be read (%1)").arg(file.errorString()));
        if (got == 0)
            break;
        hash.addData(QByteArrayView(block.constData(), got));
        done += got;
        if (progress)
            progress->report(from + (to - from) * double(done) / double(total),
                             tr("Reading %1").arg(QFileInfo(path).fileName()));
    }
    return QString::fromLatin1(hash.result().toHex());
}

namespace {

// The index's entry for the file as it is now, hashing it when the index
// does not know it (new, changed, or moved here from elsewhere).
ProxySource knownSource(ProxyIndex& index, const QString& path, const MediaInfo& info,
                        Progress* progress) {
    if (std::optional<ProxySource> known = index.find(path);
        known && known->frameCount == info.frameCount && known->width == info.width &&
        known->height == info.height)
        return *known;
    ProxySource source;
    source.path = path;
    if (!fileIdentity(path, &source.bytes, &source.modifiedMs))
        throwBadInput(path, tr("cannot be read"));
    source.sha256 = hashFileContents(path, progress, 0.0, 0.1);
    qint64 bytes = 0, modified = 0;
    if (!fileIdentity(path, &bytes, &modified) || bytes != source.bytes ||
        modified != source.modifiedMs)
        throwBadInput(path, tr("changed while it was being read; try again once it is complete"));
    source.reason = proxyReason(info);
    source.width = info.width;
    source.height = info.height;
    source.frameCount = info.frameCount;
    index.put(source);
    index.save();
    return source;
}

} // namespace

ProxyBuildResult makeProxy(const QString& cacheDir, const MediaRef& media, ProxySize size,
                           bool evenIfNotNeeded, Progress* progress) {
    QElapsedTimer clock;
    clock.start();
    if (media.kind != MediaKind::Video)
        throw Error(ErrorKind::Usage,
                    tr("%1: only video files get proxies (this is %2, which the viewer reads a "
                       "frame at a time already)")
                        .arg(media.path, toString(media.kind)));
    if (!media.online)
        throwBadInput(media.path, tr("is offline (missing); relink it first"));
    const std::unique_ptr<MediaReader> reader = openMedia(media.path, media.kind);
    const MediaInfo& info = reader->info();

    ProxyIndex index = ProxyIndex::load(cacheDir);
    const ProxySource source = knownSource(index, media.path, info, progress);
    ProxyBuildResult result;
    result.reason = source.reason;
    result.frameSize = proxyFrameSize(QSize(info.width, info.height), size);
    result.frames = info.frameCount;
    if (source.reason.isEmpty() && !evenIfNotNeeded) {
        result.seconds = clock.elapsed() / 1000.0;
        return result;
    }
    result.file = proxyFilePath(cacheDir, source.sha256, size);
    if (QFileInfo(result.file).isFile()) {
        result.seconds = clock.elapsed() / 1000.0;
        return result;
    }
    if (!QDir().mkpath(proxyFolder(cacheDir)))
        throw Error(ErrorKind::Output, tr("%1: cannot make the folder").arg(proxyFolder(cacheDir)));

    // The decoder's conversion to RGB scales too, in the same pass.
    reader->setPreviewSize(result.frameSize);
    EncodeSettings settings;
    settings.codec = VideoCodec::H264;
    settings.proxy = true;
    settings.width = result.frameSize.width();
    settings.height = result.frameSize.height();
    settings.frameRate = info.frameRate;
    settings.colour = info.colour;
    const std::unique_ptr<VideoEncoder> encoder = createVideoEncoder(result.file, settings);
    const QString stage = tr("Proxy of %1").arg(QFileInfo(media.path).fileName());
    for (FrameNumber n = 0; n < info.frameCount; ++n) {
        if (progress)
            progress->checkCancelled();
        const Image frame = reader->readFrame(n);
        if (frame.width != settings.width || frame.height != settings.height)
            throw Error(ErrorKind::Internal,
                        QStringLiteral("%1: frame %2 came out %3x%4, not the proxy's %5x%6")
                            .arg(media.path)
                            .arg(n)
                            .arg(frame.width)
                            .arg(frame.height)
                            .arg(settings.width)
                            .arg(settings.height));
        encoder->writeFrame(frame);
        if (progress && (n % 8 == 0 || n + 1 == info.frameCount))
            progress->report(0.1 + 0.9 * double(n + 1) / double(info.frameCount), stage);
    }
    encoder->finish();
    result.made = true;
    result.seconds = clock.elapsed() / 1000.0;
    return result;
}

} // namespace retake
