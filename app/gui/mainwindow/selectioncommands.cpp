#include "mainwindow/selectioncommands.h"

#include "common/editorstate.h"
#include "common/takechoices.h"
#include "common/timelinemapping.h"
#include "core/error.h"
#include "core/timecode.h"
#include "dialogs/farmdialog.h"
#include "dialogs/reframedialog.h"
#include "document/document.h"
#include "inspector/inspectorwidget.h"
#include "interchange/otiomarkers.h"
#include "jobs/jobqueue.h"
#include "mainwindow/mainwindow.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>

namespace retake::gui {

SelectionCommands::SelectionCommands(MainWindow* window)
    : QObject(window)
    , window_(window) {}

void SelectionCommands::lockSelection() {
    changeLocks(true);
}

void SelectionCommands::unlockSelection() {
    changeLocks(false);
}

void SelectionCommands::addMarkerAtPlayhead() {
    const FrameNumber frame = window_->state()->currentFrame();
    const Project& project = window_->document()->project();
    int count = 0;
    for (const TimelineMarker& m : timelineMarkers(project))
        count += m.on == QLatin1String("timeline") ? 1 : 0;
    bool ok = false;
    const QString name = QInputDialog::getText(
        window_, tr("Add Marker"),
        tr("Name of the marker at %1:").arg(frameToTimecode(frame, project.frameRate)),
        QLineEdit::Normal, tr("Marker %1").arg(count + 1), &ok);
    if (!ok)
        return;
    try {
        window_->document()->addTimelineMarker(frame, name, QStringLiteral("GREEN"));
    } catch (const Error& e) {
        window_->showStatus(e.message());
    }
}

void SelectionCommands::changeLocks(bool lock) {
    const FrameRange selection = window_->state()->selection();
    if (selection.isEmpty()) {
        window_->showStatus(tr("Set In (I) and Out (O) around the frames first."));
        return;
    }
    const Project& project = window_->document()->project();
    // Only the shots whose locks would change: no empty undo steps.
    QVector<ShotSpan> spans;
    for (const ShotSpan& span : shotSpansIn(project, selection)) {
        const Shot* shot = project.findShot(span.shotId);
        if (lock ? !shot->locks.containsAll(span.media) : shot->locks.intersects(span.media))
            spans.push_back(span);
    }
    if (spans.isEmpty()) {
        window_->showStatus(
            lock ? tr("Frames %1 are already locked.").arg(selection.toInclusiveString())
                 : tr("No locked frames in %1.").arg(selection.toInclusiveString()));
        return;
    }
    const QString text = lock ? tr("Lock frames %1").arg(selection.toInclusiveString())
                              : tr("Unlock frames %1").arg(selection.toInclusiveString());
    // A selection across several shots is still one undo step.
    QUndoStack* stack = window_->document()->undoStack();
    const bool macro = spans.size() > 1;
    if (macro)
        stack->beginMacro(text);
    try {
        for (const ShotSpan& span : spans) {
            if (lock)
                window_->document()->lockRange(span.shotId, span.media);
            else
                window_->document()->unlockRange(span.shotId, span.media);
        }
    } catch (const Error& e) {
        if (macro) {
            stack->endMacro();
            stack->undo(); // back to where the selection started
        }
        window_->showStatus(e.message());
        return;
    }
    if (macro)
        stack->endMacro();
    window_->showStatus(text);
}

QVector<int> SelectionCommands::regenerateSelection() {
    const FrameRange selection = window_->state()->selection();
    if (selection.isEmpty()) {
        window_->showStatus(tr("Set In (I) and Out (O) around the frames to regenerate first."));
        return {};
    }
    QString error;
    const std::optional<RegenRequest> settings = window_->inspector()->regenerationSettings(&error);
    if (!settings) {
        window_->showStatus(error);
        return {};
    }
    const Project& project = window_->document()->project();
    QVector<int> ids;
    QStringList skipped;
    for (const ShotSpan& span : shotSpansIn(project, selection)) {
        const Shot* shot = project.findShot(span.shotId);
        const QString frames = span.media.shifted(-shot->source.start).toInclusiveString();
        if (shot->locks.containsAll(span.media)) {
            skipped << tr("frames %1 of “%2” are all locked").arg(frames, shot->name);
            continue;
        }
        RegenRequest request = *settings;
        request.shotId = shot->id;
        request.range = span.media;
        request.prompt = shot->prompt;
        ids << window_->jobQueue()->addRegeneration(
            window_->document(), request,
            tr("Regenerate “%1”, frames %2 (%3)").arg(shot->name, frames, request.engine));
    }
    if (ids.isEmpty()) {
        window_->showStatus(
            tr("Nothing to regenerate: %1.").arg(skipped.join(QStringLiteral("; "))));
        return ids;
    }
    window_->showJobs();
    window_->showStatus(skipped.isEmpty() ? tr("Regenerating in the background (%n job(s)).",
                                               nullptr, int(ids.size()))
                                          : tr("Regenerating in the background; skipped: %1.")
                                                .arg(skipped.join(QStringLiteral("; "))));
    return ids;
}

QVector<int>
SelectionCommands::sendSelectionToFarm(std::optional<QPair<SlurmOptions, int>> options) {
    const FrameRange selection = window_->state()->selection();
    if (selection.isEmpty()) {
        window_->showStatus(tr("Set In (I) and Out (O) around the frames to regenerate first."));
        return {};
    }
    Document* document = window_->document();
    if (document->filePath().isEmpty()) {
        window_->showStatus(tr("Save the project first: the farm's nodes read it from disk."));
        return {};
    }
    QString error;
    const std::optional<RegenRequest> settings = window_->inspector()->regenerationSettings(&error);
    if (!settings) {
        window_->showStatus(error);
        return {};
    }
    if (!options) {
        FarmDialog dialog(window_);
        if (dialog.exec() != QDialog::Accepted)
            return {};
        options = qMakePair(dialog.slurmOptions(), dialog.tasksSplit());
    }
    QVector<int> ids;
    try {
        document->save(); // the nodes read the file
        const Project& project = document->project();
        for (const ShotSpan& span : shotSpansIn(project, selection)) {
            const Shot* shot = project.findShot(span.shotId);
            if (shot->locks.containsAll(span.media))
                continue;
            RegenRequest request = *settings;
            request.shotId = shot->id;
            request.range = span.media;
            request.prompt = shot->prompt;
            ids << window_->jobQueue()->addFarmRegeneration(
                document, request, options->first, options->second,
                tr("Farm: regenerate “%1”, frames %2 (%3)")
                    .arg(shot->name, span.media.shifted(-shot->source.start).toInclusiveString(),
                         request.engine));
        }
    } catch (const Error& e) {
        window_->showStatus(e.message());
        return ids;
    }
    if (ids.isEmpty()) {
        window_->showStatus(tr("Nothing to regenerate: the frames are locked."));
        return ids;
    }
    window_->showJobs();
    window_->showStatus(
        tr("Sent to the farm (%n job(s)); the Jobs panel follows them.", nullptr, int(ids.size())));
    return ids;
}

int SelectionCommands::reframeSelectedShot() {
    QString error;
    const std::optional<RegenRequest> engine = window_->inspector()->regenerationSettings(&error);
    if (!engine) {
        window_->showStatus(error);
        return 0;
    }
    QString status;
    const int id = reframeWithDialog(window_, window_->document(), *window_->state(),
                                     window_->jobQueue(), *engine, &status);
    if (!status.isEmpty())
        window_->showStatus(status);
    if (id) {
        window_->showJobs();
    }
    return id;
}

void SelectionCommands::fillTakeMenu(QMenu* menu) {
    menu->clear();
    const Project& project = window_->document()->project();
    const FrameNumber frame = window_->state()->currentFrame();
    const QVector<ShotSpan> spans = shotSpansIn(project, {frame, frame + 1});
    const Shot* shot = spans.isEmpty() ? nullptr : project.findShot(spans.front().shotId);
    if (!shot) {
        menu->addAction(tr("No shot at the playhead"))->setEnabled(false);
        return;
    }
    addTakeActions(menu, window_->document(), *shot, spans.front().media.start,
                   [this](const QString& message) { window_->showStatus(message); });
}

} // namespace retake::gui
