#include "splitregen.h"

#include "core/atomicfile.h"
#include "core/leftovers.h"
#include "media/fileutil.h"
#include "regen/regenstream.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstring>

namespace retake {

namespace gen = retake::generation;

namespace {

// A chunk's raw engine output for one frame: planar RGB floats as the engine
// left them (before any compositing), zlib-compressed. Lossless, so the
// assembly computes with exactly the numbers a single run would.
constexpr char kChunkMagic[8] = {'R', 'T', 'K', 'C', 'H', 'N', 'K', '1'};

QString chunkFrameName(int t) {
    return QStringLiteral("frame_%1.f32z").arg(t, 6, 10, QLatin1Char('0'));
}

void writeChunkFrame(const QString& path, const float* rgb, int width, int height) {
    QByteArray raw(reinterpret_cast<const char*>(rgb),
                   qsizetype(sizeof(float)) * 3 * width * height);
    QByteArray bytes(kChunkMagic, sizeof(kChunkMagic));
    QDataStream header(&bytes, QIODevice::Append);
    header << qint32(width) << qint32(height);
    bytes += qCompress(raw, 1);
    writeBytes(path, bytes, path);
}

void readChunkFrame(const QString& path, float* rgb, int width, int height) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(path, tr("cannot be read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    const qsizetype headerSize = qsizetype(sizeof(kChunkMagic)) + 8;
    if (bytes.size() < headerSize || std::memcmp(bytes.constData(), kChunkMagic, 8) != 0)
        throwBadInput(path, tr("is not a chunk frame Retake wrote"));
    QDataStream header(bytes.mid(8, 8));
    qint32 w = 0, h = 0;
    header >> w >> h;
    const QByteArray raw = qUncompress(bytes.mid(headerSize));
    if (w != width || h != height || raw.size() != qsizetype(sizeof(float)) * 3 * width * height)
        throwBadInput(path, tr("holds a %1x%2 frame, damaged or of another run; the shot is "
                               "%3x%4")
                                .arg(w)
                                .arg(h)
                                .arg(width)
                                .arg(height));
    std::memcpy(rgb, raw.constData(), std::size_t(raw.size()));
}

QVector<FrameRange> chunksOf(const gen::ChunkSplit& split, FrameRange loaded) {
    QVector<FrameRange> chunks;
    for (const auto& [begin, end] : split.chunks)
        chunks.push_back({loaded.start + begin, loaded.start + end});
    return chunks;
}

// The chunks the project gives now, for a stage that must match its plan.
void requireChunks(const QVector<FrameRange>& now, const QVector<FrameRange>& planned,
                   const Shot& shot) {
    if (now == planned)
        return;
    throw Error(ErrorKind::Usage,
                tr("Shot \"%1\" changed since the farm plan was made (its mask, range or "
                   "frames now give %2 chunks, the plan has %3): make a new plan.")
                    .arg(shot.name)
                    .arg(now.size())
                    .arg(planned.size()));
}

// The engine's plan stage over the request's range (the mask pass, no
// frames computed): where its chunks fall and whether they are independent.
gen::ChunkSplit engineChunkPlan(const Project& project, const RegenRequest& request,
                                const regen::RegenInputs& inputs, Progress& progress) {
    regen::ShotFrameStream stream(project, *inputs.shot, request, inputs.loaded, inputs.mask,
                                  nullptr);
    gen::StreamedInpaintRequest engineRequest =
        regen::engineRequestFor(stream, *inputs.shot, request, inputs.loaded);
    gen::ChunkSplit split;
    split.stage = gen::ChunkSplit::Stage::Plan;
    engineRequest.split = &split;
    regen::runEngine(request.engine, request.parameters, engineRequest, progress);
    return split;
}

QVector<FrameRange> currentChunks(const Project& project, const RegenRequest& request,
                                  const regen::RegenInputs& inputs, Progress& progress) {
    return chunksOf(engineChunkPlan(project, request, inputs, progress), inputs.loaded);
}

} // namespace

QString chunkFolderName(int chunk) {
    return QStringLiteral("chunk_%1").arg(chunk, 4, 10, QLatin1Char('0'));
}

RegenSplitPlan planSplitRegeneration(const Project& project, const RegenRequest& request,
                                     Progress& progress) {
    if (request.transform)
        throw Error(ErrorKind::Usage,
                    tr("A reframe runs on one machine: the farm splits mask regenerations."));
    RegenRequest planned = request;
    const Shot* shot = project.findShot(request.shotId);
    if (shot)
        planned.engineLocks = shot->locks;
    const regen::RegenInputs inputs = regen::checkRegenRequest(project, planned);
    const gen::ChunkSplit split = engineChunkPlan(project, planned, inputs, progress);
    RegenSplitPlan plan;
    plan.loaded = inputs.loaded;
    plan.chunks = chunksOf(split, inputs.loaded);
    plan.chunksIndependent = split.chunksIndependent;
    plan.engineLocks = *planned.engineLocks;
    return plan;
}

void computeRegenerationChunks(const Project& project, const RegenRequest& request,
                               const QVector<FrameRange>& planned, int first, int end,
                               const QString& chunksDir, Progress& progress) {
    const regen::RegenInputs inputs = regen::checkRegenRequest(project, request);
    requireChunks(currentChunks(project, request, inputs, progress), planned, *inputs.shot);
    if (first < 0 || end > planned.size() || first >= end)
        throw Error(ErrorKind::Usage, tr("Chunks %1-%2 are not in the plan's %3 chunks.")
                                          .arg(first)
                                          .arg(end - 1)
                                          .arg(planned.size()));
    if (!QDir().mkpath(chunksDir))
        throwOutputError(chunksDir, tr("cannot create the folder"));
    progress.note(sweepLeftovers(chunksDir).summary(chunksDir));

    regen::ShotFrameStream stream(project, *inputs.shot, request, inputs.loaded, inputs.mask,
                                  nullptr);
    gen::StreamedInpaintRequest engineRequest =
        regen::engineRequestFor(stream, *inputs.shot, request, inputs.loaded);
    // Each chunk is staged whole and put in place when its last frame is
    // written: a killed task leaves no chunk folder that looks complete.
    std::unique_ptr<StagingFolder> staging;
    int stagedChunk = -1;
    const auto putInPlace = [&] {
        if (!staging)
            return;
        const QString target = QDir(chunksDir).filePath(chunkFolderName(stagedChunk));
        if (QFileInfo::exists(target) && !QDir(target).removeRecursively())
            throwOutputError(target, tr("cannot replace an earlier attempt's chunk"));
        staging->renameTo(target);
        staging.reset();
    };
    gen::ChunkSplit split;
    split.stage = gen::ChunkSplit::Stage::Compute;
    split.first = first;
    split.end = end;
    split.chunkOutput = [&](int chunk, int t, const float* rgb) {
        if (chunk != stagedChunk) {
            putInPlace();
            staging = std::make_unique<StagingFolder>(StagingFolder::at(
                QDir(chunksDir).filePath(partialFolderName(chunkFolderName(chunk)))));
            stagedChunk = chunk;
        }
        writeChunkFrame(staging->filePath(chunkFrameName(t)), rgb, stream.width(), stream.height());
    };
    engineRequest.split = &split;
    regen::runEngine(request.engine, request.parameters, engineRequest, progress);
    progress.checkCancelled();
    putInPlace();
}

QStringList missingChunkFolders(const QString& chunksDir, int chunkCount) {
    QStringList missing;
    for (int k = 0; k < chunkCount; ++k)
        if (!QFileInfo(QDir(chunksDir).filePath(chunkFolderName(k))).isDir())
            missing << chunkFolderName(k);
    return missing;
}

RegenResult assembleRegeneration(const Project& project, const QString& cacheDir,
                                 const RegenRequest& request, const QVector<FrameRange>& planned,
                                 const Id& takeId, const QString& chunksDir, Progress& progress) {
    const regen::RegenInputs inputs = regen::checkRegenRequest(project, request);
    const QStringList missing = missingChunkFolders(chunksDir, int(planned.size()));
    if (!missing.isEmpty())
        throw Error(ErrorKind::Usage,
                    tr("%1: the take cannot be assembled yet: %2 of %3 chunks are missing (%4).")
                        .arg(QDir::toNativeSeparators(chunksDir))
                        .arg(missing.size())
                        .arg(planned.size())
                        .arg(missing.join(QStringLiteral(", "))));
    requireChunks(currentChunks(project, request, inputs, progress), planned, *inputs.shot);

    const QDir takes(QDir(cacheDir).filePath(QStringLiteral("takes")));
    if (!QDir().mkpath(takes.absolutePath()))
        throwOutputError(takes.absolutePath(), tr("cannot create the take folder"));
    progress.note(sweepLeftovers(takes.absolutePath()).summary(takes.absolutePath()));
    StagingFolder staging =
        StagingFolder::at(takes.filePath(partialFolderName(idToString(takeId))));
    regen::ShotFrameStream stream(project, *inputs.shot, request, inputs.loaded, inputs.mask,
                                  &staging);
    gen::StreamedInpaintRequest engineRequest =
        regen::engineRequestFor(stream, *inputs.shot, request, inputs.loaded);
    gen::ChunkSplit split;
    split.stage = gen::ChunkSplit::Stage::Assemble;
    split.chunkInput = [&](int chunk, int t, float* rgb) {
        readChunkFrame(
            QDir(chunksDir).filePath(chunkFolderName(chunk) + QLatin1Char('/') + chunkFrameName(t)),
            rgb, stream.width(), stream.height());
    };
    engineRequest.split = &split;
    Take take;
    take.id = takeId;
    if (request.parameters.contains(QStringLiteral("model")))
        take.modelHash = fileSha256(request.parameters.value(QStringLiteral("model")));
    RegenResult result;
    result.notes = inputs.notes;
    regen::runEngine(request.engine, request.parameters, engineRequest, progress);
    progress.checkCancelled();
    for (const FrameRange& since : stream.lockedSince().ranges())
        result.notes << tr("Frames %1 were locked after the plan was made: the take keeps them "
                           "as they are.")
                            .arg(since.shifted(-inputs.shot->source.start).toInclusiveString());
    regen::describeTake(take, request, inputs, engineRequest.locked, stream.lockedSince());
    const QString finalDir = takes.filePath(idToString(takeId));
    if (QFileInfo::exists(finalDir) && !QDir(finalDir).removeRecursively())
        throwOutputError(finalDir, tr("cannot replace an earlier attempt's take folder"));
    staging.renameTo(finalDir);
    take.framesPath =
        QDir(finalDir).filePath(QStringLiteral("frame_00000.%1").arg(stream.takeFileExtension()));
    result.take = take;
    return result;
}

} // namespace retake
