// Painted-mask edits on a Document: each is one undo step that undo and redo
// restore exactly; refused edits change nothing. The project file keeps
// painted masks, loads files without them unchanged and names bad fields.
#include "core/error.h"
#include "document/document.h"
#include "interchange/otio.h"
#include "mask/maskraster.h"
#include "projectfile/projectfile.h"
#include "undocheck.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace retake;
using retake::testing::checkUndoable;
using retake::testing::expectConsistent;

namespace {

MediaInfo fakeMedia(const QString& path, FrameNumber frames) {
    MediaInfo info;
    info.path = path;
    info.kind = MediaKind::Video;
    info.width = 64;
    info.height = 48;
    info.frameRate = Rational(24);
    info.frameCount = frames;
    return info;
}

template <class Edit> void checkRefused(Document& doc, const QString& expected, Edit edit) {
    const Project before = doc.project();
    const int steps = doc.undoStack()->count();
    try {
        edit();
        QFAIL("the edit should have been refused");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), int(ErrorKind::Usage));
        QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
    }
    QVERIFY(doc.project() == before);
    QCOMPARE(doc.undoStack()->count(), steps);
}

MaskShape rectShape(double x, double y, double w, double h, FrameRange frames) {
    MaskShape s;
    s.kind = MaskShapeKind::Rectangle;
    s.frames.add(frames);
    s.keys.insert(frames.start, {{x, y}, {x + w, y + h}});
    return s;
}

const MaskRef& onlyMask(const Document& doc, const Id& shotId) {
    return doc.project().findShot(shotId)->masks.constLast();
}

QImage maskAt(const Document& doc, const Id& shotId, FrameNumber f) {
    return rasteriseMask(onlyMask(doc, shotId).painted, f, QSize(64, 48));
}

int px(const QImage& mask, int x, int y) {
    return mask.constScanLine(y)[x];
}

} // namespace

class TestMaskDocument : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private Q_SLOTS:
    void everyEditIsOneUndoableStep() {
        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), 64, 48));
        // A shot over media frames 10-39 (trimmed), so media and shot frames differ.
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("a.mov")), 50));
        doc.trimShot(shot, {10, 40});
        Id mask;
        checkUndoable(doc, [&] { mask = doc.addPaintedMask(shot); });
        QCOMPARE(onlyMask(doc, shot).range, (FrameRange{10, 40}));
        QVERIFY(onlyMask(doc, shot).isPainted());
        Id rect;
        checkUndoable(doc, [&] {
            rect = doc.addMaskShape(shot, mask, rectShape(0, 0, 10, 10, {10, 40}));
        });
        QCOMPARE(px(maskAt(doc, shot, 10), 5, 5), 255);
        checkUndoable(doc, [&] { doc.setMaskShapeKey(shot, mask, rect, 30, {{40, 0}, {50, 10}}); });
        QCOMPARE(px(maskAt(doc, shot, 20), 25, 5), 255); // halfway
        QCOMPARE(px(maskAt(doc, shot, 20), 5, 5), 0);
        checkUndoable(doc, [&] { doc.fillMask(shot, mask, {12, 13}); });
        QCOMPARE(px(maskAt(doc, shot, 12), 60, 40), 255);
        checkUndoable(doc, [&] { doc.invertMask(shot, mask, {14, 15}); });
        QCOMPARE(px(maskAt(doc, shot, 14), 60, 40), 255);
        QCOMPARE(px(maskAt(doc, shot, 14), 15, 5), 0);
        checkUndoable(doc, [&] { doc.copyMaskFrame(shot, mask, 20, {35, 40}); });
        QCOMPARE(maskAt(doc, shot, 37), maskAt(doc, shot, 20));
        checkUndoable(doc, [&] { doc.clearMask(shot, mask, {10, 40}); });
        QVERIFY(onlyMask(doc, shot).painted.isEmpty());
        doc.undoStack()->undo();
        MaskShape changed = *onlyMask(doc, shot).painted.findShape(rect);
        changed.erase = true;
        checkUndoable(doc, [&] { doc.replaceMaskShape(shot, mask, changed); });
        checkUndoable(doc, [&] { doc.removeMaskShape(shot, mask, rect); });
        QVERIFY(!onlyMask(doc, shot).painted.findShape(rect));
        checkUndoable(doc, [&] { doc.removeMask(shot, mask); });
    }

    void removingAShapeKey() {
        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), 64, 48));
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("k.mov")), 50));
        doc.trimShot(shot, {10, 40});
        const Id mask = doc.addPaintedMask(shot);
        const Id rect = doc.addMaskShape(shot, mask, rectShape(0, 0, 10, 10, {10, 40}));
        doc.setMaskShapeKey(shot, mask, rect, 20, {{0, 30}, {10, 40}});
        doc.setMaskShapeKey(shot, mask, rect, 30, {{40, 0}, {50, 10}});
        QCOMPARE(px(maskAt(doc, shot, 20), 5, 35), 255); // on its own key
        checkUndoable(doc, [&] { doc.removeMaskShapeKey(shot, mask, rect, 20); });
        const MaskShape& shape = *onlyMask(doc, shot).painted.findShape(rect);
        QCOMPARE(shape.keys.keys(), (QList<FrameNumber>{10, 30}));
        // Frame 20 is now halfway between the keys at 10 and 30.
        QCOMPARE(px(maskAt(doc, shot, 20), 25, 5), 255);
        QCOMPARE(px(maskAt(doc, shot, 20), 5, 35), 0);
        doc.undoStack()->undo();
        QCOMPARE(px(maskAt(doc, shot, 20), 5, 35), 255);
        doc.undoStack()->redo();

        checkRefused(doc, QStringLiteral("no key at frame 15 (its keys: 10, 30)"),
                     [&] { doc.removeMaskShapeKey(shot, mask, rect, 15); });
        checkRefused(doc, QStringLiteral("no shape with ID"),
                     [&] { doc.removeMaskShapeKey(shot, mask, newId(), 10); });
        doc.removeMaskShapeKey(shot, mask, rect, 30);
        checkRefused(doc, QStringLiteral("only key"),
                     [&] { doc.removeMaskShapeKey(shot, mask, rect, 10); });
        QCOMPARE(px(maskAt(doc, shot, 35), 5, 5), 255); // holds its one key
    }

    void firstPaintStartsTheMaskInOneStep() {
        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), 64, 48));
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("b.mov")), 20));
        const int steps = doc.undoStack()->count();
        doc.addMaskShape(shot, Id(), rectShape(1, 1, 4, 4, {0, 20}));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.project().findShot(shot)->masks.size(), 1);
        QCOMPARE(onlyMask(doc, shot).range, (FrameRange{0, 20}));
        QCOMPARE(onlyMask(doc, shot).painted.shapes.size(), 1);
        doc.undoStack()->undo();
        QVERIFY(doc.project().findShot(shot)->masks.isEmpty());
    }

    void badEditsAreRefused() {
        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), 64, 48));
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("c.mov")), 20));
        const Id fileMask = doc.addMask(shot, dir.filePath(QStringLiteral("m.png")), {0, 20}, true);
        const Id mask = doc.addPaintedMask(shot, {0, 10});
        const Id rect = doc.addMaskShape(shot, mask, rectShape(0, 0, 4, 4, {0, 10}));
        checkRefused(doc, QStringLiteral("outside shot"), [&] {
            doc.addPaintedMask(shot, {15, 30});
        });
        checkRefused(doc, QStringLiteral("outside the mask"), [&] {
            doc.addMaskShape(shot, mask, rectShape(0, 0, 4, 4, {5, 15}));
        });
        checkRefused(doc, QStringLiteral("outside the mask"), [&] {
            doc.fillMask(shot, mask, {8, 12});
        });
        checkRefused(doc, QStringLiteral("empty"), [&] { doc.clearMask(shot, mask, {4, 4}); });
        checkRefused(doc, QStringLiteral("outside the mask"), [&] {
            doc.copyMaskFrame(shot, mask, 15, {0, 2});
        });
        MaskShape threeCorners = rectShape(0, 0, 4, 4, {0, 10});
        threeCorners.keys.first() << QPointF(9, 9);
        checkRefused(doc, QStringLiteral("two corner points"),
                     [&] { doc.addMaskShape(shot, mask, threeCorners); });
        MaskShape soft = rectShape(0, 0, 4, 4, {0, 10});
        soft.kind = MaskShapeKind::Stroke;
        soft.hardness = -0.1;
        checkRefused(doc, QStringLiteral("hardness"), [&] { doc.addMaskShape(shot, mask, soft); });
        checkRefused(doc, QStringLiteral("same number"), [&] {
            doc.setMaskShapeKey(shot, mask, rect, 5, {{0, 0}, {1, 1}, {2, 2}});
        });
        checkRefused(doc, QStringLiteral("outside the mask"), [&] {
            doc.setMaskShapeKey(shot, mask, rect, 12, {{0, 0}, {1, 1}});
        });
        checkRefused(doc, QStringLiteral("no shape"),
                     [&] { doc.removeMaskShape(shot, mask, newId()); });
        checkRefused(doc, QStringLiteral("file mask"), [&] {
            doc.fillMask(shot, fileMask, {0, 2});
        });
        checkRefused(doc, QStringLiteral("no mask"), [&] { doc.fillMask(shot, newId(), {0, 2}); });
        MaskShape duplicate = rectShape(0, 0, 4, 4, {0, 10});
        duplicate.id = rect;
        checkRefused(doc, QStringLiteral("already has"),
                     [&] { doc.addMaskShape(shot, mask, duplicate); });
        // Replacing the only key with a different point count is fine.
        MaskShape stroke;
        stroke.kind = MaskShapeKind::Stroke;
        stroke.frames.add({0, 10});
        stroke.keys.insert(3, {{1, 1}, {5, 5}});
        const Id strokeId = doc.addMaskShape(shot, mask, stroke);
        doc.setMaskShapeKey(shot, mask, strokeId, 3, {{1, 1}, {5, 5}, {9, 1}});
        QCOMPARE(onlyMask(doc, shot).painted.findShape(strokeId)->keys.value(3).size(), 3);
    }

    void projectFileRoundTrip() {
        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), 64, 48));
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("d.mov")), 30));
        doc.addMask(shot, dir.filePath(QStringLiteral("m.png")), {0, 30}, true);
        const Id mask = doc.addPaintedMask(shot);
        MaskShape stroke;
        stroke.kind = MaskShapeKind::Stroke;
        stroke.erase = true;
        stroke.size = 12.5;
        stroke.hardness = 0.25;
        stroke.frames.add({0, 5});
        stroke.frames.add({10, 20});
        stroke.keys.insert(0, {{1.5, 2.25}, {30, 40}});
        stroke.keys.insert(12, {{3, 4}, {33.125, 44}});
        doc.addMaskShape(shot, mask, stroke);
        doc.addMaskShape(shot, mask, rectShape(0, 0, 4, 4, {0, 30}));
        MaskShape ellipse = rectShape(5, 5, 10, 20, {2, 3});
        ellipse.kind = MaskShapeKind::Ellipse;
        doc.addMaskShape(shot, mask, ellipse);
        MaskShape polygon;
        polygon.kind = MaskShapeKind::Polygon;
        polygon.frames.add({0, 30});
        polygon.keys.insert(4, {{0, 0}, {10, 0}, {5, 8}});
        doc.addMaskShape(shot, mask, polygon);
        doc.fillMask(shot, mask, {25, 26});
        doc.invertMask(shot, mask, {26, 30});
        const QString path = dir.filePath(QStringLiteral("round.retake"));
        saveProjectFile(doc.project(), path);
        Project loaded = loadProjectFile(path);
        QVERIFY(!loaded.media[0].online); // the media file does not exist
        loaded.media[0].online = true;
        QVERIFY(loaded == doc.project());
        QCOMPARE(loaded.shots[0].masks[1].painted.shapes.size(), 6);

        // A file mask is written as before: no "painted" field.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray masks =
            root.value("shots").toArray()[0].toObject().value("masks").toArray();
        QVERIFY(!masks[0].toObject().contains(QStringLiteral("painted")));
        QVERIFY(masks[1].toObject().contains(QStringLiteral("painted")));
        QCOMPARE(root.value("version").toInt(), 1);
    }

    void otioKeepsPaintedMasks() {
        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), 64, 48));
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("o.mov")), 30));
        MaskShape stroke;
        stroke.kind = MaskShapeKind::Stroke;
        stroke.size = 7;
        stroke.hardness = 0.5;
        stroke.frames.add({2, 9});
        stroke.keys.insert(2, {{1, 2}, {3, 4}});
        stroke.keys.insert(8, {{5, 6}, {7, 8.5}});
        doc.addMaskShape(shot, Id(), stroke);
        doc.invertMask(shot, onlyMask(doc, shot).id, {0, 30});
        const OtioImport imported =
            otioToProject(projectToOtio(doc.project()), QStringLiteral("t.otio"));
        QCOMPARE(imported.project.shots.size(), 1);
        QVERIFY(imported.project.shots[0].masks == doc.project().findShot(shot)->masks);
    }

    void oldFileLoadsUnchanged() {
        // A file with a file mask only is written exactly as before painted
        // masks existed (the same four fields), and loads unchanged.
        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), 64, 48));
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("e.mov")), 30));
        doc.addMask(shot, dir.filePath(QStringLiteral("m.png")), {0, 30}, true);
        const QString path = dir.filePath(QStringLiteral("old.retake"));
        saveProjectFile(doc.project(), path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject maskJson = QJsonDocument::fromJson(file.readAll())
                                         .object()
                                         .value("shots")
                                         .toArray()[0]
                                         .toObject()
                                         .value("masks")
                                         .toArray()[0]
                                         .toObject();
        QCOMPARE(maskJson.keys(), (QStringList{"id", "path", "range", "stationary"}));
        Project loaded = loadProjectFile(path);
        loaded.media[0].online = true;
        QVERIFY(loaded == doc.project());
        QVERIFY(!loaded.shots[0].masks[0].isPainted());
        QVERIFY(loaded.shots[0].masks[0].painted.isEmpty());
    }

    void badFieldsAreNamedByPath_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("size") << "size"
                              << "\"big\""
                              << "shots[0].masks[0].painted.shapes[0].size: expected a number";
        QTest::newRow("kind") << "kind"
                              << "\"circle\""
                              << "shots[0].masks[0].painted.shapes[0].kind: unknown shape";
        QTest::newRow("frames") << "frames"
                                << "[[5, 2]]"
                                << "shots[0].masks[0].painted.shapes[0].frames[0]: end before";
        QTest::newRow("points") << "keys"
                                << "[{\"frame\": 0, \"points\": [1, 2, 3]}]"
                                << "shots[0].masks[0].painted.shapes[0].keys[0].points";
        QTest::newRow("corners") << "keys"
                                 << "[{\"frame\": 0, \"points\": [1, 2]}]"
                                 << "shots[0].masks[0].painted.shapes[0]: a rectangle needs two";
        QTest::newRow("hardness") << "hardness"
                                  << "2"
                                  << "shots[0].masks[0].painted.shapes[0]: hardness 2";
        QTest::newRow("outside") << "frames"
                                 << "[[0, 99]]"
                                 << "outside the mask";
    }

    void badFieldsAreNamedByPath() {
        QFETCH(QString, field);
        QFETCH(QString, json);
        QFETCH(QString, expected);
        Document doc(Project::createEmpty(QStringLiteral("p"), Rational(24), 64, 48));
        const Id shot = doc.importMedia(fakeMedia(dir.filePath(QStringLiteral("f.mov")), 30));
        doc.addMaskShape(shot, Id(), rectShape(0, 0, 4, 4, {0, 30}));
        const QString path = dir.filePath(QStringLiteral("bad.retake"));
        saveProjectFile(doc.project(), path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray shots = root.value("shots").toArray();
        QJsonObject s = shots[0].toObject();
        QJsonArray masks = s.value("masks").toArray();
        QJsonObject m = masks[0].toObject();
        QJsonObject painted = m.value("painted").toObject();
        QJsonArray shapes = painted.value("shapes").toArray();
        QJsonObject shape = shapes[0].toObject();
        shape.insert(
            field, QJsonDocument::fromJson(("{\"v\": " + json + "}").toUtf8()).object().value("v"));
        shapes[0] = shape;
        painted.insert("shapes", shapes);
        m.insert("painted", painted);
        masks[0] = m;
        s.insert("masks", masks);
        shots[0] = s;
        root.insert("shots", shots);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(root).toJson());
        file.close();
        try {
            loadProjectFile(path);
            QFAIL("a bad painted mask should not load");
        } catch (const Error& e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::BadInput));
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("bad.retake")), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestMaskDocument)
#include "test_maskdocument.moc"
