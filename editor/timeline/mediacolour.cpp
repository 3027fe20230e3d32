#include "mediacolour.h"

#include "core/error.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace retake {

QString automaticInputSpace(const ColorPipeline& pipeline, const MediaRef& media) {
    return pipeline.inputSpaceFor(media.path, media.color);
}

QString mediaInputSpace(const ColorPipeline& pipeline, const MediaRef& media) {
    if (media.inputSpace.isEmpty())
        return automaticInputSpace(pipeline, media);
    try {
        return pipeline.colorSpaceName(media.inputSpace);
    } catch (const Error& e) {
        throw Error(
            ErrorKind::Usage,
            tr("%1: input colour space: %2").arg(QFileInfo(media.path).fileName(), e.message()));
    }
}

} // namespace retake
