// The inspector's Colour section: it offers "Automatic (<what the tags
// give>)" and the viewer config's colour spaces for the selected shot's
// media, a choice is one undo step on the document, undo shows the old
// choice again, and a name the config lacks is shown as such, not replaced.
#include "common/editorstate.h"
#include "document/document.h"
#include "inspector/colourinspector.h"

#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QtTest>

using namespace retake;
using namespace retake::gui;

namespace {

const QString kLinear = QStringLiteral("Linear Rec.709 (sRGB)");

Project projectWithOneShot(Id* shotId) {
    Project p = Project::createEmpty(QStringLiteral("colour"), Rational(24), 64, 8);
    MediaRef m;
    m.id = newId();
    m.path = QStringLiteral("/footage/plate.mov");
    m.width = 64;
    m.height = 8;
    m.frameCount = 10;
    m.colour.primaries = QStringLiteral("bt709");
    m.colour.transfer = QStringLiteral("bt709");
    p.media.push_back(m);
    Shot s;
    s.id = newId();
    s.name = QStringLiteral("plate");
    s.mediaId = m.id;
    s.source = {0, 10};
    p.shots.push_back(s);
    for (auto& track : p.tracks)
        if (track.kind == TrackKind::Video)
            track.shots.push_back(s.id);
    *shotId = s.id;
    return p;
}

} // namespace

class TestInspectorColour : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("RetakeTestInspectorColour"));
        QSettings().remove(QStringLiteral("color/ocioConfig")); // the bundled config
    }

    void choosingASpaceIsOneUndoStep() {
        Id shotId;
        Document doc(projectWithOneShot(&shotId));
        QVERIFY(doc.project().consistencyProblems().isEmpty());
        EditorState state;
        ColourInspector colour(&state);
        colour.setDocument(&doc);
        QVERIFY(!colour.isEnabled()); // nothing selected
        state.selectShot(shotId);
        QVERIFY(colour.isEnabled());
        QComboBox* combo = colour.inputSpaceCombo();
        QCOMPARE(combo->currentIndex(), 0);
        // Rec.709-tagged footage: automatic is the Rec.709 camera space.
        QCOMPARE(combo->currentText(), QStringLiteral("Automatic (Rec.709 - Camera)"));
        QVERIFY(combo->count() > 10);

        const int linear = combo->findData(kLinear);
        QVERIFY(linear > 0);
        combo->setCurrentIndex(linear);
        Q_EMIT combo->activated(linear);
        QCOMPARE(doc.project().media[0].inputSpace, kLinear);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(combo->currentData().toString(), kLinear);

        doc.undoStack()->undo();
        QVERIFY(doc.project().media[0].inputSpace.isEmpty());
        QCOMPARE(combo->currentIndex(), 0);

        // Choosing what is already set changes nothing.
        Q_EMIT combo->activated(0);
        QCOMPARE(doc.undoStack()->index(), 0);
    }

    void aSpaceFromAnotherConfigIsShownAsSuch() {
        Id shotId;
        Project p = projectWithOneShot(&shotId);
        p.media[0].inputSpace = QStringLiteral("Studio LogX");
        Document doc(p);
        EditorState state;
        ColourInspector colour(&state);
        colour.setDocument(&doc);
        state.selectShot(shotId);
        QCOMPARE(colour.inputSpaceCombo()->currentData().toString(), QStringLiteral("Studio LogX"));
        QCOMPARE(colour.inputSpaceCombo()->currentText(),
                 QStringLiteral("Studio LogX (not in this config)"));
    }
};

QTEST_MAIN(TestInspectorColour)
#include "test_inspectorcolour.moc"
