#include "storyboard/storyboarddelegate.h"

#include "storyboard/storyboardmodel.h"

#include <QApplication>
#include <QPainter>

namespace retake::gui {

namespace {
constexpr int kMargin = 6;
constexpr int kLines = 4;
} // namespace

QSize StoryboardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    const int line = option.fontMetrics.height();
    return {kThumbWidth + 2 * kMargin, kThumbHeight + 3 * kMargin + kLines * line + 2};
}

void StoryboardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const QRectF card = QRectF(option.rect).adjusted(2.5, 2.5, -2.5, -2.5);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                         selected ? 2.0 : 1.0));
    painter->setBrush(pal.color(QPalette::AlternateBase));
    painter->drawRoundedRect(card, 4, 4);

    // Thumbnail, letterboxed on neutral black.
    const QRect thumbRect(option.rect.left() + kMargin, option.rect.top() + kMargin, kThumbWidth,
                          kThumbHeight);
    painter->fillRect(thumbRect, Qt::black);
    const QImage thumb = index.data(StoryboardModel::ThumbnailRole).value<QImage>();
    if (!thumb.isNull()) {
        const QSize fitted = thumb.size().scaled(thumbRect.size(), Qt::KeepAspectRatio);
        QRect target(QPoint(), fitted);
        target.moveCenter(thumbRect.center());
        painter->drawImage(target, thumb);
    } else {
        const QString error = index.data(StoryboardModel::ThumbnailErrorRole).toString();
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(thumbRect.adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWordWrap,
                          error.isEmpty() ? StoryboardModel::tr("Loading…")
                                          : StoryboardModel::tr("Media unavailable"));
    }

    const qint64 locked = index.data(StoryboardModel::LockedFramesRole).toLongLong();
    const qint64 duration = index.data(StoryboardModel::DurationRole).toLongLong();
    if (locked > 0) {
        // A lock badge over the thumbnail's corner.
        const QString badge = locked >= duration ? StoryboardModel::tr("Locked")
                                                 : StoryboardModel::tr("Partly locked");
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter->setFont(small);
        const QFontMetrics fm(small);
        QRect badgeRect(0, 0, fm.horizontalAdvance(badge) + 10, fm.height() + 2);
        badgeRect.moveTopRight(thumbRect.topRight() + QPoint(-4, 4));
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(214, 160, 40, 230));
        painter->drawRoundedRect(badgeRect, 3, 3);
        painter->setPen(Qt::black);
        painter->drawText(badgeRect, Qt::AlignCenter, badge);
    }

    const QFontMetrics fm(option.font);
    const int line = fm.height();
    QRect text(thumbRect.left(), thumbRect.bottom() + kMargin, kThumbWidth, line);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(
        text, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, text.width()));
    painter->setFont(option.font);

    const QString details = StoryboardModel::tr("%n frame(s)", nullptr, int(duration)) +
                            QStringLiteral(" · ") +
                            index.data(StoryboardModel::TimecodeRole).toString();
    text.translate(0, line);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(details, Qt::ElideRight, text.width()));

    const double focal = index.data(StoryboardModel::FocalLengthRole).toDouble();
    QString lens = StoryboardModel::tr("%1 mm").arg(QLocale().toString(focal, 'g', 4));
    lens += QStringLiteral(" · ") +
            (locked == 0 ? StoryboardModel::tr("unlocked")
                         : StoryboardModel::tr("%1/%2 locked").arg(locked).arg(duration));
    text.translate(0, line);
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(lens, Qt::ElideRight, text.width()));

    const QString prompt = index.data(StoryboardModel::PromptRole).toString();
    text.translate(0, line);
    QFont italic = option.font;
    italic.setItalic(prompt.isEmpty());
    painter->setFont(italic);
    painter->setPen(prompt.isEmpty() ? pal.color(QPalette::PlaceholderText)
                                     : pal.color(QPalette::Text));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(prompt.isEmpty() ? StoryboardModel::tr("No prompt") : prompt,
                                    Qt::ElideRight, text.width()));
    painter->restore();
}

} // namespace retake::gui
