// Fuzz target: the .retake project file (parseProject), then what Retake
// writes for a parsed project must read back (serializeProject round trip).

#include "fuzzsupport.h"
#include "projectfile/projectfile.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    retake::fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace retake;
    // Relative media paths resolve against this folder, where no media is.
    const QString path = fuzz::scratchDir() + QStringLiteral("/fuzz.retake");
    Project project;
    try {
        project = parseProject(fuzz::bytes(data, size), path);
    } catch (const Error&) {
        return 0;
    }
    // A project that parsed is one Retake can hold, so its own file for it
    // must parse again; an Error here is a finding, so it is not caught.
    parseProject(serializeProject(project, path), path);
    return 0;
}
