#pragma once

// The inspector's Blocking section (shown for blocking shots). Every change is one Document
// edit (addBlockingObject, setBlockingObject, removeBlockingObject,
// setBlockingScene, applyShotDescription); the document validates, and a
// refused value is reported through editFailed() while the fields go back
// to the model's values.

#include "document/document.h"

#include <QGroupBox>
#include <QLabel>
#include <QPointer>
#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace retake::gui {

class EditorState;

class BlockingInspector : public QGroupBox {
    Q_OBJECT
public:
    explicit BlockingInspector(EditorState* state, QWidget* parent = nullptr);
    void setDocument(Document* document);

    QLineEdit* descriptionEdit() const { return description_; }
    QPushButton* describeButton() const { return describeButton_; }
    QLabel* descriptionReport() const { return report_; }
    QListWidget* objectList() const { return objects_; }
    QToolButton* addButton() const { return add_; }
    QPushButton* removeButton() const { return remove_; }
    QLineEdit* nameEdit() const { return name_; }
    QComboBox* shapeCombo() const { return shape_; }
    // x, y, z of the selected object's position and width, depth, height of its size.
    QDoubleSpinBox* positionSpin(int axis) const { return position_[axis]; }
    QDoubleSpinBox* sizeSpin(int axis) const { return size_[axis]; }
    QDoubleSpinBox* yawSpin() const { return yaw_; }
    QDoubleSpinBox* sunAzimuthSpin() const { return sunAzimuth_; }
    QDoubleSpinBox* sunElevationSpin() const { return sunElevation_; }
    QDoubleSpinBox* sunIntensitySpin() const { return sunIntensity_; }
    QCheckBox* shadowsCheck() const { return shadows_; }
    QCheckBox* groundCheck() const { return ground_; }

    // Adds an object of that shape in front of the camera's subject (origin).
    void addObject(BlockingShape shape);
    void removeSelectedObject();
    // Sets the selected object's albedo (sRGB colour -> linear), the sky or the ground.
    void setObjectColour(const QColor& colour);
    void setSkyColour(const QColor& colour);
    void setGroundColour(const QColor& colour);
    // Turns the description field's text into the scene and camera.
    void applyDescription();

    // Linear albedo <-> the sRGB colour a swatch shows.
    static QColor toDisplayColour(const Vec3& linear);
    static Vec3 fromDisplayColour(const QColor& colour);

Q_SIGNALS:
    void editFailed(const QString& message);

private:
    QDoubleSpinBox* addSpin(double minimum, double maximum, int decimals, const QString& suffix,
                            bool object);
    QToolButton* addColourButton();
    void refresh();
    void showObject();
    void commitObject();
    void commitScene();
    void chooseColour(QToolButton* button);
    // Under the description: what it made, and in red what went wrong.
    void report(const QString& text, const QString& problem);
    const Shot* shot() const;
    const BlockingObject* selectedObject() const;
    // Runs a document edit; on refusal reports it and shows the model again.
    // `selectAfter` names the object to show afterwards (a renamed one).
    void edit(const std::function<void()>& change, const QString& selectAfter = QString());

    EditorState* state_;
    QPointer<Document> document_;
    QString selectedName_;
    QLineEdit* description_;
    QPushButton* describeButton_;
    QLabel* report_;
    QListWidget* objects_;
    QToolButton* add_;
    QPushButton* remove_;
    QWidget* objectForm_;
    QLineEdit* name_;
    QComboBox* shape_;
    QDoubleSpinBox* position_[3];
    QDoubleSpinBox* size_[3];
    QDoubleSpinBox* yaw_;
    QToolButton* colour_;
    QDoubleSpinBox* sunAzimuth_;
    QDoubleSpinBox* sunElevation_;
    QDoubleSpinBox* sunIntensity_;
    QToolButton* sky_;
    QToolButton* groundColour_;
    QCheckBox* shadows_;
    QCheckBox* ground_;
};

} // namespace retake::gui
