#pragma once

// `retake-cli proxy PROJECT`: the viewer's proxies (editor/proxy), made
// headless, as the editor makes them in the background.

#include <QStringList>

namespace retake::cli {

int runProxy(const QStringList& args);

} // namespace retake::cli
