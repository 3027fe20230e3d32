// The viewer's proxies (editor/proxy) as a user meets them: `retake-cli
// proxy` and `info` on a long-GOP 720p clip; proxies found again after a
// relink and remade when the source changes; the viewer's frame source
// reading them (and falling back when one is damaged); exports identical
// with and without them; a cancel and a hostile index leaving nothing behind.
#include "clirun.h"
#include "core/error.h"
#include "filebytes.h"
#include "mediaio/openmedia.h"
#include "projectfile/projectfile.h"
#include "proxy/proxybuild.h"
#include "testclip.h"
#include "timeline/framesource.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace retake;
using retake::testing::cli;
using retake::testing::Run;

namespace {

// Mean squared difference of two 8-bit RGB(X) pictures of one size, per
// colour sample.
double meanSquaredDifference(const Image& a, const Image& b) {
    double sum = 0;
    std::size_t n = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            for (int c = 0; c < 3; ++c) {
                const double d = a.pixels[(std::size_t(y) * a.width + x) * a.channels + c] -
                                 double(b.pixels[(std::size_t(y) * b.width + x) * b.channels + c]);
                sum += d * d;
                ++n;
            }
    return sum / double(n);
}

double psnr(const Image& a, const Image& b) {
    const double mse = meanSquaredDifference(a, b);
    return mse <= 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

QString md5Of(const QString& path) {
    return QString::fromLatin1(
        QCryptographicHash::hash(retake::testing::fileBytes(path), QCryptographicHash::Md5)
            .toHex());
}

} // namespace

class TestProxy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void proxyIsAllIntraSmallerAndFrameAccurate();
    void infoListsProxiesAndTheirState();
    void intraOnlyMediaNeedsNoneUnlessAsked();
    void relinkFindsTheProxyAndAChangedSourceGetsANewOne();
    void viewerSourceReadsTheProxyAndFallsBackWhenItIsDamaged();
    void exportIsBitIdenticalWithAndWithoutProxies();
    void cancelLeavesNoProxy();
    void hostileIndexIsStartedAfresh();
    void offlineMediaIsNamed();

private:
    QTemporaryDir dir_;
    QString clip_;    // 1280x720, 24 frames, keyframes 12 apart
    QString project_; // the clip as shot "Plate"
};

void TestProxy::initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("street.mp4"));
    const QString made = retake::testing::makeH264Clip(
        clip_, QStringLiteral("testsrc2=s=1280x720:r=24:d=1"),
        {QStringLiteral("-g"), QStringLiteral("12"), QStringLiteral("-bf"), QStringLiteral("2")});
    QVERIFY2(made.isEmpty(), qPrintable(made));
    project_ = dir_.filePath(QStringLiteral("p.retake"));
    const QString err = retake::testing::newProjectWithClip(project_, clip_);
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void TestProxy::proxyIsAllIntraSmallerAndFrameAccurate() {
    const Run r = cli({QStringLiteral("proxy"), project_});
    QVERIFY2(r.ok(), qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("street.mp4: made half proxy 640x360, 24 frames")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("long-GOP (12 frames")), qPrintable(r.out));

    const QString cache = projectCacheDir(project_);
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(retake::testing::fileBytes(clip_), QCryptographicHash::Sha256)
            .toHex());
    const QString proxy = proxyFilePath(cache, sha, ProxySize::Half);
    QVERIFY2(QFileInfo(proxy).isFile(), qPrintable(proxy));
    QVERIFY(r.out.contains(proxy));

    const auto proxyReader = openMedia(proxy);
    QCOMPARE(proxyReader->info().width, 640);
    QCOMPARE(proxyReader->info().height, 360);
    QCOMPARE(proxyReader->info().frameCount, FrameNumber(24));
    QCOMPARE(proxyReader->info().keyframeInterval, 1); // every frame a keyframe
    QCOMPARE(openMedia(clip_)->info().keyframeInterval, 12);

    // Frame n of the proxy is frame n of the original at the proxy's size
    // (testsrc2 changes every frame, so a shifted numbering would show).
    const auto original = openMedia(clip_);
    original->setPreviewSize(QSize(640, 360));
    for (const FrameNumber n : {FrameNumber(0), FrameNumber(7), FrameNumber(23)}) {
        const Image p = proxyReader->readFrame(n);
        const Image o = original->readFrame(n);
        QCOMPARE(o.width, 640);
        const double same = psnr(p, o);
        QVERIFY2(same > 30.0, qPrintable(QStringLiteral("frame %1: %2 dB").arg(n).arg(same)));
        const FrameNumber other = n == 23 ? 20 : n + 3;
        const double shifted = psnr(p, original->readFrame(other));
        QVERIFY2(shifted < same - 3.0,
                 qPrintable(QStringLiteral("frame %1 against %2: %3 dB, against itself %4 dB")
                                .arg(n)
                                .arg(other)
                                .arg(shifted)
                                .arg(same)));
    }

    // Asked again: the proxy is there, nothing is made.
    const QDateTime before = QFileInfo(proxy).lastModified();
    const Run again = cli({QStringLiteral("proxy"), project_});
    QVERIFY2(again.ok(), qPrintable(again.err));
    QVERIFY2(again.out.contains(QLatin1String("street.mp4: has a half proxy 640x360")),
             qPrintable(again.out));
    QCOMPARE(QFileInfo(proxy).lastModified(), before);

    // A quarter: its own file, a quarter of each side.
    const Run quarter = cli(
        {QStringLiteral("proxy"), project_, QStringLiteral("--size"), QStringLiteral("quarter")});
    QVERIFY2(quarter.ok(), qPrintable(quarter.err));
    QVERIFY2(quarter.out.contains(QLatin1String("made quarter proxy 320x180")),
             qPrintable(quarter.out));
    QCOMPARE(openMedia(proxyFilePath(cache, sha, ProxySize::Quarter))->info().width, 320);

    const Run bad =
        cli({QStringLiteral("proxy"), project_, QStringLiteral("--size"), QStringLiteral("third")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains(QLatin1String("\"third\" is not half or quarter")),
             qPrintable(bad.err));
}

void TestProxy::infoListsProxiesAndTheirState() {
    QTemporaryDir here;
    const QString project = here.filePath(QStringLiteral("q.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project, clip_).isEmpty());
    Run info = cli({QStringLiteral("info"), project});
    QVERIFY2(info.ok(), qPrintable(info.err));
    QVERIFY2(info.out.contains(QLatin1String("street.mp4  not checked yet")), qPrintable(info.out));

    QVERIFY(cli({QStringLiteral("proxy"), project}).ok());
    info = cli({QStringLiteral("info"), project});
    QVERIFY2(info.out.contains(
                 QRegularExpression(QStringLiteral("street\\.mp4  half 640x360 .*-half\\.mp4"))),
             qPrintable(info.out));

    const Run json = cli({QStringLiteral("info"), project, QStringLiteral("--json")});
    const QJsonObject media =
        retake::testing::json(json)[QLatin1String("media")].toArray()[0].toObject();
    const QJsonObject proxies = media[QLatin1String("proxies")].toObject();
    QCOMPARE(proxies[QLatin1String("half")][QLatin1String("state")].toString(),
             QStringLiteral("ready"));
    QCOMPARE(proxies[QLatin1String("half")][QLatin1String("width")].toInt(), 640);
    QVERIFY(QFileInfo(proxies[QLatin1String("half")][QLatin1String("file")].toString()).isFile());
    QCOMPARE(proxies[QLatin1String("quarter")][QLatin1String("state")].toString(),
             QStringLiteral("missing"));
    QVERIFY(proxies[QLatin1String("quarter")][QLatin1String("reason")].toString().startsWith(
        QLatin1String("long-GOP")));
}

void TestProxy::intraOnlyMediaNeedsNoneUnlessAsked() {
    QTemporaryDir here;
    const QString intra = here.filePath(QStringLiteral("intra.mov"));
    const QString made =
        retake::testing::ffmpegFromLavfi(intra, {QStringLiteral("testsrc2=s=1280x720:r=24:d=0.5")},
                                         {QStringLiteral("-c:v"), QStringLiteral("mjpeg"),
                                          QStringLiteral("-q:v"), QStringLiteral("3")});
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString project = here.filePath(QStringLiteral("i.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project, intra).isEmpty());
    const Run r = cli({QStringLiteral("proxy"), project});
    QVERIFY2(r.ok(), qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("intra.mov: not needed (intra-only, 1280x720)")),
             qPrintable(r.out));
    QVERIFY(
        !QDir(proxyFolder(projectCacheDir(project))).entryList({QStringLiteral("*.mp4")}).size());
    QVERIFY2(cli({QStringLiteral("info"), project})
                 .out.contains(QLatin1String("intra.mov  not needed (intra-only, 1280x720)")),
             "info says so");
    // A small long-GOP clip decodes fast: none needed, and said why.
    const QString small = here.filePath(QStringLiteral("small.mp4"));
    QVERIFY(retake::testing::makeH264Clip(small, QStringLiteral("testsrc2=s=432x240:r=24:d=0.5"))
                .isEmpty());
    const QString smallProject = here.filePath(QStringLiteral("s.retake"));
    QVERIFY(retake::testing::newProjectWithClip(smallProject, small).isEmpty());
    QVERIFY2(cli({QStringLiteral("info"), smallProject})
                 .out.contains(QLatin1String(
                     "small.mp4  not needed (432x240, small enough to decode quickly)")),
             "info says why");
    const Run smallRun = cli({QStringLiteral("proxy"), smallProject});
    QVERIFY2(smallRun.out.contains(
                 QLatin1String("small.mp4: not needed (432x240, small enough to decode quickly)")),
             qPrintable(smallRun.out));

    // By name (--shot), made anyway, and the viewer would use it.
    const Run asked =
        cli({QStringLiteral("proxy"), project, QStringLiteral("--shot"), QStringLiteral("Plate")});
    QVERIFY2(asked.ok(), qPrintable(asked.err));
    QVERIFY2(asked.out.contains(QLatin1String("made half proxy 640x360, 12 frames")) &&
                 asked.out.contains(QLatin1String("(asked for)")),
             qPrintable(asked.out));
    const Project loaded = loadProjectFile(project);
    QCOMPARE(readyProxies(loaded, projectCacheDir(project), ProxySize::Half).size(), 1);
}

void TestProxy::relinkFindsTheProxyAndAChangedSourceGetsANewOne() {
    QTemporaryDir here;
    const QString first = here.filePath(QStringLiteral("a/street.mp4"));
    QVERIFY(QDir().mkpath(here.filePath(QStringLiteral("a"))));
    QVERIFY(QFile::copy(clip_, first));
    const QString project = here.filePath(QStringLiteral("r.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project, first).isEmpty());
    QVERIFY(cli({QStringLiteral("proxy"), project}).ok());
    const QString cache = projectCacheDir(project);
    QCOMPARE(QDir(proxyFolder(cache)).entryList({QStringLiteral("*.mp4")}).size(), 1);

    // Moved elsewhere and relinked: the same contents, the same proxy.
    QVERIFY(QDir().mkpath(here.filePath(QStringLiteral("b"))));
    const QString moved = here.filePath(QStringLiteral("b/street.mp4"));
    QVERIFY(QFile::rename(first, moved));
    const Run relinked = cli({QStringLiteral("relink"), project, moved});
    QVERIFY2(relinked.ok(), qPrintable(relinked.err));
    QVERIFY2(cli({QStringLiteral("info"), project}).out.contains(QLatin1String("not checked yet")),
             "a file the cache has not seen at this path is hashed before its proxy is used");
    const Run again = cli({QStringLiteral("proxy"), project});
    QVERIFY2(again.ok(), qPrintable(again.err));
    QVERIFY2(again.out.contains(QLatin1String("has a half proxy")), qPrintable(again.out));
    QCOMPARE(QDir(proxyFolder(cache)).entryList({QStringLiteral("*.mp4")}).size(), 1);

    // Replaced by other footage of the same size and length: the old proxy
    // is not used (the viewer reads the original), and a new one is made.
    const QString other = here.filePath(QStringLiteral("other.mp4"));
    QVERIFY(retake::testing::makeH264Clip(other, QStringLiteral("mandelbrot=s=1280x720:r=24"),
                                          {QStringLiteral("-frames:v"), QStringLiteral("24"),
                                           QStringLiteral("-g"), QStringLiteral("12")})
                .isEmpty());
    QVERIFY(QFile::remove(moved));
    QVERIFY(QFile::copy(other, moved));
    QCOMPARE(readyProxies(loadProjectFile(project), cache, ProxySize::Half).size(), 0);
    const Run remade = cli({QStringLiteral("proxy"), project});
    QVERIFY2(remade.out.contains(QLatin1String("made half proxy")), qPrintable(remade.out));
    QCOMPARE(QDir(proxyFolder(cache)).entryList({QStringLiteral("*.mp4")}).size(), 2);
    const ProxyMap map = readyProxies(loadProjectFile(project), cache, ProxySize::Half);
    QCOMPARE(map.size(), 1);
    const auto proxy = openMedia(map.value(moved));
    const auto source = openMedia(moved);
    source->setPreviewSize(QSize(640, 360));
    QVERIFY(psnr(proxy->readFrame(5), source->readFrame(5)) > 30.0);
}

void TestProxy::viewerSourceReadsTheProxyAndFallsBackWhenItIsDamaged() {
    QTemporaryDir here;
    const QString project = here.filePath(QStringLiteral("v.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project, clip_).isEmpty());
    QVERIFY(cli({QStringLiteral("proxy"), project}).ok());
    const Project loaded = loadProjectFile(project);
    const ProxyMap proxies = readyProxies(loaded, projectCacheDir(project), ProxySize::Half);
    QCOMPARE(proxies.size(), 1);

    TimelineFrameSource plain(loaded);
    const Image full = plain.readTimelineFrame(9);
    QCOMPARE(full.width, 1280);
    QVERIFY(!plain.lastReadFromProxy());

    TimelineFrameSource viewer(loaded);
    viewer.setProxies(proxies);
    const Image small = viewer.readTimelineFrame(9);
    QVERIFY(viewer.lastReadFromProxy());
    QCOMPARE(small.width, 640);
    QCOMPARE(small.height, 360);
    const auto scaled = openMedia(clip_);
    scaled->setPreviewSize(QSize(640, 360));
    QVERIFY(psnr(small, scaled->readFrame(9)) > 30.0);

    // A proxy cut short (a full disk, another program): the frames it
    // lacks come from the original, not an error.
    const QString file = proxies.cbegin().value();
    QFile damaged(file);
    QVERIFY(damaged.open(QIODevice::ReadWrite));
    QVERIFY(damaged.resize(damaged.size() / 3));
    damaged.close();
    TimelineFrameSource fallback(loaded);
    fallback.setProxies(proxies);
    const Image fromOriginal = fallback.readTimelineFrame(20);
    QVERIFY(!fallback.lastReadFromProxy());
    QCOMPARE(fromOriginal.width, 1280);
    QCOMPARE(fromOriginal.pixels, plain.readTimelineFrame(20).pixels);
    QVERIFY(QFile::remove(file));
}

void TestProxy::exportIsBitIdenticalWithAndWithoutProxies() {
    QTemporaryDir here;
    const QString project = here.filePath(QStringLiteral("e.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project, clip_).isEmpty());
    const auto exportBoth = [&](const QString& tag) {
        const QString movie = here.filePath(tag + QStringLiteral(".mov"));
        const Run m = cli({QStringLiteral("export"), project, QStringLiteral("--out"), movie,
                           QStringLiteral("--no-manifest")});
        if (!m.ok())
            return QStringList{m.err};
        const QString pattern = here.filePath(tag + QStringLiteral("/f_####.png"));
        const Run s = cli({QStringLiteral("export"), project, QStringLiteral("--out"), pattern,
                           QStringLiteral("--no-manifest")});
        if (!s.ok())
            return QStringList{s.err};
        QStringList sums;
        QDir frames(here.filePath(tag));
        for (const QString& f :
             frames.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name))
            sums << md5Of(frames.filePath(f));
        return sums;
    };
    const QStringList without = exportBoth(QStringLiteral("without"));
    QCOMPARE(without.size(), 24);
    QVERIFY(cli({QStringLiteral("proxy"), project}).ok());
    QVERIFY(
        cli({QStringLiteral("proxy"), project, QStringLiteral("--size"), QStringLiteral("quarter")})
            .ok());
    QCOMPARE(
        readyProxies(loadProjectFile(project), projectCacheDir(project), ProxySize::Half).size(),
        1);
    const QStringList with = exportBoth(QStringLiteral("with"));
    QCOMPARE(with, without);
    // The movies too, but for the encoder's time stamps in the container:
    // compare what they decode to.
    const auto a = openMedia(here.filePath(QStringLiteral("without.mov")));
    const auto b = openMedia(here.filePath(QStringLiteral("with.mov")));
    QCOMPARE(a->info().width, 1280);
    for (const FrameNumber n : {FrameNumber(0), FrameNumber(11), FrameNumber(23)})
        QCOMPARE(a->readFrame(n).pixels, b->readFrame(n).pixels);
}

void TestProxy::cancelLeavesNoProxy() {
    QTemporaryDir here;
    const QString cache = here.filePath(QStringLiteral("cache"));
    MediaRef media = MediaRef::fromInfo(openMedia(clip_)->info());
    int reports = 0;
    Progress progress([&progress, &reports](double fraction, const QString&) {
        // Cancelled once encoding has begun (hashing reports up to 0.1).
        if (fraction > 0.3 && ++reports == 1)
            progress.cancel();
    });
    try {
        makeProxy(cache, media, ProxySize::Half, false, &progress);
        QFAIL("the cancel was not noticed");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Cancelled);
    }
    // The index knows the file; no proxy and no partial file remain.
    const QStringList left = QDir(proxyFolder(cache)).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(left, QStringList{QStringLiteral("index.json")});
    // And a second try makes it.
    Progress fresh;
    const ProxyBuildResult r = makeProxy(cache, media, ProxySize::Half, false, &fresh);
    QVERIFY(r.made);
    QVERIFY(QFileInfo(r.file).isFile());
}

void TestProxy::hostileIndexIsStartedAfresh() {
    QTemporaryDir here;
    const QString cache = here.filePath(QStringLiteral("cache"));
    QVERIFY(QDir().mkpath(proxyFolder(cache)));
    const QString index = QDir(proxyFolder(cache)).filePath(QStringLiteral("index.json"));
    const QByteArray hostile =
        R"({"version":1,"files":[{"path":")" + clip_.toUtf8() +
        R"(","bytes":1e300,"modifiedMs":-5,"sha256":"../../etc/passwd","width":1,"height":1,"frames":1},)"
        R"({"path":7},"junk",{"path":")" +
        clip_.toUtf8() +
        R"(","bytes":12,"modifiedMs":1,"sha256":"0000000000000000000000000000000000000000000000000000000000000000","width":1280,"height":720,"frames":24}]})";
    QFile f(index);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(hostile);
    f.close();
    const ProxyIndex loaded = ProxyIndex::load(cache);
    // The first entry is refused (its hash is no hash); the last names the
    // clip with a size it does not have, so it is not trusted.
    QVERIFY(!loaded.find(clip_));
    Progress progress;
    const ProxyBuildResult r = makeProxy(cache, MediaRef::fromInfo(openMedia(clip_)->info()),
                                         ProxySize::Half, false, &progress);
    QVERIFY(r.made);
    QVERIFY(QFileInfo(r.file).absolutePath() == QFileInfo(proxyFolder(cache)).absoluteFilePath());
    QVERIFY(ProxyIndex::load(cache).find(clip_));
    // Not JSON at all: the same.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("\x00\xff not json", 11);
    f.close();
    QVERIFY(!ProxyIndex::load(cache).find(clip_));
}

void TestProxy::offlineMediaIsNamed() {
    QTemporaryDir here;
    const QString copy = here.filePath(QStringLiteral("gone.mp4"));
    QVERIFY(QFile::copy(clip_, copy));
    const QString project = here.filePath(QStringLiteral("o.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project, copy).isEmpty());
    QVERIFY(QFile::remove(copy));
    const Run r = cli({QStringLiteral("proxy"), project});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("gone.mp4: offline (")) && r.err.contains(copy) &&
                 r.err.contains(QLatin1String("relink it first")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestProxy)
#include "test_proxy.moc"
