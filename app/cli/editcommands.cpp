#include "editcommands.h"

#include "interchange/otiomarkers.h"
#include "maskcommand.h"
#include "media/media.h"
#include "mediacommand.h"
#include "mediaio/openmedia.h"

#include <QDir>
#include <QFileInfo>

namespace retake::cli {

namespace {

QCommandLineOption shotOption() {
    return {QStringLiteral("shot"), QStringLiteral("Shot ID, ID prefix or name."),
            QStringLiteral("SHOT")};
}
QCommandLineOption rangeOption(const QString& help) {
    return {QStringLiteral("range"), help, QStringLiteral("A-B")};
}

const Shot& shotArg(const Document& doc, const QCommandLineParser& p) {
    return resolveShot(doc.project(), p.value(QStringLiteral("shot")));
}

FrameRange rangeArg(const Shot& shot, const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("range")))
        throw Error(
            ErrorKind::Usage,
            QStringLiteral(
                "Give the frames with --range A-B (inclusive, 0 = the shot's first frame)."));
    return parseShotRange(shot, p.value(QStringLiteral("range")));
}

QString shotFrames(const Shot& shot, FrameRange mediaRange) {
    return mediaRange.shifted(-shot.source.start).toInclusiveString();
}

void importFiles(Document& doc, const QCommandLineParser& p, const QStringList& files) {
    if (files.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("Name at least one media file to import."));
    int index = -1;
    if (p.isSet(QStringLiteral("at"))) {
        bool ok = false;
        index = p.value(QStringLiteral("at")).toInt(&ok);
        if (!ok || index < 0)
            throw Error(ErrorKind::Usage,
                        QStringLiteral("--at takes a position in the timeline (0 = first), not "
                                       "\"%1\".")
                            .arg(p.value(QStringLiteral("at"))));
    }
    const bool single = p.isSet(QStringLiteral("single"));
    QStringList sequencesImported; // a shell glob names every file of one sequence
    for (const QString& file : files) {
        std::unique_ptr<MediaReader> reader = openMedia(file);
        if (reader->info().kind == MediaKind::ImageSequence) {
            const QString pattern = QFileInfo(reader->info().path)
                                        .absoluteDir()
                                        .filePath(reader->info().sequencePattern);
            if (single) {
                reader = openImageFile(file);
            } else if (sequencesImported.contains(pattern)) {
                printStatus(QStringLiteral("%1: part of the sequence imported above").arg(file));
                continue;
            } else {
                sequencesImported << pattern;
                // Said, because the user named one file and gets many.
                printStatus(QStringLiteral("%1 is one of a numbered sequence: imported %2, %3 "
                                           "files from %4; --single imports only this file")
                                .arg(file, QFileInfo(pattern).fileName(),
                                     QString::number(reader->info().frameCount),
                                     QFileInfo(reader->info().path).fileName()));
            }
        }
        const MediaInfo& info = reader->info();
        for (const QString& warning : info.warnings)
            printStatus(QStringLiteral("warning: %1: %2").arg(file, warning));
        if (!doc.project().shots.isEmpty() && info.frameRate != doc.project().frameRate)
            printStatus(
                QStringLiteral(
                    "warning: %1 runs at %2 fps, the project at %3 fps; it plays frame for frame")
                    .arg(file, info.frameRate.toString(), doc.project().frameRate.toString()));
        const Id shotId = doc.importMedia(
            info, files.size() == 1 ? p.value(QStringLiteral("name")) : QString(), index);
        if (index >= 0)
            ++index;
        printLine(QStringLiteral("%1\t%2\t%3 frames")
                      .arg(idToString(shotId), doc.project().findShot(shotId)->name)
                      .arg(info.frameCount));
    }
}

void lock(Document& doc, const QCommandLineParser& p, const QStringList&) {
    const Shot& shot = shotArg(doc, p);
    const FrameRange range = rangeArg(shot, p);
    doc.lockRange(shot.id, range);
    QStringList ranges;
    for (const auto& r : doc.project().findShot(shot.id)->locks.ranges())
        ranges << shotFrames(shot, r);
    printLine(QStringLiteral("locked %1; shot \"%2\" locks: %3")
                  .arg(shotFrames(shot, range), shot.name, ranges.join(QStringLiteral(", "))));
}

// The shot's own audio (its media's) on or off, then its state.
void audio(Document& doc, const QCommandLineParser& p, const QStringList&) {
    const Shot& shot = shotArg(doc, p);
    const Id shotId = shot.id;
    if (has(p, "mute") && has(p, "unmute"))
        throw Error(ErrorKind::Usage, QStringLiteral("Give --mute or --unmute, not both."));
    if (has(p, "mute") || has(p, "unmute"))
        doc.setShotAudioEnabled(shotId, has(p, "unmute"));
    const Shot& now = *doc.project().findShot(shotId);
    const MediaRef* media = doc.project().findMedia(now.mediaId);
    printLine(QStringLiteral("shot \"%1\" audio: %2%3")
                  .arg(now.name, now.audioEnabled ? QStringLiteral("on") : QStringLiteral("muted"),
                       media && media->hasAudio() ? QStringLiteral(" (%1 Hz, %2 channels)")
                                                        .arg(media->audioSampleRate)
                                                        .arg(media->audioChannels)
                                                  : QStringLiteral(" (its media has no audio)")));
}

// Markers on the timeline itself (interchange/otiomarkers.h); one of --add,
// --rename, --remove, then the timeline's markers as they are.
void marker(Document& doc, const QCommandLineParser& p, const QStringList&) {
    const int edits = int(has(p, "add")) + int(has(p, "rename")) + int(has(p, "remove"));
    if (edits != 1)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("marker: give one of --add, --rename or --remove."));
    if (has(p, "add")) {
        const FrameNumber at = parseFrame(optionValue(p, "add"), QStringLiteral("--add"));
        doc.addTimelineMarker(at,
                              has(p, "name") ? optionValue(p, "name") : QStringLiteral("Marker"),
                              has(p, "colour") ? optionValue(p, "colour") : QStringLiteral("green"),
                              optionValue(p, "comment"));
    } else if (has(p, "rename")) {
        if (!has(p, "name"))
            throw Error(ErrorKind::Usage, QStringLiteral("marker --rename: give the --name."));
        doc.renameTimelineMarker(parseFrame(optionValue(p, "rename"), QStringLiteral("--rename")),
                                 optionValue(p, "name"));
    } else {
        doc.removeTimelineMarker(parseFrame(optionValue(p, "remove"), QStringLiteral("--remove")));
    }
    for (const TimelineMarker& m : timelineMarkers(doc.project()))
        if (m.on == QLatin1String("timeline"))
            printLine(QStringLiteral("%1  %2 %3%4")
                          .arg(m.start)
                          .arg(m.colour, m.name,
                               m.comment.isEmpty() ? QString() : QStringLiteral(": ") + m.comment));
}

void unlock(Document& doc, const QCommandLineParser& p, const QStringList&) {
    const Shot& shot = shotArg(doc, p);
    const FrameRange range = rangeArg(shot, p);
    doc.unlockRange(shot.id, range);
    QStringList ranges;
    for (const auto& r : doc.project().findShot(shot.id)->locks.ranges())
        ranges << shotFrames(shot, r);
    printLine(
        QStringLiteral("unlocked %1; shot \"%2\" locks: %3")
            .arg(shotFrames(shot, range), shot.name,
                 ranges.isEmpty() ? QStringLiteral("none") : ranges.join(QStringLiteral(", "))));
}

void mask(Document& doc, const QCommandLineParser& p, const QStringList& positional) {
    if (runPaintedMask(doc, p, positional))
        return;
    const Shot& shot = shotArg(doc, p);
    if (positional.isEmpty())
        throw Error(
            ErrorKind::Usage,
            QStringLiteral(
                "Name the mask: one PNG of a sequence, or a single PNG for a stationary mask."));
    const QString path = QFileInfo(positional[0]).absoluteFilePath();
    const auto reader = openMedia(path);
    const MediaInfo& info = reader->info();
    if (info.width != doc.project().findMedia(shot.mediaId)->width ||
        info.height != doc.project().findMedia(shot.mediaId)->height)
        throwBadInput(path, QStringLiteral("is %1x%2 but shot \"%3\" is %4x%5")
                                .arg(info.width)
                                .arg(info.height)
                                .arg(shot.name)
                                .arg(doc.project().findMedia(shot.mediaId)->width)
                                .arg(doc.project().findMedia(shot.mediaId)->height));
    const bool stationary = info.kind == MediaKind::Still;
    FrameRange range = p.isSet(QStringLiteral("range")) ? rangeArg(shot, p) : shot.source;
    if (!stationary && !p.isSet(QStringLiteral("range")))
        range = FrameRange{shot.source.start,
                           shot.source.start + std::min(info.frameCount, shot.duration())};
    if (!stationary && range.length() != info.frameCount)
        throwBadInput(path, QStringLiteral("holds %1 mask frames but the range %2 has %3 frames")
                                .arg(info.frameCount)
                                .arg(shotFrames(shot, range))
                                .arg(range.length()));
    const Id maskId = doc.addMask(shot.id, path, range, stationary);
    printLine(QStringLiteral("%1\tmask over frames %2%3")
                  .arg(idToString(maskId), shotFrames(shot, range),
                       stationary ? QStringLiteral(" (stationary)") : QString()));
}

void takes(Document& doc, const QCommandLineParser& p, const QStringList&) {
    const Shot& shot = shotArg(doc, p);
    if (p.isSet(QStringLiteral("use")) || p.isSet(QStringLiteral("original"))) {
        const FrameRange range = rangeArg(shot, p);
        Id takeId;
        if (p.isSet(QStringLiteral("use"))) {
            const QString key = p.value(QStringLiteral("use"));
            for (const auto& t : shot.takes)
                if (idToString(t.id).startsWith(key, Qt::CaseInsensitive) && key.size() >= 4)
                    takeId = t.id;
            if (takeId.isNull())
                throw Error(ErrorKind::Usage,
                            QStringLiteral("Shot \"%1\" has no take \"%2\".").arg(shot.name, key));
        }
        doc.setActiveTake(shot.id, range, takeId);
    }
    const Shot& now = *doc.project().findShot(shot.id);
    if (now.takes.isEmpty())
        printLine(QStringLiteral("shot \"%1\" has no takes").arg(now.name));
    for (const auto& t : now.takes) {
        const bool shown = std::any_of(
            now.activeTakes.begin(), now.activeTakes.end(), [&](const TakeSelection& s) {
                return s.takeId == t.id && now.activeTakeAt(s.range.start) == &t;
            });
        printLine(QStringLiteral("%1%2\t%3\tframes %4\tseed %5\t%6")
                      .arg(shown ? QStringLiteral("* ") : QStringLiteral("  "), idToString(t.id),
                           t.engine, shotFrames(now, t.range))
                      .arg(t.seed)
                      .arg(t.created.toString(Qt::ISODate)));
    }
}

void relink(Document& doc, const QCommandLineParser& p, const QStringList& positional) {
    if (positional.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("Name the file the media moved to."));
    const QString file = QFileInfo(positional[0]).absoluteFilePath();
    Id mediaId;
    if (p.isSet(QStringLiteral("media"))) {
        const QString key = p.value(QStringLiteral("media"));
        for (const auto& m : doc.project().media)
            if ((key.size() >= 4 && idToString(m.id).startsWith(key, Qt::CaseInsensitive)) ||
                m.path == QFileInfo(key).absoluteFilePath())
                mediaId = m.id;
    } else if (p.isSet(QStringLiteral("shot"))) {
        mediaId = shotArg(doc, p).mediaId;
    } else {
        // The offline media with the same file name.
        for (const auto& m : doc.project().media)
            if (!m.online && QFileInfo(m.path).fileName() == QFileInfo(file).fileName())
                mediaId = m.id;
    }
    if (mediaId.isNull())
        throw Error(ErrorKind::Usage,
                    QStringLiteral("Which media? Give --media ID/old path or --shot SHOT "
                                   "(no offline media is named %1).")
                        .arg(QFileInfo(file).fileName()));
    const QString oldPath = doc.project().findMedia(mediaId)->path;
    const auto reader = openMedia(file);
    doc.relinkMedia(mediaId, reader->info());
    printLine(QStringLiteral("relinked %1 -> %2").arg(oldPath, file));
}

} // namespace

const QVector<EditCommand>& editCommands() {
    static const QVector<EditCommand> list = {
        {"import", "Add media files as shots at the end of the timeline.", "FILE...",
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("name"), QStringLiteral("Shot name (one file only)."),
                          QStringLiteral("NAME")});
             p.addOption({QStringLiteral("at"),
                          QStringLiteral("Insert at this position on the track (0 = first)."),
                          QStringLiteral("INDEX")});
             p.addOption({QStringLiteral("single"),
                          QStringLiteral("Import each image file alone, even when it is named "
                                         "like a frame of a numbered sequence (frame_0007.png); "
                                         "without it the whole sequence comes in.")});
         },
         importFiles},
        {"audio", "Mute or unmute a shot's own audio (its media's), in playback and exports.", "",
         [](QCommandLineParser& p) {
             p.addOption(shotOption());
             addOption(p, "mute", "Mute the shot's audio.", nullptr);
             addOption(p, "unmute", "Play the shot's audio again.", nullptr);
         },
         audio},
        {"lock", "Lock frames of a shot so regeneration never changes them.", "",
         [](QCommandLineParser& p) {
             p.addOption(shotOption());
             p.addOption(rangeOption(
                 QStringLiteral("Frames to lock, inclusive; 0 = the shot's first frame.")));
         },
         lock},
        {"marker",
         "Add, rename or remove a marker on the timeline (they show on the ruler and go out "
         "with OpenTimelineIO exports).",
         "",
         [](QCommandLineParser& p) {
             addOption(p, "add", "Add a marker at this timeline frame.", "FRAME");
             addOption(p, "rename", "Rename the timeline's marker at this frame (with --name).",
                       "FRAME");
             addOption(p, "remove", "Remove the timeline's marker at this frame.", "FRAME");
             addOption(p, "name", "The marker's name (default \"Marker\").", "NAME");
             addOption(p, "colour",
                       "pink, red, orange, yellow, green (default), cyan, blue, purple, magenta, "
                       "black or white.",
                       "COLOUR");
             addOption(p, "comment", "A note on the marker.", "TEXT");
         },
         marker},
        {"unlock", "Unlock frames (splits a locked range when unlocking its middle).", "",
         [](QCommandLineParser& p) {
             p.addOption(shotOption());
             p.addOption(rangeOption(QStringLiteral("Frames to unlock, inclusive.")));
         },
         unlock},
        {"mask",
         "Attach a mask to a shot: a PNG sequence (any non-zero pixel = regenerate) or one PNG for "
         "every frame; or paint one: shapes, brush strokes, fill, invert, clear, copy a frame, "
         "shape keys, and --render to PNGs.",
         "[MASK.png]",
         [](QCommandLineParser& p) {
             p.addOption(shotOption());
             p.addOption(
                 rangeOption(QStringLiteral("Frames the mask covers (default: from the shot's "
                                            "start, as many as the sequence has).")));
             addPaintedMaskOptions(p);
         },
         mask},
        {"takes", "List a shot's takes; switch which take shows over a range.", "",
         [](QCommandLineParser& p) {
             p.addOption(shotOption());
             p.addOption(
                 rangeOption(QStringLiteral("Frames to switch (with --use or --original).")));
             p.addOption({QStringLiteral("use"),
                          QStringLiteral("Show this take (ID or prefix) over --range."),
                          QStringLiteral("TAKE")});
             p.addOption({QStringLiteral("original"),
                          QStringLiteral("Show the original media over --range.")});
         },
         takes},
        {"relink", "Point media at a moved file (offline media with the same name by default).",
         "NEWFILE",
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("media"), QStringLiteral("Media ID prefix or old path."),
                          QStringLiteral("MEDIA")});
             p.addOption(shotOption());
         },
         relink},
        mediaEditCommand(),
    };
    return list;
}

const EditCommand* findEditCommand(const QString& name) {
    for (const auto& c : editCommands())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

bool runEditOnDocument(const EditCommand& command, Document& doc, const QStringList& args) {
    QCommandLineParser parser;
    command.addOptions(parser);
    if (!parse(parser, args, QString::fromUtf8(command.summary), QString::fromUtf8(command.syntax)))
        return false;
    command.run(doc, parser, parser.positionalArguments());
    return true;
}

int runEditOnFile(const EditCommand& command, const QStringList& args) {
    QCommandLineParser parser;
    command.addOptions(parser);
    if (!parse(parser, args, QString::fromUtf8(command.summary),
               QStringLiteral("PROJECT %1").arg(QString::fromUtf8(command.syntax))))
        return Ok;
    const QString project = positional(parser, 0, QStringLiteral("the project file"));
    editProject(project, [&](Document& doc) {
        command.run(doc, parser, parser.positionalArguments().mid(1));
    });
    return Ok;
}

void runShellEdit(Document& doc, const QStringList& words) {
    const QString cmd = words.value(0);
    if (cmd == QLatin1String("undo")) {
        doc.undoStack()->undo();
        printLine(QStringLiteral("ok undo"));
    } else if (cmd == QLatin1String("redo")) {
        doc.undoStack()->redo();
        printLine(QStringLiteral("ok redo"));
    } else if (cmd == QLatin1String("save")) {
        doc.save();
        printLine(QStringLiteral("ok saved %1").arg(doc.filePath()));
    } else if (const EditCommand* edit = findEditCommand(cmd)) {
        runEditOnDocument(*edit, doc, words);
        printLine(QStringLiteral("ok %1").arg(cmd));
    } else {
        throw Error(ErrorKind::Usage, QStringLiteral("unknown command \"%1\"").arg(cmd));
    }
}

} // namespace retake::cli
