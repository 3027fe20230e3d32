#pragma once

// `retake-cli media`: list the media pool and set a media's input colour
// space; an edit command (editcommands.h), so `shell` runs it too.

#include "editcommands.h"

namespace retake::cli {

EditCommand mediaEditCommand();

} // namespace retake::cli
