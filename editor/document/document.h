#pragma once

#include "model/project.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUndoStack>
#include <functional>
#include <memory>

namespace retake {

class ColourPipeline; // ocio/colourpipeline.h

// One open project: the Project, its file, its single QUndoStack and its
// autosave. Every change goes through an edit method below, each one undo
// step. An edit that throws (Error kind Usage) has changed nothing.
//
// Threading: GUI/main thread only. Background jobs read a copy of project().
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(Project project, const QString& filePath = QString(),
                      QObject* parent = nullptr);
    ~Document() override;

    // Loads a project file; throws Error(BadInput) naming the file.
    static std::unique_ptr<Document> open(const QString& path);

    const Project& project() const { return project_; }
    QUndoStack* undoStack() { return &undoStack_; }
    QString filePath() const { return filePath_; }
    // <project dir>/<name>.retake-cache: take frames, trained models.
    QString cacheDir() const;
    bool isModified() const { return !undoStack_.isClean(); }

    void save(); // to filePath(); throws Error(Output)
    void saveAs(const QString& path);

    // ---- autosave and crash recovery -----------------------------------
    // Every `intervalMs` the project is written to autosavePath() if it
    // changed since the last autosave; 0 turns autosave off.
    void setAutosaveInterval(int intervalMs);
    QString autosavePath() const;
    // What open() removed of interrupted work in the cache ("removed 2
    // leftovers (40.1 MB) ..."), empty when nothing.
    const QString& cleanupNote() const { return cleanupNote_; }
    static QString autosavePathFor(const QString& projectPath);
    void writeAutosave();
    // An autosave newer than the project file is left when Retake did not
    // close normally.
    static bool hasRecoverableAutosave(const QString& projectPath);
    // Opens the autosaved state of a project; the document is modified
    // relative to the file on disk, so the user decides whether to save.
    static std::unique_ptr<Document> recover(const QString& projectPath);
    void discardAutosave();

    // ---- edits (each is one undo step) ---------------------------------
    // Adds media to the pool (or reuses the entry for the same file) and a
    // shot over all of it at the end of the first video track (or at
    // `index`). Returns the new shot's ID.
    Id importMedia(const MediaInfo& info, const QString& shotName = QString(), int index = -1);
    // Adds an audio-only or audio-carrying file to an audio track.
    Id addAudioClip(const MediaInfo& info, FrameNumber timelineStart, const Id& trackId = Id());
    // Ranges are in the media's frame numbers and must lie within the shot.
    // Markers on the timeline itself (interchange/otiomarkers.h), each one
    // undo step; Error(Usage) as those functions say.
    void addTimelineMarker(FrameNumber frame, const QString& name, const QString& colour,
                           const QString& comment = {});
    void renameTimelineMarker(FrameNumber frame, const QString& name);
    void removeTimelineMarker(FrameNumber frame);

    void lockRange(const Id& shotId, FrameRange range);
    void unlockRange(const Id& shotId, FrameRange range);
    Id addMask(const Id& shotId, const QString& path, FrameRange range, bool stationary);
    void removeMask(const Id& shotId, const Id& maskId);
    // ---- painted masks (documentmasks.cpp; model in mask/paintedmask.h) ----
    // Frames are media frames; ranges must lie within the mask's range. A
    // null maskId starts a new painted mask over the whole shot in the same
    // undo step (the first stroke on a shot is one step, as the user sees it).
    // A new, empty painted mask over `range` (empty = the whole shot).
    Id addPaintedMask(const Id& shotId, FrameRange range = {});
    // Puts `shape` on top of the mask (a new ID when it has none); returns its ID.
    Id addMaskShape(const Id& shotId, const Id& maskId, MaskShape shape);
    void replaceMaskShape(const Id& shotId, const Id& maskId, const MaskShape& shape);
    void removeMaskShape(const Id& shotId, const Id& maskId, const Id& shapeId);
    // Adds or replaces the shape's key at `frame`; it needs as many points as
    // the shape's other keys (see MaskShape::geometryAt).
    void setMaskShapeKey(const Id& shotId, const Id& maskId, const Id& shapeId, FrameNumber frame,
                         const MaskGeometry& points);
    // Deletes the shape's key at `frame`; the shape then holds or moves
    // between its other keys. Its only key cannot go (delete the shape).
    void removeMaskShapeKey(const Id& shotId, const Id& maskId, const Id& shapeId,
                            FrameNumber frame);
    void fillMask(const Id& shotId, const Id& maskId, FrameRange range);
    void invertMask(const Id& shotId, const Id& maskId, FrameRange range);
    void clearMask(const Id& shotId, const Id& maskId, FrameRange range);
    // Every frame of `to` gets the mask of frame `from`.
    void copyMaskFrame(const Id& shotId, const Id& maskId, FrameNumber from, FrameRange to);
    // Records a regeneration result and shows it over its range.
    Id addTake(const Id& shotId, Take take);
    // Shows `takeId` over `range` (a null ID shows the original).
    void setActiveTake(const Id& shotId, FrameRange range, const Id& takeId);
    // Points media at a moved file. The new file must have at least as many
    // frames as the shots use and the same picture size.
    void relinkMedia(const Id& mediaId, const MediaInfo& info);
    // The media's input colour space: a colour space, alias or role of
    // `pipeline`'s config, stored by its canonical name; empty = automatic
    // (tags, then the config's file rules). An unknown name throws
    // Error(Usage) listing close names.
    void setMediaInputSpace(const Id& mediaId, const QString& space,
                            const ColourPipeline& pipeline);
    void setShotText(const Id& shotId, const QString& name, const QString& prompt,
                     const QString& notes);
    void setCamera(const Id& shotId, const Camera& camera);
    // Whether the shot's own audio (its media's) plays with it, in playback
    // and exports. One undo step; nothing when unchanged.
    void setShotAudioEnabled(const Id& shotId, bool enabled);
    // Replaces the shot's blocking scene (camera/blockingtypes.h).
    void setBlockingScene(const Id& shotId, const BlockingScene& scene);
    // ---- blocking objects (documentblocking.cpp) ----
    // A new object of `shape` (its default size, a free name such as "box 2"
    // and a free ID) at `position`; the shot becomes a blocking shot.
    // Returns the object's name.
    QString addBlockingObject(const Id& shotId, BlockingShape shape, const Vec3& position = {});
    // Replaces the object called `name` (the new one may rename it; its ID stays).
    void setBlockingObject(const Id& shotId, const QString& name, const BlockingObject& object);
    void removeBlockingObject(const Id& shotId, const QString& name);
    // A shot description's camera and scene (camera/shotdescription.h), as one step.
    void applyShotDescription(const Id& shotId, const Camera& camera, const BlockingScene& scene);
    void trimShot(const Id& shotId, FrameRange source);
    void moveShot(const Id& shotId, int newIndex);
    void removeShot(const Id& shotId);

Q_SIGNALS:
    void changed();
    void modifiedChanged(bool modified);
    void autosaved(const QString& path);
    // The autosave could not be written (disk full, read-only folder).
    void autosaveFailed(const QString& message);

private:
    friend class ProjectSnapshotCommand;
    // Runs `edit` on a copy; only a consistent result is pushed as one step.
    void apply(const QString& text, const std::function<void(Project&)>& edit);
    void setProjectFromUndo(const Project& project);
    // Throw Error(Usage) for what setCamera / setBlockingScene refuse.
    static void checkCamera(const Camera& camera);
    static void checkBlockingScene(const BlockingScene& scene);
    Shot& shotOrThrow(Project& project, const Id& shotId) const;
    void editPaintedMask(const QString& text, const Id& shotId, const Id& maskId,
                         const std::function<void(const Shot&, MaskRef&)>& edit);
    void writeTo(const QString& path);

    Project project_;
    QString filePath_;
    QUndoStack undoStack_;
    QTimer autosaveTimer_;
    quint64 revision_ = 0;
    quint64 autosavedRevision_ = 0;
    QString cleanupNote_;
};

} // namespace retake
