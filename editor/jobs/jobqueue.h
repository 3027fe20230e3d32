#pragma once

// The queue of long work the editor window runs in the background:
// regenerations (regen/regenerate.h), exports (export/exporter.h) and
// re-renders of a blocking shot's picture (camera/blockingrender.h). Jobs
// run one at a time on a worker thread (they compete for the same CPU/GPU),
// each on a copy of the project taken when it was queued, so the user keeps
// editing meanwhile.
//
// A regeneration's Take is recorded on the thread that owns the queue (the
// GUI thread) through Document::addTake: one undo step, only on success.
// A cancelled or failed job changes no project and leaves no take folder.
//
// No busy loops: workers report through Progress, the queue forwards at most
// one pending jobChanged() per job through the event loop.

#include "camera/reframe.h"
#include "core/progress.h"
#include "export/depthexport.h"
#include "export/exporter.h"
#include "farm/slurm.h"
#include "model/project.h"
#include "proxy/proxybuild.h"
#include "regen/regenerate.h"
#include "tracking/shapetracking.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QVector>
#include <memory>

namespace retake {

class Document;

enum class JobKind { Regeneration, Export, BlockingRender, ShapeTrack, Proxy };
enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };

struct JobStatus {
    int id = 0;
    JobKind kind = JobKind::Regeneration;
    QString title;
    JobState state = JobState::Queued;
    double fraction = 0.0; // 0..1
    QString stage;         // what the worker said it is doing
    qint64 elapsedMs = 0;
    qint64 remainingMs = -1; // -1 while unknown
    QString error;           // why a job failed
    QStringList notes;       // regeneration notes; an export's files
    Id shotId;               // regenerations: the shot, and the take once recorded
    Id takeId;

    bool isFinished() const {
        return state == JobState::Succeeded || state == JobState::Failed ||
               state == JobState::Cancelled;
    }
};

// Time left from the time spent and the fraction done, assuming the rest goes
// at the average pace so far; -1 until there is enough to go on.
qint64 estimateRemainingMs(qint64 elapsedMs, double fraction);

class JobQueue : public QObject {
    Q_OBJECT
public:
    explicit JobQueue(QObject* parent = nullptr);
    // Cancels what is queued or running and waits for the worker.
    ~JobQueue() override;

    // Regenerates `request` on a copy of the document's project into its
    // cache folder. Returns the job's ID.
    int addRegeneration(Document* document, const RegenRequest& request, const QString& title);
    // The same regeneration on the render farm (editor/farm): planned into
    // the project's cache folder, submitted to Slurm, followed by polling
    // (the job's stage says which tasks are done and where they run); the
    // take is recorded in the document once the farm's assembly has recorded
    // it in the project file. The project file must be the document as it is
    // (save first): the farm's nodes read it. Cancel runs scancel; closing
    // the editor leaves the farm working (the assembly records the take in
    // the file). Runs beside the local jobs, not in turn with them.
    int addFarmRegeneration(Document* document, const RegenRequest& request,
                            const SlurmOptions& slurm, int chunksPerTask, const QString& title);
    // An export on the farm, likewise: the project file at `projectPath` must
    // be `project` (save first); the plan goes into the project's cache
    // folder (`cacheDir`).
    int addFarmExport(const Project& project, const QString& projectPath, const QString& cacheDir,
                      const ExportRequest& request, const SlurmOptions& slurm, int framesPerTask,
                      const QString& title);
    int addExport(const Project& project, const ExportRequest& request, const QString& title);
    // Depth maps (export/depthexport.h); the job's notes are the files, the
    // sidecar, where each shot's depth came from and the warnings.
    int addDepthExport(const Project& project, const DepthExportRequest& request,
                       const QString& title);
    // A virtual camera move (camera/reframe.h) as a regeneration job: its take
    // is recorded like a regeneration's.
    int addReframe(Document* document, const ReframeRequest& request, const QString& title);
    // Re-renders a blocking shot's own picture (ownBlockingSequence) from the
    // project's scene and camera as they are now. The frames are written to
    // a staging folder and moved into place only once all are done, so a
    // cancel or a failure leaves the old picture. Records nothing in the
    // project: the picture follows the scene like a cache. A render that
    // moved its frames into place counts as succeeded even when cancelled
    // after its last check. Throws Error(Usage) when the shot has no
    // blocking picture of its own.
    int addBlockingRender(const Project& project, const Id& shotId, const QString& title);
    // Makes a mask shape follow the picture (tracking/shapetracking.h). The
    // tracked shape goes into the document as one undo step when the job
    // succeeds, unless the shape was edited meanwhile (the job then fails,
    // saying so, rather than overwrite the edit). The notes say how many
    // frames were tracked and where a direction stopped.
    int addShapeTrack(Document* document, const ShapeTrackRequest& request, const QString& title);
    // An OpenTimelineIO bundle of the project's timeline and its media
    // (interchange/otio.h writeOtioBundle).
    int addTimelineBundle(const Project& project, const QString& path, const QString& title);
    // A viewer's proxy of `media` (proxy/proxybuild.h makeProxy, when the
    // source needs one) in `cacheDir`. Proxies wait for nothing and hold up
    // nothing: they run on their own thread at idle priority (SCHED_IDLE, as
    // do the decoder's and encoder's threads it starts), so the editor, a
    // regeneration or an export get the cores first. The job's notes say what
    // was made, or that none was needed.
    int addProxy(const QString& cacheDir, const MediaRef& media, ProxySize size,
                 const QString& title);

    // A queued job never starts; a running one stops at its next check (its
    // result, if it finished meanwhile, is thrown away). Unknown or finished
    // jobs are left alone.
    void cancel(int id);
    void cancelAll();
    // Forgets finished jobs.
    void clearFinished();
    // Forgets one job: now if it has finished, else as soon as it does
    // (after jobFinished). Automatic work that a newer run replaces (a
    // blocking render of the same shot) so keeps one row in the Jobs panel.
    void forget(int id);

    QVector<JobStatus> jobs() const;
    // Status with the elapsed and remaining time as of now.
    JobStatus status(int id) const;
    int unfinishedCount() const;

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id);
    void jobFinished(int id);
    void jobsCleared();
    void jobRemoved(int id);

private:
    struct Job;
    int enqueue(std::shared_ptr<Job> job);
    void run(const std::shared_ptr<Job>& job);
    void finish(const std::shared_ptr<Job>& job, JobState outcome, const QString& error);
    void postChanged(const std::shared_ptr<Job>& job);
    std::shared_ptr<Job> find(int id) const;
    static bool isFinished(const std::shared_ptr<Job>& job);
    static void followFarm(Job& job, const FarmPlan& plan);

    QVector<std::shared_ptr<Job>> jobs_;
    int nextId_ = 1;
    QThreadPool pool_;
    QThreadPool farmPool_;  // jobs that wait on a farm, each on its own thread
    QThreadPool proxyPool_; // proxies, one at a time, at idle priority
};

} // namespace retake
