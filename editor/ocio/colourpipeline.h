#pragma once

// Colour management through OpenColorIO. This header names no OCIO type:
// only editor/ocio/*.cpp include OpenColorIO, the rest of Retake (viewer,
// export, CLI) talks to ColourPipeline and ColourProcessor.
//
//   input space -> working space -> look (CDL, then LUT file) -> output space
//                                                              or display/view
//
// The viewer and the exporter build their processors with the same
// ColourPipeline::processor() call, so what is graded on screen is what is
// delivered.

#include "media/media.h"

#include <QStringList>
#include <array>
#include <memory>
#include <optional>

namespace retake {

// An ASC CDL: out = clamp-free (in * slope + offset) ^ power, then saturation
// with Rec.709 luma weights, as OCIO's CDLTransform computes it.
struct CdlGrade {
    std::array<double, 3> slope{1.0, 1.0, 1.0};
    std::array<double, 3> offset{0.0, 0.0, 0.0};
    std::array<double, 3> power{1.0, 1.0, 1.0};
    double saturation = 1.0;
    QString id; // ColorCorrection id, written to and read from .cc/.cdl

    bool isIdentity() const;
    bool operator==(const CdlGrade& o) const {
        return slope == o.slope && offset == o.offset && power == o.power &&
               saturation == o.saturation && id == o.id;
    }
};

// Reads a .cdl, .cc or .ccc file; `id` picks a correction of a collection
// (by id or index), empty = the first. Throws Error(BadInput) naming the file.
CdlGrade readCdl(const QString& path, const QString& id = {});
// The ids of the corrections in a .cdl, .cc or .ccc file, in file order; a
// correction without an id is listed by its index ("2"), which readCdl
// accepts too. Throws Error(BadInput) naming the file.
QStringList cdlCorrectionIds(const QString& path);
// Writes a .cc (one ColorCorrection) or .cdl (ColorDecisionList) by extension,
// atomically. Throws Error(Output) naming the file.
void writeCdl(const QString& path, const CdlGrade& grade);

// What a processor does. Empty names take defaults:
//   inputSpace   required (ColourPipeline::inputSpaceFor() picks it per media)
//   workingSpace the input space: a look is applied to the footage as it is
//                encoded, which is what a LUT made for the footage expects
//                (and what ffmpeg's lut3d and NLE "apply LUT" effects do)
//   outputSpace  the input space, unless display and view are given
struct ColourGrade {
    QString inputSpace;
    QString workingSpace;
    std::optional<CdlGrade> cdl; // applied in the working space, before the LUT
    QString lutPath;             // .cube (1D/3D), .3dl, .csp, .spi1d, .spi3d, ... via OCIO
    QString outputSpace;
    QString display; // with view: a display/view output instead of outputSpace
    QString view;

    bool hasLook() const { return cdl.has_value() || !lutPath.isEmpty(); }
};

class ColourProcessor;

// A loaded OCIO config. Cheap to copy (shared, immutable); thread-safe.
class ColourPipeline {
public:
    // Retake's bundled config (resources/ocio/config.ocio, compiled in).
    static ColourPipeline bundled();
    // A studio or ACES config. Throws Error(BadInput) naming the file when it
    // does not parse, fails OCIO's validation, or names a LUT file that is missing.
    static ColourPipeline fromFile(const QString& path);
    // `path` empty = bundled().
    static ColourPipeline load(const QString& path);

    QString configPath() const; // ":/retake/ocio/config.ocio" for the bundled config
    QString configName() const;
    QStringList colourSpaces() const; // scene and display colour spaces
    QStringList roles() const;
    QStringList displays() const;
    QStringList views(const QString& display) const;
    QString defaultDisplay() const;
    QString defaultView(const QString& display) const;

    // The canonical name of a colour space given its name, an alias or a
    // role. Throws Error(Usage) naming the config and the unknown name.
    QString colourSpaceName(const QString& nameAliasOrRole) const;
    bool hasColourSpace(const QString& nameAliasOrRole) const;
    // Colour space names and roles close to a mistyped `name` (case, a few
    // letters off, a part of the name), closest first; at most `limit`.
    QStringList closeColourSpaces(const QString& name, int limit = 5) const;

    // Input colour space of a media file: the file's colour tags when they
    // name a space this config has (sRGB, Rec.709, linear), else the config's
    // file rules on the path (the bundled config: *.exr linear, else sRGB).
    QString inputSpaceFor(const QString& mediaPath, const ColourTags& tags) const;
    // Tags to write into an encode of `outputSpace` (or the display of a
    // display/view output); "unspecified" for what the space does not say.
    ColourTags tagsFor(const ColourGrade& grade) const;

    // Compiles a grade. Throws Error(Usage) for an unknown colour space,
    // display or view, Error(BadInput) naming the LUT file when it is missing
    // or malformed (wrong size, garbage lines).
    ColourProcessor processor(const ColourGrade& grade) const;

    struct Impl;

private:
    explicit ColourPipeline(std::shared_ptr<const Impl> impl);
    std::shared_ptr<const Impl> d_;
};

// A compiled transform. Cheap to copy; apply() is thread-safe.
class ColourProcessor {
public:
    ColourProcessor() = default; // identity

    bool isNoOp() const;
    // One line for logs and provenance: "Rec.709 - Camera -> look.cube -> Rec.709 - Camera".
    QString description() const { return description_; }

    // The image converted to `outType` (UInt8/UInt16 are read and written as
    // 0..1 with rounding; alpha and depth pass through). Rows are split across
    // threads for large images.
    Image apply(const Image& image, SampleType outType) const;
    Image apply(const Image& image) const { return apply(image, image.type); }
    // The same, in place when the type stays (no new frame, no conversion
    // buffers): what the export does with every frame. 16-bit frames go
    // through OCIO's 16-bit path when uint16PathError() is small enough
    // (at most 8 of 65535), else through the float path.
    Image apply(Image&& image, SampleType outType) const;
    // How far OCIO's 16-bit path is from the float path for this transform,
    // in 16-bit code values, measured on a lattice of the RGB cube on first
    // use (0 for identity).
    int uint16PathError() const;

    struct Impl;

private:
    friend class ColourPipeline;
    std::shared_ptr<const Impl> d_;
    QString description_;
};

} // namespace retake
