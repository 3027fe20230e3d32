#include "core/framerange.h"
#include "core/rational.h"
#include "core/timecode.h"

#include <QTest>

using namespace retake;

class TestCore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rationalArithmeticIsExact() {
        const Rational ntsc(24000, 1001);
        QCOMPARE(ntsc.numerator(), 24000);
        QCOMPARE(ntsc.denominator(), 1001);
        QCOMPARE(Rational(6, 4), Rational(3, 2));
        QCOMPARE(Rational(1, -2).numerator(), -1);
        // 1001 frames at 24000/1001 last exactly 1001/24 s, no drift.
        QCOMPARE(frameToSeconds(1001, ntsc), Rational(1001 * 1001, 24000));
        QCOMPARE(secondsToFrame(Rational(3600), ntsc), 86313); // floor(3600*24000/1001)
        QCOMPARE((Rational(1, 3) + Rational(1, 6)), Rational(1, 2));
        QVERIFY(Rational(24000, 1001) < Rational(24));
        QCOMPARE(Rational(7, 2).rounded(), 4);
        QCOMPARE(Rational(-7, 2).floored(), -4);
    }
    void rationalParsesRates() {
        QCOMPARE(*Rational::fromString(QStringLiteral("24000/1001")), Rational(24000, 1001));
        QCOMPARE(*Rational::fromString(QStringLiteral("29.97")), Rational(30000, 1001));
        QCOMPARE(*Rational::fromString(QStringLiteral("12.5")), Rational(25, 2));
        QCOMPARE(*Rational::fromString(QStringLiteral("25")), Rational(25));
        QVERIFY(!Rational::fromString(QStringLiteral("abc")));
        QVERIFY(!Rational::fromString(QStringLiteral("1/0")));
        QCOMPARE(Rational(24000, 1001).toString(), QStringLiteral("24000/1001"));
    }
    void timecodeNonDrop() {
        QCOMPARE(frameToTimecode(0, Rational(24)), QStringLiteral("00:00:00:00"));
        QCOMPARE(frameToTimecode(24 * 3600 + 23, Rational(24)), QStringLiteral("01:00:00:23"));
        QCOMPARE(frameToTimecode(86400, Rational(24000, 1001)), QStringLiteral("01:00:00:00"));
        QCOMPARE(*timecodeToFrame(QStringLiteral("00:01:00:00"), Rational(25)), 1500);
    }
    void timecodeDropFrame() {
        const Rational ntsc(30000, 1001);
        QCOMPARE(frameToTimecode(1799, ntsc), QStringLiteral("00:00:59;29"));
        QCOMPARE(frameToTimecode(1800, ntsc), QStringLiteral("00:01:00;02")); // ;00 and ;01 skipped
        QCOMPARE(frameToTimecode(17982, ntsc),
                 QStringLiteral("00:10:00;00")); // every tenth minute keeps them
        QCOMPARE(frameToTimecode(107892, ntsc),
                 QStringLiteral("01:00:00;00")); // one hour of wall clock
        QCOMPARE(frameToTimecode(3600, Rational(60000, 1001)), QStringLiteral("00:01:00;04"));
        QVERIFY(!timecodeToFrame(QStringLiteral("00:01:00;00"), ntsc)); // a number drop-frame skips
        for (FrameNumber f : {0, 1799, 1800, 17981, 17982, 53946, 107891, 107892, 999999})
            QCOMPARE(*timecodeToFrame(frameToTimecode(f, ntsc), ntsc), f);
        QCOMPARE(frameToTimecode(1800, ntsc, false), QStringLiteral("00:01:00:00"));
    }
    void frameRangeSetMergesAdjacentAndOverlapping() {
        FrameRangeSet set;
        set.add({0, 5});
        set.add({20, 30});
        set.add({10, 20}); // touches [20,30)
        QCOMPARE(set.ranges(), (QVector<FrameRange>{{0, 5}, {10, 30}}));
        set.add({4, 11}); // bridges both
        QCOMPARE(set.ranges(), (QVector<FrameRange>{{0, 30}}));
        QVERIFY(set.isNormalised());
    }
    void frameRangeSetSplitsOnRemove() {
        FrameRangeSet set({{10, 30}});
        set.remove({12, 15});
        QCOMPARE(set.ranges(), (QVector<FrameRange>{{10, 12}, {15, 30}}));
        set.remove({0, 11});
        QCOMPARE(set.ranges(), (QVector<FrameRange>{{11, 12}, {15, 30}}));
        QCOMPARE(set.gapsWithin({10, 20}), (QVector<FrameRange>{{10, 11}, {12, 15}}));
        QVERIFY(set.contains(11));
        QVERIFY(!set.contains(12));
        QCOMPARE(set.frameCount(), 16);
    }
    void inclusiveRangeText() {
        QCOMPARE(*FrameRange::fromInclusiveString(QStringLiteral("10-20")), (FrameRange{10, 21}));
        QCOMPARE(*FrameRange::fromInclusiveString(QStringLiteral("7")), (FrameRange{7, 8}));
        QVERIFY(!FrameRange::fromInclusiveString(QStringLiteral("20-10")));
        QVERIFY(!FrameRange::fromInclusiveString(QStringLiteral("a-b")));
        QCOMPARE((FrameRange{10, 21}).toInclusiveString(), QStringLiteral("10-20"));
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "test_core.moc"
