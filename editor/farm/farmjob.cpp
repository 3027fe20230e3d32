#include "farmjob.h"

#include "core/translate.h"
#include "projectfile/projectfile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace retake {

QStringList regenArguments(const Project& project, const RegenRequest& request) {
    if (request.transform)
        throw Error(ErrorKind::Usage, tr("A reframe runs on this machine, not on the farm."));
    const Shot* shot = project.findShot(request.shotId);
    if (!shot)
        throw Error(ErrorKind::Usage, tr("No shot with ID %1.").arg(idToString(request.shotId)));
    if (!request.maskId.isNull() &&
        (shot->masks.isEmpty() || shot->masks.last().id != request.maskId))
        throw Error(ErrorKind::Usage, tr("The farm regenerates with the shot's newest mask."));
    QStringList args{
        QStringLiteral("--shot"),   idToString(shot->id),
        QStringLiteral("--range"),  request.range.shifted(-shot->source.start).toInclusiveString(),
        QStringLiteral("--engine"), request.engine,
        QStringLiteral("--seed"),   QString::number(request.seed),
        QStringLiteral("--device"), request.device};
    for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it)
        args << QStringLiteral("--param") << it.key() + QLatin1Char('=') + it.value();
    if (!request.prompt.isEmpty())
        args << QStringLiteral("--prompt") << request.prompt;
    if (!request.referencePath.isEmpty())
        args << QStringLiteral("--reference") << request.referencePath;
    if (!request.referenceFollows.isNull())
        args << QStringLiteral("--reference-follows") << idToString(request.referenceFollows);
    if (request.referenceFrame >= 0)
        args << QStringLiteral("--reference-frame")
             << QString::number(request.referenceFrame - shot->source.start);
    return args;
}

namespace {

QString exactNumber(double value) {
    return QString::number(value, 'g', 17);
}

QString compressionName(ExrCompression compression) {
    switch (compression) {
    case ExrCompression::None:
        return QStringLiteral("none");
    case ExrCompression::Zip:
        return QStringLiteral("zip");
    case ExrCompression::Piz:
        return QStringLiteral("piz");
    case ExrCompression::Dwaa:
        return QStringLiteral("dwaa");
    }
    return QStringLiteral("zip");
}

} // namespace

QStringList exportArguments(const Project& project, const ExportRequest& request) {
    // The signing key would have to be on every node's storage and named in
    // the plan; until that is designed, signing is local only.
    if (request.credentials)
        throw Error(ErrorKind::Usage, tr("Content Credentials are signed on this computer only: "
                                         "export here to sign, or send the export to the farm "
                                         "without signing."));
    QStringList args{QStringLiteral("--out"), QFileInfo(request.output).absoluteFilePath()};
    if (!isSequenceOutput(request.output))
        args << QStringLiteral("--codec") << toString(request.codec);
    if (!request.shotId.isNull()) {
        if (!project.findShot(request.shotId))
            throw Error(ErrorKind::Usage,
                        tr("No shot with ID %1.").arg(idToString(request.shotId)));
        args << QStringLiteral("--shot") << idToString(request.shotId);
    }
    if (request.timelineRange)
        args << QStringLiteral("--range") << request.timelineRange->toInclusiveString();
    if (!request.withAudio)
        args << QStringLiteral("--no-audio");
    if (request.fullRange)
        args << QStringLiteral("--full-range");
    if (request.overwrite)
        args << QStringLiteral("--overwrite");
    const ImageWriteOptions& image = request.imageOptions;
    if (image.exrPixelType == ExrPixelType::Float)
        args << QStringLiteral("--exr-type") << QStringLiteral("float");
    args << QStringLiteral("--exr-compression") << compressionName(image.exrCompression);
    if (!image.writeDepth)
        args << QStringLiteral("--exr-depth") << QStringLiteral("none");
    else if (image.exrDepthNaming == ExrDepthNaming::Blender)
        args << QStringLiteral("--exr-depth") << QStringLiteral("blender");
    if (!request.writeManifest)
        args << QStringLiteral("--no-manifest");
    args << QStringLiteral("--start-number") << QString::number(request.firstFileNumber);
    if (request.colour) {
        const ExportColour& c = *request.colour;
        const auto add = [&](const char* option, const QString& value) {
            if (!value.isEmpty())
                args << QLatin1String(option) << value;
        };
        add("--ocio-config", c.configPath);
        add("--input-space", c.inputSpace);
        add("--working-space", c.grade.workingSpace);
        add("--lut", c.grade.lutPath);
        if (c.grade.cdl) {
            QStringList numbers;
            for (const auto* part :
                 {&c.grade.cdl->slope, &c.grade.cdl->offset, &c.grade.cdl->power})
                for (double v : *part)
                    numbers << exactNumber(v);
            numbers << exactNumber(c.grade.cdl->saturation);
            args << QStringLiteral("--cdl-values") << numbers.join(QLatin1Char(','));
        }
        add("--output-space", c.grade.outputSpace);
        add("--display", c.grade.display);
        add("--view", c.grade.view);
        // Any colour option turns the pipeline on; with none given (the
        // bundled config, every space automatic), say the config.
        if (args.indexOf(QStringLiteral("--ocio-config")) < 0 &&
            args.indexOf(QStringLiteral("--input-space")) < 0 &&
            args.indexOf(QStringLiteral("--working-space")) < 0 &&
            args.indexOf(QStringLiteral("--lut")) < 0 && !c.grade.cdl &&
            args.indexOf(QStringLiteral("--output-space")) < 0 &&
            args.indexOf(QStringLiteral("--display")) < 0)
            throw Error(ErrorKind::Usage,
                        tr("This colour request has no option the command line can say."));
    }
    return args;
}

FarmProgress farmProgress(const FarmPlan& plan) {
    FarmProgress progress;
    progress.total = int(plan.tasks.size());
    const QMap<int, QString> slurm = slurmTaskStates(plan);
    QStringList running;
    for (const FarmTask& task : plan.tasks) {
        const FarmTaskStatus status = farmTaskStatus(plan, task.index);
        if (status.state == FarmTaskState::Done) {
            ++progress.done;
            continue;
        }
        if (status.state == FarmTaskState::Failed && progress.failure.isEmpty())
            progress.failure =
                tr("Task %1 failed on %2: %3").arg(task.index).arg(status.host, status.message);
        if (status.state == FarmTaskState::Running)
            running << tr("task %1 running on %2").arg(task.index).arg(status.host);
        const QString state = slurm.value(task.index);
        if (progress.failure.isEmpty() && status.state != FarmTaskState::Running &&
            (state == QLatin1String("CANCELLED") || state == QLatin1String("FAILED") ||
             state == QLatin1String("TIMEOUT") || state == QLatin1String("NODE_FAIL")))
            progress.failure = tr("Slurm ended task %1 (%2).").arg(task.index).arg(state);
    }
    progress.summary = tr("%1 of %2 tasks done").arg(progress.done).arg(progress.total);
    if (!running.isEmpty())
        progress.summary += QStringLiteral("; ") + running.join(QStringLiteral(", "));
    return progress;
}

std::optional<Take> recordedTake(const FarmPlan& plan) {
    const Project project = loadProjectFile(plan.projectPath);
    if (const Shot* shot = project.findShot(plan.shotId))
        for (const Take& take : shot->takes)
            if (take.id == plan.takeId)
                return take;
    return std::nullopt;
}

} // namespace retake
