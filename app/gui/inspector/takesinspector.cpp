#include "inspector/takesinspector.h"

#include "common/editorstate.h"
#include "common/takechoices.h"
#include "common/timelinemapping.h"
#include "core/error.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retake::gui {

namespace {

enum Column { Shown, Name, Author, Engine, Seed, Created, Prompt, ColumnCount };

// Stored on each row: the take (null = the original) and the range
// Document::setActiveTake is called with.
constexpr int kTakeIdRole = Qt::UserRole;
constexpr int kRangeStartRole = Qt::UserRole + 1;
constexpr int kRangeEndRole = Qt::UserRole + 2;
constexpr int kActiveRole = Qt::UserRole + 3;

} // namespace

TakesInspector::TakesInspector(EditorState* state, QWidget* parent)
    : QGroupBox(tr("Takes"), parent)
    , state_(state)
    , hint_(new QLabel(this))
    , list_(new QTreeWidget(this))
    , show_(new QPushButton(tr("Show take"), this)) {
    setObjectName(QStringLiteral("inspectorTakes"));
    hint_->setWordWrap(true);
    hint_->setForegroundRole(QPalette::PlaceholderText);
    list_->setObjectName(QStringLiteral("takeList"));
    list_->setColumnCount(ColumnCount);
    list_->setHeaderLabels(
        {QString(), tr("Take"), tr("By"), tr("Engine"), tr("Seed"), tr("Created"), tr("Prompt")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setAllColumnsShowFocus(true);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(true);
    list_->setToolTip(tr("Double-click a take to show it over its range (undoable)."));
    show_->setObjectName(QStringLiteral("showTake"));
    show_->setToolTip(tr("Show the selected take over its range"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint_);
    layout->addWidget(list_);
    layout->addWidget(show_, 0, Qt::AlignRight);

    connect(list_, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { switchTo(list_->indexOfTopLevelItem(item)); });
    connect(show_, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem* item = list_->currentItem())
            switchTo(list_->indexOfTopLevelItem(item));
    });
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        show_->setEnabled(item && !item->data(Shown, kActiveRole).toBool());
    });
    connect(state_, &EditorState::selectedShotChanged, this, &TakesInspector::refresh);
    connect(state_, &EditorState::selectionChanged, this, &TakesInspector::refresh);
    connect(state_, &EditorState::currentFrameChanged, this, [this] {
        // Playback moves the playhead every frame: the list follows when it stops.
        if (!state_->isPlaying())
            refresh();
    });
    connect(state_, &EditorState::playingChanged, this, &TakesInspector::refresh);
    refresh();
}

void TakesInspector::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    if (document_)
        connect(document_, &Document::changed, this, &TakesInspector::refresh);
    refresh();
}

std::optional<std::pair<const Shot*, FrameNumber>> TakesInspector::target() const {
    if (!document_)
        return std::nullopt;
    const Project& project = document_->project();
    const Shot* shot = project.findShot(state_->selectedShot());
    if (!shot)
        return std::nullopt;
    const FrameNumber playhead = state_->currentFrame();
    for (const FrameRange& range : {FrameRange{playhead, playhead + 1}, state_->selection()})
        for (const ShotSpan& span : shotSpansIn(project, range))
            if (span.shotId == shot->id)
                return std::pair{shot, span.media.start};
    return std::nullopt;
}

void TakesInspector::refresh() {
    list_->clear();
    const auto at = target();
    const QVector<TakeChoice> choices =
        at ? takeChoicesAt(*at->first, at->second) : QVector<TakeChoice>();
    const bool any = choices.size() > 1;
    hint_->setText(
        !at   ? tr("Put the playhead on the selected shot to see its takes.")
        : any ? tr("Takes at frame %1 of the shot.").arg(at->second - at->first->source.start)
              : tr("No takes at frame %1 of the shot: regenerate a range to make one.")
                    .arg(at->second - at->first->source.start));
    list_->setVisible(any);
    show_->setVisible(any);
    if (!any)
        return;
    const QLocale locale;
    for (const TakeChoice& choice : choices) {
        auto* item = new QTreeWidgetItem(list_);
        item->setData(Shown, kTakeIdRole, choice.takeId.toString());
        item->setData(Shown, kRangeStartRole, qint64(choice.range.start));
        item->setData(Shown, kRangeEndRole, qint64(choice.range.end));
        item->setData(Shown, kActiveRole, choice.active);
        const Take* take = nullptr;
        int number = 0;
        for (int i = 0; i < at->first->takes.size(); ++i)
            if (at->first->takes[i].id == choice.takeId) {
                take = &at->first->takes[i];
                number = i + 1;
            }
        if (take) {
            item->setText(
                Name, tr("Take %1 (frames %2)")
                          .arg(number)
                          .arg(take->range.shifted(-at->first->source.start).toInclusiveString()));
            // The credit map's "who": the user name in Settings when it was made.
            item->setText(Author, take->author);
            item->setText(Engine, take->engine);
            item->setText(Seed, QString::number(take->seed));
            item->setText(Created,
                          locale.toString(take->created.toLocalTime(), QLocale::ShortFormat));
            item->setText(Prompt, take->prompt);
            item->setToolTip(Prompt, take->prompt);
        } else {
            item->setText(Name, tr("Original"));
        }
        if (choice.active) {
            item->setText(Shown, QStringLiteral("✓"));
            item->setToolTip(Shown, tr("Shown at this frame"));
            QFont bold = item->font(Name);
            bold.setBold(true);
            for (int column = 0; column < ColumnCount; ++column)
                item->setFont(column, bold);
            list_->setCurrentItem(item);
        }
    }
    show_->setEnabled(false);
}

bool TakesInspector::switchTo(int row) {
    QTreeWidgetItem* item = list_->topLevelItem(row);
    const auto at = target();
    if (!item || !at || !document_)
        return false;
    if (item->data(Shown, kActiveRole).toBool())
        return true;
    const Id takeId(item->data(Shown, kTakeIdRole).toString());
    const FrameRange range{item->data(Shown, kRangeStartRole).toLongLong(),
                           item->data(Shown, kRangeEndRole).toLongLong()};
    try {
        document_->setActiveTake(at->first->id, range, takeId);
    } catch (const Error& e) {
        Q_EMIT editFailed(e.message());
        return false;
    }
    return true;
}

} // namespace retake::gui
