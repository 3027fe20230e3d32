#pragma once

// Partial regeneration: masked video inpainting. The caller hands over frames
// and masks, an engine fills the masked pixels, and composite() (composite.h)
// guarantees everything the user did not ask to change stays bit-exact.
//
// Data flow:
//   InpaintRequest (in memory) or FrameStream (frame by frame) --validate-->
//   masks dilated (composite.h) --> engine, run on overlapping temporal
//   chunks --> composite() --> FrameStack / FrameStream::writeFrame.
// Nothing is written anywhere: engines return data and the caller writes it.
// A streamed run hands finished frames over as it goes, so its caller stages
// them where a failure or a cancel leaves nothing under a final name.
//
// Threading: inpaint() runs on the calling thread (libtorch and OpenCV use
// their own worker threads inside). The progress callback is called on that
// thread; the cancel flag may be set from any thread.

#include "retake/generation/frames.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace retake::generation {

// Why a run failed, as far as a caller must react differently.
enum class InpaintErrorKind {
    BadInput,    // shapes, counts, parameter names or values are wrong
    NothingToDo, // no pixel of any unlocked frame is masked: the result would equal the input
    Unfillable,  // the mask hides everything the engine could copy from
    ModelError,  // the model file cannot be loaded, has the wrong signature or fails
    Cancelled,   // the cancel flag was set; no output exists
    Internal,
};

class InpaintError : public std::runtime_error {
public:
    InpaintError(InpaintErrorKind kind, const std::string& message)
        : std::runtime_error(message)
        , kind_(kind) {}
    InpaintErrorKind kind() const { return kind_; }

private:
    InpaintErrorKind kind_;
};

// Thrown within about a second of the cancel flag being set, from any stage.
class InpaintCancelled : public InpaintError {
public:
    InpaintCancelled()
        : InpaintError(InpaintErrorKind::Cancelled, "regeneration cancelled") {}
};

// Engine parameters: name -> number or string. Unknown names are rejected (a
// typo must not silently fall back to a default). See engineParameters().
using ParamValue = std::variant<double, std::string>;
using EngineParams = std::map<std::string, ParamValue>;

// fraction in [0,1] over the whole run; stage is a short English name such as
// "optical flow", "propagation", "spatial fill", "compositing".
using ProgressCallback = std::function<void(double fraction, const std::string& stage)>;

// Everything about a run except where the frames come from.
struct InpaintSettings {
    // One flag per frame (empty = none locked). A locked frame is never changed
    // and is read as context; its masked pixels are not a source (they show
    // what the user wants gone), so clear the mask of a frame cleaned by hand.
    std::vector<bool> locked;
    // Optional clean plates: [1,3,H,W] (one plate for the shot) or [T,3,H,W]
    // (one per frame). The engines register them to each frame with optical
    // flow, so a plate from a slightly different camera position still helps.
    FrameStack reference;
    std::uint64_t seed = 0;
    EngineParams params;
    std::string prompt; // passed to model engines whose forward() takes a str
    // "cpu" (default), "cuda", "cuda:N" or "auto" (CUDA when available). Used by
    // the torch engines (model, internal); propagate and interpolate run on the
    // CPU through OpenCV whatever this says.
    std::string device = "cpu";
    ProgressCallback progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct InpaintRequest : InpaintSettings {
    FrameStack frames; // [T,3,H,W] RGB in [0,1]
    FrameStack masks;  // [T,1,H,W]; > 0.5 = regenerate
};

// A clip handed over one frame at a time, so a long range never has to fit in
// memory: the run holds one temporal chunk (chunk_frames) at a time.
// Call order: readMask for every frame, in increasing t (the run must know
// which frames it regenerates before it starts); then readFrame and
// writeFrame, each once per frame in increasing t, frame t written only after
// it was read. An exception thrown here ends the run and reaches the caller.
class FrameStream {
public:
    virtual ~FrameStream() = default;
    virtual int count() const = 0;
    virtual int height() const = 0;
    virtual int width() const = 0;
    // mask: [H,W], > 0.5 = regenerate.
    virtual void readMask(int t, float* mask) = 0;
    // rgb: [3,H,W] planar in [0,1]; mask as in readMask (it must be the same).
    virtual void readFrame(int t, float* rgb, float* mask) = 0;
    // The finished frame: engine output composited over the source (see
    // composite.h); frames the run did not change come back as read.
    virtual void writeFrame(int t, const float* rgb) = 0;
};

// A run split across machines (a render farm), with the same bytes as one
// run: a plan stage lists the temporal chunks; compute stages run some of
// them each, anywhere, handing back the engine's raw output; an assemble
// stage cross-fades and composites those outputs exactly as one run would.
struct ChunkSplit {
    enum class Stage { Plan, Compute, Assemble };
    Stage stage = Stage::Plan;
    // Plan: filled in. Chunks as stream frame indices [begin, end); the
    // mask pass alone runs (no picture is read, nothing is written).
    std::vector<std::pair<int, int>> chunks;
    // Plan: filled in. False when the engine carries what it learnt from
    // one chunk into the next (shot-trained): its chunks must run in order
    // in one compute stage.
    bool chunksIndependent = true;
    // Compute: chunks [first, end) run; nothing goes to writeFrame, each
    // chunk's output frame goes to chunkOutput (t: stream frame index).
    int first = 0;
    int end = 0;
    std::function<void(int chunk, int t, const float* rgb)> chunkOutput;
    // Assemble: the engine does not run; chunkInput supplies every chunk's
    // output frames, and the finished frames go to writeFrame as usual.
    std::function<void(int chunk, int t, float* rgb)> chunkInput;
};

struct StreamedInpaintRequest : InpaintSettings {
    FrameStream* stream = nullptr;
    // When no pixel of an unlocked frame is masked: false = InpaintError
    // (NothingToDo); true = every frame is written back unchanged and the
    // engine does not run (a reframe whose new framing needs no filling).
    bool passThroughWhenNothingToDo = false;
    // Null: one whole run. Otherwise one stage of a split run (above); the
    // stream's call order holds within the frames each stage reads.
    ChunkSplit* split = nullptr;
};

// The engines by name: "propagate" (default), "interpolate", "model",
// "shot-trained" (a network trained on the shot itself).
std::vector<std::string> engineNames();

// The engine a name means: an engine's own name, or the present name of one
// that was renamed, so that projects and scripts written before keep working
// ("internal" -> "shot-trained"). Empty when no engine has that name.
std::string canonicalEngineName(const std::string& name);

// Whether the engine can read a prompt: only "model", and only when the
// user's model's forward() takes one; the others fill from the footage.
bool engineReadsPrompt(const std::string& name);

struct ParamInfo {
    std::string name;
    ParamValue defaultValue;
    std::string description;
};
// Every parameter the engine accepts with its default, including the mask
// handling ones shared by all engines (dilate, feather, temporal_blend,
// chunk_frames, chunk_overlap, chunk_memory_mb). Accepts former names
// (canonicalEngineName). Throws InpaintError(BadInput) for an unknown engine.
//
// Shared:
//   dilate         4   px the user mask grows by before the engine sees it
//   feather        3   px of the dilated band blended back toward the source (<= dilate)
//   temporal_blend     frames at each end of a regenerated range faded in from
//                      the source; 0 for propagate/interpolate, 2 for model/shot-trained
//   chunk_frames   32  frames per temporal chunk (memory bound for long clips)
//   chunk_overlap  8   frames shared by neighbouring chunks, cross-faded
//   chunk_memory_mb 4096 memory for one chunk's full-resolution buffers (45
//                      bytes a pixel a frame): chunk_frames is lowered to fit,
//                      e.g. to 10 frames at 4K (0 = no limit)
// propagate:
//   flow_preset    "medium" DIS preset: "ultrafast", "fast", "medium"
//   flow_max_side  720 flow is computed at most this large, then upsampled
//   consistency    1.5 forward-backward flow error (px) above which a track stops
//   max_distance   0   frames a pixel may be tracked (0 = the whole chunk)
//   align          1   fill from frames aligned by the camera's homography first
//   align_sources  8   aligned frames that may fill one frame's hole (0 = all)
//   layers         1   hole pixels a rigid mover may cross filled layer by layer
//                      (methods/layeredfill.h); 2 = every confirmed pixel, 0 = off
//   patch          7   patch side of the spatial fill
//   spatial_iters  4   PatchMatch/vote iterations per pyramid level
// interpolate:
//   flow_preset    "medium", flow_max_side 720, consistency 1.5 (as above)
// model:
//   model          ""  path of a TorchScript file or AOTInductor package (required)
//   tile           0   spatial tile side in px (0 = whole frame)
//   tile_overlap   32  px shared by neighbouring tiles, cross-faded
// shot-trained (also accepted as "internal", its former name):
//   iterations     400 training steps on the shot's own unmasked pixels
//   width          32  channels of the network
//   learning_rate  0.002
//   save           ""  where to save the trained network as TorchScript (the
//                      model engine can re-apply it)
std::vector<ParamInfo> engineParameters(const std::string& engine);

// Runs the engine and composites its output over the source: the returned
// stack has the request's frame shape; see composite.h for what may change.
// Throws InpaintError (kinds above) or InpaintCancelled.
FrameStack inpaint(const std::string& engine, const InpaintRequest& request);
// The same, writing the result over the request's frames instead of a copy
// (saves one clip's worth of memory: 1.1 GB at 1280x720 x 100 frames). Errors
// found by validation leave the frames untouched; an error or cancel during
// the run leaves them partly regenerated, so move frames in only when a
// failed run will not need them.
FrameStack inpaint(const std::string& engine, InpaintRequest&& request);

// The same run on a stream. Returns false when the engine did not run
// (passThroughWhenNothingToDo and nothing masked). Memory: one chunk of
// frames and masks plus the engine's working set, whatever the clip length.
bool inpaint(const std::string& engine, const StreamedInpaintRequest& request);

} // namespace retake::generation
