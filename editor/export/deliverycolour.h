#pragma once

// The one rule for what a delivered movie says about its colour, and how its
// YUV is made. Players (Resolve, Premiere, Nuke, browsers) decode by the
// stream's tags, so the tags and the RGB -> YUV conversion must agree, and
// must describe the pixels:
//
//   primaries, transfer  ungraded: the media's own tags, else those of the
//                        input space Retake assumes for it (export/mediacolour.h);
//                        graded: the output space's (a space with no
//                        standard tag is written untagged, with a note)
//   matrix               follows the primaries (BT.709, BT.2020 NCL, BT.601),
//                        else the picture size (SD BT.601, else BT.709)
//   range                limited (tv) unless full range is asked for and
//                        the codec can say so (ProRes cannot: refused)
//   bits                 10 for ProRes and DNxHR HQX, 10 for H.265 from a
//                        deeper-than-8-bit source, else 8

#include "media/encode.h"
#include "model/project.h"

#include <QStringList>
#include <optional>

namespace retake {

class ColourPipeline;

struct DeliveryColour {
    ColourTags tags;   // FFmpeg names; "unspecified" where nothing is claimed
    int bitDepth = 8;  // of the YUV the codec writes
    QStringList notes; // what a person should know ("written untagged: ...")
};

// Whether `codec`'s streams can say "full range" (ProRes cannot).
bool codecCarriesFullRange(VideoCodec codec);

// `graded`: the output space's tags when the export applies a colour
// pipeline (ColourPipeline::tagsFor), nothing when frames leave as decoded.
// Throws Error(Usage) when full range is asked of a codec that cannot carry it.
DeliveryColour deliveryColourFor(VideoCodec codec, const ColourPipeline& pipeline,
                                 const MediaRef& media, const std::optional<ColourTags>& graded,
                                 bool fullRange, bool deepSource, int width, int height);

// "BT.709 primaries, BT.709 transfer, BT.709 matrix, limited range (10-bit)".
QString describeDelivery(const DeliveryColour& delivery);

} // namespace retake
