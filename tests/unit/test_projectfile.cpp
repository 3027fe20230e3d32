#include "core/error.h"
#include "projectfile/projectfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace retake;

namespace {

Project sampleProject(const QString& dir) {
    Project p = Project::createEmpty(QStringLiteral("Sample"), Rational(24000, 1001), 1280, 720);
    p.settingsFromFirstMedia = false;
    MediaRef m;
    m.id = newId();
    m.path = QDir(dir).filePath(QStringLiteral("media/clip.mov"));
    m.width = 1280;
    m.height = 720;
    m.frameRate = Rational(24000, 1001);
    m.frameCount = 240;
    m.colour.primaries = QStringLiteral("bt709");
    m.audioSampleRate = 48000;
    m.audioChannels = 2;
    p.media.push_back(m);
    Shot s;
    s.id = newId();
    s.name = QStringLiteral("Dolly in — take 2"); // non-ASCII survives
    s.mediaId = m.id;
    s.source = {12, 200};
    s.locks.add({12, 40});
    s.locks.add({100, 120});
    MaskRef mask{
        newId(), QDir(dir).filePath(QStringLiteral("masks/m_0001.png")), {40, 100}, false, {}};
    s.masks.push_back(mask);
    Take t;
    t.id = newId();
    t.engine = QStringLiteral("propagate");
    t.parameters.insert(QStringLiteral("dilate"), QStringLiteral("4"));
    t.seed = 1234567890123LL;
    t.prompt = QStringLiteral("remove the boom mic");
    t.range = {40, 100};
    t.maskId = mask.id;
    t.created =
        QDateTime::fromString(QStringLiteral("2026-11-22T10:11:12.345Z"), Qt::ISODateWithMs);
    t.framesPath = QDir(dir).filePath(QStringLiteral("Sample.retake-cache/takes/t/f_0000.png"));
    s.takes.push_back(t);
    s.activeTakes.push_back({{40, 100}, t.id});
    s.camera.focalLengthMm = 32.5;
    s.prompt = QStringLiteral("dusk");
    p.shots.push_back(s);
    p.tracks[0].shots.push_back(s.id);
    AudioClip clip{newId(), m.id, Rational(1, 2), Rational(1001, 240), 24, -6.0, QString()};
    p.tracks[1].clips.push_back(clip);
    return p;
}

QString write(const QString& path, const QByteArray& data) {
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(data);
    return path;
}

void expectBadInput(const QString& path, const QStringList& fragments) {
    try {
        loadProjectFile(path);
        QFAIL("should have failed");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::BadInput));
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        for (const auto& f : fragments)
            QVERIFY2(e.message().contains(f),
                     qPrintable(QStringLiteral("'%1' lacks '%2'").arg(e.message(), f)));
    }
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsEverything() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Sample.retake"));
        Project p = sampleProject(dir.path());
        QVERIFY(p.consistencyProblems().isEmpty());
        saveProjectFile(p, path);
        Project loaded = loadProjectFile(path);
        QVERIFY(!loaded.media[0].online); // the file does not exist
        loaded.media[0].online = true;
        QVERIFY(loaded == p);
        QCOMPARE(loaded.frameRate, Rational(24000, 1001));
    }

    void pathsAreStoredRelative() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Sample.retake"));
        saveProjectFile(sampleProject(dir.path()), path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("retake-project"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), kProjectFormatVersion);
        QCOMPARE(root.value(QStringLiteral("frameRate")).toString(), QStringLiteral("24000/1001"));
        QCOMPARE(root.value(QStringLiteral("media"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("path"))
                     .toString(),
                 QStringLiteral("media/clip.mov"));
        // Moving the whole folder keeps the project working.
        QTemporaryDir other;
        const QString moved = other.filePath(QStringLiteral("Moved.retake"));
        QVERIFY(QFile::copy(path, moved));
        QCOMPARE(loadProjectFile(moved).media[0].path,
                 QDir(other.path()).filePath(QStringLiteral("media/clip.mov")));
    }

    void malformedJsonNamesLineAndColumn() {
        QTemporaryDir dir;
        const QString path = write(dir.filePath(QStringLiteral("bad.retake")),
                                   "{\n  \"format\": \"retake-project\",\n  \"version\": 1,,\n}");
        expectBadInput(path, {QStringLiteral("line 3"), QStringLiteral("column")});
    }

    void notAProject() {
        QTemporaryDir dir;
        expectBadInput(write(dir.filePath(QStringLiteral("a.retake")), "hello"),
                       {QStringLiteral("JSON")});
        expectBadInput(write(dir.filePath(QStringLiteral("b.retake")), "[1,2]"),
                       {QStringLiteral("not a Retake project")});
        expectBadInput(write(dir.filePath(QStringLiteral("c.retake")), "{\"format\":\"otio\"}"),
                       {QStringLiteral("otio")});
        expectBadInput(write(dir.filePath(QStringLiteral("d.retake")), ""),
                       {QStringLiteral("empty")});
        expectBadInput(dir.path(), {QStringLiteral("directory")});
        expectBadInput(dir.filePath(QStringLiteral("missing.retake")),
                       {QStringLiteral("no such file")});
    }

    void newerVersionIsRefusedWithItsWriter() {
        QTemporaryDir dir;
        const QString path =
            write(dir.filePath(QStringLiteral("new.retake")),
                  "{\"format\":\"retake-project\",\"version\":7,\"writer\":\"Retake 9.1.0\"}");
        expectBadInput(path, {QStringLiteral("Retake 9.1.0"), QStringLiteral("version 7"),
                              QStringLiteral("newer Retake")});
    }

    void wrongFieldIsNamed() {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.retake"));
        saveProjectFile(sampleProject(dir.path()), good);
        QFile f(good);
        f.open(QIODevice::ReadOnly);
        QByteArray data = f.readAll();
        data.replace("\"frameRate\": \"24000/1001\",\n    \"height\": 720",
                     "\"frameRate\": \"fast\",\n    \"height\": 720");
        QVERIFY(data.contains("\"fast\""));
        expectBadInput(write(dir.filePath(QStringLiteral("field.retake")), data),
                       {QStringLiteral("frameRate"), QStringLiteral("fast")});
    }

    void failedSaveKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.retake"));
        Project p = sampleProject(dir.path());
        saveProjectFile(p, path);
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        const QByteArray before = f.readAll();
        f.close();
        // A parent that is a file cannot hold the project.
        const QString impossible = path + QStringLiteral("/inside.retake");
        try {
            saveProjectFile(p, impossible);
            QFAIL("saving under a file should fail");
        } catch (const Error& e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::Output));
            QVERIFY(e.message().contains(impossible));
        }
        f.open(QIODevice::ReadOnly);
        QCOMPARE(f.readAll(), before);
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "test_projectfile.moc"
