// retake-cli farm on a real Slurm: a single-node cluster on this machine
// (slurm_cluster.sh: munge, slurmctld, slurmd under the test's own folder;
// started and stopped by the test, as root). A regeneration in 4 chunk tasks
// and exports in 3 parts each come back bit-identical to a single run; a task
// cancelled mid-run with scancel and submitted again still gives those bytes.

#include "document/document.h"
#include "farmfixture.h"
#include "jobs/jobqueue.h"

#include <QElapsedTimer>
#include <QThread>
#include <unistd.h>

using namespace retake::testing;

namespace {

const QString kClusterScript = QStringLiteral(RETAKE_SOURCE_DIR "/tests/farm/slurm_cluster.sh");

} // namespace

class TestFarmSlurm : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString cluster_;
    QString demo_;

    QString copyOfDemo(const QString& name) {
        const QString to = dir_.filePath(name);
        if (!copyTree(demo_, to))
            qFatal("cannot copy the demo project");
        return to;
    }
    // `farm status --json` until every task is done; the last status.
    QJsonObject waitUntilDone(const QString& plan, int timeoutMs = 240000) {
        QElapsedTimer timer;
        timer.start();
        QJsonObject status;
        while (timer.elapsed() < timeoutMs) {
            const Run r = cli(
                {QStringLiteral("farm"), QStringLiteral("status"), plan, QStringLiteral("--json")});
            status = json(r);
            if (r.exitCode == 0)
                return status;
            for (const QJsonValue& t : status.value(QStringLiteral("tasks")).toArray())
                if (t.toObject().value(QStringLiteral("state")).toString() ==
                    QLatin1String("failed"))
                    return status;
            QThread::msleep(500);
        }
        return status;
    }
    static bool allDone(const QJsonObject& status) {
        return status.value(QStringLiteral("done")).toInt() ==
               status.value(QStringLiteral("tasks")).toArray().size();
    }
    Run submit(const QString& plan) {
        return cli(
            {QStringLiteral("farm"), QStringLiteral("submit"), plan, QStringLiteral("--slurm")});
    }

private Q_SLOTS:
    void initTestCase() {
        if (geteuid() != 0)
            QSKIP("the single-node Slurm cluster needs root (packaging/test.sh runs as root)");
        QVERIFY(dir_.isValid());
        cluster_ = dir_.filePath(QStringLiteral("cluster"));
        const Run started =
            run(QStringLiteral("bash"), {kClusterScript, QStringLiteral("start"), cluster_});
        QVERIFY2(started.ok(), qPrintable(started.out + started.err));
        for (const QString& line : started.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (line.startsWith(QLatin1String("SLURM_CONF=")))
                qputenv("SLURM_CONF", line.mid(11).toUtf8());
        QVERIFY(qEnvironmentVariableIsSet("SLURM_CONF"));
        demo_ = dir_.filePath(QStringLiteral("demo"));
        const Run made = cli({QStringLiteral("demo"), demo_});
        QVERIFY2(made.ok(), qPrintable(made.err));
    }

    void cleanupTestCase() {
        if (!cluster_.isEmpty())
            run(QStringLiteral("bash"), {kClusterScript, QStringLiteral("stop"), cluster_});
    }

    void regenerationAndExportsOnSlurm() {
        const QString farm = copyOfDemo(QStringLiteral("farm"));
        const QString single = copyOfDemo(QStringLiteral("single"));
        const QString project = farm + QStringLiteral("/demo.retake");
        const QString regenPlan = dir_.filePath(QStringLiteral("regen.json"));
        QVERIFY(cli(QStringList{QStringLiteral("farm"), QStringLiteral("plan"), project,
                                QStringLiteral("--out"), regenPlan, QStringLiteral("regen")} +
                    demoRegenArguments())
                    .ok());
        const Run submitted = submit(regenPlan);
        QVERIFY2(submitted.ok(), qPrintable(submitted.err));
        QVERIFY2(submitted.out.contains(QStringLiteral("parts (array)")) &&
                     submitted.out.contains(QStringLiteral("final task")),
                 qPrintable(submitted.out));
        const QJsonObject status = waitUntilDone(regenPlan);
        QVERIFY2(allDone(status), QJsonDocument(status).toJson().constData());
        const Run regen =
            cli(QStringList{QStringLiteral("regen"), single + QStringLiteral("/demo.retake")} +
                demoRegenArguments());
        QVERIFY2(regen.ok(), qPrintable(regen.err));
        const QString difference = compareFolders(
            takeFolder(farm, readJson(regenPlan).value(QStringLiteral("take")).toString()),
            takeFolder(single, regen.out.section(QLatin1Char('\t'), 0, 0).trimmed()));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));

        // Exports of the project with the farm's take, in 3 parts each.
        const QString seqPlan = dir_.filePath(QStringLiteral("seq.json"));
        const QString moviePlan = dir_.filePath(QStringLiteral("movie.json"));
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("plan"), project,
                     QStringLiteral("--out"), seqPlan, QStringLiteral("--frames-per-task"),
                     QStringLiteral("24"), QStringLiteral("export"), QStringLiteral("--out"),
                     dir_.filePath(QStringLiteral("seq-farm/f_####.exr"))})
                    .ok());
        QVERIFY(cli({QStringLiteral("farm"), QStringLiteral("plan"), project,
                     QStringLiteral("--out"), moviePlan, QStringLiteral("--frames-per-task"),
                     QStringLiteral("24"), QStringLiteral("export"), QStringLiteral("--out"),
                     dir_.filePath(QStringLiteral("farm.mov"))})
                    .ok());
        QCOMPARE(readJson(seqPlan).value(QStringLiteral("tasks")).toArray().size(), 4);
        QVERIFY(submit(seqPlan).ok());
        QVERIFY(submit(moviePlan).ok());
        QVERIFY(allDone(waitUntilDone(seqPlan)));
        QVERIFY(allDone(waitUntilDone(moviePlan)));
        QVERIFY(cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                     dir_.filePath(QStringLiteral("seq-single/f_####.exr"))})
                    .ok());
        QVERIFY(cli({QStringLiteral("export"), project, QStringLiteral("--out"),
                     dir_.filePath(QStringLiteral("single.mov"))})
                    .ok());
        const QString seqDifference = compareFolders(dir_.filePath(QStringLiteral("seq-farm")),
                                                     dir_.filePath(QStringLiteral("seq-single")),
                                                     {QStringLiteral("f.provenance.json")});
        QVERIFY2(seqDifference.isEmpty(), qPrintable(seqDifference));
        QCOMPARE(decodedFrames(dir_.filePath(QStringLiteral("farm.mov"))), 72);
        QCOMPARE(decodedMd5(dir_.filePath(QStringLiteral("farm.mov"))),
                 decodedMd5(dir_.filePath(QStringLiteral("single.mov"))));
        // Slurm's own view agrees.
        const Run status2 = cli({QStringLiteral("farm"), QStringLiteral("status"), moviePlan});
        QVERIFY2(status2.out.contains(QStringLiteral("slurm COMPLETED")), qPrintable(status2.out));
    }

    // scancel one task while it runs; the final task is cancelled with it (its
    // dependency can no longer be met); submitting again runs what is not
    // done, and the take is still bit-identical to a single run.
    void cancelledTaskResubmitted() {
        const QString farm = copyOfDemo(QStringLiteral("cancel"));
        const QString single = copyOfDemo(QStringLiteral("cancel-single"));
        const QString project = farm + QStringLiteral("/demo.retake");
        const QString planPath = dir_.filePath(QStringLiteral("cancel.json"));
        QVERIFY(cli(QStringList{QStringLiteral("farm"), QStringLiteral("plan"), project,
                                QStringLiteral("--out"), planPath, QStringLiteral("regen")} +
                    demoRegenArguments())
                    .ok());
        const QByteArray projectBefore = fileBytes(project);
        const Run submitted = submit(planPath);
        QVERIFY2(submitted.ok(), qPrintable(submitted.err));
        const QString partsJob = submitted.out.section(QLatin1Char('\t'), 0, 0).trimmed();
        const QString running =
            dir_.filePath(QStringLiteral("cancel.farm/tasks/task_0001.running"));
        QElapsedTimer timer;
        timer.start();
        while (!QFileInfo::exists(running) && timer.elapsed() < 120000)
            QThread::msleep(20);
        QVERIFY2(QFileInfo::exists(running), "task 1 never started");
        const Run cancelled = run(QStringLiteral("scancel"), {partsJob + QStringLiteral("_1")});
        QVERIFY2(cancelled.ok(), qPrintable(cancelled.err));
        // Wait for Slurm to settle: no job of this plan pending or running.
        QMap<QString, QString> states;
        for (timer.restart(); timer.elapsed() < 120000; QThread::msleep(500)) {
            const Run s = cli({QStringLiteral("farm"), QStringLiteral("status"), planPath,
                               QStringLiteral("--json")});
            states.clear();
            for (const QJsonValue& t : json(s).value(QStringLiteral("tasks")).toArray())
                states.insert(QString::number(t.toObject().value(QStringLiteral("task")).toInt()),
                              t.toObject().value(QStringLiteral("slurm")).toString());
            if (!states.values().contains(QStringLiteral("PENDING")) &&
                !states.values().contains(QStringLiteral("RUNNING")) &&
                !states.values().contains(QStringLiteral("COMPLETING")))
                break;
        }
        QCOMPARE(states.value(QStringLiteral("1")), QStringLiteral("CANCELLED"));
        QCOMPARE(states.value(QStringLiteral("4")), QStringLiteral("CANCELLED"));
        // Nothing recorded, no take folder, task 1 not done.
        QCOMPARE(fileBytes(project), projectBefore);
        const QString takeId = readJson(planPath).value(QStringLiteral("take")).toString();
        QVERIFY(!QFileInfo::exists(takeFolder(farm, takeId)));
        QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("cancel.farm/chunks/chunk_0001"))));

        const Run again = submit(planPath);
        QVERIFY2(again.ok(), qPrintable(again.err));
        QVERIFY2(again.err.contains(QStringLiteral("submitted tasks 1,4")), qPrintable(again.err));
        const QJsonObject status = waitUntilDone(planPath);
        QVERIFY2(allDone(status), QJsonDocument(status).toJson().constData());
        const Run regen =
            cli(QStringList{QStringLiteral("regen"), single + QStringLiteral("/demo.retake")} +
                demoRegenArguments());
        QVERIFY(regen.ok());
        const QString difference = compareFolders(
            takeFolder(farm, takeId),
            takeFolder(single, regen.out.section(QLatin1Char('\t'), 0, 0).trimmed()));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    // What the editor's Edit > Send Range to Farm… runs: the job plans,
    // submits and follows the farm, and the take appears in the open
    // document when the farm has assembled it, without reopening anything;
    // it is the single run's take, bit for bit.
    void editorJobRecordsTheTake() {
        const QString farm = copyOfDemo(QStringLiteral("editor"));
        const QString single = copyOfDemo(QStringLiteral("editor-single"));
        auto document = retake::Document::open(farm + QStringLiteral("/demo.retake"));
        const retake::Shot shot = document->project().shots[0];
        retake::RegenRequest request;
        request.shotId = shot.id;
        request.range = {shot.source.start + 24, shot.source.start + 48};
        request.seed = 7;
        request.parameters = {{QStringLiteral("chunk_frames"), QStringLiteral("12")},
                              {QStringLiteral("chunk_overlap"), QStringLiteral("4")}};
        retake::SlurmOptions options;
        options.retakeCli = cliPath();
        retake::JobQueue queue;
        const int id =
            queue.addFarmRegeneration(document.get(), request, options, 1, QStringLiteral("farm"));
        const auto status = [&] {
            for (const retake::JobStatus& s : queue.jobs())
                if (s.id == id)
                    return s;
            return retake::JobStatus{};
        };
        QStringList stages;
        QElapsedTimer timer;
        timer.start();
        while (!status().isFinished() && timer.elapsed() < 240000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
            if (!stages.contains(status().stage))
                stages << status().stage;
        }
        QVERIFY2(status().state == retake::JobState::Succeeded, qPrintable(status().error));
        QVERIFY2(stages.join(QLatin1Char('|')).contains(QStringLiteral("of 5 tasks done")),
                 qPrintable(stages.join(QLatin1Char('|'))));
        const retake::Shot* after = document->project().findShot(shot.id);
        QCOMPARE(after->takes.size(), shot.takes.size() + 1);
        const retake::Take& take = after->takes.last();
        QCOMPARE(take.id, status().takeId);
        const Run regen =
            cli(QStringList{QStringLiteral("regen"), single + QStringLiteral("/demo.retake")} +
                demoRegenArguments());
        QVERIFY(regen.ok());
        const QString difference = compareFolders(
            QFileInfo(take.framesPath).absolutePath(),
            takeFolder(single, regen.out.section(QLatin1Char('\t'), 0, 0).trimmed()));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        // Saving keeps one record of it.
        document->save();
        int records = 0;
        for (const QJsonValue& sh : readJson(farm + QStringLiteral("/demo.retake"))
                                        .value(QStringLiteral("shots"))
                                        .toArray())
            for (const QJsonValue& t : sh.toObject().value(QStringLiteral("takes")).toArray())
                records += t.toObject().value(QStringLiteral("id")).toString() ==
                           retake::idToString(take.id);
        QCOMPARE(records, 1);
    }

    // The Export dialog's Send to Farm…: the request goes to the nodes as
    // export's options (a CDL as its numbers, float EXR, PIZ, no depth, no
    // manifest) and comes back as the files exportProject writes here.
    void editorExportOnFarm() {
        const QString folder = copyOfDemo(QStringLiteral("editor-export"));
        auto document = retake::Document::open(folder + QStringLiteral("/demo.retake"));
        retake::ExportRequest request;
        request.output = dir_.filePath(QStringLiteral("editor-farm/e_####.exr"));
        request.timelineRange = retake::FrameRange{20, 50};
        request.imageOptions.exrPixelType = retake::ExrPixelType::Float;
        request.imageOptions.exrCompression = retake::ExrCompression::Piz;
        request.imageOptions.writeDepth = false;
        request.writeManifest = false;
        request.firstFileNumber = 7;
        retake::ExportColour colour;
        retake::CdlGrade cdl;
        cdl.slope = {1.1, 0.95, 1.0 / 3.0};
        cdl.offset = {0.01, 0.0, -0.02};
        cdl.power = {1.0, 1.2, 0.9};
        cdl.saturation = 0.8;
        colour.grade.cdl = cdl;
        colour.grade.outputSpace = QStringLiteral("ACEScg");
        request.colour = colour;
        retake::SlurmOptions options;
        options.retakeCli = cliPath();
        retake::JobQueue queue;
        const int id =
            queue.addFarmExport(document->project(), document->filePath(), document->cacheDir(),
                                request, options, 12, QStringLiteral("farm export"));
        const auto status = [&] {
            for (const retake::JobStatus& s : queue.jobs())
                if (s.id == id)
                    return s;
            return retake::JobStatus{};
        };
        QElapsedTimer timer;
        timer.start();
        while (!status().isFinished() && timer.elapsed() < 240000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
        QVERIFY2(status().state == retake::JobState::Succeeded, qPrintable(status().error));
        retake::ExportRequest here = request;
        here.output = dir_.filePath(QStringLiteral("editor-here/e_####.exr"));
        retake::Progress progress;
        retake::exportProject(document->project(), here, progress);
        QCOMPARE(QDir(dir_.filePath(QStringLiteral("editor-farm"))).entryList(QDir::Files).size(),
                 30);
        const QString difference = compareFolders(dir_.filePath(QStringLiteral("editor-farm")),
                                                  dir_.filePath(QStringLiteral("editor-here")));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QVERIFY(QFileInfo::exists(dir_.filePath(QStringLiteral("editor-farm/e_0007.exr"))));
    }
};

QTEST_GUILESS_MAIN(TestFarmSlurm)
#include "test_farm_slurm.moc"
