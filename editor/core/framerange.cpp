#include "framerange.h"

#include "core/jsonnumbers.h"

#include <QRegularExpression>
#include <algorithm>

namespace retake {

QString FrameRange::toInclusiveString() const {
    if (length() == 1)
        return QString::number(start);
    return QStringLiteral("%1-%2").arg(start).arg(end - 1);
}

std::optional<FrameRange> FrameRange::fromInclusiveString(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*(?:-\\s*(\\d+))?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const FrameNumber a = match.captured(1).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    FrameNumber b = a;
    if (match.hasCaptured(2) && !match.captured(2).isEmpty())
        b = match.captured(2).toLongLong(&ok);
    // Beyond the largest frame a project holds (core/jsonnumbers.h) the
    // range is refused as a whole, never wrapped or emptied.
    if (!ok || b < a || b >= kMaxFrameNumber)
        return std::nullopt;
    return FrameRange{a, b + 1};
}

FrameRangeSet::FrameRangeSet(const QVector<FrameRange>& ranges) {
    for (const auto& r : ranges)
        add(r);
}

void FrameRangeSet::add(FrameRange range) {
    if (range.isEmpty())
        return;
    QVector<FrameRange> result;
    result.reserve(ranges_.size() + 1);
    bool placed = false;
    for (const auto& r : ranges_) {
        if (r.end < range.start) {
            result.push_back(r);
        } else if (range.end < r.start) {
            if (!placed) {
                result.push_back(range);
                placed = true;
            }
            result.push_back(r);
        } else {
            // Overlapping or touching: absorb into the range being added.
            range.start = std::min(range.start, r.start);
            range.end = std::max(range.end, r.end);
        }
    }
    if (!placed)
        result.push_back(range);
    ranges_ = result;
}

void FrameRangeSet::remove(FrameRange range) {
    if (range.isEmpty())
        return;
    QVector<FrameRange> result;
    for (const auto& r : ranges_) {
        if (!r.intersects(range)) {
            result.push_back(r);
            continue;
        }
        if (r.start < range.start)
            result.push_back({r.start, range.start});
        if (range.end < r.end)
            result.push_back({range.end, r.end});
    }
    ranges_ = result;
}

bool FrameRangeSet::contains(FrameNumber frame) const {
    return std::any_of(ranges_.begin(), ranges_.end(),
                       [frame](const FrameRange& r) { return r.contains(frame); });
}

bool FrameRangeSet::containsAll(FrameRange range) const {
    return range.isEmpty() || std::any_of(ranges_.begin(), ranges_.end(),
                                          [&](const FrameRange& r) { return r.contains(range); });
}

bool FrameRangeSet::intersects(FrameRange range) const {
    return std::any_of(ranges_.begin(), ranges_.end(),
                       [&](const FrameRange& r) { return r.intersects(range); });
}

QVector<FrameRange> FrameRangeSet::gapsWithin(FrameRange range) const {
    FrameRangeSet rest;
    rest.add(range);
    for (const auto& r : ranges_)
        rest.remove(r);
    return rest.ranges();
}

FrameNumber FrameRangeSet::frameCount() const {
    FrameNumber n = 0;
    for (const auto& r : ranges_)
        n += r.length();
    return n;
}

bool FrameRangeSet::isNormalised() const {
    for (int i = 0; i < ranges_.size(); ++i) {
        if (ranges_[i].isEmpty())
            return false;
        if (i > 0 && ranges_[i - 1].end >= ranges_[i].start)
            return false;
    }
    return true;
}

} // namespace retake
