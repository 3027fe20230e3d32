#pragma once

#include <QStyledItemDelegate>

namespace retake::gui {

// Paints a storyboard card: the thumbnail, then name, duration, lens, lock
// state and prompt.
class StoryboardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kThumbWidth = 192;
    static constexpr int kThumbHeight = 108;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace retake::gui
