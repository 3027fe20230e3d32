#include "export/credentialsmanifest.h"

#include "core/error.h"
#include "media/fileutil.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace retake {

namespace {

const char* const kIptc = "http://cv.iptc.org/newscodes/digitalsourcetype/";

QString ingredientLabel(const QString& mediaId) {
    return QStringLiteral("media-%1").arg(mediaId.left(8));
}

// Engines that run a network trained on data: IPTC's trainedAlgorithmicMedia.
bool runsATrainedModel(const QString& engine) {
    return engine == QLatin1String("model") || engine == QLatin1String("shot-trained") ||
           engine == QLatin1String("internal");
}

} // namespace

QString frameRanges(const QVector<int>& frames) {
    QStringList parts;
    for (int i = 0; i < frames.size();) {
        int j = i;
        while (j + 1 < frames.size() && frames[j + 1] == frames[j] + 1)
            ++j;
        parts << (i == j ? QString::number(frames[i])
                         : QStringLiteral("%1-%2").arg(frames[i]).arg(frames[j]));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QVector<CredentialIngredient> credentialsIngredients(const Project& project,
                                                     const QJsonObject& provenance) {
    QVector<CredentialIngredient> ingredients;
    QSet<QString> seen;
    for (const QJsonValue& value : provenance.value(QLatin1String("frames")).toArray()) {
        const Shot* shot = project.findShot(
            QUuid::fromString(value.toObject().value(QLatin1String("shot")).toString()));
        if (!shot)
            continue;
        const MediaRef* media = project.findMedia(shot->mediaId);
        if (!media || media->isGap() || seen.contains(media->path))
            continue;
        seen.insert(media->path);
        // Image sequences are named by their first file; the library hashes
        // and describes that file.
        CredentialIngredient ingredient;
        ingredient.path = media->path;
        ingredient.title = QFileInfo(media->path).fileName();
        ingredient.label = ingredientLabel(idToString(media->id));
        ingredient.sha256 = fileSha256(media->path);
        // A camera's or another tool's credentials are kept, not described again.
        if (!credentialsMimeType(media->path).isEmpty())
            try {
                ingredient.carriesCredentials = readCredentials(media->path).present;
            } catch (const Error&) {
                ingredient.carriesCredentials = false; // unreadable: described, as any other
            }
        ingredients << ingredient;
    }
    // One source is opened (C2PA's parentOf); several are placed in a composite.
    for (CredentialIngredient& ingredient : ingredients)
        ingredient.relationship =
            ingredients.size() == 1 ? QStringLiteral("parentOf") : QStringLiteral("componentOf");
    return ingredients;
}

QVector<CredentialIngredient>
credentialsWithOwnManifests(const QVector<CredentialIngredient>& ingredients) {
    QVector<CredentialIngredient> carrying;
    for (const CredentialIngredient& ingredient : ingredients)
        if (ingredient.carriesCredentials)
            carrying << ingredient;
    return carrying;
}

QJsonObject credentialsManifest(const QJsonObject& provenance, const QString& output,
                                const QVector<CredentialIngredient>& ingredients) {
    // The export's frames by origin and by take.
    QMap<QString, QVector<int>> byOrigin;
    QMap<QString, QVector<int>> byTake;
    QSet<QString> mediaShots;
    const QJsonArray frames = provenance.value(QLatin1String("frames")).toArray();
    for (const QJsonValue& value : frames) {
        const QJsonObject f = value.toObject();
        const int index = f.value(QLatin1String("index")).toInt();
        byOrigin[f.value(QLatin1String("origin")).toString()] << index;
        if (f.contains(QLatin1String("take")))
            byTake[f.value(QLatin1String("take")).toString()] << index;
        mediaShots.insert(f.value(QLatin1String("shot")).toString());
    }
    for (auto& list : byOrigin)
        std::sort(list.begin(), list.end());

    // One source: it is opened (C2PA's parentOf). Several (a timeline): the
    // export is created as a composite and each source placed in it.
    QJsonArray actions;
    QJsonArray ingredientDefinitions;
    const bool oneSource = ingredients.size() == 1;
    const QJsonObject agent{{"name", "Retake"}, {"version", RETAKE_VERSION}};
    if (!oneSource)
        actions.append(QJsonObject{
            {"action", "c2pa.created"},
            {"digitalSourceType", QString::fromLatin1(kIptc) + QStringLiteral("composite")},
            {"description", "an edit of the source media"},
            {"softwareAgent", agent}});
    for (const CredentialIngredient& ingredient : ingredients) {
        if (!ingredient.carriesCredentials)
            ingredientDefinitions.append(
                QJsonObject{{"title", ingredient.title},
                            {"format", credentialsMimeType(ingredient.path).isEmpty()
                                           ? QStringLiteral("application/octet-stream")
                                           : credentialsMimeType(ingredient.path)},
                            {"relationship", ingredient.relationship},
                            {"label", ingredient.label},
                            {"metadata", QJsonObject{{"sha256", ingredient.sha256}}}});
        actions.append(QJsonObject{
            {"action", oneSource ? "c2pa.opened" : "c2pa.placed"},
            {"description", QStringLiteral("source media %1").arg(ingredient.title)},
            {"parameters", QJsonObject{{"ingredientIds", QJsonArray{ingredient.label}}}},
            {"softwareAgent", agent}});
    }
    for (const QJsonValue& value : provenance.value(QLatin1String("takes")).toArray()) {
        const QJsonObject take = value.toObject();
        const QString id = take.value(QLatin1String("id")).toString();
        QVector<int> shown = byTake.value(id);
        if (shown.isEmpty())
            continue;
        std::sort(shown.begin(), shown.end());
        const QString engine = take.value(QLatin1String("engine")).toString();
        QJsonObject parameters{{"take", id},
                               {"engine", engine},
                               {"seed", take.value(QLatin1String("seed"))},
                               {"frames", frameRanges(shown)},
                               {"frameCount", int(shown.size())}};
        for (const char* key : {"modelHash", "prompt", "author"})
            if (!take.value(QLatin1String(key)).toString().isEmpty())
                parameters.insert(QLatin1String(key), take.value(QLatin1String(key)));
        if (!take.value(QLatin1String("parameters")).toObject().isEmpty())
            parameters.insert("engineParameters", take.value(QLatin1String("parameters")));
        actions.append(
            QJsonObject{{"action", "c2pa.edited"},
                        {"digitalSourceType",
                         QString::fromLatin1(kIptc) +
                             (runsATrainedModel(engine) ? QStringLiteral("trainedAlgorithmicMedia")
                                                        : QStringLiteral("algorithmicMedia"))},
                        {"description", QStringLiteral("frames %1 made by Retake's %2 engine")
                                            .arg(frameRanges(shown), engine)},
                        {"softwareAgent", agent},
                        {"parameters", parameters}});
    }
    if (provenance.contains(QLatin1String("colour")))
        actions.append(
            QJsonObject{{"action", "c2pa.color_adjustments"},
                        {"description", "graded through OpenColorIO"},
                        {"parameters",
                         QJsonObject{{"transforms", provenance.value(QLatin1String("colour"))}}}});

    QJsonObject frameOrigins{{"frameCount", int(frames.size())},
                             {"frameRate", provenance.value(QLatin1String("frameRate"))}};
    for (auto it = byOrigin.cbegin(); it != byOrigin.cend(); ++it)
        frameOrigins.insert(it.key(), frameRanges(it.value()));
    return QJsonObject{
        {"claim_generator_info",
         QJsonArray{QJsonObject{{"name", "Retake"}, {"version", RETAKE_VERSION}}}},
        {"title", QFileInfo(output).fileName()},
        {"format", credentialsMimeType(output)},
        {"ingredients", ingredientDefinitions},
        {"assertions",
         QJsonArray{
             QJsonObject{{"label", "c2pa.actions"}, {"data", QJsonObject{{"actions", actions}}}},
             QJsonObject{{"label", "com.retake.frames"}, {"data", frameOrigins}}}}};
}

} // namespace retake
