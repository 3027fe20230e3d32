#pragma once

// Retake's project model: plain values, copied freely. Only Document changes
// a Project, through undoable commands (document/commands.h).
//
//   Project -> media pool (MediaRef)        files on disk, probed once
//           -> shots (Shot)                 a media range + locks, masks, takes, camera
//           -> tracks (Track)               video tracks order shots; audio tracks hold clips
//
// What an OpenTimelineIO import found that Retake has no field for (another
// tool's metadata, effects, markers other than locks, a clip's offline media
// reference, a gap) rides on the shot, clip, track and project as `otio`:
// OTIO's own JSON of the original object, kept as text because OTIO's JSON
// allows Inf and NaN, which JSON does not. Export writes it back untouched
// (interchange/otio.h); empty for everything made in Retake.
//
// Every object has a stable QUuid. Frame numbers in a shot (locks, masks,
// takes) are the media's own frame numbers, so they stay on the same picture
// when the shot is trimmed.

#include "core/framerange.h"
#include "core/rational.h"
#include "media/media.h"
#include "model/blockingtypes.h"
#include "model/cameratypes.h"
#include "model/paintedmask.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVector>

namespace retake {

using Id = QUuid;
Id newId();
QString idToString(const Id& id); // without braces

struct MediaRef {
    Id id;
    QString path; // absolute in memory; stored relative to the project file
    MediaKind kind = MediaKind::Video;
    int width = 0;
    int height = 0;
    Rational frameRate{24};
    FrameNumber frameCount = 0;
    ColourTags colour;
    int audioSampleRate = 0; // 0 = no audio
    int audioChannels = 0;
    bool hasDepth = false;
    // The user's input colour space for this media (an OCIO colour space
    // name); empty = automatic: the file's colour tags, else the config's
    // file rules (export/mediacolour.h decides, for viewer and export alike).
    QString inputSpace;
    bool online = true;    // not stored: found and readable when last checked
    bool notMedia = false; // not stored: found, but not a picture, movie or sound file

    bool hasAudio() const { return audioSampleRate > 0 && audioChannels > 0; }
    // A gap of an edit: no file, black frames (media.h).
    bool isGap() const { return kind == MediaKind::Gap; }
    bool operator==(const MediaRef& o) const;

    // What a probe of the file found, with an absolute path and no ID.
    static MediaRef fromInfo(const MediaInfo& info);
    bool operator!=(const MediaRef& o) const { return !(*this == o); }
};

// A shot's mask, any non-zero pixel = regenerate. Either imported files (a
// PNG sequence, or one stationary image used on every frame) or, when `path`
// is empty, painted in Retake: vector shapes rasterised per frame
// (mask/paintedmask.h, mask/maskraster.h).
struct MaskRef {
    Id id;
    QString path;     // a file of the sequence (pattern detected) or a single PNG; empty = painted
    FrameRange range; // media frames it applies to
    bool stationary = false;
    PaintedMask painted; // the shapes of a painted mask

    bool isPainted() const { return path.isEmpty(); }
    bool operator==(const MaskRef& o) const {
        return id == o.id && path == o.path && range == o.range && stationary == o.stationary &&
               painted == o.painted;
    }
};

// One regeneration result. Its frames live in the project's cache folder;
// the shot's media is never modified.
struct Take {
    Id id;
    QString engine;
    QMap<QString, QString> parameters;
    qint64 seed = 0;
    QString prompt;
    FrameRange range; // media frames the take covers
    // The frames whose pixels the engine changed: the range minus the frames
    // that were locked when it ran. Frames of the take outside this set are
    // bit-identical copies of the original.
    FrameRangeSet regenerated;
    Id maskId; // null when the engine regenerates whole frames
    QDateTime created;
    QString framesPath; // first frame file, relative to the project folder when stored
    QString modelHash;  // sha256 of a user model file, if the engine used one
    QString author;     // who made it (currentUserName() when added); empty in older files

    bool operator==(const Take& o) const;
};

// Who locked a range, and when: the credit map (retake-cli credits). Kept as
// it happened; unlocking does not rewrite it, so what a credit still covers
// is its range within the shot's locks now.
struct LockCredit {
    FrameRange range;
    QString author;
    QDateTime when;
    bool operator==(const LockCredit& o) const {
        return range == o.range && author == o.author && when == o.when;
    }
};

// Which take shows over a range; later entries win where ranges overlap.
struct TakeSelection {
    FrameRange range;
    Id takeId;
    bool operator==(const TakeSelection& o) const { return range == o.range && takeId == o.takeId; }
};

// A physical camera. Validated by Document; the camera issue extends it.
struct Camera {
    double focalLengthMm = 35.0;
    double filmbackWidthMm = 24.89; // Super 35
    double filmbackHeightMm = 18.66;
    double focusDistanceM = 3.0;
    double fStop = 2.8;
    double shutterAngleDeg = 180.0;
    LensDetails lens;    // camera/cameratypes.h
    CameraMotion motion; // camera/cameratypes.h

    bool operator==(const Camera& o) const;
    bool operator!=(const Camera& o) const { return !(*this == o); }
};

struct Shot {
    Id id;
    QString name;
    Id mediaId;
    FrameRange source; // media frames used, [in, out)
    FrameRangeSet locks;
    QVector<LockCredit> lockCredits; // oldest first
    QVector<MaskRef> masks;
    QVector<Take> takes;
    QVector<TakeSelection> activeTakes;
    Camera camera;
    BlockingScene blocking; // camera/blockingtypes.h; empty = not a blocking shot
    QString prompt;
    QString notes;
    bool audioEnabled = true; // the media's own audio plays with the shot
    QString otio;             // the OTIO clip (or gap) it came from; see the top of this file

    FrameNumber duration() const { return source.length(); }
    const Take* findTake(const Id& takeId) const;
    // The take showing at a media frame, or nullptr for the original.
    const Take* activeTakeAt(FrameNumber mediaFrame) const;
    bool operator==(const Shot& o) const;
    bool operator!=(const Shot& o) const { return !(*this == o); }
};

// A clip on an audio track: a piece of a media file's audio placed on the
// timeline. Times are exact seconds; timelineStart is in project frames.
struct AudioClip {
    Id id;
    Id mediaId;
    Rational sourceStart{0};
    Rational duration{0};
    FrameNumber timelineStart = 0;
    double gainDb = 0.0;
    QString otio; // the OTIO clip it came from; see the top of this file
    bool operator==(const AudioClip& o) const;
};

enum class TrackKind { Video, Audio };

struct Track {
    Id id;
    TrackKind kind = TrackKind::Video;
    QString name;
    QVector<Id> shots;        // video: shots end to end, in order
    QVector<AudioClip> clips; // audio
    bool muted = false;
    QString otio; // the OTIO track it came from, without its children; see the top of this file
    bool operator==(const Track& o) const {
        return id == o.id && kind == o.kind && name == o.name && shots == o.shots &&
               clips == o.clips && muted == o.muted && otio == o.otio;
    }
};

// A shot's place on the timeline.
struct ShotPlacement {
    Id shotId;
    FrameRange timeline; // project frames
};

struct Project {
    Id id;
    QString name;
    Rational frameRate{24};
    int width = 1920;
    int height = 1080;
    // Until the first import, rate and size follow the first media imported
    // (what editors expect from a new project); set explicitly, they stay.
    bool settingsFromFirstMedia = true;
    QVector<MediaRef> media;
    QVector<Shot> shots;
    QVector<Track> tracks;
    QString otio; // the OTIO timeline it came from, without its tracks; see the top of this file

    static Project createEmpty(const QString& name, Rational rate, int width, int height);

    const MediaRef* findMedia(const Id& id) const;
    MediaRef* findMedia(const Id& id);
    const MediaRef* findMediaByPath(const QString& absolutePath) const;
    const Shot* findShot(const Id& id) const;
    Shot* findShot(const Id& id);
    const Track* findTrack(const Id& id) const;
    Track* findTrack(const Id& id);
    const Track* firstTrack(TrackKind kind) const;
    // Resolves an ID, a unique ID prefix (at least 4 characters) or a shot
    // name; nullptr when none or ambiguous.
    const Shot* resolveShot(const QString& idOrName) const;

    // Shots of a video track with their timeline ranges.
    QVector<ShotPlacement> placements(const Id& trackId) const;
    FrameNumber duration() const; // of the longest track

    // Broken invariants, empty when consistent. Tests call this after every edit.
    QStringList consistencyProblems() const;

    bool operator==(const Project& o) const;
    bool operator!=(const Project& o) const { return !(*this == o); }
};

} // namespace retake
