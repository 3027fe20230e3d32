// retake-cli farm plan | run-task | run | status | submit | cancel | export.
#include "farmcommand.h"

#include "cli.h"
#include "farm/farmtasks.h"
#include "farm/openjd.h"
#include "farm/slurm.h"
#include "options.h"
#include "projectcommands.h"
#include "projectfile/projectfile.h"
#include "regencommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <algorithm>

namespace retake::cli {

namespace {

// Options of regen and export whose values are files: stored absolute in a
// plan, so that every node reads the same ones (--path-map moves them).
const QStringList kPathOptions = {QStringLiteral("--out"), QStringLiteral("--reference"),
                                  QStringLiteral("--lut"), QStringLiteral("--look"),
                                  QStringLiteral("--cdl"), QStringLiteral("--ocio-config")};

QString absolute(const QString& path) {
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QStringList absolutePaths(const QStringList& arguments) {
    QStringList out;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString a = arguments[i];
        const QString name = a.section(QLatin1Char('='), 0, 0);
        const bool inline_ = a.contains(QLatin1Char('=')) && a.startsWith(QLatin1String("--"));
        if (kPathOptions.contains(name)) {
            if (inline_)
                out << name + QLatin1Char('=') + absolute(a.section(QLatin1Char('='), 1));
            else if (i + 1 < arguments.size())
                out << a << absolute(arguments[++i]);
            else
                out << a;
        } else if ((a == QLatin1String("--param") && i + 1 < arguments.size() &&
                    arguments[i + 1].startsWith(QLatin1String("model=")))) {
            out << a << QStringLiteral("model=") + absolute(arguments[++i].mid(6));
        } else {
            out << a;
        }
    }
    return out;
}

PathMap pathMapFrom(const QCommandLineParser& p) {
    PathMap map;
    for (const QString& rule : p.values(QStringLiteral("path-map")))
        map.add(rule);
    return map;
}

void addPathMapOption(QCommandLineParser& p) {
    p.addOption({QStringLiteral("path-map"),
                 QStringLiteral("FROM=TO: this node sees the plan's folder FROM at TO "
                                "(repeatable)."),
                 QStringLiteral("FROM=TO")});
}

// A plan's file, then each task: what it covers and what it waits for.
void printPlan(const FarmPlan& plan) {
    printLine(QStringLiteral("%1\t%2 tasks").arg(plan.planPath).arg(plan.tasks.size()));
    for (const FarmTask& t : plan.tasks) {
        // Parts cover engine chunks or frames; a final task covers them all.
        QString covers;
        if (t.end > t.first) {
            const bool chunks = t.kind == FarmTaskKind::RegenChunks;
            covers = t.end - t.first == 1
                         ? QStringLiteral(" %1 %2")
                               .arg(chunks ? QStringLiteral("chunk") : QStringLiteral("frame"))
                               .arg(t.first)
                         : QStringLiteral(" %1 %2-%3")
                               .arg(chunks ? QStringLiteral("chunks") : QStringLiteral("frames"))
                               .arg(t.first)
                               .arg(t.end - 1);
        }
        printLine(
            QStringLiteral("  task %1\t%2%3%4")
                .arg(t.index)
                .arg(toString(t.kind))
                .arg(covers)
                .arg(t.dependsOn.isEmpty()
                         ? QString()
                         : QStringLiteral("\tafter %1")
                               .arg(t.dependsOn.size() == 1
                                        ? QString::number(t.dependsOn[0])
                                        : QStringLiteral("%1 tasks").arg(t.dependsOn.size()))));
    }
}

int farmPlan(const QStringList& args) {
    // farm plan PROJECT --out PLAN [options] regen|export COMMAND-OPTIONS...
    int split = -1;
    for (int i = 1; i < args.size(); ++i)
        if (args[i] == QLatin1String("regen") || args[i] == QLatin1String("export")) {
            split = i;
            break;
        }
    QCommandLineParser p;
    p.addOption({QStringLiteral("out"), QStringLiteral("The plan file to write (.json)."),
                 QStringLiteral("PLAN")});
    p.addOption({QStringLiteral("work"),
                 QStringLiteral("Folder for the tasks' states and intermediate files, on storage "
                                "every node sees (default: PLAN without .json, plus .farm)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("chunks-per-task"),
                 QStringLiteral("Regeneration: engine chunks per task (default 1)."),
                 QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("masked-shots"),
                 QStringLiteral("Regeneration: one plan for every shot whose mask has no take yet "
                                "and that has unlocked frames, written as PLAN-SHOT.json; regen's "
                                "options (but --shot) apply to each.")});
    p.addOption({QStringLiteral("frames-per-task"),
                 QStringLiteral("Export: frames per task (default 48)."), QStringLiteral("N"),
                 QStringLiteral("48")});
    if (!parse(p, split < 0 ? args : args.mid(0, split),
               QStringLiteral("Plan a regeneration or an export for a render farm: "
                              "retake-cli farm plan PROJECT --out PLAN regen|export OPTIONS, "
                              "where OPTIONS are those of `retake-cli regen` or `export`. Each "
                              "task is then run by `farm run-task`, on any node."),
               QStringLiteral("PROJECT regen|export OPTIONS")))
        return Ok;
    if (split < 0)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("Say what to plan: regen or export, then its options."));
    const QString projectPath = positional(p, 0, QStringLiteral("the project file"));
    const QString planPath = p.value(QStringLiteral("out"));
    if (planPath.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("Give the plan file with --out."));
    const QString work =
        p.isSet(QStringLiteral("work"))
            ? p.value(QStringLiteral("work"))
            : QFileInfo(planPath).absoluteDir().filePath(QFileInfo(planPath).completeBaseName() +
                                                         QStringLiteral(".farm"));
    const int perTask = int(parseNumber(
        p.value(p.isSet(QStringLiteral("chunks-per-task")) || args[split] == QLatin1String("regen")
                    ? QStringLiteral("chunks-per-task")
                    : QStringLiteral("frames-per-task")),
        QStringLiteral("--chunks-per-task / --frames-per-task")));
    if (perTask < 1)
        throw Error(ErrorKind::Usage, QStringLiteral("Tasks take at least one chunk or frame."));
    const QStringList arguments = absolutePaths(args.mid(split + 1));
    const Project project = loadProjectFile(projectPath);
    const bool maskedShots = p.isSet(QStringLiteral("masked-shots"));
    if (maskedShots && args[split] != QLatin1String("regen"))
        throw Error(ErrorKind::Usage, QStringLiteral("--masked-shots plans regenerations only."));
    if (maskedShots && arguments.contains(QStringLiteral("--shot")))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("--masked-shots chooses the shots: leave out --shot."));
    const auto planOne = [&](const QString& planFile, const QString& workDir,
                             const QStringList& options) {
        FarmPlan plan;
        if (args[split] == QLatin1String("regen")) {
            const RegenRequest request = regenRequestFromArguments(options, project);
            retake::Progress progress(stderrProgress(QStringLiteral("farm plan")));
            plan = planFarmRegeneration(project, projectPath, request, options, workDir, perTask,
                                        progress);
        } else {
            const ExportRequest request = exportRequestFromArguments(options, project);
            plan = planFarmExport(project, projectPath, request, options, workDir, perTask);
        }
        saveFarmPlan(plan, planFile);
        printPlan(plan);
    };
    if (!maskedShots) {
        planOne(planPath, work, arguments);
        return Ok;
    }
    // Shots whose mask (the last, which regen uses) has no take made with it.
    const QFileInfo out(planPath);
    QSet<QString> names;
    QSet<Id> seen;
    int planned = 0;
    for (const Track& track : project.tracks) {
        for (const Id& shotId : track.shots) {
            const Shot* shot = project.findShot(shotId);
            if (!shot || seen.contains(shotId) || shot->masks.isEmpty())
                continue;
            seen.insert(shotId);
            const Id mask = shot->masks.back().id;
            if (std::any_of(shot->takes.begin(), shot->takes.end(),
                            [&](const Take& t) { return t.maskId == mask; }))
                continue;
            if (shot->locks.containsAll(shot->source)) {
                printLine(QStringLiteral("%1\tskipped: every frame is locked").arg(shot->name));
                continue;
            }
            QString name = shot->name;
            name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")),
                         QStringLiteral("_"));
            if (name.isEmpty() || names.contains(name))
                name += QLatin1Char('-') + idToString(shot->id).left(8);
            names.insert(name);
            const QString base = out.completeBaseName() + QLatin1Char('-') + name;
            planOne(out.absoluteDir().filePath(base + QStringLiteral(".json")),
                    p.isSet(QStringLiteral("work"))
                        ? QDir(work).filePath(base + QStringLiteral(".farm"))
                        : out.absoluteDir().filePath(base + QStringLiteral(".farm")),
                    arguments + QStringList{QStringLiteral("--shot"), idToString(shot->id)});
            ++planned;
        }
    }
    if (planned == 0)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1: no shot has a mask without a take: nothing to plan.")
                        .arg(QDir::toNativeSeparators(projectPath)));
    return Ok;
}

// Runs one task; its state goes into the work folder whatever happens.
QStringList runTask(const FarmPlan& plan, int index, retake::Progress& progress) {
    plan.task(index);
    FarmTaskRun run(plan, index);
    try {
        requireVisibleOnNode(plan.projectPath, QStringLiteral("The project"));
        const Project project = loadProjectFile(plan.projectPath);
        QStringList notes;
        if (plan.job == FarmPlan::Job::Regeneration)
            notes = runFarmRegenTask(plan, index,
                                     regenRequestFromArguments(plan.arguments, project), progress);
        else
            notes = runFarmExportTask(
                plan, index, exportRequestFromArguments(plan.arguments, project), progress);
        run.finished();
        return notes;
    } catch (const Error& e) {
        run.failed(e.message());
        const QString node = QSysInfo::machineHostName();
        throw Error(e.kind(),
                    QStringLiteral("task %1 on %2: %3").arg(index).arg(node, e.message()));
    }
}

int farmRunTask(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("task"), QStringLiteral("The task's index."), QStringLiteral("N")});
    addPathMapOption(p);
    if (!parse(p, args,
               QStringLiteral("Run one task of a farm plan on this node: what every farm node "
                              "executes. Its result appears under final names only when it "
                              "completes; running it again gives the same bytes."),
               QStringLiteral("PLAN")))
        return Ok;
    const PathMap map = pathMapFrom(p);
    const QString planPath = map.apply(positional(p, 0, QStringLiteral("the plan file")));
    requireVisibleOnNode(planPath, QStringLiteral("The plan"));
    const FarmPlan plan = loadFarmPlan(planPath, map);
    if (!p.isSet(QStringLiteral("task")))
        throw Error(ErrorKind::Usage, QStringLiteral("Give the task with --task N."));
    const int index = int(parseNumber(p.value(QStringLiteral("task")), QStringLiteral("--task")));
    retake::Progress progress(stderrProgress(QStringLiteral("task %1").arg(index)));
    installInterruptHandler(&progress);
    const QStringList notes = runTask(plan, index, progress);
    installInterruptHandler(nullptr);
    for (const QString& note : notes)
        printLine(note);
    return Ok;
}

int farmRun(const QStringList& args) {
    QCommandLineParser p;
    addPathMapOption(p);
    if (!parse(p, args,
               QStringLiteral("Run every task of a farm plan here, in order, skipping those "
                              "done: the single-machine run of the same plan."),
               QStringLiteral("PLAN")))
        return Ok;
    const PathMap map = pathMapFrom(p);
    const FarmPlan plan =
        loadFarmPlan(map.apply(positional(p, 0, QStringLiteral("the plan file"))), map);
    retake::Progress progress(stderrProgress(QStringLiteral("farm run")));
    installInterruptHandler(&progress);
    for (const FarmTask& task : plan.tasks) {
        if (farmTaskStatus(plan, task.index).state == FarmTaskState::Done)
            continue;
        QElapsedTimer timer;
        timer.start();
        const QStringList notes = runTask(plan, task.index, progress);
        printLine(QStringLiteral("task %1\tdone in %2 s")
                      .arg(task.index)
                      .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
        for (const QString& note : notes)
            printLine(QStringLiteral("  %1").arg(note));
    }
    installInterruptHandler(nullptr);
    return Ok;
}

int farmStatus(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the states as JSON.")});
    if (!parse(p, args,
               QStringLiteral("The state of each task of a farm plan (from the work folder, and "
                              "from Slurm when the plan was submitted there). Exits 0 when "
                              "every task is done, 1 while some are not, and names failures."),
               QStringLiteral("PLAN")))
        return Ok;
    const FarmPlan plan = loadFarmPlan(positional(p, 0, QStringLiteral("the plan file")));
    const QMap<int, QString> slurm =
        slurmAvailable() ? slurmTaskStates(plan) : QMap<int, QString>{};
    int done = 0;
    QJsonArray tasks;
    for (const FarmTask& task : plan.tasks) {
        const FarmTaskStatus status = farmTaskStatus(plan, task.index);
        done += status.state == FarmTaskState::Done;
        QJsonObject o{{QStringLiteral("task"), task.index},
                      {QStringLiteral("kind"), toString(task.kind)},
                      {QStringLiteral("state"), toString(status.state)}};
        if (!status.host.isEmpty())
            o.insert(QStringLiteral("host"), status.host);
        if (!status.message.isEmpty())
            o.insert(QStringLiteral("message"), status.message);
        if (slurm.contains(task.index))
            o.insert(QStringLiteral("slurm"), slurm.value(task.index));
        if (status.started.isValid() && status.finished.isValid())
            o.insert(QStringLiteral("seconds"),
                     double(status.started.msecsTo(status.finished)) / 1000.0);
        tasks.append(o);
        if (!p.isSet(QStringLiteral("json")))
            printLine(
                QStringLiteral("task %1\t%2\t%3%4%5%6")
                    .arg(task.index)
                    .arg(toString(task.kind), toString(status.state))
                    .arg(status.host.isEmpty() ? QString() : QStringLiteral(" on ") + status.host)
                    .arg(slurm.contains(task.index)
                             ? QStringLiteral("\tslurm %1").arg(slurm.value(task.index))
                             : QString())
                    .arg(status.message.isEmpty() ? QString()
                                                  : QStringLiteral("\t") + status.message));
    }
    if (p.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("plan"), plan.planPath},
                   {QStringLiteral("done"), done},
                   {QStringLiteral("tasks"), tasks}});
    else
        printLine(QStringLiteral("%1 of %2 tasks done").arg(done).arg(plan.tasks.size()));
    return done == plan.tasks.size() ? Ok : 1;
}

int farmSubmit(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("slurm"), QStringLiteral("Submit to Slurm (sbatch).")});
    p.addOption(
        {QStringLiteral("partition"), QStringLiteral("Slurm partition."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("cpus-per-task"), QStringLiteral("CPUs each task asks for."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("retake-cli"),
                 QStringLiteral("The retake-cli nodes run (default: this one)."),
                 QStringLiteral("PATH")});
    addPathMapOption(p);
    if (!parse(p, args,
               QStringLiteral("Submit a farm plan's tasks that are not done to a scheduler, with "
                              "their dependencies; prints the job IDs. Submitting again after a "
                              "cancel or a failure runs only what is not done."),
               QStringLiteral("PLAN")))
        return Ok;
    if (!p.isSet(QStringLiteral("slurm")))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("Say which scheduler: --slurm (for Open Job Description, "
                                   "write a template with `farm export --openjd`)."));
    if (!slurmAvailable())
        throw Error(ErrorKind::Usage, QStringLiteral("sbatch is not on PATH: install Slurm's "
                                                     "client (Debian: slurm-client)."));
    const FarmPlan plan = loadFarmPlan(positional(p, 0, QStringLiteral("the plan file")));
    SlurmOptions options;
    options.retakeCli = p.isSet(QStringLiteral("retake-cli"))
                            ? absolute(p.value(QStringLiteral("retake-cli")))
                            : QCoreApplication::applicationFilePath();
    options.partition = p.value(QStringLiteral("partition"));
    options.pathMap = pathMapFrom(p);
    if (p.isSet(QStringLiteral("cpus-per-task")))
        options.cpusPerTask = int(parseNumber(p.value(QStringLiteral("cpus-per-task")),
                                              QStringLiteral("--cpus-per-task")));
    const SlurmSubmission s = submitToSlurm(plan, options);
    QStringList tasks;
    for (int t : s.submitted)
        tasks << QString::number(t);
    if (!s.partsJob.isEmpty())
        printLine(QStringLiteral("%1\tparts (array)").arg(s.partsJob));
    printLine(QStringLiteral("%1\tfinal task").arg(s.finalJob));
    printStatus(QStringLiteral("submitted tasks %1").arg(tasks.join(QLatin1Char(','))));
    return Ok;
}

int farmCancel(const QStringList& args) {
    QCommandLineParser p;
    if (!parse(p, args,
               QStringLiteral("Cancel the Slurm jobs of a farm plan (scancel). Finished tasks "
                              "stay done; `farm submit` again runs the rest."),
               QStringLiteral("PLAN")))
        return Ok;
    const FarmPlan plan = loadFarmPlan(positional(p, 0, QStringLiteral("the plan file")));
    printLine(cancelSlurmJobs(plan).join(QLatin1Char('\n')));
    return Ok;
}

int farmExport(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("openjd"),
                 QStringLiteral("Write an Open Job Description job template (YAML)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("retake-cli"),
                 QStringLiteral("The template's default retake-cli (default: this one)."),
                 QStringLiteral("PATH")});
    if (!parse(p, args,
               QStringLiteral("Write a farm plan as a job for another scheduler: "
                              "--openjd job.yaml (AWS Deadline Cloud, `openjd run`)."),
               QStringLiteral("PLAN")))
        return Ok;
    if (!p.isSet(QStringLiteral("openjd")))
        throw Error(ErrorKind::Usage, QStringLiteral("Give the template file with --openjd."));
    const FarmPlan plan = loadFarmPlan(positional(p, 0, QStringLiteral("the plan file")));
    const QString cli = p.isSet(QStringLiteral("retake-cli"))
                            ? absolute(p.value(QStringLiteral("retake-cli")))
                            : QCoreApplication::applicationFilePath();
    writeOpenJobTemplate(plan, cli, p.value(QStringLiteral("openjd")));
    printLine(absolute(p.value(QStringLiteral("openjd"))));
    return Ok;
}

} // namespace

int runFarm(const QStringList& args) {
    const QString sub = args.value(1);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("plan"))
        return farmPlan(rest);
    if (sub == QLatin1String("run-task"))
        return farmRunTask(rest);
    if (sub == QLatin1String("run"))
        return farmRun(rest);
    if (sub == QLatin1String("status"))
        return farmStatus(rest);
    if (sub == QLatin1String("submit"))
        return farmSubmit(rest);
    if (sub == QLatin1String("cancel"))
        return farmCancel(rest);
    if (sub == QLatin1String("export"))
        return farmExport(rest);
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printLine(QStringLiteral(
            "retake-cli farm plan PROJECT --out PLAN regen|export OPTIONS\n"
            "retake-cli farm run-task PLAN --task N [--path-map FROM=TO]\n"
            "retake-cli farm run PLAN              (every task here, in order)\n"
            "retake-cli farm status PLAN [--json]\n"
            "retake-cli farm submit PLAN --slurm [--partition P] [--path-map FROM=TO]\n"
            "retake-cli farm cancel PLAN\n"
            "retake-cli farm export PLAN --openjd job.yaml"));
        return sub.isEmpty() ? UsageError : Ok;
    }
    throw Error(ErrorKind::Usage,
                QStringLiteral("unknown farm command \"%1\" (plan, run-task, run, status, submit, "
                               "cancel, export)")
                    .arg(sub));
}

} // namespace retake::cli
