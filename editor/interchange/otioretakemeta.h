#pragma once

// Retake's own metadata of a shot in an .otio file (metadata["retake"]): what
// OTIO has no field for (IDs, prompt, notes, camera, masks, takes, active
// takes), exact, so that an export imports back unchanged.

#include "model/project.h"

#include <QJsonObject>

namespace retake {

class OtioRetakeMeta {
public:
    explicit OtioRetakeMeta(const QString& fileForMessages)
        : file_(fileForMessages) {}

    // Fills the shot's fields from its clip's metadata["retake"]. Frame
    // ranges are read by the project file's rule (core/jsonnumbers.h): a
    // number a project cannot hold refuses the import, naming the field,
    // rather than being clamped into a project that then refuses to load.
    void readShot(const QJsonObject& meta, Shot& shot) const;

    static QJsonObject shotMetadata(const Shot& shot);

private:
    FrameRange range(const QJsonValue& v, const QString& where) const;

    QString file_;
};

} // namespace retake
