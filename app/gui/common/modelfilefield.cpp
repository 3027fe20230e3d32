#include "common/modelfilefield.h"

#include "core/error.h"
#include "engines/modelcheck.h"
#include "media/fileutil.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace retake::gui {

namespace {

struct CheckOutcome {
    bool usable = false;
    ModelFileCheck check;
    QString error;
};

} // namespace

ModelFileField::ModelFileField(const QString& role, QWidget* parent)
    : QWidget(parent)
    , role_(role) {
    edit_ = new QLineEdit;
    edit_->setObjectName(QStringLiteral("modelPath"));
    auto* browse = new QPushButton(tr("Browse…"));
    check_ = new QPushButton(tr("Check"));
    check_->setObjectName(QStringLiteral("modelCheck"));
    check_->setToolTip(tr("Load the model, show what it takes and gives, and run it once on a "
                          "small synthetic picture."));
    hash_ = new QLabel;
    hash_->setObjectName(QStringLiteral("modelHash"));
    hash_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("modelStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {hash_, status_}) {
        QFont small = label->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        label->setFont(small);
        label->hide();
    }

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(edit_, 1);
    row->addWidget(browse);
    row->addWidget(check_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addLayout(row);
    column->addWidget(hash_);
    column->addWidget(status_);

    connect(browse, &QPushButton::clicked, this, &ModelFileField::browse);
    connect(check_, &QPushButton::clicked, this, &ModelFileField::check);
    connect(edit_, &QLineEdit::editingFinished, this, [this] {
        showHash();
        Q_EMIT pathChanged(path());
    });
}

QString ModelFileField::path() const {
    return edit_->text().trimmed();
}

void ModelFileField::setPath(const QString& path) {
    edit_->setText(path);
    showHash();
}

void ModelFileField::browse() {
    const QString file = QFileDialog::getOpenFileName(
        this, role_ == QLatin1String("depth") ? tr("Depth Model") : tr("Inpainting Model"), path(),
        tr("Models: AOTInductor packages and TorchScript (*.pt2 *.pt *.pth *.ts);;All files (*)"));
    if (file.isEmpty())
        return;
    setPath(file);
    Q_EMIT pathChanged(path());
}

void ModelFileField::showHash() {
    // The hash goes with the choice: it is what takes and exports record.
    // Hashing a large model takes a moment: off the UI thread.
    const QString file = path();
    status_->hide();
    if (file.isEmpty() || !QFileInfo(file).isFile()) {
        hash_->setVisible(!file.isEmpty());
        hash_->setText(tr("No such file"));
        hashedPath_.clear();
        return;
    }
    if (file == hashedPath_)
        return;
    hashedPath_ = file;
    hash_->setText(tr("SHA-256: computing…"));
    hash_->show();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, file] {
        watcher->deleteLater();
        if (file != hashedPath_)
            return; // chosen again meanwhile
        showHashValue(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([file] { return fileSha256(file); }));
}

void ModelFileField::showHashValue(const QString& sha256) {
    // The whole hash is 64 digits, wider than the inspector: its start is
    // shown, all of it in the tooltip and in what a copy takes.
    hash_->setToolTip(sha256);
    hash_->setText(sha256.isEmpty() ? tr("SHA-256: the file cannot be read")
                                    : tr("SHA-256: %1…").arg(sha256.left(16)));
    hash_->show();
}

void ModelFileField::check() {
    const QString file = path();
    if (file.isEmpty() || checking_)
        return;
    checking_ = true;
    check_->setEnabled(false);
    status_->setText(tr("Checking…"));
    status_->setStyleSheet(QString());
    status_->show();
    const QString device =
        QSettings().value(QStringLiteral("regen/device"), QStringLiteral("cpu")).toString();
    auto* watcher = new QFutureWatcher<CheckOutcome>(this);
    connect(watcher, &QFutureWatcher<CheckOutcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const CheckOutcome outcome = watcher->result();
        checking_ = false;
        check_->setEnabled(true);
        if (!outcome.usable) {
            status_->setStyleSheet(QStringLiteral("color: #f07060;"));
            status_->setText(outcome.error);
            status_->setToolTip(QString());
            Q_EMIT checked(false, false);
            return;
        }
        const ModelFileCheck& c = outcome.check;
        status_->setText(tr("%1, %2 model, compiled for %3; %4 ms per frame on %5")
                             .arg(c.kind, c.role, c.compiledFor)
                             .arg(c.secondsPerFrame * 1000.0, 0, 'f', 1)
                             .arg(c.device));
        status_->setToolTip(c.describe().join(QLatin1Char('\n')));
        showHashValue(c.sha256);
        Q_EMIT checked(true, c.takesPrompt);
    });
    watcher->setFuture(QtConcurrent::run([file, role = role_, device] {
        CheckOutcome outcome;
        try {
            outcome.check = checkModelFile(file, role, device);
            outcome.usable = true;
        } catch (const Error& e) {
            outcome.error = e.message();
        } catch (const std::exception& e) {
            outcome.error = QString::fromLocal8Bit(e.what());
        }
        return outcome;
    }));
}

} // namespace retake::gui
