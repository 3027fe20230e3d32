// LD_PRELOAD shim for the missing-codec test: makes FFmpeg's
// avcodec_find_encoder_by_name() find nothing for the encoder named in
// RETAKE_TEST_HIDE_ENCODER, so retake-cli meets an FFmpeg built without it.
// Everything else passes through to the real libavcodec.
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>

extern "C" const void* avcodec_find_encoder_by_name(const char* name) {
    using Find = const void* (*)(const char*);
    static const Find real =
        reinterpret_cast<Find>(dlsym(RTLD_NEXT, "avcodec_find_encoder_by_name"));
    const char* hidden = std::getenv("RETAKE_TEST_HIDE_ENCODER");
    if (hidden && name && std::strcmp(hidden, name) == 0)
        return nullptr;
    return real ? real(name) : nullptr;
}
