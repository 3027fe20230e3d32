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
    explicit FarmDialog(QWidget* parent = nullptr);
    SlurmOptions slurmOptions() const; // the retake-cli beside this program
    int chunksPerTask() const;

private:
    QComboBox* backend_;
    QLineEdit* partition_;
    QSpinBox* chunksPerTask_;
};

} // namespace retake::gui
