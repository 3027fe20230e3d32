#pragma once

// What an export's Content Credentials say (c2pa/contentcredentials.h), made
// from its provenance (export/provenance.h) so the sidecar, the EXR headers
// and the signed manifest never disagree:
//   - the claim generator: Retake and its version;
//   - the source media, each an ingredient with its SHA-256: c2pa.opened
//     for one source (parentOf), c2pa.created (a composite) and c2pa.placed
//     for each of several;
//   - c2pa.edited per take shown, with IPTC's digital source type
//     (trainedAlgorithmicMedia for the engines that run a trained network:
//     model, shot-trained; algorithmicMedia for the others and for renders),
//     engine, seed, model file hash, prompt and the export's frames it made;
//   - c2pa.color_adjustments when the export was graded;
//   - com.retake.frames: which of the export's frames are untouched
//     originals, regenerated or rendered (frame ranges, 0 = the first).

#include "c2pa/contentcredentials.h"
#include "model/project.h"

#include <QJsonObject>
#include <QVector>

namespace retake {

// `provenance` is ProvenanceManifest::toJson(); `output` the signed file;
// `ingredients` what c2pa.opened names (credentialsIngredients).
QJsonObject credentialsManifest(const QJsonObject& provenance, const QString& output,
                                const QVector<CredentialIngredient>& ingredients);

// The media files the export's frames came from (each once, with the label
// the manifest's c2pa.opened names and its SHA-256 in the metadata). Those
// that carry Content Credentials of their own are marked: they go to
// signWithCredentials as ingredients read whole, so their manifests are kept
// (credentialsWithOwnManifests picks them); the rest are described in the
// manifest.
QVector<CredentialIngredient> credentialsIngredients(const Project& project,
                                                     const QJsonObject& provenance);

QVector<CredentialIngredient>
credentialsWithOwnManifests(const QVector<CredentialIngredient>& ingredients);

// "0-11, 24-30" from sorted frame indices.
QString frameRanges(const QVector<int>& frames);

} // namespace retake
