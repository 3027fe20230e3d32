#pragma once

// A farm plan as an Open Job Description job template (jobtemplate-2023-09,
// the format AWS Deadline Cloud runs; `openjd check` / `openjd run` from
// PyPI's openjd-cli): a step whose tasks are the plan's parts, and a step for
// the final task that depends on it. Job parameters name the plan and the
// retake-cli the workers run.

#include "farm/farmplan.h"

namespace retake {

// `templateDir`: where the template is written (its default plan path is
// relative to it, as OpenJD requires).
QByteArray openJobTemplate(const FarmPlan& plan, const QString& retakeCli,
                           const QString& templateDir);
// Atomically.
void writeOpenJobTemplate(const FarmPlan& plan, const QString& retakeCli, const QString& path);

} // namespace retake
