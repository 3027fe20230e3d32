#pragma once

// Painted masks in the project file (projectfile.cpp calls these):
//   "painted": { "shapes": [ { "id", "kind": "stroke"|"rectangle"|"ellipse"|
//                "polygon"|"fill"|"invert", "erase", "size", "hardness",
//                "frames": [[start, end], ...],
//                "keys": [ { "frame", "points": [x0, y0, x1, y1, ...] } ] } ] }
// Frames are media frames, [start, end); points are media pixels.

#include "model/paintedmask.h"

#include <QJsonObject>
#include <functional>

namespace retake {

QJsonObject paintedMaskToJson(const PaintedMask& mask);

// Reports a malformed field by its path ("shots[0].masks[1].painted.shapes[2].size");
// must throw (projectfile's Reader::fail does).
using MaskJsonFail = std::function<void(const QString& where, const QString& problem)>;
PaintedMask paintedMaskFromJson(const QJsonObject& o, const QString& where,
                                const MaskJsonFail& fail);

} // namespace retake
