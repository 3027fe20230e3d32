#pragma once

// JSON of the camera's lens details, motion and blocking scene, used by
// projectfile.cpp inside the shot's "camera" and "blocking" objects. Every
// field is optional on reading (a missing one keeps its default), so project
// files written before these fields existed still load.

#include "model/blockingtypes.h"
#include "model/cameratypes.h"

#include <QJsonObject>
#include <functional>

namespace retake {

struct Camera;

// Reports a malformed field; must throw (projectfile's Reader::fail does).
using JsonFail = std::function<void(const QString& where, const QString& problem)>;

QString toString(BlockingShape shape); // "box", "wall", "cylinder", "sphere", "person"
bool blockingShapeFromString(const QString& text, BlockingShape* shape);

// The whole camera object of a shot, as the project file stores it.
QJsonObject cameraToJson(const Camera& camera);
QJsonObject lensDetailsToJson(const LensDetails& lens);
QJsonObject cameraMotionToJson(const CameraMotion& motion);
QJsonObject blockingSceneToJson(const BlockingScene& scene);

// Reads "lens" and "motion" of a camera object into `camera`, when present.
void readCameraDetails(const QJsonObject& cameraObject, const QString& where, Camera& camera,
                       const JsonFail& fail);
BlockingScene blockingSceneFromJson(const QJsonObject& object, const QString& where,
                                    const JsonFail& fail);

} // namespace retake
