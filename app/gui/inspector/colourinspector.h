#pragma once

// The inspector's colour section: the selected shot's media input colour
// space, "Automatic" (the file's tags, else the config's file rules) or any
// colour space of the viewer's OCIO config. A choice is one undo step
// (Document::setMediaInputSpace) and changes the viewer and every export
// (export/mediacolour.h).

#include "document/document.h"

#include <QGroupBox>
#include <QPointer>

class QComboBox;

namespace retake::gui {

class EditorState;

class ColourInspector : public QGroupBox {
    Q_OBJECT
public:
    explicit ColourInspector(EditorState* state, QWidget* parent = nullptr);

    void setDocument(Document* document);
    QComboBox* inputSpaceCombo() const { return inputSpace_; }

Q_SIGNALS:
    void editFailed(const QString& message);

private:
    void refresh();
    void commit(int index);
    const MediaRef* media() const;

    EditorState* state_;
    QPointer<Document> document_;
    QComboBox* inputSpace_;
};

} // namespace retake::gui
