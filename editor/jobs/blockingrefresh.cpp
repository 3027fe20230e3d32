#include "jobs/blockingrefresh.h"

#include "camera/blockingrender.h"
#include "core/error.h"
#include "document/document.h"
#include "jobs/jobqueue.h"

#include <utility>

namespace retake {

namespace {

constexpr int kDefaultDebounceMs = 500;

bool hasOwnPicture(const Project& project, const Shot& shot) {
    return findOwnBlockingSequence(project, shot).has_value();
}

} // namespace

BlockingRefresher::BlockingRefresher(JobQueue* jobs, QObject* parent)
    : QObject(parent)
    , jobs_(jobs) {
    timer_.setSingleShot(true);
    timer_.setInterval(kDefaultDebounceMs);
    connect(&timer_, &QTimer::timeout, this, &BlockingRefresher::startDueRenders);
    connect(jobs_, &JobQueue::jobFinished, this, &BlockingRefresher::jobFinished);
}

BlockingRefresher::~BlockingRefresher() = default;

void BlockingRefresher::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    for (auto it = ownJobs_.cbegin(); it != ownJobs_.cend(); ++it)
        jobs_->cancel(it.key());
    ownJobs_.clear();
    shots_.clear();
    due_.clear();
    timer_.stop();
    document_ = document;
    if (!document_)
        return;
    connect(document_, &Document::changed, this, &BlockingRefresher::documentChanged);
    documentChanged(); // takes the pictures on disk as they are
}

void BlockingRefresher::documentChanged() {
    if (!document_)
        return;
    const Project& project = document_->project();
    QSet<Id> seen;
    for (const Shot& shot : project.shots) {
        if (!hasOwnPicture(project, shot))
            continue;
        seen.insert(shot.id);
        if (!shots_.contains(shot.id)) {
            shots_.insert(shot.id, {{shot.camera, shot.blocking}, 0, {}});
            continue;
        }
        evaluate(shot);
    }
    // Deleted shots (an undo may bring them back, with their picture as it is).
    for (auto it = shots_.begin(); it != shots_.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        if (it->job)
            jobs_->cancel(it->job);
        due_.remove(it.key());
        it = shots_.erase(it);
    }
}

void BlockingRefresher::evaluate(const Shot& shot) {
    ShotPicture& picture = shots_[shot.id];
    const SceneState now{shot.camera, shot.blocking};
    if (picture.job && picture.rendering == now) {
        due_.remove(shot.id);
        return;
    }
    if (picture.shown == now) {
        // Back to what the frames show (an undo): a render of the undone
        // state is not wanted. If it swaps its frames in before it sees the
        // cancel, jobFinished() evaluates again and renders this state.
        if (picture.job)
            jobs_->cancel(picture.job);
        picture.job = 0;
        due_.remove(shot.id);
        return;
    }
    due_.insert(shot.id);
    timer_.start(); // restarts: the render waits for the last edit
}

void BlockingRefresher::startDueRenders() {
    if (!document_)
        return;
    const QSet<Id> due = std::exchange(due_, {});
    for (const Id& id : due) {
        const Shot* shot = document_->project().findShot(id);
        if (!shot || !shots_.contains(id))
            continue;
        try {
            start(*shot);
        } catch (const Error& e) {
            Q_EMIT renderFailed(id, e.message());
        }
    }
}

int BlockingRefresher::start(const Shot& shot) {
    ShotPicture& picture = shots_[shot.id];
    // A newer state replaces the render of an older one, and the Jobs panel
    // keeps one row per shot for this automatic work: the latest.
    if (picture.job) {
        jobs_->cancel(picture.job);
        jobs_->forget(picture.job);
    }
    if (picture.shownBy)
        jobs_->forget(picture.shownBy);
    const int id = jobs_->addBlockingRender(document_->project(), shot.id,
                                            tr("Render blocking of %1").arg(shot.name));
    picture.job = id;
    picture.shownBy = id;
    picture.rendering = {shot.camera, shot.blocking};
    ownJobs_.insert(id, {shot.id, picture.rendering});
    return id;
}

int BlockingRefresher::renderNow(const Id& shotId) {
    const Shot* shot = document_ ? document_->project().findShot(shotId) : nullptr;
    if (!shot)
        throw Error(ErrorKind::Usage, tr("No shot is selected."));
    ownBlockingSequence(document_->project(), *shot); // throws, naming the shot
    if (!shots_.contains(shotId))
        shots_.insert(shotId, {{shot->camera, shot->blocking}, 0, {}});
    due_.remove(shotId);
    return start(*shot);
}

int BlockingRefresher::runningJob(const Id& shotId) const {
    return shots_.value(shotId).job;
}

bool BlockingRefresher::isIdle() const {
    if (!due_.isEmpty())
        return false;
    for (const ShotPicture& picture : shots_)
        if (picture.job)
            return false;
    return true;
}

void BlockingRefresher::jobFinished(int id) {
    const auto found = ownJobs_.constFind(id);
    if (found == ownJobs_.cend())
        return;
    const auto [shotId, state] = *found;
    ownJobs_.erase(found);
    const JobStatus status = jobs_->status(id);
    auto picture = shots_.find(shotId);
    if (picture == shots_.end())
        return;
    if (picture->job == id)
        picture->job = 0;
    if (status.state == JobState::Failed)
        Q_EMIT renderFailed(shotId, status.error);
    if (status.state != JobState::Succeeded)
        return;
    picture->shown = state;
    if (!document_)
        return;
    const Project& project = document_->project();
    const Shot* shot = project.findShot(shotId);
    const MediaRef* media = shot ? project.findMedia(shot->mediaId) : nullptr;
    Q_EMIT pictureChanged(shotId, media ? media->path : QString());
    // The scene may have moved on (or back) while this render ran.
    if (shot && !picture->job)
        evaluate(*shot);
}

} // namespace retake
