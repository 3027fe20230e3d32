#pragma once

// Numbered image files ("shot_0007.png") found from the name of one of them.

#include "media/media.h"

#include <functional>
#include <optional>

namespace retake {

struct SequenceScan {
    QString directory; // absolute
    QString prefix;    // "shot_"
    QString suffix;    // ".png"
    int padding = 0;   // digits of zero padding; 0 = unpadded ("%d")
    std::int64_t first = 0;
    std::int64_t last = 0;

    std::int64_t count() const { return last - first + 1; }
    // printf-style pattern of the file names: "shot_%04d.png" (% escaped as %%).
    QString pattern() const;
    QString filePath(std::int64_t number) const;
};

// The sequence `path` belongs to: all files in its directory with the same
// prefix, suffix and padding and any number. nullopt when the name has no
// number before its extension. A single matching file is a sequence of one.
// Throws Error(BadInput) naming the pattern and the missing numbers when the
// numbers have a gap.
std::optional<SequenceScan> scanSequence(const QString& path);

// Whether the file next to `path` in numbering (one less or one more, same
// prefix, suffix and width) exists: false for a numbered still that merely
// shares its folder with other numbered files.
bool hasNumberedNeighbour(const QString& path);

// Decodes one file of a sequence or a still; fills `info` when given.
using ImageDecodeFunction = std::function<Image(const QString& path, MediaInfo* info)>;

// A sequence of two or more files (MediaKind::ImageSequence).
std::unique_ptr<MediaReader> openImageSequence(const SequenceScan& scan,
                                               ImageDecodeFunction decode);

// One image file (MediaKind::Still, one frame).
std::unique_ptr<MediaReader> openStill(const QString& path, ImageDecodeFunction decode);

} // namespace retake
