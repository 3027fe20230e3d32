// `retake-cli export --depth FORMAT`: depth maps instead of pictures
// (editor/export/depthexport.h).
#include "depthoptions.h"

#include "cli.h"

#include <QFileInfo>

namespace retake::cli {

void addDepthExportOptions(QCommandLineParser& p) {
    p.addOption({QStringLiteral("depth"),
                 QStringLiteral("Write depth maps instead of pictures: exr (float, metres, "
                                "channel Z, +inf = no depth), png16 (16-bit, millimetres, 0 = no "
                                "depth, clamped at 65.535 m) or preview (8-bit, near = white, 0 = "
                                "no depth). A sidecar NAME.depth.json says units, near/far and "
                                "the source."),
                 QStringLiteral("FORMAT")});
    p.addOption({QStringLiteral("depth-source"),
                 QStringLiteral("Where depth comes from: auto (default: --depth-model, else the "
                                "media's depth channel, else the blocking scene), model, media, "
                                "blocking."),
                 QStringLiteral("SOURCE")});
    p.addOption({QStringLiteral("depth-model"),
                 QStringLiteral("TorchScript depth model: forward(frames [T,3,H,W] RGB 0..1) -> "
                                "[T,1,H,W] metres."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("depth-device"),
                 QStringLiteral("Device of the depth model: cpu (default), cuda, cuda:N, auto."),
                 QStringLiteral("DEVICE")});
    p.addOption({QStringLiteral("depth-near"),
                 QStringLiteral("Preview: depth drawn white, in metres (with --depth-far; "
                                "default: the nearest depth of the export)."),
                 QStringLiteral("M")});
    p.addOption({QStringLiteral("depth-far"),
                 QStringLiteral("Preview: depth drawn darkest, in metres (default: the "
                                "farthest)."),
                 QStringLiteral("M")});
}

namespace {

double metres(const QCommandLineParser& p, const QString& option) {
    bool ok = false;
    const double v = p.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0)
        throw Error(ErrorKind::Usage, QStringLiteral("--%1 takes a distance in metres, not \"%2\".")
                                          .arg(option, p.value(option)));
    return v;
}

} // namespace

// Returns false when no depth option was given (a picture export).
bool runDepthExport(const QCommandLineParser& p, const Project& project, const QString& output,
                    const Id& shotId, const std::optional<FrameRange>& range, int firstFileNumber,
                    ExrCompression compression, bool overwrite) {
    const QStringList depthOnly = {QStringLiteral("depth-source"), QStringLiteral("depth-model"),
                                   QStringLiteral("depth-device"), QStringLiteral("depth-near"),
                                   QStringLiteral("depth-far")};
    if (!p.isSet(QStringLiteral("depth"))) {
        for (const QString& option : depthOnly)
            if (p.isSet(option))
                throw Error(ErrorKind::Usage,
                            QStringLiteral("--%1 needs --depth exr|png16|preview.").arg(option));
        return false;
    }
    DepthExportRequest request;
    if (!depthMapFormatFromString(p.value(QStringLiteral("depth")), &request.format))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("--depth is exr, png16 or preview, not \"%1\".")
                        .arg(p.value(QStringLiteral("depth"))));
    if (p.isSet(QStringLiteral("depth-source")) &&
        !depthSourceFromString(p.value(QStringLiteral("depth-source")), &request.source))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("--depth-source is auto, model, media or blocking, not \"%1\".")
                        .arg(p.value(QStringLiteral("depth-source"))));
    request.output = output;
    request.shotId = shotId;
    request.timelineRange = range;
    request.firstFileNumber = firstFileNumber;
    request.overwrite = overwrite;
    request.exrCompression = compression;
    request.modelPath = p.value(QStringLiteral("depth-model"));
    if (p.isSet(QStringLiteral("depth-device")))
        request.device = p.value(QStringLiteral("depth-device"));
    if (p.isSet(QStringLiteral("depth-near")) != p.isSet(QStringLiteral("depth-far")))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("Give --depth-near and --depth-far together."));
    if (p.isSet(QStringLiteral("depth-near"))) {
        if (request.format != DepthMapFormat::Preview8)
            throw Error(ErrorKind::Usage,
                        QStringLiteral("--depth-near and --depth-far scale the preview only."));
        request.nearM = metres(p, QStringLiteral("depth-near"));
        request.farM = metres(p, QStringLiteral("depth-far"));
    }

    retake::Progress progress(stderrProgress(QStringLiteral("depth")));
    installInterruptHandler(&progress);
    const DepthExportResult result = exportDepthMaps(project, request, progress);
    installInterruptHandler(nullptr);
    for (const QString& source : result.sources)
        printStatus(QStringLiteral("depth from %1").arg(source));
    for (const QString& warning : result.warnings)
        printStatus(QStringLiteral("warning: %1").arg(warning));
    printLine(QStringLiteral("%1 (%2 files)")
                  .arg(QFileInfo(result.files.value(0)).absolutePath())
                  .arg(result.files.size()));
    printLine(result.sidecar);
    return true;
}

} // namespace retake::cli
