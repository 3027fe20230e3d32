#include "mediaio/writemedia.h"

#include "core/atomicfile.h"
#include "core/error.h"
#include "ffmpeg/imagefile.h"
#include "ffmpeg/videoencoder.h"
#include "openexr/exrfile.h"

#include <QFileInfo>

namespace retake {

std::unique_ptr<VideoEncoder> createVideoEncoder(const QString& path,
                                                 const EncodeSettings& settings) {
    return ffmpeg::createVideoEncoder(path, settings);
}

void writeImageFile(const QString& path, const Image& image, const ImageWriteOptions& options) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("exr")) {
        TemporaryTarget target(path);
        openexr::writeExr(target.path(), image, options, path);
        target.commit();
        return;
    }
    ffmpeg::ImageCodec codec;
    if (suffix == QLatin1String("png"))
        codec = ffmpeg::ImageCodec::Png;
    else if (suffix == QLatin1String("tif") || suffix == QLatin1String("tiff"))
        codec = ffmpeg::ImageCodec::Tiff;
    else if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        codec = ffmpeg::ImageCodec::Jpeg;
    else
        throw Error(ErrorKind::Usage, QStringLiteral("%1: cannot write '.%2' images; use .png, "
                                                     ".exr, .tif or .jpg")
                                          .arg(path, suffix));
    // Encode first: a bad image is a usage error and must not leave a file.
    const QByteArray bytes = ffmpeg::encodeImage(image, codec);
    TemporaryTarget target(path);
    writeBytes(target.path(), bytes, path);
    target.commit();
}

} // namespace retake
