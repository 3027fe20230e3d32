// The viewer's frame pipeline: the display transform baked into a LUT
// against the full OCIO processor, the read-ahead during playback (the right
// frames, in order, after a seek too), and the cache's size bound.
#include "common/imageconvert.h"
#include "document/document.h"
#include "mediaio/openmedia.h"
#include "testclip.h"
#include "viewer/displaylut.h"
#include "viewer/framerenderer.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace retake;
using namespace retake::gui;

class TestViewerPipeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void bakedLutMatchesProcessor_data();
    void bakedLutMatchesProcessor();
    void identityTransformBakesToIdentity();
    void lutAppliesToViewerFormatsOnly();
    void displayImageIsScaledRgb32();
    void readAheadDecodesTheFramesAfterThePlayhead();
    void readAheadFollowsASeek();
    void cacheStaysWithinItsSize();

private:
    ColourProcessor processorFor(const QString& display, const QString& view) const;
    // Renders `frame` without reading ahead or cache: the reference picture.
    QImage reference(FrameNumber frame);
    RenderedFrame waitFor(FrameRenderer& renderer, QSignalSpy& spy, FrameNumber frame);

    QTemporaryDir dir_;
    Project project_;
};

void TestViewerPipeline::initTestCase() {
    QVERIFY(dir_.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
        QSKIP("the ffmpeg command line tool is needed to make the test clip");
    const QString clip = dir_.filePath(QStringLiteral("clip.mp4"));
    // Every frame differs (testsrc2 moves), keyframes 12 apart.
    const QString made =
        retake::testing::makeH264Clip(clip, QStringLiteral("testsrc2=s=320x180:r=24:d=3"),
                                      {QStringLiteral("-g"), QStringLiteral("12")});
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const MediaInfo info = openMedia(clip)->info();
    QCOMPARE(info.frameCount, FrameNumber(72));
    Document doc(Project::createEmpty(QStringLiteral("Pipeline"), Rational(24), 320, 180),
                 dir_.filePath(QStringLiteral("p.retake")));
    doc.importMedia(info, QStringLiteral("Clip"));
    project_ = doc.project();
    QCOMPARE(project_.duration(), FrameNumber(72));
}

ColourProcessor TestViewerPipeline::processorFor(const QString& display,
                                                 const QString& view) const {
    const ColourPipeline pipeline = ColourPipeline::bundled();
    ColourGrade grade;
    grade.inputSpace = pipeline.inputSpaceFor(QStringLiteral("clip.mp4"), ColourTags());
    grade.display = display;
    grade.view = view;
    return pipeline.processor(grade);
}

void TestViewerPipeline::bakedLutMatchesProcessor_data() {
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("view");
    QTest::addColumn<bool>("exact"); // within DisplayLut::kToleranceCodes
    QTest::newRow("sRGB, ACES SDR")
        << QStringLiteral("sRGB - Display") << QStringLiteral("ACES 1.0 - SDR Video") << false;
    QTest::newRow("Rec.1886, ACES SDR") << QStringLiteral("Rec.1886 Rec.709 - Display")
                                        << QStringLiteral("ACES 1.0 - SDR Video") << false;
    QTest::newRow("Rec.1886, un-tone-mapped")
        << QStringLiteral("Rec.1886 Rec.709 - Display") << QStringLiteral("Un-tone-mapped") << true;
}

void TestViewerPipeline::bakedLutMatchesProcessor() {
    QFETCH(QString, display);
    QFETCH(QString, view);
    QFETCH(bool, exact);
    const ColourProcessor processor = processorFor(display, view);
    const DisplayLut lut = DisplayLut::bake(processor);
    // A real transform: the tone curve moves mid grey by many code values.
    QVERIFY(!lut.isIdentity());
    QCOMPARE(lut.size(), int(DisplayLut::defaultNodes().size()));
    Image grey(1, 1, 3, SampleType::UInt8);
    grey.pixels = {128, 128, 128};
    const Image mapped = processor.apply(grey, SampleType::UInt8);
    QVERIFY(std::abs(int(mapped.pixels[0]) - 128) > 3);
    const auto viaLut = lut.map(128, 128, 128);
    QVERIFY(std::abs(int(viaLut[0]) - int(mapped.pixels[0])) <= 2);
    // Every 3rd code per axis (86^3 colours, mostly between lattice nodes).
    // Measured: Rec.1886 un-tone-mapped 0 codes (a uniform 65^3 lattice: 2);
    // the ACES output transforms 4 (sRGB) and 12 (Rec.1886) codes (uniform
    // 65^3: 6 and 13), so the viewer applies those through the processor.
    const int error = lut.maxErrorAgainst(processor, 3);
    const int uniform = DisplayLut::bake(processor, 65).maxErrorAgainst(processor, 3);
    qInfo("%s / %s: baked LUT within %d code value(s) of the processor (uniform 65^3: %d)",
          qPrintable(display), qPrintable(view), error, uniform);
    QCOMPARE(error <= DisplayLut::kToleranceCodes, exact);
    QCOMPARE(DisplayLut::bakeIfExact(processor).has_value(), exact);
    // A coarse lattice is measurably worse: the measure can fail.
    QVERIFY(DisplayLut::bake(processor, 5).maxErrorAgainst(processor, 3) > error);
}

void TestViewerPipeline::identityTransformBakesToIdentity() {
    // sRGB footage on the sRGB display, un-tone-mapped: shown as stored.
    const DisplayLut lut = DisplayLut::bake(
        processorFor(QStringLiteral("sRGB - Display"), QStringLiteral("Un-tone-mapped")));
    QVERIFY(lut.isIdentity());
    const auto same = lut.map(10, 200, 77);
    QCOMPARE(int(same[0]), 10);
    QCOMPARE(int(same[1]), 200);
    QCOMPARE(int(same[2]), 77);
    QVERIFY(DisplayLut::bake(ColourProcessor()).isIdentity());
}

void TestViewerPipeline::lutAppliesToViewerFormatsOnly() {
    const DisplayLut lut = DisplayLut::bake(
        processorFor(QStringLiteral("sRGB - Display"), QStringLiteral("ACES 1.0 - SDR Video")));
    QImage rgb32(2, 1, QImage::Format_RGB32);
    rgb32.setPixel(0, 0, qRgb(30, 128, 250));
    rgb32.setPixel(1, 0, qRgb(255, 0, 0));
    QImage rgba(rgb32.convertToFormat(QImage::Format_RGBA8888));
    rgba.setPixelColor(1, 0, QColor(255, 0, 0, 40));
    QVERIFY(lut.applyInPlace(rgb32));
    QVERIFY(lut.applyInPlace(rgba));
    const auto expected = lut.map(30, 128, 250);
    for (const QImage& picture : {rgb32, rgba}) {
        const QColor c = picture.pixelColor(0, 0);
        QCOMPARE(c.red(), int(expected[0]));
        QCOMPARE(c.green(), int(expected[1]));
        QCOMPARE(c.blue(), int(expected[2]));
    }
    QCOMPARE(rgba.pixelColor(1, 0).alpha(), 40); // alpha passes through
    QImage grey(2, 2, QImage::Format_Grayscale8);
    QVERIFY(!lut.applyInPlace(grey));
    Image floats(2, 2, 3, SampleType::Float32);
    QVERIFY(!lut.applyInPlace(floats));
}

void TestViewerPipeline::displayImageIsScaledRgb32() {
    Image image(400, 200, 3, SampleType::UInt8);
    for (std::size_t i = 0; i < image.pixels.size(); i += 3) {
        image.pixels[i] = 200;
        image.pixels[i + 1] = 100;
        image.pixels[i + 2] = 50;
    }
    const QImage fitted = toDisplayImage(image, QSize(256, 256));
    QCOMPARE(fitted.format(), QImage::Format_RGB32);
    QCOMPARE(fitted.size(), QSize(256, 128));
    QCOMPARE(fitted.pixel(100, 60), qRgb(200, 100, 50));
    const Image back = toImage(fitted);
    QCOMPARE(back.width, 256);
    QCOMPARE(back.channels, 3);
    QCOMPARE(int(back.pixels[(60 * 256 + 100) * 3 + 1]), 100);
    const QImage full = toDisplayImage(image, QSize());
    QCOMPARE(full.size(), QSize(400, 200));
    QVERIFY(toDisplayImage(Image(4, 4, 3, SampleType::Float32), QSize()).isNull());
    // Twice the target or more: 2x2 blocks averaged (rounded), so black and
    // white columns become grey 128.
    Image stripes(8, 4, 3, SampleType::UInt8);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 8; ++x)
            for (int c = 0; c < 3; ++c)
                stripes.pixels[std::size_t((y * 8 + x) * 3 + c)] = x % 2 ? 255 : 0;
    const QImage halved = toDisplayImage(stripes, QSize(4, 4));
    QCOMPARE(halved.size(), QSize(4, 2));
    for (int x = 0; x < 4; ++x)
        QCOMPARE(halved.pixel(x, 1), qRgb(128, 128, 128));
}

RenderedFrame TestViewerPipeline::waitFor(FrameRenderer& renderer, QSignalSpy& spy,
                                          FrameNumber frame) {
    Q_UNUSED(renderer);
    for (int i = 0; i < 400; ++i) {
        for (const QList<QVariant>& args : std::as_const(spy)) {
            const auto shown = args.at(0).value<RenderedFrame>();
            if (shown.frame == frame)
                return shown;
        }
        spy.wait(50);
    }
    return {};
}

QImage TestViewerPipeline::reference(FrameNumber frame) {
    FrameRenderer renderer;
    renderer.setCacheSizeMB(0);
    renderer.setProject(project_);
    QSignalSpy spy(&renderer, &FrameRenderer::frameReady);
    renderer.request(frame);
    return waitFor(renderer, spy, frame).picture;
}

void TestViewerPipeline::readAheadDecodesTheFramesAfterThePlayhead() {
    FrameRenderer renderer;
    renderer.setCacheSizeMB(0); // the read-ahead works without the cache
    renderer.setProject(project_);
    QSignalSpy spy(&renderer, &FrameRenderer::frameReady);
    renderer.setReadAhead(true);
    renderer.request(10);
    QCOMPARE(waitFor(renderer, spy, 10).frame, FrameNumber(10));
    QList<FrameNumber> expected;
    for (FrameNumber f = 11; f <= 10 + FrameRenderer::kReadAheadFrames; ++f)
        expected << f;
    QTRY_COMPARE_WITH_TIMEOUT(renderer.readAheadFrames(), expected, 20000);
    QVERIFY(!renderer.isBusy()); // stops at the bound
    // The next frames are handed out at once, and they are the right pictures.
    spy.clear();
    renderer.request(11);
    QCOMPARE(spy.size(), 1);
    const auto eleven = spy.at(0).at(0).value<RenderedFrame>();
    QCOMPARE(eleven.frame, FrameNumber(11));
    QCOMPARE(eleven.picture, reference(11));
    renderer.request(13); // 12 dropped: the playhead passed it
    QCOMPARE(spy.size(), 2);
    const auto thirteen = spy.at(1).at(0).value<RenderedFrame>();
    QCOMPARE(thirteen.picture, reference(13));
    QVERIFY(!renderer.readAheadFrames().contains(12));
    QCOMPARE(renderer.readAheadFrames().value(0), FrameNumber(14));
    // Near the end it stops at the last frame of the timeline.
    renderer.request(68);
    QCOMPARE(waitFor(renderer, spy, 68).frame, FrameNumber(68));
    QTRY_COMPARE_WITH_TIMEOUT(renderer.readAheadFrames(), (QList<FrameNumber>{69, 70, 71}), 20000);
    // Stopped playback: nothing is read ahead.
    renderer.setReadAhead(false);
    QVERIFY(renderer.readAheadFrames().isEmpty());
}

void TestViewerPipeline::readAheadFollowsASeek() {
    FrameRenderer renderer;
    renderer.setCacheSizeMB(0);
    renderer.setProject(project_);
    QSignalSpy spy(&renderer, &FrameRenderer::frameReady);
    renderer.setReadAhead(true);
    renderer.request(2);
    QTRY_COMPARE_WITH_TIMEOUT(renderer.readAheadFrames().size(), FrameRenderer::kReadAheadFrames,
                              20000);
    // A jump back (past a keyframe) and one forward: the frames after the
    // new position, none of the old ones, each the right picture.
    for (const FrameNumber seek : {FrameNumber(40), FrameNumber(25)}) {
        spy.clear();
        renderer.request(seek);
        QCOMPARE(waitFor(renderer, spy, seek).picture, reference(seek));
        QTRY_COMPARE_WITH_TIMEOUT(renderer.readAheadFrames().size(),
                                  FrameRenderer::kReadAheadFrames, 20000);
        QCOMPARE(renderer.readAheadFrames().first(), seek + 1);
        QCOMPARE(renderer.readAheadFrames().last(), seek + FrameRenderer::kReadAheadFrames);
        spy.clear();
        renderer.request(seek + 5);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<RenderedFrame>().picture, reference(seek + 5));
    }
}

void TestViewerPipeline::cacheStaysWithinItsSize() {
    FrameRenderer renderer;
    renderer.setProject(project_);
    // 320x180 RGB32 = 225 KB a frame: one megabyte holds four.
    renderer.setCacheSizeMB(1);
    QSignalSpy spy(&renderer, &FrameRenderer::frameReady);
    for (FrameNumber f = 0; f < 8; ++f) {
        renderer.request(f);
        QCOMPARE(waitFor(renderer, spy, f).frame, f);
        QVERIFY(renderer.cachedKB() <= 1024);
    }
    QCOMPARE(renderer.cachedFrameCount(), 4);
    // The newest frames stay: asking again answers at once from the cache.
    spy.clear();
    renderer.request(7);
    QCOMPARE(spy.size(), 1);
    spy.clear();
    renderer.request(0); // evicted: decoded again
    QCOMPARE(spy.size(), 0);
    QCOMPARE(waitFor(renderer, spy, 0).frame, FrameNumber(0));
    renderer.setCacheSizeMB(0);
    QCOMPARE(renderer.cachedFrameCount(), 0);
}

QTEST_MAIN(TestViewerPipeline)
#include "test_viewerpipeline.moc"
