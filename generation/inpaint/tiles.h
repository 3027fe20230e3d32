#pragma once

// Spatial tiles: a frame too large for an engine's working set is cut into
// overlapping tiles, each run on its own and cross-faded back together.

#include <vector>

namespace retake::generation::detail {

// Tile origins covering `size` with tiles of `tile` px overlapping by at least
// `overlap` px; {0} when one tile covers it (tile 0 = the whole size).
std::vector<int> tileStarts(int size, int tile, int overlap);

// Cross-fade weights along one side of a tile: 1 inside, ramping to near 0
// over `overlap` px at an end shared with a neighbouring tile.
std::vector<float> tileRamp(int size, int overlap, bool sharedStart, bool sharedEnd);

} // namespace retake::generation::detail
