#pragma once

#include "core/rational.h"

#include <QString>
#include <QVector>
#include <optional>

namespace retake {

// Half-open interval of frame numbers [start, end).
struct FrameRange {
    FrameNumber start = 0;
    FrameNumber end = 0;

    FrameNumber length() const { return end - start; }
    bool isEmpty() const { return end <= start; }
    bool contains(FrameNumber f) const { return f >= start && f < end; }
    bool contains(const FrameRange& r) const { return r.start >= start && r.end <= end; }
    bool intersects(const FrameRange& r) const { return r.start < end && start < r.end; }
    FrameRange intersected(const FrameRange& r) const {
        return {std::max(start, r.start), std::min(end, r.end)};
    }
    FrameRange shifted(FrameNumber by) const { return {start + by, end + by}; }
    bool operator==(const FrameRange& o) const { return start == o.start && end == o.end; }
    bool operator!=(const FrameRange& o) const { return !(*this == o); }

    // Inclusive "A-B" as editors say it ("10-20" = 11 frames), or a single "A".
    QString toInclusiveString() const;
    static std::optional<FrameRange> fromInclusiveString(const QString& text);
};

// A set of frames as sorted, disjoint, non-adjacent ranges. Adding merges
// overlapping and touching ranges; removing part of a range splits it:
//
//   add [10,20) to {[0,5) [20,30)}    -> {[0,5) [10,30)}
//   remove [12,15) from {[10,30)}     -> {[10,12) [15,30)}
class FrameRangeSet {
public:
    FrameRangeSet() = default;
    explicit FrameRangeSet(const QVector<FrameRange>& ranges);

    void add(FrameRange range);
    void remove(FrameRange range);
    bool contains(FrameNumber frame) const;
    bool containsAll(FrameRange range) const;
    bool intersects(FrameRange range) const;
    // The parts of `range` not in the set.
    QVector<FrameRange> gapsWithin(FrameRange range) const;
    const QVector<FrameRange>& ranges() const { return ranges_; }
    bool isEmpty() const { return ranges_.isEmpty(); }
    FrameNumber frameCount() const;
    // Sorted, disjoint, non-adjacent, non-empty.
    bool isNormalised() const;

    bool operator==(const FrameRangeSet& o) const { return ranges_ == o.ranges_; }
    bool operator!=(const FrameRangeSet& o) const { return !(*this == o); }

private:
    QVector<FrameRange> ranges_;
};

} // namespace retake
