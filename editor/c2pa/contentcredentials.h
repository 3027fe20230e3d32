#pragma once

// Content Credentials (C2PA): a signed manifest inside an exported file that
// says what made it (claim generator), from what (ingredients, with their
// hashes) and how (actions: which frames were generated, by what). Written
// and read through the C2PA reference implementation (libc2pa_c); the only
// includes of its API are in this folder.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retake {

// The signing identity: files named by the user, read when signing and never
// copied anywhere (projects, logs, manifests hold neither path nor bytes).
struct CredentialSigner {
    QString certificateChain; // PEM: the signer's certificate, then intermediates
    QString privateKey;       // PEM (PKCS#8, or SEC1 for EC keys)
    QString timestampUrl;     // an RFC 3161 time stamp authority; empty = none
};

struct CredentialIngredient {
    QString path;  // a source file: hashed, and its own credentials kept, by the library
    QString title; // its name in the manifest (the file name)
    QString relationship = QStringLiteral("componentOf");
    QString label;  // what the manifest's actions call it ("media-1a2b3c4d")
    QString sha256; // of its bytes, kept in the ingredient's metadata
    // It has Content Credentials of its own: the library reads it whole and
    // keeps its manifest in the new one (signWithCredentials' ingredients),
    // instead of a description in the manifest definition.
    bool carriesCredentials = false;
};

// The MIME type the library embeds into for `path` ("video/mp4",
// "video/quicktime", "image/png", "image/jpeg"), from its extension; empty
// when Retake cannot put credentials into that kind of file.
QString credentialsMimeType(const QString& path);

// "es256", "es384", "es512", "ps256" or "ed25519" from the key's algorithm
// (and curve). Throws Error(Usage) naming the file for anything else.
QString signingAlgorithmOf(const QString& privateKeyPath);

// Signs a small picture in memory with `signer`, so that a certificate the
// library refuses (expired, not matching the key, not a signing
// certificate, unreadable) is named before an export starts. Throws
// Error(Usage) naming the file and the library's reason.
void checkSigner(const CredentialSigner& signer);

// Copies `input` to `output` with a signed manifest made from `manifest` (a
// C2PA manifest definition) and `ingredients`. `output` is written whole or
// not at all (a temporary name, then a rename). Throws Error(Usage) for a
// refused signer, Error(BadInput) for an unreadable input or ingredient,
// Error(Output) when `output` cannot be written.
void signWithCredentials(const QString& input, const QString& output, const QJsonObject& manifest,
                         const QVector<CredentialIngredient>& ingredients,
                         const CredentialSigner& signer);

struct CredentialsReport {
    bool present = false;    // the file carries a manifest store
    QString validationState; // "Invalid", "Valid" or "Trusted"
    QStringList failures;    // "code: explanation" of what makes it invalid
    QStringList notes;       // the same for what does not (an untrusted signer)
    QJsonObject store;       // the manifest store as the library reports it
    QJsonObject active;      // its active manifest
};

// The credentials in `path`, validated. `trustAnchors` (PEM certificates)
// are the roots the signer's chain may lead to for "Trusted"; without them a
// good signature is "Valid" with the signer noted as untrusted. Throws
// Error(BadInput) naming the file when it cannot be read.
CredentialsReport readCredentials(const QString& path, const QString& trustAnchors = QString());

// The library's name and version.
QString credentialsLibraryVersion();

} // namespace retake
