#pragma once

// A farm plan on Slurm: an sbatch script per kind of task (the parts as one
// job array, the final task as one job that waits for them), submitted with
// sbatch, followed with squeue, cancelled with scancel. Slurm's commands
// must be on PATH (Debian: slurm-client); SLURM_CONF reaches them as usual.

#include "farm/farmplan.h"

#include <QMap>

namespace retake {

struct SlurmOptions {
    QString retakeCli;   // the executable the nodes run (same path on every node)
    QString partition;   // empty: the cluster's default
    PathMap pathMap;     // passed on to every task
    int cpusPerTask = 0; // 0: Slurm's default
};

struct SlurmSubmission {
    QString partsJob;       // the array job's ID (empty when every part was done)
    QString finalJob;       // the final task's job ID
    QVector<int> submitted; // task indices
};

bool slurmAvailable(); // sbatch on PATH

// Submits every task of `plan` that is not done (a re-submission after a
// cancel or failure runs only those); records the job IDs in the work
// folder. Throws Error naming sbatch's complaint.
SlurmSubmission submitToSlurm(const FarmPlan& plan, const SlurmOptions& options);

// Task index -> Slurm state ("PENDING", "RUNNING", "COMPLETED", "FAILED",
// "CANCELLED", ...) for the jobs this plan submitted last; empty when it was
// never submitted or squeue no longer knows them.
QMap<int, QString> slurmTaskStates(const FarmPlan& plan);

// scancel of every job the plan submitted last; returns their IDs.
QStringList cancelSlurmJobs(const FarmPlan& plan);

} // namespace retake
