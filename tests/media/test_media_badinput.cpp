// Bad input: every failure is Error(BadInput) with one line naming the file.

#include "core/error.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "mediatestutil.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace retake;
using namespace retake::test;

namespace {

// Opens `path` expecting BadInput; returns the message ("" after a failure).
QString badInputMessage(const QString& path) {
    try {
        openMedia(path);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::BadInput)
            return QStringLiteral("wrong kind %1: %2").arg(int(e.kind())).arg(e.message());
        return e.message();
    }
    return QStringLiteral("opened without an error");
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), qint64(bytes.size()));
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

#define EXPECT_BAD_INPUT(path, fragment)                                                           \
    do {                                                                                           \
        const QString message_ = badInputMessage(path);                                            \
        QVERIFY2(message_.startsWith(path + QStringLiteral(": ")) &&                               \
                     message_.contains(fragment) && !message_.contains('\n'),                      \
                 qPrintable(message_));                                                            \
    } while (false)

class BadInputTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (!haveTool(QStringLiteral("ffmpeg")))
            QSKIP("the ffmpeg tool is not installed");
        QVERIFY(dir_.isValid());
        valid_ = dir_.filePath("valid.mp4");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=4", "-c:v", "libx264",
                      "-preset", "veryfast", "-bf", "3", "-g", "24", valid_);
        faststart_ = dir_.filePath("faststart.mp4");
        RETAKE_FFMPEG("-i", valid_, "-c", "copy", "-movflags", "+faststart", faststart_);
    }

    void missingFile() { EXPECT_BAD_INPUT(dir_.filePath("nope.mov"), "does not exist"); }

    void directory() {
        QDir(dir_.path()).mkdir("folder.mov");
        EXPECT_BAD_INPUT(dir_.filePath("folder.mov"), "is a directory");
    }

    void emptyFile() {
        for (const QString name : {"empty.mp4", "empty.png", "empty.exr"}) {
            writeFile(dir_.filePath(name), {});
            EXPECT_BAD_INPUT(dir_.filePath(name), "empty");
        }
    }

    void randomBytes() {
        QRandomGenerator rng(99);
        QByteArray noise(200000, '\0');
        for (char& c : noise)
            c = char(rng.generate());
        for (const QString name : {"noise.mp4", "noise.mov", "noise", "noise.png", "noise.exr"}) {
            writeFile(dir_.filePath(name), noise);
            EXPECT_BAD_INPUT(dir_.filePath(name), "");
        }
    }

    void truncatedWithIndexAtEnd() {
        // ffmpeg writes the index (moov) last: the first half has none.
        const QByteArray bytes = readFile(valid_);
        const QString path = dir_.filePath("half.mp4");
        writeFile(path, bytes.left(bytes.size() / 2));
        EXPECT_BAD_INPUT(path, "");
    }

    void truncatedWithIndexFirst() {
        // The index promises frames the file no longer has. Retake opens
        // what is there, says so, and never hands out a wrong frame.
        std::vector<Image> original;
        auto intact = openMedia(faststart_);
        for (FrameNumber n = 0; n < intact->info().frameCount; ++n)
            original.push_back(intact->readFrame(n));

        const QByteArray bytes = readFile(faststart_);
        const QString path = dir_.filePath("halfindexed.mp4");
        writeFile(path, bytes.left(bytes.size() / 2));
        const std::unique_ptr<MediaReader> reader = openMedia(path);
        const MediaInfo& info = reader->info();
        QVERIFY(info.frameCount > 0);
        QVERIFY(info.frameCount < FrameNumber(original.size()));
        QVERIFY2(!info.warnings.filter("truncated").isEmpty(),
                 qPrintable(info.warnings.join('\n')));
        int decoded = 0;
        for (FrameNumber n = info.frameCount - 1; n >= 0; --n) {
            try {
                const Image image = reader->readFrame(n);
                QVERIFY2(samePixels(image, original[std::size_t(n)]),
                         qPrintable(QStringLiteral("frame %1 is not the original frame").arg(n)));
                ++decoded;
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::BadInput);
                QVERIFY(e.message().startsWith(path));
            }
        }
        QVERIFY(decoded > 0);
    }

    void damagedInTheMiddle() {
        std::vector<Image> original;
        auto intact = openMedia(faststart_);
        for (FrameNumber n = 0; n < intact->info().frameCount; ++n)
            original.push_back(intact->readFrame(n));

        QByteArray bytes = readFile(faststart_);
        QRandomGenerator rng(5);
        const int at = int(bytes.size() * 0.6);
        for (int i = 0; i < 3000; ++i)
            bytes[at + i] = char(rng.generate());
        const QString path = dir_.filePath("damaged.mp4");
        writeFile(path, bytes);
        auto reader = openMedia(path);
        QCOMPARE(reader->info().frameCount, FrameNumber(original.size()));
        int failed = 0;
        for (FrameNumber n = 0; n < reader->info().frameCount; ++n) {
            try {
                const Image image = reader->readFrame(n);
                QVERIFY2(samePixels(image, original[std::size_t(n)]),
                         qPrintable(QStringLiteral("frame %1 came back damaged instead of "
                                                   "throwing")
                                        .arg(n)));
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::BadInput);
                ++failed;
            }
        }
        QVERIFY(failed > 0);
    }

    void unsupportedCodec() {
        // A stream whose codec this FFmpeg cannot decode: the sample entry's
        // fourcc renamed to one nobody knows.
        QByteArray bytes = readFile(valid_);
        QVERIFY(bytes.contains("avc1"));
        bytes.replace("avc1", "rtk9");
        const QString path = dir_.filePath("unknown.mp4");
        writeFile(path, bytes);
        EXPECT_BAD_INPUT(path, "unsupported");
    }

    void noVideoStream() {
        const QString path = dir_.filePath("audio.m4a");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", path);
        EXPECT_BAD_INPUT(path, "no video stream");
    }

    void sequenceWithGap() {
        const QString dir = dir_.filePath("gap");
        QDir().mkpath(dir);
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=32x18:r=25", "-frames:v", "6",
                      dir + "/f_%03d.png");
        QVERIFY(QFile::remove(dir + "/f_004.png"));
        const QString message = badInputMessage(dir + "/f_001.png");
        QVERIFY2(message.startsWith(QDir(dir).filePath("f_%03d.png") + ": ") &&
                     message.contains("gap") && message.contains("missing 4 "),
                 qPrintable(message));
    }

    void truncatedImage() {
        const QString good = dir_.filePath("good.png");
        RETAKE_FFMPEG("-f", "lavfi", "-i", "testsrc2=s=320x180", "-frames:v", "1", good);
        const QByteArray bytes = readFile(good);
        const QString path = dir_.filePath("cut.png");
        writeFile(path, bytes.left(bytes.size() / 2));
        EXPECT_BAD_INPUT(path, "");
        const QString exr = dir_.filePath("cut.exr");
        writeFile(exr, QByteArray("\x76\x2f\x31\x01\x02\x00\x00\x00", 8) + QByteArray(100, 'x'));
        EXPECT_BAD_INPUT(exr, "EXR");
    }

private:
    QTemporaryDir dir_;
    QString valid_;
    QString faststart_;
};

QTEST_GUILESS_MAIN(BadInputTest)
#include "test_media_badinput.moc"
