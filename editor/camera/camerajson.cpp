#include "camera/camerajson.h"

#include "camera/lens.h"
#include "camera/motion.h"
#include "core/jsonnumbers.h"
#include "core/translate.h"
#include "model/project.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <stdexcept>

namespace retake {

namespace {

QJsonArray vecToJson(const Vec3& v) {
    return {v.x, v.y, v.z};
}

QJsonObject poseToJson(const CameraPose& p) {
    QJsonObject o{{"position", vecToJson(p.position)},
                  {"panDeg", p.panDeg},
                  {"tiltDeg", p.tiltDeg},
                  {"rollDeg", p.rollDeg}};
    if (p.focalLengthMm > 0)
        o.insert("focalLengthMm", p.focalLengthMm);
    if (p.focusDistanceM > 0)
        o.insert("focusDistanceM", p.focusDistanceM);
    return o;
}

// Field readers: a missing field keeps the fallback, a wrong type fails.
struct In {
    const JsonFail& fail;

    [[noreturn]] void error(const QString& where, const QString& problem) const {
        fail(where, problem);
        throw std::logic_error("JsonFail returned"); // fail must throw
    }
    double number(const QJsonObject& o, const QString& at, const char* key, double fallback) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (const auto problem = numberProblem(v))
            error(at + QLatin1Char('.') + QLatin1String(key), *problem);
        return v.toDouble();
    }
    qint64 integer(const QJsonObject& o, const QString& at, const char* key, qint64 fallback,
                   qint64 minimum, qint64 maximum) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (const auto problem = numberProblem(v, true, double(minimum), double(maximum)))
            error(at + QLatin1Char('.') + QLatin1String(key), *problem);
        return qint64(v.toDouble());
    }
    bool boolean(const QJsonObject& o, const QString& at, const char* key, bool fallback) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            error(at + QLatin1Char('.') + QLatin1String(key), tr("expected true or false"));
        return v.toBool();
    }
    QString string(const QJsonObject& o, const QString& at, const char* key,
                   const QString& fallback) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isString())
            error(at + QLatin1Char('.') + QLatin1String(key), tr("expected a string"));
        return v.toString();
    }
    Vec3 vec(const QJsonObject& o, const QString& at, const char* key, Vec3 fallback) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        const QJsonArray a = v.toArray();
        const QString where = at + QLatin1Char('.') + QLatin1String(key);
        if (!v.isArray() || a.size() != 3)
            error(where, tr("expected [x, y, z]"));
        for (int i = 0; i < 3; ++i)
            if (const auto problem = numberProblem(a[i]))
                error(QStringLiteral("%1[%2]").arg(where).arg(i), *problem);
        return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
    }
    QJsonObject object(const QJsonValue& v, const QString& at) const {
        if (!v.isObject())
            error(at, tr("expected an object"));
        return v.toObject();
    }
    QJsonArray array(const QJsonObject& o, const QString& at, const char* key) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            error(at + QLatin1Char('.') + QLatin1String(key), tr("expected an array"));
        return v.toArray();
    }
    CameraPose pose(const QJsonObject& o, const QString& at) const {
        CameraPose p;
        p.position = vec(o, at, "position", p.position);
        p.panDeg = number(o, at, "panDeg", 0);
        p.tiltDeg = number(o, at, "tiltDeg", 0);
        p.rollDeg = number(o, at, "rollDeg", 0);
        p.focalLengthMm = number(o, at, "focalLengthMm", 0);
        p.focusDistanceM = number(o, at, "focusDistanceM", 0);
        return p;
    }
};

} // namespace

QString toString(BlockingShape s) {
    switch (s) {
    case BlockingShape::Box:
        return QStringLiteral("box");
    case BlockingShape::Wall:
        return QStringLiteral("wall");
    case BlockingShape::Cylinder:
        return QStringLiteral("cylinder");
    case BlockingShape::Sphere:
        return QStringLiteral("sphere");
    case BlockingShape::Person:
        return QStringLiteral("person");
    }
    return QStringLiteral("box");
}

bool blockingShapeFromString(const QString& text, BlockingShape* shape) {
    for (BlockingShape k : {BlockingShape::Box, BlockingShape::Wall, BlockingShape::Cylinder,
                            BlockingShape::Sphere, BlockingShape::Person})
        if (text.compare(toString(k), Qt::CaseInsensitive) == 0) {
            *shape = k;
            return true;
        }
    return false;
}

QJsonObject cameraToJson(const Camera& c) {
    return {{"focalLengthMm", c.focalLengthMm},
            {"filmbackWidthMm", c.filmbackWidthMm},
            {"filmbackHeightMm", c.filmbackHeightMm},
            {"focusDistanceM", c.focusDistanceM},
            {"fStop", c.fStop},
            {"shutterAngleDeg", c.shutterAngleDeg},
            {"lens", lensDetailsToJson(c.lens)},
            {"motion", cameraMotionToJson(c.motion)}};
}

QJsonObject lensDetailsToJson(const LensDetails& l) {
    return {{"filmbackPreset", l.filmbackPreset},
            {"sensorFit", toString(l.sensorFit)},
            {"shiftXMm", l.shiftXMm},
            {"shiftYMm", l.shiftYMm},
            {"anamorphicSqueeze", l.anamorphicSqueeze},
            {"apertureBlades", l.apertureBlades},
            {"distortionK1", l.distortionK1},
            {"distortionK2", l.distortionK2},
            {"vignette", l.vignette}};
}

QJsonObject cameraMotionToJson(const CameraMotion& m) {
    QJsonArray keys;
    for (const auto& k : m.keys) {
        QJsonObject o = poseToJson(k.pose);
        o.insert("frame", qint64(k.frame));
        o.insert("easing", toString(k.easing));
        keys.append(o);
    }
    const Handheld& h = m.handheld;
    return {{"pose", poseToJson(m.pose)},
            {"keys", keys},
            {"handheld", QJsonObject{{"rotationDeg", h.rotationDeg},
                                     {"positionCm", h.positionCm},
                                     {"bandLowHz", h.bandLowHz},
                                     {"bandHighHz", h.bandHighHz},
                                     {"walkCm", h.walkCm},
                                     {"walkHz", h.walkHz},
                                     {"breathCm", h.breathCm},
                                     {"breathHz", h.breathHz},
                                     // A string: JSON numbers lose 64-bit seeds.
                                     {"seed", QString::number(h.seed)}}}};
}

QJsonObject blockingSceneToJson(const BlockingScene& s) {
    QJsonArray objects;
    for (const auto& o : s.objects)
        objects.append(QJsonObject{{"id", o.id},
                                   {"name", o.name},
                                   {"shape", toString(o.shape)},
                                   {"position", vecToJson(o.position)},
                                   {"size", vecToJson(o.size)},
                                   {"yawDeg", o.yawDeg},
                                   {"color", vecToJson(o.colour)}});
    return {{"enabled", s.enabled},
            {"ground", s.ground},
            {"groundColour", vecToJson(s.groundColour)},
            {"sunAzimuthDeg", s.sunAzimuthDeg},
            {"sunElevationDeg", s.sunElevationDeg},
            {"sunIntensity", s.sunIntensity},
            {"skyColour", vecToJson(s.skyColour)},
            {"shadows", s.shadows},
            {"objects", objects}};
}

void readCameraDetails(const QJsonObject& co, const QString& where, Camera& c,
                       const JsonFail& fail) {
    const In in{fail};
    if (co.contains(QLatin1String("lens"))) {
        const QString at = where + QStringLiteral(".lens");
        const QJsonObject o = in.object(co.value(QLatin1String("lens")), at);
        LensDetails& l = c.lens;
        l.filmbackPreset = in.string(o, at, "filmbackPreset", l.filmbackPreset);
        const QString fit = in.string(o, at, "sensorFit", toString(l.sensorFit));
        if (!sensorFitFromString(fit, &l.sensorFit))
            in.error(at + QStringLiteral(".sensorFit"), tr("unknown sensor fit \"%1\"").arg(fit));
        l.shiftXMm = in.number(o, at, "shiftXMm", l.shiftXMm);
        l.shiftYMm = in.number(o, at, "shiftYMm", l.shiftYMm);
        l.anamorphicSqueeze = in.number(o, at, "anamorphicSqueeze", l.anamorphicSqueeze);
        l.apertureBlades = int(in.integer(o, at, "apertureBlades", l.apertureBlades, 0, 64));
        l.distortionK1 = in.number(o, at, "distortionK1", l.distortionK1);
        l.distortionK2 = in.number(o, at, "distortionK2", l.distortionK2);
        l.vignette = in.number(o, at, "vignette", l.vignette);
    }
    if (co.contains(QLatin1String("motion"))) {
        const QString at = where + QStringLiteral(".motion");
        const QJsonObject o = in.object(co.value(QLatin1String("motion")), at);
        CameraMotion& m = c.motion;
        if (o.contains(QLatin1String("pose")))
            m.pose =
                in.pose(in.object(o.value(QLatin1String("pose")), at + QStringLiteral(".pose")),
                        at + QStringLiteral(".pose"));
        const QJsonArray keys = in.array(o, at, "keys");
        for (int i = 0; i < keys.size(); ++i) {
            const QString kat = QStringLiteral("%1.keys[%2]").arg(at).arg(i);
            const QJsonObject ko = in.object(keys[i], kat);
            CameraKey k;
            k.frame = in.integer(ko, kat, "frame", 0, -kMaxFrameNumber, kMaxFrameNumber);
            k.pose = in.pose(ko, kat);
            const QString easing = in.string(ko, kat, "easing", toString(k.easing));
            if (!easingFromString(easing, &k.easing))
                in.error(kat + QStringLiteral(".easing"), tr("unknown easing \"%1\"").arg(easing));
            m.keys.push_back(k);
        }
        if (o.contains(QLatin1String("handheld"))) {
            const QString hat = at + QStringLiteral(".handheld");
            const QJsonObject ho = in.object(o.value(QLatin1String("handheld")), hat);
            Handheld& h = m.handheld;
            h.rotationDeg = in.number(ho, hat, "rotationDeg", h.rotationDeg);
            h.positionCm = in.number(ho, hat, "positionCm", h.positionCm);
            h.bandLowHz = in.number(ho, hat, "bandLowHz", h.bandLowHz);
            h.bandHighHz = in.number(ho, hat, "bandHighHz", h.bandHighHz);
            h.walkCm = in.number(ho, hat, "walkCm", h.walkCm);
            h.walkHz = in.number(ho, hat, "walkHz", h.walkHz);
            h.breathCm = in.number(ho, hat, "breathCm", h.breathCm);
            h.breathHz = in.number(ho, hat, "breathHz", h.breathHz);
            bool ok = true;
            const QString seed = in.string(ho, hat, "seed", QString::number(h.seed));
            h.seed = seed.toULongLong(&ok);
            if (!ok)
                in.error(hat + QStringLiteral(".seed"), tr("\"%1\" is not a seed").arg(seed));
        }
    }
}

BlockingScene blockingSceneFromJson(const QJsonObject& o, const QString& at, const JsonFail& fail) {
    const In in{fail};
    BlockingScene s;
    s.enabled = in.boolean(o, at, "enabled", true);
    s.ground = in.boolean(o, at, "ground", s.ground);
    s.groundColour = in.vec(o, at, "groundColour", s.groundColour);
    s.sunAzimuthDeg = in.number(o, at, "sunAzimuthDeg", s.sunAzimuthDeg);
    s.sunElevationDeg = in.number(o, at, "sunElevationDeg", s.sunElevationDeg);
    s.sunIntensity = in.number(o, at, "sunIntensity", s.sunIntensity);
    s.skyColour = in.vec(o, at, "skyColour", s.skyColour);
    s.shadows = in.boolean(o, at, "shadows", s.shadows);
    const QJsonArray objects = in.array(o, at, "objects");
    for (int i = 0; i < objects.size(); ++i) {
        const QString oat = QStringLiteral("%1.objects[%2]").arg(at).arg(i);
        const QJsonObject oo = in.object(objects[i], oat);
        BlockingObject b;
        b.id = int(in.integer(oo, oat, "id", b.id, 0, 1 << 30));
        b.name = in.string(oo, oat, "name", QString());
        const QString shape = in.string(oo, oat, "shape", toString(b.shape));
        if (!blockingShapeFromString(shape, &b.shape))
            in.error(oat + QStringLiteral(".shape"), tr("unknown shape \"%1\"").arg(shape));
        b.position = in.vec(oo, oat, "position", b.position);
        b.size = in.vec(oo, oat, "size", b.size);
        b.yawDeg = in.number(oo, oat, "yawDeg", b.yawDeg);
        b.colour = in.vec(oo, oat, "color", b.colour);
        s.objects.push_back(b);
    }
    return s;
}

} // namespace retake
