// The inspector's Takes section: lists the takes at the playhead on the
// selected shot with the shown one marked, and switches takes through the
// document (one undo step each).
#include "common/editorstate.h"
#include "core/username.h"
#include "document/document.h"
#include "inspector/takesinspector.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace retake;
using namespace retake::gui;

class TestInspectorTakes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsTakesAtThePlayhead();
    void switchesTakesWithUndo();
    void selectionRangeAndOtherShots();
    void refusedSwitchReportsTheError();

private:
    const Shot& alpha() const { return *document_->project().findShot(alphaId_); }
    QStringList column(int column) const;

    QTemporaryDir dir_;
    std::unique_ptr<Document> document_;
    std::unique_ptr<EditorState> state_;
    std::unique_ptr<TakesInspector> takes_;
    Id alphaId_, bravoId_, firstTake_, secondTake_;
};

void TestInspectorTakes::init() {
    MediaInfo info;
    info.path = dir_.filePath(QStringLiteral("clip.mp4"));
    info.width = 160;
    info.height = 90;
    info.frameCount = 48;
    document_ = std::make_unique<Document>(
        Project::createEmpty(QStringLiteral("Takes"), Rational(24), 160, 90),
        dir_.filePath(QStringLiteral("takes.retake")));
    alphaId_ = document_->importMedia(info, QStringLiteral("Alpha"));
    bravoId_ = document_->importMedia(info, QStringLiteral("Bravo"));
    Take first;
    first.engine = QStringLiteral("propagate");
    first.seed = 7;
    first.prompt = QStringLiteral("clear sky");
    first.range = {10, 20};
    first.created = QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);
    first.author = QStringLiteral("Alice Ng");
    firstTake_ = document_->addTake(alphaId_, first);
    Take second = first;
    second.engine = QStringLiteral("inpaint");
    second.seed = 99;
    second.prompt = QStringLiteral("storm clouds");
    second.range = {12, 30};
    second.created = first.created.addSecs(3600);
    second.author = QString(); // recorded when added: the user name (Settings, else the login)
    secondTake_ = document_->addTake(alphaId_, second);
    document_->undoStack()->clear();

    state_ = std::make_unique<EditorState>();
    state_->setTimeline(Rational(24), document_->project().duration());
    takes_ = std::make_unique<TakesInspector>(state_.get());
    takes_->setDocument(document_.get());
    takes_->show();
}

void TestInspectorTakes::cleanup() {
    takes_.reset();
    state_.reset();
    document_.reset();
}

QStringList TestInspectorTakes::column(int column) const {
    QStringList texts;
    for (int i = 0; i < takes_->list()->topLevelItemCount(); ++i)
        texts << takes_->list()->topLevelItem(i)->text(column);
    return texts;
}

void TestInspectorTakes::listsTakesAtThePlayhead() {
    // No shot selected: nothing listed.
    QVERIFY(takes_->list()->isHidden());
    state_->selectShot(alphaId_);
    state_->setCurrentFrame(15); // both takes cover it; the newer shows
    QVERIFY(!takes_->list()->isHidden());
    QCOMPARE(takes_->list()->topLevelItemCount(), 3);
    QCOMPARE(column(1),
             (QStringList{QStringLiteral("Original"), QStringLiteral("Take 1 (frames 10-19)"),
                          QStringLiteral("Take 2 (frames 12-29)")}));
    // Who made each (the credit map's "by").
    QCOMPARE(column(2), (QStringList{QString(), QStringLiteral("Alice Ng"), currentUserName()}));
    QVERIFY(!currentUserName().isEmpty());
    QCOMPARE(column(3),
             (QStringList{QString(), QStringLiteral("propagate"), QStringLiteral("inpaint")}));
    QCOMPARE(column(4), (QStringList{QString(), QStringLiteral("7"), QStringLiteral("99")}));
    QCOMPARE(column(6),
             (QStringList{QString(), QStringLiteral("clear sky"), QStringLiteral("storm clouds")}));
    QCOMPARE(column(0), (QStringList{QString(), QString(), QStringLiteral("✓")}));
    QVERIFY(!column(5)[1].isEmpty());
    QVERIFY(column(5)[1] != column(5)[2]); // an hour apart
    // Under xvfb-run with RETAKE_SCREENSHOT_DIR: the list as the user sees it.
    if (const QString shots = qEnvironmentVariable("RETAKE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        takes_->resize(640, 200);
        QTest::qWait(100);
        takes_->grab().save(shots + QStringLiteral("/takes-credits.png"));
    }
    QVERIFY(takes_->list()->topLevelItem(2)->font(1).bold());
    QVERIFY(!takes_->list()->topLevelItem(1)->font(1).bold());

    // Frame 25: only the second take covers it.
    state_->setCurrentFrame(25);
    QCOMPARE(takes_->list()->topLevelItemCount(), 2);
    QCOMPARE(column(4).last(), QStringLiteral("99"));
    // Frame 40: no take, a hint instead of the list.
    state_->setCurrentFrame(40);
    QVERIFY(takes_->list()->isHidden());
    QVERIFY(takes_->findChild<QLabel*>()->text().contains(QStringLiteral("No takes")));
}

void TestInspectorTakes::switchesTakesWithUndo() {
    state_->selectShot(alphaId_);
    state_->setCurrentFrame(15);
    QCOMPARE(alpha().activeTakeAt(15)->id, secondTake_);
    // Take 1 over its range, one undo step.
    takes_->list()->setCurrentItem(takes_->list()->topLevelItem(1));
    QVERIFY(takes_->showButton()->isEnabled());
    takes_->showButton()->click();
    QCOMPARE(alpha().activeTakeAt(15)->id, firstTake_);
    QCOMPARE(document_->undoStack()->count(), 1);
    // The list follows the document: take 1 is marked now.
    QCOMPARE(column(0), (QStringList{QString(), QStringLiteral("✓"), QString()}));
    QVERIFY(!takes_->showButton()->isEnabled()); // the shown one is current
    // Activating (double-click/Enter) the original.
    Q_EMIT takes_->list()->itemActivated(takes_->list()->topLevelItem(0), 0);
    QVERIFY(!alpha().activeTakeAt(15));
    QCOMPARE(document_->undoStack()->count(), 2);
    QCOMPARE(column(0).first(), QStringLiteral("✓"));
    // Activating the shown one is no edit.
    QVERIFY(takes_->switchTo(0));
    QCOMPARE(document_->undoStack()->count(), 2);
    document_->undoStack()->undo();
    QCOMPARE(alpha().activeTakeAt(15)->id, firstTake_);
    document_->undoStack()->undo();
    QCOMPARE(alpha().activeTakeAt(15)->id, secondTake_);
    QCOMPARE(column(0).last(), QStringLiteral("✓"));
}

void TestInspectorTakes::selectionRangeAndOtherShots() {
    // Bravo selected, the playhead on Alpha: Bravo has no takes to list.
    state_->selectShot(bravoId_);
    state_->setCurrentFrame(15);
    QVERIFY(takes_->list()->isHidden());
    // Alpha selected, the playhead on Bravo (timeline 48+), the In/Out
    // selection over Alpha's frames 25-34: the takes at frame 25.
    state_->selectShot(alphaId_);
    state_->setCurrentFrame(60);
    QVERIFY(takes_->list()->isHidden());
    state_->setSelection({25, 35});
    QCOMPARE(takes_->list()->topLevelItemCount(), 2);
    QCOMPARE(column(4).last(), QStringLiteral("99"));
}

void TestInspectorTakes::refusedSwitchReportsTheError() {
    state_->selectShot(alphaId_);
    state_->setCurrentFrame(15);
    QSignalSpy failed(takes_.get(), &TakesInspector::editFailed);
    QVERIFY(!takes_->switchTo(5)); // no such row
    QCOMPARE(failed.size(), 0);
    // A row whose range the take does not cover (the model changed under
    // it): the document refuses, the error is reported, nothing changes.
    takes_->list()->topLevelItem(1)->setData(0, Qt::UserRole + 2, qint64(40));
    QVERIFY(!takes_->switchTo(1));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("covers frames")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(alpha().activeTakeAt(15)->id, secondTake_);
    QCOMPARE(document_->undoStack()->count(), 0);
}

QTEST_MAIN(TestInspectorTakes)
#include "test_inspectortakes.moc"
