#include "farmdialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace retake::gui {

FarmDialog::FarmDialog(QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Send to Farm"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    backend_ = new QComboBox;
    backend_->setObjectName(QStringLiteral("farmBackend"));
    backend_->addItem(tr("Slurm (sbatch)"));
    form->addRow(tr("Scheduler:"), backend_);
    partition_ = new QLineEdit;
    partition_->setObjectName(QStringLiteral("farmPartition"));
    partition_->setPlaceholderText(tr("the cluster's default"));
    form->addRow(tr("Partition:"), partition_);
    chunksPerTask_ = new QSpinBox;
    chunksPerTask_->setObjectName(QStringLiteral("farmChunksPerTask"));
    chunksPerTask_->setRange(1, 64);
    chunksPerTask_->setValue(1);
    chunksPerTask_->setToolTip(tr("Each task regenerates this many of the engine's chunks "
                                  "(32 frames each by default)."));
    form->addRow(tr("Chunks per task:"), chunksPerTask_);
    layout->addLayout(form);
    auto* note = new QLabel(tr("The project is saved first: the farm's nodes read it, its media "
                               "and its cache folder from storage they all see. The take appears "
                               "here when the farm has assembled it; closing Retake leaves the "
                               "farm working."));
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Submit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

SlurmOptions FarmDialog::slurmOptions() const {
    SlurmOptions options;
    // The nodes run the command line that came with this editor.
    options.retakeCli =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("retake-cli"));
    options.partition = partition_->text().trimmed();
    return options;
}

int FarmDialog::chunksPerTask() const {
    return chunksPerTask_->value();
}

} // namespace retake::gui
