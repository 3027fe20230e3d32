// Fuzz target: shot descriptions ("MS 35mm dolly in 2s, two people at a
// table, dusk"), the grammar and the scene and camera built from it.

#include "camera/shotdescription.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    retake::fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace retake;
    // Both the limit of an existing shot and the no-limit case of a shot made
    // from the description: a written duration is checked only against one.
    ShotDescriptionSettings existing;
    ShotDescriptionSettings unlimited;
    unlimited.shotFrames = 0;
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    for (const ShotDescriptionSettings& settings : {existing, unlimited}) {
        try {
            describeShot(text, Camera{}, settings);
        } catch (const Error&) {
        }
    }
    return 0;
}
