#pragma once

// The camera export the interchange tests write and check in other tools:
// 25 frames at 23.976 fps from output frame 1001, clip planes 5 cm to 500 m.

#include "camera/cameraexport.h"

namespace retake::testing {

inline CameraExportSettings ntscCameraExport(int imageWidth, int imageHeight) {
    CameraExportSettings s;
    s.frames = {0, 24};
    s.firstOutputFrame = 1001;
    s.frameRate = Rational(24000, 1001);
    s.imageWidth = imageWidth;
    s.imageHeight = imageHeight;
    s.clipNearM = 0.05;
    s.clipFarM = 500;
    return s;
}

} // namespace retake::testing
