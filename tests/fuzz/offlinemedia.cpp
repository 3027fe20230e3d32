// openMedia, openImageFile, openAudio and trackShape for the libFuzzer
// build, in place of editor/mediaio/openmedia.cpp and the tracking run:
// every file is missing, as media on another machine is. Fuzzed OTIO and
// shell inputs name arbitrary paths (/dev/zero, a FIFO, the fuzzer's own
// binary); probing them would hang or fuzz FFmpeg, which is not the parser
// under test. The answer is the one openmedia.cpp gives for a missing file
// (requireReadableFile's Error(BadInput)), so the parsers take their
// offline-media paths.

#include "core/error.h"
#include "mediaio/openmedia.h"
#include "tracking/shapetracking.h"

namespace retake {

std::unique_ptr<MediaReader> openMedia(const QString& path) {
    throwBadInput(path, QStringLiteral("does not exist (fuzz build: media is never opened)"));
}

std::unique_ptr<MediaReader> openMedia(const QString& path, MediaKind) {
    return openMedia(path);
}

std::unique_ptr<MediaReader> openImageFile(const QString& path) {
    return openMedia(path);
}

// Tracking reads media, which this build never opens.
ShapeTrackResult trackShape(const Project&, const ShapeTrackRequest&, const Progress&) {
    throw Error(ErrorKind::BadInput,
                QStringLiteral("media is never opened in the fuzz build: nothing to track"));
}

std::unique_ptr<AudioReader> openAudio(const QString& path) {
    throwBadInput(path, QStringLiteral("does not exist (fuzz build: media is never opened)"));
}

} // namespace retake
