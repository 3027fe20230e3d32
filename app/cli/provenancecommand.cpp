#include "provenancecommand.h"

#include "c2pa/contentcredentials.h"
#include "cli.h"
#include "options.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace retake::cli {

namespace {

// "c2pa.edited (trainedAlgorithmicMedia): frames 3-7 made by Retake's model engine"
QString describeAction(const QJsonObject& action) {
    QString line = action.value(QLatin1String("action")).toString();
    const QString source = action.value(QLatin1String("digitalSourceType")).toString();
    if (!source.isEmpty())
        line += QStringLiteral(" (%1)").arg(source.section(QLatin1Char('/'), -1));
    const QString description = action.value(QLatin1String("description")).toString();
    if (!description.isEmpty())
        line += QStringLiteral(": ") + description;
    return line;
}

} // namespace

int runProvenance(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the manifest store as JSON.")});
    p.addOption({QStringLiteral("trust"),
                 QStringLiteral("Root certificates (PEM) to trust: a signer whose chain leads to "
                                "one is reported as trusted."),
                 QStringLiteral("FILE")});
    if (!parse(p, args,
               QStringLiteral("Show a file's Content Credentials (C2PA): whether they are valid, "
                              "who signed them, what was generated and where. Exit 0 when valid "
                              "or absent, 2 when present but invalid (changed since signing)."),
               QStringLiteral("FILE")))
        return Ok;
    const QString path = positional(p, 0, QStringLiteral("a picture or movie"));
    const CredentialsReport report = readCredentials(path, p.value(QStringLiteral("trust")));
    const bool invalid = report.present && report.validationState == QLatin1String("Invalid");
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject out{{"file", path},
                        {"present", report.present},
                        {"validationState", report.validationState},
                        {"failures", QJsonArray::fromStringList(report.failures)},
                        {"notes", QJsonArray::fromStringList(report.notes)},
                        {"store", report.store}};
        printJson(out);
        return invalid ? BadInputFile : Ok;
    }
    if (!report.present) {
        printLine(QStringLiteral("%1: no Content Credentials").arg(path));
        return Ok;
    }
    const QJsonObject signature = report.active.value(QLatin1String("signature_info")).toObject();
    printLine(
        QStringLiteral("%1: Content Credentials %2").arg(path, report.validationState.toUpper()));
    if (!signature.isEmpty())
        printLine(QStringLiteral("  signed by: %1 (issued by %2)%3")
                      .arg(signature.value(QLatin1String("common_name")).toString(),
                           signature.value(QLatin1String("issuer")).toString(),
                           signature.contains(QLatin1String("time"))
                               ? QStringLiteral(", at %1").arg(
                                     signature.value(QLatin1String("time")).toString())
                               : QString()));
    for (const QString& failure : report.failures)
        printLine(QStringLiteral("  problem: %1").arg(failure));
    for (const QString& note : report.notes)
        printLine(QStringLiteral("  note: %1").arg(note));
    for (const QJsonValue& generator :
         report.active.value(QLatin1String("claim_generator_info")).toArray())
        printLine(QStringLiteral("  made with: %1 %2")
                      .arg(generator.toObject().value(QLatin1String("name")).toString(),
                           generator.toObject().value(QLatin1String("version")).toString()));
    for (const QJsonValue& ingredient :
         report.active.value(QLatin1String("ingredients")).toArray()) {
        const QJsonObject o = ingredient.toObject();
        const QString sha =
            o.value(QLatin1String("metadata")).toObject().value(QLatin1String("sha256")).toString();
        printLine(QStringLiteral("  ingredient: %1 (%2)%3")
                      .arg(o.value(QLatin1String("title")).toString(),
                           o.value(QLatin1String("relationship")).toString(),
                           (sha.isEmpty() ? QString() : QStringLiteral(" sha256 ") + sha) +
                               (o.value(QLatin1String("active_manifest")).toString().isEmpty()
                                    ? QString()
                                    : QStringLiteral(", with its own Content Credentials"))));
    }
    for (const QJsonValue& assertion : report.active.value(QLatin1String("assertions")).toArray()) {
        const QJsonObject a = assertion.toObject();
        const QString label = a.value(QLatin1String("label")).toString();
        if (label.startsWith(QLatin1String("c2pa.actions")))
            for (const QJsonValue& action : a.value(QLatin1String("data"))
                                                .toObject()
                                                .value(QLatin1String("actions"))
                                                .toArray())
                printLine(QStringLiteral("  action: %1").arg(describeAction(action.toObject())));
        else if (label == QLatin1String("com.retake.frames")) {
            const QJsonObject frames = a.value(QLatin1String("data")).toObject();
            for (const char* origin : {"original", "regenerated", "rendered"})
                if (frames.contains(QLatin1String(origin)))
                    printLine(QStringLiteral("  frames %1: %2")
                                  .arg(QLatin1String(origin),
                                       frames.value(QLatin1String(origin)).toString()));
        }
    }
    return invalid ? BadInputFile : Ok;
}

} // namespace retake::cli
