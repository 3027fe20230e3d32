#include "mediacolour.h"

#include "core/error.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace retake {

QString automaticInputSpace(const ColourPipeline& pipeline, const MediaRef& media) {
    return pipeline.inputSpaceFor(media.path, media.colour);
}

QString mediaInputSpace(const ColourPipeline& pipeline, const MediaRef& media) {
    if (media.inputSpace.isEmpty())
        return automaticInputSpace(pipeline, media);
    try {
        return pipeline.colourSpaceName(media.inputSpace);
    } catch (const Error& e) {
        throw Error(
            ErrorKind::Usage,
            tr("%1: input colour space: %2").arg(QFileInfo(media.path).fileName(), e.message()));
    }
}

} // namespace retake
