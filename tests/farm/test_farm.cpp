// retake-cli farm on one machine: plans split a regeneration and exports into
// tasks whose results are the bytes a single run gives; every bad input gets
// its own clear refusal and records nothing twice; the Open Job Description
// template passes `openjd check` and `openjd run` gives the same bytes.
// (On Slurm: test_farm_slurm.cpp.)

#include "farmfixture.h"

#include <QLockFile>
#include <QSysInfo>

using namespace retake::testing;

namespace {

QString openjd() {
    return QStringLiteral(RETAKE_VENV) + QStringLiteral("/bin/openjd");
}

} // namespace

class TestFarm : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString demo_; // the demo's output folder: demo.retake and its cache

    // A fresh copy of the demo project; returns its folder.
    QString copyOfDemo(const QString& name) {
        const QString to = dir_.filePath(name);
        if (!copyTree(demo_, to))
            qFatal("cannot copy the demo project");
        return to;
    }
    QString plan(const QString& project, const QString& planPath, const QStringList& extra,
                 const QStringList& job) {
        const QStringList args = QStringList{QStringLiteral("farm"), QStringLiteral("plan"),
                                             project, QStringLiteral("--out"), planPath} +
                                 extra + job;
        const Run r = cli(args);
        return r.ok() ? QString() : r.describe(QStringLiteral("retake-cli"), args);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        demo_ = dir_.filePath(QStringLiteral("demo"));
        const Run made = cli({QStringLiteral("demo"), demo_});
        QVERIFY2(made.ok(), qPrintable(made.err));
    }

    // The regeneration split at the engine's chunk boundaries gives the take
    // a single `regen` gives, bit for bit; a chunk task run again writes the
    // same bytes; the assembly records the take once.
    void regenerationMatchesOneRun() {
        const QString farm = copyOfDemo(QStringLiteral("regen-farm"));
        const QString single = copyOfDemo(QStringLiteral("regen-single"));
        const QString planPath = dir_.filePath(QStringLiteral("regen.json"));
        QVERIFY2(plan(farm + QStringLiteral("/demo.retake"), planPath, {},
                      QStringList{QStringLiteral("regen")} + demoRegenArguments())
                     .isEmpty(),
                 "farm plan failed");
        const QJsonObject p = readJson(planPath);
        const QJsonArray tasks = p.value(QStringLiteral("tasks")).toArray();
        QCOMPARE(tasks.size(), 5); // 4 chunk tasks and the assembly
        QCOMPARE(p.value(QStringLiteral("chunks")).toArray().size(), 4);
        QCOMPARE(tasks.last().toObject().value(QStringLiteral("dependsOn")).toArray().size(), 4);

        // The assembly refuses to run before its inputs exist, and says which.
        const Run early = cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                               QStringLiteral("--task"), QStringLiteral("4")});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains(QStringLiteral("4 of 4 chunks are missing (chunk_0000, "
                                                   "chunk_0001, chunk_0002, chunk_0003)")),
                 qPrintable(early.err));
        const Run status = cli({QStringLiteral("farm"), QStringLiteral("status"), planPath});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.out.contains(QStringLiteral("task 4\tregen-assemble\tfailed")),
                 qPrintable(status.out));

        const Run ran = cli({QStringLiteral("farm"), QStringLiteral("run"), planPath});
        QVERIFY2(ran.ok(), qPrintable(ran.err));
        const Run regen =
            cli(QStringList{QStringLiteral("regen"), single + QStringLiteral("/demo.retake")} +
                demoRegenArguments());
        QVERIFY2(regen.ok(), qPrintable(regen.err));
        const QString takeId = p.value(QStringLiteral("take")).toString();
        const QString singleTake = regen.out.section(QLatin1Char('\t'), 0, 0).trimmed();
        const QString farmTake = takeFolder(farm, takeId);
        QCOMPARE(QDir(farmTake).entryList({QStringLiteral("frame_*.png")}).size(), 24);
        const QString difference = compareFolders(farmTake, takeFolder(single, singleTake));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        // Recorded once, as the shot's active take.
        const Run info = cli({QStringLiteral("info"), farm + QStringLiteral("/demo.retake"),
                              QStringLiteral("--json")});
        QVERIFY2(info.out.count(takeId) >= 1, qPrintable(info.out));
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("status"), planPath}).ok());

        // A chunk task run again writes the same bytes.
        const QString chunk =
            QFileInfo(planPath).absolutePath() + QStringLiteral("/regen.farm/chunks/chunk_0002");
        const QStringList before = QDir(chunk).entryList(QDir::Files);
        QByteArray bytesBefore;
        for (const QString& f : before)
            bytesBefore += fileBytes(QDir(chunk).filePath(f));
        QVERIFY(!bytesBefore.isEmpty());
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                     QStringLiteral("--task"), QStringLiteral("2")})
                    .ok());
        QByteArray bytesAfter;
        for (const QString& f : QDir(chunk).entryList(QDir::Files))
            bytesAfter += fileBytes(QDir(chunk).filePath(f));
        QVERIFY(bytesAfter == bytesBefore);

        // The assembly again: nothing recorded twice.
        const QByteArray project = fileBytes(farm + QStringLiteral("/demo.retake"));
        const Run again = cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                               QStringLiteral("--task"), QStringLiteral("4")});
        QVERIFY2(again.ok(), qPrintable(again.err));
        QVERIFY2(again.out.contains(QStringLiteral("already recorded")), qPrintable(again.out));
        QCOMPARE(fileBytes(farm + QStringLiteral("/demo.retake")), project);
    }

    // Exports split into frame ranges: the sequence's files are those of a
    // single export, byte for byte; the movie joined from segments decodes to
    // the same frames and sound as a single export (ProRes: every frame is
    // its own).
    void exportMatchesOneRun() {
        const QString project = demo_ + QStringLiteral("/demo.retake");
        const QString seqPlan = dir_.filePath(QStringLiteral("seq.json"));
        const QString farmSeq = dir_.filePath(QStringLiteral("seq-farm/f_####.exr"));
        QVERIFY(plan(project, seqPlan, {QStringLiteral("--frames-per-task"), QStringLiteral("25")},
                     {QStringLiteral("export"), QStringLiteral("--out"), farmSeq,
                      QStringLiteral("--range"), QStringLiteral("10-69")})
                    .isEmpty());
        QCOMPARE(readJson(seqPlan).value(QStringLiteral("tasks")).toArray().size(), 4);
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("run"), seqPlan}).ok());
        const Run single = cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                                dir_.filePath(QStringLiteral("seq-single/f_####.exr")),
                                QStringLiteral("--range"), QStringLiteral("10-69")});
        QVERIFY2(single.ok(), qPrintable(single.err));
        QCOMPARE(QDir(dir_.filePath(QStringLiteral("seq-farm")))
                     .entryList({QStringLiteral("*.exr")})
                     .size(),
                 60);
        // The manifests differ in their time and output name only.
        const QString difference = compareFolders(dir_.filePath(QStringLiteral("seq-farm")),
                                                  dir_.filePath(QStringLiteral("seq-single")),
                                                  {QStringLiteral("f.provenance.json")});
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        const QJsonObject manifest =
            readJson(dir_.filePath(QStringLiteral("seq-farm/f.provenance.json")));
        QCOMPARE(manifest.value(QStringLiteral("frames")).toArray().size(), 60);

        const QString moviePlan = dir_.filePath(QStringLiteral("movie.json"));
        const QString farmMovie = dir_.filePath(QStringLiteral("farm.mov"));
        QVERIFY(plan(project, moviePlan,
                     {QStringLiteral("--frames-per-task"), QStringLiteral("24")},
                     {QStringLiteral("export"), QStringLiteral("--out"), farmMovie})
                    .isEmpty());
        const QJsonArray tasks = readJson(moviePlan).value(QStringLiteral("tasks")).toArray();
        QCOMPARE(tasks.size(), 4);
        QCOMPARE(tasks[3].toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("movie-join"));
        // The join refuses while a segment is missing, and names it.
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("run-task"), moviePlan,
                     QStringLiteral("--task"), QStringLiteral("0")})
                    .ok());
        const Run early = cli({QStringLiteral("farm"), QStringLiteral("run-task"), moviePlan,
                               QStringLiteral("--task"), QStringLiteral("3")});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains(QStringLiteral("2 segments are missing")) &&
                     early.err.contains(QStringLiteral("segment_0001.mov")),
                 qPrintable(early.err));
        QVERIFY(!QFileInfo::exists(farmMovie));
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("run"), moviePlan}).ok());
        const QString singleMovie = dir_.filePath(QStringLiteral("single.mov"));
        QVERIFY(
            cli({QStringLiteral("export"), project, QStringLiteral("--out"), singleMovie}).ok());
        QCOMPARE(decodedFrames(farmMovie), 72);
        QCOMPARE(decodedMd5(farmMovie), decodedMd5(singleMovie));

        // H.264 segments (closed GOPs with B-frames) join into one stream
        // that decodes without an error.
        const QString mp4Plan = dir_.filePath(QStringLiteral("mp4.json"));
        const QString mp4 = dir_.filePath(QStringLiteral("farm.mp4"));
        QVERIFY(plan(project, mp4Plan, {QStringLiteral("--frames-per-task"), QStringLiteral("20")},
                     {QStringLiteral("export"), QStringLiteral("--out"), mp4})
                    .isEmpty());
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("run"), mp4Plan}).ok());
        QCOMPARE(decodedFrames(mp4), 72);
        const Run decode =
            run(QStringLiteral("ffmpeg"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), mp4,
                 QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
        QVERIFY2(decode.ok() && decode.err.trimmed().isEmpty(), qPrintable(decode.err));
    }

    // Each bad input is refused with a clear message, and nothing is
    // recorded twice.
    void badInput() {
        const QString folder = copyOfDemo(QStringLiteral("bad"));
        const QString project = folder + QStringLiteral("/demo.retake");
        const QString planPath = dir_.filePath(QStringLiteral("bad.json"));
        QVERIFY(plan(project, planPath, {QStringLiteral("--frames-per-task"), QStringLiteral("30")},
                     {QStringLiteral("export"), QStringLiteral("--out"),
                      dir_.filePath(QStringLiteral("bad-out/b_####.png"))})
                    .isEmpty());

        // A task index out of range.
        const Run outOfRange = cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                                    QStringLiteral("--task"), QStringLiteral("9")});
        QCOMPARE(outOfRange.exitCode, 1);
        QVERIFY2(outOfRange.err.contains(QStringLiteral("has tasks 0-3; there is no task 9")),
                 qPrintable(outOfRange.err));

        // A media file this node cannot see: the task names it and the node.
        {
            const QString clip = dir_.filePath(QStringLiteral("own-clip.mp4"));
            QVERIFY(
                QFile::copy(QStringLiteral(RETAKE_SOURCE_DIR "/resources/demo/demo.mp4"), clip));
            const QString own = dir_.filePath(QStringLiteral("own/own.retake"));
            QDir().mkpath(dir_.filePath(QStringLiteral("own")));
            const QString made = newProjectWithClip(own, clip);
            QVERIFY2(made.isEmpty(), qPrintable(made));
            const QString ownPlan = dir_.filePath(QStringLiteral("own.json"));
            QVERIFY(plan(own, ownPlan, {QStringLiteral("--frames-per-task"), QStringLiteral("30")},
                         {QStringLiteral("export"), QStringLiteral("--out"),
                          dir_.filePath(QStringLiteral("own-out/o_####.png"))})
                        .isEmpty());
            QVERIFY(QFile::rename(clip, clip + QStringLiteral(".away")));
            const Run missing = cli({QStringLiteral("farm"), QStringLiteral("run-task"), ownPlan,
                                     QStringLiteral("--task"), QStringLiteral("0")});
            QVERIFY(QFile::rename(clip + QStringLiteral(".away"), clip));
            QVERIFY(missing.exitCode != 0);
            QVERIFY2(missing.err.contains(QStringLiteral("own-clip.mp4")) &&
                         missing.err.contains(QStringLiteral(" on ") + QSysInfo::machineHostName()),
                     qPrintable(missing.err));
            QCOMPARE(QDir(dir_.filePath(QStringLiteral("own-out"))).entryList(QDir::Files).size(),
                     0);
        }

        // The project file itself missing on a node, and mapped with --path-map.
        const QString moved = dir_.filePath(QStringLiteral("bad-moved"));
        QVERIFY(QDir().rename(folder, moved));
        const Run unseen = cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                                QStringLiteral("--task"), QStringLiteral("0")});
        QCOMPARE(unseen.exitCode, 2);
        QVERIFY2(unseen.err.contains(QStringLiteral("is not visible on node ") +
                                     QSysInfo::machineHostName()) &&
                     unseen.err.contains(QStringLiteral("--path-map")),
                 qPrintable(unseen.err));
        const Run mapped = cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                                QStringLiteral("--task"), QStringLiteral("0"),
                                QStringLiteral("--path-map"), folder + QLatin1Char('=') + moved});
        QVERIFY2(mapped.ok(), qPrintable(mapped.err));
        QVERIFY(QDir().rename(moved, folder));

        // A plan whose project changed: an export plan's tasks refuse.
        QVERIFY(
            cli({QStringLiteral("lock"), project, QStringLiteral("--shot"),
                 QStringLiteral("Field pan"), QStringLiteral("--range"), QStringLiteral("30-31")})
                .ok());
        const Run changed = cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                                 QStringLiteral("--task"), QStringLiteral("1")});
        QCOMPARE(changed.exitCode, 1);
        QVERIFY2(changed.err.contains(QStringLiteral("changed since the farm plan")) &&
                     changed.err.contains(QStringLiteral("Make a new plan")),
                 qPrintable(changed.err));
        QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("bad-out/b_1031.png"))));

        // A regeneration plan whose mask changed: its chunks would not agree.
        const QString regenPlan = dir_.filePath(QStringLiteral("bad-regen.json"));
        QVERIFY(plan(project, regenPlan, {},
                     QStringList{QStringLiteral("regen")} + demoRegenArguments())
                    .isEmpty());
        QVERIFY(
            cli({QStringLiteral("unlock"), project, QStringLiteral("--shot"),
                 QStringLiteral("Field pan"), QStringLiteral("--range"), QStringLiteral("0-71")})
                .ok());
        QVERIFY(
            cli({QStringLiteral("lock"), project, QStringLiteral("--shot"),
                 QStringLiteral("Field pan"), QStringLiteral("--range"), QStringLiteral("0-35")})
                .ok());
        // Locks added after the plan do not change the chunks (the plan
        // keeps its own); a different mask range does.
        const Run chunks = cli({QStringLiteral("farm"), QStringLiteral("run-task"), regenPlan,
                                QStringLiteral("--task"), QStringLiteral("0")});
        QVERIFY2(chunks.ok(), qPrintable(chunks.err));

        // Two assemblies at once: the second refuses, naming the first and
        // the lock to delete if its node is gone.
        const QString work = dir_.filePath(QStringLiteral("bad-regen.farm"));
        QLockFile held(work + QStringLiteral("/assemble.lock"));
        QVERIFY(held.tryLock(0));
        const Run second = cli({QStringLiteral("farm"), QStringLiteral("run-task"), regenPlan,
                                QStringLiteral("--task"), QStringLiteral("4")});
        held.unlock();
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QStringLiteral("Another assembly of")) &&
                     second.err.contains(QString::number(QCoreApplication::applicationPid())) &&
                     second.err.contains(QStringLiteral("delete ") + held.fileName()),
                 qPrintable(second.err));

        // A bad plan file: named with its problem.
        const QString junk = dir_.filePath(QStringLiteral("junk.json"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"something else\"}");
        f.close();
        const Run notPlan = cli({QStringLiteral("farm"), QStringLiteral("status"), junk});
        QCOMPARE(notPlan.exitCode, 2);
        QVERIFY2(notPlan.err.contains(junk) &&
                     notPlan.err.contains(QStringLiteral("is not a Retake farm plan")),
                 qPrintable(notPlan.err));
    }

    // A lock added while the farm works is respected: the assembled take
    // keeps those frames as they are and does not count them regenerated.
    void lockAddedMeanwhile() {
        const QString folder = copyOfDemo(QStringLiteral("lock"));
        const QString project = folder + QStringLiteral("/demo.retake");
        const QString planPath = dir_.filePath(QStringLiteral("lock.json"));
        QVERIFY(
            plan(project, planPath, {}, QStringList{QStringLiteral("regen")} + demoRegenArguments())
                .isEmpty());
        for (int t = 0; t < 4; ++t)
            QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                         QStringLiteral("--task"), QString::number(t)})
                        .ok());
        QVERIFY(
            cli({QStringLiteral("lock"), project, QStringLiteral("--shot"),
                 QStringLiteral("Field pan"), QStringLiteral("--range"), QStringLiteral("30-31")})
                .ok());
        // What the shot shows at frame 30 before the take: what the
        // regeneration read there (its active take, stacked under).
        const QString before = dir_.filePath(QStringLiteral("lock-before"));
        QVERIFY(
            cli({QStringLiteral("export"), project, QStringLiteral("--shot"),
                 QStringLiteral("Field pan"), QStringLiteral("--range"), QStringLiteral("30-30"),
                 QStringLiteral("--out"), before + QStringLiteral("/s_####.png")})
                .ok());
        const Run assembled = cli({QStringLiteral("farm"), QStringLiteral("run-task"), planPath,
                                   QStringLiteral("--task"), QStringLiteral("4")});
        QVERIFY2(assembled.ok(), qPrintable(assembled.err));
        QVERIFY2(assembled.out.contains(QStringLiteral("Frames 30-31 were locked after the plan")),
                 qPrintable(assembled.out));
        // Frame 30 of the take (its 7th) is that picture, pixel for pixel.
        const QString take =
            takeFolder(folder, readJson(planPath).value(QStringLiteral("take")).toString());
        const QImage kept(take + QStringLiteral("/frame_00006.png"));
        const QImage shown(before + QStringLiteral("/s_1001.png"));
        QVERIFY(!kept.isNull() && !shown.isNull());
        QCOMPARE(kept.convertToFormat(QImage::Format_RGB888),
                 shown.convertToFormat(QImage::Format_RGB888));
        // The project records frames 24-29 and 32-47 as regenerated.
        const QString takeId = readJson(planPath).value(QStringLiteral("take")).toString();
        QJsonArray regenerated;
        for (const QJsonValue& shot : readJson(project).value(QStringLiteral("shots")).toArray())
            for (const QJsonValue& t : shot.toObject().value(QStringLiteral("takes")).toArray())
                if (t.toObject().value(QStringLiteral("id")).toString() == takeId)
                    regenerated = t.toObject().value(QStringLiteral("regenerated")).toArray();
        QCOMPARE(QJsonDocument(regenerated).toJson(QJsonDocument::Compact),
                 QByteArray("[[24,30],[32,48]]"));
    }

    // The plan as an Open Job Description template: openjd accepts it, and
    // its local run gives the bytes a single export gives.
    // --masked-shots: a plan for each shot whose mask has no take yet, named
    // for the shot. The demo's shot (its mask has a take), a shot without a
    // mask and a shot locked throughout get none; with nothing left to plan,
    // or with --shot as well, the command says so.
    void everyMaskedShot() {
        const QString folder = copyOfDemo(QStringLiteral("masked-shots"));
        const QString project = folder + QStringLiteral("/demo.retake");
        const QString clip = dir_.filePath(QStringLiteral("masked-shots.mp4"));
        const Run made = run(QStringLiteral("ffmpeg"),
                             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                              QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                              QStringLiteral("testsrc2=size=432x240:rate=24"),
                              QStringLiteral("-frames:v"), QStringLiteral("24"), clip});
        QVERIFY2(made.ok(), qPrintable(made.err));
        for (const QString& name :
             {QStringLiteral("Second shot"), QStringLiteral("No mask"), QStringLiteral("Locked")})
            QVERIFY(cli({QStringLiteral("import"), project, clip, QStringLiteral("--name"), name})
                        .ok());
        for (const QString& name : {QStringLiteral("Second shot"), QStringLiteral("Locked")})
            QVERIFY(cli({QStringLiteral("mask"), project, QStringLiteral("--shot"), name,
                         QStringLiteral("--new"), QStringLiteral("--ellipse"),
                         QStringLiteral("200,120,40,30")})
                        .ok());
        QVERIFY(cli({QStringLiteral("lock"), project, QStringLiteral("--shot"),
                     QStringLiteral("Locked"), QStringLiteral("--range"), QStringLiteral("0-23")})
                    .ok());

        const QString planPath = dir_.filePath(QStringLiteral("masked/all.json"));
        QVERIFY(QDir().mkpath(QFileInfo(planPath).absolutePath()));
        const QStringList args{QStringLiteral("farm"),
                               QStringLiteral("plan"),
                               project,
                               QStringLiteral("--out"),
                               planPath,
                               QStringLiteral("--masked-shots"),
                               QStringLiteral("regen"),
                               QStringLiteral("--seed"),
                               QStringLiteral("3")};
        const Run planned = cli(args);
        QVERIFY2(planned.ok(), qPrintable(planned.err));
        QVERIFY2(planned.out.contains(QStringLiteral("Locked\tskipped: every frame is locked")),
                 qPrintable(planned.out));
        const QStringList plans =
            QDir(QFileInfo(planPath).absolutePath()).entryList({QStringLiteral("*.json")});
        QCOMPARE(plans, QStringList{QStringLiteral("all-Second_shot.json")});
        const QJsonObject second =
            readJson(QFileInfo(planPath).absoluteDir().filePath(plans.first()));
        const Run info = cli({QStringLiteral("info"), project, QStringLiteral("--json")});
        QVERIFY(info.ok());
        const QString shotId = second.value(QStringLiteral("shot")).toString();
        QVERIFY2(!shotId.isEmpty() &&
                     info.out.contains(QStringLiteral("\"name\": \"Second shot\"")) &&
                     QJsonDocument::fromJson(info.out.toUtf8()).toJson().contains(shotId.toUtf8()),
                 qPrintable(shotId));
        QVERIFY(second.value(QStringLiteral("arguments")).toArray().contains(QStringLiteral("3")));

        // Run, its mask has a take: nothing is left to plan.
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("run"),
                     QFileInfo(planPath).absoluteDir().filePath(plans.first())})
                    .ok());
        const Run none = cli(args);
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("no shot has a mask without a take")),
                 qPrintable(none.err));
        const Run both =
            cli(args + QStringList{QStringLiteral("--shot"), QStringLiteral("Locked")});
        QCOMPARE(both.exitCode, 1);
        QVERIFY2(both.err.contains(QStringLiteral("leave out --shot")), qPrintable(both.err));
    }

    void openJobDescription() {
        if (!QFileInfo(openjd()).isExecutable())
            QFAIL(qPrintable(openjd() +
                             QStringLiteral(" is missing: run packaging/setup-debian12.sh")));
        const QString project = demo_ + QStringLiteral("/demo.retake");
        const QString planPath = dir_.filePath(QStringLiteral("ojd.json"));
        QVERIFY(plan(project, planPath, {QStringLiteral("--frames-per-task"), QStringLiteral("20")},
                     {QStringLiteral("export"), QStringLiteral("--out"),
                      dir_.filePath(QStringLiteral("ojd-out/o_####.exr")),
                      QStringLiteral("--range"), QStringLiteral("0-59")})
                    .isEmpty());
        const QString job = dir_.filePath(QStringLiteral("job.yaml"));
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("export"), planPath,
                     QStringLiteral("--openjd"), job})
                    .ok());
        const Run check = run(openjd(), {QStringLiteral("check"), job});
        QVERIFY2(check.ok(), qPrintable(check.out + check.err));
        const Run ran = run(openjd(), {QStringLiteral("run"), job}, {});
        QVERIFY2(ran.ok(), qPrintable(ran.out.right(3000) + ran.err.right(2000)));
        QVERIFY2(ran.out.contains(QStringLiteral("Chunks run: 4")),
                 qPrintable(ran.out.right(2000)));
        QVERIFY(cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                     dir_.filePath(QStringLiteral("ojd-single/o_####.exr")),
                     QStringLiteral("--range"), QStringLiteral("0-59")})
                    .ok());
        const QString difference = compareFolders(dir_.filePath(QStringLiteral("ojd-out")),
                                                  dir_.filePath(QStringLiteral("ojd-single")),
                                                  {QStringLiteral("o.provenance.json")});
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
};

QTEST_GUILESS_MAIN(TestFarm)
#include "test_farm.moc"
