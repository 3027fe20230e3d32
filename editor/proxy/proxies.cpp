#include "proxy/proxies.h"

#include "core/atomicfile.h"
#include "core/translate.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace retake {

namespace {

constexpr int kIndexVersion = 1;
// Larger than this is more than a viewer shows, whatever the codec.
constexpr int kViewerWidth = 1920;
constexpr int kViewerHeight = 1080;
// Below this many pixels a GOP decodes fast enough (a 48-frame GOP of
// 432x240 H.264 in under 10 ms here), and a proxy would only blur it.
constexpr qint64 kLongGopMinPixels = 1280 * 720;

QString indexPath(const QString& cacheDir) {
    return QDir(proxyFolder(cacheDir)).filePath(QStringLiteral("index.json"));
}

bool isSha256(const QString& text) {
    if (text.size() != 64)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

} // namespace

QString toString(ProxySize size) {
    return size == ProxySize::Quarter ? QStringLiteral("quarter") : QStringLiteral("half");
}

bool proxySizeFromString(const QString& name, ProxySize* size) {
    if (name == QLatin1String("half"))
        *size = ProxySize::Half;
    else if (name == QLatin1String("quarter"))
        *size = ProxySize::Quarter;
    else
        return false;
    return true;
}

QString proxyReason(const MediaInfo& info) {
    if (info.kind != MediaKind::Video || qint64(info.width) * info.height < kLongGopMinPixels)
        return QString();
    if (info.keyframeInterval > 1)
        return tr("long-GOP (%1 frames from one keyframe to the next)").arg(info.keyframeInterval);
    if (info.width > kViewerWidth || info.height > kViewerHeight)
        return tr("larger than %1x%2").arg(kViewerWidth).arg(kViewerHeight);
    return QString();
}

bool mayNeedProxy(const MediaRef& media) {
    return media.kind == MediaKind::Video &&
           qint64(media.width) * media.height >= kLongGopMinPixels;
}

QString noProxyReason(const MediaRef& media) {
    return mayNeedProxy(media)
               ? tr("intra-only, %1x%2").arg(media.width).arg(media.height)
               : tr("%1x%2, small enough to decode quickly").arg(media.width).arg(media.height);
}

QSize proxyFrameSize(QSize source, ProxySize size) {
    const int divisor = size == ProxySize::Quarter ? 4 : 2;
    QSize box(std::max(2, source.width() / divisor), std::max(2, source.height() / divisor));
    // The reader fits frames into the box keeping the aspect; 4:2:0 wants
    // even sides, so shrink the box until the fitted size is even.
    for (;;) {
        const QSize fitted = source.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
        if ((fitted.width() % 2 == 0 && fitted.height() % 2 == 0) || box.width() <= 2 ||
            box.height() <= 2)
            return QSize(std::max(2, fitted.width() & ~1), std::max(2, fitted.height() & ~1));
        box = QSize(fitted.width() & ~1, fitted.height() & ~1);
    }
}

QString proxyFolder(const QString& cacheDir) {
    return QDir(cacheDir).filePath(QStringLiteral("proxies"));
}

QString proxyFilePath(const QString& cacheDir, const QString& sha256, ProxySize size) {
    return QDir(proxyFolder(cacheDir))
        .filePath(QStringLiteral("%1-%2.mp4").arg(sha256, toString(size)));
}

bool fileIdentity(const QString& path, qint64* bytes, qint64* modifiedMs) {
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return false;
    *bytes = info.size();
    *modifiedMs = info.lastModified().toMSecsSinceEpoch();
    return true;
}

ProxyIndex ProxyIndex::load(const QString& cacheDir) {
    ProxyIndex index;
    index.cacheDir_ = cacheDir;
    QFile file(indexPath(cacheDir));
    if (!file.open(QIODevice::ReadOnly))
        return index;
    // A cache: entries that do not read as expected are dropped (their
    // files are hashed again), whatever else the file holds.
    const QJsonObject root = QJsonDocument::fromJson(file.read(4 << 20)).object();
    if (root.value(QLatin1String("version")).toInt() != kIndexVersion)
        return index;
    for (const QJsonValue& value : root.value(QLatin1String("files")).toArray()) {
        const QJsonObject o = value.toObject();
        ProxySource s;
        s.path = o.value(QLatin1String("path")).toString();
        s.bytes = qint64(o.value(QLatin1String("bytes")).toDouble(-1));
        s.modifiedMs = qint64(o.value(QLatin1String("modifiedMs")).toDouble(-1));
        s.sha256 = o.value(QLatin1String("sha256")).toString();
        s.reason = o.value(QLatin1String("reason")).toString();
        s.width = o.value(QLatin1String("width")).toInt();
        s.height = o.value(QLatin1String("height")).toInt();
        s.frameCount = FrameNumber(o.value(QLatin1String("frames")).toDouble());
        if (s.path.isEmpty() || s.bytes < 0 || s.modifiedMs < 0 || !isSha256(s.sha256) ||
            s.width <= 0 || s.height <= 0 || s.frameCount <= 0)
            continue;
        index.byPath_.insert(s.path, s);
    }
    return index;
}

std::optional<ProxySource> ProxyIndex::find(const QString& path) const {
    const auto it = byPath_.constFind(path);
    if (it == byPath_.constEnd())
        return std::nullopt;
    qint64 bytes = 0, modified = 0;
    if (!fileIdentity(path, &bytes, &modified) || bytes != it->bytes || modified != it->modifiedMs)
        return std::nullopt;
    return *it;
}

std::optional<ProxySource> ProxyIndex::findContent(const QString& sha256) const {
    for (const ProxySource& s : byPath_)
        if (s.sha256 == sha256)
            return s;
    return std::nullopt;
}

void ProxyIndex::put(const ProxySource& source) {
    byPath_.insert(source.path, source);
}

void ProxyIndex::save() const {
    QJsonArray files;
    QStringList paths = byPath_.keys();
    paths.sort();
    for (const QString& path : paths) {
        const ProxySource& s = byPath_[path];
        files.append(QJsonObject{{"path", s.path},
                                 {"bytes", double(s.bytes)},
                                 {"modifiedMs", double(s.modifiedMs)},
                                 {"sha256", s.sha256},
                                 {"reason", s.reason},
                                 {"width", s.width},
                                 {"height", s.height},
                                 {"frames", double(s.frameCount)}});
    }
    QDir().mkpath(proxyFolder(cacheDir_));
    writeFileAtomically(indexPath(cacheDir_),
                        QJsonDocument(QJsonObject{{"version", kIndexVersion}, {"files", files}})
                            .toJson(QJsonDocument::Indented));
}

QString toString(ProxyStatus::State state) {
    switch (state) {
    case ProxyStatus::State::NotVideo:
        return QStringLiteral("not video");
    case ProxyStatus::State::Unchecked:
        return QStringLiteral("unchecked");
    case ProxyStatus::State::NotNeeded:
        return QStringLiteral("not needed");
    case ProxyStatus::State::Missing:
        return QStringLiteral("missing");
    case ProxyStatus::State::Ready:
        return QStringLiteral("ready");
    }
    return QString();
}

ProxyStatus proxyStatus(const ProxyIndex& index, const QString& cacheDir, const MediaRef& media,
                        ProxySize size) {
    ProxyStatus status;
    if (media.kind != MediaKind::Video || media.isGap()) {
        status.state = ProxyStatus::State::NotVideo;
        return status;
    }
    const std::optional<ProxySource> known = index.find(media.path);
    if (!known) {
        status.state =
            mayNeedProxy(media) ? ProxyStatus::State::Unchecked : ProxyStatus::State::NotNeeded;
        return status;
    }
    status.reason = known->reason;
    // A proxy asked for by name (`retake-cli proxy --shot`) is used even
    // where none was needed.
    const QString file = proxyFilePath(cacheDir, known->sha256, size);
    if (QFileInfo(file).isFile()) {
        status.state = ProxyStatus::State::Ready;
        status.file = file;
        status.frameSize = proxyFrameSize(QSize(known->width, known->height), size);
    } else {
        status.state =
            known->reason.isEmpty() ? ProxyStatus::State::NotNeeded : ProxyStatus::State::Missing;
    }
    return status;
}

ProxyMap readyProxies(const Project& project, const QString& cacheDir, ProxySize size) {
    ProxyMap map;
    if (!QFileInfo(proxyFolder(cacheDir)).isDir())
        return map;
    const ProxyIndex index = ProxyIndex::load(cacheDir);
    for (const MediaRef& media : project.media) {
        if (!media.online)
            continue;
        const ProxyStatus status = proxyStatus(index, cacheDir, media, size);
        if (status.state == ProxyStatus::State::Ready)
            map.insert(media.path, status.file);
    }
    return map;
}

} // namespace retake
