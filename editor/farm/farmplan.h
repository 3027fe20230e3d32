#pragma once

// A render farm's job plan, independent of any scheduler: the tasks of one
// regeneration or export, their dependencies and the files each reads and
// writes, in a JSON file beside which the tasks keep their state and
// intermediate files (the work folder). Every node runs a task with
// `retake-cli farm run-task PLAN --task N`; a scheduler (farm/slurm.h,
// farm/openjd.h) only decides where and when.
//
// Paths in the file are relative to the plan's folder, except the command's
// own arguments, which are absolute; a node that mounts the shared storage
// elsewhere maps them with PathMap.

#include "core/error.h"
#include "core/framerange.h"
#include "model/project.h"

#include <QDateTime>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retake {

// What a task does.
enum class FarmTaskKind {
    RegenChunks,    // runs chunks [first, end) of a regeneration
    RegenAssemble,  // the take from every chunk, recorded in the project
    SequenceFrames, // frames [first, end) of an image sequence export
    SequenceManifest,
    MovieSegment, // frames [first, end) of a movie, video only
    MovieJoin,    // the movie from its segments, with its audio
};
QString toString(FarmTaskKind kind);

struct FarmTask {
    int index = 0;
    FarmTaskKind kind = FarmTaskKind::RegenChunks;
    int first = 0; // chunks or export frames, [first, end)
    int end = 0;
    QVector<int> dependsOn;
    QStringList reads;  // for people and schedulers; relative to the plan's folder when inside it
    QStringList writes; // likewise
};

// `--path-map FROM=TO`: a path that starts with FROM (a whole folder name)
// is read as starting with TO on this node.
class PathMap {
public:
    void add(const QString& rule); // throws Error(Usage) for a rule without '='
    QString apply(const QString& path) const;
    QStringList arguments() const; // as "--path-map FROM=TO" pairs, for a node's command line
    bool isEmpty() const { return rules_.isEmpty(); }

private:
    QVector<QPair<QString, QString>> rules_;
};

struct FarmPlan {
    enum class Job { Regeneration, Export };
    Job job = Job::Regeneration;
    // The command a single machine would run, its options only (the
    // project is not among them): `retake-cli regen PROJECT <arguments>`.
    QStringList arguments;
    QString projectPath; // absolute once loaded
    QString workDir;     // absolute once loaded: task states, chunks, segments
    QString planPath;    // where it was loaded from or saved to
    QDateTime created;
    // What the tasks check before they work: a plan made for another
    // project state is refused (see farmtasks.cpp).
    QString projectSha256; // export: the project file when planned
    // Regeneration.
    Id shotId;
    Id takeId; // fixed by the plan, so a re-run assembly replaces its own take
    QVector<FrameRange> chunks;
    FrameRangeSet engineLocks;
    // Export.
    int exportFrameCount = 0;
    QString output;
    QVector<FarmTask> tasks;

    const FarmTask& task(int index) const; // throws Error(Usage) naming the range
    // `work`/chunks, `work`/segments/segment_NNNN.ext, `work`/tasks.
    QString chunksDir() const;
    QString segmentPath(int task) const;
    QStringList segmentPaths() const; // every segment task's, in order
};

// Reads a plan, applying `map` to its paths. Throws Error(BadInput) naming the
// file and the problem.
FarmPlan loadFarmPlan(const QString& path, const PathMap& map = {});
// Atomically; the work folder is made.
void saveFarmPlan(FarmPlan& plan, const QString& path);

// ---- task states: files in the work folder ---------------------------------
enum class FarmTaskState { Pending, Running, Done, Failed };
QString toString(FarmTaskState state);
struct FarmTaskStatus {
    FarmTaskState state = FarmTaskState::Pending;
    QString host;
    QString message; // a failure's error
    QDateTime started;
    QDateTime finished;
};
FarmTaskStatus farmTaskStatus(const FarmPlan& plan, int task);
// Back to pending (a task submitted again): an earlier attempt's failure or
// a killed run's "running" no longer describes it.
void resetFarmTask(const FarmPlan& plan, int task);
// The task runs: marks it running (host, pid, time) and clears an earlier
// attempt's state; finished() marks it done, failed(message) failed.
class FarmTaskRun {
public:
    FarmTaskRun(const FarmPlan& plan, int task);
    void finished();
    void failed(const QString& message);

private:
    const FarmPlan& plan_;
    int task_;
    QDateTime started_;
};

} // namespace retake
