#pragma once

// The rule every Document edit keeps (ARCHITECTURE.md): one undo step, a
// consistent project after it, after undo and after redo, and undo gives back
// exactly the project before.

#include "document/document.h"

#include <QTest>
#include <QUndoStack>

namespace retake::testing {

inline void expectConsistent(const Project& p) {
    const QStringList problems = p.consistencyProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

// Runs `edit`, then undo and redo, checking the whole project each time.
template <class Edit> void checkUndoable(Document& doc, Edit edit) {
    const Project before = doc.project();
    const int steps = doc.undoStack()->index();
    edit();
    const Project after = doc.project();
    QVERIFY(after != before);
    QCOMPARE(doc.undoStack()->index(), steps + 1);
    expectConsistent(after);
    doc.undoStack()->undo();
    QVERIFY(doc.project() == before);
    expectConsistent(doc.project());
    doc.undoStack()->redo();
    QVERIFY(doc.project() == after);
    expectConsistent(doc.project());
}

} // namespace retake::testing
