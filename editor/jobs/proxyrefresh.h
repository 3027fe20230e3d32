#pragma once

// Keeps the viewer's proxies (proxy/proxies.h) made and known: when a
// document is set (a project opened) and whenever its media change (an
// import, a relink), each online video the cache does not know as it is now,
// or knows as needing a proxy it lacks, gets a proxy job (JobQueue::addProxy:
// its own thread, idle priority, cancellable in the Jobs panel). Jobs that
// found no proxy was needed leave the Jobs panel when they end. After each
// job, proxiesChanged() hands the viewer the proxies that exist.
//
// A job that failed or was cancelled is not started again for the same file
// until the document is set again or the size changes: the user's cancel
// stands.

#include "proxy/proxies.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <optional>

namespace retake {

class Document;
class JobQueue;

class ProxyRefresher : public QObject {
    Q_OBJECT
public:
    explicit ProxyRefresher(JobQueue* jobs, QObject* parent = nullptr);
    ~ProxyRefresher() override;

    void setDocument(Document* document);
    // nullopt = proxies off: none made, none used (jobs running go on; the
    // viewer reads the originals).
    void setSize(std::optional<ProxySize> size);
    std::optional<ProxySize> size() const { return size_; }
    const ProxyMap& proxies() const { return proxies_; }
    // Jobs of this refresher not finished yet.
    int pendingJobs() const { return int(jobs_ ? ownJobs_.size() : 0); }

Q_SIGNALS:
    void proxiesChanged(const retake::ProxyMap& proxies);

private:
    void documentChanged();
    void refresh();
    void jobFinished(int id);

    JobQueue* jobs_;
    QPointer<Document> document_;
    std::optional<ProxySize> size_ = ProxySize::Half;
    QString mediaState_; // the media paths, online flags and size last looked at
    ProxyMap proxies_;
    QHash<int, QString> ownJobs_; // job -> media path
    QSet<QString> givenUp_;       // media paths whose job failed or was cancelled
};

} // namespace retake
