#include "jobqueue.h"

#include "camera/blockingrender.h"
#include "core/error.h"
#include "document/document.h"
#include "farm/farmjob.h"
#include "interchange/otio.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>

namespace retake {

namespace {

// The folder of a take's frames, only when it is the take's own folder
// (<cache>/takes/<take id>), so nothing else is ever removed.
void removeTakeFolder(const Take& take) {
    if (take.framesPath.isEmpty() || take.id.isNull())
        return;
    QDir folder = QFileInfo(take.framesPath).absoluteDir();
    if (folder.dirName() == idToString(take.id))
        folder.removeRecursively();
}

} // namespace

qint64 estimateRemainingMs(qint64 elapsedMs, double fraction) {
    // Below 2 % (or half a second) the pace says little: start-up dominates.
    if (fraction < 0.02 || elapsedMs < 500)
        return -1;
    if (fraction >= 1.0)
        return 0;
    return qint64(double(elapsedMs) * (1.0 - fraction) / fraction + 0.5);
}

struct JobQueue::Job {
    // Written on the GUI thread before the worker starts, read by the worker.
    std::function<void(Job&)> work;
    QPointer<Document> document;
    RegenRequest regen;
    RegenResult regenResult; // written by the worker, read after it finished
    ShapeTrackRequest track;
    MaskShape trackedFrom;        // the shape when the track was queued
    ShapeTrackResult trackResult; // written by the worker, read after it finished
    std::optional<Progress> progress;
    std::atomic<bool> changePosted{false};
    std::atomic<bool> swappedIn{false};    // a blocking render's frames are in place
    bool onFarm = false;                   // waits on a farm: its own thread
    bool background = false;               // a proxy: the idle-priority pool
    std::atomic<bool> stopWatching{false}; // the editor closes: leave the farm working
    bool forgetWhenFinished = false;       // GUI thread only

    mutable QMutex mutex; // guards status and clock
    JobStatus status;
    QElapsedTimer clock;
    qint64 finalElapsedMs = 0;
};

JobQueue::JobQueue(QObject* parent)
    : QObject(parent) {
    // One job at a time: regenerations and exports each use every core (or the GPU).
    pool_.setMaxThreadCount(1);
    farmPool_.setMaxThreadCount(8);
    proxyPool_.setMaxThreadCount(1);
    // SCHED_IDLE on Linux; threads started from it (FFmpeg's) inherit it.
    proxyPool_.setThreadPriority(QThread::IdlePriority);
}

JobQueue::~JobQueue() {
    // The farm goes on without the editor: its assembly records the take in
    // the project file.
    for (const auto& job : jobs_)
        if (job->onFarm)
            job->stopWatching.store(true);
    cancelAll();
    pool_.waitForDone();
    farmPool_.waitForDone();
    proxyPool_.waitForDone();
    // Finished on the worker but never recorded: their takes would be orphans.
    for (const auto& job : jobs_) {
        const QMutexLocker lock(&job->mutex);
        if (job->status.kind == JobKind::Regeneration && !job->status.isFinished())
            removeTakeFolder(job->regenResult.take);
    }
}

int JobQueue::addRegeneration(Document* document, const RegenRequest& request,
                              const QString& title) {
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::Regeneration;
    job->status.title = title;
    job->status.shotId = request.shotId;
    job->document = document;
    job->regen = request;
    // The worker reads a snapshot: the user may edit while it runs.
    const Project project = document->project();
    const QString cacheDir = document->cacheDir();
    job->work = [project, cacheDir](Job& j) {
        j.regenResult = regenerate(project, cacheDir, j.regen, *j.progress);
    };
    return enqueue(job);
}

// Follows a submitted plan until every task is done: progress from its task
// files and Slurm, scancel on cancel, nothing when the editor closes.
void JobQueue::followFarm(Job& j, const FarmPlan& plan) {
    for (;;) {
        if (j.stopWatching.load())
            throw Error(ErrorKind::Cancelled, tr("The farm goes on without the editor."));
        if (j.progress->isCancelled()) {
            cancelSlurmJobs(plan);
            throw Error(ErrorKind::Cancelled, tr("Cancelled on the farm (scancel)."));
        }
        const FarmProgress progress = farmProgress(plan);
        if (!progress.failure.isEmpty())
            throw Error(ErrorKind::Usage, progress.failure);
        j.progress->report(double(progress.done) / progress.total, progress.summary);
        if (progress.done == progress.total)
            break;
        for (int i = 0; i < 10 && !j.progress->isCancelled() && !j.stopWatching.load(); ++i)
            QThread::msleep(100);
    }
}

int JobQueue::addFarmExport(const Project& project, const QString& projectPath,
                            const QString& cacheDir, const ExportRequest& request,
                            const SlurmOptions& slurm, int framesPerTask, const QString& title) {
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::Export;
    job->status.title = title;
    job->onFarm = true;
    const QStringList arguments = exportArguments(project, request);
    job->work = [project, projectPath, cacheDir, request, arguments, slurm, framesPerTask](Job& j) {
        const QString name = QStringLiteral("farm/export-%1").arg(idToString(newId()).left(8));
        j.progress->report(0.0, tr("Planning"));
        FarmPlan plan =
            planFarmExport(project, projectPath, request, arguments,
                           QDir(cacheDir).filePath(name + QStringLiteral(".farm")), framesPerTask);
        saveFarmPlan(plan, QDir(cacheDir).filePath(name + QStringLiteral(".json")));
        submitToSlurm(plan, slurm);
        followFarm(j, plan);
        const QMutexLocker lock(&j.mutex);
        j.status.notes =
            QStringList{plan.output, tr("Exported on the farm (plan %1).").arg(plan.planPath)};
    };
    return enqueue(job);
}

int JobQueue::addFarmRegeneration(Document* document, const RegenRequest& request,
                                  const SlurmOptions& slurm, int chunksPerTask,
                                  const QString& title) {
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::Regeneration;
    job->status.title = title;
    job->status.shotId = request.shotId;
    job->document = document;
    job->regen = request;
    job->onFarm = true;
    const Project project = document->project();
    const QString projectPath = document->filePath();
    const QString cacheDir = document->cacheDir();
    // Made here: a bad request is refused before anything is queued.
    const QStringList arguments = regenArguments(project, request);
    job->work = [project, projectPath, cacheDir, arguments, slurm, chunksPerTask](Job& j) {
        const QString name = QStringLiteral("farm/regen-%1").arg(idToString(newId()).left(8));
        j.progress->report(0.0, tr("Planning"));
        FarmPlan plan = planFarmRegeneration(
            project, projectPath, j.regen, arguments,
            QDir(cacheDir).filePath(name + QStringLiteral(".farm")), chunksPerTask, *j.progress);
        saveFarmPlan(plan, QDir(cacheDir).filePath(name + QStringLiteral(".json")));
        submitToSlurm(plan, slurm);
        followFarm(j, plan);
        const std::optional<Take> take = recordedTake(plan);
        if (!take)
            throw Error(ErrorKind::Usage, tr("The farm finished but %1 holds no take %2.")
                                              .arg(plan.projectPath, idToString(plan.takeId)));
        j.regenResult.take = *take;
        j.regenResult.notes << tr("Regenerated on the farm (plan %1).").arg(plan.planPath);
    };
    return enqueue(job);
}

int JobQueue::addReframe(Document* document, const ReframeRequest& request, const QString& title) {
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::Regeneration;
    job->status.title = title;
    job->status.shotId = request.shotId;
    job->document = document;
    job->regen.shotId = request.shotId; // where finish() records the take
    const Project project = document->project();
    const QString cacheDir = document->cacheDir();
    job->work = [project, cacheDir, request](Job& j) {
        j.regenResult = reframe(project, cacheDir, request, *j.progress);
    };
    return enqueue(job);
}

int JobQueue::addExport(const Project& project, const ExportRequest& request,
                        const QString& title) {
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::Export;
    job->status.title = title;
    job->work = [project, request](Job& j) {
        const ExportResult result = exportProject(project, request, *j.progress);
        QStringList notes = result.files;
        if (!result.manifest.isEmpty())
            notes << result.manifest;
        const QMutexLocker lock(&j.mutex);
        j.status.notes = notes;
    };
    return enqueue(job);
}

int JobQueue::addBlockingRender(const Project& project, const Id& shotId, const QString& title) {
    const Shot* shot = project.findShot(shotId);
    if (!shot)
        throw Error(ErrorKind::Usage, tr("No shot with ID %1.").arg(idToString(shotId)));
    const BlockingSequenceSettings settings = ownBlockingSequence(project, *shot);
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::BlockingRender;
    job->status.title = title;
    job->status.shotId = shotId;
    job->work = [camera = shot->camera, scene = shot->blocking, settings](Job& j) {
        const QStringList files = renderBlockingSequence(camera, scene, settings, &*j.progress);
        j.swappedIn.store(true);
        const QMutexLocker lock(&j.mutex);
        j.status.notes = files;
    };
    return enqueue(job);
}

int JobQueue::addShapeTrack(Document* document, const ShapeTrackRequest& request,
                            const QString& title) {
    const Project project = document->project();
    const Shot* shot = project.findShot(request.shotId);
    const MaskShape* shape = nullptr;
    if (shot)
        for (const MaskRef& m : shot->masks)
            if (m.id == request.maskId)
                shape = m.painted.findShape(request.shapeId);
    if (!shape)
        throw Error(ErrorKind::Usage, tr("The shape to track is gone."));
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::ShapeTrack;
    job->status.title = title;
    job->status.shotId = request.shotId;
    job->document = document;
    job->track = request;
    job->trackedFrom = *shape;
    job->work = [project](Job& j) { j.trackResult = trackShape(project, j.track, *j.progress); };
    return enqueue(job);
}

int JobQueue::addDepthExport(const Project& project, const DepthExportRequest& request,
                             const QString& title) {
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::Export;
    job->status.title = title;
    job->work = [project, request](Job& j) {
        const DepthExportResult result = exportDepthMaps(project, request, *j.progress);
        const QStringList notes =
            result.files + QStringList{result.sidecar} + result.sources + result.warnings;
        const QMutexLocker lock(&j.mutex);
        j.status.notes = notes;
    };
    return enqueue(job);
}

int JobQueue::addTimelineBundle(const Project& project, const QString& path, const QString& title) {
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::Export;
    job->status.title = title;
    job->work = [project, path](Job& j) {
        writeOtioBundle(project, path, &*j.progress);
        const QMutexLocker lock(&j.mutex);
        j.status.notes = QStringList{path};
    };
    return enqueue(job);
}

int JobQueue::addProxy(const QString& cacheDir, const MediaRef& media, ProxySize size,
                       const QString& title) {
    auto job = std::make_shared<Job>();
    job->status.kind = JobKind::Proxy;
    job->status.title = title;
    job->background = true;
    job->work = [cacheDir, media, size](Job& j) {
        const ProxyBuildResult r = makeProxy(cacheDir, media, size, false, &*j.progress);
        const QMutexLocker lock(&j.mutex);
        if (r.file.isEmpty())
            j.status.notes =
                QStringList{tr("Not needed: %1 (%2)")
                                .arg(QFileInfo(media.path).fileName(), noProxyReason(media))};
        else
            j.status.notes = QStringList{r.file, r.reason};
    };
    return enqueue(job);
}

int JobQueue::enqueue(std::shared_ptr<Job> job) {
    job->status.id = nextId_++;
    Job* raw = job.get();
    const std::weak_ptr<Job> weak = job;
    job->progress.emplace([this, raw, weak](double fraction, const QString& stage) {
        {
            const QMutexLocker lock(&raw->mutex);
            raw->status.fraction = std::clamp(fraction, 0.0, 1.0);
            raw->status.stage = stage;
        }
        if (auto strong = weak.lock())
            postChanged(strong);
    });
    jobs_.push_back(job);
    const int id = job->status.id;
    Q_EMIT jobAdded(id);
    (job->onFarm       ? farmPool_
     : job->background ? proxyPool_
                       : pool_)
        .start([this, job] { run(job); });
    return id;
}

void JobQueue::postChanged(const std::shared_ptr<Job>& job) {
    // At most one queued notification per job: a chatty worker cannot flood
    // the event loop.
    if (job->changePosted.exchange(true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this, job] {
            job->changePosted.store(false);
            Q_EMIT jobChanged(job->status.id);
        },
        Qt::QueuedConnection);
}

void JobQueue::run(const std::shared_ptr<Job>& job) {
    {
        const QMutexLocker lock(&job->mutex);
        if (job->progress->isCancelled())
            return; // cancelled while queued; cancel() already finished it
        job->status.state = JobState::Running;
        job->clock.start();
    }
    postChanged(job);
    JobState outcome = JobState::Succeeded;
    QString error;
    try {
        job->progress->checkCancelled();
        job->work(*job);
    } catch (const Error& e) {
        outcome = e.kind() == ErrorKind::Cancelled ? JobState::Cancelled : JobState::Failed;
        error = e.message();
    } catch (const std::exception& e) {
        outcome = JobState::Failed;
        error = tr("Unexpected error: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    {
        const QMutexLocker lock(&job->mutex);
        job->finalElapsedMs = job->clock.elapsed();
    }
    QMetaObject::invokeMethod(
        this, [this, job, outcome, error] { finish(job, outcome, error); }, Qt::QueuedConnection);
}

bool JobQueue::isFinished(const std::shared_ptr<Job>& job) {
    const QMutexLocker lock(&job->mutex);
    return job->status.isFinished();
}

void JobQueue::finish(const std::shared_ptr<Job>& job, JobState outcome, const QString& error) {
    if (isFinished(job))
        return;
    QString message = error;
    Id takeId;
    if (outcome == JobState::Succeeded && job->progress->isCancelled() && !job->swappedIn.load())
        outcome = JobState::Cancelled; // cancelled after the worker's last check
    if (job->status.kind == JobKind::Regeneration && outcome == JobState::Succeeded) {
        const Take& take = job->regenResult.take;
        if (!job->document) {
            outcome = JobState::Failed;
            message = tr("The project was closed before the take could be added.");
        } else {
            try {
                takeId = job->document->addTake(job->regen.shotId, take);
            } catch (const Error& e) {
                outcome = JobState::Failed;
                message = e.message();
            }
        }
    }
    QStringList trackNotes;
    if (job->status.kind == JobKind::ShapeTrack && outcome == JobState::Succeeded) {
        const ShapeTrackRequest& r = job->track;
        const Shot* shot = job->document ? job->document->project().findShot(r.shotId) : nullptr;
        const MaskShape* current = nullptr;
        if (shot)
            for (const MaskRef& m : shot->masks)
                if (m.id == r.maskId)
                    current = m.painted.findShape(r.shapeId);
        if (!current || *current != job->trackedFrom) {
            outcome = JobState::Failed;
            message = tr("The shape was changed or deleted while it was being tracked; the track "
                         "was not applied. Track it again.");
        } else {
            try {
                job->document->replaceMaskShape(r.shotId, r.maskId, job->trackResult.shape);
                trackNotes << tr("%n frame(s) tracked", nullptr,
                                 int(job->trackResult.tracked.size()));
                trackNotes << job->trackResult.stops << job->trackResult.notes;
                if (job->trackResult.becamePolygon)
                    trackNotes << tr("The shape is now a polygon, so it can turn and tilt.");
            } catch (const Error& e) {
                outcome = JobState::Failed;
                message = e.message();
            }
        }
    }
    if (job->status.kind == JobKind::Regeneration && outcome != JobState::Succeeded)
        removeTakeFolder(job->regenResult.take);
    {
        const QMutexLocker lock(&job->mutex);
        job->status.state = outcome;
        job->status.error = outcome == JobState::Failed ? message : QString();
        job->status.takeId = takeId;
        if (outcome == JobState::Succeeded) {
            job->status.fraction = 1.0;
            if (job->status.kind == JobKind::Regeneration)
                job->status.notes = job->regenResult.notes;
            if (job->status.kind == JobKind::ShapeTrack)
                job->status.notes = trackNotes;
        }
    }
    Q_EMIT jobChanged(job->status.id);
    Q_EMIT jobFinished(job->status.id);
    if (job->forgetWhenFinished)
        forget(job->status.id);
}

void JobQueue::cancel(int id) {
    const std::shared_ptr<Job> job = find(id);
    if (!job || isFinished(job))
        return;
    bool queued = false;
    {
        const QMutexLocker lock(&job->mutex);
        job->progress->cancel();
        queued = job->status.state == JobState::Queued;
        if (queued)
            job->status.state = JobState::Cancelled;
    }
    if (queued) {
        Q_EMIT jobChanged(id);
        Q_EMIT jobFinished(id);
    }
    // A running job finishes through finish() once its worker stops.
}

void JobQueue::cancelAll() {
    for (const auto& job : jobs_)
        cancel(job->status.id);
}

void JobQueue::forget(int id) {
    const std::shared_ptr<Job> job = find(id);
    if (!job)
        return;
    if (!isFinished(job)) {
        job->forgetWhenFinished = true;
        return;
    }
    jobs_.erase(std::remove(jobs_.begin(), jobs_.end(), job), jobs_.end());
    Q_EMIT jobRemoved(id);
}

void JobQueue::clearFinished() {
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(),
                               [](const std::shared_ptr<Job>& job) { return isFinished(job); }),
                jobs_.end());
    Q_EMIT jobsCleared();
}

std::shared_ptr<JobQueue::Job> JobQueue::find(int id) const {
    for (const auto& job : jobs_)
        if (job->status.id == id)
            return job;
    return nullptr;
}

JobStatus JobQueue::status(int id) const {
    const std::shared_ptr<Job> job = find(id);
    if (!job)
        return {};
    const QMutexLocker lock(&job->mutex);
    JobStatus s = job->status;
    if (s.state == JobState::Running) {
        s.elapsedMs = job->clock.elapsed();
        s.remainingMs = estimateRemainingMs(s.elapsedMs, s.fraction);
    } else if (s.isFinished()) {
        s.elapsedMs = job->finalElapsedMs;
        s.remainingMs = s.state == JobState::Succeeded ? 0 : -1;
    }
    return s;
}

QVector<JobStatus> JobQueue::jobs() const {
    QVector<JobStatus> all;
    for (const auto& job : jobs_)
        all.push_back(status(job->status.id));
    return all;
}

int JobQueue::unfinishedCount() const {
    int count = 0;
    for (const auto& job : jobs_)
        count += isFinished(job) ? 0 : 1;
    return count;
}

} // namespace retake
