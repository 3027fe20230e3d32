#pragma once

// Edit > Send Range to Farm…: where the regeneration goes (the schedulers
// found on this machine: Slurm when sbatch is on PATH), its partition and
// how many engine chunks each task runs.

#include "farm/slurm.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace retake::gui {

class FarmDialog : public QDialog {
    Q_OBJECT
public:
    // What a task takes: engine chunks (a regeneration) or frames (an export).
    enum class Split { Chunks, Frames };
    explicit FarmDialog(QWidget* parent = nullptr, Split split = Split::Chunks);
    SlurmOptions slurmOptions() const; // the retake-cli beside this program
    int tasksSplit() const;            // chunks or frames per task

private:
    QComboBox* backend_;
    QLineEdit* partition_;
    QSpinBox* perTask_;
};

} // namespace retake::gui
