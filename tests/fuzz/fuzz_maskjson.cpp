// Fuzz target: painted masks as the project file stores them
// (paintedMaskFromJson), then the JSON written for a parsed mask must read back.

#include "fuzzsupport.h"
#include "mask/maskjson.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    retake::fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace retake;
    const QJsonDocument json = QJsonDocument::fromJson(fuzz::bytes(data, size));
    if (!json.isObject())
        return 0;
    // projectfile.cpp's Reader::fail throws Error(BadInput); so does this one.
    const MaskJsonFail fail = [](const QString& where, const QString& problem) {
        throw Error(ErrorKind::BadInput, where + QStringLiteral(": ") + problem);
    };
    PaintedMask mask;
    try {
        mask = paintedMaskFromJson(json.object(), QStringLiteral("painted"), fail);
    } catch (const Error&) {
        return 0;
    }
    paintedMaskFromJson(paintedMaskToJson(mask), QStringLiteral("painted"), fail);
    return 0;
}
