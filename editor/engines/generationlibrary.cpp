#include "engines/generationlibrary.h"

#include "core/error.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QStringList>
#include <atomic>
#include <mutex>

namespace retake {

namespace {

std::mutex loadMutex;
std::atomic<generation::Backend*> loaded{nullptr};
std::atomic<int> threadsWanted{0};

// Where the library may be, in order: named by RETAKE_GENERATION_LIBRARY; in
// an installed layout beside the executable (../lib/retake, or the same
// folder); where this build put it.
QStringList candidates() {
    QStringList paths;
    const QString named = qEnvironmentVariable("RETAKE_GENERATION_LIBRARY");
    if (!named.isEmpty())
        return {named};
    const QString name = QStringLiteral("libretake_generation.so");
    if (QCoreApplication::instance()) {
        const QDir exe(QCoreApplication::applicationDirPath());
        paths << exe.filePath(QStringLiteral("../lib/retake/") + name) << exe.filePath(name);
    }
    paths << QStringLiteral(RETAKE_GENERATION_LIBRARY);
    return paths;
}

generation::Backend* load() {
    QStringList tried;
    for (const QString& path : candidates()) {
        if (!QFileInfo::exists(path)) {
            tried << QStringLiteral("%1 (not there)").arg(path);
            continue;
        }
        QLibrary library(path);
        // Loaded for the life of the process (the backend object lives in
        // it), and with local symbols (Qt's default): libtorch's and
        // OpenCV's never meet the editor's.
        library.setLoadHints(QLibrary::PreventUnloadHint);
        if (!library.load()) {
            tried << QStringLiteral("%1 (%2)").arg(path, library.errorString());
            continue;
        }
        using Entry = generation::Backend* (*)();
        auto entry = reinterpret_cast<Entry>(library.resolve(RETAKE_GENERATION_BACKEND_SYMBOL));
        if (!entry) {
            tried << QStringLiteral("%1 (no %2)").arg(path, RETAKE_GENERATION_BACKEND_SYMBOL);
            continue;
        }
        generation::Backend* backend = entry();
        backend->configureThreads(threadsWanted.load());
        return backend;
    }
    throw Error(ErrorKind::Internal, tr("The generation library cannot be loaded; tried: %1")
                                         .arg(tried.join(QStringLiteral("; "))));
}

} // namespace

generation::Backend& generationBackend() {
    if (generation::Backend* backend = loaded.load())
        return *backend;
    std::lock_guard<std::mutex> lock(loadMutex);
    if (!loaded.load())
        loaded.store(load());
    return *loaded.load();
}

void setGenerationThreads(int threads) {
    std::lock_guard<std::mutex> lock(loadMutex);
    threadsWanted.store(threads);
    if (generation::Backend* backend = loaded.load())
        backend->configureThreads(threads);
}

bool generationLoaded() {
    return loaded.load() != nullptr;
}

} // namespace retake
