// Editor window benchmarks; prints figures against the goals, never fails.
//
//   gui_bench [--quick]
//
// 1. Launch to interactive: a child process (this program with --launch)
//    starts, shows the window with a project and reports when the first frame
//    is on screen and the storyboard is filled; the parent times it from
//    process start. Demo-sized project and a generated 200-shot project.
//    Goals: 1.5 s and 3 s.
// 2. Playback of a 1080p H.264 clip through the OCIO display transform:
//    frames shown per second and frames dropped. Goal: 24 fps, no drops.
//    Peer: ffmpeg decoding the same clip (-f null), frames per second.
// 3. Scrub latency: playhead moved to unseen frames, time until the frame is
//    painted; median and 95th percentile. Goal: median under 50 ms.
//
// 4. Proxies (editor/proxy): a 1-minute 1080p long-GOP clip opened with
//    proxies on; while its proxy builds in the background (idle priority),
//    the clip plays in the viewer: frames shown per second, the longest gap
//    and the GUI thread's lateness (a 10 ms timer). Then the time the proxy
//    took (goal < 30 s) and random jumps with it against the original
//    (goal median < 25 ms).
//
// Runs on the display it is given (offscreen without one).
#include "common/imageconvert.h"
#include "document/document.h"
#include "jobs/jobqueue.h"
#include "jobs/proxyrefresh.h"
#include "mainwindow/mainwindow.h"
#include "mediaio/openmedia.h"
#include "storyboard/storyboardview.h"
#include "viewer/displaylut.h"
#include "viewer/framerenderer.h"
#include "viewer/viewercanvas.h"
#include "viewer/viewerwidget.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace retake;
using namespace retake::gui;

namespace {

bool makeClip(const QString& path, const QString& size, int seconds, bool fast = false) {
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                  QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("testsrc2=s=%1:r=24:d=%2").arg(size).arg(seconds),
                  // Sound, so that opening draws each shot's audio and waveform on A1.
                  QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("sine=f=440:r=48000:d=%1").arg(seconds), QStringLiteral("-c:v"),
                  QStringLiteral("libx264"), QStringLiteral("-preset"),
                  fast ? QStringLiteral("ultrafast") : QStringLiteral("medium"),
                  QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-g"),
                  QStringLiteral("24"), QStringLiteral("-c:a"), QStringLiteral("aac"), path});
    return ffmpeg.waitForFinished(600000) && ffmpeg.exitCode() == 0;
}

QString makeProject(const QString& dir, const QString& name, const QString& clip, int shots) {
    const MediaInfo info = openMedia(clip)->info();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".retake"));
    Document doc(Project::createEmpty(name, Rational(24), info.width, info.height), path);
    for (int i = 0; i < shots; ++i)
        doc.importMedia(info, QStringLiteral("Shot %1").arg(i + 1));
    doc.saveAs(path);
    return path;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t i = std::min(values.size() - 1, std::size_t(p * (values.size() - 1) + 0.5));
    return values[i];
}

// Child: open the project, print "interactive" once the first frame is shown
// and the storyboard has its cards, then quit.
int launchChild(const QString& project) {
    MainWindow window;
    window.show();
    QObject::connect(window.viewer(), &ViewerWidget::frameShown, &window, [&] {
        if (window.storyboard()->cardCount() == 0)
            return;
        window.viewer()->canvas()->repaint();
        std::printf("interactive\n");
        std::fflush(stdout);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    });
    if (!window.openProject(project))
        return 1;
    return QApplication::exec();
}

double timeLaunch(const QString& self, const QString& project) {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    child.start(self, {QStringLiteral("--launch"), project});
    while (child.waitForReadyRead(60000))
        if (child.readAll().contains("interactive"))
            break;
    const double seconds = clock.nsecsElapsed() * 1e-9;
    child.waitForFinished(30000);
    return seconds;
}

double ffmpegDecodeFps(const QString& clip, int frames) {
    QProcess ffmpeg;
    QElapsedTimer clock;
    clock.start();
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-threads"),
                  QStringLiteral("1"), QStringLiteral("-i"), clip, QStringLiteral("-f"),
                  QStringLiteral("null"), QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(600000) || ffmpeg.exitCode() != 0)
        return 0;
    return frames / (clock.nsecsElapsed() * 1e-9);
}

// Plays the clip from frame 0 (already on screen) to its end and counts the
// frames that reached the screen: a dropped frame is one never shown. The
// last frame is waited for after playback stops (it is requested by the
// tick that stops it). Also the longest time between two frames shown.
void playback(MainWindow& window, int frames) {
    ViewerWidget* viewer = window.viewer();
    EditorState* state = window.state();
    const auto showFrame = [&](FrameNumber f) {
        QEventLoop shown;
        const auto c =
            QObject::connect(viewer, &ViewerWidget::frameShown, &shown, [&](FrameNumber g) {
                if (g == f)
                    shown.quit();
            });
        QTimer::singleShot(5000, &shown, &QEventLoop::quit);
        state->setCurrentFrame(f);
        shown.exec();
        QObject::disconnect(c);
    };
    showFrame(5);
    showFrame(0);
    QSet<FrameNumber> seen{0};
    QElapsedTimer clock;
    double previousMs = 0, longestGapMs = 0;
    QEventLoop wait;
    bool stopped = false;
    const auto connection =
        QObject::connect(viewer, &ViewerWidget::frameShown, &wait, [&](FrameNumber f) {
            const double now = clock.nsecsElapsed() * 1e-6;
            if (!seen.contains(f)) {
                longestGapMs = std::max(longestGapMs, now - previousMs);
                previousMs = now;
            }
            seen.insert(f);
            if (stopped && f == frames - 1)
                wait.quit();
        });
    double seconds = 0;
    const auto stateConnection =
        QObject::connect(state, &EditorState::playingChanged, &wait, [&](bool playing) {
            if (playing)
                return;
            seconds = clock.nsecsElapsed() * 1e-9;
            stopped = true;
            if (seen.contains(frames - 1))
                wait.quit();
            else
                QTimer::singleShot(500, &wait, &QEventLoop::quit);
        });
    clock.start();
    state->play();
    wait.exec();
    QObject::disconnect(connection);
    QObject::disconnect(stateConnection);
    int shown = 0;
    for (FrameNumber f = 0; f < frames; ++f)
        shown += seen.contains(f) ? 1 : 0;
    const DisplaySettings& display = viewer->renderer()->display();
    const QString transform =
        display.display.isEmpty()
            ? QStringLiteral("no display transform")
            : QStringLiteral("\"%1 / %2\"").arg(display.display, display.view);
    // Frames 1 .. last were shown while playing; frame 0 before.
    std::printf("playback: %d frames in %.2f s, %s: %.1f fps shown, %d dropped, longest gap "
                "%.0f ms (goal 24 fps, 0 dropped)\n",
                frames, seconds, qPrintable(transform), (shown - 1) / seconds, frames - shown,
                longestGapMs);
}

// Where a frame's time goes, stage by stage, on this thread: the viewer's
// path (decoded and fitted to the canvas by swscale in one pass, made
// 32-bit, display transform through the baked LUT); beside it the earlier
// paths: full-size decode then scaling the RGB picture (box halvings +
// bilinear), and before that QImage's smooth scale and the full OCIO
// processor through float.
void stages(const QString& clip, QSize target, const DisplaySettings& display, int frames) {
    auto reader = openMedia(clip);
    auto fittingReader = openMedia(clip);
    fittingReader->setPreviewSize(target);
    const ColourPipeline pipeline = ColourPipeline::load(display.configPath);
    ColourGrade grade;
    grade.inputSpace = pipeline.inputSpaceFor(clip, reader->info().colour);
    grade.display = display.display;
    grade.view = display.view;
    const ColourProcessor processor = pipeline.processor(grade);
    QElapsedTimer clock;
    clock.start();
    const DisplayLut lut = DisplayLut::bake(processor);
    const double bakeMs = clock.nsecsElapsed() * 1e-6;
    double fittedDecode = 0, fittedConvert = 0;
    double decode = 0, scale = 0, baked = 0, oldScale = 0, full = 0, copy = 0;
    for (int i = 0; i < frames; ++i) {
        clock.start();
        const Image fittedImage = fittingReader->readFrame(i);
        fittedDecode += clock.nsecsElapsed() * 1e-6;
        clock.start();
        const QImage fittedPicture = toDisplayImage(fittedImage, target);
        fittedConvert += clock.nsecsElapsed() * 1e-6;
        clock.start();
        const Image image = reader->readFrame(i);
        decode += clock.nsecsElapsed() * 1e-6;
        clock.start();
        QImage picture = toDisplayImage(image, target);
        scale += clock.nsecsElapsed() * 1e-6;
        clock.start();
        lut.applyInPlace(picture);
        baked += clock.nsecsElapsed() * 1e-6;

        clock.start();
        const QImage wrapped(image.pixels.data(), image.width, image.height, image.width * 3,
                             QImage::Format_RGB888);
        const QImage scaled = wrapped.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                  .convertToFormat(QImage::Format_RGB888);
        Image fitted(scaled.width(), scaled.height(), 3, SampleType::UInt8);
        for (int y = 0; y < fitted.height; ++y)
            std::copy_n(scaled.constScanLine(y), fitted.width * 3,
                        fitted.pixels.data() + std::size_t(y) * fitted.width * 3);
        oldScale += clock.nsecsElapsed() * 1e-6;
        clock.start();
        const Image transformed = processor.apply(fitted, SampleType::UInt8);
        full += clock.nsecsElapsed() * 1e-6;
        clock.start();
        const QImage old = toQImage(transformed);
        copy += clock.nsecsElapsed() * 1e-6;
    }
    std::printf("per frame (%d frames of %dx%d, shown at most %dx%d): viewer: decode fitted by "
                "swscale %.1f ms, to RGB32 %.1f ms, baked LUT %.1f ms (baked once in %.1f ms%s); "
                "session 3: decode %.1f ms, scale to RGB32 %.1f ms; session 2: RGB888 scale "
                "%.1f ms, OCIO processor %.1f ms, QImage copy %.1f ms\n",
                frames, reader->info().width, reader->info().height, target.width(),
                target.height(), fittedDecode / frames, fittedConvert / frames, baked / frames,
                bakeMs, lut.isIdentity() ? ", an identity: skipped" : "", decode / frames,
                scale / frames, oldScale / frames, full / frames, copy / frames);
    std::printf("  viewer path %.1f ms vs session 3's %.1f ms: %.2fx\n",
                (fittedDecode + fittedConvert) / frames, (decode + scale) / frames,
                (decode + scale) / std::max(1e-9, fittedDecode + fittedConvert));
}

// `order`: the frames the playhead is moved to, one after the other.
void scrub(MainWindow& window, const QList<FrameNumber>& order, int samples, const char* label) {
    ViewerWidget* viewer = window.viewer();
    std::vector<double> latencies;
    for (int i = 0; i < samples && i < order.size(); ++i) {
        QEventLoop wait;
        QElapsedTimer clock;
        const FrameNumber target = order[i];
        const auto connection =
            QObject::connect(viewer, &ViewerWidget::frameShown, &wait, [&](FrameNumber f) {
                if (f != target)
                    return;
                viewer->canvas()->repaint(); // on screen, not just scheduled
                latencies.push_back(clock.nsecsElapsed() * 1e-6);
                wait.quit();
            });
        clock.start();
        window.state()->setCurrentFrame(target);
        if (viewer->shownFrame() != target)
            wait.exec();
        QObject::disconnect(connection);
    }
    std::printf("scrub, %s: %zu moves: median %.1f ms, p95 %.1f ms, max %.1f ms "
                "(goal median < 50 ms)\n",
                label, latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.95),
                percentile(latencies, 1.0));
}

// Section 4 (see the top).
void proxies(MainWindow& window, const QString& dir, bool quick) {
    const int seconds = quick ? 20 : 60;
    const QString minute = QDir(dir).filePath(QStringLiteral("minute.mp4"));
    if (!makeClip(minute, QStringLiteral("1920x1080"), seconds, true))
        return;
    const QString project = makeProject(dir, QStringLiteral("minute"), minute, 1);
    if (!window.openProject(project))
        return;
    const int frames = seconds * 24;
    QList<FrameNumber> jumps;
    for (FrameNumber f = 0; f < frames; ++f)
        jumps << f;
    std::shuffle(jumps.begin(), jumps.end(), *QRandomGenerator::global());
    scrub(window, jumps, quick ? 30 : 60, "random jumps, 1-minute 1080p g24, originals");

    // Proxies on: the refresher starts the job.
    JobQueue* queue = window.jobQueue();
    window.proxyRefresher()->setSize(ProxySize::Half);
    int job = 0;
    for (const JobStatus& status : queue->jobs())
        if (status.kind == JobKind::Proxy && !status.isFinished())
            job = status.id;
    if (!job) {
        std::printf("proxies: no proxy job started\n");
        return;
    }
    // Play (looping) while it builds; the GUI thread's lateness from a 10 ms timer.
    ViewerWidget* viewer = window.viewer();
    EditorState* state = window.state();
    std::vector<double> gaps, lateness;
    QElapsedTimer clock, tick;
    double previous = 0;
    int shown = 0;
    QEventLoop wait;
    const auto shownConnection =
        QObject::connect(viewer, &ViewerWidget::frameShown, &wait, [&](FrameNumber) {
            const double now = clock.nsecsElapsed() * 1e-6;
            if (shown++ > 0)
                gaps.push_back(now - previous);
            previous = now;
        });
    const auto loop = QObject::connect(state, &EditorState::playingChanged, &wait, [&](bool on) {
        if (!on && !queue->status(job).isFinished()) {
            state->setCurrentFrame(0);
            state->play();
        }
    });
    QTimer timer;
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, &wait, [&] {
        lateness.push_back(std::max(0.0, tick.nsecsElapsed() * 1e-6 - 10.0));
        tick.start();
        if (queue->status(job).isFinished())
            wait.quit();
    });
    clock.start();
    tick.start();
    timer.start();
    state->setCurrentFrame(0);
    state->play();
    wait.exec();
    timer.stop();
    state->pause();
    QObject::disconnect(shownConnection);
    QObject::disconnect(loop);
    const JobStatus done = queue->status(job);
    const double buildSeconds = done.elapsedMs / 1000.0;
    std::printf("proxy of a %d s 1080p clip (half, %d frames) in the background: %s in %.1f s "
                "(%.0f fps; goal < 30 s for a minute)\n",
                seconds, frames,
                done.state == JobState::Succeeded ? "made" : qPrintable(done.error), buildSeconds,
                frames / std::max(1e-9, buildSeconds));
    std::printf("  meanwhile playback: %.1f fps shown, frame gap median %.0f ms, p95 %.0f ms, "
                "longest %.0f ms; GUI thread late by median %.1f ms, p95 %.1f ms, max %.0f ms\n",
                shown / std::max(1e-9, clock.nsecsElapsed() * 1e-9), percentile(gaps, 0.5),
                percentile(gaps, 0.95), percentile(gaps, 1.0), percentile(lateness, 0.5),
                percentile(lateness, 0.95), percentile(lateness, 1.0));
    QElapsedTimer settle;
    settle.start();
    while (window.proxyRefresher()->proxies().isEmpty() && settle.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    std::shuffle(jumps.begin(), jumps.end(), *QRandomGenerator::global());
    scrub(window, jumps, quick ? 30 : 60, "random jumps, 1-minute 1080p g24, half proxy");
}

} // namespace

int main(int argc, char** argv) {
    // A real display when there is one (xvfb-run in run_all.sh), else offscreen.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && !qEnvironmentVariableIsSet("DISPLAY") &&
        !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RetakeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("RetakeGuiBench"));
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == QLatin1String("--launch"))
        return launchChild(args[2]);
    const bool quick = args.contains(QStringLiteral("--quick"));
    QSettings().clear(); // default display transform, cache size
    // Sections 2 and 3 read the originals; section 4 turns proxies on.
    QSettings().setValue(QStringLiteral("proxies/size"), QStringLiteral("off"));

    QTemporaryDir dir;
    const QString small = dir.filePath(QStringLiteral("small.mp4"));
    const QString hd = dir.filePath(QStringLiteral("hd.mp4"));
    const int hdSeconds = quick ? 4 : 10;
    if (!makeClip(small, QStringLiteral("432x240"), 1) ||
        !makeClip(hd, QStringLiteral("1920x1080"), hdSeconds)) {
        std::printf("gui_bench: the ffmpeg command line tool is needed\n");
        return 0;
    }
    std::printf("Editor window benchmarks (QPA %s, %d threads)\n",
                qPrintable(QGuiApplication::platformName()), QThread::idealThreadCount());

    const QString demo = makeProject(dir.path(), QStringLiteral("demo"), small, 3);
    const QString big = makeProject(dir.path(), QStringLiteral("shots200"), small, 200);
    const QString self = QCoreApplication::applicationFilePath();
    const int runs = quick ? 1 : 3;
    for (const auto& [project, label, goal] :
         {std::tuple{demo, "3-shot project", 1.5}, std::tuple{big, "200-shot project", 3.0}}) {
        std::vector<double> times;
        for (int i = 0; i < runs; ++i)
            times.push_back(timeLaunch(self, project));
        std::printf("launch to interactive, %s: median %.2f s of %d (goal %.1f s)\n", label,
                    percentile(times, 0.5), runs, goal);
    }

    const QString hdProject = makeProject(dir.path(), QStringLiteral("hd"), hd, 1);
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (!window.openProject(hdProject))
        return 0;
    const int frames = hdSeconds * 24;
    // Cache off: every frame is decoded and transformed, as on first playback.
    window.viewer()->renderer()->setCacheSizeMB(0);
    // Without colour management first: what decoding alone allows.
    const DisplaySettings display = window.viewer()->renderer()->display();
    window.viewer()->applyDisplay(DisplaySettings());
    playback(window, frames);
    window.viewer()->applyDisplay(display);
    playback(window, frames);
    stages(hd, window.viewer()->renderer()->targetSize(), display, quick ? 24 : 48);
    const double ffmpegFps = ffmpegDecodeFps(hd, frames);
    std::printf("peer: ffmpeg decodes the clip at %.1f fps (one thread)\n", ffmpegFps);
    // Dragging the playhead: forward in steps of two frames.
    QList<FrameNumber> drag;
    for (FrameNumber f = 1; f < frames; f += 2)
        drag << f;
    scrub(window, drag, quick ? 30 : 100, "dragging forward 2 frames a step");
    // Jumps to random frames not seen yet (the cache is off; long-GOP H.264
    // decodes from the previous keyframe, 24 frames apart here).
    QList<FrameNumber> jumps;
    for (FrameNumber f = 0; f < frames; ++f)
        jumps << f;
    std::shuffle(jumps.begin(), jumps.end(), *QRandomGenerator::global());
    scrub(window, jumps, quick ? 30 : 100, "random jumps");
    proxies(window, dir.path(), quick);
    return 0;
}
