// Every edit: run it, check the state and consistency, undo (back to the
// state before), redo (the state after), as kdenlive's model tests do.
#include "core/error.h"
#include "document/document.h"
#include "projectfile/projectfile.h"
#include "undocheck.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retake;
using retake::testing::checkUndoable;
using retake::testing::expectConsistent;

namespace {

MediaInfo fakeMedia(const QString& path, FrameNumber frames, int width = 320, int height = 180) {
    MediaInfo info;
    info.path = path;
    info.kind = MediaKind::Video;
    info.width = width;
    info.height = height;
    info.frameRate = Rational(24000, 1001);
    info.frameCount = frames;
    info.audio.streamIndex = 1;
    info.audio.sampleRate = 48000;
    info.audio.channels = 2;
    return info;
}

template <class Edit> void checkRefused(Document& doc, ErrorKind kind, Edit edit) {
    const Project before = doc.project();
    const int steps = doc.undoStack()->count();
    try {
        edit();
        QFAIL("the edit should have been refused");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(kind));
        QVERIFY(!e.message().isEmpty());
    }
    QVERIFY(doc.project() == before);
    QCOMPARE(doc.undoStack()->count(), steps);
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importAdoptsFirstMediaSettings() {
        Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), 1920, 1080));
        Id shot;
        checkUndoable(doc,
                      [&] { shot = doc.importMedia(fakeMedia(QStringLiteral("/m/a.mov"), 100)); });
        QCOMPARE(doc.project().frameRate, Rational(24000, 1001));
        QCOMPARE(doc.project().width, 320);
        QCOMPARE(doc.project().shots.size(), 1);
        QCOMPARE(doc.project().findShot(shot)->source, (FrameRange{0, 100}));
        // A second file keeps the project's settings and goes after the first.
        Id second;
        checkUndoable(doc, [&] {
            second = doc.importMedia(fakeMedia(QStringLiteral("/m/b.mov"), 50, 640, 360));
        });
        QCOMPARE(doc.project().width, 320);
        const auto placed =
            doc.project().placements(doc.project().firstTrack(TrackKind::Video)->id);
        QCOMPARE(placed.size(), 2);
        QCOMPARE(placed[1].timeline, (FrameRange{100, 150}));
        QCOMPARE(doc.project().duration(), 150);
        // The same file again reuses its media entry.
        doc.importMedia(fakeMedia(QStringLiteral("/m/a.mov"), 100));
        QCOMPARE(doc.project().media.size(), 2);
        QCOMPARE(doc.project().shots.size(), 3);
    }

    void locksMergeSplitAndUndo() {
        Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), 1920, 1080));
        const Id shot = doc.importMedia(fakeMedia(QStringLiteral("/m/a.mov"), 100));
        checkUndoable(doc, [&] { doc.lockRange(shot, {10, 20}); });
        checkUndoable(doc, [&] { doc.lockRange(shot, {20, 30}); });
        QCOMPARE(doc.project().findShot(shot)->locks.ranges(), (QVector<FrameRange>{{10, 30}}));
        checkUndoable(doc, [&] { doc.unlockRange(shot, {15, 18}); });
        QCOMPARE(doc.project().findShot(shot)->locks.ranges(),
                 (QVector<FrameRange>{{10, 15}, {18, 30}}));
        checkRefused(doc, ErrorKind::Usage, [&] { doc.lockRange(shot, {90, 120}); });
        checkRefused(doc, ErrorKind::Usage, [&] { doc.lockRange(newId(), {0, 1}); });
        // Undo everything, back to no locks.
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(doc.project().findShot(shot)->locks.isEmpty());
    }

    void takesAreSwitchableAndNeverTouchMedia() {
        Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), 1920, 1080));
        const Id shot = doc.importMedia(fakeMedia(QStringLiteral("/m/a.mov"), 100));
        const MediaRef media = doc.project().media[0];
        Id mask;
        checkUndoable(doc, [&] {
            mask = doc.addMask(shot, QStringLiteral("/m/mask.png"), {0, 100}, true);
        });
        Take t1;
        t1.engine = QStringLiteral("propagate");
        t1.seed = 7;
        t1.range = {20, 40};
        t1.maskId = mask;
        t1.framesPath = QStringLiteral("/cache/t1/f_0000.png");
        Id take1, take2;
        checkUndoable(doc, [&] { take1 = doc.addTake(shot, t1); });
        Take t2 = t1;
        t2.seed = 8;
        checkUndoable(doc, [&] { take2 = doc.addTake(shot, t2); });
        const Shot* s = doc.project().findShot(shot);
        QCOMPARE(s->activeTakeAt(25)->id, take2);
        QVERIFY(s->activeTakeAt(19) == nullptr);
        checkUndoable(doc, [&] { doc.setActiveTake(shot, {20, 40}, take1); });
        QCOMPARE(doc.project().findShot(shot)->activeTakeAt(25)->id, take1);
        checkUndoable(doc, [&] { doc.setActiveTake(shot, {20, 40}, Id()); });
        QVERIFY(doc.project().findShot(shot)->activeTakeAt(25) == nullptr);
        checkRefused(doc, ErrorKind::Usage, [&] { doc.setActiveTake(shot, {10, 40}, take1); });
        QVERIFY(doc.project().media[0] == media);
    }

    void relinkChecksTheFile() {
        Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), 1920, 1080));
        doc.importMedia(fakeMedia(QStringLiteral("/m/a.mov"), 100));
        const Id media = doc.project().media[0].id;
        checkUndoable(
            doc, [&] { doc.relinkMedia(media, fakeMedia(QStringLiteral("/moved/a.mov"), 100)); });
        QCOMPARE(doc.project().media[0].path, QStringLiteral("/moved/a.mov"));
        checkRefused(doc, ErrorKind::BadInput,
                     [&] { doc.relinkMedia(media, fakeMedia(QStringLiteral("/x.mov"), 50)); });
        checkRefused(doc, ErrorKind::BadInput, [&] {
            doc.relinkMedia(media, fakeMedia(QStringLiteral("/x.mov"), 100, 640, 360));
        });
    }

    void moveTrimRemoveAndCamera() {
        Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), 1920, 1080));
        const Id a = doc.importMedia(fakeMedia(QStringLiteral("/m/a.mov"), 100));
        const Id b = doc.importMedia(fakeMedia(QStringLiteral("/m/b.mov"), 50));
        checkUndoable(doc, [&] { doc.moveShot(b, 0); });
        QCOMPARE(doc.project().firstTrack(TrackKind::Video)->shots.first(), b);
        doc.lockRange(a, {0, 100});
        checkUndoable(doc, [&] { doc.trimShot(a, {10, 60}); });
        QCOMPARE(doc.project().findShot(a)->locks.ranges(), (QVector<FrameRange>{{10, 60}}));
        Camera cam;
        cam.focalLengthMm = 85;
        checkUndoable(doc, [&] { doc.setCamera(a, cam); });
        cam.focalLengthMm = 0;
        checkRefused(doc, ErrorKind::Usage, [&] { doc.setCamera(a, cam); });
        cam.focalLengthMm = 50;
        cam.fStop = 0.4;
        checkRefused(doc, ErrorKind::Usage, [&] { doc.setCamera(a, cam); });
        checkUndoable(doc, [&] {
            doc.setShotText(a, QStringLiteral("Wide"), QStringLiteral("dusk"), QStringLiteral("n"));
        });
        checkRefused(doc, ErrorKind::Usage,
                     [&] { doc.setShotText(a, QStringLiteral(" "), QString(), QString()); });
        checkUndoable(doc, [&] { doc.removeShot(a); });
        QCOMPARE(doc.project().media.size(), 1); // a.mov left with its last shot
        checkUndoable(doc,
                      [&] { doc.addAudioClip(fakeMedia(QStringLiteral("/m/music.wav"), 48), 12); });
        QCOMPARE(doc.project().firstTrack(TrackKind::Audio)->clips.size(), 1);
    }

    void modifiedStateFollowsUndoAndSave() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.retake"));
        Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), 1920, 1080), path);
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        QVERIFY(!doc.isModified());
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("a.mov")), 10));
        QVERIFY(doc.isModified());
        doc.save();
        QVERIFY(!doc.isModified());
        doc.lockRange(shot, {0, 5});
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
        QVERIFY(modified.count() >= 3);
        // Saved file reads back to the same project (media offline: no file).
        Project loaded = loadProjectFile(path);
        QVERIFY(!loaded.media[0].online);
        loaded.media[0].online = true;
        QVERIFY(loaded == doc.project());
    }

    void autosaveAndRecovery() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.retake"));
        Id shot;
        {
            Document doc(Project::createEmpty(QStringLiteral("t"), Rational(24), 1920, 1080), path);
            shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("a.mov")), 10));
            doc.save();
            QVERIFY(!Document::hasRecoverableAutosave(path));
            doc.setAutosaveInterval(50);
            QSignalSpy autosaved(&doc, &Document::autosaved);
            doc.lockRange(shot, {2, 4});
            QVERIFY(autosaved.wait(2000));
            QVERIFY(Document::hasRecoverableAutosave(path));
            // No save: as if Retake died here.
        }
        auto recovered = Document::recover(path);
        QVERIFY(recovered->isModified());
        QCOMPARE(recovered->project().findShot(shot)->locks.ranges(),
                 (QVector<FrameRange>{{2, 4}}));
        recovered->undoStack()->undo(); // back to what was saved
        QVERIFY(recovered->project().findShot(shot)->locks.isEmpty());
        recovered->undoStack()->redo();
        recovered->save();
        QVERIFY(!Document::hasRecoverableAutosave(path));
        QCOMPARE(loadProjectFile(path).findShot(shot)->locks.ranges(),
                 (QVector<FrameRange>{{2, 4}}));
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "test_document.moc"
