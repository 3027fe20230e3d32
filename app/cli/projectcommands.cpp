// new, info, export, shell, recover, system.
#include "projectcommands.h"

#include "cli.h"
#include "core/progress.h"
#include "core/timecode.h"
#include "depthoptions.h"
#include "editcommands.h"
#include "engines/generationlibrary.h"
#include "export/exporter.h"
#include "interchange/otiomarkers.h"
#include "media/media.h"
#include "mediaio/openmedia.h"
#include "options.h"
#include "projectfile/projectfile.h"
#include "proxy/proxies.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <iostream>
#include <string>
#include <thread>

namespace retake::cli {

int runNew(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("name"), QStringLiteral("Project name (default: the file name)."),
                 QStringLiteral("NAME")});
    p.addOption(
        {QStringLiteral("rate"),
         QStringLiteral(
             "Frame rate, e.g. 24, 25, 24000/1001, 29.97 (default: the first imported media's)."),
         QStringLiteral("FPS")});
    p.addOption({QStringLiteral("size"),
                 QStringLiteral("Frame size WxH (default: the first imported media's)."),
                 QStringLiteral("WxH")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Replace an existing file.")});
    if (!parse(p, args,
               QStringLiteral("Create an empty project with one video and one audio track."),
               QStringLiteral("PROJECT.retake")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file to create"));
    if (QFileInfo::exists(path) && !p.isSet(QStringLiteral("force")))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1 exists; use --force to replace it.").arg(path));
    Project project =
        Project::createEmpty(p.isSet(QStringLiteral("name")) ? p.value(QStringLiteral("name"))
                                                             : QFileInfo(path).completeBaseName(),
                             Rational(24), 1920, 1080);
    if (p.isSet(QStringLiteral("rate"))) {
        const auto rate = Rational::fromString(p.value(QStringLiteral("rate")));
        if (!rate || !rate->isPositive() || rate->toDouble() > 1000.0)
            throw Error(
                ErrorKind::Usage,
                QStringLiteral("\"%1\" is not a frame rate.").arg(p.value(QStringLiteral("rate"))));
        project.frameRate = *rate;
        project.settingsFromFirstMedia = false;
    }
    if (p.isSet(QStringLiteral("size"))) {
        const QStringList wh = p.value(QStringLiteral("size")).split(QLatin1Char('x'));
        const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
        if (wh.size() != 2 || w <= 0 || h <= 0 || w > 65536 || h > 65536)
            throw Error(ErrorKind::Usage, QStringLiteral("\"%1\" is not a size like 1920x1080.")
                                              .arg(p.value(QStringLiteral("size"))));
        project.width = w;
        project.height = h;
        project.settingsFromFirstMedia = false;
    }
    saveProjectFile(project, path);
    printLine(QFileInfo(path).absoluteFilePath());
    return Ok;
}

namespace {

QJsonObject mediaInfoJson(const MediaInfo& info) {
    QJsonObject o{{"path", info.path},
                  {"kind", toString(info.kind)},
                  {"container", info.container},
                  {"codec", info.codec},
                  {"pixelFormat", info.pixelFormat},
                  {"width", info.width},
                  {"height", info.height},
                  {"frameRate", info.frameRate.toString()},
                  {"frameCount", qint64(info.frameCount)},
                  {"bitDepth", info.bitDepth},
                  {"hasDepth", info.hasDepth},
                  {"variableFrameRate", info.variableFrameRate},
                  {"color", QJsonObject{{"primaries", info.colour.primaries},
                                        {"transfer", info.colour.transfer},
                                        {"matrix", info.colour.matrix},
                                        {"range", info.colour.range}}},
                  {"warnings", QJsonArray::fromStringList(info.warnings)}};
    if (info.audio.present())
        o.insert("audio", QJsonObject{{"sampleRate", info.audio.sampleRate},
                                      {"channels", info.audio.channels},
                                      {"layout", info.audio.channelLayout},
                                      {"codec", info.audio.codec}});
    if (info.kind == MediaKind::ImageSequence)
        o.insert("sequence", QJsonObject{{"pattern", info.sequencePattern},
                                         {"firstFileNumber", qint64(info.firstFileNumber)}});
    return o;
}

QJsonArray rangesJson(const Shot& shot, const QVector<FrameRange>& ranges) {
    QJsonArray a;
    for (const auto& r : ranges)
        a.append(r.shifted(-shot.source.start).toInclusiveString());
    return a;
}

// "online", "offline" (missing or unreadable) or "not media" (a file that is
// no picture, movie or sound).
QString mediaStatus(const MediaRef& m) {
    if (m.online)
        return QStringLiteral("online");
    return m.notMedia ? QStringLiteral("not media") : QStringLiteral("offline");
}

// Each size's proxy of `m` (proxy/proxies.h), or why there is none.
QJsonObject proxyJson(const ProxyIndex& index, const QString& cacheDir, const MediaRef& m) {
    QJsonObject o;
    for (const ProxySize size : {ProxySize::Half, ProxySize::Quarter}) {
        const ProxyStatus status = proxyStatus(index, cacheDir, m, size);
        QJsonObject entry{{"state", toString(status.state)}};
        if (!status.reason.isEmpty())
            entry.insert("reason", status.reason);
        if (status.state == ProxyStatus::State::Ready) {
            entry.insert("file", status.file);
            entry.insert("width", status.frameSize.width());
            entry.insert("height", status.frameSize.height());
        }
        o.insert(toString(size), entry);
    }
    return o;
}

// One line per video: its proxies, or why it has none.
void printProxies(const Project& project, const QString& cacheDir) {
    const ProxyIndex index = ProxyIndex::load(cacheDir);
    bool heading = false;
    for (const MediaRef& m : project.media) {
        if (m.kind != MediaKind::Video)
            continue;
        if (!heading)
            printLine(QStringLiteral("  proxies (viewer only)"));
        heading = true;
        QStringList ready;
        ProxyStatus half;
        for (const ProxySize size : {ProxySize::Half, ProxySize::Quarter}) {
            const ProxyStatus status = proxyStatus(index, cacheDir, m, size);
            if (size == ProxySize::Half)
                half = status;
            if (status.state == ProxyStatus::State::Ready)
                ready << QStringLiteral("%1 %2x%3 %4")
                             .arg(toString(size))
                             .arg(status.frameSize.width())
                             .arg(status.frameSize.height())
                             .arg(status.file);
        }
        QString what;
        if (!ready.isEmpty())
            what = ready.join(QStringLiteral("; "));
        else if (half.state == ProxyStatus::State::Unchecked)
            what = QStringLiteral("not checked yet (`retake-cli proxy` or the editor makes them)");
        else if (half.state == ProxyStatus::State::NotNeeded)
            what = QStringLiteral("not needed (%1)").arg(noProxyReason(m));
        else
            what = QStringLiteral("none yet (%1)").arg(half.reason);
        printLine(QStringLiteral("    %1  %2").arg(QFileInfo(m.path).fileName(), what));
    }
}

QJsonObject projectInfoJson(const Project& project, const QString& path) {
    QJsonArray shots, media;
    const QString cacheDir = projectCacheDir(path);
    const ProxyIndex proxyIndex = ProxyIndex::load(cacheDir);
    for (const auto& m : project.media) {
        QJsonObject o{{"id", idToString(m.id)},
                      {"path", m.path},
                      {"online", m.online},
                      {"status", mediaStatus(m)},
                      {"frames", qint64(m.frameCount)},
                      {"kind", toString(m.kind)},
                      // empty = automatic (tags, then the config's rules)
                      {"inputSpace", m.inputSpace}};
        // What a movie of it carries without colour options (8-bit codecs;
        // ProRes and HQX write the same tags at 10 bits).
        try {
            const DeliveryColour d =
                deliveryColourFor(VideoCodec::H264, ColourPipeline::bundled(), m, std::nullopt,
                                  false, false, m.width, m.height);
            o.insert("delivery", QJsonObject{{"primaries", d.tags.primaries},
                                             {"transfer", d.tags.transfer},
                                             {"matrix", d.tags.matrix},
                                             {"range", d.tags.range},
                                             {"description", describeDelivery(d)}});
        } catch (const Error& e) { // an input space this config does not have
            o.insert("delivery", QJsonObject{{"error", e.message()}});
        }
        if (m.kind == MediaKind::Video)
            o.insert("proxies", proxyJson(proxyIndex, cacheDir, m));
        media.append(o);
    }
    // Every track: the shots of all video tracks (each naming its track), and
    // the tracks with their shots or audio clips.
    QJsonArray tracks;
    for (const Track& track : project.tracks) {
        QJsonObject t{{"id", idToString(track.id)},
                      {"name", track.name},
                      {"kind", track.kind == TrackKind::Video ? "video" : "audio"},
                      {"muted", track.muted}};
        if (track.kind == TrackKind::Video) {
            QJsonArray ids;
            for (const Id& id : track.shots)
                ids.append(idToString(id));
            t.insert("shots", ids);
        } else {
            QJsonArray clips;
            for (const AudioClip& c : track.clips)
                clips.append(QJsonObject{{"id", idToString(c.id)},
                                         {"media", idToString(c.mediaId)},
                                         {"timelineStart", qint64(c.timelineStart)},
                                         {"sourceStart", c.sourceStart.toString()},
                                         {"duration", c.duration.toString()},
                                         {"gainDb", c.gainDb}});
            t.insert("clips", clips);
        }
        tracks.append(t);
    }
    for (const Track& track : project.tracks)
        for (const auto& placed : project.placements(track.id)) {
            const Shot& s = *project.findShot(placed.shotId);
            QJsonArray takes;
            for (const auto& t : s.takes)
                takes.append(
                    QJsonObject{{"id", idToString(t.id)},
                                {"engine", t.engine},
                                {"seed", t.seed},
                                {"frames", t.range.shifted(-s.source.start).toInclusiveString()}});
            QJsonArray masks;
            for (const auto& m : s.masks)
                masks.append(
                    QJsonObject{{"id", idToString(m.id)},
                                {"path", m.path},
                                {"frames", m.range.shifted(-s.source.start).toInclusiveString()},
                                {"stationary", m.stationary}});
            shots.append(QJsonObject{
                {"id", idToString(s.id)},
                {"name", s.name},
                {"track", track.name},
                {"trackId", idToString(track.id)},
                {"media", idToString(s.mediaId)},
                {"online", project.findMedia(s.mediaId)->online},
                {"source", QJsonArray{qint64(s.source.start), qint64(s.source.end)}},
                {"timelineStart", qint64(placed.timeline.start)},
                {"timecodeIn", frameToTimecode(placed.timeline.start, project.frameRate)},
                {"duration", qint64(s.duration())},
                {"locks", rangesJson(s, s.locks.ranges())},
                {"masks", masks},
                {"takes", takes},
                {"prompt", s.prompt},
                {"focalLengthMm", s.camera.focalLengthMm}});
        }
    QJsonArray markers;
    for (const TimelineMarker& m : timelineMarkers(project))
        markers.append(QJsonObject{{"name", m.name},
                                   {"colour", m.colour},
                                   {"comment", m.comment},
                                   {"start", qint64(m.start)},
                                   {"length", qint64(m.length)},
                                   {"timecode", frameToTimecode(m.start, project.frameRate)},
                                   {"on", m.on}});
    return {{"path", path},
            {"name", project.name},
            {"id", idToString(project.id)},
            {"frameRate", project.frameRate.toString()},
            {"width", project.width},
            {"height", project.height},
            {"duration", qint64(project.duration())},
            {"durationTimecode", frameToTimecode(project.duration(), project.frameRate)},
            {"media", media},
            {"tracks", tracks},
            {"shots", shots},
            {"markers", markers}};
}

void printShots(const Project& project, const Track& track);
void printAudioClips(const Project& project, const Track& track);

void printProjectInfo(const Project& project, const QString& path) {
    printLine(QStringLiteral("%1: \"%2\", %3x%4 at %5 fps, %6 frames (%7)")
                  .arg(path, project.name)
                  .arg(project.width)
                  .arg(project.height)
                  .arg(project.frameRate.toString())
                  .arg(project.duration())
                  .arg(frameToTimecode(project.duration(), project.frameRate)));
    for (const Track& track : project.tracks) {
        const bool video = track.kind == TrackKind::Video;
        printLine(QStringLiteral("  track %1 (%2, %3)%4")
                      .arg(track.name, video ? QStringLiteral("video") : QStringLiteral("audio"),
                           video ? QStringLiteral("%1 shots").arg(track.shots.size())
                                 : QStringLiteral("%1 audio clips").arg(track.clips.size()),
                           track.muted ? QStringLiteral(", muted") : QString()));
        if (video)
            printShots(project, track);
        else
            printAudioClips(project, track);
    }
    printProxies(project, projectCacheDir(path));
    const QVector<TimelineMarker> markers = timelineMarkers(project);
    if (!markers.isEmpty())
        printLine(QStringLiteral("  markers"));
    for (const TimelineMarker& m : markers)
        printLine(QStringLiteral("  %1  %2 %3 on %4%5%6")
                      .arg(frameToTimecode(m.start, project.frameRate), m.colour, m.name, m.on,
                           m.length > 0 ? QStringLiteral(", %1 frames").arg(m.length) : QString(),
                           m.comment.isEmpty() ? QString() : QStringLiteral(": ") + m.comment));
}

void printAudioClips(const Project& project, const Track& track) {
    for (const AudioClip& c : track.clips) {
        const MediaRef& m = *project.findMedia(c.mediaId);
        printLine(QStringLiteral("  %1  %2  %3  %4 s from %5 s%6")
                      .arg(idToString(c.id).left(8),
                           frameToTimecode(c.timelineStart, project.frameRate),
                           QFileInfo(m.path).fileName())
                      .arg(c.duration.toDouble())
                      .arg(c.sourceStart.toDouble())
                      .arg(m.online ? QString() : QStringLiteral("  OFFLINE: %1").arg(m.path)));
    }
}

void printShots(const Project& project, const Track& track) {
    for (const auto& placed : project.placements(track.id)) {
        const Shot& s = *project.findShot(placed.shotId);
        const MediaRef& m = *project.findMedia(s.mediaId);
        QStringList locks;
        for (const auto& r : s.locks.ranges())
            locks << r.shifted(-s.source.start).toInclusiveString();
        printLine(
            QStringLiteral("  %1  %2  %3  %4 frames  locks: %5  masks: %6  takes: %7%8")
                .arg(idToString(s.id).left(8),
                     frameToTimecode(placed.timeline.start, project.frameRate), s.name)
                .arg(s.duration())
                .arg(locks.isEmpty() ? QStringLiteral("none") : locks.join(QStringLiteral(", ")))
                .arg(s.masks.size())
                .arg(s.takes.size())
                .arg(m.online ? QString()
                              : QStringLiteral("  %1: %2")
                                    .arg(m.notMedia ? QStringLiteral("NOT MEDIA")
                                                    : QStringLiteral("OFFLINE"),
                                         m.path)));
    }
}

} // namespace

int runInfo(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!parse(p, args,
               QStringLiteral("Describe a project, or a media file (codec, size, rate, frames, "
                              "colour tags, audio)."),
               QStringLiteral("PROJECT|MEDIA")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("a project or media file"));
    const bool json = p.isSet(QStringLiteral("json"));
    if (path.endsWith(QLatin1String(".retake")) || path.endsWith(QLatin1String(".autosave"))) {
        const Project project = loadProjectFile(path);
        if (json)
            printJson(projectInfoJson(project, QFileInfo(path).absoluteFilePath()));
        else
            printProjectInfo(project, path);
        return Ok;
    }
    const auto reader = openMedia(path);
    const MediaInfo& mi = reader->info();
    if (json) {
        printJson(mediaInfoJson(mi));
        return Ok;
    }
    printLine(QStringLiteral("%1: %2 %3 %4x%5 %6-bit %7, %8 frames at %9 fps%10")
                  .arg(mi.path, toString(mi.kind), mi.codec)
                  .arg(mi.width)
                  .arg(mi.height)
                  .arg(mi.bitDepth)
                  .arg(mi.pixelFormat)
                  .arg(mi.frameCount)
                  .arg(mi.frameRate.toString(),
                       mi.hasDepth ? QStringLiteral(", with depth") : QString()));
    printLine(QStringLiteral("  colour: primaries %1, transfer %2, matrix %3, range %4")
                  .arg(mi.colour.primaries, mi.colour.transfer, mi.colour.matrix, mi.colour.range));
    if (mi.audio.present())
        printLine(QStringLiteral("  audio: %1, %2 Hz, %3")
                      .arg(mi.audio.codec)
                      .arg(mi.audio.sampleRate)
                      .arg(mi.audio.channelLayout));
    for (const auto& w : mi.warnings)
        printLine(QStringLiteral("  warning: %1").arg(w));
    return Ok;
}

namespace {

void addExportOptions(QCommandLineParser& p) {
    p.addOption({QStringLiteral("out"),
                 QStringLiteral("A movie (.mov, .mp4, .mkv) or a sequence (shot_####.png / .exr)."),
                 QStringLiteral("PATH")});
    p.addOption({QStringLiteral("codec"),
                 QStringLiteral("prores-422hq (default for .mov), prores-4444, h264 (default for "
                                ".mp4), h265 (10-bit from deeper sources), dnxhr-hq, dnxhr-hqx "
                                "(10-bit)."),
                 QStringLiteral("CODEC")});
    p.addOption({QStringLiteral("range"),
                 QStringLiteral("Timeline frames A-B inclusive (with --shot: the shot's frames)."),
                 QStringLiteral("A-B")});
    p.addOption({QStringLiteral("shot"), QStringLiteral("Export one shot instead of the timeline."),
                 QStringLiteral("SHOT")});
    p.addOption({QStringLiteral("no-audio"), QStringLiteral("Leave the audio out.")});
    p.addOption({QStringLiteral("no-manifest"),
                 QStringLiteral("Write no provenance manifest beside the export.")});
    p.addOption({QStringLiteral("full-range"),
                 QStringLiteral("Movies: full-range YUV (H.264, H.265, DNxHR). The default is "
                                "limited (video) range, which delivery specifications and players "
                                "expect; ProRes is always limited.")});
    p.addOption({QStringLiteral("sign-cert"),
                 QStringLiteral("Content Credentials (C2PA): sign the export with this certificate "
                                "chain (PEM, yours first) and put the manifest inside the file "
                                "(.mp4, .mov, .png, .jpg). Needs --sign-key."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("sign-key"),
                 QStringLiteral("The certificate's private key (PEM, unencrypted; read when "
                                "signing, never copied)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("sign-tsa"),
                 QStringLiteral("An RFC 3161 time stamp authority's URL for the signature."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("overwrite"),
                 QStringLiteral("Replace files that already exist (never the project's own "
                                "media, takes or masks).")});
    p.addOption({QStringLiteral("exr-type"),
                 QStringLiteral("EXR samples: half (default) or float."), QStringLiteral("TYPE")});
    p.addOption({QStringLiteral("exr-compression"),
                 QStringLiteral("EXR compression: zip (default), piz, dwaa, none."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("start-number"),
                 QStringLiteral("Number of the first file of a sequence (default 1001)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("exr-depth"),
                 QStringLiteral("EXR depth channel naming: z (R,G,B,A,Z; default) or blender "
                                "(ViewLayer.Combined.*, ViewLayer.Depth.Z); none leaves the depth "
                                "out."),
                 QStringLiteral("NAMING")});
    p.addOption({QStringLiteral("ocio-config"),
                 QStringLiteral("OCIO config for the colour options (default: Retake's bundled "
                                "config)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("input-space"),
                 QStringLiteral("Input colour space of all media (default: per file, from its "
                                "colour tags or the config's file rules)."),
                 QStringLiteral("SPACE")});
    p.addOption({QStringLiteral("working-space"),
                 QStringLiteral("Colour space the look is applied in (default: the input "
                                "space; e.g. ACEScct)."),
                 QStringLiteral("SPACE")});
    p.addOption({{QStringLiteral("lut"), QStringLiteral("look")},
                 QStringLiteral("LUT file applied in the working space: .cube, .3dl, .csp, "
                                ".spi1d, .spi3d, ..."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("cdl"),
                 QStringLiteral("ASC CDL (.cc, .cdl, .ccc) applied in the working space, before "
                                "the LUT."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("cdl-values"),
                 QStringLiteral("ASC CDL as numbers instead of a file: slope R,G,B, offset R,G,B, "
                                "power R,G,B, saturation (10 numbers, commas)."),
                 QStringLiteral("S,S,S,O,O,O,P,P,P,SAT")});
    p.addOption({QStringLiteral("cdl-id"),
                 QStringLiteral("Which correction of a .cdl/.ccc collection (default: the first)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("output-space"),
                 QStringLiteral("Colour space written (default: the input space)."),
                 QStringLiteral("SPACE")});
    p.addOption({QStringLiteral("display"),
                 QStringLiteral("Write for a display (with --view) instead of --output-space."),
                 QStringLiteral("DISPLAY")});
    p.addOption({QStringLiteral("view"),
                 QStringLiteral("View of --display (default: the display's default view)."),
                 QStringLiteral("VIEW")});
    addDepthExportOptions(p);
}

// Everything but --depth (a depth map export: runDepthExport).
ExportRequest exportRequestFrom(const QCommandLineParser& p, const Project& project) {
    ExportRequest request;
    request.output = p.value(QStringLiteral("out"));
    if (request.output.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("Give the output with --out."));
    request.codec = defaultCodecFor(request.output);
    if (p.isSet(QStringLiteral("codec")) &&
        !videoCodecFromString(p.value(QStringLiteral("codec")), &request.codec))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("Unknown codec \"%1\".").arg(p.value(QStringLiteral("codec"))));
    if (p.isSet(QStringLiteral("shot")))
        request.shotId = resolveShot(project, p.value(QStringLiteral("shot"))).id;
    if (p.isSet(QStringLiteral("range"))) {
        const auto range = FrameRange::fromInclusiveString(p.value(QStringLiteral("range")));
        if (!range)
            throw Error(ErrorKind::Usage, QStringLiteral("\"%1\" is not a frame range A-B.")
                                              .arg(p.value(QStringLiteral("range"))));
        request.timelineRange = *range;
    }
    request.withAudio = !p.isSet(QStringLiteral("no-audio"));
    const QString exrType = p.value(QStringLiteral("exr-type"));
    if (exrType == QLatin1String("float"))
        request.imageOptions.exrPixelType = ExrPixelType::Float;
    else if (!exrType.isEmpty() && exrType != QLatin1String("half"))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("--exr-type is half or float, not \"%1\".").arg(exrType));
    const QString compression = p.value(QStringLiteral("exr-compression"));
    const QMap<QString, ExrCompression> compressions{
        {QStringLiteral("zip"), ExrCompression::Zip},
        {QStringLiteral("piz"), ExrCompression::Piz},
        {QStringLiteral("dwaa"), ExrCompression::Dwaa},
        {QStringLiteral("none"), ExrCompression::None}};
    if (!compression.isEmpty() && !compressions.contains(compression))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("Unknown EXR compression \"%1\".").arg(compression));
    request.imageOptions.exrCompression = compressions.value(compression, ExrCompression::Zip);
    if (p.isSet(QStringLiteral("start-number"))) {
        bool ok = false;
        const qint64 first = p.value(QStringLiteral("start-number")).toLongLong(&ok);
        // File numbers stay within nine digits, so that they never wrap.
        if (!ok || first < 0 || first > 999'999'999)
            throw Error(ErrorKind::Usage,
                        QStringLiteral("--start-number is a whole number from 0 to 999999999, not "
                                       "\"%1\".")
                            .arg(p.value(QStringLiteral("start-number"))));
        request.firstFileNumber = int(first);
    }
    request.overwrite = p.isSet(QStringLiteral("overwrite"));
    if (p.isSet(QStringLiteral("sign-cert")) || p.isSet(QStringLiteral("sign-key"))) {
        if (!p.isSet(QStringLiteral("sign-cert")) || !p.isSet(QStringLiteral("sign-key")))
            throw Error(ErrorKind::Usage,
                        QStringLiteral("--sign-cert and --sign-key go together: the certificate "
                                       "chain and its private key"));
        CredentialSigner signer;
        signer.certificateChain =
            QFileInfo(p.value(QStringLiteral("sign-cert"))).absoluteFilePath();
        signer.privateKey = QFileInfo(p.value(QStringLiteral("sign-key"))).absoluteFilePath();
        signer.timestampUrl = p.value(QStringLiteral("sign-tsa"));
        request.credentials = signer;
    }
    request.fullRange = p.isSet(QStringLiteral("full-range"));
    const QString depthNaming = p.value(QStringLiteral("exr-depth"));
    if (depthNaming == QLatin1String("blender"))
        request.imageOptions.exrDepthNaming = ExrDepthNaming::Blender;
    else if (depthNaming == QLatin1String("none"))
        request.imageOptions.writeDepth = false;
    else if (!depthNaming.isEmpty() && depthNaming != QLatin1String("z"))
        throw Error(
            ErrorKind::Usage,
            QStringLiteral("--exr-depth is z, blender or none, not \"%1\".").arg(depthNaming));
    request.writeManifest = !p.isSet(QStringLiteral("no-manifest"));
    // Any colour option turns the pipeline on; without one, frames leave
    // exactly as decoded.
    const char* colourOptions[] = {"ocio-config", "input-space",  "working-space", "lut", "cdl",
                                   "cdl-values",  "output-space", "display",       "view"};
    bool colourRequested = false;
    for (const char* option : colourOptions)
        colourRequested = colourRequested || p.isSet(QString::fromLatin1(option));
    if (colourRequested) {
        if (p.isSet(QStringLiteral("output-space")) && p.isSet(QStringLiteral("display")))
            throw Error(ErrorKind::Usage,
                        QStringLiteral("Give --output-space or --display, not both."));
        if (p.isSet(QStringLiteral("view")) && !p.isSet(QStringLiteral("display")))
            throw Error(ErrorKind::Usage, QStringLiteral("--view needs --display."));
        ExportColour colour;
        colour.configPath = p.value(QStringLiteral("ocio-config"));
        colour.inputSpace = p.value(QStringLiteral("input-space"));
        colour.grade.workingSpace = p.value(QStringLiteral("working-space"));
        colour.grade.lutPath = p.value(QStringLiteral("lut"));
        if (p.isSet(QStringLiteral("cdl")) && p.isSet(QStringLiteral("cdl-values")))
            throw Error(ErrorKind::Usage, QStringLiteral("Give --cdl or --cdl-values, not both."));
        if (p.isSet(QStringLiteral("cdl")))
            colour.grade.cdl =
                readCdl(p.value(QStringLiteral("cdl")), p.value(QStringLiteral("cdl-id")));
        if (p.isSet(QStringLiteral("cdl-values"))) {
            const QVector<double> v = parseNumbers(
                p.value(QStringLiteral("cdl-values")), 10, QStringLiteral("--cdl-values"),
                QStringLiteral("slope R,G,B, offset R,G,B, power R,G,B, saturation"));
            CdlGrade cdl;
            for (int i = 0; i < 3; ++i) {
                cdl.slope[std::size_t(i)] = v[i];
                cdl.offset[std::size_t(i)] = v[3 + i];
                cdl.power[std::size_t(i)] = v[6 + i];
            }
            cdl.saturation = v[9];
            colour.grade.cdl = cdl;
        }
        colour.grade.outputSpace = p.value(QStringLiteral("output-space"));
        colour.grade.display = p.value(QStringLiteral("display"));
        colour.grade.view = p.value(QStringLiteral("view"));
        request.colour = colour;
    }

    return request;
}

} // namespace

ExportRequest exportRequestFromArguments(const QStringList& arguments, const Project& project) {
    QCommandLineParser p;
    addExportOptions(p);
    if (!p.parse(QStringList{QStringLiteral("export")} + arguments))
        throw Error(ErrorKind::Usage, QStringLiteral("export: %1").arg(p.errorText()));
    if (!p.positionalArguments().isEmpty())
        throw Error(
            ErrorKind::Usage,
            QStringLiteral("export: unexpected \"%1\"").arg(p.positionalArguments().first()));
    if (p.isSet(QStringLiteral("depth")))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("export: depth maps are exported on one machine, not on the "
                                   "farm."));
    return exportRequestFrom(p, project);
}

int runExport(const QStringList& args) {
    QCommandLineParser p;
    addExportOptions(p);
    if (!parse(p, args,
               QStringLiteral("Export the timeline or a shot, with the active takes, as a movie "
                              "with audio or an image sequence. "
                              "Outputs appear under their final names only when complete."),
               QStringLiteral("PROJECT")))
        return Ok;
    const Project project = loadProjectFile(positional(p, 0, QStringLiteral("the project file")));
    const ExportRequest request = exportRequestFrom(p, project);
    if (runDepthExport(p, project, request.output, request.shotId, request.timelineRange,
                       request.firstFileNumber, request.imageOptions.exrCompression,
                       request.overwrite))
        return Ok;

    retake::Progress progress(stderrProgress(QStringLiteral("export")));
    installInterruptHandler(&progress);
    const ExportResult result = exportProject(project, request, progress);
    installInterruptHandler(nullptr);
    printLine(result.files.size() == 1 ? result.files[0]
                                       : QStringLiteral("%1 (%2 files)")
                                             .arg(QFileInfo(result.files.value(0)).absolutePath())
                                             .arg(result.files.size()));
    return Ok;
}

// An editing session on stdin: one command per line, as on the command line
// without the program and project names, plus undo, redo, save, info, quit.
// Autosave runs in the background like in the GUI.
int runShell(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("autosave-ms"),
                 QStringLiteral("Autosave interval in milliseconds (default 60000, 0 = off)."),
                 QStringLiteral("MS")});
    if (!parse(p, args,
               QStringLiteral(
                   "Edit a project from commands on standard input (batch scripts, farms, tests). "
                   "Lines: any edit command without the project (lock --shot S --range 0-9), "
                   "undo, redo, save, info, quit."),
               QStringLiteral("PROJECT")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    auto doc = Document::open(path);
    doc->setAutosaveInterval(p.isSet(QStringLiteral("autosave-ms"))
                                 ? p.value(QStringLiteral("autosave-ms")).toInt()
                                 : 60000);
    QObject::connect(doc.get(), &Document::autosaved, [](const QString& file) {
        printStatus(QStringLiteral("autosaved %1").arg(file));
    });
    QObject::connect(doc.get(), &Document::autosaveFailed, [](const QString& message) {
        printStatus(QStringLiteral("autosave failed: %1").arg(message));
    });

    int failures = 0;
    auto handleLine = [&](const QString& line) {
        const QStringList words = QProcess::splitCommand(line);
        if (words.isEmpty())
            return;
        const QString cmd = words[0];
        try {
            if (cmd == QLatin1String("quit") || cmd == QLatin1String("exit")) {
                QCoreApplication::quit();
            } else if (cmd == QLatin1String("info")) {
                printProjectInfo(doc->project(), doc->filePath());
            } else {
                runShellEdit(*doc, words);
            }
        } catch (const Error& e) {
            ++failures;
            printLine(QStringLiteral("error %1").arg(e.message()));
        }
    };
    // A reader thread hands whole lines to the event loop, which also runs
    // the autosave timer; blocking reads never stall it.
    std::thread([&handleLine] {
        std::string line;
        while (std::getline(std::cin, line)) {
            const QString text = QString::fromStdString(line);
            QMetaObject::invokeMethod(
                qApp, [&handleLine, text] { handleLine(text); }, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            qApp, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
    }).detach();
    QCoreApplication::exec();
    if (doc->isModified())
        printStatus(QStringLiteral("unsaved changes left in the session (autosave: %1)")
                        .arg(doc->autosavePath()));
    return failures == 0 ? Ok : UsageError;
}

int runRecover(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("discard"),
                 QStringLiteral("Delete the autosave instead of recovering it.")});
    if (!parse(p, args,
               QStringLiteral("Recover a project from the autosave left by a crash, and save it."),
               QStringLiteral("PROJECT")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("the project file"));
    if (!Document::hasRecoverableAutosave(path))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("%1 has no autosave newer than the project.").arg(path));
    if (p.isSet(QStringLiteral("discard"))) {
        QFile::remove(Document::autosavePathFor(path));
        printLine(QStringLiteral("discarded %1").arg(Document::autosavePathFor(path)));
        return Ok;
    }
    auto doc = Document::recover(path);
    doc->save();
    printLine(QStringLiteral("recovered %1").arg(doc->filePath()));
    return Ok;
}

int runSystem(const QStringList& args) {
    QCommandLineParser p;
    if (!parse(p, args, QStringLiteral("Show versions and compute devices."), QString()))
        return Ok;
    printLine(QStringLiteral("Retake %1, Qt %2, libtorch %3")
                  .arg(QStringLiteral(RETAKE_VERSION), QString::fromLatin1(qVersion()),
                       QString::fromStdString(generationBackend().torchVersion())));
    printLine(QStringLiteral("devices: %1")
                  .arg(QString::fromStdString(generationBackend().describeDevices())));
    return Ok;
}

} // namespace retake::cli
