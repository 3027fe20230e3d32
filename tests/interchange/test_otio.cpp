// OpenTimelineIO interchange checked with the real `opentimelineio` Python
// package (a code path other than Retake's, which uses OTIO's C++ library):
// everything Retake writes reads back in OTIO with the same tracks, clips,
// ranges (exact NTSC rate) and markers; a timeline OTIO writes imports into
// Retake; a Retake export imports back unchanged; and another tool's timeline
// (offline clips, gaps, markers, foreign metadata with Inf, effects, a
// transition, a nested stack, video and audio tracks) goes through import,
// the project file and export with every field Retake carries unchanged.
#include "../media/mediatestutil.h"
#include "core/error.h"
#include "document/document.h"
#include "filebytes.h"
#include "interchange/otio.h"
#include "interchange/otiomarkers.h"
#include "mediaio/openmedia.h"
#include "processrun.h"
#include "projectfile/projectfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

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

// An OTIO [start, rate, duration, rate] range in seconds, so ranges written
// at different rates (frames, samples) compare.
QVector<double> seconds(const QJsonValue& range) {
    const QJsonArray r = range.toArray();
    if (r.size() != 4)
        return {};
    return {r[0].toDouble() / r[1].toDouble(), r[2].toDouble() / r[3].toDouble()};
}

void compareSeconds(const QJsonValue& actual, const QJsonValue& expected, const QString& what) {
    if (expected.isNull()) {
        QVERIFY2(actual.isNull(), qPrintable(what + QStringLiteral(": expected no range")));
        return;
    }
    const QVector<double> a = seconds(actual), e = seconds(expected);
    QVERIFY2(a.size() == 2 && e.size() == 2, qPrintable(what));
    for (int i = 0; i < 2; ++i)
        QVERIFY2(
            std::abs(a[i] - e[i]) < 1e-9,
            qPrintable(QStringLiteral("%1: %2 s, expected %3 s").arg(what).arg(a[i]).arg(e[i])));
}

using retake::testing::fileBytes;

QStringList matching(const QStringList& lines, const QString& text) {
    QStringList out;
    for (const QString& line : lines)
        if (line.contains(text))
            out << line;
    return out;
}

} // namespace

class TestOtio : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString clipA, clipB, wav, clip24;
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
        clip24 = path(QStringLiteral("c24.mov"));
        RETAKE_FFMPEG(QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=64x36:rate=24"), QStringLiteral("-frames:v"),
                      QStringLiteral("24"), QStringLiteral("-c:v"), QStringLiteral("mjpeg"),
                      clip24);
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
        const QStringList notKept = back.lines(OtioReportLine::Outcome::Changed) +
                                    back.lines(OtioReportLine::Outcome::Dropped);
        QVERIFY2(notKept.isEmpty(), qPrintable(notKept.join(QLatin1Char('\n'))));
        // Every shot and the audio clip is a "kept" line.
        QCOMPARE(back.lines(OtioReportLine::Outcome::Kept).size(), 3);
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
        // The gap stays a gap: 5 frames of gap media (no file, black, never
        // offline), so B keeps its place on the timeline.
        QCOMPARE(p.shots.size(), 3);
        QCOMPARE(p.shots[0].name, QStringLiteral("A"));
        QCOMPARE(p.shots[0].source, (FrameRange{2, 12}));
        QCOMPARE(p.shots[1].source, (FrameRange{0, 5}));
        QVERIFY(p.findMedia(p.shots[1].mediaId)->isGap());
        QVERIFY(p.findMedia(p.shots[1].mediaId)->online);
        QVERIFY(p.findMedia(p.shots[1].mediaId)->path.isEmpty());
        QCOMPARE(p.findMedia(p.shots[1].mediaId)->width, 64);
        QCOMPARE(p.shots[2].source, (FrameRange{4, 16}));
        QCOMPARE(p.findMedia(p.shots[2].mediaId)->path, clipB);
        const QVector<ShotPlacement> placed = p.placements(p.firstTrack(TrackKind::Video)->id);
        QCOMPARE(placed[2].timeline, (FrameRange{15, 27}));
        // Only the "locked" marker is a lock; the note is not (it is kept for export).
        QCOMPARE(p.shots[2].locks.ranges(), (QVector<FrameRange>{{6, 9}}));
        QVERIFY(p.shots[2].otio.contains(QStringLiteral("\"note\"")));
        const QStringList changed = in.lines(OtioReportLine::Outcome::Changed);
        QCOMPARE(changed.size(), 1);
        QVERIFY2(changed[0].startsWith(QStringLiteral("changed: V1 clip \"B\" marker \"note\"")),
                 qPrintable(changed[0]));
        QCOMPARE(matching(in.lines(OtioReportLine::Outcome::Kept),
                          QStringLiteral("kept: V1 gap at frame 10: 5 frame(s) kept as a gap"))
                     .size(),
                 1);
        QVERIFY(in.lines(OtioReportLine::Outcome::Dropped).isEmpty());
        const Track* audio = p.firstTrack(TrackKind::Audio);
        QCOMPARE(audio->clips.size(), 1);
        QCOMPARE(audio->clips[0].timelineStart, FrameNumber(6));
        QCOMPARE(audio->clips[0].sourceStart, Rational(1, 2));
        QCOMPARE(audio->clips[0].duration, Rational(1));
        QVERIFY(p.consistencyProblems().isEmpty());
    }

    // Another tool's timeline, written by the `opentimelineio` package, through
    // import, Retake's project file and export, read back by the package and
    // compared with the original item by item.
    void foreignTimelineRoundTrips() {
        const QString original = path(QStringLiteral("foreign.otio"));
        runPython("otio_foreign.py", {QStringLiteral("write"), original, clip24});
        QVERIFY(QFile::exists(original));
        const OtioImport in = readOtioFile(original);
        const Project& p = in.project;

        // Every track: V1, V2 and A1.
        QCOMPARE(p.tracks.size(), 3);
        QCOMPARE(p.tracks[0].name, QStringLiteral("V1"));
        QCOMPARE(p.tracks[1].name, QStringLiteral("V2"));
        QCOMPARE(p.tracks[2].kind, TrackKind::Audio);
        QCOMPARE(p.frameRate, Rational(24));
        // V1: online, gap (7), missing, credits, slug, the nested stack's clip.
        const QVector<ShotPlacement> v1 = p.placements(p.tracks[0].id);
        QCOMPARE(v1.size(), 6);
        const auto shot = [&](int i) { return *p.findShot(v1[i].shotId); };
        QCOMPARE(shot(0).name, QStringLiteral("online"));
        QVERIFY(p.findMedia(shot(0).mediaId)->online);
        QCOMPARE(shot(0).source, (FrameRange{2, 12}));
        QCOMPARE(shot(0).locks.ranges(), (QVector<FrameRange>{{6, 9}}));
        QCOMPARE(v1[1].timeline, (FrameRange{10, 17}));
        QCOMPARE(shot(2).name, QStringLiteral("missing"));
        QCOMPARE(shot(2).source, (FrameRange{100, 105}));
        QVERIFY(!p.findMedia(shot(2).mediaId)->online);
        // No source_range: the available range, frames 100-104, not 0-104.
        QCOMPARE(shot(3).name, QStringLiteral("credits"));
        QCOMPARE(shot(3).source, (FrameRange{100, 105}));
        QCOMPARE(p.findMedia(shot(3).mediaId)->path, QStringLiteral("D:/media/credits.mov"));
        QCOMPARE(v1[3].timeline, (FrameRange{22, 27}));
        QCOMPARE(shot(4).name, QStringLiteral("slug"));
        QCOMPARE(shot(5).name, QStringLiteral("nested clip"));
        QCOMPARE(v1[5].timeline, (FrameRange{33, 37}));
        // V2: its gap keeps the overlay at frame 20.
        const QVector<ShotPlacement> v2 = p.placements(p.tracks[1].id);
        QCOMPARE(v2.size(), 2);
        QCOMPARE(v2[1].timeline, (FrameRange{20, 28}));
        // A1: the offline dialogue at frame 12, one second in, half a second long.
        QCOMPARE(p.tracks[2].clips.size(), 1);
        QCOMPARE(p.tracks[2].clips[0].timelineStart, FrameNumber(12));
        QCOMPARE(p.tracks[2].clips[0].sourceStart, Rational(1));
        QCOMPARE(p.tracks[2].clips[0].duration, Rational(1, 2));

        // The report, item by item.
        const QStringList dropped = in.lines(OtioReportLine::Outcome::Dropped);
        QCOMPARE(dropped.size(), 1);
        QVERIFY2(dropped[0].startsWith(
                     QStringLiteral("dropped: V1 transition \"dissolve\": SMPTE_Dissolve")),
                 qPrintable(dropped[0]));
        QVERIFY2(dropped[0].endsWith(QStringLiteral("the cut stays at frame 22")),
                 qPrintable(dropped[0]));
        const QStringList changed = in.lines(OtioReportLine::Outcome::Changed);
        QCOMPARE(matching(in.lines(OtioReportLine::Outcome::Kept), QStringLiteral("gap at frame"))
                     .size(),
                 2);
        QCOMPARE(matching(changed, QStringLiteral("imported as offline media")).size(), 6);
        QCOMPARE(
            matching(changed, QStringLiteral("V1 stack \"nest\": nested stack of 1 track")).size(),
            1);
        QCOMPARE(matching(changed, QStringLiteral("marker \"note\": BLUE at frame 5")).size(), 1);
        const QStringList kept = in.lines(OtioReportLine::Outcome::Kept);
        QCOMPARE(matching(kept, QStringLiteral("kept: V1 clip \"online\": metadata fcp_xml; "
                                               "effects Resolve Blur carried for export"))
                     .size(),
                 1);
        QCOMPARE(matching(kept, QStringLiteral("kept: V1 clip \"credits\": frames 100-104 of "
                                               "credits.mov at frame 22"))
                     .size(),
                 1);
        QCOMPARE(matching(kept, QStringLiteral("its GeneratorReference carried")).size(), 1);
        QCOMPARE(matching(kept, QStringLiteral("track V1: metadata Resolve_OTIO")).size(), 1);
        QCOMPARE(matching(kept, QStringLiteral("kept: timeline:")).size(), 1);

        // Through the project file, then out again.
        const QString projectFile = path(QStringLiteral("foreign.retake"));
        Project saved = parseProject(serializeProject(p, projectFile), projectFile);
        refreshOnlineState(saved); // as loadProjectFile does
        QCOMPARE(saved.otio, p.otio);
        QVERIFY(saved.tracks == p.tracks);
        QVERIFY(saved.shots == p.shots);
        QCOMPARE(saved.media.size(), p.media.size());
        for (int i = 0; i < p.media.size(); ++i) {
            QCOMPARE(saved.media[i].path, p.media[i].path);
            QVERIFY(saved.media[i] == p.media[i]);
        }
        const QString exported = path(QStringLiteral("foreign-export.otio"));
        writeOtioFile(saved, exported);

        const QJsonObject a = runPython("otio_foreign.py", {QStringLiteral("describe"), original});
        const QJsonObject b = runPython("otio_foreign.py", {QStringLiteral("describe"), exported});
        QCOMPARE(b.value("name"), a.value("name"));
        QCOMPARE(b.value("metadata"), a.value("metadata")); // cmx_3600
        QCOMPARE(b.value("global_start_time"), a.value("global_start_time"));
        const QJsonArray tracksA = a.value("tracks").toArray(),
                         tracksB = b.value("tracks").toArray();
        QCOMPARE(tracksB.size(), tracksA.size());
        for (int t = 0; t < tracksA.size(); ++t) {
            const QJsonObject ta = tracksA[t].toObject(), tb = tracksB[t].toObject();
            QCOMPARE(tb.value("kind"), ta.value("kind"));
            QCOMPARE(tb.value("name"), ta.value("name"));
            QCOMPARE(tb.value("metadata"), ta.value("metadata"));
            QJsonArray itemsA;
            for (const QJsonValue& v : ta.value("items").toArray())
                if (v.toObject().value("schema") != QLatin1String("Transition")) // reported
                    itemsA.append(v);
            const QJsonArray itemsB = tb.value("items").toArray();
            QCOMPARE(itemsB.size(), itemsA.size());
            for (int i = 0; i < itemsA.size(); ++i) {
                const QJsonObject ia = itemsA[i].toObject(), ib = itemsB[i].toObject();
                const QString what = QStringLiteral("%1 item %2 (%3)")
                                         .arg(ta.value("name").toString())
                                         .arg(i)
                                         .arg(ia.value("name").toString());
                compareSeconds(ib.value("range_in_parent"), ia.value("range_in_parent"),
                               what + QStringLiteral(" range_in_parent"));
                if (ia.value("schema") == QLatin1String("Stack")) {
                    // Flattened: the nested stack's one clip in its place.
                    QCOMPARE(ib.value("name").toString(), QStringLiteral("nested clip"));
                    continue;
                }
                QCOMPARE(ib.value("schema"), ia.value("schema"));
                QCOMPARE(ib.value("metadata"), ia.value("metadata")); // fcp_xml with its Inf
                QCOMPARE(ib.value("effects"), ia.value("effects"));
                if (ia.value("schema") == QLatin1String("Gap"))
                    continue;
                QCOMPARE(ib.value("name"), ia.value("name"));
                // Without a source_range in the file, Retake writes the
                // available range OTIO used.
                const QJsonValue source =
                    ia.value("source_range").isNull()
                        ? ia.value("reference").toObject().value("available_range")
                        : ia.value("source_range");
                compareSeconds(ib.value("source_range"), source, what + QStringLiteral(" source"));
                const QJsonObject ra = ia.value("reference").toObject(),
                                  rb = ib.value("reference").toObject();
                QCOMPARE(rb.value("schema"), ra.value("schema"));
                QCOMPARE(rb.value("target_url").toString(), ra.value("target_url").toString());
                QCOMPARE(rb.value("metadata"), ra.value("metadata"));
                QCOMPARE(rb.value("generator_kind"), ra.value("generator_kind"));
                QCOMPARE(rb.value("parameters"), ra.value("parameters"));
                compareSeconds(rb.value("available_range"), ra.value("available_range"),
                               what + QStringLiteral(" available_range"));
                const QJsonArray ma = ia.value("markers").toArray(),
                                 mb = ib.value("markers").toArray();
                QCOMPARE(mb.size(), ma.size());
                for (int m = 0; m < ma.size(); ++m) {
                    const QJsonArray x = ma[m].toArray(), y = mb[m].toArray();
                    QCOMPARE(y[0], x[0]); // name
                    QCOMPARE(y[1], x[1]); // colour
                    compareSeconds(y[2], x[2], what + QStringLiteral(" marker"));
                    QCOMPARE(y[3], x[3]); // metadata
                }
            }
        }
        // The Inf in fcp_xml survives as OTIO's own token.
        QCOMPARE(tracksB[0]
                     .toObject()
                     .value("items")
                     .toArray()[0]
                     .toObject()
                     .value("metadata")
                     .toObject()
                     .value("fcp_xml")
                     .toObject()
                     .value("gain")
                     .toString(),
                 QStringLiteral("inf"));
    }

    // Markers as editors leave them (on a clip whose media starts at a
    // timecode, on a gap, a track and the timeline) are placed on Retake's
    // timeline where OTIO puts them, and go back out at the same place
    // relative to their clip (the clip is written counting from the media's
    // first frame, so its markers move with it).
    void markersShowWhereOtioPutsThem() {
        const QString original = path(QStringLiteral("markers.otio"));
        runPython("otio_foreign.py", {QStringLiteral("markers"), original, clip24, wav});
        QVERIFY(QFile::exists(original));
        const OtioImport in = readOtioFile(original);
        const QVector<TimelineMarker> markers = timelineMarkers(in.project);
        QCOMPARE(markers.size(), 5);
        const auto find = [&](const QString& name) {
            for (const TimelineMarker& m : markers)
                if (m.name == name)
                    return m;
            return TimelineMarker{};
        };
        QCOMPARE(find(QStringLiteral("reel start")).start, FrameNumber(0));
        QCOMPARE(find(QStringLiteral("reel start")).on, QStringLiteral("timeline"));
        QCOMPARE(find(QStringLiteral("slate")).start, FrameNumber(1));
        QCOMPARE(find(QStringLiteral("music cue")).start, FrameNumber(3));
        QCOMPARE(find(QStringLiteral("music cue")).on, QStringLiteral("V1"));
        // The clip sits at frame 4; its marker is 3 frames into it.
        const TimelineMarker flash = find(QStringLiteral("flash"));
        QCOMPARE(flash.start, FrameNumber(7));
        QCOMPARE(flash.length, FrameNumber(2));
        QCOMPARE(flash.colour, QStringLiteral("GREEN"));
        QCOMPARE(flash.comment, QStringLiteral("check the exposure"));
        QCOMPARE(flash.on, QStringLiteral("timecoded"));
        // The sound from its second 1 at frame 2: half a second in is frame 14.
        QCOMPARE(find(QStringLiteral("clap")).start, FrameNumber(14));
        QCOMPARE(find(QStringLiteral("clap")).on, QStringLiteral("music.mov"));
        // Sorted by start frame.
        for (int i = 1; i < markers.size(); ++i)
            QVERIFY(markers[i - 1].start <= markers[i].start);

        // Trimming the shot's head moves it and its marker together.
        Document doc(in.project);
        const Id clip = doc.project().placements(doc.project().tracks[0].id)[1].shotId;
        doc.trimShot(clip, {3, 12});
        QCOMPARE(timelineMarkers(doc.project())[3].name, QStringLiteral("flash"));
        QCOMPARE(timelineMarkers(doc.project())[3].start, FrameNumber(6));

        const QString exported = path(QStringLiteral("markers-export.otio"));
        writeOtioFile(in.project, exported);
        const QJsonObject a = runPython("otio_foreign.py", {QStringLiteral("describe"), original});
        const QJsonObject b = runPython("otio_foreign.py", {QStringLiteral("describe"), exported});
        QCOMPARE(b.value("stack_markers"), a.value("stack_markers"));
        const QJsonObject ta = a.value("tracks").toArray()[0].toObject(),
                          tb = b.value("tracks").toArray()[0].toObject();
        QCOMPARE(tb.value("markers"), ta.value("markers"));
        QCOMPARE(tb.value("items").toArray()[0].toObject().value("markers"),
                 ta.value("items").toArray()[0].toObject().value("markers"));
        const auto offsetIntoClip = [](const QJsonObject& item) {
            const QJsonArray marker = item.value("markers").toArray()[0].toArray()[2].toArray();
            const QJsonArray source = item.value("source_range").toArray();
            return marker[0].toDouble() / marker[1].toDouble() -
                   source[0].toDouble() / source[1].toDouble();
        };
        const QJsonObject clipA = ta.value("items").toArray()[1].toObject(),
                          clipB = tb.value("items").toArray()[1].toObject();
        QCOMPARE(offsetIntoClip(clipB), offsetIntoClip(clipA)); // 3 frames, in seconds
        QCOMPARE(offsetIntoClip(clipA), 3.0 / 24.0);
        const QJsonObject soundA =
            a.value("tracks").toArray()[1].toObject().value("items").toArray()[1].toObject();
        const QJsonObject soundB =
            b.value("tracks").toArray()[1].toObject().value("items").toArray()[1].toObject();
        QCOMPARE(soundB.value("name").toString(), QStringLiteral("sound"));
        QCOMPARE(offsetIntoClip(soundB), offsetIntoClip(soundA)); // half a second
        QCOMPARE(offsetIntoClip(soundA), 0.5);
    }

    // Markers added in Retake (on the timeline itself) go out as the stack's
    // markers, as OpenTimelineIO reads them; renaming, removing and undo
    // act on them; a wrong colour, an empty name or a frame without a
    // marker is refused and changes nothing.
    void markersAddedInRetakeGoOut() {
        Document doc(project);
        doc.addTimelineMarker(5, QStringLiteral("VFX 012"), QStringLiteral("red"),
                              QStringLiteral("sky replace"));
        doc.addTimelineMarker(9, QStringLiteral("Music in"), QStringLiteral("BLUE"));
        doc.renameTimelineMarker(5, QStringLiteral("VFX 013"));
        const Project withMarkers = doc.project();
        for (const auto& bad : std::vector<std::function<void()>>{
                 [&] { doc.addTimelineMarker(3, QStringLiteral("x"), QStringLiteral("teal")); },
                 [&] { doc.addTimelineMarker(3, QStringLiteral("  "), QStringLiteral("red")); },
                 [&] { doc.renameTimelineMarker(4, QStringLiteral("y")); },
                 [&] { doc.removeTimelineMarker(4); }}) {
            try {
                bad();
                QFAIL("a bad marker edit was taken");
            } catch (const Error& e) {
                QCOMPARE(int(e.kind()), int(ErrorKind::Usage));
            }
            QVERIFY(doc.project() == withMarkers);
        }
        const QString file = path(QStringLiteral("marked.otio"));
        writeOtioFile(doc.project(), file);
        const QJsonObject d = runPython("otio_foreign.py", {QStringLiteral("describe"), file});
        const QJsonArray stack = d.value("stack_markers").toArray();
        QCOMPARE(stack.size(), 2);
        QCOMPARE(stack[0].toArray()[0].toString(), QStringLiteral("VFX 013"));
        QCOMPARE(stack[0].toArray()[1].toString(), QStringLiteral("RED"));
        QCOMPARE(seconds(stack[0].toArray()[2])[0], 5 / kNtsc.toDouble());
        QCOMPARE(stack[1].toArray()[0].toString(), QStringLiteral("Music in"));
        QCOMPARE(seconds(stack[1].toArray()[2])[0], 9 / kNtsc.toDouble());
        // The rest of the export is what it was without markers.
        writeOtioFile(project, path(QStringLiteral("plain.otio")));
        QCOMPARE(d.value("tracks").toArray().size(),
                 runPython("otio_foreign.py",
                           {QStringLiteral("describe"), path(QStringLiteral("plain.otio"))})
                     .value("tracks")
                     .toArray()
                     .size());
        doc.removeTimelineMarker(9);
        QCOMPARE(timelineMarkers(doc.project()).size(), 1);
        doc.undoStack()->undo();
        QCOMPARE(timelineMarkers(doc.project()).size(), 2);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QVERIFY(timelineMarkers(doc.project()).isEmpty());
        QVERIFY(doc.project() == project);
    }

    // .otioz both ways with OpenTimelineIO's own otioz adapter: Retake's
    // bundle unpacks there with every clip pointing into media/ and the files
    // byte for byte; OTIO's bundle imports with its media unpacked beside it,
    // online, and again (reusing what is there). A bundle naming a file
    // outside its folder, or not a zip, is refused and writes nothing.
    void bundlesWorkBothWaysWithOpentimelineio() {
        const QString ours = path(QStringLiteral("ours.otioz"));
        writeOtioBundle(project, ours);
        const QString unpacked = path(QStringLiteral("unpacked"));
        QVERIFY(QDir().mkpath(unpacked));
        const QJsonObject listed =
            runPython("otio_foreign.py", {QStringLiteral("unbundle"), ours, unpacked});
        QStringList urls;
        for (const QJsonValue& url : listed.value("urls").toArray())
            urls << url.toString();
        urls.sort();
        QCOMPARE(urls, (QStringList{QStringLiteral("media/a.mov"), QStringLiteral("media/b.mov"),
                                    QStringLiteral("media/music.mov")}));
        for (const QString& name : {QStringLiteral("a.mov"), QStringLiteral("b.mov")})
            QCOMPARE(fileBytes(unpacked + QStringLiteral("/media/") + name), fileBytes(path(name)));

        const QString theirs = path(QStringLiteral("theirs.otioz"));
        runPython("otio_foreign.py", {QStringLiteral("bundle"), theirs, clip24});
        QVERIFY(QFile::exists(theirs));
        for (int pass = 0; pass < 2; ++pass) {
            const OtioImport in = readOtioBundle(theirs);
            const Shot* clip = nullptr;
            for (const Shot& s : in.project.shots)
                if (s.name == QLatin1String("timecoded"))
                    clip = &s;
            QVERIFY(clip);
            const MediaRef* media = in.project.findMedia(clip->mediaId);
            QCOMPARE(media->path, otioBundleMediaFolder(theirs) + QStringLiteral("/media/c24.mov"));
            QVERIFY(media->online);
            QCOMPARE(fileBytes(media->path), fileBytes(clip24));
            QCOMPARE(clip->source, (FrameRange{2, 12}));
        }

        // A zip whose entry climbs out of its folder.
        const QString hostile = path(QStringLiteral("hostile.otioz"));
        QVERIFY(retake::testing::run(QStringLiteral(RETAKE_PYTHON),
                                     {QStringLiteral("-c"),
                                      QStringLiteral("import zipfile,sys\n"
                                                     "z=zipfile.ZipFile(sys.argv[1],'w')\n"
                                                     "z.writestr('content.otio','{}')\n"
                                                     "z.writestr('media/../../escape.txt','x')\n"),
                                      hostile})
                    .ok());
        try {
            readOtioBundle(hostile);
            QFAIL("a bundle naming ../../escape.txt was read");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QStringLiteral("outside its folder")),
                     qPrintable(e.message()));
            QVERIFY2(e.message().contains(hostile), qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(path(QStringLiteral("escape.txt"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("../escape.txt"))));
        QVERIFY(!QFileInfo::exists(otioBundleMediaFolder(hostile)));
        const QString notZip = path(QStringLiteral("not.otioz"));
        QFile f(notZip);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"OTIO_SCHEMA\": \"Timeline.1\"}");
        f.close();
        try {
            readOtioBundle(notZip);
            QFAIL("a file that is no zip was read as a bundle");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QStringLiteral("not a readable zip archive")),
                     qPrintable(e.message()));
        }
    }

    // Retake's own values a project cannot hold refuse the import, naming
    // the field, now that OTIO's reader parses the file (commit 4e1e979; the
    // fuzz reproducer itself is now refused earlier, by OTIO's stricter
    // schema reading, so its strict twin is checked here).
    void valuesAProjectCannotHoldAreRefused() {
        const auto refusal = [](const QString& file) {
            try {
                readOtioFile(file);
            } catch (const Error& e) {
                if (e.kind() == ErrorKind::BadInput)
                    return e.message();
            }
            return QString();
        };
        const QString mask = QStringLiteral(
            RETAKE_SOURCE_DIR
            "/tests/fuzz/regressions/otio/mask-range-beyond-frame-numbers-strict.otio");
        QVERIFY2(refusal(mask).contains(QStringLiteral("metadata.retake.masks.range[1]: ")),
                 qPrintable(refusal(mask)));
        QByteArray json = projectToOtio(project);
        const QByteArray rate = "\"frameRate\": \"24000/1001\",\n            \"height\"";
        QVERIFY(json.contains(rate)); // the timeline's
        json.replace(rate, "\"frameRate\": \"2000\",\n            \"height\"");
        const QString fast = path(QStringLiteral("fast.otio"));
        QFile f(fast);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        QVERIFY2(refusal(fast).contains(QStringLiteral("the timeline runs at 2000 fps")),
                 qPrintable(refusal(fast)));
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
