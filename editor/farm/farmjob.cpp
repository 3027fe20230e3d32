#include "farmjob.h"

#include "core/translate.h"
#include "projectfile/projectfile.h"

#include <QCoreApplication>

namespace retake {

QStringList regenArguments(const Project& project, const RegenRequest& request) {
    if (request.transform)
        throw Error(ErrorKind::Usage, tr("A reframe runs on this machine, not on the farm."));
    const Shot* shot = project.findShot(request.shotId);
    if (!shot)
        throw Error(ErrorKind::Usage, tr("No shot with ID %1.").arg(idToString(request.shotId)));
    if (!request.maskId.isNull() &&
        (shot->masks.isEmpty() || shot->masks.last().id != request.maskId))
        throw Error(ErrorKind::Usage, tr("The farm regenerates with the shot's newest mask."));
    QStringList args{
        QStringLiteral("--shot"),   idToString(shot->id),
        QStringLiteral("--range"),  request.range.shifted(-shot->source.start).toInclusiveString(),
        QStringLiteral("--engine"), request.engine,
        QStringLiteral("--seed"),   QString::number(request.seed),
        QStringLiteral("--device"), request.device};
    for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it)
        args << QStringLiteral("--param") << it.key() + QLatin1Char('=') + it.value();
    if (!request.prompt.isEmpty())
        args << QStringLiteral("--prompt") << request.prompt;
    if (!request.referencePath.isEmpty())
        args << QStringLiteral("--reference") << request.referencePath;
    if (!request.referenceFollows.isNull())
        args << QStringLiteral("--reference-follows") << idToString(request.referenceFollows);
    if (request.referenceFrame >= 0)
        args << QStringLiteral("--reference-frame")
             << QString::number(request.referenceFrame - shot->source.start);
    return args;
}

FarmProgress farmProgress(const FarmPlan& plan) {
    FarmProgress progress;
    progress.total = int(plan.tasks.size());
    const QMap<int, QString> slurm = slurmTaskStates(plan);
    QStringList running;
    for (const FarmTask& task : plan.tasks) {
        const FarmTaskStatus status = farmTaskStatus(plan, task.index);
        if (status.state == FarmTaskState::Done) {
            ++progress.done;
            continue;
        }
        if (status.state == FarmTaskState::Failed && progress.failure.isEmpty())
            progress.failure =
                tr("Task %1 failed on %2: %3").arg(task.index).arg(status.host, status.message);
        if (status.state == FarmTaskState::Running)
            running << tr("task %1 running on %2").arg(task.index).arg(status.host);
        const QString state = slurm.value(task.index);
        if (progress.failure.isEmpty() && status.state != FarmTaskState::Running &&
            (state == QLatin1String("CANCELLED") || state == QLatin1String("FAILED") ||
             state == QLatin1String("TIMEOUT") || state == QLatin1String("NODE_FAIL")))
            progress.failure = tr("Slurm ended task %1 (%2).").arg(task.index).arg(state);
    }
    progress.summary = tr("%1 of %2 tasks done").arg(progress.done).arg(progress.total);
    if (!running.isEmpty())
        progress.summary += QStringLiteral("; ") + running.join(QStringLiteral(", "));
    return progress;
}

std::optional<Take> recordedTake(const FarmPlan& plan) {
    const Project project = loadProjectFile(plan.projectPath);
    if (const Shot* shot = project.findShot(plan.shotId))
        for (const Take& take : shot->takes)
            if (take.id == plan.takeId)
                return take;
    return std::nullopt;
}

} // namespace retake
