#pragma once

// A short shot description ("MS 35mm dolly in 2s, two people at a table,
// dusk") turned into a blocking scene and a camera by fixed, written rules:
// docs/shot-description.md is the grammar and the tables. Deterministic: the
// same text, camera and settings always give the same scene and keys.
//
// The subject (the people, else the tallest prop, else a 1.75 m stand-in)
// stands at the world origin; the camera looks along +Y from the distance the
// shot-size solver (lens.h) gives for the subject's height and the lens.
// Words the grammar does not know are returned in `unknownWords` (never
// dropped silently); contradictory terms ("CU WS", "dolly in dolly out",
// "noon night") throw Error(Usage) naming both words.

#include "camera/lens.h"
#include "core/rational.h"
#include "model/blockingtypes.h"
#include "model/project.h"

#include <QStringList>

namespace retake {

struct ShotDescriptionSettings {
    int imageWidth = 1920;
    int imageHeight = 1080;
    Rational frameRate{24};
    FrameNumber startFrame = 0; // media frame the move starts on
    // Frames the shot has: the default move length, and the limit for a
    // written duration (0 = no limit, for a shot made from the description).
    FrameNumber shotFrames = 48;
};

struct DescribedShot {
    Camera camera;       // the base camera's filmback and lens details, new pose/keys
    BlockingScene scene; // enabled
    ShotSize shotSize = ShotSize::Medium;
    double subjectHeightM = 1.75;
    double subjectDistanceM = 0; // camera to the subject plane (y = 0)
    FrameNumber moveFrames = 0;  // frames the move spans (0 = no move)
    QStringList unknownWords;    // as written, in order
};

// The settings that describe an existing shot: the project's picture size
// and frame rate, the shot's first media frame and its length.
ShotDescriptionSettings shotDescriptionSettings(const Project& project, const Shot& shot);

// Throws Error(Usage) for contradictory terms, out-of-range numbers (more
// than six people, a duration longer than the shot, a zero focal length) and
// empty text.
DescribedShot describeShot(const QString& text, const Camera& base,
                           const ShotDescriptionSettings& settings);

} // namespace retake
