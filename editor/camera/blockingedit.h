#pragma once

// Helpers for editing a blocking scene (blockingtypes.h) that the CLI and the
// inspector share: default sizes per shape and new objects with a free name
// and ID. The edits themselves go through Document (one undo step each).

#include "model/blockingtypes.h"

namespace retake {

// A shape's size when none is given: box 1 m cube; wall 4 m wide, 15 cm
// thick, 2.7 m high; cylinder 0.5 m across, 1 m high; sphere 0.5 m across;
// person 1.75 m tall (0.45 m shoulders, 0.3 m deep).
Vec3 defaultBlockingSize(BlockingShape shape);

// One above the highest ID the scene uses (at least 2).
int nextBlockingObjectId(const BlockingScene& scene);

// "box", "box 2", "box 3", ...: the first name of that shape that `scene`
// does not use yet.
QString freeBlockingObjectName(const BlockingScene& scene, BlockingShape shape);

// A new object of `shape` at `position` with the default size, a free name
// and the next ID; not added to the scene.
BlockingObject newBlockingObject(const BlockingScene& scene, BlockingShape shape,
                                 const Vec3& position = {});

} // namespace retake
