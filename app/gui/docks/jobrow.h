#pragma once

// One job in the Jobs dock (jobswidget.h): title, stage, progress, time left,
// Cancel and the error text of a failed job.

#include "jobs/jobqueue.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace retake::gui {

class JobRow : public QWidget {
    Q_OBJECT
public:
    explicit JobRow(int jobId, QWidget* parent = nullptr);
    void setStatus(const JobStatus& status);

    QLabel* title;
    QLabel* stage;
    QProgressBar* bar;
    QLabel* remaining;
    QToolButton* cancel;
    QLabel* error;
};

// "About 1 min 20 s left", "Estimating time left…"
QString remainingText(qint64 remainingMs);

} // namespace retake::gui
