#pragma once

#include <QString>
#include <cstdint>
#include <optional>

namespace retake {

// Exact rational number for frame rates and times. The model never stores a
// floating-point rate: 24000/1001 stays 24000/1001 (OpenTimelineIO's 23.976
// bugs came from floats). Always normalised, denominator > 0.
class Rational {
public:
    constexpr Rational() = default;
    Rational(std::int64_t numerator, std::int64_t denominator = 1);

    std::int64_t numerator() const { return num_; }
    std::int64_t denominator() const { return den_; }
    bool isZero() const { return num_ == 0; }
    bool isPositive() const { return num_ > 0; }
    double toDouble() const { return double(num_) / double(den_); }

    Rational inverted() const;
    // Rounds to the nearest integer, halves away from zero.
    std::int64_t rounded() const;
    std::int64_t floored() const;

    // "24000/1001", or "25" when the denominator is 1.
    QString toString() const;
    // Accepts "24000/1001", "25", "29.97" (as the conventional NTSC rate
    // 30000/1001) and other decimals exactly ("12.5" -> 25/2).
    static std::optional<Rational> fromString(const QString& text);

    friend Rational operator+(Rational a, Rational b);
    friend Rational operator-(Rational a, Rational b);
    friend Rational operator*(Rational a, Rational b);
    friend Rational operator/(Rational a, Rational b);
    friend bool operator==(Rational a, Rational b) { return a.num_ == b.num_ && a.den_ == b.den_; }
    friend bool operator!=(Rational a, Rational b) { return !(a == b); }
    friend bool operator<(Rational a, Rational b);
    friend bool operator<=(Rational a, Rational b) { return !(b < a); }
    friend bool operator>(Rational a, Rational b) { return b < a; }
    friend bool operator>=(Rational a, Rational b) { return !(a < b); }

private:
    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
};

using FrameNumber = std::int64_t;

// Time of a frame at a rate: frame / rate seconds.
inline Rational frameToSeconds(FrameNumber frame, Rational rate) {
    return Rational(frame) / rate;
}
// Frame containing the time t at a rate (floor).
inline FrameNumber secondsToFrame(Rational seconds, Rational rate) {
    return (seconds * rate).floored();
}

} // namespace retake
