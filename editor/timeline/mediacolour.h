#pragma once

// Which colour space a media's pixels are in: one rule for the viewer
// (app/gui/framerenderer.cpp) and the export (export/exporter.cpp), so the
// graded image on screen is the delivered one.
//
//   MediaRef::inputSpace (the user's choice, stored in the project)
//   else the file's colour tags, else the config's file rules
//   (ColourPipeline::inputSpaceFor)

#include "model/project.h"
#include "ocio/colourpipeline.h"

namespace retake {

// The input colour space of `media` in `pipeline`'s config, by its canonical
// name. Throws Error(Usage) naming the media, the stored space and close
// names when the project's choice is not a colour space of this config (a
// project made with another config).
QString mediaInputSpace(const ColourPipeline& pipeline, const MediaRef& media);

// What "automatic" gives for `media`: its tags, else the config's file rules.
QString automaticInputSpace(const ColourPipeline& pipeline, const MediaRef& media);

} // namespace retake
