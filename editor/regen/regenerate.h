#pragma once

// Partial regeneration of a shot's frame range into a new take. Reads the
// shot's frames and mask, hands them to a generation/ engine with the locked
// frames flagged, and writes the result into the project's cache folder. The
// caller records the returned Take (Document::addTake): this function changes
// no project and no media, and on failure or cancel leaves no take folder.

#include "core/progress.h"
#include "model/project.h"
#include "retake/generation/frames.h"

#include <QMap>
#include <QStringList>
#include <functional>
#include <optional>

namespace retake {

struct RegenRequest {
    Id shotId;
    FrameRange range; // media frames
    QString engine = QStringLiteral("propagate");
    QMap<QString, QString> parameters; // engine parameters, "name" -> value
    qint64 seed = 0;
    QString prompt;
    Id maskId;             // default: the shot's newest mask
    QString referencePath; // optional clean plate (image file)
    // Pins the plate to a moving surface (regen/pinnedplate.h): a painted
    // mask shape of this shot that follows the surface (a planar track), and
    // the media frame the plate shows it as (-1: the range's first frame).
    Id referenceFollows;
    FrameNumber referenceFrame = -1;
    QString device = QStringLiteral("cpu");
    int contextFrames = 12; // unlocked-but-untouched neighbours the engine may read
    // The locks the engine works with; none = the shot's. A farm plan fixes
    // them when it is made (its tasks must agree on the chunks): frames
    // locked since come out of the take as they are, and are not counted
    // as regenerated.
    std::optional<FrameRangeSet> engineLocks;
    // Instead of a mask: called for every frame the engine may change (in the
    // range, not locked) once it is read into frames/masks slot t, to change
    // the picture and write that frame's mask itself (reframe, parallax:
    // camera/reframe.h). No user mask is needed; when no mask pixel is set the
    // transformed frames are the take and the engine does not run.
    std::function<void(FrameNumber mediaFrame, const Image& picture, generation::FrameStack& frames,
                       generation::FrameStack& masks, int t)>
        transform;
};

struct RegenResult {
    Take take;
    QStringList notes; // for the user: locked frames skipped, ...
};

QStringList regenerationEngines();
// The engine `name` means (an engine's name, or a former one: "internal" is
// now "shot-trained"); empty when there is none.
QString regenerationEngineNamed(const QString& name);
QString describeEngineParameters(const QString& engine);
bool engineReadsPrompt(const QString& engine); // generation/inpaint.h

RegenResult regenerate(const Project& project, const QString& cacheDir, const RegenRequest& request,
                       Progress& progress);

} // namespace retake

namespace retake {

// `retake-cli inpaint`: the same engines on plain image sequences, without a
// project. Output files get the input's names and format.
struct SequenceInpaintRequest {
    QString framesDir;
    QString masksPath; // a folder of masks (one per frame, same order) or one mask file for all
    QString outDir;
    QString engine = QStringLiteral("propagate");
    QMap<QString, QString> parameters;
    QVector<FrameRange> locks; // 0-based frame indices into the sorted files
    QString referencePath;
    qint64 seed = 0;
    QString device = QStringLiteral("cpu");
};

QStringList inpaintSequence(const SequenceInpaintRequest& request, Progress& progress);

} // namespace retake
