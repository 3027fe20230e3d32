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

namespace {

// The image with its alpha in the convention of the file it goes into: a
// copy only when that differs.
const Image& withAlphaAssociation(const Image& image, bool premultiplied, Image& converted) {
    if (image.channels != 4 || image.alphaIsPadding || image.alphaPremultiplied == premultiplied)
        return image;
    converted = image;
    convertAlphaAssociation(converted, premultiplied);
    return converted;
}

} // namespace

void writeImageFile(const QString& path, const Image& given, const ImageWriteOptions& options) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    Image converted;
    if (suffix == QLatin1String("exr")) {
        // OpenEXR's alpha is associated; PNG, TIFF and JPEG colour is straight.
        const Image& image = withAlphaAssociation(given, true, converted);
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
    const QByteArray bytes =
        ffmpeg::encodeImage(withAlphaAssociation(given, false, converted), codec);
    TemporaryTarget target(path);
    writeBytes(target.path(), bytes, path);
    target.commit();
}

} // namespace retake
