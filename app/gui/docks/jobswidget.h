#pragma once

// The Jobs dock: one row per queued, running or finished job of a JobQueue,
// with its progress, the time left, a Cancel button and the error text of a
// failed job. Rows update from the queue's signals and, while jobs run, from
// a one-second timer for the time left (no polling otherwise).

#include "docks/jobrow.h"
#include "jobs/jobqueue.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace retake::gui {

class JobsWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobsWidget(JobQueue* queue, QWidget* parent = nullptr);

    JobRow* row(int jobId) const { return rows_.value(jobId); }
    int rowCount() const { return int(rows_.size()); }

private:
    void addRow(int jobId);
    void refresh(int jobId);
    void refreshRunning();
    void rebuild();

    JobQueue* queue_;
    QVBoxLayout* list_;
    QLabel* empty_;
    QPushButton* clear_;
    QHash<int, JobRow*> rows_;
    QTimer tick_;
};

} // namespace retake::gui
