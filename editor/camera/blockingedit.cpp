#include "camera/blockingedit.h"

#include "camera/camerajson.h"

#include <algorithm>

namespace retake {

Vec3 defaultBlockingSize(BlockingShape shape) {
    switch (shape) {
    case BlockingShape::Box:
        return {1, 1, 1};
    case BlockingShape::Wall:
        return {4, 0.15, 2.7};
    case BlockingShape::Cylinder:
        return {0.5, 0.5, 1};
    case BlockingShape::Sphere:
        return {0.5, 0.5, 0.5};
    case BlockingShape::Person:
        return {0.45, 0.3, 1.75};
    }
    return {1, 1, 1};
}

int nextBlockingObjectId(const BlockingScene& scene) {
    int id = 2;
    for (const auto& o : scene.objects)
        id = std::max(id, o.id + 1);
    return id;
}

QString freeBlockingObjectName(const BlockingScene& scene, BlockingShape shape) {
    const QString base = toString(shape);
    if (!scene.find(base))
        return base;
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!scene.find(name))
            return name;
    }
}

BlockingObject newBlockingObject(const BlockingScene& scene, BlockingShape shape,
                                 const Vec3& position) {
    BlockingObject o;
    o.id = nextBlockingObjectId(scene);
    o.name = freeBlockingObjectName(scene, shape);
    o.shape = shape;
    o.position = position;
    o.size = defaultBlockingSize(shape);
    return o;
}

} // namespace retake
