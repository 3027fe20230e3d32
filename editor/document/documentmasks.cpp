// Document's painted-mask edits: each one undo step, validated first so a
// refused edit changes nothing (Document::apply works on a copy).
#include "core/error.h"
#include "document/document.h"
#include "document/documentmessages.h"

#include <QCoreApplication>

namespace retake {

namespace {

using documentdetail::tr;
using documentdetail::usage;

void checkWithinMask(const MaskRef& mask, FrameRange range) {
    if (range.isEmpty())
        usage(tr("The frame range is empty."));
    if (!mask.range.contains(range))
        usage(tr("Frames %1 are outside the mask (frames %2).")
                  .arg(range.toInclusiveString(), mask.range.toInclusiveString()));
}

void checkShape(const MaskRef& mask, const MaskShape& shape) {
    const QString problem = shape.problem();
    if (!problem.isEmpty())
        usage(tr("The %1 cannot be painted: %2.").arg(toString(shape.kind), problem));
    for (const FrameRange& r : shape.frames.ranges())
        checkWithinMask(mask, r);
}

MaskShape& shapeOrThrow(MaskRef& mask, const Id& shapeId) {
    MaskShape* shape = mask.painted.findShape(shapeId);
    if (!shape)
        usage(tr("The mask has no shape with ID %1.").arg(idToString(shapeId)));
    return *shape;
}

} // namespace

void Document::editPaintedMask(const QString& text, const Id& shotId, const Id& maskId,
                               const std::function<void(const Shot&, MaskRef&)>& edit) {
    apply(text, [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        if (maskId.isNull()) { // the first paint on a shot starts its mask in the same step
            MaskRef mask;
            mask.id = newId();
            mask.range = shot.source;
            edit(shot, mask);
            shot.masks.push_back(mask);
            return;
        }
        for (MaskRef& mask : shot.masks) {
            if (mask.id != maskId)
                continue;
            if (!mask.isPainted())
                usage(tr("Mask %1 of shot \"%2\" is a file mask (%3); paint on a painted mask.")
                          .arg(idToString(maskId), shot.name, mask.path));
            edit(shot, mask);
            return;
        }
        usage(tr("Shot \"%1\" has no mask with ID %2.").arg(shot.name, idToString(maskId)));
    });
}

Id Document::addPaintedMask(const Id& shotId, FrameRange range) {
    const Id maskId = newId();
    apply(tr("Add painted mask"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        const FrameRange frames = range.isEmpty() ? shot.source : range;
        if (!shot.source.contains(frames))
            usage(tr("Frames %1 are outside shot \"%2\" (frames %3).")
                      .arg(frames.toInclusiveString(), shot.name, shot.source.toInclusiveString()));
        MaskRef mask;
        mask.id = maskId;
        mask.range = frames;
        shot.masks.push_back(mask);
    });
    return maskId;
}

Id Document::addMaskShape(const Id& shotId, const Id& maskId, MaskShape shape) {
    if (shape.id.isNull())
        shape.id = newId();
    editPaintedMask(
        tr("Paint %1").arg(toString(shape.kind)), shotId, maskId, [&](const Shot&, MaskRef& mask) {
            if (mask.painted.findShape(shape.id))
                usage(tr("The mask already has a shape with ID %1.").arg(idToString(shape.id)));
            checkShape(mask, shape);
            mask.painted.shapes.push_back(shape);
        });
    return shape.id;
}

void Document::replaceMaskShape(const Id& shotId, const Id& maskId, const MaskShape& shape) {
    editPaintedMask(tr("Change %1").arg(toString(shape.kind)), shotId, maskId,
                    [&](const Shot&, MaskRef& mask) {
                        MaskShape& existing = shapeOrThrow(mask, shape.id);
                        checkShape(mask, shape);
                        existing = shape;
                    });
}

void Document::removeMaskShape(const Id& shotId, const Id& maskId, const Id& shapeId) {
    editPaintedMask(tr("Remove mask shape"), shotId, maskId, [&](const Shot&, MaskRef& mask) {
        shapeOrThrow(mask, shapeId);
        mask.painted.shapes.erase(
            std::remove_if(mask.painted.shapes.begin(), mask.painted.shapes.end(),
                           [&](const MaskShape& s) { return s.id == shapeId; }),
            mask.painted.shapes.end());
    });
}

void Document::setMaskShapeKey(const Id& shotId, const Id& maskId, const Id& shapeId,
                               FrameNumber frame, const MaskGeometry& points) {
    editPaintedMask(tr("Set shape key"), shotId, maskId, [&](const Shot&, MaskRef& mask) {
        MaskShape& shape = shapeOrThrow(mask, shapeId);
        if (!shape.hasGeometry())
            usage(tr("A %1 shape has no points to key.").arg(toString(shape.kind)));
        if (!mask.range.contains(frame))
            usage(tr("Frame %1 is outside the mask (frames %2).")
                      .arg(frame)
                      .arg(mask.range.toInclusiveString()));
        const bool onlyKeyReplaced = shape.keys.size() == 1 && shape.keys.contains(frame);
        if (!shape.keys.isEmpty() && !onlyKeyReplaced && shape.keys.first().size() != points.size())
            usage(tr("The key has %1 points but the shape's other keys have %2; key frames "
                     "interpolate point by point, so they need the same number.")
                      .arg(points.size())
                      .arg(shape.keys.first().size()));
        shape.keys.insert(frame, points);
        checkShape(mask, shape);
    });
}

void Document::removeMaskShapeKey(const Id& shotId, const Id& maskId, const Id& shapeId,
                                  FrameNumber frame) {
    editPaintedMask(tr("Delete shape key"), shotId, maskId, [&](const Shot&, MaskRef& mask) {
        MaskShape& shape = shapeOrThrow(mask, shapeId);
        if (!shape.keys.contains(frame)) {
            QStringList keys;
            for (FrameNumber key : shape.keys.keys())
                keys << QString::number(key);
            usage(tr("The %1 has no key at frame %2 (its keys: %3).")
                      .arg(toString(shape.kind))
                      .arg(frame)
                      .arg(keys.isEmpty() ? tr("none") : keys.join(QStringLiteral(", "))));
        }
        if (shape.keys.size() == 1)
            usage(tr("Frame %1 holds the only key of the %2, which needs its points on some "
                     "frame; delete the shape instead.")
                      .arg(frame)
                      .arg(toString(shape.kind)));
        // The neighbouring keys take over: the shape holds or moves between them.
        shape.keys.remove(frame);
        checkShape(mask, shape);
    });
}

void Document::fillMask(const Id& shotId, const Id& maskId, FrameRange range) {
    const Id shapeId = newId();
    editPaintedMask(tr("Fill mask"), shotId, maskId, [&](const Shot&, MaskRef& mask) {
        checkWithinMask(mask, range);
        mask.painted.fill(range, shapeId);
    });
}

void Document::invertMask(const Id& shotId, const Id& maskId, FrameRange range) {
    const Id shapeId = newId();
    editPaintedMask(tr("Invert mask"), shotId, maskId, [&](const Shot&, MaskRef& mask) {
        checkWithinMask(mask, range);
        mask.painted.invert(range, shapeId);
    });
}

void Document::clearMask(const Id& shotId, const Id& maskId, FrameRange range) {
    editPaintedMask(tr("Clear mask"), shotId, maskId, [&](const Shot&, MaskRef& mask) {
        checkWithinMask(mask, range);
        mask.painted.clear(range);
    });
}

void Document::copyMaskFrame(const Id& shotId, const Id& maskId, FrameNumber from, FrameRange to) {
    editPaintedMask(tr("Copy mask to frames"), shotId, maskId, [&](const Shot&, MaskRef& mask) {
        if (!mask.range.contains(from))
            usage(tr("Frame %1 is outside the mask (frames %2).")
                      .arg(from)
                      .arg(mask.range.toInclusiveString()));
        checkWithinMask(mask, to);
        mask.painted.copyFrame(from, to, &newId);
    });
}

} // namespace retake
