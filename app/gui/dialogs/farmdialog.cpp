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

FarmDialog::FarmDialog(QWidget* parent, Split split)
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
    perTask_ = new QSpinBox;
    perTask_->setObjectName(QStringLiteral("farmPerTask"));
    if (split == Split::Chunks) {
        perTask_->setRange(1, 64);
        perTask_->setValue(1);
        perTask_->setToolTip(tr("Each task regenerates this many of the engine's chunks "
                                "(32 frames each by default)."));
        form->addRow(tr("Chunks per task:"), perTask_);
    } else {
        perTask_->setRange(1, 100000);
        perTask_->setValue(48);
        perTask_->setToolTip(tr("Each task exports this many frames; a movie's parts are "
                                "joined at the end, with its sound."));
        form->addRow(tr("Frames per task:"), perTask_);
    }
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

int FarmDialog::tasksSplit() const {
    return perTask_->value();
}

} // namespace retake::gui
