#include "export/deliverycolour.h"

#include "core/error.h"
#include "core/translate.h"
#include "ocio/colourpipeline.h"
#include "timeline/mediacolour.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace retake {

namespace {

bool specified(const QString& tag) {
    return !tag.isEmpty() && tag != QLatin1String("unspecified") &&
           tag != QLatin1String("unknown") && tag != QLatin1String("reserved");
}

// The YUV matrix that belongs with these primaries; SD or HD by size when
// the primaries say nothing.
QString matrixFor(const QString& primaries, int width, int height) {
    if (primaries == QLatin1String("bt709"))
        return QStringLiteral("bt709");
    if (primaries == QLatin1String("bt2020"))
        return QStringLiteral("bt2020nc");
    if (primaries == QLatin1String("smpte170m") || primaries == QLatin1String("smpte240m"))
        return QStringLiteral("smpte170m");
    if (primaries == QLatin1String("bt470bg"))
        return QStringLiteral("bt470bg");
    const bool sd = width <= 1024 && height <= 576;
    return sd ? QStringLiteral("smpte170m") : QStringLiteral("bt709");
}

QString readable(const QString& tag) {
    static const QHash<QString, QString> names{
        {QStringLiteral("bt709"), QStringLiteral("BT.709")},
        {QStringLiteral("bt2020"), QStringLiteral("BT.2020")},
        {QStringLiteral("bt2020nc"), QStringLiteral("BT.2020 NCL")},
        {QStringLiteral("smpte170m"), QStringLiteral("BT.601 (SMPTE 170M)")},
        {QStringLiteral("bt470bg"), QStringLiteral("BT.601 (PAL)")},
        {QStringLiteral("iec61966-2-1"), QStringLiteral("sRGB")},
        {QStringLiteral("smpte2084"), QStringLiteral("PQ")},
        {QStringLiteral("arib-std-b67"), QStringLiteral("HLG")},
        {QStringLiteral("linear"), QStringLiteral("linear")}};
    return names.value(tag, tag);
}

} // namespace

bool codecCarriesFullRange(VideoCodec codec) {
    // ProRes is limited range by definition, and MOV's 'colr' (nclc) has no
    // range flag: a full-range ProRes is decoded stretched everywhere.
    return codec != VideoCodec::ProRes422HQ && codec != VideoCodec::ProRes4444;
}

DeliveryColour deliveryColourFor(VideoCodec codec, const ColourPipeline& pipeline,
                                 const MediaRef& media, const std::optional<ColourTags>& graded,
                                 bool fullRange, bool deepSource, int width, int height) {
    if (fullRange && !codecCarriesFullRange(codec))
        throw Error(ErrorKind::Usage, tr("%1 is limited range by definition; full range can be "
                                         "written as H.264, H.265 or DNxHR")
                                          .arg(toString(codec)));
    DeliveryColour d;
    QString space; // the colour space the delivered pixels are in, for notes
    if (graded) {
        d.tags.primaries = graded->primaries;
        d.tags.transfer = graded->transfer;
    } else if (media.inputSpace.isEmpty() && specified(media.colour.primaries) &&
               specified(media.colour.transfer)) {
        // Frames leave as decoded: they keep the file's own description.
        d.tags.primaries = media.colour.primaries;
        d.tags.transfer = media.colour.transfer;
    } else {
        space = mediaInputSpace(pipeline, media);
        ColourGrade asIs;
        asIs.inputSpace = space;
        const ColourTags tags = pipeline.tagsFor(asIs);
        d.tags.primaries = tags.primaries;
        d.tags.transfer = tags.transfer;
    }
    if (!specified(d.tags.primaries) || !specified(d.tags.transfer)) {
        d.tags.primaries = d.tags.transfer = QStringLiteral("unspecified");
        d.notes << (space.isEmpty()
                        ? tr("the output colour space maps to no standard video tag: the movie's "
                             "primaries and transfer are written untagged")
                        : tr("\"%1\" maps to no standard video tag: the movie's primaries and "
                             "transfer are written untagged")
                              .arg(space));
    }
    d.tags.matrix = matrixFor(d.tags.primaries, width, height);
    d.tags.range = fullRange ? QStringLiteral("pc") : QStringLiteral("tv");
    switch (codec) {
    case VideoCodec::ProRes422HQ:
    case VideoCodec::ProRes4444:
    case VideoCodec::DNxHRHQX:
        d.bitDepth = 10;
        break;
    case VideoCodec::H265:
        d.bitDepth = deepSource ? 10 : 8;
        break;
    case VideoCodec::H264:
    case VideoCodec::DNxHRHQ:
        d.bitDepth = 8;
        break;
    }
    return d;
}

QString describeDelivery(const DeliveryColour& d) {
    const auto part = [](const QString& tag, const QString& what) {
        return specified(tag) ? tr("%1 %2").arg(readable(tag), what) : tr("no %1 tag").arg(what);
    };
    return tr("%1, %2, %3 matrix, %4 range (%5-bit)")
        .arg(part(d.tags.primaries, tr("primaries")), part(d.tags.transfer, tr("transfer")),
             readable(d.tags.matrix),
             d.tags.range == QLatin1String("pc") ? tr("full") : tr("limited"))
        .arg(d.bitDepth);
}

} // namespace retake
