// retake-cli model check: a user's model file (editor/engines/modelcheck.h).
#include "modelcommand.h"

#include "cli.h"
#include "engines/modelcheck.h"
#include "options.h"

namespace retake::cli {

namespace {

int modelCheck(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("role"),
                 QStringLiteral("inpainting or depth; by default the model's inputs decide."),
                 QStringLiteral("ROLE")});
    p.addOption({QStringLiteral("device"),
                 QStringLiteral("cpu (default), cuda, cuda:N or auto. A .pt2 package runs on "
                                "the device it was compiled for."),
                 QStringLiteral("DEVICE"), QStringLiteral("cpu")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    if (!parse(p, args,
               QStringLiteral("Check a model file before using it (docs/models.md): prints its "
                              "SHA-256, its kind (TorchScript or AOTInductor package, told from "
                              "the file's contents), the device it was compiled for, its role, "
                              "its inputs and outputs with the sizes it accepts, whether it "
                              "takes a prompt, and the time per frame of one run on a small "
                              "synthetic picture. Exits 2 naming the problem for a file that is "
                              "not a model, is damaged, has the wrong signature, needs a device "
                              "this machine lacks or comes from a newer PyTorch."),
               QStringLiteral("FILE")))
        return Ok;
    const ModelFileCheck check =
        checkModelFile(positional(p, 0, QStringLiteral("the model file")),
                       p.value(QStringLiteral("role")), p.value(QStringLiteral("device")));
    if (p.isSet(QStringLiteral("json"))) {
        printJson(check.toJson());
        return Ok;
    }
    for (const QString& line : check.describe())
        printLine(line);
    return Ok;
}

} // namespace

int runModel(const QStringList& args) {
    const QString sub = args.value(1);
    if (sub == QLatin1String("check"))
        return modelCheck(args.mid(1));
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printLine(QStringLiteral(
            "retake-cli model check FILE [--role inpainting|depth] [--device D] [--json]"));
        return sub.isEmpty() ? UsageError : Ok;
    }
    throw Error(ErrorKind::Usage, QStringLiteral("unknown model command \"%1\" (check)").arg(sub));
}

} // namespace retake::cli
