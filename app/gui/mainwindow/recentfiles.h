#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace retake::gui {

// The recently opened projects, newest first, kept in QSettings; fills a
// File > Open Recent menu.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaximum = 10;

    RecentFiles(QMenu* menu, QObject* parent = nullptr);
    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void store(const QStringList& files);
    void rebuildMenu();

    QMenu* menu_;
};

} // namespace retake::gui
