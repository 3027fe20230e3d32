#pragma once

// Media files dropped on the widgets this filter is installed on (the
// storyboard's viewport and the timeline) import like File > Import Media.
// Other drags (the storyboard's own card drags) pass through.

#include <QObject>
#include <QStringList>

namespace retake::gui {

class MediaDropFilter : public QObject {
    Q_OBJECT
public:
    explicit MediaDropFilter(QObject* parent = nullptr);

Q_SIGNALS:
    void filesDropped(const QStringList& paths);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace retake::gui
