// OpenTimelineIO interchange checked with the real `opentimelineio` Python
// package: everything Retake writes reads back in OTIO with the same tracks,
// clips, ranges (exact NTSC rate) and markers; a timeline OTIO writes imports
// into Retake; and a Retake export imports back unchanged.
#include "../media/mediatestutil.h"
#include "core/error.h"
#include "document/document.h"
#include "interchange/otio.h"
#include "mediaio/openmedia.h"
#include "processrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace retake;
using namespace retake::test;

namespace {

const Rational kNtsc(24000, 1001);

QJsonObject runPython(const char* script, const QStringList& args) {
    const QString file =
        QStringLiteral(RETAKE_SOURCE_DIR "/tests/interchange/") + QLatin1String(script);
    const retake::testing::Run r =
        retake::testing::run(QStringLiteral(RETAKE_PYTHON), QStringList{file} + args);
    if (!r.ok()) {
        qWarning().noquote() << r.err;
        return {};
    }
    return QJsonDocument::fromJson(r.rawOut).object();
}

QVariantList range(double s, double sr, double d, double dr) {
    return {s, sr, d, dr};
}

} // namespace

class TestOtio : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString clipA, clipB, wav;
    Project project;

    QString path(const QString& name) const { return dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        if (!haveTool(QStringLiteral("ffmpeg")))
            QSKIP("ffmpeg is not installed");
        if (!QFile::exists(QStringLiteral(RETAKE_PYTHON)))
            QSKIP("the Python environment with opentimelineio is not installed");
        clipA = path(QStringLiteral("a.mov"));
        clipB = path(QStringLiteral("b.mov"));
        wav = path(QStringLiteral("music.mov")); // Retake takes audio from movies
        for (const QString& clip : {clipA, clipB})
            RETAKE_FFMPEG(QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                          QStringLiteral("testsrc2=size=64x36:rate=24000/1001"),
                          QStringLiteral("-frames:v"), QStringLiteral("24"), QStringLiteral("-c:v"),
                          QStringLiteral("mjpeg"), clip);
        RETAKE_FFMPEG(QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=64x36:rate=24"), QStringLiteral("-f"),
                      QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("sine=frequency=440:sample_rate=48000"), QStringLiteral("-t"),
                      QStringLiteral("3"), QStringLiteral("-c:v"), QStringLiteral("mjpeg"),
                      QStringLiteral("-c:a"), QStringLiteral("pcm_s16le"), wav);

        Document doc(Project::createEmpty(QStringLiteral("otio test"), kNtsc, 64, 36));
        const Id a = doc.importMedia(openMedia(clipA)->info(), QStringLiteral("Shot A"));
        const Id b = doc.importMedia(openMedia(clipB)->info(), QStringLiteral("Shot B"));
        doc.trimShot(a, {3, 15});
        doc.trimShot(b, {2, 20});
        doc.lockRange(b, {4, 7});
        doc.lockRange(b, {10, 12});
        Take take;
        take.engine = QStringLiteral("propagate");
        take.seed = 1234567890123LL;
        take.prompt = QStringLiteral("remove the boom mic");
        take.range = {8, 10};
        take.parameters.insert(QStringLiteral("dilate"), QStringLiteral("4"));
        take.modelHash = QStringLiteral("ab12");
        doc.addTake(b, take);
        Camera camera;
        camera.focalLengthMm = 50;
        camera.fStop = 4;
        doc.setCamera(a, camera);
        doc.addAudioClip(openMedia(wav)->info(), 5);
        project = doc.project();
        QVERIFY(project.consistencyProblems().isEmpty());
    }

    void opentimelineioReadsWhatRetakeWrites() {
        const QString file = path(QStringLiteral("retake.otio"));
        writeOtioFile(project, file);
        const QJsonObject d = runPython("otio_describe.py", {file});
        QCOMPARE(d.value("name").toString(), QStringLiteral("otio test"));
        const QJsonArray tracks = d.value("tracks").toArray();
        QCOMPARE(tracks.size(), 2);
        const QJsonObject video = tracks[0].toObject();
        QCOMPARE(video.value("kind").toString(), QStringLiteral("Video"));
        const QJsonArray clips = video.value("items").toArray();
        QCOMPARE(clips.size(), 2);
        const QJsonObject a = clips[0].toObject(), b = clips[1].toObject();
        QCOMPARE(a.value("schema").toString(), QStringLiteral("Clip"));
        QCOMPARE(a.value("name").toString(), QStringLiteral("Shot A"));
        QCOMPARE(a.value("source_range").toArray().toVariantList(),
                 range(3, kNtsc.toDouble(), 12, kNtsc.toDouble()));
        // Shot B follows shot A's 12 frames, at 24000/1001 exactly.
        QCOMPARE(b.value("range_in_parent").toArray().toVariantList(),
                 range(12, kNtsc.toDouble(), 18, kNtsc.toDouble()));
        QCOMPARE(a.value("available_range").toArray().toVariantList(),
                 range(0, kNtsc.toDouble(), 24, kNtsc.toDouble()));
        QCOMPARE(QUrl(a.value("target_url").toString()).toLocalFile(), clipA);
        QCOMPARE(b.value("takes").toInt(), 1);
        const QJsonArray markers = b.value("markers").toArray();
        QCOMPARE(markers.size(), 2);
        QCOMPARE(markers[0].toArray().toVariantList(),
                 (QVariantList{QStringLiteral("locked"), QStringLiteral("RED"), 4.0,
                               kNtsc.toDouble(), 3.0, kNtsc.toDouble()}));
        QCOMPARE(markers[1].toArray().at(2).toDouble(), 10.0);
        // Audio: a gap of 5 frames (5 * 1001 / 24000 s), then the clip, at 48 kHz.
        const QJsonArray audio = tracks[1].toObject().value("items").toArray();
        QCOMPARE(tracks[1].toObject().value("kind").toString(), QStringLiteral("Audio"));
        QCOMPARE(audio.size(), 2);
        QCOMPARE(audio[0].toObject().value("schema").toString(), QStringLiteral("Gap"));
        QCOMPARE(audio[0].toObject().value("source_range").toArray().toVariantList(),
                 range(0, 48000, 5 * 1001 * 2, 48000));
        QCOMPARE(audio[1].toObject().value("source_range").toArray().toVariantList(),
                 range(0, 48000, 3 * 48000, 48000));
    }

    void retakeExportImportsBackUnchanged() {
        const QString file = path(QStringLiteral("roundtrip.otio"));
        writeOtioFile(project, file);
        const OtioImport back = readOtioFile(file);
        QVERIFY2(back.warnings.isEmpty(), qPrintable(back.warnings.join(QLatin1Char('\n'))));
        const Project& p = back.project;
        QCOMPARE(p.frameRate, kNtsc);
        QCOMPARE(p.name, project.name);
        QCOMPARE(p.width, 64);
        QCOMPARE(p.shots.size(), project.shots.size());
        for (int i = 0; i < p.shots.size(); ++i)
            QVERIFY2(p.shots[i] == project.shots[i], qPrintable(p.shots[i].name));
        const Track* audio = p.firstTrack(TrackKind::Audio);
        QVERIFY(audio);
        QCOMPARE(audio->clips, project.firstTrack(TrackKind::Audio)->clips);
        QCOMPARE(p.firstTrack(TrackKind::Video)->shots,
                 project.firstTrack(TrackKind::Video)->shots);
        QCOMPARE(p.duration(), project.duration());
    }

    void importsWhatOpentimelineioWrites() {
        const QString file = path(QStringLiteral("from-otio.otio"));
        QVERIFY(QFile::exists(clipB));
        // B as a path relative to the .otio file, as some tools write it.
        runPython("otio_write.py", {clipA, QStringLiteral("b.mov"), wav, file});
        QVERIFY(QFile::exists(file));
        const OtioImport in = readOtioFile(file);
        const Project& p = in.project;
        QCOMPARE(p.name, QStringLiteral("from otio"));
        QCOMPARE(p.frameRate, kNtsc);
        QCOMPARE(p.shots.size(), 2);
        QCOMPARE(p.shots[0].name, QStringLiteral("A"));
        QCOMPARE(p.shots[0].source, (FrameRange{2, 12}));
        QCOMPARE(p.shots[1].source, (FrameRange{4, 16}));
        QCOMPARE(p.findMedia(p.shots[1].mediaId)->path, clipB);
        // Only the "locked" marker is a lock; the note is not.
        QCOMPARE(p.shots[1].locks.ranges(), (QVector<FrameRange>{{6, 9}}));
        QCOMPARE(in.warnings.size(), 1);
        QVERIFY2(in.warnings[0].contains(QStringLiteral("gap")), qPrintable(in.warnings[0]));
        const Track* audio = p.firstTrack(TrackKind::Audio);
        QCOMPARE(audio->clips.size(), 1);
        QCOMPARE(audio->clips[0].timelineStart, FrameNumber(6));
        QCOMPARE(audio->clips[0].sourceStart, Rational(1, 2));
        QCOMPARE(audio->clips[0].duration, Rational(1));
        QVERIFY(p.consistencyProblems().isEmpty());
    }

    void badFilesNameTheFile() {
        const QString notJson = path(QStringLiteral("bad.otio"));
        QFile f(notJson);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"OTIO_SCHEMA\": \"Timeline.1\", ");
        f.close();
        for (const QString& file : {notJson, path(QStringLiteral("missing.otio"))}) {
            try {
                readOtioFile(file);
                QFAIL("no error");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::BadInput);
                QVERIFY2(e.message().startsWith(file), qPrintable(e.message()));
            }
        }
        QCOMPARE(rateFromOtio(23.976023976023978), kNtsc);
        QCOMPARE(rateFromOtio(29.97), Rational(30000, 1001));
        QCOMPARE(rateFromOtio(25.0), Rational(25));
    }
};

QTEST_GUILESS_MAIN(TestOtio)
#include "test_otio.moc"
