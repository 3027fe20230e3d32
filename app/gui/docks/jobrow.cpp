#include "docks/jobrow.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace retake::gui {

QString remainingText(qint64 remainingMs) {
    if (remainingMs < 0)
        return JobRow::tr("Estimating time left…");
    const qint64 seconds = (remainingMs + 999) / 1000;
    if (seconds < 60)
        return JobRow::tr("About %1 s left").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return JobRow::tr("About %1 min %2 s left").arg(minutes).arg(seconds % 60);
    return JobRow::tr("About %1 h %2 min left").arg(minutes / 60).arg(minutes % 60);
}

namespace {

QString stateText(const JobStatus& status) {
    switch (status.state) {
    case JobState::Queued:
        return JobRow::tr("Waiting");
    case JobState::Running:
        return status.stage.isEmpty() ? JobRow::tr("Running") : status.stage;
    case JobState::Succeeded:
        return JobRow::tr("Done in %1 s").arg(double(status.elapsedMs) / 1000.0, 0, 'f', 1);
    case JobState::Failed:
        return JobRow::tr("Failed");
    case JobState::Cancelled:
        return JobRow::tr("Cancelled");
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
    cancel->setText(tr("Cancel"));
    cancel->setToolTip(tr("Stop this job; the project stays as it was."));
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

} // namespace retake::gui
