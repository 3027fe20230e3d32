#pragma once

// Where a depth export's depth comes from, per shot (export/depthexport.h):
// a TorchScript model, the media's own depth channel, or the shot's blocking
// scene. Decided for every shot, and the model loaded, before any depth is
// computed, so a shot without depth stops the export before anything exists.

#include "export/depthexport.h"
#include "retake/generation/backend.h"
#include "timeline/framesource.h"

#include <QHash>
#include <optional>
#include <unordered_map>
#include <vector>

namespace retake {

struct DepthPlane {
    int width = 0;
    int height = 0;
    std::vector<float> metres; // 0, negative or not finite = no depth
};

class DepthProvider {
public:
    // Throws Error(BadInput) for a shot without the requested (or any) depth
    // source and for a model that does not load; Error(Usage) for a bad request.
    DepthProvider(const Project& project, const DepthExportRequest& request,
                  const QVector<ExportFrame>& frames);

    DepthSource sourceFor(const Shot& shot) const { return sources_.value(shot.id); }
    const QString& modelHash() const { return modelHash_; }
    QString describe(const Shot& shot) const;
    // Depth of frames[first, first + count), all of one shot.
    std::vector<DepthPlane> compute(const QVector<ExportFrame>& frames, int first, int count);
    // Frames computed together: a model sees a few consecutive frames of a shot.
    int batchSize(const Shot& shot) const;

private:
    DepthSource decide(const Shot& shot) const;
    std::vector<DepthPlane> fromModel(const QVector<ExportFrame>& frames, int first, int count);
    DepthPlane fromMedia(const Shot& shot, FrameNumber mediaFrame);
    DepthPlane fromBlocking(const Shot& shot, FrameNumber mediaFrame);

    const Project& project_;
    const DepthExportRequest& request_;
    QHash<Id, DepthSource> sources_;
    TimelineFrameSource pictures_;
    std::unordered_map<std::string, std::unique_ptr<MediaReader>> readers_;
    std::unique_ptr<generation::BlockingRendering> renderer_; // made at the first blocking shot
    std::unique_ptr<generation::DepthEstimation> model_;
    QString modelHash_;
};

} // namespace retake
