#include "inpaint/engine.h"

#include <cmath>
#include <sstream>

namespace retake::generation {

namespace {

std::vector<ParamInfo> sharedParameters(double temporalBlend) {
    return {
        {"dilate", 4.0, "px the user mask grows by before the engine sees it"},
        {"feather", 3.0, "px of the dilated band blended back toward the source (<= dilate)"},
        {"temporal_blend", temporalBlend,
         "frames at each end of a regenerated range faded in from the source"},
        {"chunk_frames", 32.0, "frames per temporal chunk (bounds memory on long clips)"},
        {"chunk_overlap", 8.0, "frames shared by neighbouring chunks, cross-faded"},
        {"chunk_memory_mb", 4096.0,
         "memory (MB) one chunk's full-resolution buffers may take; chunk_frames is lowered "
         "to fit on large frames (0 = no limit)"},
    };
}

std::vector<ParamInfo> flowParameters(const std::string& preset) {
    return {
        {"flow_preset", preset, "DIS optical flow preset: ultrafast, fast or medium"},
        {"flow_max_side", 720.0, "flow is computed at most this large, then upsampled"},
        {"consistency", 1.5, "forward-backward flow error (px) above which a match is rejected"},
    };
}

} // namespace

std::vector<std::string> engineNames() {
    return {"propagate", "interpolate", "model", "shot-trained"};
}

std::string canonicalEngineName(const std::string& name) {
    if (name == "internal") // its name until Retake 0.1
        return "shot-trained";
    for (const std::string& engine : engineNames())
        if (name == engine)
            return engine;
    return std::string();
}

bool engineReadsPrompt(const std::string& name) {
    return canonicalEngineName(name) == "model";
}

std::vector<ParamInfo> engineParameters(const std::string& name) {
    const std::string engine = canonicalEngineName(name);
    std::vector<ParamInfo> params;
    auto append = [&](const std::vector<ParamInfo>& more) {
        params.insert(params.end(), more.begin(), more.end());
    };
    if (engine == "propagate") {
        append(sharedParameters(0));
        append(flowParameters("medium"));
        append({
            {"align", 1.0,
             "1 = first fill from other frames aligned by a homography (pans, zooms, a still "
             "camera), 0 = optical flow only"},
            {"align_sources", 8.0,
             "aligned frames, nearest in time first, that may fill one frame's hole (0 = all)"},
            {"layers", 1.0,
             "1 = hole pixels that a rigid mover may cross are filled layer by layer (the mover's "
             "own motion or the camera's, whichever other frames confirm), 2 = every hole pixel "
             "a layer's story confirms, 0 = off"},
            {"seam_band", 6.0,
             "px around a hole where aligned frames are matched to it in colour (0 = off)"},
            {"max_distance", 0.0, "frames a pixel may be tracked (0 = the whole chunk)"},
            {"diffuse_depth", 4.0,
             "px from the edge of a never-seen hole filled by diffusion before patches (thin "
             "holes: outlines, wires; 0 = patches only)"},
            {"patch", 7.0, "patch side (px) of the spatial fill"},
            {"spatial_iters", 4.0, "PatchMatch and vote iterations per pyramid level"},
        });
    } else if (engine == "interpolate") {
        append(sharedParameters(0));
        append(flowParameters("medium"));
    } else if (engine == "model") {
        append(sharedParameters(2));
        append({
            {"model", std::string(),
             "path of a TorchScript file or AOTInductor package (.pt2) (required)"},
            {"tile", 0.0, "spatial tile side in px (0 = whole frame)"},
            {"tile_overlap", 32.0, "px shared by neighbouring tiles, cross-faded"},
        });
    } else if (engine == "shot-trained") {
        append(sharedParameters(2));
        append({
            {"iterations", 400.0, "training steps on the shot's own unmasked pixels"},
            {"width", 32.0, "channels of the network"},
            {"learning_rate", 0.002, "Adam learning rate"},
            {"save", std::string(), "path to save the trained network as TorchScript"},
        });
    } else {
        std::string names;
        for (const auto& name : engineNames())
            names += (names.empty() ? "" : ", ") + name;
        detail::throwBadInput("unknown engine '" + name + "' (engines: " + names + ")");
    }
    return params;
}

namespace detail {

void throwBadInput(const std::string& message) {
    throw InpaintError(InpaintErrorKind::BadInput, message);
}

Params::Params(const std::string& engine, const EngineParams& given)
    : engine_(engine) {
    const auto infos = engineParameters(engine);
    for (const auto& info : infos)
        values_[info.name] = info.defaultValue;
    for (const auto& [name, value] : given) {
        auto found = values_.find(name);
        if (found == values_.end()) {
            std::string known;
            for (const auto& info : infos)
                known += (known.empty() ? "" : ", ") + info.name;
            throwBadInput("the " + engine + " engine has no parameter '" + name +
                          "' (parameters: " + known + ")");
        }
        const bool wantNumber = std::holds_alternative<double>(found->second);
        if (wantNumber && std::holds_alternative<std::string>(value)) {
            // Values typed on a command line arrive as strings.
            const std::string& text = std::get<std::string>(value);
            std::istringstream stream(text);
            double number = 0;
            if (!(stream >> number) || !stream.eof() || !std::isfinite(number))
                throwBadInput("parameter '" + name + "' must be a number, got '" + text + "'");
            found->second = number;
        } else if (!wantNumber && std::holds_alternative<double>(value)) {
            throwBadInput("parameter '" + name + "' must be a string");
        } else {
            if (wantNumber && !std::isfinite(std::get<double>(value)))
                throwBadInput("parameter '" + name + "' must be a finite number");
            found->second = value;
        }
    }
    for (const auto& [name, value] : values_) {
        if (std::holds_alternative<double>(value) && std::get<double>(value) < 0)
            throwBadInput("parameter '" + name + "' must not be negative");
    }
}

double Params::number(const std::string& name) const {
    auto found = values_.find(name);
    if (found == values_.end() || !std::holds_alternative<double>(found->second))
        throw InpaintError(InpaintErrorKind::Internal,
                           "the " + engine_ + " engine read an undeclared number '" + name + "'");
    return std::get<double>(found->second);
}

int Params::integer(const std::string& name) const {
    return int(std::lround(number(name)));
}

const std::string& Params::text(const std::string& name) const {
    auto found = values_.find(name);
    if (found == values_.end() || !std::holds_alternative<std::string>(found->second))
        throw InpaintError(InpaintErrorKind::Internal,
                           "the " + engine_ + " engine read an undeclared string '" + name + "'");
    return std::get<std::string>(found->second);
}

} // namespace detail
} // namespace retake::generation
