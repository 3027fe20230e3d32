#pragma once

// Storyboard thumbnails: a frame of a media file, decoded with openMedia on a
// background thread and scaled down. thumbnail() answers from the cache at
// once and starts a decode for a frame it has not seen; thumbnailReady()
// follows on the GUI thread.

#include "core/rational.h"
#include "media/media.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QThreadPool>

namespace retake::gui {

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(int width, QObject* parent = nullptr);
    ~ThumbnailCache() override;

    // A null image while it loads or when the file cannot be read (then
    // error() says why).
    // `kind`: the media's, so a still imported alone is not opened as the
    // sequence its name is numbered like.
    QImage thumbnail(const QString& mediaPath, FrameNumber frame,
                     MediaKind kind = MediaKind::Video);
    QString error(const QString& mediaPath, FrameNumber frame) const;
    int width() const { return width_; }
    bool isLoading() const { return !loading_.isEmpty(); }
    // The file changed on disk (a blocking re-render): its thumbnails are
    // dropped and thumbnailReady() asks the views to fetch them again.
    void forget(const QString& mediaPath);

Q_SIGNALS:
    void thumbnailReady(const QString& mediaPath, retake::FrameNumber frame);

private:
    struct Result {
        QImage image;
        QString error;
    };
    static QString key(const QString& mediaPath, FrameNumber frame);

    int width_;
    QHash<QString, Result> done_;
    QSet<QString> loading_;
    QThreadPool pool_;
};

} // namespace retake::gui
