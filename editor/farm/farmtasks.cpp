#include "farmtasks.h"

#include "core/translate.h"
#include "document/document.h"
#include "media/fileutil.h"
#include "projectfile/projectfile.h"
#include "regen/splitregen.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>
#include <algorithm>

namespace retake {

namespace {

QString nodeName() {
    const QString name = QSysInfo::machineHostName();
    return name.isEmpty() ? QStringLiteral("this node") : name;
}

QString relativeToPlan(const QString& workDir, const QString& path) {
    return QDir(QFileInfo(workDir).absolutePath()).relativeFilePath(path);
}

// An export plan is made for one state of the project: a task must not mix
// frames of an edited timeline into it.
void requireUnchangedProject(const FarmPlan& plan) {
    if (plan.projectSha256.isEmpty())
        return;
    if (fileSha256(plan.projectPath) != plan.projectSha256)
        throw Error(ErrorKind::Usage,
                    tr("%1 changed since the farm plan %2 was made: the plan's tasks would mix "
                       "two versions of the timeline. Make a new plan.")
                        .arg(QDir::toNativeSeparators(plan.projectPath),
                             QDir::toNativeSeparators(plan.planPath)));
}

Project openPlanProject(const FarmPlan& plan) {
    requireVisibleOnNode(plan.projectPath, tr("the project"));
    requireUnchangedProject(plan);
    return loadProjectFile(plan.projectPath);
}

// Parts of `count` items, `size` each (the last may be shorter).
QVector<QPair<int, int>> parts(int count, int size) {
    QVector<QPair<int, int>> result;
    size = std::max(1, size);
    for (int first = 0; first < count; first += size)
        result.push_back({first, std::min(count, first + size)});
    return result;
}

// Records the assembled take, once: the plan's take ID is recorded at most
// once whatever runs again, and only while its shot exists.
QStringList recordTake(const FarmPlan& plan, const Take& take) {
    auto doc = Document::open(plan.projectPath);
    const Shot* shot = doc->project().findShot(plan.shotId);
    if (!shot)
        throw Error(ErrorKind::Usage,
                    tr("The shot of this farm job was deleted from %1 while the farm worked: the "
                       "take is kept in %2 but not recorded.")
                        .arg(QDir::toNativeSeparators(plan.projectPath),
                             QDir::toNativeSeparators(QFileInfo(take.framesPath).absolutePath())));
    for (const Take& t : shot->takes)
        if (t.id == take.id)
            return {tr("Take %1 is already recorded in the project.").arg(idToString(take.id))};
    doc->addTake(plan.shotId, take);
    doc->save();
    return {tr("Take %1 recorded on shot \"%2\".").arg(idToString(take.id), shot->name)};
}

} // namespace

void requireVisibleOnNode(const QString& path, const QString& what) {
    if (!QFileInfo::exists(path))
        throwBadInput(path, tr("%1 is not visible on node %2: is the shared storage mounted "
                               "here, or mounted elsewhere (--path-map FROM=TO)?")
                                .arg(what, nodeName()));
}

FarmPlan planFarmRegeneration(const Project& project, const QString& projectPath,
                              const RegenRequest& request, const QStringList& arguments,
                              const QString& workDir, int chunksPerTask, Progress& progress) {
    const RegenSplitPlan split = planSplitRegeneration(project, request, progress);
    FarmPlan plan;
    plan.job = FarmPlan::Job::Regeneration;
    plan.arguments = arguments;
    plan.projectPath = QFileInfo(projectPath).absoluteFilePath();
    plan.workDir = QFileInfo(workDir).absoluteFilePath();
    plan.created = QDateTime::currentDateTimeUtc();
    plan.shotId = request.shotId;
    plan.takeId = newId();
    plan.chunks = split.chunks;
    plan.engineLocks = split.engineLocks;
    const int perTask = split.chunksIndependent ? chunksPerTask : int(split.chunks.size());
    const QString projectName = relativeToPlan(plan.workDir, plan.projectPath);
    const QString chunks = relativeToPlan(plan.workDir, plan.chunksDir());
    QVector<int> computeTasks;
    for (const auto& [first, end] : parts(int(split.chunks.size()), perTask)) {
        FarmTask task;
        task.index = int(plan.tasks.size());
        task.kind = FarmTaskKind::RegenChunks;
        task.first = first;
        task.end = end;
        // Each reads its chunks' frames plus their overlap and context,
        // read-only: they are the shot's media frames these cover.
        const FrameRange readsFrames{split.chunks[first].start, split.chunks[end - 1].end};
        task.reads << projectName
                   << tr("media frames %1 of shot %2")
                          .arg(readsFrames.toInclusiveString(), idToString(request.shotId));
        for (int k = first; k < end; ++k)
            task.writes << chunks + QLatin1Char('/') + chunkFolderName(k);
        computeTasks << task.index;
        plan.tasks << task;
    }
    FarmTask assemble;
    assemble.index = int(plan.tasks.size());
    assemble.kind = FarmTaskKind::RegenAssemble;
    assemble.dependsOn = computeTasks;
    assemble.reads << projectName;
    for (int k = 0; k < split.chunks.size(); ++k)
        assemble.reads << chunks + QLatin1Char('/') + chunkFolderName(k);
    assemble.writes << tr("take %1 in the project's cache folder").arg(idToString(plan.takeId))
                    << projectName;
    plan.tasks << assemble;
    return plan;
}

FarmPlan planFarmExport(const Project& project, const QString& projectPath,
                        const ExportRequest& request, const QStringList& arguments,
                        const QString& workDir, int framesPerTask) {
    checkExport(project, request);
    const int count = int(exportFrames(project, request).size());
    FarmPlan plan;
    plan.job = FarmPlan::Job::Export;
    plan.arguments = arguments;
    plan.projectPath = QFileInfo(projectPath).absoluteFilePath();
    plan.workDir = QFileInfo(workDir).absoluteFilePath();
    plan.created = QDateTime::currentDateTimeUtc();
    plan.projectSha256 = fileSha256(plan.projectPath);
    plan.exportFrameCount = count;
    plan.output = QFileInfo(request.output).absoluteFilePath();
    const bool sequence = isSequenceOutput(request.output);
    const QString projectName = relativeToPlan(plan.workDir, plan.projectPath);
    const QStringList targets = exportTargets(project, request);
    QVector<int> partTasks;
    for (const auto& [first, end] : parts(count, framesPerTask)) {
        FarmTask task;
        task.index = int(plan.tasks.size());
        task.kind = sequence ? FarmTaskKind::SequenceFrames : FarmTaskKind::MovieSegment;
        task.first = first;
        task.end = end;
        task.reads << projectName
                   << tr("export frames %1").arg(FrameRange{first, end}.toInclusiveString());
        if (sequence)
            task.writes << targets.mid(first, end - first);
        else
            task.writes << relativeToPlan(plan.workDir, plan.segmentPath(task.index));
        partTasks << task.index;
        plan.tasks << task;
    }
    FarmTask last;
    last.index = int(plan.tasks.size());
    last.kind = sequence ? FarmTaskKind::SequenceManifest : FarmTaskKind::MovieJoin;
    last.dependsOn = partTasks;
    last.reads << projectName;
    if (sequence) {
        last.reads << targets.mid(0, count);
        last.writes << targets.mid(count);
    } else {
        for (const QString& segment : plan.segmentPaths())
            last.reads << relativeToPlan(plan.workDir, segment);
        last.writes << targets;
    }
    plan.tasks << last;
    return plan;
}

QStringList runFarmRegenTask(const FarmPlan& plan, int index, RegenRequest request,
                             Progress& progress) {
    const FarmTask& task = plan.task(index);
    const Project project = openPlanProject(plan);
    request.engineLocks = plan.engineLocks;
    if (task.kind == FarmTaskKind::RegenChunks) {
        computeRegenerationChunks(project, request, plan.chunks, task.first, task.end,
                                  plan.chunksDir(), progress);
        return {tr("Chunks %1-%2 of %3 computed.")
                    .arg(task.first)
                    .arg(task.end - 1)
                    .arg(plan.chunks.size())};
    }
    if (task.kind != FarmTaskKind::RegenAssemble)
        throw Error(ErrorKind::Usage, tr("Task %1 is not a regeneration task.").arg(index));
    // One assembly at a time: two would race to record the take.
    QLockFile lock(QDir(plan.workDir).filePath(QStringLiteral("assemble.lock")));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host, application;
        lock.getLockInfo(&pid, &host, &application);
        // A process on this host that is gone frees the lock by itself; one
        // on a node that was shut down cannot be asked, so say what to do.
        throw Error(ErrorKind::Usage,
                    tr("Another assembly of %1 is running (process %2 on %3): wait for it. If "
                       "that node was shut down, delete %4 and run the task again.")
                        .arg(QDir::toNativeSeparators(plan.planPath))
                        .arg(pid)
                        .arg(host, QDir::toNativeSeparators(lock.fileName())));
    }
    QString cacheDir;
    {
        auto doc = Document::open(plan.projectPath);
        if (const Shot* shot = doc->project().findShot(plan.shotId))
            for (const Take& t : shot->takes)
                if (t.id == plan.takeId)
                    return {tr("Take %1 is already recorded in the project: nothing to do.")
                                .arg(idToString(plan.takeId))};
        cacheDir = doc->cacheDir();
    }
    RegenResult result = assembleRegeneration(project, cacheDir, request, plan.chunks, plan.takeId,
                                              plan.chunksDir(), progress);
    QStringList notes = result.notes;
    notes << recordTake(plan, result.take);
    return notes;
}

QStringList runFarmExportTask(const FarmPlan& plan, int index, const ExportRequest& given,
                              Progress& progress) {
    const FarmTask& task = plan.task(index);
    const Project project = openPlanProject(plan);
    ExportRequest request = given;
    // The plan checked the targets once; its tasks replace their own files
    // (a re-run), never the project's media (export/outputguard.h).
    request.overwrite = true;
    const int count = int(exportFrames(project, request).size());
    if (count != plan.exportFrameCount)
        throw Error(ErrorKind::Usage, tr("The export now has %1 frames, the plan %2: make a new "
                                         "plan.")
                                          .arg(count)
                                          .arg(plan.exportFrameCount));
    switch (task.kind) {
    case FarmTaskKind::SequenceFrames:
        exportSequencePart(project, request, task.first, task.end, progress);
        return {tr("Frames %1-%2 written.").arg(task.first).arg(task.end - 1)};
    case FarmTaskKind::SequenceManifest: {
        QStringList missing;
        for (int i = 0; i < count; ++i) {
            const QString file = QFileInfo(sequencePrintfPattern(plan.output))
                                     .dir()
                                     .filePath(sequenceFileName(
                                         QFileInfo(sequencePrintfPattern(plan.output)).fileName(),
                                         request.firstFileNumber + i));
            if (!QFileInfo::exists(file))
                missing << QFileInfo(file).fileName();
        }
        if (!missing.isEmpty())
            throw Error(ErrorKind::Usage, tr("%1 frames of the sequence are missing (%2): run "
                                             "their tasks first.")
                                              .arg(missing.size())
                                              .arg(missing.mid(0, 5).join(QStringLiteral(", "))));
        const QString manifest = writeSequenceManifest(project, request);
        return {manifest.isEmpty() ? tr("No manifest asked for.") : manifest};
    }
    case FarmTaskKind::MovieSegment: {
        const QString segment = plan.segmentPath(index);
        if (!QDir().mkpath(QFileInfo(segment).absolutePath()))
            throwOutputError(QFileInfo(segment).absolutePath(), tr("cannot create the folder"));
        exportMovieSegment(project, request, task.first, task.end, segment, progress);
        return {segment};
    }
    case FarmTaskKind::MovieJoin: {
        QStringList missing;
        for (const QString& segment : plan.segmentPaths())
            if (!QFileInfo::exists(segment))
                missing << QDir::toNativeSeparators(segment);
        if (!missing.isEmpty())
            throw Error(ErrorKind::Usage,
                        tr("The movie cannot be joined yet: %1 segments are missing (%2).")
                            .arg(missing.size())
                            .arg(missing.join(QStringLiteral(", "))));
        const ExportResult result =
            joinMovieSegments(project, request, plan.segmentPaths(), progress);
        return result.files;
    }
    default:
        throw Error(ErrorKind::Usage, tr("Task %1 is not an export task.").arg(index));
    }
}

} // namespace retake
