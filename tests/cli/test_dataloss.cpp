// Over 600 lines for one reason: one Qt Test class for one promise (never
// lose a project or write where not asked), whose cases share the small-disk
// and damaged-file helpers above it.

// The ways Retake once lost data or wrote where nobody asked, each as the
// hostile-but-realistic input that found it: a full disk during a save, an
// import and an export; lock values that cannot be represented; exports over
// existing files and over the project's own media; a symlinked sidecar; a
// project naming a folder that is no render of Retake's; leftovers of killed
// runs. Every case checks what is on disk afterwards, not only exit codes.
#include "clirun.h"
#include "core/error.h"
#include "projectfile/projectfile.h"
#include "testclip.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sys/wait.h>
#include <unistd.h>

using namespace retake;
using retake::testing::cli;
using retake::testing::Run;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

bool ffmpeg(const QStringList& args) {
    return retake::testing::run(
               QStringLiteral("ffmpeg"),
               QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} +
                   args)
        .ok();
}

// Runs `script` (sh) in a private mount namespace where `mountPoint` is a
// tmpfs of `kib` KiB, as a user would meet a full disk. Needs unprivileged
// user namespaces (or root); returns false when they are not available.
bool runOnSmallDisk(const QString& mountPoint, int kib, const QString& script, Run* run) {
    const Run inside = retake::testing::run(
        QStringLiteral("unshare"),
        {QStringLiteral("--map-root-user"), QStringLiteral("--mount"), QStringLiteral("sh"),
         QStringLiteral("-c"),
         QStringLiteral("mount -t tmpfs -o size=%1k retake-test '%2' || exit 97\n%3")
             .arg(kib)
             .arg(mountPoint, script)});
    if (inside.exitCode == -1 || inside.exitCode == 97)
        return false;
    *run = inside;
    return true;
}

// The owner tag Retake writes into temporary names (core/leftovers.h): the
// first 8 hex digits of SHA-1 of the host name, and a process ID.
QString ownerTag(qint64 pid) {
    return QStringLiteral("%1-%2")
        .arg(QString::fromLatin1(
            QCryptographicHash::hash(QSysInfo::machineHostName().toUtf8(), QCryptographicHash::Sha1)
                .toHex()
                .left(8)))
        .arg(pid);
}

// A process ID that is certainly not running: a child that has exited and
// been reaped (reuse within the test is vanishingly unlikely).
qint64 deadPid() {
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    waitpid(child, nullptr, 0);
    return child;
}

} // namespace

class TestDataLoss : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString clip; // 24 frames 160x90 with audio

    QString path(const QString& name) const { return dir.filePath(name); }

    QString newProject(const QString& name) {
        const QString project = path(name);
        if (const QString problem = retake::testing::newProjectWithClip(project, clip);
            !problem.isEmpty())
            qWarning().noquote() << problem;
        return project;
    }

    // The project file with `edit` applied to its JSON.
    QString editedProject(const QString& name, const std::function<void(QJsonObject& root)>& edit) {
        const QString project = newProject(name);
        QJsonObject root = QJsonDocument::fromJson(readAll(project)).object();
        edit(root);
        writeAll(project, QJsonDocument(root).toJson());
        return project;
    }

    static QJsonObject firstShot(const QJsonObject& root) {
        return root.value(QStringLiteral("shots")).toArray()[0].toObject();
    }
    static void setFirstShot(QJsonObject& root, const QJsonObject& shot) {
        QJsonArray shots = root.value(QStringLiteral("shots")).toArray();
        shots[0] = shot;
        root.insert(QStringLiteral("shots"), shots);
    }

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("ffmpeg is not installed");
        clip = path(QStringLiteral("clip.mp4"));
        const QString made =
            retake::testing::makeH264ClipWithTone(clip, QStringLiteral("160x90"), 1);
        QVERIFY2(made.isEmpty(), qPrintable(made));
    }

    // ---- a full disk -------------------------------------------------------

    // `lock` on a project in a full file system once printed "locked", exited
    // 0 and left the project at 0 bytes.
    void fullDiskSaveKeepsTheProject() {
        const QString project = newProject(QStringLiteral("full.retake"));
        const QString disk = path(QStringLiteral("disk"));
        QVERIFY(QDir().mkpath(disk));
        // The project moves onto the small disk; its media path is made
        // absolute so it still finds the clip.
        QJsonObject root = QJsonDocument::fromJson(readAll(project)).object();
        QJsonArray media = root.value(QStringLiteral("media")).toArray();
        QJsonObject m = media[0].toObject();
        m.insert(QStringLiteral("path"), clip);
        media[0] = m;
        root.insert(QStringLiteral("media"), media);
        const QByteArray before = QJsonDocument(root).toJson();
        writeAll(path(QStringLiteral("staged.retake")), before);
        const QString script =
            QStringLiteral("cp '%1' '%2/p.retake' || exit 90\n"
                           "dd if=/dev/zero of='%2/filler' bs=1k count=4096 2>/dev/null\n"
                           "'%3' lock '%2/p.retake' --shot Plate --range 3-4; code=$?\n"
                           "cp '%2/p.retake' '%4'\n"
                           "ls -a '%2'\n"
                           "exit $code\n")
                .arg(path(QStringLiteral("staged.retake")), disk, retake::testing::cliPath(),
                     path(QStringLiteral("after.retake")));
        Run r;
        if (!runOnSmallDisk(disk, 64, script, &r))
            QSKIP("no user namespace for a small tmpfs");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("disk full")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("p.retake")), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("retake-partial")), qPrintable(r.out));
        QCOMPARE(readAll(path(QStringLiteral("after.retake"))), before);
    }

    // `otio import --out` once exited 0 with a project cut at 4096 bytes.
    void fullDiskOtioImportWritesNothing() {
        const QString project = newProject(QStringLiteral("otio.retake"));
        const QString otio = path(QStringLiteral("cut.otio"));
        QCOMPARE(cli({QStringLiteral("otio"), QStringLiteral("export"), project,
                      QStringLiteral("--out"), otio})
                     .exitCode,
                 0);
        const QString disk = path(QStringLiteral("disk2"));
        QVERIFY(QDir().mkpath(disk));
        const QString script = QStringLiteral("dd if=/dev/zero of='%1/filler' bs=1k count=4096 "
                                              "2>/dev/null\n"
                                              "'%2' otio import '%3' --out '%1/in.retake'; "
                                              "code=$?\n"
                                              "ls -a '%1'\n"
                                              "test -e '%1/in.retake' && echo EXISTS\n"
                                              "exit $code\n")
                                   .arg(disk, retake::testing::cliPath(), otio);
        Run r;
        if (!runOnSmallDisk(disk, 32, script, &r))
            QSKIP("no user namespace for a small tmpfs");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("disk full")), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("EXISTS")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("retake-partial")), qPrintable(r.out));
    }

    // `export` once exited 0 with a 0-byte provenance manifest.
    void fullDiskExportFailsAndLeavesNothing() {
        const QString project = newProject(QStringLiteral("exp.retake"));
        const QString disk = path(QStringLiteral("disk3"));
        QVERIFY(QDir().mkpath(disk));
        const QString script =
            QStringLiteral("dd if=/dev/zero of='%1/filler' bs=1k count=4096 2>/dev/null\n"
                           "'%2' export '%3' --out '%1/out/f_####.png'; code=$?\n"
                           "echo LISTING; find '%1' -mindepth 1 ! -name filler\n"
                           "exit $code\n")
                .arg(disk, retake::testing::cliPath(), project);
        Run r;
        if (!runOnSmallDisk(disk, 96, script, &r))
            QSKIP("no user namespace for a small tmpfs");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("disk full")), qPrintable(r.err));
        // No frame, manifest or staging folder is left (the sequence's
        // folder itself may stay, empty).
        const QString listing = r.out.section(QStringLiteral("LISTING"), 1);
        QVERIFY2(!listing.contains(QStringLiteral(".png")), qPrintable(r.out));
        QVERIFY2(!listing.contains(QStringLiteral("provenance")), qPrintable(r.out));
        QVERIFY2(!listing.contains(QStringLiteral(".retake-")), qPrintable(r.out));
    }

    // ---- values that cannot be represented ---------------------------------

    // A lock like these was once dropped on load; regen then regenerated the
    // "locked" frames and the next save wrote the project without the lock.
    void unrepresentableLocksRefuseTheLoad_data() {
        QTest::addColumn<QJsonValue>("end");
        QTest::addColumn<QString>("field");
        QTest::newRow("1e308") << QJsonValue(1e308) << QStringLiteral("shots[0].locks[0][1]");
        QTest::newRow("2^31") << QJsonValue(2147483648.0) << QStringLiteral("shots[0].locks[0][1]");
        QTest::newRow("-2^31") << QJsonValue(-2147483648.0)
                               << QStringLiteral("shots[0].locks[0][1]");
        QTest::newRow("9.2e18") << QJsonValue(9.2e18) << QStringLiteral("shots[0].locks[0][1]");
        QTest::newRow("object") << QJsonValue(QJsonObject()) << QStringLiteral("shots[0].locks[0]");
        QTest::newRow("string") << QJsonValue(QStringLiteral("12"))
                                << QStringLiteral("shots[0].locks[0]");
        QTest::newRow("before start") << QJsonValue(2) << QStringLiteral("shots[0].locks[0]");
        QTest::newRow("empty") << QJsonValue(5) << QStringLiteral("shots[0].locks[0]");
        QTest::newRow("fraction") << QJsonValue(7.5) << QStringLiteral("shots[0].locks[0][1]");
    }
    void unrepresentableLocksRefuseTheLoad() {
        QFETCH(QJsonValue, end);
        QFETCH(QString, field);
        const QString project =
            editedProject(QStringLiteral("lock.retake"), [&](QJsonObject& root) {
                QJsonObject shot = firstShot(root);
                // A number is the end of [5, end]; anything else is the pair.
                const QJsonValue lock = end.isDouble() ? QJsonValue(QJsonArray{5, end}) : end;
                shot.insert(QStringLiteral("locks"), QJsonArray{lock, QJsonArray{10, 12}});
                setFirstShot(root, shot);
            });
        const QByteArray before = readAll(project);
        const Run info = cli({QStringLiteral("info"), project});
        QCOMPARE(info.exitCode, 2);
        QVERIFY2(info.err.contains(field), qPrintable(info.err));
        QVERIFY2(info.err.contains(QStringLiteral("lock.retake")), qPrintable(info.err));
        // An edit refuses too, so nothing saves the project without its lock.
        const Run regen =
            cli({QStringLiteral("lock"), project, QStringLiteral("--shot"), QStringLiteral("Plate"),
                 QStringLiteral("--range"), QStringLiteral("1")});
        QCOMPARE(regen.exitCode, 2);
        QCOMPARE(readAll(project), before);
    }

    // Values the loader accepted and a render then failed on (exit 5), or
    // that were shown wrapped.
    void unrepresentableFieldsAreNamed_data() {
        QTest::addColumn<QString>("pointer"); // which field to set, as a path
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("camera position")
            << QStringLiteral("camera.motion.pose.position") << QJsonValue(QJsonArray{0, 1e308, 0})
            << QStringLiteral("position[1]");
        QTest::newRow("focal length") << QStringLiteral("camera.focalLengthMm") << QJsonValue(1e300)
                                      << QStringLiteral("focalLengthMm");
        QTest::newRow("blocking size")
            << QStringLiteral("blocking")
            << QJsonValue(QJsonObject{
                   {QStringLiteral("objects"),
                    QJsonArray{QJsonObject{{QStringLiteral("size"), QJsonArray{1, 1e308, 1}}}}}})
            << QStringLiteral("blocking.objects[0].size[1]");
        QTest::newRow("media width") << QStringLiteral("media.width") << QJsonValue(2147483648.0)
                                     << QStringLiteral("media[0].width");
        QTest::newRow("frame rate")
            << QStringLiteral("frameRate") << QJsonValue(QStringLiteral("9223372036854775807"))
            << QStringLiteral("project.frameRate");
    }
    void unrepresentableFieldsAreNamed() {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        const QString project =
            editedProject(QStringLiteral("field.retake"), [&](QJsonObject& root) {
                if (pointer == QLatin1String("frameRate")) {
                    root.insert(pointer, value);
                } else if (pointer.startsWith(QLatin1String("media."))) {
                    QJsonArray media = root.value(QStringLiteral("media")).toArray();
                    QJsonObject m = media[0].toObject();
                    m.insert(pointer.mid(6), value);
                    media[0] = m;
                    root.insert(QStringLiteral("media"), media);
                } else {
                    QJsonObject shot = firstShot(root);
                    const QStringList keys = pointer.split(QLatin1Char('.'));
                    // Rebuild the nested objects along the path.
                    std::function<QJsonObject(QJsonObject, int)> set = [&](QJsonObject o,
                                                                           int depth) {
                        if (depth == keys.size() - 1) {
                            o.insert(keys[depth], value);
                            return o;
                        }
                        o.insert(keys[depth], set(o.value(keys[depth]).toObject(), depth + 1));
                        return o;
                    };
                    setFirstShot(root, set(shot, 0));
                }
            });
        const Run info = cli({QStringLiteral("info"), project});
        QCOMPARE(info.exitCode, 2);
        QVERIFY2(info.err.contains(field), qPrintable(info.err));
    }

    // Command-line values that were taken as something else.
    void commandLineValuesAreChecked() {
        const QString project = newProject(QStringLiteral("args.retake"));
        Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                     path(QStringLiteral("args/f_####.png")), QStringLiteral("--start-number"),
                     QStringLiteral("9223372036854775807")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--start-number")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("args"))));
        r = cli({QStringLiteral("import"), project, clip, QStringLiteral("--at"),
                 QStringLiteral("abc")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--at")), qPrintable(r.err));
        r = cli({QStringLiteral("lock"), project, QStringLiteral("--shot"), QStringLiteral("Plate"),
                 QStringLiteral("--range"), QStringLiteral("0-9223372036854775807")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.err.contains(QStringLiteral("empty")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("0-9223372036854775807")), qPrintable(r.err));
    }

    // ---- writing over what exists ------------------------------------------

    // `export --out` set to the shot's own plate once replaced a 72-frame
    // plate with a 10-frame export.
    void exportNeverWritesOverTheProjectsMedia() {
        const QString project = newProject(QStringLiteral("own.retake"));
        const QByteArray plate = readAll(clip);
        for (const bool overwrite : {false, true}) {
            QStringList args{QStringLiteral("export"),  project,
                             QStringLiteral("--out"),   clip,
                             QStringLiteral("--range"), QStringLiteral("0-9")};
            if (overwrite)
                args << QStringLiteral("--overwrite");
            const Run r = cli(args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("project reads")), qPrintable(r.err));
            QCOMPARE(readAll(clip), plate);
        }
    }

    // The same for a sequence: any frame name of it, not only the file the
    // project names, and whatever the export's own numbering.
    void exportNeverWritesOverTheProjectsSequence() {
        const QString folder = path(QStringLiteral("plates"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("testsrc2=s=32x16:r=24:d=0.125"),
                        folder + QStringLiteral("/p_%04d.png")}));
        const QString project = path(QStringLiteral("sequence.retake"));
        QCOMPARE(
            retake::testing::newProjectWithClip(project, folder + QStringLiteral("/p_0001.png")),
            QString());
        const QByteArray third = readAll(folder + QStringLiteral("/p_0003.png"));
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                           folder + QStringLiteral("/p_####.png"), QStringLiteral("--start-number"),
                           QStringLiteral("3"), QStringLiteral("--overwrite")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("p_0003.png")) &&
                     r.err.contains(QStringLiteral("project reads")),
                 qPrintable(r.err));
        QCOMPARE(readAll(folder + QStringLiteral("/p_0003.png")), third);
    }

    void exportAsksBeforeReplacing() {
        const QString project = newProject(QStringLiteral("replace.retake"));
        const QString movie = path(QStringLiteral("replace.mov"));
        writeAll(movie, "an earlier export");
        Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), movie});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("already exists")) &&
                     r.err.contains(QStringLiteral("--overwrite")),
                 qPrintable(r.err));
        QCOMPARE(readAll(movie), QByteArray("an earlier export"));
        QVERIFY(!QFileInfo::exists(movie + QStringLiteral(".provenance.json")));
        r = cli({QStringLiteral("export"), project, QStringLiteral("--out"), movie,
                 QStringLiteral("--overwrite")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(readAll(movie).size() > 1000);

        // A sequence into a folder that already holds some of its frames.
        const QString frames = path(QStringLiteral("seq"));
        QVERIFY(QDir().mkpath(frames));
        writeAll(frames + QStringLiteral("/f_1003.png"), "old");
        writeAll(frames + QStringLiteral("/f_1004.png"), "old");
        r = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                 frames + QStringLiteral("/f_####.png"), QStringLiteral("--range"),
                 QStringLiteral("0-9")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("f_1003.png")) &&
                     r.err.contains(QStringLiteral("2 of 11")),
                 qPrintable(r.err));
        QCOMPARE(QDir(frames).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }

    // A symlink at the sidecar's name once made the export overwrite the
    // link's target.
    void symlinkedSidecarIsReplacedNotFollowed() {
        const QString project = newProject(QStringLiteral("link.retake"));
        const QString victim = path(QStringLiteral("victim.txt"));
        writeAll(victim, "precious");
        const QString movie = path(QStringLiteral("linked.mov"));
        const QString sidecar = movie + QStringLiteral(".provenance.json");
        QVERIFY(QFile::link(victim, sidecar));
        const Run r =
            cli({QStringLiteral("export"), project, QStringLiteral("--out"), movie,
                 QStringLiteral("--range"), QStringLiteral("0-3"), QStringLiteral("--overwrite")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readAll(victim), QByteArray("precious"));
        QVERIFY(!QFileInfo(sidecar).isSymLink());
        QVERIFY(QJsonDocument::fromJson(readAll(sidecar)).isObject());
    }

    // ---- writing only where Retake owns the files ---------------------------

    // A crafted project whose media path looked like a blocking render once
    // made `blocking --refresh` overwrite files in another folder.
    void blockingRefreshTrustsOnlyItsOwnRenders() {
        const QString elsewhere = path(QStringLiteral("elsewhere/blocking"));
        QVERIFY(QDir().mkpath(elsewhere));
        QStringList victims;
        for (int i = 1; i <= 3; ++i) {
            const QString name =
                QStringLiteral("%1/shot.%2.exr").arg(elsewhere).arg(i, 4, 10, QLatin1Char('0'));
            writeAll(name, "not a render of Retake's");
            victims << name;
        }
        const QString project =
            editedProject(QStringLiteral("crafted.retake"), [&](QJsonObject& root) {
                QJsonArray media = root.value(QStringLiteral("media")).toArray();
                QJsonObject m = media[0].toObject();
                m.insert(QStringLiteral("path"), victims[0]);
                m.insert(QStringLiteral("frameCount"), 200);
                media[0] = m;
                root.insert(QStringLiteral("media"), media);
                QJsonObject shot = firstShot(root);
                shot.insert(QStringLiteral("blocking"),
                            QJsonObject{{QStringLiteral("objects"), QJsonArray()}});
                setFirstShot(root, shot);
            });
        const Run r = cli({QStringLiteral("blocking"), project, QStringLiteral("--shot"),
                           QStringLiteral("Plate"), QStringLiteral("--refresh")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Retake rendered")), qPrintable(r.err));
        for (const QString& v : victims)
            QCOMPARE(readAll(v), QByteArray("not a render of Retake's"));
        QCOMPARE(QDir(elsewhere).entryList(QDir::Files | QDir::Hidden).size(), 3);
    }

    // A project may name any file; one that is no media is shown as such.
    void nonMediaFileIsNotOnline() {
        const QString text = path(QStringLiteral("passwd"));
        writeAll(text, "root:x:0:0:root:/root:/bin/bash\n");
        const QString project =
            editedProject(QStringLiteral("notmedia.retake"), [&](QJsonObject& root) {
                QJsonArray media = root.value(QStringLiteral("media")).toArray();
                QJsonObject m = media[0].toObject();
                m.insert(QStringLiteral("path"), QStringLiteral("passwd"));
                media[0] = m;
                root.insert(QStringLiteral("media"), media);
            });
        const Run r = cli({QStringLiteral("info"), project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject m =
            retake::testing::json(r).value(QStringLiteral("media")).toArray()[0].toObject();
        QCOMPARE(m.value(QStringLiteral("online")).toBool(), false);
        QCOMPARE(m.value(QStringLiteral("status")).toString(), QStringLiteral("not media"));
        const Run plain = cli({QStringLiteral("info"), project});
        QVERIFY2(plain.out.contains(QStringLiteral("NOT MEDIA")), qPrintable(plain.out));
        // Real media next to it stays online.
        const QString good = newProject(QStringLiteral("media-ok.retake"));
        const QJsonObject ok =
            retake::testing::json(cli({QStringLiteral("info"), good, QStringLiteral("--json")}))
                .value(QStringLiteral("media"))
                .toArray()[0]
                .toObject();
        QCOMPARE(ok.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
    }

    // A numbered still beside other numbered files is not a broken sequence.
    void numberedStillAmongOthersImportsAlone() {
        const QString folder = path(QStringLiteral("stills"));
        QVERIFY(QDir().mkpath(folder));
        for (const char* name : {"logo_1.png", "logo_5.png"})
            QVERIFY(
                ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("color=c=red:s=32x16:d=0.04"), QStringLiteral("-frames:v"),
                        QStringLiteral("1"), folder + QLatin1Char('/') + QLatin1String(name)}));
        const QString project = path(QStringLiteral("still.retake"));
        QCOMPARE(cli({QStringLiteral("new"), project, QStringLiteral("--force")}).exitCode, 0);
        const Run r =
            cli({QStringLiteral("import"), project, folder + QStringLiteral("/logo_1.png")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // A real sequence with a hole is still refused.
        for (const char* name : {"seq_1.png", "seq_2.png", "seq_4.png"})
            QVERIFY(QFile::copy(folder + QStringLiteral("/logo_1.png"),
                                folder + QLatin1Char('/') + QLatin1String(name)));
        const Run gap =
            cli({QStringLiteral("import"), project, folder + QStringLiteral("/seq_1.png")});
        QCOMPARE(gap.exitCode, 2);
        QVERIFY2(gap.err.contains(QStringLiteral("gap")), qPrintable(gap.err));
    }

    // A damaged movie was accepted in about 1 of 4 imports and refused in
    // the others (frame 0 decoded with frame threads). Six damaged copies of
    // the demo clip (200 bytes each, a fixed generator), each opened six
    // times: one answer per file.
    void damagedMediaIsDecidedTheSameWayEveryTime() {
        QFile demo(QStringLiteral(RETAKE_SOURCE_DIR "/resources/demo/demo.mp4"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const QByteArray original = demo.readAll();
        for (const quint64 seed : {2, 3, 4, 6, 7, 8}) {
            QByteArray damaged = original;
            quint64 x = seed;
            const auto next = [&x] {
                x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                return x >> 33;
            };
            for (int i = 0; i < 200; ++i) {
                const auto at = qsizetype(next() % quint64(damaged.size()));
                damaged[at] = char(next() % 256);
            }
            const QString file = path(QStringLiteral("damaged_%1.mp4").arg(seed));
            writeAll(file, damaged);
            QSet<int> answers;
            for (int run = 0; run < 6; ++run)
                answers.insert(cli({QStringLiteral("info"), file}).exitCode);
            QStringList codes;
            for (const int code : answers)
                codes << QString::number(code);
            QVERIFY2(answers.size() == 1,
                     qPrintable(QStringLiteral("seed %1: exit codes %2 in six runs")
                                    .arg(seed)
                                    .arg(codes.join(QStringLiteral(", ")))));
        }
    }

    // ---- leftovers of killed runs -------------------------------------------

    void leftoversOfDeadRunsAreRemovedAndReported() {
        const QString project = newProject(QStringLiteral("left.retake"));
        const QString out = path(QStringLiteral("left"));
        QVERIFY(QDir().mkpath(out));
        const QString dead = ownerTag(deadPid());
        const QString alive = ownerTag(qint64(getpid()));
        const QString deadFile =
            QStringLiteral("%1/.film.mov.%2.a1b2c3.retake-partial").arg(out, dead);
        const QString deadFolder = QStringLiteral("%1/.retake-export.%2.Ab12Cd").arg(out, dead);
        const QString liveFile =
            QStringLiteral("%1/.film.mov.%2.d4e5f6.retake-partial").arg(out, alive);
        const QString userFile = QStringLiteral("%1/.notes.retake-partial").arg(out);
        writeAll(deadFile, QByteArray(5000, 'x'));
        QVERIFY(QDir().mkpath(deadFolder));
        writeAll(deadFolder + QStringLiteral("/f_1001.png"), QByteArray(3000, 'y'));
        writeAll(liveFile, "still being written");
        writeAll(userFile, "not ours: no owner tag");
        const Run r = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                           out + QStringLiteral("/film.mov"), QStringLiteral("--range"),
                           QStringLiteral("0-1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("removed 2 leftovers (0.0 MB)")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(deadFile));
        QVERIFY(!QFileInfo::exists(deadFolder));
        QVERIFY(QFileInfo::exists(liveFile));
        QVERIFY(QFileInfo::exists(userFile));

        // A take half-written by a killed regeneration goes on the next open.
        const QString takes = path(QStringLiteral("left.retake-cache/takes"));
        const QString deadTake =
            QStringLiteral("%1/.{00000000-0000-0000-0000-000000000001}.%2.partial")
                .arg(takes, dead);
        QVERIFY(QDir().mkpath(deadTake));
        writeAll(deadTake + QStringLiteral("/f_0000.png"), QByteArray(1000, 'z'));
        const Run lock =
            cli({QStringLiteral("lock"), project, QStringLiteral("--shot"), QStringLiteral("Plate"),
                 QStringLiteral("--range"), QStringLiteral("0")});
        QVERIFY2(lock.exitCode == 0, qPrintable(lock.err));
        QVERIFY2(lock.err.contains(QStringLiteral("removed 1 leftover")), qPrintable(lock.err));
        QVERIFY(!QFileInfo::exists(deadTake));
    }
};

QTEST_GUILESS_MAIN(TestDataLoss)
#include "test_dataloss.moc"
