#pragma once

// Following a region of the picture from frame to frame: the motion under a
// mask shape, so the shape can follow a logo on a moving car or a sign in a
// pan (editor/tracking). Grey 8-bit frames in, one transform per frame out.
// No Qt, no OpenCV, no torch in this header.
//
// Pixel convention (the editor's): (0,0) is the top-left corner of the
// top-left pixel; pixel (i, j) covers [i, i+1) x [j, j+1).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace retake::generation {

enum class TrackModel {
    // Translation, rotation and uniform scale (four degrees of freedom):
    // objects that move across the frame without turning away from it.
    Similarity,
    // A homography: a flat surface seen in perspective (signs, screens,
    // walls, a logo on a car's door).
    Planar,
    // No one motion: each point of the shape's outline moved by the optical
    // flow of the picture just inside it, for what deforms (a face turning,
    // cloth, a hand). Follows more, and drifts more, than the others.
    Dense,
};

// A grey picture, rows packed (stride = width).
struct GreyFrame {
    const std::uint8_t* pixels = nullptr;
    int width = 0;
    int height = 0;
};

// Maps a key-frame position (x, y, 1) to the tracked frame's (homogeneous).
using TrackTransform = std::array<std::array<double, 3>, 3>;

struct TrackStep {
    TrackTransform keyToFrame{};
    // 0..1: the share of the region's points that still follow one motion,
    // times how many of them are left. Low under occlusion, when the region
    // leaves the frame or the picture changes (a cut).
    double confidence = 0;
    int points = 0; // points that agreed with the motion
    // Dense: where the outline's points are on this frame (x, y pairs, in
    // the order given); keyToFrame is then only their overall motion.
    std::vector<double> outline;
    bool lost = false;
    std::string why; // when lost: what happened, for a person
};

// A tracking run from a key frame, one frame at a time, in the order given
// (forward or backward in time: the tracker does not know).
class RegionTracking {
public:
    virtual ~RegionTracking() = default;
    // The next frame, the same size as the key frame. After a lost step the
    // run cannot continue (every later step is lost too).
    virtual TrackStep next(const GreyFrame& frame) = 0;
};

} // namespace retake::generation
