// The viewer's proxies in the editor window: opening a project with a
// long-GOP 720p clip starts a proxy job on its own idle-priority thread; when
// it ends the viewer reads the proxy and its badge says so; a cancel stands;
// the setting turns them off; small clips get no job at all.
#include "docks/jobswidget.h"
#include "document/document.h"
#include "jobs/jobqueue.h"
#include "jobs/proxyrefresh.h"
#include "mainwindow/mainwindow.h"
#include "mediaio/openmedia.h"
#include "testclip.h"
#include "viewer/viewerwidget.h"
#include "windowfixture.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace retake;
using namespace retake::gui;

class TestProxies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void openingMakesAProxyTheViewerThenReads();
    void cancelledProxyIsNotStartedAgain();
    void settingOffMakesNoneAndUsesNone();
    void smallClipsGetNoJob();

private:
    QString newProject(const QString& name, const QString& clip);
    int proxyJobs() const;
    static int idleThreads();

    QTemporaryDir dir_;
    QString clip_; // 1280x720, 48 frames, GOP 24
    std::unique_ptr<MainWindow> window_;
};

void TestProxies::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetakeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("RetakeProxiesTest"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("street.mp4"));
    const QString made =
        retake::testing::makeH264Clip(clip_, QStringLiteral("testsrc2=s=1280x720:r=24:d=2"),
                                      {QStringLiteral("-g"), QStringLiteral("24")});
    QVERIFY2(made.isEmpty(), qPrintable(made));
}

void TestProxies::cleanup() {
    if (window_ && window_->document())
        window_->document()->discardAutosave();
    window_.reset();
    QSettings().clear();
}

QString TestProxies::newProject(const QString& name, const QString& clip) {
    const QString path = dir_.filePath(name + QStringLiteral(".retake"));
    Document doc(Project::createEmpty(name, Rational(24), 1280, 720), path);
    doc.importMedia(openMedia(clip)->info(), QStringLiteral("Plate"));
    doc.saveAs(path);
    return path;
}

// Threads of this process scheduled SCHED_IDLE.
int TestProxies::idleThreads() {
    int n = 0;
    for (const QString& task :
         QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(task));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // After the command name in parentheses, fields from the third on.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        n += fields.value(41 - 3) == "5";
    }
    return n;
}

int TestProxies::proxyJobs() const {
    int n = 0;
    for (const JobStatus& job : window_->jobQueue()->jobs())
        n += job.kind == JobKind::Proxy;
    return n;
}

void TestProxies::openingMakesAProxyTheViewerThenReads() {
    const QString project = newProject(QStringLiteral("open"), clip_);
    window_ = std::make_unique<MainWindow>();
    QSignalSpy changed(window_->proxyRefresher(), &ProxyRefresher::proxiesChanged);
    const QString shown = retake::testing::showWindowOn(*window_, project);
    QVERIFY2(shown.isEmpty(), qPrintable(shown));
    QCOMPARE(proxyJobs(), 1);
    const JobStatus job = window_->jobQueue()->jobs().front();
    QCOMPARE(job.title, QStringLiteral("Proxy of street.mp4 (half)"));
    // Before it ends, the viewer reads the original: no badge.
    ViewerWidget* viewer = window_->viewer();
    QVERIFY(
        QTest::qWaitFor([&] { return window_->jobQueue()->status(job.id).isFinished(); }, 120000));
    QCOMPARE(window_->jobQueue()->status(job.id).state, JobState::Succeeded);
    QVERIFY(QTest::qWaitFor([&] { return changed.count() > 0; }, 5000));
    QCOMPARE(window_->proxyRefresher()->proxies().size(), 1);
    QVERIFY(window_->proxyRefresher()->proxies().value(clip_).endsWith(QLatin1String("-half.mp4")));
    // The job's row stays, naming the file.
    QVERIFY(
        window_->jobQueue()->status(job.id).notes.value(0).endsWith(QLatin1String("-half.mp4")));

    // A frame shown now comes from the proxy, and the badge says so.
    QSignalSpy frames(viewer, &ViewerWidget::frameShown);
    window_->state()->setCurrentFrame(30);
    QVERIFY(QTest::qWaitFor([&] { return viewer->shownFrame() == 30; }, 10000));
    QVERIFY(viewer->proxyBadge()->isVisible());
    QCOMPARE(viewer->proxyBadge()->text(), QStringLiteral("PROXY"));
    // Under xvfb-run with RETAKE_SCREENSHOT_DIR: the window as the user sees it.
    if (const QString shots = qEnvironmentVariable("RETAKE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        window_->resize(1280, 800);
        QTest::qWait(200);
        window_->grab().save(shots + QStringLiteral("/viewer-proxy.png"));
    }

    // Off in the settings: the original again, no badge.
    window_->proxyRefresher()->setSize(std::nullopt);
    window_->state()->setCurrentFrame(31);
    QVERIFY(QTest::qWaitFor([&] { return viewer->shownFrame() == 31; }, 10000));
    QVERIFY(!viewer->proxyBadge()->isVisible());
}

void TestProxies::cancelledProxyIsNotStartedAgain() {
    // A longer clip, so the cancel lands while the job runs.
    const QString longer = dir_.filePath(QStringLiteral("long.mp4"));
    QVERIFY(retake::testing::makeH264Clip(longer, QStringLiteral("testsrc2=s=1280x720:r=24:d=20"),
                                          {QStringLiteral("-g"), QStringLiteral("48"),
                                           QStringLiteral("-preset"), QStringLiteral("ultrafast")})
                .isEmpty());
    const QString project = newProject(QStringLiteral("cancel"), longer);
    window_ = std::make_unique<MainWindow>();
    QVERIFY(retake::testing::showWindowOn(*window_, project).isEmpty());
    QCOMPARE(proxyJobs(), 1);
    const int id = window_->jobQueue()->jobs().front().id;
    QVERIFY(QTest::qWaitFor(
        [&] { return window_->jobQueue()->status(id).state == JobState::Running; }, 30000));
    // It runs at idle priority, and so do the decoder's and encoder's
    // threads it started: Linux's SCHED_IDLE (policy 5, field 41 of stat).
    QVERIFY(QTest::qWaitFor([&] { return idleThreads() >= 3; }, 10000));
    window_->jobQueue()->cancel(id);
    QVERIFY(QTest::qWaitFor([&] { return window_->jobQueue()->status(id).isFinished(); }, 30000));
    QCOMPARE(window_->jobQueue()->status(id).state, JobState::Cancelled);
    const QString proxies = proxyFolder(window_->document()->cacheDir());
    QCOMPARE(QDir(proxies).entryList({QStringLiteral("*.mp4")}, QDir::Files | QDir::Hidden).size(),
             0);
    QCOMPARE(
        QDir(proxies).entryList({QStringLiteral("*partial*")}, QDir::Files | QDir::Hidden).size(),
        0);
    // An edit of the media (a re-import) does not start it again.
    window_->document()->importMedia(openMedia(clip_)->info(), QStringLiteral("Second"));
    QCOMPARE(proxyJobs(), 2); // the new clip's, not the cancelled one again
    QCOMPARE(window_->jobQueue()->jobs().back().title,
             QStringLiteral("Proxy of street.mp4 (half)"));
    window_->jobQueue()->cancelAll();
}

void TestProxies::settingOffMakesNoneAndUsesNone() {
    QSettings().setValue(QStringLiteral("proxies/size"), QStringLiteral("off"));
    const QString project = newProject(QStringLiteral("off"), clip_);
    window_ = std::make_unique<MainWindow>();
    QVERIFY(retake::testing::showWindowOn(*window_, project).isEmpty());
    QCOMPARE(proxyJobs(), 0);
    QVERIFY(!window_->proxyRefresher()->size().has_value());
    // Quarter: a job for that size.
    QSettings().setValue(QStringLiteral("proxies/size"), QStringLiteral("quarter"));
    window_->proxyRefresher()->setSize(ProxySize::Quarter);
    QCOMPARE(proxyJobs(), 1);
    QCOMPARE(window_->jobQueue()->jobs().front().title,
             QStringLiteral("Proxy of street.mp4 (quarter)"));
    window_->jobQueue()->cancelAll();
}

void TestProxies::smallClipsGetNoJob() {
    const QString small = dir_.filePath(QStringLiteral("small.mp4"));
    QVERIFY(retake::testing::makeH264Clip(small, QStringLiteral("testsrc2=s=640x360:r=24:d=1"),
                                          {QStringLiteral("-g"), QStringLiteral("48")})
                .isEmpty());
    const QString project = newProject(QStringLiteral("small"), small);
    window_ = std::make_unique<MainWindow>();
    QVERIFY(retake::testing::showWindowOn(*window_, project).isEmpty());
    QCOMPARE(proxyJobs(), 0);
    QVERIFY(window_->proxyRefresher()->proxies().isEmpty());
}

QTEST_MAIN(TestProxies)
#include "test_proxies.moc"
