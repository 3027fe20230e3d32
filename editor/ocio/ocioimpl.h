#pragma once

// Inside the OCIO adapter only: what ColourPipeline and ColourProcessor hold,
// shared by colourpipeline.cpp (configs, compiling grades) and
// colourprocessor.cpp (applying them to frames).

#include "ocio/colourpipeline.h"

#include <OpenColorIO/OpenColorIO.h>
#include <QString>
#include <mutex>

namespace OCIO = OCIO_NAMESPACE;

namespace retake {

inline QString fromOcio(const char* s) {
    return QString::fromUtf8(s ? s : "");
}

inline const QString kBundledPath = QStringLiteral(":/retake/ocio/config.ocio");

struct ColourPipeline::Impl {
    OCIO::ConstConfigRcPtr config;
    QString path;
    QString label; // how messages name the config
};

struct ColourProcessor::Impl {
    OCIO::ConstProcessorRcPtr processor;
    // Always float in and out: OCIO 2.1's integer-input CPU paths
    // approximate (its 8-bit path is off by up to 110 code values on the
    // ACES output transform against its own float path and ocioconvert), so
    // Retake converts integer samples itself.
    OCIO::ConstCPUProcessorRcPtr cpu;
    // 16 bits in and out, packed, for frames graded in place (the movie
    // export): OCIO converts the samples in its own vectorised loops, with no
    // float copy of the frame. Its integer paths may fold separable steps
    // into lookups and approximate, so this one is used only when it agrees
    // with the float path above on a probe lattice to within
    // kMaxUInt16Error (measured 0 on LUT, log and ACES display transforms).
    // Built on first use.
    mutable std::once_flag uint16Once;
    mutable OCIO::ConstCPUProcessorRcPtr uint16Cpu; // null = use the float path
    mutable int uint16Error = -1;
};

// 1/8 of a 10-bit code value, 1/2 of a 14-bit one: invisible in any codec
// Retake encodes, and far inside the one-code-value match with ocioconvert
// and ffmpeg's lut3d the tests require.
inline constexpr int kMaxUInt16Error = 8;

} // namespace retake
