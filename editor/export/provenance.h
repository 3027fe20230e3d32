#pragma once

// Where every exported frame came from: the original media, a regeneration
// (which take, engine, seed, model file hash, prompt, mask file) or a render.
// Written as a JSON sidecar beside each export and summarised per frame in
// EXR headers, so a studio can account for every generated pixel.
//
// Sidecar schema "retake.provenance/1":
//   { schema, retakeVersion, created, project{id,name}, output, frameRate,
//     colour (transform per media, when graded),
//     summary{original, regenerated, rendered},
//     takes[{id, shot, engine, seed, modelHash, prompt, parameters, mask,
//            created}],
//     frames[{index, file?, timelineFrame?, timecode, shot, shotName,
//             mediaFrame, origin, take?, mask?}] }

#include "model/project.h"

#include <QJsonObject>
#include <QMap>

namespace retake {

enum class FrameOriginKind { Original, Regenerated, Rendered };
QString toString(FrameOriginKind kind); // "original", "regenerated", "rendered"
// A take from a render engine ("render", "render-blocking", ...) is a render;
// any other take is a regeneration; no take is the original.
FrameOriginKind originKindOf(const Take* take);

class ProvenanceManifest {
public:
    ProvenanceManifest(const Project& project, const QString& output);

    // Frame `index` of the export (0-based). `file` is the written file for
    // sequences, empty for movies; timelineFrame < 0 for a shot export.
    void addFrame(int index, const QString& file, const Shot& shot, FrameNumber mediaFrame,
                  FrameNumber timelineFrame);
    void setColour(const QMap<QString, QString>& transformPerMedia) { colour_ = transformPerMedia; }

    // One line for the frame's EXR header: "original" or
    // "regenerated take=<id> engine=<e> seed=<s> model=<sha256> mask=<file>".
    QString frameSummary(int index) const;
    QJsonObject toJson() const;
    // Atomically (QSaveFile). Throws Error(Output) naming the file.
    void write(const QString& path) const;

    // "out/shot_####.exr" -> "out/shot.provenance.json",
    // "out/film.mov" -> "out/film.mov.provenance.json".
    static QString sidecarPathFor(const QString& output, bool sequence);

private:
    QString maskFileFor(const Shot& shot, const Take& take, FrameNumber mediaFrame) const;

    const Project& project_;
    QString output_;
    QMap<QString, QString> colour_;
    QVector<QJsonObject> frames_;
    QMap<QString, QJsonObject> takes_; // by take ID
    int counts_[3] = {0, 0, 0};
};

} // namespace retake
