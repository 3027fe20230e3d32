#pragma once

// OpenTimelineIO .otio JSON, written and read with Qt's JSON classes to the
// published schema (no OTIO library in Retake; the tests read and write the
// files with the `opentimelineio` Python package):
//
//   Timeline.1 -> Stack.1 -> Track.1 (Video / Audio)
//                              -> Clip.2 (ExternalReference.1, Marker.2) | Gap.1
//
// Shots are clips whose source_range is the shot's media frames, at the
// project rate (Retake plays media frame for frame at the project rate).
// Lock ranges are Marker.2 (name "locked", RED) in the clip's source frames.
// What OTIO has no field for (shot and media IDs, prompt, notes, camera,
// takes, active takes, masks) travels in metadata["retake"], so an export
// imports back unchanged. Rates are doubles in OTIO: 24000/1001 is written
// as 23.976023976..., and the exact rational is kept in metadata["retake"]
// and recovered from the double when a file comes from elsewhere.

#include "model/project.h"

#include <QJsonObject>

namespace retake {

// The key under which OTIO's own writer keeps a clip's media reference.
inline const QString kOtioDefaultMediaKey = QStringLiteral("DEFAULT_MEDIA");

QJsonObject projectToOtio(const Project& project);
// Atomic (QSaveFile). Throws Error(Output) naming the file.
void writeOtioFile(const Project& project, const QString& path);

struct OtioImport {
    Project project;
    QStringList warnings; // what Retake could not keep (gaps in video tracks, ...)
};

// Builds a project from an .otio file. Media is probed from disk (clips whose
// file is missing stay in the project as offline media when the clip's
// available_range says how long the media is). Throws Error(BadInput) naming
// the file and the problem (not JSON, not a Timeline, a clip without a
// file reference, ...).
OtioImport readOtioFile(const QString& path);
OtioImport otioToProject(const QJsonObject& timeline, const QString& fileForMessages);

// 24 -> 24/1, 23.976023976023978 -> 24000/1001, 29.97 -> 30000/1001.
Rational rateFromOtio(double rate);

} // namespace retake
