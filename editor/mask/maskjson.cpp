#include "mask/maskjson.h"

#include "core/jsonnumbers.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>
#include <stdexcept>

namespace retake {

namespace {

QJsonArray rangesToJson(const FrameRangeSet& set) {
    QJsonArray a;
    for (const FrameRange& r : set.ranges())
        a.append(QJsonArray{qint64(r.start), qint64(r.end)});
    return a;
}

// Wraps the caller's fail() so the compiler knows it does not return.
class Fields {
public:
    explicit Fields(const MaskJsonFail& fail)
        : fail_(fail) {}

    [[noreturn]] void fail(const QString& where, const QString& problem) const {
        fail_(where, problem);
        throw std::logic_error("MaskJsonFail returned"); // fail_ must throw
    }
    QJsonValue value(const QJsonObject& o, const QString& where, const char* key,
                     bool required) const {
        const QJsonValue v = o.value(QLatin1String(key));
        if (required && v.isUndefined())
            fail(where, tr("missing field \"%1\"").arg(QLatin1String(key)));
        return v;
    }
    static QString at(const QString& where, const char* key) {
        return where + QLatin1Char('.') + QLatin1String(key);
    }
    double number(const QJsonObject& o, const QString& where, const char* key,
                  double fallback) const {
        const QJsonValue v = value(o, where, key, false);
        if (v.isUndefined())
            return fallback;
        if (const auto problem = numberProblem(v))
            fail(at(where, key), *problem);
        return v.toDouble();
    }
    // Frame numbers: the only integers in a mask.
    qint64 integer(const QJsonValue& v, const QString& where) const {
        if (const auto problem = frameNumberProblem(v))
            fail(where, *problem);
        return qint64(v.toDouble());
    }
    QJsonArray array(const QJsonValue& v, const QString& where) const {
        if (!v.isArray())
            fail(where, tr("expected an array"));
        return v.toArray();
    }
    QJsonObject object(const QJsonValue& v, const QString& where) const {
        if (!v.isObject())
            fail(where, tr("expected an object"));
        return v.toObject();
    }

private:
    const MaskJsonFail& fail_;
};

MaskShape shapeFromJson(const Fields& f, const QJsonObject& o, const QString& where) {
    MaskShape s;
    const QString idText = f.value(o, where, "id", true).toString();
    s.id = QUuid::fromString(idText);
    if (s.id.isNull())
        f.fail(Fields::at(where, "id"), tr("\"%1\" is not an ID").arg(idText));
    const QJsonValue kindValue = f.value(o, where, "kind", true);
    const auto kind = maskShapeKindFromString(kindValue.toString());
    if (!kind)
        f.fail(Fields::at(where, "kind"),
               tr("unknown shape \"%1\" (expected stroke, rectangle, ellipse, polygon, fill or "
                  "invert)")
                   .arg(kindValue.toString()));
    s.kind = *kind;
    const QJsonValue erase = o.value(QLatin1String("erase"));
    if (!erase.isUndefined() && !erase.isBool())
        f.fail(Fields::at(where, "erase"), tr("expected true or false"));
    s.erase = erase.toBool(false);
    s.size = f.number(o, where, "size", s.size);
    s.hardness = f.number(o, where, "hardness", s.hardness);

    const QString framesAt = Fields::at(where, "frames");
    const QJsonArray frames = f.array(f.value(o, where, "frames", true), framesAt);
    for (int i = 0; i < frames.size(); ++i) {
        const QString rat = QStringLiteral("%1[%2]").arg(framesAt).arg(i);
        const QJsonArray pair = f.array(frames[i], rat);
        if (pair.size() != 2)
            f.fail(rat, tr("expected [start, end]"));
        const FrameRange r{f.integer(pair[0], rat), f.integer(pair[1], rat)};
        if (r.end <= r.start)
            f.fail(rat, tr("end before start"));
        s.frames.add(r);
    }

    const QString keysAt = Fields::at(where, "keys");
    const QJsonValue keysValue = o.value(QLatin1String("keys"));
    const QJsonArray keys = keysValue.isUndefined() ? QJsonArray() : f.array(keysValue, keysAt);
    for (int i = 0; i < keys.size(); ++i) {
        const QString kat = QStringLiteral("%1[%2]").arg(keysAt).arg(i);
        const QJsonObject ko = f.object(keys[i], kat);
        const FrameNumber frame =
            f.integer(f.value(ko, kat, "frame", true), Fields::at(kat, "frame"));
        const QString pat = Fields::at(kat, "points");
        const QJsonArray coords = f.array(f.value(ko, kat, "points", true), pat);
        if (coords.size() % 2 != 0)
            f.fail(pat, tr("expected x, y pairs"));
        MaskGeometry points;
        for (int c = 0; c + 1 < coords.size(); c += 2) {
            for (int xy = c; xy < c + 2; ++xy)
                if (const auto problem = numberProblem(coords[xy]))
                    f.fail(QStringLiteral("%1[%2]").arg(pat).arg(xy), *problem);
            points.push_back({coords[c].toDouble(), coords[c + 1].toDouble()});
        }
        if (s.keys.contains(frame))
            f.fail(kat, tr("a second key at frame %1").arg(frame));
        s.keys.insert(frame, points);
    }
    const QString problem = s.problem();
    if (!problem.isEmpty())
        f.fail(where, problem);
    return s;
}

} // namespace

QJsonObject paintedMaskToJson(const PaintedMask& mask) {
    QJsonArray shapes;
    for (const MaskShape& s : mask.shapes) {
        QJsonObject o{{"id", s.id.toString(QUuid::WithoutBraces)},
                      {"kind", toString(s.kind)},
                      {"frames", rangesToJson(s.frames)}};
        if (s.erase)
            o.insert("erase", true);
        if (s.hasGeometry()) {
            o.insert("size", s.size);
            o.insert("hardness", s.hardness);
            QJsonArray keys;
            for (auto it = s.keys.begin(); it != s.keys.end(); ++it) {
                QJsonArray coords;
                for (const QPointF& p : it.value())
                    coords << p.x() << p.y();
                keys.append(QJsonObject{{"frame", qint64(it.key())}, {"points", coords}});
            }
            o.insert("keys", keys);
        }
        shapes.append(o);
    }
    return {{"shapes", shapes}};
}

PaintedMask paintedMaskFromJson(const QJsonObject& o, const QString& where,
                                const MaskJsonFail& fail) {
    const Fields f(fail);
    PaintedMask mask;
    const QString shapesAt = Fields::at(where, "shapes");
    const QJsonValue shapesValue = o.value(QLatin1String("shapes"));
    const QJsonArray shapes =
        shapesValue.isUndefined() ? QJsonArray() : f.array(shapesValue, shapesAt);
    for (int i = 0; i < shapes.size(); ++i) {
        const QString sat = QStringLiteral("%1[%2]").arg(shapesAt).arg(i);
        mask.shapes.push_back(shapeFromJson(f, f.object(shapes[i], sat), sat));
    }
    return mask;
}

} // namespace retake
