#include "engines/modelcheck.h"

#include "core/error.h"
#include "engines/engineerrors.h"
#include "engines/generationlibrary.h"
#include "media/fileutil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace retake {

namespace {

QString describeTensor(const generation::ModelTensor& tensor) {
    QStringList dims;
    for (const generation::ModelDimension& d : tensor.dims) {
        QString range = QString::number(d.min);
        if (d.min <= 1 && d.max == 0)
            range = QStringLiteral("any");
        else if (d.max == 0)
            range += QStringLiteral(" or more");
        else if (d.max != d.min)
            range += QStringLiteral(" to %1").arg(d.max);
        dims << QStringLiteral("%1 %2").arg(QString::fromStdString(d.name), range);
    }
    return QStringLiteral("%1 [%2] %3")
        .arg(QString::fromStdString(tensor.name), dims.join(QStringLiteral(", ")),
             QString::fromStdString(tensor.dtype));
}

QJsonArray toJsonArray(const QStringList& list) {
    QJsonArray array;
    for (const QString& s : list)
        array.append(s);
    return array;
}

} // namespace

ModelFileCheck checkModelFile(const QString& path, const QString& role, const QString& device) {
    if (!role.isEmpty() && role != QLatin1String("inpainting") && role != QLatin1String("depth"))
        throw Error(ErrorKind::Usage,
                    QStringLiteral("--role %1: the roles are inpainting and depth").arg(role));
    if (!QFileInfo(path).isFile())
        throw Error(ErrorKind::BadInput,
                    QStringLiteral("%1: no such model file (or not a regular file)").arg(path));
    ModelFileCheck check;
    check.file = QFileInfo(path).absoluteFilePath();
    // Hashed before it is loaded: what ran is what the hash names.
    check.sha256 = fileSha256(path);
    const generation::ModelCheck found = translateEngineErrors([&] {
        return generationBackend().checkUserModel(QFile::encodeName(path).toStdString(),
                                                  role.toStdString(), device.toStdString());
    });
    check.kind = QString::fromStdString(found.kind);
    check.compiledFor = QString::fromStdString(found.compiledFor);
    check.role = QString::fromLatin1(generation::toString(found.role));
    check.takesPrompt = found.takesPrompt;
    for (const auto& t : found.inputs)
        check.inputs << describeTensor(t);
    for (const auto& t : found.outputs)
        check.outputs << describeTensor(t);
    check.device = QString::fromStdString(found.device);
    QStringList dims;
    for (std::int64_t d : found.trialShape)
        dims << QString::number(d);
    check.trialShape = QStringLiteral("[%1]").arg(dims.join(QLatin1Char(',')));
    check.secondsPerFrame = found.secondsPerFrame;
    for (const auto& note : found.notes)
        check.notes << QString::fromStdString(note);
    return check;
}

QStringList ModelFileCheck::describe() const {
    QStringList lines{
        QStringLiteral("file: %1").arg(file),
        QStringLiteral("sha256: %1").arg(sha256),
        QStringLiteral("kind: %1").arg(kind),
        QStringLiteral("compiled for: %1").arg(compiledFor),
        QStringLiteral("role: %1").arg(role),
        QStringLiteral("prompt: %1")
            .arg(takesPrompt ? QStringLiteral("yes (forward's third argument)")
                             : QStringLiteral("no")),
    };
    for (const QString& input : inputs)
        lines << QStringLiteral("input: %1").arg(input);
    for (const QString& output : outputs)
        lines << QStringLiteral("output: %1").arg(output);
    lines << QStringLiteral("trial: frames %1 on %2, %3 ms per frame")
                 .arg(trialShape, device, QString::number(secondsPerFrame * 1000.0, 'f', 2));
    for (const QString& note : notes)
        lines << QStringLiteral("note: %1").arg(note);
    return lines;
}

QJsonObject ModelFileCheck::toJson() const {
    return {{"file", file},
            {"sha256", sha256},
            {"kind", kind},
            {"compiledFor", compiledFor},
            {"role", role},
            {"takesPrompt", takesPrompt},
            {"inputs", toJsonArray(inputs)},
            {"outputs", toJsonArray(outputs)},
            {"device", device},
            {"trialShape", trialShape},
            {"secondsPerFrame", secondsPerFrame},
            {"notes", toJsonArray(notes)}};
}

} // namespace retake
