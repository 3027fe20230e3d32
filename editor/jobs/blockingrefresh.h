#pragma once

// Keeps a blocking shot's picture in step with its scene and camera: after
// an edit (or an undo) the shot's own EXR sequence (ownBlockingSequence) is
// re-rendered in the background through JobQueue::addBlockingRender.
//
// The picture is treated as a cache of the scene, not as part of the
// project: re-renders are not undo steps. An undo changes the scene back and
// so starts a re-render that brings the old picture back (or, when the
// pending render had not swapped its frames in yet, only cancels it: the old
// frames were never replaced).
//
// Edits are debounced: a render starts `debounceMs` after the last edit, and
// a newer edit of the same shot cancels a render of an older state. When the
// document is set, the frames on disk are taken to show the scene as it is.

#include "model/blockingtypes.h"
#include "model/project.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <optional>

namespace retake {

class Document;
class JobQueue;

class BlockingRefresher : public QObject {
    Q_OBJECT
public:
    explicit BlockingRefresher(JobQueue* jobs, QObject* parent = nullptr);
    ~BlockingRefresher() override;

    void setDocument(Document* document);
    void setDebounceMs(int ms) { timer_.setInterval(ms); }
    int debounceMs() const { return timer_.interval(); }

    // Re-renders the shot now, replacing a pending render of it. Returns the
    // job ID. Throws Error(Usage) when the shot has no blocking picture of its
    // own (the message names the shot).
    int renderNow(const Id& shotId);
    // The job rendering the shot's current state, 0 when none.
    int runningJob(const Id& shotId) const;
    // No edit waiting for its render and no render running.
    bool isIdle() const;

Q_SIGNALS:
    // The shot's frames on disk were replaced by a finished render.
    void pictureChanged(const retake::Id& shotId, const QString& mediaPath);
    void renderFailed(const retake::Id& shotId, const QString& message);

private:
    struct SceneState {
        Camera camera;
        BlockingScene scene;
        bool operator==(const SceneState& o) const {
            return camera == o.camera && scene == o.scene;
        }
    };
    struct ShotPicture {
        SceneState shown; // what the frames on disk show
        int job = 0;      // the render of `rendering`, 0 when none
        SceneState rendering;
        int shownBy = 0; // the last render's job, kept in the Jobs panel until the next
    };

    void documentChanged();
    // Compares the shot's scene with its picture: schedules, keeps or cancels a render.
    void evaluate(const Shot& shot);
    void startDueRenders();
    int start(const Shot& shot);
    void jobFinished(int id);

    JobQueue* jobs_;
    QPointer<Document> document_;
    QHash<Id, ShotPicture> shots_;
    QHash<int, std::pair<Id, SceneState>> ownJobs_;
    QSet<Id> due_; // edited, waiting for the debounce
    QTimer timer_;
};

} // namespace retake
