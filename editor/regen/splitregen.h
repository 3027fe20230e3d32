#pragma once

// A regeneration run in stages on several machines (editor/farm), giving the
// bytes regenerate() gives on one: a plan lists the engine's temporal chunks;
// compute stages run some chunks each and keep the engine's raw output in a
// shared folder; one assembly cross-fades and composites them into the take.
// Every stage reads the project as it is when it runs; the request carries
// the locks the plan saw (RegenRequest::engineLocks), so the chunks agree.

#include "regen/regenerate.h"

namespace retake {

struct RegenSplitPlan {
    FrameRange loaded;          // media frames the engine reads
    QVector<FrameRange> chunks; // media frames each chunk covers, in order
    // False for engines that carry what one chunk taught them into the next
    // (shot-trained): one stage must run every chunk, in order.
    bool chunksIndependent = true;
    FrameRangeSet engineLocks; // the shot's locks now: put them in the request of every stage
};

RegenSplitPlan planSplitRegeneration(const Project& project, const RegenRequest& request,
                                     Progress& progress);

// Runs chunks [first, end) of the plan and writes each one's engine output
// into `chunksDir`/chunk_NNNN, a folder that appears only when complete
// (replacing an earlier attempt's). Refuses, naming the shot, when the
// project no longer gives the plan's chunks (`planned`).
void computeRegenerationChunks(const Project& project, const RegenRequest& request,
                               const QVector<FrameRange>& planned, int first, int end,
                               const QString& chunksDir, Progress& progress);

// The chunk folders of a plan with `chunkCount` chunks that are not there.
QStringList missingChunkFolders(const QString& chunksDir, int chunkCount);
QString chunkFolderName(int chunk);

// The take from the computed chunks, written into cacheDir's takes as
// regenerate() writes it, with ID `takeId` (a re-run replaces its own
// folder). Refuses while a chunk folder is missing, naming them.
RegenResult assembleRegeneration(const Project& project, const QString& cacheDir,
                                 const RegenRequest& request, const QVector<FrameRange>& planned,
                                 const Id& takeId, const QString& chunksDir, Progress& progress);

} // namespace retake
