#include "c2pa/contentcredentials.h"

#include "c2pa/c2paapi.h"
#include "core/atomicfile.h"
#include "core/error.h"
#include "core/translate.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <memory>

// The callbacks' state: the library hands it back on every call.
struct StreamContext {
    QIODevice* device = nullptr;
};

namespace retake {

namespace {

intptr_t readDevice(StreamContext* context, uint8_t* data, intptr_t length) {
    const qint64 got = context->device->read(reinterpret_cast<char*>(data), length);
    return got < 0 ? -1 : intptr_t(got);
}

intptr_t seekDevice(StreamContext* context, intptr_t offset, C2paSeekMode mode) {
    QIODevice* device = context->device;
    const qint64 base = mode == C2paSeekStart     ? 0
                        : mode == C2paSeekCurrent ? device->pos()
                                                  : device->size();
    const qint64 target = base + offset;
    if (target < 0 || !device->seek(target))
        return -1;
    return intptr_t(target);
}

intptr_t writeDevice(StreamContext* context, const uint8_t* data, intptr_t length) {
    const qint64 written = context->device->write(reinterpret_cast<const char*>(data), length);
    return written != length ? -1 : intptr_t(written);
}

intptr_t flushDevice(StreamContext* context) {
    if (auto* file = qobject_cast<QFile*>(context->device))
        return file->flush() ? 0 : -1;
    return 0;
}

// A library stream over a device, released with it.
class Stream {
public:
    explicit Stream(QIODevice* device)
        : context_{device}
        , stream_(c2pa_create_stream(&context_, readDevice, seekDevice, writeDevice, flushDevice)) {
        if (!stream_)
            throw std::bad_alloc();
    }
    ~Stream() { c2pa_release_stream(stream_); }
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;
    C2paStream* get() const { return stream_; }

private:
    StreamContext context_;
    C2paStream* stream_;
};

// The library's last error, as text.
QString lastError() {
    char* text = c2pa_error();
    if (!text)
        return tr("no reason given");
    QString message = QString::fromUtf8(text);
    c2pa_string_free(text);
    return message;
}

QString takeString(char* text) {
    if (!text)
        return QString();
    QString value = QString::fromUtf8(text);
    c2pa_string_free(text);
    return value;
}

struct SignerDeleter {
    void operator()(C2paSigner* signer) const { c2pa_signer_free(signer); }
};
struct BuilderDeleter {
    void operator()(C2paBuilder* builder) const { c2pa_builder_free(builder); }
};
struct ReaderDeleter {
    void operator()(C2paReader* reader) const { c2pa_reader_free(reader); }
};
using SignerPtr = std::unique_ptr<C2paSigner, SignerDeleter>;
using BuilderPtr = std::unique_ptr<C2paBuilder, BuilderDeleter>;
using ReaderPtr = std::unique_ptr<C2paReader, ReaderDeleter>;

QByteArray readPem(const QString& path, const char* what) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Usage,
                    tr("%1: cannot read the %2 (%3)").arg(path, tr(what), file.errorString()));
    const QByteArray bytes = file.read(1 << 20);
    if (!bytes.contains("-----BEGIN "))
        throw Error(ErrorKind::Usage, tr("%1: not a PEM file (the %2 must be PEM text, "
                                         "\"-----BEGIN ...\")")
                                          .arg(path, tr(what)));
    return bytes;
}

SignerPtr makeSigner(const CredentialSigner& signer) {
    const QByteArray chain = readPem(signer.certificateChain, "signing certificate");
    if (!chain.contains("-----BEGIN CERTIFICATE-----"))
        throw Error(ErrorKind::Usage, tr("%1: holds no certificate").arg(signer.certificateChain));
    const QByteArray key = readPem(signer.privateKey, "private key");
    const QByteArray algorithm = signingAlgorithmOf(signer.privateKey).toLatin1();
    const QByteArray timestamp = signer.timestampUrl.toUtf8();
    C2paSignerInfo info{algorithm.constData(), chain.constData(), key.constData(),
                        timestamp.isEmpty() ? nullptr : timestamp.constData()};
    SignerPtr made(c2pa_signer_from_info(&info));
    if (!made)
        throw Error(ErrorKind::Usage,
                    tr("%1 with %2: the signer cannot be made: %3")
                        .arg(signer.certificateChain, signer.privateKey, lastError()));
    return made;
}

// The library's "Signature: the certificate was not valid at time of
// signing" with the files it is about.
[[noreturn]] void throwRefusedSigner(const CredentialSigner& signer, const QString& reason) {
    throw Error(ErrorKind::Usage, tr("%1 with %2: the signature was refused: %3")
                                      .arg(signer.certificateChain, signer.privateKey, reason));
}

void sign(QIODevice& input, QIODevice& output, const QString& mime, const QJsonObject& manifest,
          const QVector<CredentialIngredient>& ingredients, const CredentialSigner& signer,
          const QString& outputName) {
    const SignerPtr made = makeSigner(signer);
    const QByteArray definition = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    BuilderPtr builder(c2pa_builder_from_json(definition.constData()));
    if (!builder)
        throw Error(ErrorKind::Internal,
                    tr("%1: the manifest was refused: %2").arg(outputName, lastError()));
    for (const CredentialIngredient& ingredient : ingredients) {
        QFile source(ingredient.path);
        if (!source.open(QIODevice::ReadOnly))
            throwBadInput(ingredient.path, tr("cannot be read (%1)").arg(source.errorString()));
        QJsonObject description{{"title", ingredient.title},
                                {"relationship", ingredient.relationship}};
        if (!ingredient.label.isEmpty())
            description.insert("label", ingredient.label);
        if (!ingredient.sha256.isEmpty())
            description.insert("metadata", QJsonObject{{"sha256", ingredient.sha256}});
        const QByteArray json = QJsonDocument(description).toJson(QJsonDocument::Compact);
        const QByteArray format = credentialsMimeType(ingredient.path).toLatin1();
        Stream stream(&source);
        if (format.isEmpty() ||
            c2pa_builder_add_ingredient_from_stream(builder.get(), json.constData(),
                                                    format.constData(), stream.get()) != 0)
            throwBadInput(ingredient.path,
                          tr("cannot be an ingredient of the credentials: %1")
                              .arg(format.isEmpty() ? tr("not a kind of file the library reads")
                                                    : lastError()));
    }
    Stream from(&input);
    Stream to(&output);
    const QByteArray format = mime.toLatin1();
    const unsigned char* manifestBytes = nullptr;
    const int64_t size = c2pa_builder_sign(builder.get(), format.constData(), from.get(), to.get(),
                                           made.get(), &manifestBytes);
    if (manifestBytes)
        c2pa_manifest_bytes_free(manifestBytes);
    if (size < 0) {
        const QString reason = lastError();
        if (reason.startsWith(QLatin1String("Signature")))
            throwRefusedSigner(signer, reason);
        throw Error(ErrorKind::Output,
                    tr("%1: the credentials could not be embedded: %2").arg(outputName, reason));
    }
}

// The OID's DER bytes (tag, length, value) appear in the key.
bool hasOid(const QByteArray& der, const QByteArray& oidValue) {
    return der.contains(QByteArray(1, '\x06') + char(oidValue.size()) + oidValue);
}

} // namespace

QString credentialsMimeType(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("mp4") || suffix == QLatin1String("m4v"))
        return QStringLiteral("video/mp4");
    if (suffix == QLatin1String("mov"))
        return QStringLiteral("video/quicktime");
    if (suffix == QLatin1String("png"))
        return QStringLiteral("image/png");
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return QStringLiteral("image/jpeg");
    return QString();
}

QString signingAlgorithmOf(const QString& privateKeyPath) {
    const QByteArray pem = readPem(privateKeyPath, "private key");
    if (pem.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED"))
        throw Error(ErrorKind::Usage,
                    tr("%1: the private key is encrypted; Retake needs it unencrypted "
                       "(openssl pkcs8 -topk8 -nocrypt), kept where only you can read it")
                        .arg(privateKeyPath));
    const qsizetype begin = pem.indexOf("-----BEGIN ");
    const qsizetype bodyStart = pem.indexOf('\n', begin) + 1;
    const qsizetype bodyEnd = pem.indexOf("-----END ", bodyStart);
    const QByteArray der = QByteArray::fromBase64(pem.mid(bodyStart, bodyEnd - bodyStart));
    // OID values: id-ecPublicKey's curves, rsaEncryption, RSASSA-PSS, Ed25519.
    if (hasOid(der, QByteArray::fromHex("2a8648ce3d030107")))
        return QStringLiteral("es256"); // P-256
    if (hasOid(der, QByteArray::fromHex("2b81040022")))
        return QStringLiteral("es384"); // P-384
    if (hasOid(der, QByteArray::fromHex("2b81040023")))
        return QStringLiteral("es512"); // P-521
    if (hasOid(der, QByteArray::fromHex("2a864886f70d010101")) ||
        hasOid(der, QByteArray::fromHex("2a864886f70d01010a")) ||
        pem.contains("BEGIN RSA PRIVATE KEY"))
        return QStringLiteral("ps256");
    if (hasOid(der, QByteArray::fromHex("2b6570")))
        return QStringLiteral("ed25519");
    throw Error(ErrorKind::Usage,
                tr("%1: not a key C2PA signs with (EC P-256, P-384 or P-521, RSA, or Ed25519)")
                    .arg(privateKeyPath));
}

void checkSigner(const CredentialSigner& signer) {
    QImage pixel(8, 8, QImage::Format_RGB32);
    pixel.fill(Qt::gray);
    QBuffer input;
    input.open(QIODevice::ReadWrite);
    pixel.save(&input, "PNG");
    input.seek(0);
    QBuffer output;
    output.open(QIODevice::ReadWrite);
    sign(input, output, QStringLiteral("image/png"),
         QJsonObject{
             {"claim_generator_info",
              QJsonArray{QJsonObject{{"name", "Retake"}, {"version", RETAKE_VERSION}}}},
             {"title", "signer check"},
             {"assertions",
              QJsonArray{QJsonObject{
                  {"label", "c2pa.actions"},
                  {"data",
                   QJsonObject{{"actions", QJsonArray{QJsonObject{{"action", "c2pa.created"},
                                                                  {"digitalSourceType",
                                                                   "http://cv.iptc.org/newscodes/"
                                                                   "digitalsourcetype/"
                                                                   "digitalCreation"}}}}}}}}}},
         {}, signer, signer.certificateChain);
}

void signWithCredentials(const QString& input, const QString& output, const QJsonObject& manifest,
                         const QVector<CredentialIngredient>& ingredients,
                         const CredentialSigner& signer) {
    const QString mime = credentialsMimeType(output);
    if (mime.isEmpty())
        throw Error(ErrorKind::Usage,
                    tr("%1: Content Credentials go into .mp4, .mov, .png and .jpg files; not "
                       "this one")
                        .arg(output));
    QFile source(input);
    if (!source.open(QIODevice::ReadOnly))
        throwBadInput(input, tr("cannot be read (%1)").arg(source.errorString()));
    TemporaryTarget target(output);
    QFile written(target.path());
    if (!written.open(QIODevice::ReadWrite | QIODevice::Truncate))
        throw Error(ErrorKind::Output,
                    tr("%1: cannot be written (%2)").arg(output, written.errorString()));
    sign(source, written, mime, manifest, ingredients, signer, output);
    if (!written.flush())
        throw Error(ErrorKind::Output,
                    tr("%1: cannot be written (%2)").arg(output, written.errorString()));
    written.close();
    target.commit();
}

CredentialsReport readCredentials(const QString& path, const QString& trustAnchors) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(path, tr("cannot be read (%1)").arg(file.errorString()));
    const QString mime = credentialsMimeType(path);
    if (mime.isEmpty())
        throwBadInput(path, tr("is not a kind of file that carries Content Credentials here "
                               "(.mp4, .mov, .png, .jpg)"));
    if (!trustAnchors.isEmpty()) {
        const QByteArray anchors = readPem(trustAnchors, "trust anchors");
        const QByteArray settings =
            QJsonDocument(
                QJsonObject{{"trust", QJsonObject{{"trust_anchors", QString::fromUtf8(anchors)}}},
                            {"verify", QJsonObject{{"verify_trust", true}}}})
                .toJson(QJsonDocument::Compact);
        if (c2pa_load_settings(settings.constData(), "json") != 0)
            throw Error(
                ErrorKind::Usage,
                tr("%1: the trust anchors were refused: %2").arg(trustAnchors, lastError()));
    }
    CredentialsReport report;
    Stream stream(&file);
    const QByteArray format = mime.toLatin1();
    const ReaderPtr reader(c2pa_reader_from_stream(format.constData(), stream.get()));
    if (!reader) {
        const QString reason = lastError();
        if (reason.contains(QLatin1String("ManifestNotFound")) ||
            reason.contains(QLatin1String("JumbfNotFound")) ||
            reason.contains(QLatin1String("no JUMBF data found"), Qt::CaseInsensitive))
            return report; // none
        // Present but unreadable: what a damaged or tampered store looks like.
        report.present = true;
        report.validationState = QStringLiteral("Invalid");
        report.failures << reason;
        return report;
    }
    report.present = true;
    report.store =
        QJsonDocument::fromJson(takeString(c2pa_reader_json(reader.get())).toUtf8()).object();
    report.validationState = report.store.value(QLatin1String("validation_state")).toString();
    const QString active = report.store.value(QLatin1String("active_manifest")).toString();
    report.active =
        report.store.value(QLatin1String("manifests")).toObject().value(active).toObject();
    const bool invalid = report.validationState == QLatin1String("Invalid");
    for (const QJsonValue& status :
         report.store.value(QLatin1String("validation_status")).toArray()) {
        const QJsonObject o = status.toObject();
        const QString line =
            QStringLiteral("%1: %2").arg(o.value(QLatin1String("code")).toString(),
                                         o.value(QLatin1String("explanation")).toString());
        // An untrusted signer is no fault of the file: a note, valid or not.
        const bool fault =
            invalid &&
            !o.value(QLatin1String("code")).toString().endsWith(QLatin1String(".untrusted"));
        (fault ? report.failures : report.notes) << line;
    }
    return report;
}

QString credentialsLibraryVersion() {
    return takeString(c2pa_version());
}

} // namespace retake
