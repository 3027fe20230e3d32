#include "interchange/otioretakemeta.h"

#include "core/error.h"
#include "core/jsonnumbers.h"
#include "core/translate.h"
#include "mask/maskjson.h"

#include <QJsonArray>

namespace retake {

namespace {

Camera cameraFromJson(const QJsonObject& o) {
    Camera c;
    c.focalLengthMm = o.value("focalLengthMm").toDouble(c.focalLengthMm);
    c.filmbackWidthMm = o.value("filmbackWidthMm").toDouble(c.filmbackWidthMm);
    c.filmbackHeightMm = o.value("filmbackHeightMm").toDouble(c.filmbackHeightMm);
    c.focusDistanceM = o.value("focusDistanceM").toDouble(c.focusDistanceM);
    c.fStop = o.value("fStop").toDouble(c.fStop);
    c.shutterAngleDeg = o.value("shutterAngleDeg").toDouble(c.shutterAngleDeg);
    return c;
}

QJsonObject cameraJson(const Camera& c) {
    return {{"focalLengthMm", c.focalLengthMm},
            {"filmbackWidthMm", c.filmbackWidthMm},
            {"filmbackHeightMm", c.filmbackHeightMm},
            {"focusDistanceM", c.focusDistanceM},
            {"fStop", c.fStop},
            {"shutterAngleDeg", c.shutterAngleDeg}};
}

QJsonArray rangeJson(FrameRange r) {
    return {qint64(r.start), qint64(r.end)};
}

} // namespace

FrameRange OtioRetakeMeta::range(const QJsonValue& v, const QString& where) const {
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 2)
        throwBadInput(file_, tr("%1: expected [start, end]").arg(where));
    for (int i = 0; i < 2; ++i)
        if (const auto problem = frameNumberProblem(a[i]))
            throwBadInput(file_, QStringLiteral("%1[%2]: %3").arg(where).arg(i).arg(*problem));
    const FrameRange range{qint64(a[0].toDouble()), qint64(a[1].toDouble())};
    if (range.end < range.start)
        throwBadInput(
            file_, tr("%1: end (%2) before start (%3)").arg(where).arg(range.end).arg(range.start));
    return range;
}

void OtioRetakeMeta::readShot(const QJsonObject& meta, Shot& shot) const {
    shot.prompt = meta.value("prompt").toString();
    shot.notes = meta.value("notes").toString();
    shot.audioEnabled = meta.value("audioEnabled").toBool(true);
    if (meta.contains("camera"))
        shot.camera = cameraFromJson(meta.value("camera").toObject());
    for (const QJsonValue& v : meta.value("masks").toArray()) {
        const QJsonObject o = v.toObject();
        MaskRef mask{Id(o.value("id").toString()),
                     o.value("path").toString(),
                     range(o.value("range"), QStringLiteral("metadata.retake.masks.range")),
                     o.value("stationary").toBool(),
                     {}};
        if (o.contains("painted"))
            mask.painted = paintedMaskFromJson(
                o.value("painted").toObject(), QStringLiteral("metadata.retake.masks.painted"),
                [this](const QString& where, const QString& problem) {
                    throwBadInput(file_, QStringLiteral("%1: %2").arg(where, problem));
                });
        shot.masks.push_back(mask);
    }
    for (const QJsonValue& v : meta.value("takes").toArray()) {
        const QJsonObject o = v.toObject();
        Take t;
        t.id = Id(o.value("id").toString());
        t.engine = o.value("engine").toString();
        const QJsonObject params = o.value("parameters").toObject();
        for (auto it = params.begin(); it != params.end(); ++it)
            t.parameters.insert(it.key(), it.value().toString());
        t.seed = o.value("seed").toString().toLongLong();
        t.prompt = o.value("prompt").toString();
        t.range = range(o.value("range"), QStringLiteral("metadata.retake.takes.range"));
        for (const QJsonValue& r : o.value("regenerated").toArray())
            t.regenerated.add(range(r, QStringLiteral("metadata.retake.takes.regenerated")));
        if (t.regenerated.isEmpty())
            t.regenerated.add(t.range);
        if (!o.value("maskId").toString().isEmpty())
            t.maskId = Id(o.value("maskId").toString());
        t.created = QDateTime::fromString(o.value("created").toString(), Qt::ISODateWithMs);
        t.framesPath = o.value("framesPath").toString();
        t.modelHash = o.value("modelHash").toString();
        t.author = o.value("author").toString();
        shot.takes.push_back(t);
    }
    for (const QJsonValue& v : meta.value("lockCredits").toArray()) {
        const QJsonObject o = v.toObject();
        shot.lockCredits.push_back(
            {range(o.value("range"), QStringLiteral("metadata.retake.lockCredits.range")),
             o.value("author").toString(),
             QDateTime::fromString(o.value("when").toString(), Qt::ISODateWithMs)});
    }
    for (const QJsonValue& v : meta.value("activeTakes").toArray()) {
        const QJsonObject o = v.toObject();
        shot.activeTakes.push_back(
            {range(o.value("range"), QStringLiteral("metadata.retake.activeTakes.range")),
             o.value("takeId").toString().isEmpty() ? Id() : Id(o.value("takeId").toString())});
    }
}

QJsonObject OtioRetakeMeta::shotMetadata(const Shot& shot) {
    QJsonArray takes, active, masks;
    for (const Take& t : shot.takes) {
        QJsonObject params;
        for (auto it = t.parameters.begin(); it != t.parameters.end(); ++it)
            params.insert(it.key(), it.value());
        QJsonArray regenerated;
        for (const FrameRange& r : t.regenerated.ranges())
            regenerated.append(rangeJson(r));
        takes.append(QJsonObject{{"id", idToString(t.id)},
                                 {"engine", t.engine},
                                 {"parameters", params},
                                 {"seed", QString::number(t.seed)}, // 64-bit exact
                                 {"prompt", t.prompt},
                                 {"range", rangeJson(t.range)},
                                 {"regenerated", regenerated},
                                 {"maskId", t.maskId.isNull() ? QString() : idToString(t.maskId)},
                                 {"created", t.created.toString(Qt::ISODateWithMs)},
                                 {"framesPath", t.framesPath},
                                 {"modelHash", t.modelHash},
                                 {"author", t.author}});
    }
    for (const TakeSelection& s : shot.activeTakes)
        active.append(
            QJsonObject{{"range", rangeJson(s.range)},
                        {"takeId", s.takeId.isNull() ? QString() : idToString(s.takeId)}});
    for (const MaskRef& m : shot.masks) {
        QJsonObject mask{{"id", idToString(m.id)},
                         {"path", m.path},
                         {"range", rangeJson(m.range)},
                         {"stationary", m.stationary}};
        if (m.isPainted())
            mask.insert("painted", paintedMaskToJson(m.painted));
        masks.append(mask);
    }
    QJsonArray lockCredits;
    for (const LockCredit& c : shot.lockCredits)
        lockCredits.append(QJsonObject{{"range", rangeJson(c.range)},
                                       {"author", c.author},
                                       {"when", c.when.toString(Qt::ISODateWithMs)}});
    return {{"shotId", idToString(shot.id)},
            {"mediaId", idToString(shot.mediaId)},
            {"source", rangeJson(shot.source)},
            {"prompt", shot.prompt},
            {"notes", shot.notes},
            {"audioEnabled", shot.audioEnabled},
            {"camera", cameraJson(shot.camera)},
            {"masks", masks},
            {"takes", takes},
            {"lockCredits", lockCredits},
            {"activeTakes", active}};
}

} // namespace retake
