// Fuzz target: the CLI's value parsing: frame ranges (--range A-B), rationals
// (frame rates), timecode, numbers and vectors (camera and blocking options),
// frame numbers and shot-relative ranges. The first byte picks the parser, the
// rest is the argument as typed.

#include "cli.h"
#include "core/framerange.h"
#include "core/rational.h"
#include "core/timecode.h"
#include "fuzzsupport.h"
#include "options.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    retake::fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace retake;
    if (size < 1)
        return 0;
    const QString text = QString::fromUtf8(fuzz::bytes(data + 1, size - 1));
    const QString what = QStringLiteral("--value");
    try {
        switch (data[0] % 8) {
        case 0:
            // What is parsed prints back and parses to the same range.
            if (const auto range = FrameRange::fromInclusiveString(text)) {
                const auto again = FrameRange::fromInclusiveString(range->toInclusiveString());
                if (!again || *again != *range)
                    __builtin_trap();
            }
            break;
        case 1:
            if (const auto rate = Rational::fromString(text)) {
                const auto again = Rational::fromString(rate->toString());
                if (!again || *again != *rate)
                    __builtin_trap();
            }
            break;
        case 2:
            // Timecode at the common rates, drop-frame ones included.
            for (const Rational rate : {Rational(24), Rational(25), Rational(30000, 1001),
                                        Rational(60000, 1001), Rational(24000, 1001)})
                if (const auto frame = timecodeToFrame(text, rate))
                    frameToTimecode(*frame, rate);
            break;
        case 3:
            cli::parseNumber(text, what);
            break;
        case 4:
            cli::parseNumbers(text, 2, what, QStringLiteral("X,Y"));
            break;
        case 5:
            cli::parseVec(text, what);
            break;
        case 6:
            cli::parseFrame(text, what);
            break;
        case 7: {
            // A shot whose media starts late, so the shift to media frames is not zero.
            Shot shot;
            shot.source = FrameRange{1000, 1100};
            cli::parseShotRange(shot, text);
            break;
        }
        }
    } catch (const Error&) {
    }
    return 0;
}
