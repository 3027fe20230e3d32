// retake-cli end to end: real files in, real files out, exit codes and
// messages for bad input, and a real kill -9 for crash recovery.
#include "clirun.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "projectfile/projectfile.h"
#include "testclip.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace retake;
using retake::testing::cli;
using retake::testing::Run;

namespace {

QString ffprobe(const QString& file, const QStringList& args) {
    return retake::testing::run(QStringLiteral("ffprobe"),
                                QStringList{QStringLiteral("-v"), QStringLiteral("error")} + args +
                                    QStringList{file})
        .out.trimmed();
}

QJsonObject infoJson(const QString& path) {
    const Run r = cli({QStringLiteral("info"), path, QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

// An OTIO TimeRange at 24 fps, as JSON text.
QString otioRange(int start, int duration) {
    return QStringLiteral(R"({"OTIO_SCHEMA": "TimeRange.1", "start_time": {"OTIO_SCHEMA": )"
                          R"("RationalTime.1", "rate": 24, "value": %1}, "duration": )"
                          R"({"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": %2}})")
        .arg(start)
        .arg(duration);
}

// Frame `frame` of a movie as Retake decodes it, 8-bit RGB.
QImage frameOf(const QString& movie, FrameNumber frame) {
    const Image image = openMedia(movie)->readFrame(frame);
    QImage out(image.width, image.height, QImage::Format_RGB32);
    if (image.type != SampleType::UInt8 || image.channels < 3)
        return {};
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p =
                image.pixels.data() + (std::size_t(y) * image.width + x) * image.channels;
            out.setPixel(x, y, qRgb(p[0], p[1], p[2]));
        }
    return out;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString clip; // 48 frames 160x90 at 24 fps with stereo audio

    QString path(const QString& name) const { return dir.filePath(name); }

    QString newProjectWithClip(const QString& name) {
        const QString project = path(name);
        if (const QString problem = retake::testing::newProjectWithClip(project, clip);
            !problem.isEmpty())
            qWarning().noquote() << problem;
        return project;
    }

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("ffmpeg is not installed");
        clip = path(QStringLiteral("clip.mp4"));
        const QString made =
            retake::testing::makeH264ClipWithTone(clip, QStringLiteral("160x90"), 2);
        QVERIFY2(made.isEmpty(), qPrintable(made));
    }

    void helpAndExitCodes() {
        const Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Exit codes")));
        for (const char* cmd : {"new", "import", "info", "lock", "unlock", "mask", "takes",
                                "relink", "export", "shell", "recover", "demo"})
            QVERIFY2(cli({QString::fromLatin1(cmd), QStringLiteral("--help")}).exitCode == 0, cmd);
        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("frobnicate")));
    }

    void newImportLockInfo() {
        const QString project = newProjectWithClip(QStringLiteral("a.retake"));
        QJsonObject info = infoJson(project);
        QCOMPARE(info.value(QStringLiteral("frameRate")).toString(), QStringLiteral("24"));
        QCOMPARE(info.value(QStringLiteral("width")).toInt(), 160);
        QCOMPARE(info.value(QStringLiteral("duration")).toInt(), 48);
        QCOMPARE(info.value(QStringLiteral("shots")).toArray().size(), 1);

        QCOMPARE(cli({QStringLiteral("lock"), project, QStringLiteral("--shot"),
                      QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("0-9")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("lock"), project, QStringLiteral("--shot"),
                      QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("10-19")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("unlock"), project, QStringLiteral("--shot"),
                      QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("5-6")})
                     .exitCode,
                 0);
        info = infoJson(project);
        const QJsonArray locks = info.value(QStringLiteral("shots"))
                                     .toArray()[0]
                                     .toObject()
                                     .value(QStringLiteral("locks"))
                                     .toArray();
        QCOMPARE(locks.size(), 2);
        QCOMPARE(locks[0].toString(), QStringLiteral("0-4"));
        QCOMPARE(locks[1].toString(), QStringLiteral("7-19"));

        const Run outside =
            cli({QStringLiteral("lock"), project, QStringLiteral("--shot"), QStringLiteral("Plate"),
                 QStringLiteral("--range"), QStringLiteral("40-60")});
        QCOMPARE(outside.exitCode, 1);
        QVERIFY2(outside.err.contains(QStringLiteral("outside")), qPrintable(outside.err));
        const Run noShot =
            cli({QStringLiteral("lock"), project, QStringLiteral("--shot"), QStringLiteral("Nope"),
                 QStringLiteral("--range"), QStringLiteral("1")});
        QCOMPARE(noShot.exitCode, 1);
        QVERIFY(noShot.err.contains(QStringLiteral("Plate")));
    }

    // info and info --json list the shots of every track (an OTIO import
    // brings several video tracks), each naming its track.
    void infoListsEveryTrack() {
        const QString file = newProjectWithClip(QStringLiteral("tracks.retake"));
        Project p = loadProjectFile(file);
        QCOMPARE(p.shots.size(), 1);
        Shot overlay = p.shots.first();
        overlay.id = newId();
        overlay.name = QStringLiteral("Overlay");
        overlay.source = {4, 10};
        p.shots.push_back(overlay);
        p.tracks.insert(
            1, Track{newId(), TrackKind::Video, QStringLiteral("V2"), {overlay.id}, {}, false, {}});
        QVERIFY(p.consistencyProblems().isEmpty());
        saveProjectFile(p, file);

        const QJsonObject info = infoJson(file);
        const QJsonArray shots = info.value(QStringLiteral("shots")).toArray();
        QCOMPARE(shots.size(), 2);
        QCOMPARE(shots[0].toObject().value(QStringLiteral("track")).toString(), p.tracks[0].name);
        const QJsonObject second = shots[1].toObject();
        QCOMPARE(second.value(QStringLiteral("name")).toString(), QStringLiteral("Overlay"));
        QCOMPARE(second.value(QStringLiteral("track")).toString(), QStringLiteral("V2"));
        QCOMPARE(second.value(QStringLiteral("timelineStart")).toInt(), 0);
        QCOMPARE(second.value(QStringLiteral("duration")).toInt(), 6);
        const QJsonArray tracks = info.value(QStringLiteral("tracks")).toArray();
        QCOMPARE(tracks.size(), p.tracks.size());
        QCOMPARE(tracks[1].toObject().value(QStringLiteral("shots")).toArray(),
                 (QJsonArray{idToString(overlay.id)}));
        QCOMPARE(tracks[1].toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("video"));

        const Run text = cli({QStringLiteral("info"), file});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("  track V2 (video, 1 shots)\n  ") +
                                   idToString(overlay.id).left(8) +
                                   QStringLiteral("  00:00:00:00  Overlay  6 frames")),
                 qPrintable(text.out));
    }

    // otio import prints its report on stdout, a line per item, then the
    // project; OTIO's Inf where Retake needs a number refuses, saying so.
    void otioImportPrintsItsReport() {
        const auto range = [](const char* start, const char* duration) {
            return QStringLiteral(R"({"OTIO_SCHEMA": "TimeRange.1", "start_time": {"OTIO_SCHEMA": )"
                                  R"("RationalTime.1", "rate": 24, "value": %1}, "duration": )"
                                  R"({"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": %2}})")
                .arg(QLatin1String(start), QLatin1String(duration));
        };
        const auto timeline = [&](const char* clipDuration) {
            return QStringLiteral(
                       R"({"OTIO_SCHEMA": "Timeline.1", "name": "mini", "global_start_time": null,)"
                       R"( "metadata": {}, "tracks": {"OTIO_SCHEMA": "Stack.1", "name": "tracks",)"
                       R"( "metadata": {}, "source_range": null, "effects": [], "markers": [],)"
                       R"( "enabled": true, "children": [{"OTIO_SCHEMA": "Track.1", "name": "V1",)"
                       R"( "kind": "Video", "metadata": {}, "source_range": null, "effects": [],)"
                       R"( "markers": [], "enabled": true, "children": [{"OTIO_SCHEMA": "Gap.1",)"
                       R"( "name": "", "metadata": {}, "effects": [], "markers": [{"OTIO_SCHEMA":)"
                       R"( "Marker.2", "name": "slate", "color": "PURPLE", "comment": "",)"
                       R"( "metadata": {}, "marked_range": %3}],)"
                       R"( "enabled": true, "source_range": %1}, {"OTIO_SCHEMA": "Clip.2",)"
                       R"( "name": "offline", "metadata": {"cmx_3600": {"reel": "A001"}},)"
                       R"( "effects": [], "markers": [], "enabled": true,)"
                       R"( "active_media_reference_key": "DEFAULT_MEDIA", "media_references":)"
                       R"( {"DEFAULT_MEDIA": {"OTIO_SCHEMA": "MissingReference.1", "name": "",)"
                       R"( "metadata": {}, "available_range": null,)"
                       R"( "available_image_bounds": null}}, "source_range": %2}]}]}})")
                .arg(range("0", "12"), range("100", clipDuration), range("2", "0"))
                .toUtf8();
        };
        const QString otio = path(QStringLiteral("mini.otio"));
        const QString project = path(QStringLiteral("mini.retake"));
        QFile f(otio);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(timeline("6"));
        f.close();
        const Run r = cli({QStringLiteral("otio"), QStringLiteral("import"), otio,
                           QStringLiteral("--out"), project});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("kept: V1 gap at frame 0: 12 frame(s) kept as a gap: "
                                          "black on the timeline and in exports, exported as a "
                                          "gap again"));
        QCOMPARE(lines[1], QStringLiteral("changed: V1 clip \"offline\": MissingReference names "
                                          "no file; imported as offline media \"offline "
                                          "(MissingReference, no file)\", relink it to use it"));
        QCOMPARE(lines[2], QStringLiteral("kept: V1 clip \"offline\": metadata cmx_3600; its "
                                          "MissingReference carried for export"));
        QCOMPARE(lines[3], QStringLiteral("kept: V1 clip \"offline\": frames 100-105 of offline "
                                          "(MissingReference, no file) at frame 12"));
        QCOMPARE(lines[4], QFileInfo(project).absoluteFilePath());
        // The gap's marker is on the timeline, and `info` lists it.
        const QJsonArray markers = infoJson(project).value(QStringLiteral("markers")).toArray();
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers[0].toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("slate"));
        QCOMPARE(markers[0].toObject().value(QStringLiteral("start")).toInt(), 2);
        QCOMPARE(markers[0].toObject().value(QStringLiteral("colour")).toString(),
                 QStringLiteral("PURPLE"));
        QVERIFY2(cli({QStringLiteral("info"), project})
                     .out.contains(QStringLiteral("00:00:00:02  PURPLE slate on Gap")),
                 "info's text lists the marker");

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(timeline("Inf"));
        f.close();
        const Run inf = cli({QStringLiteral("otio"), QStringLiteral("import"), otio,
                             QStringLiteral("--out"), project, QStringLiteral("--force")});
        QCOMPARE(inf.exitCode, 2);
        QVERIFY2(inf.err.contains(QStringLiteral("duration inf s) is out of range")),
                 qPrintable(inf.err));
    }

    // An edit with a gap (as OpenTimelineIO writes one): the gap exports as
    // black frames in its place, the clip after it at its own frames; the
    // gap cannot be regenerated, and says why.
    void gapsExportBlack() {
        const QString otio = path(QStringLiteral("gapped.otio"));
        const QString project = path(QStringLiteral("gapped.retake"));
        const QString url = QUrl::fromLocalFile(clip).toString();
        const QString text =
            QStringLiteral(
                R"({"OTIO_SCHEMA": "Timeline.1", "name": "gapped", "global_start_time": null,)"
                R"( "metadata": {}, "tracks": {"OTIO_SCHEMA": "Stack.1", "name": "tracks",)"
                R"( "metadata": {}, "source_range": null, "effects": [], "markers": [],)"
                R"( "enabled": true, "children": [{"OTIO_SCHEMA": "Track.1", "name": "V1",)"
                R"( "kind": "Video", "metadata": {}, "source_range": null, "effects": [],)"
                R"( "markers": [], "enabled": true, "children": [{"OTIO_SCHEMA": "Gap.1",)"
                R"( "name": "", "metadata": {}, "effects": [], "markers": [], "enabled": true,)"
                R"( "source_range": %1}, {"OTIO_SCHEMA": "Clip.2", "name": "picture",)"
                R"( "metadata": {}, "effects": [], "markers": [], "enabled": true,)"
                R"( "active_media_reference_key": "DEFAULT_MEDIA", "media_references":)"
                R"( {"DEFAULT_MEDIA": {"OTIO_SCHEMA": "ExternalReference.1", "name": "",)"
                R"( "target_url": "%3", "metadata": {}, "available_range": null,)"
                R"( "available_image_bounds": null}}, "source_range": %2}]}]}})")
                .arg(otioRange(0, 6), otioRange(10, 4), url);
        QFile f(otio);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        f.close();
        QCOMPARE(cli({QStringLiteral("otio"), QStringLiteral("import"), otio,
                      QStringLiteral("--out"), project})
                     .exitCode,
                 0);
        const QString frames = path(QStringLiteral("gapped/f_####.png"));
        QDir().mkpath(path(QStringLiteral("gapped")));
        const Run exported = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                                  frames, QStringLiteral("--start-number"), QStringLiteral("0")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QCOMPARE(QDir(path(QStringLiteral("gapped"))).entryList({QStringLiteral("*.png")}).size(),
                 10);
        const QImage gap(path(QStringLiteral("gapped/f_0005.png")));
        const QImage picture(path(QStringLiteral("gapped/f_0006.png")));
        QCOMPARE(gap.size(), QSize(160, 90));
        for (int y = 0; y < gap.height(); y += 7)
            for (int x = 0; x < gap.width(); x += 7)
                QCOMPARE(gap.pixelColor(x, y), QColor(Qt::black));
        // The clip's frame 10 (the movie's own picture, not black).
        const QImage source = frameOf(clip, 10);
        QCOMPARE(picture.size(), source.size());
        int differing = 0;
        for (int y = 0; y < picture.height(); ++y)
            for (int x = 0; x < picture.width(); ++x)
                differing += std::abs(qGray(picture.pixel(x, y)) - qGray(source.pixel(x, y))) > 3;
        QVERIFY2(differing < picture.width() * picture.height() / 100,
                 qPrintable(QStringLiteral("%1 pixels differ").arg(differing)));

        const Run regen =
            cli({QStringLiteral("regen"), project, QStringLiteral("--shot"), QStringLiteral("Gap"),
                 QStringLiteral("--engine"), QStringLiteral("interpolate")});
        QCOMPARE(regen.exitCode, 1);
        QVERIFY2(regen.err.contains(QStringLiteral("is a gap in the edit")), qPrintable(regen.err));
    }

    void mediaInfoReadsTheFile() {
        const QJsonObject info = infoJson(clip);
        QCOMPARE(info.value(QStringLiteral("codec")).toString(), QStringLiteral("h264"));
        QCOMPARE(info.value(QStringLiteral("frameCount")).toInt(), 48);
        QCOMPARE(info.value(QStringLiteral("audio"))
                     .toObject()
                     .value(QStringLiteral("sampleRate"))
                     .toInt(),
                 48000);
        QCOMPARE(info.value(QStringLiteral("audio"))
                     .toObject()
                     .value(QStringLiteral("channels"))
                     .toInt(),
                 2);
    }

    void badInputFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QStringLiteral("empty.mp4") << QByteArray()
                               << QStringLiteral("empty.mp4");
        QTest::newRow("garbage") << QStringLiteral("garbage.mov") << QByteArray(4096, '\x5a')
                                 << QStringLiteral("garbage.mov");
        QTest::newRow("not json") << QStringLiteral("bad.retake") << QByteArray("{ nope")
                                  << QStringLiteral("line 1");
        QTest::newRow("newer")
            << QStringLiteral("newer.retake")
            << QByteArray(
                   "{\"format\":\"retake-project\",\"version\":99,\"writer\":\"Retake 42.0\"}")
            << QStringLiteral("Retake 42.0");
    }
    void badInputFiles() {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, fragment);
        QFile f(path(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const Run r = cli({QStringLiteral("info"), path(file)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(fragment), qPrintable(r.err));
        QVERIFY2(r.err.count(QLatin1Char('\n')) <= 2,
                 qPrintable(r.err)); // one clear message, not a dump
    }

    void directoryAndMissingFile() {
        Run r = cli({QStringLiteral("info"), dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(dir.path()));
        r = cli({QStringLiteral("import"), newProjectWithClip(QStringLiteral("m.retake")),
                 path(QStringLiteral("nothere.mov"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("nothere.mov")));
    }

    void missingMediaOpensOfflineAndRelinks() {
        const QString moved = path(QStringLiteral("sub/clip-moved.mp4"));
        QDir().mkpath(path(QStringLiteral("sub")));
        const QString local = path(QStringLiteral("sub/clip.mp4"));
        QVERIFY(QFile::copy(clip, local));
        const QString project = path(QStringLiteral("offline.retake"));
        QCOMPARE(cli({QStringLiteral("new"), project, QStringLiteral("--force")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), project, local}).exitCode, 0);
        QVERIFY(QFile::rename(local, moved));
        QJsonObject info = infoJson(project);
        QCOMPARE(info.value(QStringLiteral("shots"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("online"))
                     .toBool(),
                 false);
        const Run exportOffline = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                                       path(QStringLiteral("off.mov"))});
        QCOMPARE(exportOffline.exitCode, 2);
        QVERIFY2(exportOffline.err.contains(QStringLiteral("offline")),
                 qPrintable(exportOffline.err));
        const Run relink = cli({QStringLiteral("relink"), project, moved, QStringLiteral("--shot"),
                                QStringLiteral("clip")});
        QVERIFY2(relink.exitCode == 0, qPrintable(relink.err));
        info = infoJson(project);
        QCOMPARE(info.value(QStringLiteral("shots"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("online"))
                     .toBool(),
                 true);
    }

    void exportPngSequenceMatchesTheSource() {
        const QString project = newProjectWithClip(QStringLiteral("png.retake"));
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                           path(QStringLiteral("png/f_####.png")), QStringLiteral("--range"),
                           QStringLiteral("10-19")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList files =
            QDir(path(QStringLiteral("png")))
                .entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 10);
        QCOMPARE(files.first(), QStringLiteral("f_1001.png"));
        QVERIFY(QDir(path(QStringLiteral("png")))
                    .entryList({QStringLiteral(".retake-*")}, QDir::AllEntries | QDir::Hidden)
                    .isEmpty());
        // The 4th exported file is source frame 13, pixel for pixel.
        auto source = openMedia(clip);
        const Image expected = source->readFrame(13);
        // Naming one file opens the whole sequence; its frame 3 is f_1004.png.
        const Image written = openMedia(path(QStringLiteral("png/f_1004.png")))->readFrame(3);
        QCOMPARE(written.width, 160);
        QCOMPARE(written.pixels.size(), expected.pixels.size());
        QVERIFY(written.pixels == expected.pixels);
    }

    // A file named like a frame of a numbered sequence: by default the
    // sequence comes in, and the user is told; a shell glob of its files
    // brings it in once; --single brings in exactly that file, which stays
    // that file after saving, reopening and exporting.
    void sequenceFramesImportedAsSequenceOrAlone() {
        const QString frames = path(QStringLiteral("numbered"));
        QVERIFY(QDir().mkpath(frames));
        // Three frames, each a different flat colour (exported as PNG by the
        // project's own frames, so the colours are what Retake decodes).
        const Run made = retake::testing::run(
            QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
             QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("color=c=red:size=32x18:rate=24,hue=h=t*2000"),
             QStringLiteral("-frames:v"), QStringLiteral("3"), QStringLiteral("-start_number"),
             QStringLiteral("7"), frames + QStringLiteral("/t%02d.png")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString second = frames + QStringLiteral("/t08.png");
        const QString project = path(QStringLiteral("numbered.retake"));
        QCOMPARE(cli({QStringLiteral("new"), project, QStringLiteral("--size"),
                      QStringLiteral("32x18"), QStringLiteral("--rate"), QStringLiteral("24")})
                     .exitCode,
                 0);

        const Run whole = cli({QStringLiteral("import"), project, second});
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
        QVERIFY2(whole.out.contains(QStringLiteral("3 frames")), qPrintable(whole.out));
        QVERIFY2(whole.err.contains(QStringLiteral("t08.png is one of a numbered sequence: "
                                                   "imported t%02d.png, 3 files from t07.png; "
                                                   "--single imports only this file")),
                 qPrintable(whole.err));

        const Run globbed =
            cli({QStringLiteral("import"), project, frames + QStringLiteral("/t07.png"), second,
                 frames + QStringLiteral("/t09.png")});
        QVERIFY2(globbed.exitCode == 0, qPrintable(globbed.err));
        QCOMPARE(globbed.out.count(QStringLiteral("3 frames")), 1);
        QCOMPARE(globbed.err.count(QStringLiteral("part of the sequence imported above")), 2);

        const Run alone =
            cli({QStringLiteral("import"), project, QStringLiteral("--single"), second});
        QVERIFY2(alone.exitCode == 0, qPrintable(alone.err));
        QVERIFY2(alone.out.contains(QStringLiteral("t08\t1 frames")), qPrintable(alone.out));
        QVERIFY2(!alone.err.contains(QStringLiteral("numbered sequence")), qPrintable(alone.err));
        const QJsonArray shots = infoJson(project).value(QStringLiteral("shots")).toArray();
        QCOMPARE(shots.size(), 3);
        QCOMPARE(infoJson(project).value(QStringLiteral("duration")).toInt(), 7);

        // Reopened from disk and exported: the last frame is t08.png, not
        // the sequence's first file.
        const Run exported = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                                  path(QStringLiteral("numbered-out/f_####.png"))});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const Image last =
            openImageFile(path(QStringLiteral("numbered-out/f_1007.png")))->readFrame(0);
        const Image want = openImageFile(second)->readFrame(0);
        const Image first = openImageFile(frames + QStringLiteral("/t07.png"))->readFrame(0);
        QVERIFY(want.pixels != first.pixels); // the frames differ, so this can fail
        QVERIFY(last.pixels == want.pixels);
    }

    void exportProResWithAudio() {
        if (QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty())
            QSKIP("ffprobe is not installed");
        const QString project = newProjectWithClip(QStringLiteral("mov.retake"));
        const QString out = path(QStringLiteral("out.mov"));
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(ffprobe(out, {QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                               QStringLiteral("-show_entries"),
                               QStringLiteral("stream=codec_name,profile,pix_fmt"),
                               QStringLiteral("-of"), QStringLiteral("csv=p=0")}),
                 QStringLiteral("prores,HQ,yuv422p10le"));
        QCOMPARE(ffprobe(out, {QStringLiteral("-count_frames"), QStringLiteral("-select_streams"),
                               QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                               QStringLiteral("stream=nb_read_frames"), QStringLiteral("-of"),
                               QStringLiteral("csv=p=0")}),
                 QStringLiteral("48"));
        const QString audio = ffprobe(out, {QStringLiteral("-select_streams"),
                                            QStringLiteral("a:0"), QStringLiteral("-show_entries"),
                                            QStringLiteral("stream=sample_rate,channels,duration"),
                                            QStringLiteral("-of"), QStringLiteral("csv=p=0")});
        QVERIFY2(audio.startsWith(QStringLiteral("48000,2,")), qPrintable(audio));
        QVERIFY2(std::abs(audio.section(QLatin1Char(','), 2).toDouble() - 2.0) < 0.03,
                 qPrintable(audio)); // in sync with 48 frames
    }

    // `audio --mute` silences the shot's own sound in exports (one undo step
    // in the shell); --unmute brings it back.
    void mutedShotAudioIsSilentInExports() {
        const QString project = newProjectWithClip(QStringLiteral("mute.retake"));
        const auto loudness = [&](const QString& movie) {
            const Run probe = retake::testing::run(
                QStringLiteral("ffmpeg"),
                {QStringLiteral("-v"), QStringLiteral("info"), QStringLiteral("-i"), movie,
                 QStringLiteral("-af"), QStringLiteral("volumedetect"), QStringLiteral("-f"),
                 QStringLiteral("null"), QStringLiteral("-")});
            const QRegularExpressionMatch m =
                QRegularExpression(QStringLiteral("max_volume: (-?[0-9.inf]+) dB"))
                    .match(probe.err);
            return m.hasMatch() ? m.captured(1) : QStringLiteral("none: ") + probe.err.right(300);
        };
        const Run muted = cli({QStringLiteral("audio"), project, QStringLiteral("--shot"),
                               QStringLiteral("Plate"), QStringLiteral("--mute")});
        QVERIFY2(muted.exitCode == 0, qPrintable(muted.err));
        QVERIFY2(muted.out.contains(QStringLiteral("audio: muted (48000 Hz, 2 channels)")),
                 qPrintable(muted.out));
        QVERIFY(cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                     path(QStringLiteral("muted.mov"))})
                    .ok());
        // Nothing else sounds on this timeline: the movie carries no audio.
        QCOMPARE(ffprobe(path(QStringLiteral("muted.mov")),
                         {QStringLiteral("-show_entries"), QStringLiteral("stream=codec_type"),
                          QStringLiteral("-of"), QStringLiteral("csv=p=0")}),
                 QStringLiteral("video"));
        QVERIFY(cli({QStringLiteral("audio"), project, QStringLiteral("--shot"),
                     QStringLiteral("Plate"), QStringLiteral("--unmute")})
                    .ok());
        QVERIFY(cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                     path(QStringLiteral("unmuted.mov"))})
                    .ok());
        const QString tone = loudness(path(QStringLiteral("unmuted.mov")));
        QVERIFY2(tone.toDouble() > -30 && tone.toDouble() < 0, qPrintable(tone));
        const Run both =
            cli({QStringLiteral("audio"), project, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--mute"), QStringLiteral("--unmute")});
        QCOMPARE(both.exitCode, 1);
    }

    void exportToReadOnlyFolderFailsCleanly() {
        const QString project = newProjectWithClip(QStringLiteral("ro.retake"));
        const QString ro = path(QStringLiteral("readonly"));
        QDir().mkpath(ro);
        QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                      QFileDevice::ReadOther | QFileDevice::ExeOther |
                                      QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFileDevice::ExeOther |
                                              QFileDevice::ReadOther);
        QFile::setPermissions(project, QFile::permissions(project) | QFileDevice::ReadOther);
        QFile::setPermissions(clip, QFile::permissions(clip) | QFileDevice::ReadOther);
        // Root ignores permissions: write as "nobody", as a user would.
        const bool root = geteuid() == 0;
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                           ro + QStringLiteral("/out.mov")},
                          [root] {
                              if (root && (setgid(65534) != 0 || setuid(65534) != 0))
                                  _exit(99);
                          });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(ro), qPrintable(r.err));
        QVERIFY(
            QDir(ro).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }

    void fullDiskKeepsTheOldExport() {
        const QString project = newProjectWithClip(QStringLiteral("full.retake"));
        const QString out = path(QStringLiteral("full.mov"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous export");
        old.close();
        // A 64 KiB file size limit stands in for a full disk (ENOSPC and EFBIG
        // reach the writer the same way).
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), out,
                           QStringLiteral("--overwrite")},
                          [] {
                              struct rlimit limit {
                                  64 * 1024, 64 * 1024
                              };
                              setrlimit(RLIMIT_FSIZE, &limit);
                          });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("full.mov")), qPrintable(r.err));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("previous export"));
        QCOMPARE(QDir(dir.path())
                     .entryList({QStringLiteral("full.mov*")}, QDir::Files | QDir::Hidden)
                     .size(),
                 1);
    }

    void killDuringEditingLosesAtMostOneAutosaveInterval() {
        const QString project = newProjectWithClip(QStringLiteral("crash.retake"));
        QProcess shell;
        shell.start(QStringLiteral(RETAKE_CLI),
                    {QStringLiteral("shell"), project, QStringLiteral("--autosave-ms"),
                     QStringLiteral("200")});
        QVERIFY(shell.waitForStarted());
        shell.write("lock --shot Plate --range 3-8\n");
        QByteArray out, err;
        QTRY_VERIFY_WITH_TIMEOUT((out += shell.readAllStandardOutput()).contains("ok lock"), 10000);
        // The edit is on disk only once an autosave interval has passed.
        QTRY_VERIFY_WITH_TIMEOUT((err += shell.readAllStandardError()).contains("autosaved"),
                                 10000);
        ::kill(pid_t(shell.processId()), SIGKILL);
        shell.waitForFinished();
        QCOMPARE(shell.exitStatus(), QProcess::CrashExit);
        // The project file itself never saw the edit...
        QVERIFY(infoJson(project)
                    .value(QStringLiteral("shots"))
                    .toArray()[0]
                    .toObject()
                    .value(QStringLiteral("locks"))
                    .toArray()
                    .isEmpty());
        // ...the autosave did, and recover brings it back.
        const Run r = cli({QStringLiteral("recover"), project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray locks = infoJson(project)
                                     .value(QStringLiteral("shots"))
                                     .toArray()[0]
                                     .toObject()
                                     .value(QStringLiteral("locks"))
                                     .toArray();
        QCOMPARE(locks.size(), 1);
        QCOMPARE(locks[0].toString(), QStringLiteral("3-8"));
        QCOMPARE(cli({QStringLiteral("recover"), project}).exitCode, 1); // nothing left to recover
    }

    void shellUndoRedo() {
        const QString project = newProjectWithClip(QStringLiteral("undo.retake"));
        QProcess shell;
        shell.start(QStringLiteral(RETAKE_CLI),
                    {QStringLiteral("shell"), project, QStringLiteral("--autosave-ms"),
                     QStringLiteral("0")});
        shell.write(
            "lock --shot Plate --range 0-4\nlock --shot Plate --range 10-14\nundo\nsave\nquit\n");
        shell.closeWriteChannel();
        QVERIFY(shell.waitForFinished(30000));
        QCOMPARE(shell.exitCode(), 0);
        const QJsonArray locks = infoJson(project)
                                     .value(QStringLiteral("shots"))
                                     .toArray()[0]
                                     .toObject()
                                     .value(QStringLiteral("locks"))
                                     .toArray();
        QCOMPARE(locks.size(), 1);
        QCOMPARE(locks[0].toString(), QStringLiteral("0-4"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
