#include "openjd.h"

#include "core/atomicfile.h"

#include <QDir>
#include <QFileInfo>

namespace retake {

namespace {

// A YAML scalar in single quotes (the one escape: '' for ').
QString quoted(const QString& text) {
    QString q = text;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString runTaskAction(const QString& task) {
    return QStringLiteral("  script:\n"
                          "    actions:\n"
                          "      onRun:\n"
                          "        command: '{{Param.RetakeCli}}'\n"
                          "        args: ['farm', 'run-task', '{{Param.Plan}}', '--task', %1]\n")
        .arg(quoted(task));
}

} // namespace

QByteArray openJobTemplate(const FarmPlan& plan, const QString& retakeCli,
                           const QString& templateDir) {
    const int finalTask = int(plan.tasks.size()) - 1;
    const QString job = plan.job == FarmPlan::Job::Regeneration ? QStringLiteral("regeneration")
                                                                : QStringLiteral("export");
    QString yaml =
        QStringLiteral("# Retake farm %1 of %2, written by retake-cli farm export --openjd.\n"
                       "# Check: openjd check FILE. Run here: openjd run FILE.\n"
                       "specificationVersion: jobtemplate-2023-09\n"
                       "name: %3\n"
                       "parameterDefinitions:\n"
                       "- name: Plan\n"
                       "  type: PATH\n"
                       "  objectType: FILE\n"
                       "  dataFlow: IN\n"
                       "  description: The farm plan (retake-cli farm plan).\n"
                       "  default: %4\n"
                       "- name: RetakeCli\n"
                       "  type: STRING\n"
                       "  description: The retake-cli every worker runs.\n"
                       "  default: %5\n"
                       "steps:\n")
            .arg(job, plan.planPath,
                 quoted(QStringLiteral("Retake %1 %2")
                            .arg(job, QFileInfo(plan.planPath).completeBaseName())),
                 // OpenJD joins a default path to the template's folder.
                 quoted(QDir(templateDir).relativeFilePath(plan.planPath)), quoted(retakeCli));
    if (finalTask > 0) {
        yaml += QStringLiteral("- name: Parts\n"
                               "  parameterSpace:\n"
                               "    taskParameterDefinitions:\n"
                               "    - name: Task\n"
                               "      type: INT\n"
                               "      range: %1\n")
                    .arg(quoted(QStringLiteral("0-%1").arg(finalTask - 1)));
        yaml += runTaskAction(QStringLiteral("{{Task.Param.Task}}"));
    }
    yaml += QStringLiteral("- name: Finish\n");
    if (finalTask > 0)
        yaml += QStringLiteral("  dependencies:\n  - dependsOn: Parts\n");
    yaml += runTaskAction(QString::number(finalTask));
    return yaml.toUtf8();
}

void writeOpenJobTemplate(const FarmPlan& plan, const QString& retakeCli, const QString& path) {
    writeFileAtomically(QFileInfo(path).absoluteFilePath(),
                        openJobTemplate(plan, retakeCli, QFileInfo(path).absolutePath()));
}

} // namespace retake
