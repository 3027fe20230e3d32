#include "jobs/proxyrefresh.h"

#include "core/translate.h"
#include "document/document.h"
#include "jobs/jobqueue.h"

#include <QFileInfo>
#include <optional>

namespace retake {

ProxyRefresher::ProxyRefresher(JobQueue* jobs, QObject* parent)
    : QObject(parent)
    , jobs_(jobs) {
    connect(jobs_, &JobQueue::jobFinished, this, &ProxyRefresher::jobFinished);
}

ProxyRefresher::~ProxyRefresher() = default;

void ProxyRefresher::setDocument(Document* document) {
    if (document_)
        disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    givenUp_.clear();
    mediaState_.clear();
    if (document_)
        connect(document_, &Document::changed, this, &ProxyRefresher::documentChanged);
    refresh();
}

void ProxyRefresher::setSize(std::optional<ProxySize> size) {
    if (size == size_)
        return;
    size_ = size;
    givenUp_.clear();
    mediaState_.clear();
    refresh();
}

namespace {

// What of the media decides the proxies: which files, and whether online.
QString mediaStateOf(const Document* document) {
    QString state;
    if (document)
        for (const MediaRef& m : document->project().media)
            state += m.path + (m.online ? QLatin1Char('+') : QLatin1Char('-'));
    return state;
}

} // namespace

void ProxyRefresher::documentChanged() {
    // Most edits leave the media alone; only a new, relinked or re-found
    // file is worth a look at the cache.
    if (mediaStateOf(document_) != mediaState_)
        refresh();
}

void ProxyRefresher::refresh() {
    ProxyMap ready;
    if (document_ && size_) {
        const Project& project = document_->project();
        const QString cacheDir = document_->cacheDir();
        mediaState_ = mediaStateOf(document_);
        const ProxyIndex index = ProxyIndex::load(cacheDir);
        QSet<QString> running(ownJobs_.cbegin(), ownJobs_.cend());
        for (const MediaRef& m : project.media) {
            if (!m.online || !mayNeedProxy(m))
                continue;
            const ProxyStatus status = proxyStatus(index, cacheDir, m, *size_);
            if (status.state == ProxyStatus::State::Ready) {
                ready.insert(m.path, status.file);
                continue;
            }
            if (status.state == ProxyStatus::State::NotNeeded || running.contains(m.path) ||
                givenUp_.contains(m.path))
                continue;
            const int id = jobs_->addProxy(
                cacheDir, m, *size_,
                tr("Proxy of %1 (%2)").arg(QFileInfo(m.path).fileName(), toString(*size_)));
            ownJobs_.insert(id, m.path);
            running.insert(m.path);
        }
    } else {
        mediaState_.clear();
    }
    if (ready != proxies_) {
        proxies_ = ready;
        Q_EMIT proxiesChanged(proxies_);
    }
}

void ProxyRefresher::jobFinished(int id) {
    const auto it = ownJobs_.find(id);
    if (it == ownJobs_.end())
        return;
    const QString path = it.value();
    ownJobs_.erase(it);
    if (jobs_->status(id).state != JobState::Succeeded)
        givenUp_.insert(path);
    // Only the map: the media did not change, and a file that still lacks
    // its proxy was given up.
    if (document_ && size_) {
        const QString cacheDir = document_->cacheDir();
        for (const MediaRef& m : document_->project().media)
            if (m.path == path &&
                proxyStatus(ProxyIndex::load(cacheDir), cacheDir, m, *size_).state ==
                    ProxyStatus::State::NotNeeded)
                jobs_->forget(id); // none was needed: nothing for the user to see
        const ProxyMap ready = readyProxies(document_->project(), cacheDir, *size_);
        if (ready != proxies_) {
            proxies_ = ready;
            Q_EMIT proxiesChanged(proxies_);
        }
    }
}

} // namespace retake
