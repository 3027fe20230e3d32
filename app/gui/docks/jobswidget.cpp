#include "docks/jobswidget.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace retake::gui {

JobsWidget::JobsWidget(JobQueue* queue, QWidget* parent)
    : QWidget(parent)
    , queue_(queue)
    , list_(new QVBoxLayout)
    , empty_(new QLabel(tr("No jobs. Select a range and press R to regenerate it."), this))
    , clear_(new QPushButton(tr("Clear Finished"), this)) {
    setObjectName(QStringLiteral("jobs"));
    empty_->setWordWrap(true);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setForegroundRole(QPalette::PlaceholderText);
    clear_->setEnabled(false);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(list_);
    contentLayout->addWidget(empty_);
    contentLayout->addStretch();
    list_->setSpacing(0);
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->addWidget(scroll, 1);
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(8, 0, 8, 0);
    buttons->addStretch();
    buttons->addWidget(clear_);
    layout->addLayout(buttons);

    tick_.setInterval(1000);
    connect(&tick_, &QTimer::timeout, this, &JobsWidget::refreshRunning);
    connect(queue_, &JobQueue::jobAdded, this, &JobsWidget::addRow);
    connect(queue_, &JobQueue::jobChanged, this, &JobsWidget::refresh);
    connect(queue_, &JobQueue::jobsCleared, this, &JobsWidget::rebuild);
    connect(queue_, &JobQueue::jobRemoved, this, &JobsWidget::rebuild);
    connect(clear_, &QPushButton::clicked, queue_, &JobQueue::clearFinished);
    rebuild();
}

void JobsWidget::addRow(int jobId) {
    auto* row = new JobRow(jobId);
    connect(row->cancel, &QToolButton::clicked, this, [this, jobId] { queue_->cancel(jobId); });
    // Newest on top.
    list_->insertWidget(0, row);
    rows_.insert(jobId, row);
    refresh(jobId);
}

void JobsWidget::refresh(int jobId) {
    if (JobRow* r = rows_.value(jobId))
        r->setStatus(queue_->status(jobId));
    const int unfinished = queue_->unfinishedCount();
    empty_->setVisible(rows_.isEmpty());
    clear_->setEnabled(int(rows_.size()) > unfinished);
    if (unfinished > 0 && !tick_.isActive())
        tick_.start();
    else if (unfinished == 0)
        tick_.stop();
}

void JobsWidget::refreshRunning() {
    for (const JobStatus& status : queue_->jobs())
        if (status.state == JobState::Running)
            if (JobRow* r = rows_.value(status.id))
                r->setStatus(status);
}

void JobsWidget::rebuild() {
    for (JobRow* r : std::as_const(rows_))
        delete r;
    rows_.clear();
    const QVector<JobStatus> jobs = queue_->jobs();
    for (const JobStatus& status : jobs)
        addRow(status.id);
    empty_->setVisible(rows_.isEmpty());
    clear_->setEnabled(false);
    if (jobs.isEmpty())
        tick_.stop();
}

} // namespace retake::gui
