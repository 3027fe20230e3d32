#include "timecode.h"

#include <QRegularExpression>

namespace retake {

namespace {
int nominalFps(Rational rate) {
    return int(rate.rounded());
}
int droppedPerMinute(Rational rate) {
    return nominalFps(rate) / 15;
} // 2 at 29.97, 4 at 59.94
} // namespace

bool isDropFrameRate(Rational rate) {
    return rate == Rational(30000, 1001) || rate == Rational(60000, 1001);
}

QString frameToTimecode(FrameNumber frame, Rational rate, bool dropFrame) {
    const int fps = std::max(1, nominalFps(rate));
    const bool negative = frame < 0;
    if (negative)
        frame = -frame;
    if (dropFrame && isDropFrameRate(rate)) {
        const std::int64_t drop = droppedPerMinute(rate);
        const std::int64_t perMinute = std::int64_t(fps) * 60 - drop;
        const std::int64_t perTenMinutes = perMinute * 10 + drop;
        const std::int64_t tens = frame / perTenMinutes;
        const std::int64_t rest = frame % perTenMinutes;
        frame += drop * 9 * tens;
        if (rest > drop)
            frame += drop * ((rest - drop) / perMinute);
    }
    const std::int64_t ff = frame % fps;
    const std::int64_t totalSeconds = frame / fps;
    const QChar sep = (dropFrame && isDropFrameRate(rate)) ? QLatin1Char(';') : QLatin1Char(':');
    return QStringLiteral("%1%2:%3:%4%5%6")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(totalSeconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((totalSeconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(totalSeconds % 60, 2, 10, QLatin1Char('0'))
        .arg(sep)
        .arg(ff, 2, 10, QLatin1Char('0'));
}

std::optional<FrameNumber> timecodeToFrame(const QString& timecode, Rational rate) {
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{1,2}):(\\d{2}):(\\d{2})([:;.])(\\d{2,3})$"));
    const auto match = pattern.match(timecode.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int fps = std::max(1, nominalFps(rate));
    const std::int64_t hh = match.captured(1).toInt(), mm = match.captured(2).toInt(),
                       ss = match.captured(3).toInt(), ff = match.captured(5).toInt();
    if (mm >= 60 || ss >= 60 || ff >= fps)
        return std::nullopt;
    const bool drop = match.captured(4) == QLatin1String(";") && isDropFrameRate(rate);
    std::int64_t frame = ((hh * 60 + mm) * 60 + ss) * fps + ff;
    if (drop) {
        const std::int64_t dropCount = droppedPerMinute(rate);
        if (ss == 0 && ff < dropCount && mm % 10 != 0)
            return std::nullopt;
        const std::int64_t totalMinutes = hh * 60 + mm;
        frame -= dropCount * (totalMinutes - totalMinutes / 10);
    }
    return frame;
}

} // namespace retake
