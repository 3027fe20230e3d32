#pragma once

#include "core/rational.h"

#include <QString>
#include <optional>

namespace retake {

// SMPTE timecode for a frame number at a rate. Drop-frame ("HH:MM:SS;FF")
// for 30000/1001 and 60000/1001, which skip frame numbers 0 and 1 (0-3 at
// 59.94) at the start of every minute except every tenth, so the display
// tracks wall-clock time. Other rates count whole frames at the rounded rate.
bool isDropFrameRate(Rational rate);
QString frameToTimecode(FrameNumber frame, Rational rate, bool dropFrame);
inline QString frameToTimecode(FrameNumber frame, Rational rate) {
    return frameToTimecode(frame, rate, isDropFrameRate(rate));
}
// Accepts "HH:MM:SS:FF" and "HH:MM:SS;FF" (drop-frame). nullopt if malformed
// or if it names a frame number that drop-frame skips.
std::optional<FrameNumber> timecodeToFrame(const QString& timecode, Rational rate);

} // namespace retake
