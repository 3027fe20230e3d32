#pragma once

// OpenTimelineIO .otio, read and written through OpenTimelineIO's own C++
// library (the reference implementation: schemas and their upgrades, rational
// time, OTIO's JSON with its Inf and NaN tokens). This folder is the only one
// that includes OTIO's headers (tests/architecture/check_layers.py); this
// header shows none of them.
//
//   Timeline -> Stack -> Track (Video / Audio)
//                          -> Clip (ExternalReference, Marker) | Gap
//
// Shots are clips whose source_range is the shot's media frames, at the
// media's rate (Retake plays media frame for frame at the project rate).
// Lock ranges are markers named "locked" (RED) in the clip's source frames.
// What OTIO has no field for (shot and media IDs, prompt, notes, camera,
// takes, active takes, masks) travels in metadata["retake"], so an export
// imports back unchanged. Rates are doubles in OTIO: 24000/1001 is written as
// 23.976023976..., and the exact rational is kept in metadata["retake"] and
// recovered from the double when a file comes from elsewhere.
//
// Files from other tools: what Retake has no field for (their metadata,
// effects, markers other than locks, MissingReference and GeneratorReference
// media, gaps in video tracks) is kept on the shot, clip, track or project as
// OTIO's JSON (the `otio` fields of model/project.h) and written back on
// export; markers also show on the timeline (otiomarkers.h). Clips without
// usable media become offline shots the user can relink. Video gaps become
// shots of gap media (MediaKind::Gap: no file, black frames; Retake's video
// tracks hold shots end to end), so later clips keep their timeline position;
// they are written back as gaps. Transitions are
// dropped (the cut stays where OTIO puts it) and nested stacks and tracks are
// flattened the way OTIO's flatten_stack does. Every one of these is a line of
// the import's report.

#include "core/progress.h"
#include "model/project.h"

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QVector>

namespace retake {

// One item of an import, and what became of it.
struct OtioReportLine {
    enum class Outcome { Kept, Changed, Dropped };
    Outcome outcome = Outcome::Kept;
    QString item; // "V1 clip \"Shot A\"", "A1 gap at 00:00:01", "timeline"
    QString what; // "frames 100-104 of offline media", "closed", ...

    // "kept: V1 clip "A": frames 2-11" (not translated at the start, so
    // scripts can match the outcome).
    QString toString() const;
    bool operator==(const OtioReportLine& o) const {
        return outcome == o.outcome && item == o.item && what == o.what;
    }
};

struct OtioImport {
    Project project;
    // Item by item, track by track in the file's order (a track's nested
    // stacks first, as they are flattened before its items are read).
    QVector<OtioReportLine> report;

    // The report's lines of one outcome, as text.
    QStringList lines(OtioReportLine::Outcome outcome) const;
};

// Builds a project from an .otio file. Media is probed from disk; clips whose
// file is missing, or that name none, stay in the project as offline media
// sized by their available (else source) range. Throws Error(BadInput) naming
// the file and the problem (not OTIO's JSON, not a Timeline, a range Retake
// cannot hold, Retake metadata out of range, naming the field, ...).
OtioImport readOtioFile(const QString& path);
OtioImport otioToProject(const QByteArray& otioJson, const QString& fileForMessages);
// The same with relative media URLs resolved in `mediaBase`.
OtioImport otioToProject(const QByteArray& otioJson, const QString& fileForMessages,
                         const QDir& mediaBase);

// OpenTimelineIO bundles (.otioz): a zip of content.otio and its media under
// media/, as OpenTimelineIO's own otioz adapter writes them.
bool isOtioBundle(const QString& path); // by its suffix
// The folder a bundle's media is unpacked into, beside it: "edit.otioz" ->
// "edit.otioz.media/" (holding media/...).
QString otioBundleMediaFolder(const QString& bundle);
// Unpacks the bundle's media into otioBundleMediaFolder() (files already
// there with the same size are reused; others of those names refuse the
// import, naming them) and reads its timeline, media from there. Entries
// naming a place outside that folder refuse the bundle.
// `progress` (optional) hears how far the unpacking is and can cancel it
// (Error(Cancelled); what was unpacked whole stays, for the next try).
OtioImport readOtioBundle(const QString& bundle, const Progress* progress = nullptr);
// The project's timeline with every media file it uses inside media/ (a
// sequence's every frame), each reference pointing there. Two files of one
// name are refused, naming both; offline media stays a reference to where it
// was. Atomic.
void writeOtioBundle(const Project& project, const QString& path,
                     const Progress* progress = nullptr);

// OTIO's JSON of the project's timeline.
QByteArray projectToOtio(const Project& project);
// Atomic (a temporary file in the same folder, renamed). Throws
// Error(Output) naming the file.
void writeOtioFile(const Project& project, const QString& path);

// 24 -> 24/1, 23.976023976023978 -> 24000/1001, 29.97 -> 30000/1001.
Rational rateFromOtio(double rate);

} // namespace retake
