#include "document.h"

#include "camera/lens.h"
#include "core/error.h"
#include "core/leftovers.h"
#include "core/translate.h"
#include "core/username.h"
#include "documentmessages.h"
#include "interchange/otiomarkers.h"
#include "ocio/colourpipeline.h"
#include "projectfile/projectfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QUndoCommand>

namespace retake {

namespace {
using documentdetail::tr;
using documentdetail::usage;
} // namespace

// Undo by memento: the project before and after the edit. Project's
// containers are implicitly shared, so a snapshot costs one shallow copy of
// the vectors an edit touched, not a deep copy of the project; and restoring
// a snapshot can never leave the model half-undone.
class ProjectSnapshotCommand : public QUndoCommand {
public:
    ProjectSnapshotCommand(Document* doc, const QString& text, Project before, Project after)
        : QUndoCommand(text)
        , doc_(doc)
        , before_(std::move(before))
        , after_(std::move(after)) {}
    void undo() override { doc_->setProjectFromUndo(before_); }
    void redo() override { doc_->setProjectFromUndo(after_); }

private:
    Document* doc_;
    Project before_;
    Project after_;
};

Document::Document(Project project, const QString& filePath, QObject* parent)
    : QObject(parent)
    , project_(std::move(project))
    , filePath_(filePath) {
    connect(&undoStack_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    connect(&autosaveTimer_, &QTimer::timeout, this, [this] {
        if (revision_ != autosavedRevision_) {
            // A timer slot cannot throw: a full disk is reported, and the
            // next tick tries again (the project file itself is untouched).
            try {
                writeAutosave();
            } catch (const Error& e) {
                Q_EMIT autosaveFailed(e.message());
            }
        }
    });
}

Document::~Document() = default;

std::unique_ptr<Document> Document::open(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto doc = std::make_unique<Document>(loadProjectFile(absolute), absolute);
    // Takes half-written by a Retake that was killed are removed on open.
    const QString takes = QDir(doc->cacheDir()).filePath(QStringLiteral("takes"));
    doc->cleanupNote_ = sweepLeftovers(takes).summary(takes);
    return doc;
}

QString Document::cacheDir() const {
    if (filePath_.isEmpty())
        return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
            .filePath(idToString(project_.id));
    return projectCacheDir(filePath_);
}

void Document::writeTo(const QString& path) {
    saveProjectFile(project_, path);
}

void Document::save() {
    if (filePath_.isEmpty())
        usage(tr("The project has no file name yet; use Save As."));
    writeTo(filePath_);
    undoStack_.setClean();
    discardAutosave();
}

void Document::saveAs(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    writeTo(absolute);
    const QString oldAutosave = autosavePath();
    filePath_ = absolute;
    undoStack_.setClean();
    QFile::remove(oldAutosave);
    discardAutosave();
}

void Document::setAutosaveInterval(int intervalMs) {
    if (intervalMs <= 0) {
        autosaveTimer_.stop();
        return;
    }
    autosaveTimer_.start(intervalMs);
}

QString Document::autosavePathFor(const QString& projectPath) {
    return QFileInfo(projectPath).absoluteFilePath() + QStringLiteral(".autosave");
}

QString Document::autosavePath() const {
    if (!filePath_.isEmpty())
        return autosavePathFor(filePath_);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(
        QStringLiteral("autosave/%1.retake.autosave").arg(idToString(project_.id)));
}

void Document::writeAutosave() {
    const QString path = autosavePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Relative media paths are resolved against the project file's folder,
    // which is also the autosave's folder.
    saveProjectFile(project_, path);
    autosavedRevision_ = revision_;
    Q_EMIT autosaved(path);
}

void Document::discardAutosave() {
    QFile::remove(autosavePath());
    autosavedRevision_ = revision_;
}

bool Document::hasRecoverableAutosave(const QString& projectPath) {
    const QFileInfo autosave(autosavePathFor(projectPath));
    if (!autosave.isFile())
        return false;
    const QFileInfo project(projectPath);
    return !project.exists() || autosave.lastModified() >= project.lastModified();
}

std::unique_ptr<Document> Document::recover(const QString& projectPath) {
    const QString absolute = QFileInfo(projectPath).absoluteFilePath();
    Project recovered = loadProjectFile(autosavePathFor(absolute));
    Project onDisk = QFileInfo::exists(absolute) ? loadProjectFile(absolute) : recovered;
    auto doc = std::make_unique<Document>(onDisk, absolute);
    // One undo step from the saved state to the recovered one, so the user
    // can compare and the title shows unsaved changes.
    doc->undoStack_.push(
        new ProjectSnapshotCommand(doc.get(), tr("Recover autosave"), onDisk, recovered));
    return doc;
}

void Document::setProjectFromUndo(const Project& project) {
    project_ = project;
    ++revision_;
    Q_EMIT changed();
}

void Document::apply(const QString& text, const std::function<void(Project&)>& edit) {
    Project after = project_;
    edit(after);
    const QStringList problems = after.consistencyProblems();
    if (!problems.isEmpty())
        throw Error(ErrorKind::Internal, tr("Edit \"%1\" refused, it would break the project: %2")
                                             .arg(text, problems.join(QStringLiteral("; "))));
    if (after == project_)
        return;
    undoStack_.push(new ProjectSnapshotCommand(this, text, project_, std::move(after)));
}

Shot& Document::shotOrThrow(Project& project, const Id& shotId) const {
    Shot* shot = project.findShot(shotId);
    if (!shot)
        usage(tr("No shot with ID %1.").arg(idToString(shotId)));
    return *shot;
}

static void checkWithinShot(const Shot& shot, FrameRange range) {
    if (range.isEmpty())
        usage(tr("The frame range is empty."));
    if (!shot.source.contains(range))
        usage(tr("Frames %1 are outside shot \"%2\" (frames %3).")
                  .arg(range.toInclusiveString(), shot.name, shot.source.toInclusiveString()));
}

static Id addOrReuseMedia(Project& p, const MediaInfo& info) {
    MediaRef m = MediaRef::fromInfo(info);
    if (const MediaRef* existing = p.findMediaByPath(m.path))
        return existing->id;
    m.id = newId();
    p.media.push_back(m);
    return m.id;
}

Id Document::importMedia(const MediaInfo& info, const QString& shotName, int index) {
    if (info.frameCount <= 0)
        throwBadInput(info.path, tr("has no video frames to import"));
    Id shotId = newId();
    apply(tr("Import %1").arg(QFileInfo(info.path).fileName()), [&](Project& p) {
        Track* track = nullptr;
        for (auto& t : p.tracks)
            if (t.kind == TrackKind::Video) {
                track = &t;
                break;
            }
        if (!track) {
            p.tracks.push_front(
                Track{newId(), TrackKind::Video, QStringLiteral("V1"), {}, {}, false, {}});
            track = &p.tracks.front();
        }
        if (p.settingsFromFirstMedia && p.shots.isEmpty()) {
            p.frameRate = info.frameRate;
            p.width = info.width;
            p.height = info.height;
            p.settingsFromFirstMedia = false;
        }
        Shot shot;
        shot.id = shotId;
        shot.mediaId = addOrReuseMedia(p, info);
        shot.name = shotName.isEmpty() ? QFileInfo(info.path).completeBaseName() : shotName;
        shot.source = {0, info.frameCount};
        p.shots.push_back(shot);
        if (index < 0 || index > track->shots.size())
            track->shots.push_back(shotId);
        else
            track->shots.insert(index, shotId);
    });
    return shotId;
}

Id Document::addAudioClip(const MediaInfo& info, FrameNumber timelineStart, const Id& trackId) {
    if (!info.audio.present())
        throwBadInput(info.path, tr("has no audio stream"));
    if (timelineStart < 0)
        usage(tr("An audio clip cannot start before the timeline."));
    AudioClip clip;
    clip.id = newId();
    apply(tr("Add audio %1").arg(QFileInfo(info.path).fileName()), [&](Project& p) {
        Track* track = trackId.isNull() ? nullptr : p.findTrack(trackId);
        if (!trackId.isNull() && (!track || track->kind != TrackKind::Audio))
            usage(tr("No audio track with ID %1.").arg(idToString(trackId)));
        for (auto& t : p.tracks)
            if (!track && t.kind == TrackKind::Audio)
                track = &t;
        if (!track) {
            p.tracks.push_back(
                Track{newId(), TrackKind::Audio, QStringLiteral("A1"), {}, {}, false, {}});
            track = &p.tracks.back();
        }
        clip.mediaId = addOrReuseMedia(p, info);
        const MediaRef* m = p.findMedia(clip.mediaId);
        clip.duration = info.frameCount > 0 ? Rational(m->frameCount) / m->frameRate : Rational(0);
        clip.timelineStart = timelineStart;
        if (!clip.duration.isPositive())
            usage(tr("%1: the audio has no known duration.").arg(info.path));
        track->clips.push_back(clip);
    });
    return clip.id;
}

void Document::addTimelineMarker(FrameNumber frame, const QString& name, const QString& colour,
                                 const QString& comment) {
    const QString otio = withTimelineMarkerAdded(project_, frame, name, colour, comment);
    apply(tr("Add marker \"%1\"").arg(name.trimmed()), [&](Project& p) { p.otio = otio; });
}

void Document::renameTimelineMarker(FrameNumber frame, const QString& name) {
    const QString otio = withTimelineMarkerRenamed(project_, frame, name);
    apply(tr("Rename marker to \"%1\"").arg(name.trimmed()), [&](Project& p) { p.otio = otio; });
}

void Document::removeTimelineMarker(FrameNumber frame) {
    const QString otio = withTimelineMarkersRemoved(project_, frame);
    apply(tr("Remove marker"), [&](Project& p) { p.otio = otio; });
}

void Document::lockRange(const Id& shotId, FrameRange range) {
    apply(tr("Lock frames %1").arg(range.toInclusiveString()), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        checkWithinShot(shot, range);
        shot.locks.add(range);
        shot.lockCredits.push_back({range, currentUserName(), QDateTime::currentDateTimeUtc()});
    });
}

void Document::unlockRange(const Id& shotId, FrameRange range) {
    apply(tr("Unlock frames %1").arg(range.toInclusiveString()), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        checkWithinShot(shot, range);
        shot.locks.remove(range);
    });
}

Id Document::addMask(const Id& shotId, const QString& path, FrameRange range, bool stationary) {
    const Id maskId = newId();
    apply(tr("Add mask"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        checkWithinShot(shot, range);
        shot.masks.push_back({maskId, QFileInfo(path).absoluteFilePath(), range, stationary, {}});
    });
    return maskId;
}

void Document::removeMask(const Id& shotId, const Id& maskId) {
    apply(tr("Remove mask"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        const auto before = shot.masks.size();
        shot.masks.erase(std::remove_if(shot.masks.begin(), shot.masks.end(),
                                        [&](const MaskRef& m) { return m.id == maskId; }),
                         shot.masks.end());
        if (shot.masks.size() == before)
            usage(tr("Shot \"%1\" has no mask with ID %2.").arg(shot.name, idToString(maskId)));
    });
}

Id Document::addTake(const Id& shotId, Take take) {
    if (take.id.isNull())
        take.id = newId();
    if (!take.created.isValid())
        take.created = QDateTime::currentDateTimeUtc();
    if (take.author.isEmpty())
        take.author = currentUserName();
    if (take.regenerated.isEmpty()) // not said: the engine changed the whole range
        take.regenerated.add(take.range);
    apply(tr("Add take (%1)").arg(take.engine), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        checkWithinShot(shot, take.range);
        if (!take.maskId.isNull() &&
            std::none_of(shot.masks.begin(), shot.masks.end(),
                         [&](const MaskRef& m) { return m.id == take.maskId; }))
            usage(
                tr("Shot \"%1\" has no mask with ID %2.").arg(shot.name, idToString(take.maskId)));
        shot.takes.push_back(take);
        shot.activeTakes.push_back({take.range, take.id});
    });
    return take.id;
}

void Document::setActiveTake(const Id& shotId, FrameRange range, const Id& takeId) {
    apply(takeId.isNull() ? tr("Show original") : tr("Switch take"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        checkWithinShot(shot, range);
        if (!takeId.isNull()) {
            const Take* take = shot.findTake(takeId);
            if (!take)
                usage(tr("Shot \"%1\" has no take with ID %2.").arg(shot.name, idToString(takeId)));
            if (!take->range.contains(range))
                usage(tr("Take %1 covers frames %2, not %3.")
                          .arg(idToString(takeId), take->range.toInclusiveString(),
                               range.toInclusiveString()));
        }
        // The newest selection wins; one for exactly this range replaces the old.
        shot.activeTakes.erase(
            std::remove_if(shot.activeTakes.begin(), shot.activeTakes.end(),
                           [&](const TakeSelection& s) { return s.range == range; }),
            shot.activeTakes.end());
        shot.activeTakes.push_back({range, takeId});
    });
}

void Document::relinkMedia(const Id& mediaId, const MediaInfo& info) {
    apply(tr("Relink %1").arg(QFileInfo(info.path).fileName()), [&](Project& p) {
        MediaRef* m = p.findMedia(mediaId);
        if (!m)
            usage(tr("No media with ID %1.").arg(idToString(mediaId)));
        FrameNumber used = 0;
        for (const auto& shot : p.shots)
            if (shot.mediaId == mediaId)
                used = std::max(used, shot.source.end);
        if (info.frameCount < used)
            throwBadInput(info.path,
                          tr("has %1 frames but the shots use %2; it is not the same media")
                              .arg(info.frameCount)
                              .arg(used));
        if (m->width != info.width || m->height != info.height)
            throwBadInput(info.path,
                          tr("is %1x%2 but the media was %3x%4; it is not the same media")
                              .arg(info.width)
                              .arg(info.height)
                              .arg(m->width)
                              .arg(m->height));
        MediaRef relinked = MediaRef::fromInfo(info);
        relinked.id = m->id;
        relinked.inputSpace = m->inputSpace; // the user's choice outlives a move
        relinked.online = true;
        *m = relinked;
    });
}

void Document::setMediaInputSpace(const Id& mediaId, const QString& space,
                                  const ColourPipeline& pipeline) {
    const MediaRef* current = project_.findMedia(mediaId);
    const QString fileName = current ? QFileInfo(current->path).fileName() : QString();
    apply(space.isEmpty() ? tr("Automatic input colour space for %1").arg(fileName)
                          : tr("Input colour space %1 for %2").arg(space, fileName),
          [&](Project& p) {
              MediaRef* m = p.findMedia(mediaId);
              if (!m)
                  usage(tr("No media with ID %1.").arg(idToString(mediaId)));
              m->inputSpace = space.isEmpty() ? QString() : pipeline.colourSpaceName(space);
          });
}

void Document::setShotText(const Id& shotId, const QString& name, const QString& prompt,
                           const QString& notes) {
    apply(tr("Edit shot text"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        if (name.trimmed().isEmpty())
            usage(tr("A shot needs a name."));
        shot.name = name;
        shot.prompt = prompt;
        shot.notes = notes;
    });
}

void Document::setShotAudioEnabled(const Id& shotId, bool enabled) {
    if (const Shot* shot = project().findShot(shotId); shot && shot->audioEnabled == enabled)
        return;
    apply(enabled ? tr("Unmute shot audio") : tr("Mute shot audio"),
          [&](Project& p) { shotOrThrow(p, shotId).audioEnabled = enabled; });
}

void Document::checkCamera(const Camera& camera) {
    if (!(camera.focalLengthMm > 0))
        usage(tr("Focal length must be greater than 0 mm (got %1).").arg(camera.focalLengthMm));
    if (!(camera.filmbackWidthMm > 0) || !(camera.filmbackHeightMm > 0))
        usage(tr("Filmback must be greater than 0 mm in both directions (got %1 x %2).")
                  .arg(camera.filmbackWidthMm)
                  .arg(camera.filmbackHeightMm));
    if (!(camera.fStop >= 0.5))
        usage(tr("f-stop must be at least 0.5 (got %1).").arg(camera.fStop));
    if (!(camera.focusDistanceM > 0))
        usage(tr("Focus distance must be greater than 0 m (got %1).").arg(camera.focusDistanceM));
    if (!(camera.shutterAngleDeg > 0 && camera.shutterAngleDeg <= 360))
        usage(
            tr("Shutter angle must be in (0, 360] degrees (got %1).").arg(camera.shutterAngleDeg));
    const QString problem = cameraProblem(camera); // lens details, keys, handheld
    if (!problem.isEmpty())
        usage(problem);
}

void Document::setCamera(const Id& shotId, const Camera& camera) {
    checkCamera(camera);
    apply(tr("Edit camera"), [&](Project& p) { shotOrThrow(p, shotId).camera = camera; });
}

void Document::checkBlockingScene(const BlockingScene& scene) {
    QSet<int> ids;
    QSet<QString> names;
    for (const auto& o : scene.objects) {
        if (o.name.isEmpty() || names.contains(o.name))
            usage(tr("Blocking objects need unique names (\"%1\").").arg(o.name));
        if (o.id < 2 || ids.contains(o.id))
            usage(tr("Blocking object \"%1\" needs a unique ID of 2 or more (0 is the sky, 1 "
                     "the ground).")
                      .arg(o.name));
        if (!(o.size.x > 0 && o.size.y > 0 && o.size.z > 0) &&
            !(o.shape == BlockingShape::Sphere && o.size.x > 0) &&
            !(o.shape == BlockingShape::Person && o.size.z > 0) &&
            !(o.shape == BlockingShape::Cylinder && o.size.x > 0 && o.size.z > 0))
            usage(tr("Blocking object \"%1\" needs a size greater than 0 m.").arg(o.name));
        ids.insert(o.id);
        names.insert(o.name);
    }
    if (!(scene.sunElevationDeg >= -90 && scene.sunElevationDeg <= 90))
        usage(tr("Sun elevation must be between -90 and 90 degrees."));
}

void Document::setBlockingScene(const Id& shotId, const BlockingScene& scene) {
    checkBlockingScene(scene);
    apply(tr("Edit blocking scene"), [&](Project& p) { shotOrThrow(p, shotId).blocking = scene; });
}

void Document::trimShot(const Id& shotId, FrameRange source) {
    apply(tr("Trim shot"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        const MediaRef* m = p.findMedia(shot.mediaId);
        if (source.isEmpty() || source.start < 0 || source.end > m->frameCount)
            usage(tr("Frames %1 are outside the media (0-%2).")
                      .arg(source.toInclusiveString())
                      .arg(m->frameCount - 1));
        shot.source = source;
        // Locks outside the new range no longer apply to anything visible.
        FrameRangeSet kept;
        for (const auto& r : shot.locks.ranges())
            kept.add(r.intersected(source));
        shot.locks = kept;
    });
}

void Document::moveShot(const Id& shotId, int newIndex) {
    apply(tr("Move shot"), [&](Project& p) {
        for (auto& track : p.tracks) {
            const int from = track.shots.indexOf(shotId);
            if (from < 0)
                continue;
            if (newIndex < 0 || newIndex >= track.shots.size())
                usage(tr("Position %1 is outside the track (0-%2).")
                          .arg(newIndex)
                          .arg(track.shots.size() - 1));
            track.shots.move(from, newIndex);
            return;
        }
        usage(tr("No shot with ID %1 on any track.").arg(idToString(shotId)));
    });
}

void Document::removeShot(const Id& shotId) {
    apply(tr("Remove shot"), [&](Project& p) {
        const Shot& shot = shotOrThrow(p, shotId);
        const Id mediaId = shot.mediaId;
        p.shots.erase(std::remove_if(p.shots.begin(), p.shots.end(),
                                     [&](const Shot& s) { return s.id == shotId; }),
                      p.shots.end());
        for (auto& track : p.tracks)
            track.shots.removeAll(shotId);
        // Media nothing uses any more leaves the pool with the shot.
        bool used = std::any_of(p.shots.begin(), p.shots.end(),
                                [&](const Shot& s) { return s.mediaId == mediaId; });
        for (const auto& track : p.tracks)
            for (const auto& clip : track.clips)
                used = used || clip.mediaId == mediaId;
        if (!used)
            p.media.erase(std::remove_if(p.media.begin(), p.media.end(),
                                         [&](const MediaRef& m) { return m.id == mediaId; }),
                          p.media.end());
    });
}

} // namespace retake
