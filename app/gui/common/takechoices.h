#pragma once

// Which pictures can show at a frame of a shot: the original and each take
// that covers the frame. The timeline's context menu and the Edit > Take
// menu offer them; choosing one is Document::setActiveTake (one undo step).

#include "model/project.h"

#include <QString>
#include <QVector>
#include <functional>

class QMenu;

namespace retake {
class Document;
}

namespace retake::gui {

struct TakeChoice {
    Id takeId;        // null = the original
    FrameRange range; // the range setActiveTake() is called with
    QString label;    // "Take 2 · propagate · seed 7 · frames 12-30"
    bool active = false;
};

// The original first, then the takes covering `mediaFrame` in the order they
// were made. Only the original when no take covers the frame.
QVector<TakeChoice> takeChoicesAt(const Shot& shot, FrameNumber mediaFrame);

// Fills `menu` with the choices as checkable actions (the shown one checked);
// triggering one switches the take. Errors go to `onError`.
void addTakeActions(QMenu* menu, Document* document, const Shot& shot, FrameNumber mediaFrame,
                    const std::function<void(const QString&)>& onError);

} // namespace retake::gui
