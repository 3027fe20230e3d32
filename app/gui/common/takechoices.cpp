#include "common/takechoices.h"

#include "core/error.h"
#include "document/document.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QPointer>

namespace {

class TakeChoices {
    Q_DECLARE_TR_FUNCTIONS(TakeChoices)
};

} // namespace

namespace retake::gui {

QVector<TakeChoice> takeChoicesAt(const Shot& shot, FrameNumber mediaFrame) {
    const Take* shown = shot.activeTakeAt(mediaFrame);
    QVector<TakeChoice> choices;
    TakeChoice original;
    // Showing the original replaces the selection of the take shown now.
    original.range = shown ? shown->range : FrameRange{mediaFrame, mediaFrame + 1};
    original.label = TakeChoices::tr("Original");
    original.active = shown == nullptr;
    choices.push_back(original);
    for (int i = 0; i < shot.takes.size(); ++i) {
        const Take& take = shot.takes[i];
        if (!take.range.contains(mediaFrame))
            continue;
        TakeChoice choice;
        choice.takeId = take.id;
        choice.range = take.range;
        choice.label = TakeChoices::tr("Take %1 · %2 · seed %3 · frames %4")
                           .arg(i + 1)
                           .arg(take.engine)
                           .arg(take.seed)
                           .arg(take.range.shifted(-shot.source.start).toInclusiveString());
        choice.active = shown && shown->id == take.id;
        choices.push_back(choice);
    }
    return choices;
}

void addTakeActions(QMenu* menu, Document* document, const Shot& shot, FrameNumber mediaFrame,
                    const std::function<void(const QString&)>& onError) {
    const QVector<TakeChoice> choices = takeChoicesAt(shot, mediaFrame);
    if (choices.size() == 1) {
        menu->addAction(TakeChoices::tr("No takes at this frame"))->setEnabled(false);
        return;
    }
    auto* group = new QActionGroup(menu);
    const QPointer<Document> target = document;
    const Id shotId = shot.id;
    for (const TakeChoice& choice : choices) {
        QAction* action = menu->addAction(choice.label);
        action->setCheckable(true);
        action->setChecked(choice.active);
        action->setData(choice.takeId.toString());
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [target, shotId, choice, onError] {
            if (!target || choice.active)
                return;
            try {
                target->setActiveTake(shotId, choice.range, choice.takeId);
            } catch (const Error& e) {
                onError(e.message());
            }
        });
    }
}

} // namespace retake::gui
