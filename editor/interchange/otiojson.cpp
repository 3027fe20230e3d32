#include "interchange/otiojson.h"

#include <QJsonDocument>
#include <opentimelineio/deserialization.h>
#include <opentimelineio/serialization.h>

namespace retake {

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

std::string toStd(const QString& s) {
    return s.toStdString();
}

otio::AnyDictionary otioDictionary(const QJsonObject& object) {
    std::any value;
    otio::ErrorStatus error;
    // Qt's JSON is a subset of OTIO's: this cannot fail.
    if (!otio::deserialize_json_from_string(
            QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString(), &value, &error) ||
        value.type() != typeid(otio::AnyDictionary))
        return {};
    return std::any_cast<otio::AnyDictionary>(value);
}

std::optional<QJsonObject> jsonObject(const std::any& value) {
    if (value.type() != typeid(otio::AnyDictionary))
        return std::nullopt;
    otio::ErrorStatus error;
    const std::string text = otio::serialize_json_to_string(value, nullptr, &error, 0);
    if (otio::is_error(error))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text));
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString otioText(const otio::SerializableObject* object) {
    otio::ErrorStatus error;
    return fromStd(object->to_json_string(&error, nullptr, 0));
}

OtioRetainer<otio::SerializableObject> otioFromText(const QString& text, QString* problem) {
    otio::ErrorStatus error;
    OtioRetainer<otio::SerializableObject> object(
        otio::SerializableObject::from_json_string(toStd(text), &error));
    if (otio::is_error(error)) {
        if (problem)
            *problem = fromStd(error.full_description);
        return {};
    }
    return object;
}

} // namespace retake
