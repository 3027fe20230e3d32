#include "timeline/timelinewidget.h"

#include "common/editorstate.h"
#include "common/takechoices.h"
#include "common/timelinemapping.h"
#include "core/error.h"
#include "core/timecode.h"
#include "document/document.h"
#include "timeline/waveformcache.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QFileInfo>
#include <QHelpEvent>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace retake::gui {

namespace {

constexpr double kMinPixelsPerFrame = 0.02;
constexpr double kMaxPixelsPerFrame = 120.0;
constexpr double kZoomStep = 1.25;
const QColor kShotColour(72, 92, 122);
const QColor kAudioColour(62, 100, 78);
const QColor kWaveformColour(120, 185, 140);
const QColor kLockColour(226, 168, 46);
const QColor kPlayheadColour(232, 64, 52);
constexpr double kMarkerFlag = 8; // px

// OpenTimelineIO's marker colours as the editors that write them draw them.
QColor markerColour(const QString& name) {
    static const QHash<QString, QColor> colours{{QStringLiteral("PINK"), QColor(240, 130, 190)},
                                                {QStringLiteral("RED"), QColor(230, 60, 50)},
                                                {QStringLiteral("ORANGE"), QColor(240, 140, 40)},
                                                {QStringLiteral("YELLOW"), QColor(235, 210, 50)},
                                                {QStringLiteral("GREEN"), QColor(80, 190, 80)},
                                                {QStringLiteral("CYAN"), QColor(60, 200, 220)},
                                                {QStringLiteral("BLUE"), QColor(70, 120, 230)},
                                                {QStringLiteral("PURPLE"), QColor(150, 90, 210)},
                                                {QStringLiteral("MAGENTA"), QColor(220, 60, 200)},
                                                {QStringLiteral("BLACK"), QColor(20, 20, 20)},
                                                {QStringLiteral("WHITE"), QColor(245, 245, 245)}};
    return colours.value(name.toUpper(), QColor(80, 190, 80));
}

// A stable, distinct colour per take.
QColor takeColour(const Id& takeId) {
    return QColor::fromHsv(int(qHash(takeId) % 360), 150, 220);
}

} // namespace

TimelineWidget::TimelineWidget(EditorState* state, QWidget* parent)
    : QWidget(parent)
    , state_(state)
    , scroll_(new QScrollBar(Qt::Horizontal, this))
    , waveforms_(new WaveformCache(this)) {
    setObjectName(QStringLiteral("timeline"));
    connect(waveforms_, &WaveformCache::ready, this, qOverload<>(&QWidget::update));
    setFocusPolicy(Qt::ClickFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(scroll_, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
    connect(state_, &EditorState::currentFrameChanged, this, [this] {
        keepPlayheadVisible();
        update();
    });
    connect(state_, &EditorState::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(state_, &EditorState::selectedShotChanged, this, qOverload<>(&QWidget::update));
}

void TimelineWidget::setDocument(Document* document) {
    if (document_)
        document_->disconnect(this);
    document_ = document;
    if (document_)
        connect(document_, &Document::changed, this, &TimelineWidget::projectChanged);
    fitOnNextResize_ = true;
    projectChanged();
    if (width() > kHeaderWidth)
        zoomToFit();
}

void TimelineWidget::projectChanged() {
    markers_ = document_ ? timelineMarkers(document_->project()) : QVector<TimelineMarker>();
    // A relinked or re-rendered file gets a new waveform; painting itself
    // never asks the file system.
    waveforms_->forgetChangedFiles();
    updateGeometry();
    updateScrollBar();
    update();
}

QSize TimelineWidget::sizeHint() const {
    const int rows = document_ ? std::max<int>(2, document_->project().tracks.size()) : 2;
    return {800, kRulerHeight + rows * kTrackHeight + scroll_->sizeHint().height()};
}

QSize TimelineWidget::minimumSizeHint() const {
    return {300, kRulerHeight + kTrackHeight + scroll_->sizeHint().height()};
}

int TimelineWidget::contentWidth() const {
    const FrameNumber frames = document_ ? document_->project().duration() : 0;
    return int(std::ceil(frames * pixelsPerFrame_)) + 40;
}

void TimelineWidget::updateScrollBar() {
    const int visible = std::max(1, width() - kHeaderWidth);
    scroll_->setRange(0, std::max(0, contentWidth() - visible));
    scroll_->setPageStep(visible);
    scroll_->setSingleStep(std::max(1, visible / 20));
}

double TimelineWidget::frameToX(FrameNumber frame) const {
    return kHeaderWidth + frame * pixelsPerFrame_ - scroll_->value();
}

FrameNumber TimelineWidget::xToFrame(double x) const {
    return FrameNumber(std::floor((x - kHeaderWidth + scroll_->value()) / pixelsPerFrame_));
}

QRect TimelineWidget::trackRect(int row) const {
    return {0, kRulerHeight + row * kTrackHeight, width(), kTrackHeight};
}

void TimelineWidget::setPixelsPerFrame(double pixelsPerFrame, int anchorX) {
    pixelsPerFrame = std::clamp(pixelsPerFrame, kMinPixelsPerFrame, kMaxPixelsPerFrame);
    if (anchorX < kHeaderWidth)
        anchorX = int(
            std::clamp(frameToX(state_->currentFrame()), double(kHeaderWidth), double(width())));
    const double anchorFrame = (anchorX - kHeaderWidth + scroll_->value()) / pixelsPerFrame_;
    pixelsPerFrame_ = pixelsPerFrame;
    fitOnNextResize_ = false;
    updateScrollBar();
    scroll_->setValue(int(std::lround(anchorFrame * pixelsPerFrame_ - (anchorX - kHeaderWidth))));
    update();
}

void TimelineWidget::zoomIn() {
    setPixelsPerFrame(pixelsPerFrame_ * kZoomStep);
}

void TimelineWidget::zoomOut() {
    setPixelsPerFrame(pixelsPerFrame_ / kZoomStep);
}

void TimelineWidget::zoomToFit() {
    const FrameNumber frames = document_ ? document_->project().duration() : 0;
    const int available = width() - kHeaderWidth - 24;
    if (frames <= 0 || available <= 0)
        return;
    pixelsPerFrame_ =
        std::clamp(double(available) / double(frames), kMinPixelsPerFrame, kMaxPixelsPerFrame);
    updateScrollBar();
    scroll_->setValue(0);
    fitOnNextResize_ = true;
    update();
}

void TimelineWidget::keepPlayheadVisible() {
    const double x = frameToX(state_->currentFrame());
    if (x < kHeaderWidth || x > width() - 8)
        scroll_->setValue(int(state_->currentFrame() * pixelsPerFrame_) - 16);
}

void TimelineWidget::resizeEvent(QResizeEvent*) {
    const int h = scroll_->sizeHint().height();
    scroll_->setGeometry(kHeaderWidth, height() - h, width() - kHeaderWidth, h);
    // Until the user zooms, the whole timeline stays in view.
    if (fitOnNextResize_)
        zoomToFit();
    updateScrollBar();
}

Id TimelineWidget::shotAt(const QPoint& pos) const {
    if (!document_ || pos.x() < kHeaderWidth)
        return {};
    const Project& project = document_->project();
    const int row = (pos.y() - kRulerHeight) / kTrackHeight;
    if (pos.y() < kRulerHeight || row >= project.tracks.size())
        return {};
    const Track& track = project.tracks[row];
    if (track.kind != TrackKind::Video)
        return {};
    const FrameNumber frame = xToFrame(pos.x());
    for (const ShotPlacement& placed : project.placements(track.id))
        if (placed.timeline.contains(frame))
            return placed.shotId;
    return {};
}

bool TimelineWidget::addTakeActions(QMenu* menu, const QPoint& pos) {
    const Id shotId = shotAt(pos);
    if (shotId.isNull())
        return false;
    const Project& project = document_->project();
    const Shot* shot = project.findShot(shotId);
    const FrameRange placed = placementOf(project, shotId);
    if (!shot || placed.isEmpty())
        return false;
    const FrameNumber mediaFrame = shot->source.start + (xToFrame(pos.x()) - placed.start);
    menu->addSection(tr("%1 · frame %2").arg(shot->name).arg(mediaFrame - shot->source.start));
    gui::addTakeActions(menu, document_, *shot, mediaFrame,
                        [this](const QString& message) { Q_EMIT editFailed(message); });
    return true;
}

bool TimelineWidget::addMarkerActions(QMenu* menu, const QPoint& pos) {
    if (!document_ || pos.y() >= kRulerHeight || pos.x() < kHeaderWidth)
        return false;
    bool any = false;
    for (const TimelineMarker& m : markers_) {
        if (m.on != QLatin1String("timeline"))
            continue; // another tool's, on a clip or a track: shown, not edited
        const double x = frameToX(m.start);
        if (pos.x() < x - 2 || pos.x() > x + kMarkerFlag + 2)
            continue;
        const FrameNumber frame = m.start;
        const QString name = m.name;
        QAction* rename = menu->addAction(tr("Rename Marker “%1”…").arg(name));
        connect(rename, &QAction::triggered, this, [this, frame, name] {
            bool ok = false;
            const QString renamed = QInputDialog::getText(this, tr("Rename Marker"), tr("Name:"),
                                                          QLineEdit::Normal, name, &ok);
            if (!ok || !document_)
                return;
            try {
                document_->renameTimelineMarker(frame, renamed);
            } catch (const Error& e) {
                Q_EMIT editFailed(e.message());
            }
        });
        QAction* remove = menu->addAction(tr("Remove Marker “%1”").arg(name));
        connect(remove, &QAction::triggered, this, [this, frame] {
            if (!document_)
                return;
            try {
                document_->removeTimelineMarker(frame);
            } catch (const Error& e) {
                Q_EMIT editFailed(e.message());
            }
        });
        any = true;
    }
    return any;
}

int TimelineWidget::firstAudioRow() const {
    const Project& project = document_->project();
    for (int row = 0; row < project.tracks.size(); ++row)
        if (project.tracks[row].kind == TrackKind::Audio)
            return row;
    return -1;
}

Id TimelineWidget::linkedAudioShotAt(const QPoint& pos) const {
    if (!document_ || pos.x() < kHeaderWidth)
        return {};
    const int row = firstAudioRow();
    if (row < 0 || !trackRect(row).contains(pos))
        return {};
    const Project& project = document_->project();
    const FrameNumber frame = xToFrame(pos.x());
    for (const Track& track : project.tracks) {
        if (track.kind != TrackKind::Video)
            continue;
        // The first video track's shots play their own audio (timelineaudio.h).
        for (const ShotPlacement& placed : project.placements(track.id)) {
            const Shot* shot = project.findShot(placed.shotId);
            const MediaRef* media = shot ? project.findMedia(shot->mediaId) : nullptr;
            if (placed.timeline.contains(frame) && media && media->hasAudio())
                return placed.shotId;
        }
        break;
    }
    return {};
}

bool TimelineWidget::addAudioActions(QMenu* menu, const QPoint& pos) {
    const Id shotId = linkedAudioShotAt(pos);
    const Shot* shot = shotId.isNull() ? nullptr : document_->project().findShot(shotId);
    if (!shot)
        return false;
    const bool enabled = shot->audioEnabled;
    menu->addSection(tr("%1 · audio").arg(shot->name));
    QAction* toggle = menu->addAction(enabled ? tr("Mute Shot Audio") : tr("Unmute Shot Audio"));
    connect(toggle, &QAction::triggered, this, [this, shotId, enabled] {
        if (!document_)
            return;
        try {
            document_->setShotAudioEnabled(shotId, !enabled);
        } catch (const Error& e) {
            Q_EMIT editFailed(e.message());
        }
    });
    return true;
}

void TimelineWidget::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    if (!addMarkerActions(&menu, event->pos()) && !addAudioActions(&menu, event->pos()) &&
        !addTakeActions(&menu, event->pos()))
        return;
    menu.exec(event->globalPos());
}

FrameNumber TimelineWidget::rulerStep(FrameNumber* minorStep) const {
    // Labels at least ~96 px apart, on steps that divide a second (so the
    // timecodes read 00:00:00:12, 00:00:01:00, ...) or on whole seconds.
    const FrameNumber fps = std::max<FrameNumber>(1, state_->frameRate().rounded());
    QVector<FrameNumber> steps;
    for (FrameNumber d = 1; d < fps; ++d)
        if (fps % d == 0)
            steps.push_back(d);
    for (FrameNumber s : {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600})
        steps.push_back(s * fps);
    FrameNumber step = steps.back();
    for (FrameNumber candidate : steps)
        if (candidate * pixelsPerFrame_ >= 96) {
            step = candidate;
            break;
        }
    if (step < fps)
        *minorStep = 1;
    else if (step == fps)
        *minorStep = fps % 2 == 0 ? fps / 2 : 1;
    else
        *minorStep = step % (5 * fps) == 0 ? step / 5 : fps;
    return step;
}

void TimelineWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette& pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (document_) {
        const Project& project = document_->project();
        for (int row = 0; row < project.tracks.size(); ++row) {
            const QRect r = trackRect(row);
            p.fillRect(r, row % 2 ? pal.color(QPalette::Base) : pal.color(QPalette::AlternateBase));
            p.setClipRect(QRect(kHeaderWidth, r.top(), width() - kHeaderWidth, r.height()));
            if (project.tracks[row].kind == TrackKind::Video) {
                paintVideoTrack(p, project.tracks[row], r);
            } else {
                if (row == firstAudioRow())
                    paintLinkedAudio(p, r);
                paintAudioTrack(p, project.tracks[row], r);
            }
            p.setClipping(false);
            // Track header.
            const QRect header(0, r.top(), kHeaderWidth, r.height());
            p.fillRect(header, pal.color(QPalette::Window));
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(header.adjusted(8, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       project.tracks[row].name);
            p.setPen(pal.color(QPalette::Dark));
            p.drawLine(0, r.bottom(), width(), r.bottom());
        }
    }
    paintRuler(p);
    paintMarkers(p);
    paintSelectionAndPlayhead(p);
}

void TimelineWidget::paintRuler(QPainter& p) const {
    const QPalette& pal = palette();
    const QRect ruler(0, 0, width(), kRulerHeight);
    p.fillRect(ruler, pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Dark));
    p.drawLine(0, kRulerHeight - 1, width(), kRulerHeight - 1);
    FrameNumber minor = 1;
    const FrameNumber step = rulerStep(&minor);
    const FrameNumber first = std::max<FrameNumber>(0, xToFrame(kHeaderWidth));
    const FrameNumber last = xToFrame(width()) + 1;
    const FrameNumber duration = state_->duration();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    p.setClipRect(QRect(kHeaderWidth, 0, width() - kHeaderWidth, kRulerHeight));
    if (minor * pixelsPerFrame_ >= 5) {
        p.setPen(pal.color(QPalette::Mid));
        for (FrameNumber f = first - first % minor; f <= last; f += minor) {
            const double x = frameToX(f);
            p.drawLine(QPointF(x, kRulerHeight - 6), QPointF(x, kRulerHeight - 1));
        }
    }
    for (FrameNumber f = first - first % step; f <= last; f += step) {
        const double x = frameToX(f);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawLine(QPointF(x, kRulerHeight - 13), QPointF(x, kRulerHeight - 1));
        if (duration > 0 && f > duration)
            continue;
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QPointF(x + 3, kRulerHeight - 16), frameToTimecode(f, state_->frameRate()));
    }
    p.setClipping(false);
    p.setFont(font());
}

void TimelineWidget::paintMarkers(QPainter& p) const {
    if (markers_.isEmpty())
        return;
    p.save();
    p.setClipRect(QRect(kHeaderWidth, 0, width() - kHeaderWidth, kRulerHeight));
    p.setRenderHint(QPainter::Antialiasing);
    for (const TimelineMarker& m : markers_) {
        const QColor colour = markerColour(m.colour);
        const double x = frameToX(m.start);
        if (m.length > 0) {
            QColor band = colour;
            band.setAlpha(90);
            p.fillRect(QRectF(x, 0, frameToX(m.start + m.length) - x, 5), band);
        }
        // A pennant at the top of the ruler, its pole down to the tracks.
        p.setPen(QPen(colour, 1));
        p.drawLine(QPointF(x, 0), QPointF(x, kRulerHeight - 1));
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawPolygon(QPolygonF(
            {QPointF(x, 0), QPointF(x + kMarkerFlag, kMarkerFlag / 2.0), QPointF(x, kMarkerFlag)}));
    }
    p.restore();
}

QString TimelineWidget::markerToolTipAt(const QPoint& pos) const {
    if (pos.y() >= kRulerHeight || pos.x() < kHeaderWidth)
        return {};
    QStringList lines;
    for (const TimelineMarker& m : markers_) {
        const double x = frameToX(m.start);
        const double end = m.length > 0 ? frameToX(m.start + m.length) : x;
        if (pos.x() < x - 2 || pos.x() > std::max(end, x + kMarkerFlag) + 2)
            continue;
        const Rational rate = state_->frameRate();
        QString line =
            m.length > 0
                ? tr("Marker \"%1\" on %2 from %3 to %4")
                      .arg(m.name, m.on, frameToTimecode(m.start, rate),
                           frameToTimecode(m.start + m.length, rate))
                : tr("Marker \"%1\" on %2 at %3").arg(m.name, m.on, frameToTimecode(m.start, rate));
        if (!m.comment.isEmpty())
            line += QStringLiteral(": ") + m.comment;
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

bool TimelineWidget::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = markerToolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void TimelineWidget::paintVideoTrack(QPainter& p, const Track& track, const QRect& row) const {
    const Project& project = document_->project();
    const int fontHeight = fontMetrics().height();
    for (const ShotPlacement& placed : project.placements(track.id)) {
        const Shot* shot = project.findShot(placed.shotId);
        if (!shot)
            continue;
        const QRectF block(frameToX(placed.timeline.start), row.top() + 3,
                           placed.timeline.length() * pixelsPerFrame_, row.height() - 6);
        if (block.right() < kHeaderWidth || block.left() > width())
            continue;
        const bool selected = shot->id == state_->selectedShot();
        const MediaRef* media = project.findMedia(shot->mediaId);
        const bool offline = media && !media->online;
        if (media && media->isGap()) {
            // An edit's gap: nothing plays there, so no block, only its outline.
            p.setPen(QPen(selected ? palette().color(QPalette::Highlight).lighter(140)
                                   : palette().color(QPalette::Mid),
                          1, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(block.adjusted(0.5, 0.5, -0.5, -0.5));
        } else {
            p.setPen(QPen(selected ? palette().color(QPalette::Highlight).lighter(140)
                                   : kShotColour.darker(150),
                          selected ? 2 : 1));
            p.setBrush(offline ? QColor(110, 50, 50)
                               : (selected ? kShotColour.lighter(125) : kShotColour));
            p.drawRect(block.adjusted(0.5, 0.5, -0.5, -0.5));
        }

        // Locked frames: hatched bars across the middle of the block.
        const QRectF band(block.left(), block.top() + fontHeight + 4, block.width(), 14);
        for (const FrameRange& lock : shot->locks.ranges()) {
            const FrameRange on = mediaToTimeline(*shot, placed, lock);
            if (on.isEmpty())
                continue;
            const QRectF bar(frameToX(on.start), band.top(), on.length() * pixelsPerFrame_,
                             band.height());
            p.setPen(QPen(kLockColour, 1));
            p.setBrush(QColor(kLockColour.red(), kLockColour.green(), kLockColour.blue(), 60));
            p.drawRect(bar);
            p.setBrush(QBrush(kLockColour, Qt::BDiagPattern));
            p.drawRect(bar);
        }
        // Takes shown over the shot: coloured bars along the bottom.
        for (const TakeSelection& active : shot->activeTakes) {
            if (active.takeId.isNull())
                continue;
            const FrameRange on = mediaToTimeline(*shot, placed, active.range);
            if (on.isEmpty())
                continue;
            p.fillRect(
                QRectF(frameToX(on.start), block.bottom() - 8, on.length() * pixelsPerFrame_, 6),
                takeColour(active.takeId));
        }
        const QRectF label = block.adjusted(5, 2, -4, 0);
        if (label.width() > 12) {
            p.setPen(QColor(236, 236, 236));
            QString text = shot->name;
            if (offline)
                text =
                    media->notMedia ? tr("%1 (not media)").arg(text) : tr("%1 (offline)").arg(text);
            p.drawText(QRectF(label.left(), label.top(), label.width(), fontHeight),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fontMetrics().elidedText(text, Qt::ElideRight, int(label.width())));
        }
    }
}

void TimelineWidget::paintAudioTrack(QPainter& p, const Track& track, const QRect& row) const {
    const Project& project = document_->project();
    for (const AudioClip& clip : track.clips) {
        const FrameNumber length = (clip.duration * project.frameRate).rounded();
        const QRectF block(frameToX(clip.timelineStart), row.top() + 3, length * pixelsPerFrame_,
                           row.height() - 6);
        if (block.right() < kHeaderWidth || block.left() > width())
            continue;
        p.setPen(kAudioColour.darker(150));
        p.setBrush(track.muted ? kAudioColour.darker(160) : kAudioColour);
        p.drawRect(block.adjusted(0.5, 0.5, -0.5, -0.5));
        const MediaRef* media = project.findMedia(clip.mediaId);
        if (media && block.width() > 16) {
            p.setPen(QColor(230, 230, 230));
            p.drawText(block.adjusted(5, 2, -4, 0), Qt::AlignLeft | Qt::AlignTop,
                       fontMetrics().elidedText(QFileInfo(media->path).fileName(), Qt::ElideRight,
                                                int(block.width()) - 9));
        }
    }
}

void TimelineWidget::paintLinkedAudio(QPainter& p, const QRect& row) const {
    // Each shot of the first video track that carries sound shows it here,
    // under its picture, where it moves with the shot; muted, it is greyed.
    const Project& project = document_->project();
    const auto video = std::find_if(project.tracks.cbegin(), project.tracks.cend(),
                                    [](const Track& t) { return t.kind == TrackKind::Video; });
    if (video == project.tracks.cend())
        return;
    for (const ShotPlacement& placed : project.placements(video->id)) {
        const Shot* shot = project.findShot(placed.shotId);
        const MediaRef* media = shot ? project.findMedia(shot->mediaId) : nullptr;
        if (!media || !media->hasAudio())
            continue;
        const QRectF block(frameToX(placed.timeline.start), row.top() + 3,
                           placed.timeline.length() * pixelsPerFrame_, row.height() - 6);
        if (block.right() < kHeaderWidth || block.left() > width())
            continue;
        const bool audible = shot->audioEnabled && media->online;
        const QColor fill = audible ? kAudioColour.darker(120) : QColor(70, 70, 70);
        p.setPen(fill.darker(150));
        p.setBrush(fill);
        p.drawRect(block.adjusted(0.5, 0.5, -0.5, -0.5));
        // The name on a strip of its own above the waveform, readable
        // whatever the sound.
        const double labelHeight = fontMetrics().height() + 2;
        if (media->online)
            paintWaveform(p, block.adjusted(0, labelHeight, 0, 0), *media, shot->source.start);
        if (block.width() > 16) {
            p.setPen(QColor(230, 230, 230));
            const QString label =
                shot->audioEnabled ? shot->name : tr("%1 (muted)").arg(shot->name);
            p.drawText(block.adjusted(5, 2, -4, 0), Qt::AlignLeft | Qt::AlignTop,
                       fontMetrics().elidedText(label, Qt::ElideRight, int(block.width()) - 9));
        }
    }
}

void TimelineWidget::paintWaveform(QPainter& p, const QRectF& block, const MediaRef& media,
                                   FrameNumber firstMediaFrame) const {
    if (!(media.frameRate > Rational(0)))
        return;
    const double mediaSeconds = double(media.frameCount) / media.frameRate.toDouble();
    const AudioPeaks* peaks = waveforms_->peaks(media.path, mediaSeconds);
    if (!peaks || peaks->empty())
        return;
    // One line per pixel column, as loud as the loudest sound under it.
    const double centre = block.center().y();
    const double half = block.height() / 2 - 2;
    const double secondsPerFrame = 1.0 / media.frameRate.toDouble();
    const double left = std::max(block.left(), double(kHeaderWidth));
    const double right = std::min(block.right(), double(width()));
    p.setPen(kWaveformColour);
    for (double x = std::floor(left); x < right; x += 1) {
        const double frames = (x - block.left()) / pixelsPerFrame_;
        const double from = (double(firstMediaFrame) + frames) * secondsPerFrame;
        const double to = from + secondsPerFrame / pixelsPerFrame_;
        // On a decibel scale from -48 dB, as editors draw sound: dialogue at
        // -20 dB is plainly visible, room tone barely.
        const double peak = peaks->maxBetween(from, std::max(to, from + 1e-4));
        const double level = peak > 0 ? std::clamp((20 * std::log10(peak) + 48) / 48, 0.0, 1.0) : 0;
        const double height = level * half;
        if (height >= 0.5)
            p.drawLine(QPointF(x + 0.5, centre - height), QPointF(x + 0.5, centre + height));
    }
}

void TimelineWidget::paintSelectionAndPlayhead(QPainter& p) const {
    p.setClipRect(QRect(kHeaderWidth, 0, width() - kHeaderWidth, height()));
    const FrameRange selection = state_->selection();
    if (!selection.isEmpty()) {
        const QRectF band(frameToX(selection.start), 0, selection.length() * pixelsPerFrame_,
                          height());
        p.fillRect(band, QColor(255, 255, 255, 28));
        QColor mark = palette().color(QPalette::Highlight);
        p.fillRect(QRectF(band.left(), kRulerHeight - 6, band.width(), 6), mark);
        p.setPen(mark.lighter(130));
        p.drawLine(band.topLeft(), band.bottomLeft());
        p.drawLine(band.topRight(), band.bottomRight());
    }
    if (document_ && state_->duration() > 0) {
        // The playhead sits on the left edge of its frame; at high zoom a
        // translucent band shows the frame's width.
        const double x = frameToX(state_->currentFrame());
        if (pixelsPerFrame_ >= 4)
            p.fillRect(
                QRectF(x, kRulerHeight, pixelsPerFrame_, height()),
                QColor(kPlayheadColour.red(), kPlayheadColour.green(), kPlayheadColour.blue(), 40));
        p.setPen(QPen(kPlayheadColour, 1.5));
        p.drawLine(QPointF(x, 0), QPointF(x, height()));
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(kPlayheadColour);
        p.setPen(Qt::NoPen);
        const QPointF head[] = {{x - 6, 0}, {x + 6, 0}, {x + 6, 8}, {x, 14}, {x - 6, 8}};
        p.drawPolygon(head, 5);
    }
    p.setClipping(false);
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !document_ || event->position().x() < kHeaderWidth)
        return QWidget::mousePressEvent(event);
    pressPos_ = event->position().toPoint();
    pressFrame_ = std::clamp<FrameNumber>(xToFrame(pressPos_.x()), 0, state_->lastFrame());
    if (pressPos_.y() < kRulerHeight) {
        drag_ = Drag::Playhead;
        state_->pause();
        state_->setCurrentFrame(pressFrame_);
    } else {
        drag_ = Drag::PendingSelect;
    }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    const FrameNumber frame = std::clamp<FrameNumber>(xToFrame(pos.x()), 0, state_->lastFrame());
    if (drag_ == Drag::Playhead) {
        state_->setCurrentFrame(frame);
    } else if (drag_ == Drag::PendingSelect &&
               (pos - pressPos_).manhattanLength() >= QApplication::startDragDistance()) {
        drag_ = Drag::Select;
    }
    if (drag_ == Drag::Select)
        state_->setSelection({std::min(pressFrame_, frame), std::max(pressFrame_, frame) + 1});
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (drag_ == Drag::PendingSelect) {
        const Id shot = shotAt(event->position().toPoint());
        if (!shot.isNull())
            state_->selectShot(shot);
        state_->pause();
        state_->setCurrentFrame(pressFrame_);
    }
    drag_ = Drag::None;
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    if ((event->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        scroll_->setValue(scroll_->value() - d * scroll_->singleStep() / 40);
    } else if (delta.y() != 0) {
        setPixelsPerFrame(pixelsPerFrame_ * std::pow(kZoomStep, delta.y() / 120.0),
                          int(event->position().x()));
    }
    event->accept();
}

} // namespace retake::gui
