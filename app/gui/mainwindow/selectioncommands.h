#pragma once

// The Edit menu's commands on the In/Out selection and the selected shot:
// lock and unlock frames (one undo step however many shots the selection
// crosses), regenerate, reframe, and the takes at the playhead. Jobs go to
// the window's JobQueue; what went wrong is said in the status bar.

#include "farm/slurm.h"

#include <QObject>
#include <QPair>
#include <QVector>
#include <optional>

class QMenu;

namespace retake::gui {

class MainWindow;

class SelectionCommands : public QObject {
    Q_OBJECT
public:
    explicit SelectionCommands(MainWindow* window);

    // Locks (or unlocks) the In/Out selection on every shot under it.
    void lockSelection();
    void unlockSelection();
    // Edit > Add Marker…: asks for a name and puts a marker on the timeline
    // at the playhead (one undo step).
    void addMarkerAtPlayhead();
    // Regenerates the unlocked frames of the In/Out selection, one job per
    // shot under it, with the inspector's engine, parameters and seed and
    // each shot's prompt. Returns the job IDs (none when nothing to do; the
    // status bar says why).
    QVector<int> regenerateSelection();
    // The same on the render farm (FarmDialog, JobQueue::addFarmRegeneration);
    // `options` instead of asking (tests).
    QVector<int> sendSelectionToFarm(std::optional<QPair<SlurmOptions, int>> options = {});
    // Edit > Reframe…: asks for a virtual camera move on the selected shot
    // (dialogs/reframedialog.h) and queues it; returns the job ID or 0.
    int reframeSelectedShot();
    // Edit > Take at Playhead: fills `menu` with the takes of the shot at the
    // playhead (common/takechoices.h).
    void fillTakeMenu(QMenu* menu);

private:
    void changeLocks(bool lock);

    MainWindow* window_;
};

} // namespace retake::gui
