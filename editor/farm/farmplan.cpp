#include "farmplan.h"

#include "core/atomicfile.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace retake {

namespace {

constexpr const char* kFormat = "retake-farm-plan";
constexpr int kVersion = 1;

const QVector<QPair<FarmTaskKind, QString>>& kindNames() {
    static const QVector<QPair<FarmTaskKind, QString>> names = {
        {FarmTaskKind::RegenChunks, QStringLiteral("regen-chunks")},
        {FarmTaskKind::RegenAssemble, QStringLiteral("regen-assemble")},
        {FarmTaskKind::SequenceFrames, QStringLiteral("sequence-frames")},
        {FarmTaskKind::SequenceManifest, QStringLiteral("sequence-manifest")},
        {FarmTaskKind::MovieSegment, QStringLiteral("movie-segment")},
        {FarmTaskKind::MovieJoin, QStringLiteral("movie-join")},
    };
    return names;
}

QString relativeTo(const QDir& base, const QString& path) {
    return base.relativeFilePath(path);
}

[[noreturn]] void badPlan(const QString& path, const QString& problem) {
    throwBadInput(path, problem);
}

QJsonArray rangesToJson(const QVector<FrameRange>& ranges) {
    QJsonArray array;
    for (const FrameRange& r : ranges)
        array.append(QJsonArray{double(r.start), double(r.end)});
    return array;
}

QVector<FrameRange> rangesFromJson(const QJsonValue& value, const QString& path,
                                   const QString& field) {
    QVector<FrameRange> ranges;
    for (const QJsonValue& v : value.toArray()) {
        const QJsonArray pair = v.toArray();
        if (pair.size() != 2 || !pair[0].isDouble() || !pair[1].isDouble() ||
            pair[0].toDouble() > pair[1].toDouble())
            badPlan(path, tr("\"%1\" holds something that is not a frame range").arg(field));
        ranges.push_back({FrameNumber(pair[0].toDouble()), FrameNumber(pair[1].toDouble())});
    }
    return ranges;
}

QString statusPath(const FarmPlan& plan, int task, const char* state) {
    return QDir(plan.workDir)
        .filePath(QStringLiteral("tasks/task_%1.%2")
                      .arg(task, 4, 10, QLatin1Char('0'))
                      .arg(QLatin1String(state)));
}

QString hostName() {
    const QString name = QSysInfo::machineHostName();
    return name.isEmpty() ? QStringLiteral("this node") : name;
}

void writeState(const FarmPlan& plan, int task, const char* state, const QJsonObject& content) {
    QDir().mkpath(QDir(plan.workDir).filePath(QStringLiteral("tasks")));
    writeFileAtomically(statusPath(plan, task, state), QJsonDocument(content).toJson());
}

} // namespace

QString toString(FarmTaskKind kind) {
    for (const auto& [k, name] : kindNames())
        if (k == kind)
            return name;
    return {};
}

QString toString(FarmTaskState state) {
    switch (state) {
    case FarmTaskState::Pending:
        return QStringLiteral("pending");
    case FarmTaskState::Running:
        return QStringLiteral("running");
    case FarmTaskState::Done:
        return QStringLiteral("done");
    case FarmTaskState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

void PathMap::add(const QString& rule) {
    const int eq = rule.indexOf(QLatin1Char('='));
    if (eq <= 0 || eq == rule.size() - 1)
        throw Error(ErrorKind::Usage,
                    tr("--path-map takes FROM=TO (two folders), not \"%1\".").arg(rule));
    rules_.push_back({QDir::cleanPath(rule.left(eq)), QDir::cleanPath(rule.mid(eq + 1))});
}

QString PathMap::apply(const QString& path) const {
    for (const auto& [from, to] : rules_)
        if (path == from || path.startsWith(from + QLatin1Char('/')))
            return to + path.mid(from.size());
    return path;
}

QStringList PathMap::arguments() const {
    QStringList args;
    for (const auto& [from, to] : rules_)
        args << QStringLiteral("--path-map") << from + QLatin1Char('=') + to;
    return args;
}

const FarmTask& FarmPlan::task(int index) const {
    if (index < 0 || index >= tasks.size())
        throw Error(ErrorKind::Usage, tr("%1 has tasks 0-%2; there is no task %3.")
                                          .arg(QDir::toNativeSeparators(planPath))
                                          .arg(tasks.size() - 1)
                                          .arg(index));
    return tasks[index];
}

QString FarmPlan::chunksDir() const {
    return QDir(workDir).filePath(QStringLiteral("chunks"));
}

QString FarmPlan::segmentPath(int task) const {
    return QDir(workDir).filePath(QStringLiteral("segments/segment_%1.%2")
                                      .arg(task, 4, 10, QLatin1Char('0'))
                                      .arg(QFileInfo(output).suffix()));
}

QStringList FarmPlan::segmentPaths() const {
    QStringList paths;
    for (const FarmTask& t : tasks)
        if (t.kind == FarmTaskKind::MovieSegment)
            paths << segmentPath(t.index);
    return paths;
}

FarmPlan loadFarmPlan(const QString& path, const PathMap& map) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        badPlan(path, tr("cannot be read: %1").arg(file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        badPlan(path, tr("is not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        badPlan(path, tr("is not a Retake farm plan"));
    if (o.value(QStringLiteral("version")).toInt() != kVersion)
        badPlan(path, tr("is a farm plan of version %1; this Retake reads version %2")
                          .arg(o.value(QStringLiteral("version")).toInt())
                          .arg(kVersion));
    FarmPlan plan;
    plan.planPath = QFileInfo(path).absoluteFilePath();
    const QDir base = QFileInfo(path).absoluteDir();
    const QString job = o.value(QStringLiteral("job")).toString();
    if (job == QLatin1String("regen"))
        plan.job = FarmPlan::Job::Regeneration;
    else if (job == QLatin1String("export"))
        plan.job = FarmPlan::Job::Export;
    else
        badPlan(path, tr("has an unknown job \"%1\"").arg(job));
    for (const QJsonValue& a : o.value(QStringLiteral("arguments")).toArray())
        plan.arguments << map.apply(a.toString());
    plan.projectPath = map.apply(
        QDir::cleanPath(base.absoluteFilePath(o.value(QStringLiteral("project")).toString())));
    plan.workDir = map.apply(
        QDir::cleanPath(base.absoluteFilePath(o.value(QStringLiteral("work")).toString())));
    plan.created =
        QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    plan.projectSha256 = o.value(QStringLiteral("projectSha256")).toString();
    plan.shotId = QUuid::fromString(o.value(QStringLiteral("shot")).toString());
    plan.takeId = QUuid::fromString(o.value(QStringLiteral("take")).toString());
    plan.chunks = rangesFromJson(o.value(QStringLiteral("chunks")), path, QStringLiteral("chunks"));
    plan.engineLocks = FrameRangeSet(rangesFromJson(o.value(QStringLiteral("engineLocks")), path,
                                                    QStringLiteral("engineLocks")));
    plan.exportFrameCount = o.value(QStringLiteral("exportFrames")).toInt();
    plan.output = map.apply(o.value(QStringLiteral("output")).toString());
    const QJsonArray tasks = o.value(QStringLiteral("tasks")).toArray();
    if (tasks.isEmpty())
        badPlan(path, tr("has no tasks"));
    for (int i = 0; i < tasks.size(); ++i) {
        const QJsonObject t = tasks[i].toObject();
        FarmTask task;
        task.index = i;
        const QString kind = t.value(QStringLiteral("kind")).toString();
        bool known = false;
        for (const auto& [k, name] : kindNames())
            if (name == kind) {
                task.kind = k;
                known = true;
            }
        if (!known)
            badPlan(path, tr("task %1 is of an unknown kind \"%2\"").arg(i).arg(kind));
        task.first = t.value(QStringLiteral("first")).toInt();
        task.end = t.value(QStringLiteral("end")).toInt();
        for (const QJsonValue& d : t.value(QStringLiteral("dependsOn")).toArray()) {
            const int dep = d.toInt(-1);
            if (dep < 0 || dep >= i)
                badPlan(path,
                        tr("task %1 depends on task %2, which is not before it").arg(i).arg(dep));
            task.dependsOn << dep;
        }
        for (const QJsonValue& r : t.value(QStringLiteral("reads")).toArray())
            task.reads << r.toString();
        for (const QJsonValue& w : t.value(QStringLiteral("writes")).toArray())
            task.writes << w.toString();
        plan.tasks << task;
    }
    return plan;
}

void saveFarmPlan(FarmPlan& plan, const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QDir base = QFileInfo(absolute).absoluteDir();
    if (!QDir().mkpath(plan.workDir))
        throwOutputError(plan.workDir, tr("cannot create the farm's work folder"));
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(kFormat));
    o.insert(QStringLiteral("version"), kVersion);
    o.insert(QStringLiteral("job"), plan.job == FarmPlan::Job::Regeneration
                                        ? QStringLiteral("regen")
                                        : QStringLiteral("export"));
    o.insert(QStringLiteral("arguments"), QJsonArray::fromStringList(plan.arguments));
    o.insert(QStringLiteral("project"), relativeTo(base, plan.projectPath));
    o.insert(QStringLiteral("work"), relativeTo(base, plan.workDir));
    o.insert(QStringLiteral("created"), plan.created.toString(Qt::ISODate));
    if (!plan.projectSha256.isEmpty())
        o.insert(QStringLiteral("projectSha256"), plan.projectSha256);
    if (plan.job == FarmPlan::Job::Regeneration) {
        o.insert(QStringLiteral("shot"), idToString(plan.shotId));
        o.insert(QStringLiteral("take"), idToString(plan.takeId));
        o.insert(QStringLiteral("chunks"), rangesToJson(plan.chunks));
        o.insert(QStringLiteral("engineLocks"), rangesToJson(plan.engineLocks.ranges()));
    } else {
        o.insert(QStringLiteral("exportFrames"), plan.exportFrameCount);
        o.insert(QStringLiteral("output"), plan.output);
    }
    QJsonArray tasks;
    for (const FarmTask& t : plan.tasks) {
        QJsonObject task;
        task.insert(QStringLiteral("index"), t.index);
        task.insert(QStringLiteral("kind"), toString(t.kind));
        task.insert(QStringLiteral("first"), t.first);
        task.insert(QStringLiteral("end"), t.end);
        QJsonArray deps;
        for (int d : t.dependsOn)
            deps.append(d);
        task.insert(QStringLiteral("dependsOn"), deps);
        task.insert(QStringLiteral("reads"), QJsonArray::fromStringList(t.reads));
        task.insert(QStringLiteral("writes"), QJsonArray::fromStringList(t.writes));
        tasks.append(task);
    }
    o.insert(QStringLiteral("tasks"), tasks);
    writeFileAtomically(absolute, QJsonDocument(o).toJson());
    plan.planPath = absolute;
}

FarmTaskStatus farmTaskStatus(const FarmPlan& plan, int task) {
    FarmTaskStatus status;
    const auto read = [&](const char* state) -> std::optional<QJsonObject> {
        QFile file(statusPath(plan, task, state));
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return QJsonDocument::fromJson(file.readAll()).object();
    };
    std::optional<QJsonObject> o;
    if ((o = read("done")))
        status.state = FarmTaskState::Done;
    else if ((o = read("failed")))
        status.state = FarmTaskState::Failed;
    else if ((o = read("running")))
        status.state = FarmTaskState::Running;
    else
        return status;
    status.host = o->value(QStringLiteral("host")).toString();
    status.message = o->value(QStringLiteral("message")).toString();
    status.started =
        QDateTime::fromString(o->value(QStringLiteral("started")).toString(), Qt::ISODate);
    status.finished =
        QDateTime::fromString(o->value(QStringLiteral("finished")).toString(), Qt::ISODate);
    return status;
}

void resetFarmTask(const FarmPlan& plan, int task) {
    QFile::remove(statusPath(plan, task, "failed"));
    QFile::remove(statusPath(plan, task, "running"));
}

FarmTaskRun::FarmTaskRun(const FarmPlan& plan, int task)
    : plan_(plan)
    , task_(task)
    , started_(QDateTime::currentDateTimeUtc()) {
    QFile::remove(statusPath(plan, task, "done"));
    QFile::remove(statusPath(plan, task, "failed"));
    writeState(plan, task, "running",
               {{QStringLiteral("host"), hostName()},
                {QStringLiteral("pid"), double(QCoreApplication::applicationPid())},
                {QStringLiteral("started"), started_.toString(Qt::ISODate)}});
}

void FarmTaskRun::finished() {
    writeState(
        plan_, task_, "done",
        {{QStringLiteral("host"), hostName()},
         {QStringLiteral("started"), started_.toString(Qt::ISODate)},
         {QStringLiteral("finished"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    QFile::remove(statusPath(plan_, task_, "running"));
}

void FarmTaskRun::failed(const QString& message) {
    try {
        writeState(
            plan_, task_, "failed",
            {{QStringLiteral("host"), hostName()},
             {QStringLiteral("message"), message},
             {QStringLiteral("started"), started_.toString(Qt::ISODate)},
             {QStringLiteral("finished"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    } catch (const Error&) {
        // The storage that failed the task may refuse this too: the
        // scheduler's log keeps the message.
    }
    QFile::remove(statusPath(plan_, task_, "running"));
}

} // namespace retake
