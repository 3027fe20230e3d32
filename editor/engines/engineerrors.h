#pragma once

// Errors of generation/ as retake::Error, decided in one place: a bad
// request is the caller's usage error, a model file that cannot be loaded or
// run is bad input naming the file, a cancel is a cancel.

#include "core/error.h"
#include "retake/generation/depth.h"
#include "retake/generation/inpaint.h"
#include "retake/generation/usermodels.h"

#include <QString>
#include <stdexcept>

namespace retake {

ErrorKind errorKindFor(generation::InpaintErrorKind kind);

// Runs `call` and rethrows what generation/ throws as retake::Error. A model
// error is prefixed with `modelFile` when one is named.
template <typename Call>
auto translateEngineErrors(Call&& call, const QString& modelFile = QString()) -> decltype(call()) {
    const auto withModel = [&](const char* what) {
        // Messages of generation/'s model loading name the file already.
        const QString message = QString::fromUtf8(what);
        return modelFile.isEmpty() || message.startsWith(modelFile + QLatin1Char(':'))
                   ? message
                   : QStringLiteral("%1: %2").arg(modelFile, message);
    };
    try {
        return call();
    } catch (const generation::InpaintError& e) {
        if (e.kind() == generation::InpaintErrorKind::ModelError)
            throw Error(ErrorKind::BadInput, withModel(e.what()));
        throw Error(errorKindFor(e.kind()), QString::fromUtf8(e.what()));
    } catch (const generation::DepthModelError& e) {
        throw Error(ErrorKind::BadInput, withModel(e.what()));
    } catch (const generation::UserModelError& e) {
        // Its message names the file already.
        throw Error(ErrorKind::BadInput, QString::fromUtf8(e.what()));
    } catch (const std::invalid_argument& e) {
        throw Error(ErrorKind::Usage, QString::fromUtf8(e.what()));
    }
}

} // namespace retake
