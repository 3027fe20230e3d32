#include "jobswidget.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace retake::gui {

QString remainingText(qint64 remainingMs) {
    if (remainingMs < 0)
        return JobsWidget::tr("Estimating time left…");
    const qint64 seconds = (remainingMs + 999) / 1000;
    if (seconds < 60)
        return JobsWidget::tr("About %1 s left").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return JobsWidget::tr("About %1 min %2 s left").arg(minutes).arg(seconds % 60);
    return JobsWidget::tr("About %1 h %2 min left").arg(minutes / 60).arg(minutes % 60);
}

namespace {

QString stateText(const JobStatus& status) {
    switch (status.state) {
    case JobState::Queued:
        return JobsWidget::tr("Waiting");
    case JobState::Running:
        return status.stage.isEmpty() ? JobsWidget::tr("Running") : status.stage;
    case JobState::Succeeded:
        return JobsWidget::tr("Done in %1 s").arg(double(status.elapsedMs) / 1000.0, 0, 'f', 1);
    case JobState::Failed:
        return JobsWidget::tr("Failed");
    case JobState::Cancelled:
        return JobsWidget::tr("Cancelled");
    }
    return {};
}

} // namespace

JobRow::JobRow(int jobId, QWidget* parent)
    : QWidget(parent)
    , title(new QLabel(this))
    , stage(new QLabel(this))
    , bar(new QProgressBar(this))
    , remaining(new QLabel(this))
    , cancel(new QToolButton(this))
    , error(new QLabel(this)) {
    setObjectName(QStringLiteral("job%1").arg(jobId));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setTextFormat(Qt::PlainText);
    // Long titles and stages wrap instead of widening the dock.
    title->setWordWrap(true);
    title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    stage->setTextFormat(Qt::PlainText);
    stage->setWordWrap(true);
    stage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    stage->setForegroundRole(QPalette::PlaceholderText);
    bar->setRange(0, 1000);
    bar->setTextVisible(false);
    bar->setMaximumHeight(8);
    remaining->setForegroundRole(QPalette::PlaceholderText);
    cancel->setText(JobsWidget::tr("Cancel"));
    cancel->setToolTip(JobsWidget::tr("Stop this job; the project stays as it was."));
    cancel->setObjectName(QStringLiteral("cancelJob"));
    error->setTextFormat(Qt::PlainText);
    error->setWordWrap(true);
    error->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error->setStyleSheet(QStringLiteral("color: #f07060;"));
    error->hide();

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(8, 6, 8, 6);
    grid->setVerticalSpacing(3);
    grid->addWidget(title, 0, 0);
    grid->addWidget(cancel, 0, 1, 2, 1, Qt::AlignTop);
    grid->addWidget(bar, 1, 0);
    auto* line = new QHBoxLayout;
    line->addWidget(stage, 1);
    line->addWidget(remaining);
    grid->addLayout(line, 2, 0, 1, 2);
    grid->addWidget(error, 3, 0, 1, 2);
    grid->setColumnStretch(0, 1);
}

void JobRow::setStatus(const JobStatus& status) {
    title->setText(status.title);
    stage->setText(stateText(status));
    bar->setValue(int(status.fraction * 1000.0 + 0.5));
    bar->setEnabled(!status.isFinished() || status.state == JobState::Succeeded);
    remaining->setText(status.state == JobState::Running ? remainingText(status.remainingMs)
                                                         : QString());
    cancel->setVisible(!status.isFinished());
    const bool failed = status.state == JobState::Failed;
    error->setText(failed ? status.error : status.notes.join(QLatin1Char('\n')));
    error->setStyleSheet(failed ? QStringLiteral("color: #f07060;") : QString());
    error->setVisible(!error->text().isEmpty());
}

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
