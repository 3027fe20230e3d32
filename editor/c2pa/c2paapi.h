#pragma once

// The parts of the C2PA reference implementation's C API (libc2pa_c, from
// the c2pa-python wheel that packaging/setup-debian12.sh installs, pinned to
// the version these declarations were written against) that Retake uses.
// The wheel ships the library without its header; the API is public
// (contentauth/c2pa-rs, c2pa_c_ffi). Included only by editor/c2pa/.

#include <cstdint>

extern "C" {

enum C2paSeekMode { C2paSeekStart = 0, C2paSeekCurrent = 1, C2paSeekEnd = 2 };

struct StreamContext; // ours: the callbacks' own state
struct C2paStream;
struct C2paReader;
struct C2paBuilder;
struct C2paSigner;

// Byte counts, new positions, 0 for a flush; negative for an error.
using C2paReadCallback = intptr_t (*)(StreamContext* context, uint8_t* data, intptr_t length);
using C2paSeekCallback = intptr_t (*)(StreamContext* context, intptr_t offset, C2paSeekMode mode);
using C2paWriteCallback = intptr_t (*)(StreamContext* context, const uint8_t* data,
                                       intptr_t length);
using C2paFlushCallback = intptr_t (*)(StreamContext* context);

struct C2paSignerInfo {
    const char* alg;         // "es256", "ps256", "ed25519", ...
    const char* sign_cert;   // the certificate chain, PEM, signer first
    const char* private_key; // PEM
    const char* ta_url;      // an RFC 3161 time stamp authority, or null
};

// Strings returned by the library are freed with c2pa_string_free.
char* c2pa_version(void);
char* c2pa_error(void);
void c2pa_string_free(char* text);
int c2pa_load_settings(const char* settings, const char* format);

C2paStream* c2pa_create_stream(StreamContext* context, C2paReadCallback reader,
                               C2paSeekCallback seeker, C2paWriteCallback writer,
                               C2paFlushCallback flusher);
void c2pa_release_stream(C2paStream* stream);

C2paReader* c2pa_reader_from_stream(const char* format, C2paStream* stream);
char* c2pa_reader_json(C2paReader* reader);
void c2pa_reader_free(C2paReader* reader);

C2paBuilder* c2pa_builder_from_json(const char* manifestJson);
int c2pa_builder_add_ingredient_from_stream(C2paBuilder* builder, const char* ingredientJson,
                                            const char* format, C2paStream* source);
int64_t c2pa_builder_sign(C2paBuilder* builder, const char* format, C2paStream* source,
                          C2paStream* dest, C2paSigner* signer,
                          const unsigned char** manifestBytes);
void c2pa_manifest_bytes_free(const unsigned char* bytes);
void c2pa_builder_free(C2paBuilder* builder);

C2paSigner* c2pa_signer_from_info(const C2paSignerInfo* info);
void c2pa_signer_free(const C2paSigner* signer);

} // extern "C"
