#include "engines/engineerrors.h"

namespace retake {

ErrorKind errorKindFor(generation::InpaintErrorKind kind) {
    switch (kind) {
    case generation::InpaintErrorKind::Cancelled:
        return ErrorKind::Cancelled;
    case generation::InpaintErrorKind::ModelError:
        return ErrorKind::BadInput;
    case generation::InpaintErrorKind::Internal:
        return ErrorKind::Internal;
    default:
        return ErrorKind::Usage;
    }
}

} // namespace retake
