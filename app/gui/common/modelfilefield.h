#pragma once

// Where the GUI asks for a model file of the user's own (the inspector's
// model engine, the Export dialog's depth model): the path, Browse…, Check,
// and the file's SHA-256 shown with the choice. Check runs the model once
// off the UI thread (editor/engines/modelcheck.h) and says what it is, or
// what is wrong with it. Naming a file here is what lets Retake load it; a
// project never does (docs/models.md).

#include <QFutureWatcher>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace retake::gui {

class ModelFileField : public QWidget {
    Q_OBJECT

public:
    // role: "inpainting" or "depth".
    explicit ModelFileField(const QString& role, QWidget* parent = nullptr);

    QString path() const;
    void setPath(const QString& path);

    QLineEdit* pathEdit() const { return edit_; }
    QPushButton* checkButton() const { return check_; }
    QLabel* hashLabel() const { return hash_; }
    QLabel* statusLabel() const { return status_; }
    bool checking() const { return checking_; }

Q_SIGNALS:
    void pathChanged(const QString& path);
    // After a check: whether the model can be used, and whether it reads a prompt.
    void checked(bool usable, bool takesPrompt);

private:
    void browse();
    void check();
    void showHash();
    void showHashValue(const QString& sha256);

    QString role_;
    QLineEdit* edit_;
    QPushButton* check_;
    QLabel* hash_;
    QLabel* status_;
    bool checking_ = false;
    QString hashedPath_;
};

} // namespace retake::gui
