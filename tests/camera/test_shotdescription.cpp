// The shot-description grammar (docs/shot-description.md), one test per
// rule and per error: shot sizes and their words, focal lengths, moves with
// amounts, directions and durations, handheld, people (height-accurate) and
// props with counts, times of day, interior/exterior, unknown words, and
// contradictory terms naming both words.
#include "camera/motion.h"
#include "camera/shotdescription.h"
#include "core/error.h"

#include <QTest>
#include <cmath>

using namespace retake;

namespace {

constexpr int kW = 1920, kH = 1080;

Camera super35() {
    Camera c;
    c.focalLengthMm = 35;
    c.filmbackWidthMm = 24.89;
    c.filmbackHeightMm = 18.66;
    return c;
}

DescribedShot describe(const QString& text, FrameNumber shotFrames = 48) {
    ShotDescriptionSettings s;
    s.imageWidth = kW;
    s.imageHeight = kH;
    s.frameRate = Rational(24);
    s.shotFrames = shotFrames;
    return describeShot(text, super35(), s);
}

// The error message of describing `text`, or a failure if it describes.
QString errorOf(const QString& text) {
    try {
        describe(text);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Usage)
            return QStringLiteral("wrong kind: ") + e.message();
        return e.message();
    }
    return QStringLiteral("no error");
}

int countShape(const BlockingScene& s, BlockingShape shape) {
    return int(std::count_if(s.objects.begin(), s.objects.end(),
                             [&](const BlockingObject& o) { return o.shape == shape; }));
}

} // namespace

class TestShotDescription : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theIssueExample() {
        const DescribedShot d = describe(QStringLiteral("MS 35mm dolly in 2s, two people at a "
                                                        "table, dusk"));
        QVERIFY2(d.unknownWords.isEmpty(), qPrintable(d.unknownWords.join(QLatin1Char(' '))));
        QCOMPARE(d.shotSize, ShotSize::Medium);
        QCOMPARE(d.camera.focalLengthMm, 35.0);
        QCOMPARE(countShape(d.scene, BlockingShape::Person), 2);
        QCOMPARE(countShape(d.scene, BlockingShape::Box), 1); // the table
        QVERIFY(d.scene.enabled);
        // The distance is the shot-size solver's for a 1.75 m subject.
        QCOMPARE(d.subjectDistanceM, distanceForShotSize(d.camera, kW, kH, ShotSize::Medium, 1.75));
        QCOMPARE(d.camera.motion.pose.position.y, -d.subjectDistanceM);
        // 2 s at 24 fps: keys at frames 0 and 47, moving forward (+Y) 30% of the distance.
        QCOMPARE(d.moveFrames, FrameNumber(48));
        QCOMPARE(d.camera.motion.keys.size(), 2);
        QCOMPARE(d.camera.motion.keys.back().frame, FrameNumber(47));
        const double travelled = d.camera.motion.keys.back().pose.position.y -
                                 d.camera.motion.keys.front().pose.position.y;
        QVERIFY(std::abs(travelled - 0.3 * d.subjectDistanceM) < 1e-9);
        // Dusk: a low sun, an orange sky.
        QCOMPARE(d.scene.sunElevationDeg, 5.0);
        QVERIFY(d.scene.skyColour.x > d.scene.skyColour.z);
        // Deterministic.
        const DescribedShot again = describe(QStringLiteral("MS 35mm dolly in 2s, two people at "
                                                            "a table, dusk"));
        QCOMPARE(again.camera, d.camera);
        QCOMPARE(again.scene, d.scene);
    }

    void shotSizesAndTheirWords() {
        const QList<QPair<QString, ShotSize>> cases = {
            {"ECU", ShotSize::ExtremeCloseUp},
            {"extreme close-up", ShotSize::ExtremeCloseUp},
            {"CU", ShotSize::CloseUp},
            {"close up", ShotSize::CloseUp},
            {"MCU", ShotSize::MediumCloseUp},
            {"medium close-up", ShotSize::MediumCloseUp},
            {"MS", ShotSize::Medium},
            {"medium shot", ShotSize::Medium},
            {"cowboy", ShotSize::Cowboy},
            {"FS", ShotSize::Full},
            {"full shot", ShotSize::Full},
            {"WS", ShotSize::Wide},
            {"wide shot", ShotSize::Wide},
            {"EWS", ShotSize::ExtremeWide},
            {"extreme wide", ShotSize::ExtremeWide}};
        for (const auto& c : cases) {
            const DescribedShot d = describe(c.first + QStringLiteral(" a man"));
            QVERIFY2(d.shotSize == c.second, qPrintable(c.first));
            QVERIFY2(d.unknownWords.isEmpty(), qPrintable(c.first));
            // The framing the solver promises: shotSizeAt gives the size back.
            QCOMPARE(shotSizeAt(d.camera, kW, kH, d.subjectDistanceM, d.subjectHeightM).nearest,
                     c.second);
        }
        QCOMPARE(describe(QStringLiteral("a man")).shotSize, ShotSize::Medium); // the default
    }

    void peopleAreHeightAccurate() {
        const DescribedShot d = describe(QStringLiteral("FS a man and a woman, a child"));
        QCOMPARE(countShape(d.scene, BlockingShape::Person), 3);
        QCOMPARE(d.scene.find(QStringLiteral("man1"))->size.z, 1.78);
        QCOMPARE(d.scene.find(QStringLiteral("woman1"))->size.z, 1.65);
        QCOMPARE(d.scene.find(QStringLiteral("child1"))->size.z, 1.20);
        // The tallest person is the subject the solver frames.
        QCOMPARE(d.subjectHeightM, 1.78);
        QCOMPARE(d.subjectDistanceM, distanceForShotSize(d.camera, kW, kH, ShotSize::Full, 1.78));
        // Counts: words and digits, plural without a count = two.
        QCOMPARE(countShape(describe(QStringLiteral("six people")).scene, BlockingShape::Person),
                 6);
        QCOMPARE(countShape(describe(QStringLiteral("3 women")).scene, BlockingShape::Person), 3);
        QCOMPARE(countShape(describe(QStringLiteral("people")).scene, BlockingShape::Person), 2);
        // A row facing the camera, centred on the origin.
        const DescribedShot row = describe(QStringLiteral("two people"));
        QCOMPARE(row.scene.objects[0].position.x, -0.35);
        QCOMPARE(row.scene.objects[1].position.x, 0.35);
    }

    void propsAndTheirPlaces() {
        const DescribedShot d =
            describe(QStringLiteral("WS two people at a table, two chairs, a car, a wall"));
        QVERIFY2(d.unknownWords.isEmpty(), qPrintable(d.unknownWords.join(QLatin1Char(' '))));
        const BlockingObject* table = d.scene.find(QStringLiteral("table1"));
        QVERIFY(table);
        QCOMPARE(table->position, (Vec3{0, 0, 0}));
        QCOMPARE(table->size.z, 0.75);
        QVERIFY(d.scene.find(QStringLiteral("chair2")));
        QCOMPARE(d.scene.find(QStringLiteral("car1"))->size, (Vec3{4.5, 1.8, 1.45}));
        QCOMPARE(d.scene.find(QStringLiteral("wall1"))->shape, BlockingShape::Wall);
        // People at the table's ends, not inside it.
        for (const auto& o : d.scene.objects)
            if (o.shape == BlockingShape::Person)
                QVERIFY(std::abs(o.position.x) > 0.6 + 0.19);
        // Unique names and IDs from 2.
        QSet<int> ids;
        for (const auto& o : d.scene.objects)
            ids.insert(o.id);
        QCOMPARE(ids.size(), d.scene.objects.size());
        QVERIFY(!ids.contains(0) && !ids.contains(1));
        // Without people the first prop is the subject, at the origin.
        const DescribedShot car = describe(QStringLiteral("MS a car"));
        QCOMPARE(car.scene.objects[0].position, (Vec3{0, 0, 0}));
        QCOMPARE(car.subjectHeightM, 1.45);
    }

    void focalLengths() {
        QCOMPARE(describe(QStringLiteral("CU 85mm a woman")).camera.focalLengthMm, 85.0);
        QCOMPARE(describe(QStringLiteral("CU 85 mm a woman")).camera.focalLengthMm, 85.0);
        QCOMPARE(describe(QStringLiteral("CU a woman")).camera.focalLengthMm, 35.0); // the lens's
        // A longer lens frames the same size from further away.
        QVERIFY(describe(QStringLiteral("CU 85mm a woman")).subjectDistanceM >
                describe(QStringLiteral("CU 35mm a woman")).subjectDistanceM);
    }

    void movesWithAmountsDirectionsAndDurations() {
        // Pan right 20 deg over 30 frames: pan -20 at the last key.
        DescribedShot d = describe(QStringLiteral("MS pan right 20deg over 30 frames, a man"));
        QCOMPARE(d.moveFrames, FrameNumber(30));
        QCOMPARE(d.camera.motion.keys.back().frame, FrameNumber(29));
        QCOMPARE(d.camera.motion.keys.back().pose.panDeg, -20.0);
        // Tilt up defaults to 15 deg; down is negative.
        d = describe(QStringLiteral("MS tilt down 1s, a man"));
        QCOMPARE(d.camera.motion.keys.back().pose.tiltDeg -
                     d.camera.motion.keys.front().pose.tiltDeg,
                 -15.0);
        QCOMPARE(d.moveFrames, FrameNumber(24));
        // Truck left 2 m.
        d = describe(QStringLiteral("truck left 2m, a man"));
        QCOMPARE(d.camera.motion.keys.back().pose.position.x, -2.0);
        // Pedestal, crane.
        d = describe(QStringLiteral("pedestal up 0.4m, a man"));
        QVERIFY(std::abs(d.camera.motion.keys.back().pose.position.z -
                         d.camera.motion.keys.front().pose.position.z - 0.4) < 1e-9);
        d = describe(QStringLiteral("crane up, a man"));
        QVERIFY(d.camera.motion.keys.back().pose.position.z >
                d.camera.motion.keys.front().pose.position.z + 1.4);
        // Zoom in to 85mm: keyed focal length.
        d = describe(QStringLiteral("MS 35mm zoom in to 85mm 2s, a man"));
        QCOMPARE(d.camera.focalLengthMm, 35.0);
        QCOMPARE(d.camera.motion.keys.back().pose.focalLengthMm, 85.0);
        // Zoom out defaults to half the focal length.
        d = describe(QStringLiteral("zoom out, a man"));
        QCOMPARE(d.camera.motion.keys.back().pose.focalLengthMm, 17.5);
        // Dolly zoom keeps f / d: the subject keeps its size.
        d = describe(QStringLiteral("MS 50mm dolly zoom to 25mm, a man"));
        const CameraPose a = keyedPose(d.camera, 0), b = keyedPose(d.camera, 47);
        QVERIFY(std::abs(a.focalLengthMm / (a.position.y * -1) -
                         b.focalLengthMm / (-b.position.y)) < 1e-9);
        // Orbit left 90 deg.
        d = describe(QStringLiteral("orbit left 90 degrees, a man"));
        QVERIFY(std::abs(keyedPose(d.camera, 47).panDeg - 90) < 1e-9);
        // Dolly out; durations in seconds at the frame rate.
        d = describe(QStringLiteral("dolly out 1.5m 0.5s, a man"));
        QCOMPARE(d.moveFrames, FrameNumber(12));
        QVERIFY(std::abs(keyedPose(d.camera, 11).position.y - keyedPose(d.camera, 0).position.y +
                         1.5) < 1e-9);
        // A rack focus to 8 m.
        d = describe(QStringLiteral("CU rack focus to 8m, a woman"));
        QCOMPARE(keyedPose(d.camera, 47).focusDistanceM, 8.0);
        QVERIFY(std::abs(keyedPose(d.camera, 0).focusDistanceM - d.subjectDistanceM) < 1e-9);
        // Without a move there are no keys, and focus is on the subject.
        d = describe(QStringLiteral("MCU a woman"));
        QVERIFY(d.camera.motion.keys.isEmpty());
        QCOMPARE(d.camera.focusDistanceM, d.subjectDistanceM);
    }

    void cameraHeightFramesTheSubject() {
        // Up to a full shot: level, with a tenth of the frame above the head.
        DescribedShot d = describe(QStringLiteral("MS a man"));
        QCOMPARE(d.camera.motion.pose.tiltDeg, 0.0);
        QVERIFY(std::abs(d.camera.motion.pose.position.z - (1.78 - 0.4 * 0.5 * 1.78)) < 1e-9);
        const PixelPoint top = projectPoint(intrinsics(d.camera, kW, kH),
                                            cameraToWorld(d.camera.motion.pose), {0, 0, 1.78});
        QVERIFY2(top.inFront && std::abs(top.y - 0.1 * kH) < 0.5,
                 qPrintable(QString::number(top.y)));
        // The feet of a full shot are in the frame too.
        d = describe(QStringLiteral("FS a man"));
        const PixelPoint feet = projectPoint(intrinsics(d.camera, kW, kH),
                                             cameraToWorld(d.camera.motion.pose), {0, 0, 0});
        QVERIFY2(feet.y < kH, qPrintable(QString::number(feet.y)));
        // Wider: eye height, tilted down to the subject's middle.
        d = describe(QStringLiteral("EWS a man"));
        QVERIFY(d.camera.motion.pose.tiltDeg < 0);
        const PixelPoint middle = projectPoint(intrinsics(d.camera, kW, kH),
                                               cameraToWorld(d.camera.motion.pose), {0, 0, 0.89});
        QVERIFY(std::abs(middle.y - kH / 2.0) < 1);
    }

    void handheldAndStatic() {
        DescribedShot d = describe(QStringLiteral("MS handheld, a man"));
        QCOMPARE(d.camera.motion.handheld.rotationDeg,
                 findHandheldPreset(QStringLiteral("handheld"))->handheld.rotationDeg);
        d = describe(QStringLiteral("MS subtle hand-held, a man"));
        QCOMPARE(d.camera.motion.handheld.rotationDeg,
                 findHandheldPreset(QStringLiteral("subtle"))->handheld.rotationDeg);
        d = describe(QStringLiteral("walking handheld dolly in, a man"));
        QVERIFY(d.camera.motion.handheld.walkCm > 0);
        QCOMPARE(d.camera.motion.keys.size(), 2);
        d = describe(QStringLiteral("static MS, a man"));
        QVERIFY(!d.camera.motion.handheld.active());
    }

    void timesOfDay() {
        QCOMPARE(describe(QStringLiteral("dawn")).scene.sunElevationDeg, 4.0);
        QCOMPARE(describe(QStringLiteral("morning")).scene.sunElevationDeg, 25.0);
        QCOMPARE(describe(QStringLiteral("noon")).scene.sunElevationDeg, 70.0);
        QCOMPARE(describe(QStringLiteral("sunset")).scene.sunElevationDeg, 5.0);
        const DescribedShot night = describe(QStringLiteral("night"));
        QVERIFY(night.scene.sunElevationDeg < 0);
        QCOMPARE(night.scene.sunIntensity, 0.0);
        QVERIFY(night.scene.skyColour.z < 0.1);
        QCOMPARE(describe(QStringLiteral("a man")).scene.sunElevationDeg,
                 BlockingScene().sunElevationDeg); // none given: the default sun
    }

    void interiorAndExterior() {
        const DescribedShot in = describe(QStringLiteral("INT. MS two people at a table, night"));
        QCOMPARE(countShape(in.scene, BlockingShape::Wall), 3); // back and two sides
        const DescribedShot out = describe(QStringLiteral("EXT. MS two people"));
        QCOMPARE(countShape(out.scene, BlockingShape::Wall), 0);
        // An interior with a written wall keeps it as the back wall and adds the sides.
        QCOMPARE(
            countShape(describe(QStringLiteral("interior, a wall")).scene, BlockingShape::Wall), 3);
    }

    void unknownWordsAreReported() {
        const DescribedShot d =
            describe(QStringLiteral("MS a man juggling flaming torches, 30deg, dusk"));
        QCOMPARE(d.unknownWords, (QStringList{"juggling", "flaming", "torches", "30deg"}));
        // Grammar words are not reported.
        QVERIFY(describe(QStringLiteral("a man at the table with a chair")).unknownWords.isEmpty());
    }

    void contradictionsNameBothWords() {
        const QList<QPair<QString, QStringList>> cases = {
            {"CU WS a man", {"\"CU\"", "\"WS\""}},
            {"dolly in dolly out", {"\"dolly in\"", "\"dolly out\""}},
            {"noon night", {"\"noon\"", "\"night\""}},
            {"interior exterior", {"\"interior\"", "\"exterior\""}},
            {"35mm 50mm", {"\"35mm\"", "\"50mm\""}},
            {"pan left right", {"\"left\"", "\"right\""}},
            {"pan 2s 3s", {"\"2s\"", "\"3s\""}},
            {"pan dolly in", {"\"pan\"", "\"dolly in\""}},
            {"static dolly in", {"\"static\"", "\"dolly in\""}},
            {"static handheld", {"\"static\"", "\"handheld\""}},
            {"35mm zoom out to 85mm", {"\"out\"", "\"85mm\""}},
        };
        for (const auto& c : cases) {
            const QString message = errorOf(c.first);
            QVERIFY2(message.contains(QLatin1String("Contradictory")),
                     qPrintable(c.first + QStringLiteral(": ") + message));
            for (const QString& word : c.second)
                QVERIFY2(message.contains(word),
                         qPrintable(c.first + QStringLiteral(": ") + message));
        }
    }

    void otherErrors() {
        QVERIFY(errorOf(QStringLiteral("")).contains(QLatin1String("empty")));
        QVERIFY(errorOf(QStringLiteral("0mm a man")).contains(QLatin1String("0mm")));
        QVERIFY(errorOf(QStringLiteral("7 people")).contains(QLatin1String("At most 6")));
        QVERIFY(errorOf(QStringLiteral("four men, three women"))
                    .contains(QLatin1String("At most 6 people")));
        QVERIFY(errorOf(QStringLiteral("dolly 2s")).contains(QLatin1String("dolly in")));
        QVERIFY(errorOf(QStringLiteral("pan 3s a man")).contains(QLatin1String("72 frames")));
        QCOMPARE(describe(QStringLiteral("left, a man")).unknownWords,
                 QStringList{QStringLiteral("left")}); // a direction without a move
        QVERIFY(errorOf(QStringLiteral("CU dolly in 5m, a man")).contains(QLatin1String("pass")));
        QVERIFY(errorOf(QStringLiteral("pan 1f")).contains(QLatin1String("at least 2 frames")));
        // A shot made from the description takes its length from it (no limit).
        ShotDescriptionSettings s;
        s.shotFrames = 0;
        QCOMPARE(describeShot(QStringLiteral("pan 5s"), super35(), s).moveFrames, FrameNumber(120));
    }
};

QTEST_GUILESS_MAIN(TestShotDescription)
#include "test_shotdescription.moc"
