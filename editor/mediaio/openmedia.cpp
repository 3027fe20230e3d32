#include "mediaio/openmedia.h"

#include "core/error.h"
#include "ffmpeg/audioreader.h"
#include "ffmpeg/imagefile.h"
#include "ffmpeg/videoreader.h"
#include "media/fileutil.h"
#include "media/imagesequence.h"
#include "openexr/exrfile.h"

#include <QFile>
#include <QFileInfo>
#include <cstring>

namespace retake {

namespace {

enum class FileType { Exr, Image, Video };

QByteArray readHead(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(path, QStringLiteral("cannot open: %1").arg(file.errorString()));
    return file.read(16);
}

// Content first, the name second: a PNG renamed .jpg is still a PNG, but a
// container's first bytes are too varied to list, so video is what is left.
FileType classify(const QString& path, const QByteArray& head) {
    if (openexr::hasExrMagic(head))
        return FileType::Exr;
    const QString suffix = QFileInfo(path).suffix().toLower();
    static const QStringList videoSuffixes = {
        QStringLiteral("mov"),   QStringLiteral("mp4"), QStringLiteral("m4v"),
        QStringLiteral("mkv"),   QStringLiteral("mxf"), QStringLiteral("avi"),
        QStringLiteral("webm"),  QStringLiteral("mts"), QStringLiteral("m2ts"),
        QStringLiteral("ts"),    QStringLiteral("mpg"), QStringLiteral("mpeg"),
        QStringLiteral("mjpeg"), QStringLiteral("nut")};
    if (videoSuffixes.contains(suffix))
        return FileType::Video;
    auto startsWith = [&](const char* magic, int size) {
        return head.size() >= size && std::memcmp(head.constData(), magic, size) == 0;
    };
    if (startsWith("\x89PNG\r\n\x1a\n", 8) || startsWith("\xff\xd8\xff", 3) ||
        startsWith("II*\0", 4) || startsWith("MM\0*", 4) || startsWith("SDPX", 4) ||
        startsWith("XPDS", 4))
        return FileType::Image;
    static const QStringList imageSuffixes = {QStringLiteral("png"),  QStringLiteral("jpg"),
                                              QStringLiteral("jpeg"), QStringLiteral("tif"),
                                              QStringLiteral("tiff"), QStringLiteral("dpx"),
                                              QStringLiteral("bmp"),  QStringLiteral("tga"),
                                              QStringLiteral("webp"), QStringLiteral("exr")};
    if (imageSuffixes.contains(suffix))
        return suffix == QLatin1String("exr") ? FileType::Exr : FileType::Image;
    return FileType::Video;
}

ImageDecodeFunction decoderFor(FileType type) {
    if (type == FileType::Exr)
        return [](const QString& path, MediaInfo* info) { return openexr::readExr(path, info); };
    // Shared so a sequence reuses one decoder for all its files.
    auto decoder = std::make_shared<ffmpeg::ImageFileDecoder>();
    return [decoder](const QString& path, MediaInfo* info) { return decoder->decode(path, info); };
}

} // namespace

std::unique_ptr<MediaReader> openMedia(const QString& path) {
    requireReadableFile(path);
    const FileType type = classify(path, readHead(path));
    if (type == FileType::Video)
        return ffmpeg::openVideo(path);

    std::optional<SequenceScan> scan;
    try {
        scan = scanSequence(path);
    } catch (const Error&) {
        // A gap among other numbered files is a broken sequence only when
        // the named file is part of a run; a still that merely shares its
        // folder with numbered files (logo_1.png beside logo_5.png) opens
        // as itself.
        if (hasNumberedNeighbour(path))
            throw;
    }
    if (scan && scan->count() > 1)
        return openImageSequence(*scan, decoderFor(type));
    return openStill(path, decoderFor(type));
}

std::unique_ptr<MediaReader> openMedia(const QString& path, MediaKind kind) {
    if (kind == MediaKind::Gap) // its frames are made, not read (timeline/framesource.h)
        throw Error(ErrorKind::Usage, QStringLiteral("a gap in the edit has no file to open"));
    return kind == MediaKind::Still ? openImageFile(path) : openMedia(path);
}

std::unique_ptr<MediaReader> openImageFile(const QString& path) {
    requireReadableFile(path);
    const FileType type = classify(path, readHead(path));
    if (type == FileType::Video)
        throwBadInput(path, QStringLiteral("is not an image file"));
    return openStill(path, decoderFor(type));
}

std::unique_ptr<AudioReader> openAudio(const QString& path) {
    requireReadableFile(path);
    if (classify(path, readHead(path)) != FileType::Video)
        return nullptr;
    return ffmpeg::openAudio(path);
}

} // namespace retake
