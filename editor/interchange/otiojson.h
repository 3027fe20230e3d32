#pragma once

// Between OpenTimelineIO's values and Qt's JSON, for the reader and writer of
// interchange/otio.h. Both ways go through OTIO's own JSON text, so numbers
// keep their types (OTIO tells integers from doubles) and OTIO's Inf and NaN
// never reach Qt's parser, which refuses them.

#include <QJsonObject>
#include <QString>
#include <any>
#include <opentimelineio/anyDictionary.h>
#include <opentimelineio/serializableObject.h>
#include <optional>

namespace retake {

namespace otio = opentimelineio::OPENTIMELINEIO_VERSION;
template <class T> using OtioRetainer = otio::SerializableObject::Retainer<T>;

// A JSON object as OTIO metadata.
otio::AnyDictionary otioDictionary(const QJsonObject& object);

// An OTIO value (a metadata dictionary) as a JSON object; nullopt when it is
// not an object or holds what JSON cannot (Inf, NaN).
std::optional<QJsonObject> jsonObject(const std::any& value);

// An OTIO object's JSON text, and back (the `otio` fields of model/project.h).
QString otioText(const otio::SerializableObject* object);
OtioRetainer<otio::SerializableObject> otioFromText(const QString& text,
                                                    QString* problem = nullptr);

template <class T> OtioRetainer<T> otioFromText(const QString& text) {
    const OtioRetainer<otio::SerializableObject> object = otioFromText(text);
    return OtioRetainer<T>(dynamic_cast<T*>(object.value));
}

QString fromStd(const std::string& s);
std::string toStd(const QString& s);

} // namespace retake
