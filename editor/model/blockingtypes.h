#pragma once

// A blocking scene for previs: simple shapes placed in metres, lit by a sun
// and a sky, rendered through the shot's camera by generation/blocking
// (editor/camera/blockingrender.h). World axes as in cameratypes.h (Z up).
//
// Every object stands on its `position`: the centre of its base. A sphere's
// centre is position + (0, 0, radius), so a sphere at z = 0 rests on the ground.

#include "model/cameratypes.h"

#include <QString>
#include <QVector>

namespace retake {

enum class BlockingShape { Box, Wall, Cylinder, Sphere, Person };

struct BlockingObject {
    int id = 2;   // written to the object-ID pass; 0 = sky, 1 = ground
    QString name; // unique in the scene; how the CLI refers to it
    BlockingShape shape = BlockingShape::Box;
    Vec3 position;              // metres, centre of the base
    Vec3 size{1, 1, 1};         // box/wall: width (x), depth (y), height (z) before yaw;
                                // cylinder: diameter, -, height; sphere: diameter;
                                // person: -, -, standing height (shoulders scale with it)
    double yawDeg = 0;          // about +Z, counter-clockwise seen from above
    Vec3 colour{0.6, 0.6, 0.6}; // linear RGB albedo, 0..1

    bool operator==(const BlockingObject& o) const {
        return id == o.id && name == o.name && shape == o.shape && position == o.position &&
               size == o.size && yawDeg == o.yawDeg && colour == o.colour;
    }
    bool operator!=(const BlockingObject& o) const { return !(*this == o); }
};

struct BlockingScene {
    bool enabled = false; // the shot is a blocking shot
    bool ground = true;   // an infinite plane at z = 0
    Vec3 groundColour{0.32, 0.30, 0.27};
    // Direction towards the sun, in the pan convention (0 = +Y, positive
    // counter-clockwise seen from above) and degrees above the horizon.
    double sunAzimuthDeg = 135;
    double sunElevationDeg = 40;
    double sunIntensity = 1.0;
    Vec3 skyColour{0.45, 0.62, 0.90}; // zenith; the horizon is lighter
    bool shadows = true;
    QVector<BlockingObject> objects;

    const BlockingObject* find(const QString& name) const {
        for (const auto& o : objects)
            if (o.name == name)
                return &o;
        return nullptr;
    }
    bool operator==(const BlockingScene& o) const {
        return enabled == o.enabled && ground == o.ground && groundColour == o.groundColour &&
               sunAzimuthDeg == o.sunAzimuthDeg && sunElevationDeg == o.sunElevationDeg &&
               sunIntensity == o.sunIntensity && skyColour == o.skyColour && shadows == o.shadows &&
               objects == o.objects;
    }
    bool operator!=(const BlockingScene& o) const { return !(*this == o); }
};

} // namespace retake
