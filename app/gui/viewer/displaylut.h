#pragma once

// The viewer's display transform for 8-bit pictures, baked once per
// display/view (or look) change into a 3D LUT and applied with tetrahedral
// interpolation, the way GPU viewers sample OCIO's baked textures.
//
// Why: the full OCIO processor converts every sample to float and back and
// runs the whole op chain per pixel; for 8-bit footage the result depends on
// 2^24 possible inputs only, which a lattice over the 8-bit codes, dense
// near black, reproduces closely: maxErrorAgainst() measures it, the viewer
// uses the LUT only when it is within kToleranceCodes of the processor, and
// tests/gui/test_viewerpipeline.cpp states the figures.
// Float and 16-bit pictures keep the full processor: their values may lie
// outside [0, 1], where a lattice over the unit cube is not exact.

#include "media/media.h"
#include "ocio/colourpipeline.h"

#include <QImage>
#include <QVector>
#include <array>
#include <optional>
#include <vector>

namespace retake::gui {

class DisplayLut {
public:
    // What the viewer accepts from a baked LUT, in 8-bit code values; a
    // transform the lattice misses by more is applied in full instead.
    static constexpr int kToleranceCodes = 1;

    DisplayLut() = default; // identity
    // The lattice's nodes per axis, as 8-bit codes (0 and 255 included,
    // ascending): 89 of them, dense near black.
    static QVector<int> defaultNodes();
    // Runs the lattice through `processor` once (705k colours with the
    // default nodes; tens of ms). A processor that is a no-op, or whose
    // lattice is the identity, bakes to an identity LUT.
    static DisplayLut bake(const ColourProcessor& processor) {
        return bake(processor, defaultNodes());
    }
    static DisplayLut bake(const ColourProcessor& processor, const QVector<int>& nodes);
    // The LUT when it is within kToleranceCodes of `processor` (checked on
    // every 7th code per axis, mostly between nodes), else none: the
    // transform has detail finer than the lattice (the ACES output
    // transforms' gamut mapping misses by 4-12 codes) and is applied in full.
    static std::optional<DisplayLut> bakeIfExact(const ColourProcessor& processor);
    // A uniform lattice of `size` nodes per axis (as GPU viewers bake, 33 or 65).
    static DisplayLut bake(const ColourProcessor& processor, int size);

    bool isIdentity() const { return size_ == 0; }
    int size() const { return size_; }

    // Maps the RGB of every pixel of an RGB32/ARGB32/RGBX8888/RGBA8888
    // picture in place (alpha untouched). Other formats are left alone and
    // false is returned.
    bool applyInPlace(QImage& picture) const;
    // The same on an 8-bit RGB or RGBA Image; false for other layouts.
    bool applyInPlace(Image& image) const;
    // One 8-bit colour through the LUT.
    std::array<std::uint8_t, 3> map(std::uint8_t r, std::uint8_t g, std::uint8_t b) const;

    // Largest difference, in 8-bit code values, between this LUT and
    // `processor` (rounded to 8 bits) over the 8-bit RGB inputs on a grid
    // of `step` codes per axis (1 = all 2^24 inputs), plus 255 always.
    int maxErrorAgainst(const ColourProcessor& processor, int step) const;

private:
    void mapRow(std::uint8_t* pixels, int count, int stride, int r, int g, int b) const;

    int size_ = 0;
    // Lattice outputs, RGB float, red varying fastest; 0..255 scale.
    std::vector<float> table_;
    // Per 8-bit input code: lattice cell index and position inside the cell.
    std::array<int, 256> cell_{};
    std::array<float, 256> fraction_{};
};

} // namespace retake::gui
