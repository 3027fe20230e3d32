#include "storyboard/thumbnailcache.h"

#include "common/imageconvert.h"
#include "core/error.h"
#include "media/media.h"
#include "mediaio/openmedia.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace retake::gui {

ThumbnailCache::ThumbnailCache(int width, QObject* parent)
    : QObject(parent)
    , width_(width) {
    // The machine's cores belong to playback and generation first.
    pool_.setMaxThreadCount(1);
}

ThumbnailCache::~ThumbnailCache() {
    pool_.clear();
    pool_.waitForDone();
}

QString ThumbnailCache::key(const QString& mediaPath, FrameNumber frame) {
    return mediaPath + QLatin1Char('#') + QString::number(frame);
}

QImage ThumbnailCache::thumbnail(const QString& mediaPath, FrameNumber frame, MediaKind kind) {
    const QString k = key(mediaPath, frame);
    if (auto it = done_.constFind(k); it != done_.constEnd())
        return it->image;
    if (loading_.contains(k) || mediaPath.isEmpty())
        return {};
    loading_.insert(k);
    const int width = width_;
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, k, mediaPath, frame] {
        done_.insert(k, watcher->result());
        loading_.remove(k);
        watcher->deleteLater();
        Q_EMIT thumbnailReady(mediaPath, frame);
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [mediaPath, frame, width, kind]() -> Result {
        try {
            const auto reader = openMedia(mediaPath, kind);
            const QImage picture = toQImage(reader->readFrame(frame));
            return {picture.scaledToWidth(width, Qt::SmoothTransformation), QString()};
        } catch (const Error& e) {
            return {QImage(), e.message()};
        } catch (const std::exception& e) {
            return {QImage(), QString::fromLocal8Bit(e.what())};
        }
    }));
    return {};
}

void ThumbnailCache::forget(const QString& mediaPath) {
    const QString prefix = mediaPath + QLatin1Char('#');
    QList<FrameNumber> frames;
    for (auto it = done_.begin(); it != done_.end();) {
        if (it.key().startsWith(prefix)) {
            frames << it.key().mid(prefix.size()).toLongLong();
            it = done_.erase(it);
        } else {
            ++it;
        }
    }
    for (FrameNumber frame : frames)
        Q_EMIT thumbnailReady(mediaPath, frame);
}

QString ThumbnailCache::error(const QString& mediaPath, FrameNumber frame) const {
    return done_.value(key(mediaPath, frame)).error;
}

} // namespace retake::gui
