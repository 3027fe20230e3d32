#pragma once

#include "document/document.h"

#include <QLabel>
#include <QPointer>

namespace retake::gui {

class EditorState;

// "Hyperfocal 11.2 m · sharp 2.41–3.97 m" for the selected shot's camera
// (lens.h's depthOfField: circle of confusion from the filmback).
class DepthOfFieldLabel : public QLabel {
    Q_OBJECT
public:
    explicit DepthOfFieldLabel(EditorState* state, QWidget* parent = nullptr);
    void setDocument(Document* document);
    static QString describe(const Camera& camera);
    // "2.41 m", "11.2 m" or "∞".
    static QString metres(double m);

private:
    void refresh();
    EditorState* state_;
    QPointer<Document> document_;
};

} // namespace retake::gui
