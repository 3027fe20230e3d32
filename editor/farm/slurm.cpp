#include "slurm.h"

#include "core/atomicfile.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

namespace retake {

namespace {

QString shellQuoted(const QString& text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString slurmDir(const FarmPlan& plan) {
    return QDir(plan.workDir).filePath(QStringLiteral("slurm"));
}

QString jobsFile(const FarmPlan& plan) {
    return QDir(slurmDir(plan)).filePath(QStringLiteral("jobs.json"));
}

// Runs a Slurm command; its output, or Error with what it printed.
QString runSlurm(const QString& program, const QStringList& args) {
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted(10000))
        throw Error(ErrorKind::Usage,
                    tr("%1 cannot be started (%2): is Slurm's client installed (Debian: "
                       "slurm-client)?")
                        .arg(program, process.errorString()));
    process.waitForFinished(60000);
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
    const QString err = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        throw Error(ErrorKind::Usage,
                    tr("%1 %2 failed: %3")
                        .arg(program, args.join(QLatin1Char(' ')), err.isEmpty() ? out : err));
    return out;
}

// "0-2" / "1,3": the array indices of the parts still to run.
QString arraySpec(const QVector<int>& tasks) {
    QStringList items;
    for (int i = 0; i < tasks.size();) {
        int j = i;
        while (j + 1 < tasks.size() && tasks[j + 1] == tasks[j] + 1)
            ++j;
        items << (j > i ? QStringLiteral("%1-%2").arg(tasks[i]).arg(tasks[j])
                        : QString::number(tasks[i]));
        i = j + 1;
    }
    return items.join(QLatin1Char(','));
}

QString writeScript(const FarmPlan& plan, const SlurmOptions& options, const QString& name,
                    const QString& jobName, const QString& log, const QString& task) {
    QStringList command{
        shellQuoted(options.retakeCli), QStringLiteral("farm"),
        QStringLiteral("run-task"),     shellQuoted(options.pathMap.apply(plan.planPath)),
        QStringLiteral("--task"),       task};
    for (const QString& a : options.pathMap.arguments())
        command << shellQuoted(a);
    const QString script =
        QStringLiteral("#!/bin/sh\n"
                       "# Retake farm job for %1, written by retake-cli farm submit.\n"
                       "#SBATCH --job-name=%2\n"
                       "#SBATCH --output=%3\n"
                       "exec %4\n")
            .arg(plan.planPath, jobName, options.pathMap.apply(log),
                 command.join(QLatin1Char(' ')));
    const QString path = QDir(slurmDir(plan)).filePath(name);
    writeFileAtomically(path, script.toUtf8());
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
    return path;
}

QString jobIdOf(const QString& parsable) {
    return parsable.section(QLatin1Char(';'), 0, 0).trimmed();
}

} // namespace

bool slurmAvailable() {
    return !QStandardPaths::findExecutable(QStringLiteral("sbatch")).isEmpty();
}

SlurmSubmission submitToSlurm(const FarmPlan& plan, const SlurmOptions& options) {
    if (!QDir().mkpath(slurmDir(plan)))
        throwOutputError(slurmDir(plan), tr("cannot create the folder"));
    const int finalTask = int(plan.tasks.size()) - 1;
    SlurmSubmission submission;
    QVector<int> parts;
    for (int t = 0; t < finalTask; ++t)
        if (farmTaskStatus(plan, t).state != FarmTaskState::Done)
            parts << t;
    if (farmTaskStatus(plan, finalTask).state == FarmTaskState::Done)
        throw Error(ErrorKind::Usage, tr("Every task of %1 is done: nothing to submit.")
                                          .arg(QDir::toNativeSeparators(plan.planPath)));
    // Pending again before any of them can start.
    for (int t : parts)
        resetFarmTask(plan, t);
    resetFarmTask(plan, finalTask);
    QStringList common{QStringLiteral("--parsable")};
    if (!options.partition.isEmpty())
        common << QStringLiteral("--partition=%1").arg(options.partition);
    if (options.cpusPerTask > 0)
        common << QStringLiteral("--cpus-per-task=%1").arg(options.cpusPerTask);
    const QString logs = slurmDir(plan);
    if (!parts.isEmpty()) {
        const QString script = writeScript(plan, options, QStringLiteral("parts.sbatch"),
                                           QStringLiteral("retake-parts"),
                                           QDir(logs).filePath(QStringLiteral("task_%a.log")),
                                           QStringLiteral("\"$SLURM_ARRAY_TASK_ID\""));
        submission.partsJob = jobIdOf(runSlurm(
            QStringLiteral("sbatch"),
            common + QStringList{QStringLiteral("--array=%1").arg(arraySpec(parts)), script}));
        submission.submitted = parts;
    }
    const QString script =
        writeScript(plan, options, QStringLiteral("final.sbatch"), QStringLiteral("retake-final"),
                    QDir(logs).filePath(QStringLiteral("task_%1.log").arg(finalTask)),
                    QString::number(finalTask));
    QStringList finalArgs = common;
    // A final task whose parts failed would wait for ever: Slurm cancels it.
    if (!submission.partsJob.isEmpty())
        finalArgs << QStringLiteral("--dependency=afterok:%1").arg(submission.partsJob)
                  << QStringLiteral("--kill-on-invalid-dep=yes");
    submission.finalJob = jobIdOf(runSlurm(QStringLiteral("sbatch"), finalArgs << script));
    submission.submitted << finalTask;

    QJsonArray tasks;
    for (int t : submission.submitted)
        tasks.append(t);
    writeFileAtomically(jobsFile(plan),
                        QJsonDocument(QJsonObject{{QStringLiteral("parts"), submission.partsJob},
                                                  {QStringLiteral("final"), submission.finalJob},
                                                  {QStringLiteral("finalTask"), finalTask},
                                                  {QStringLiteral("tasks"), tasks}})
                            .toJson());
    return submission;
}

namespace {

QJsonObject submittedJobs(const FarmPlan& plan) {
    QFile file(jobsFile(plan));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

QMap<int, QString> slurmTaskStates(const FarmPlan& plan) {
    const QJsonObject jobs = submittedJobs(plan);
    const QString parts = jobs.value(QStringLiteral("parts")).toString();
    const QString final = jobs.value(QStringLiteral("final")).toString();
    QStringList ids;
    for (const QString& id : {parts, final})
        if (!id.isEmpty())
            ids << id;
    QMap<int, QString> states;
    if (ids.isEmpty())
        return states;
    QString out;
    try {
        // -r: one line per array task, also while they are pending.
        out = runSlurm(QStringLiteral("squeue"),
                       {QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-t"),
                        QStringLiteral("all"), QStringLiteral("-j"), ids.join(QLatin1Char(',')),
                        QStringLiteral("-o"), QStringLiteral("%i|%T")});
    } catch (const Error&) {
        return states; // squeue forgot the jobs, or Slurm is not reachable
    }
    const int finalTask = jobs.value(QStringLiteral("finalTask")).toInt();
    for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString id = line.section(QLatin1Char('|'), 0, 0);
        const QString state = line.section(QLatin1Char('|'), 1, 1);
        if (id == final)
            states.insert(finalTask, state);
        else if (!parts.isEmpty() && id.startsWith(parts + QLatin1Char('_'))) {
            bool ok = false;
            const int task = id.mid(parts.size() + 1).toInt(&ok);
            if (ok)
                states.insert(task, state);
        }
    }
    return states;
}

QStringList cancelSlurmJobs(const FarmPlan& plan) {
    const QJsonObject jobs = submittedJobs(plan);
    QStringList ids;
    for (const char* key : {"parts", "final"}) {
        const QString id = jobs.value(QLatin1String(key)).toString();
        if (!id.isEmpty())
            ids << id;
    }
    if (ids.isEmpty())
        throw Error(
            ErrorKind::Usage,
            tr("%1 was never submitted to Slurm.").arg(QDir::toNativeSeparators(plan.planPath)));
    runSlurm(QStringLiteral("scancel"), ids);
    return ids;
}

} // namespace retake
