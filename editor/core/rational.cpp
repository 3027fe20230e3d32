#include "rational.h"

#include <QStringList>
#include <numeric>
#include <stdexcept>

namespace retake {

namespace {
// 128-bit intermediates keep products of two 64-bit terms exact.
__extension__ using Wide = __int128;

Rational fromWide(Wide num, Wide den) {
    if (den == 0)
        throw std::domain_error("rational with zero denominator");
    if (den < 0) {
        num = -num;
        den = -den;
    }
    Wide a = num < 0 ? -num : num, b = den;
    while (b != 0) {
        Wide t = a % b;
        a = b;
        b = t;
    }
    const Wide g = a == 0 ? 1 : a;
    num /= g;
    den /= g;
    constexpr Wide limit = Wide(INT64_MAX);
    if (num > limit || num < -limit || den > limit)
        throw std::overflow_error("rational overflow");
    return Rational(std::int64_t(num), std::int64_t(den));
}
} // namespace

Rational::Rational(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0)
        throw std::domain_error("rational with zero denominator");
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const std::int64_t g = std::gcd(numerator, denominator);
    num_ = g ? numerator / g : 0;
    den_ = g ? denominator / g : 1;
}

Rational Rational::inverted() const {
    return Rational(den_, num_);
}

std::int64_t Rational::rounded() const {
    const std::int64_t twice = 2 * num_;
    return num_ >= 0 ? (twice + den_) / (2 * den_) : -((-twice + den_) / (2 * den_));
}

std::int64_t Rational::floored() const {
    std::int64_t q = num_ / den_;
    if (num_ % den_ != 0 && num_ < 0)
        --q;
    return q;
}

QString Rational::toString() const {
    return den_ == 1 ? QString::number(num_) : QStringLiteral("%1/%2").arg(num_).arg(den_);
}

std::optional<Rational> Rational::fromString(const QString& text) {
    const QString t = text.trimmed();
    bool ok = false;
    if (t.contains(QLatin1Char('/'))) {
        const auto parts = t.split(QLatin1Char('/'));
        if (parts.size() != 2)
            return std::nullopt;
        bool okDen = false;
        const qint64 n = parts[0].trimmed().toLongLong(&ok);
        const qint64 d = parts[1].trimmed().toLongLong(&okDen);
        if (!ok || !okDen || d == 0)
            return std::nullopt;
        return Rational(n, d);
    }
    const qint64 whole = t.toLongLong(&ok);
    if (ok)
        return Rational(whole);
    // Conventional NTSC rates written as decimals mean the /1001 rates.
    static const struct {
        const char* text;
        std::int64_t num;
    } ntsc[] = {{"23.976", 24000}, {"23.98", 24000}, {"29.97", 30000},
                {"47.952", 48000}, {"59.94", 60000}, {"119.88", 120000}};
    for (const auto& rate : ntsc)
        if (t == QLatin1String(rate.text))
            return Rational(rate.num, 1001);
    const int dot = t.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return std::nullopt;
    const QString digits = QString(t).remove(dot, 1);
    const qint64 scaled = digits.toLongLong(&ok);
    const int decimals = t.size() - dot - 1;
    if (!ok || decimals <= 0 || decimals > 9)
        return std::nullopt;
    std::int64_t den = 1;
    for (int i = 0; i < decimals; ++i)
        den *= 10;
    return Rational(scaled, den);
}

Rational operator+(Rational a, Rational b) {
    return fromWide(Wide(a.num_) * b.den_ + Wide(b.num_) * a.den_, Wide(a.den_) * b.den_);
}
Rational operator-(Rational a, Rational b) {
    return fromWide(Wide(a.num_) * b.den_ - Wide(b.num_) * a.den_, Wide(a.den_) * b.den_);
}
Rational operator*(Rational a, Rational b) {
    return fromWide(Wide(a.num_) * b.num_, Wide(a.den_) * b.den_);
}
Rational operator/(Rational a, Rational b) {
    return fromWide(Wide(a.num_) * b.den_, Wide(a.den_) * b.num_);
}
bool operator<(Rational a, Rational b) {
    return Wide(a.num_) * b.den_ < Wide(b.num_) * a.den_;
}

} // namespace retake
