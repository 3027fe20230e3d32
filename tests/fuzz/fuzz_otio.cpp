// Fuzz target: OpenTimelineIO import (otioToProject) from .otio JSON, through
// OpenTimelineIO's own reader (its JSON has Inf and NaN; Qt's has not).
//
// The importer probes every media file a clip names. In the libFuzzer build
// openMedia is offlinemedia.cpp's, which treats every file as missing, so
// fuzzed paths (absolute, "..", /dev/...) never open anything and every clip
// goes through the offline-media path. The replay test links the real one and
// only runs checked-in inputs, whose paths do not exist.

#include "fuzzsupport.h"
#include "interchange/otio.h"
#include "projectfile/projectfile.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    retake::fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace retake;
    const QString file = fuzz::scratchDir() + QStringLiteral("/fuzz.otio");
    OtioImport imported;
    try {
        imported = otioToProject(fuzz::bytes(data, size), file);
    } catch (const Error&) {
        return 0;
    }
    // An imported project is saved as a .retake and exported as .otio again
    // by the CLI; both must work on whatever the importer accepted.
    const QString projectPath = fuzz::scratchDir() + QStringLiteral("/fuzz.retake");
    parseProject(serializeProject(imported.project, projectPath), projectPath);
    projectToOtio(imported.project);
    return 0;
}
