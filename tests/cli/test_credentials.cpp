// Content Credentials (C2PA) in exports, read back by the c2pa-python
// package's Reader (not Retake's code): a regenerated and graded movie and a
// PNG sequence validate and say which frames were generated, by what, from
// which sources (their hashes); a changed byte breaks validation; an expired
// certificate or a key that is not the certificate's writes nothing; an
// export of untouched frames says so; keys are never copied; EXR is refused.
#include "clirun.h"
#include "filebytes.h"
#include "testclip.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using retake::testing::cli;
using retake::testing::Run;

namespace {

const QString kPython = QStringLiteral(RETAKE_PYTHON);

QString sha256Of(const QString& path) {
    return QString::fromLatin1(
        QCryptographicHash::hash(retake::testing::fileBytes(path), QCryptographicHash::Sha256)
            .toHex());
}

// c2pa-python's view of `file` (tests/cli/read_c2pa.py).
QJsonObject readWithC2paPython(const QString& file) {
    const Run r = retake::testing::run(
        kPython, {QStringLiteral(RETAKE_SOURCE_DIR "/tests/cli/read_c2pa.py"), file});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonArray actionsOf(const QJsonObject& active) {
    for (const QJsonValue& a : active[QLatin1String("assertions")].toArray())
        if (a[QLatin1String("label")].toString().startsWith(QLatin1String("c2pa.actions")))
            return a[QLatin1String("data")][QLatin1String("actions")].toArray();
    return {};
}

QJsonObject retakeFrames(const QJsonObject& active) {
    for (const QJsonValue& a : active[QLatin1String("assertions")].toArray())
        if (a[QLatin1String("label")].toString() == QLatin1String("com.retake.frames"))
            return a[QLatin1String("data")].toObject();
    return {};
}

QJsonObject actionNamed(const QJsonArray& actions, const QString& name) {
    for (const QJsonValue& a : actions)
        if (a[QLatin1String("action")].toString() == name)
            return a.toObject();
    return {};
}

} // namespace

class TestCredentials : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void regeneratedGradedMovieValidatesElsewhere();
    void pngSequenceFramesEachCarryCredentials();
    void aChangedByteFailsValidation();
    void refusedSignersWriteNothing();
    void untouchedExportSaysSo();
    void keysAreNeverCopied();
    void exrIsRefused();
    void sourceCredentialsAreKept();
    void creditMapNamesEachUser();

private:
    QStringList signing() const {
        return {QStringLiteral("--sign-cert"), certs_.filePath(QStringLiteral("chain.pem")),
                QStringLiteral("--sign-key"), certs_.filePath(QStringLiteral("signer.key"))};
    }

    QTemporaryDir dir_;
    QTemporaryDir certs_;
    QString clip_;
    QString project_;   // regenerated frames 4-11 of the clip
    QString untouched_; // the clip alone
};

void TestCredentials::initTestCase() {
    QVERIFY(dir_.isValid() && certs_.isValid());
    const Run certs = retake::testing::run(
        QStringLiteral("sh"),
        {QStringLiteral(RETAKE_SOURCE_DIR "/tests/cli/make_c2pa_certs.sh"), certs_.path()});
    QVERIFY2(certs.ok(), qPrintable(certs.err));
    clip_ = dir_.filePath(QStringLiteral("plate.mp4"));
    QVERIFY(retake::testing::makeH264Clip(clip_, QStringLiteral("testsrc2=s=160x96:r=24:d=1"))
                .isEmpty());
    untouched_ = dir_.filePath(QStringLiteral("untouched.retake"));
    QVERIFY(retake::testing::newProjectWithClip(untouched_, clip_).isEmpty());
    project_ = dir_.filePath(QStringLiteral("regen.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project_, clip_).isEmpty());
    const Run mask =
        cli({QStringLiteral("mask"), project_, QStringLiteral("--shot"), QStringLiteral("Plate"),
             QStringLiteral("--rect"), QStringLiteral("40,30,30,20")});
    QVERIFY2(mask.ok(), qPrintable(mask.err));
    const Run regen =
        cli({QStringLiteral("regen"), project_, QStringLiteral("--shot"), QStringLiteral("Plate"),
             QStringLiteral("--range"), QStringLiteral("4-11")});
    QVERIFY2(regen.ok(), qPrintable(regen.err));
}

void TestCredentials::regeneratedGradedMovieValidatesElsewhere() {
    const QString out = dir_.filePath(QStringLiteral("graded.mov"));
    const Run r =
        cli(QStringList{QStringLiteral("export"), project_, QStringLiteral("--out"), out,
                        QStringLiteral("--cdl-values"), QStringLiteral("1.1,1,0.9,0,0,0,1,1,1,1")} +
            signing());
    QVERIFY2(r.ok(), qPrintable(r.err));
    const QJsonObject read = readWithC2paPython(out);
    QVERIFY2(!read.contains(QLatin1String("error")),
             qPrintable(read[QLatin1String("error")].toString()));
    // Valid; the only note is that the test root is on no trust list.
    QCOMPARE(read[QLatin1String("state")].toString(), QStringLiteral("Valid"));
    QCOMPARE(read[QLatin1String("codes")].toArray(),
             QJsonArray{QStringLiteral("signingCredential.untrusted")});
    const QJsonObject active = read[QLatin1String("active")].toObject();
    QCOMPARE(active[QLatin1String("claim_generator_info")][0][QLatin1String("name")].toString(),
             QStringLiteral("Retake"));

    const QJsonArray actions = actionsOf(active);
    QCOMPARE(actions[0][QLatin1String("action")].toString(), QStringLiteral("c2pa.opened"));
    const QJsonObject edited = actionNamed(actions, QStringLiteral("c2pa.edited"));
    QCOMPARE(edited[QLatin1String("digitalSourceType")].toString(),
             QStringLiteral("http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia"));
    const QJsonObject parameters = edited[QLatin1String("parameters")].toObject();
    QCOMPARE(parameters[QLatin1String("engine")].toString(), QStringLiteral("propagate"));
    QCOMPARE(parameters[QLatin1String("frames")].toString(), QStringLiteral("4-11"));
    QCOMPARE(parameters[QLatin1String("frameCount")].toInt(), 8);
    QVERIFY(!actionNamed(actions, QStringLiteral("c2pa.color_adjustments")).isEmpty());
    const QJsonObject frames = retakeFrames(active);
    QCOMPARE(frames[QLatin1String("original")].toString(), QStringLiteral("0-3, 12-23"));
    QCOMPARE(frames[QLatin1String("regenerated")].toString(), QStringLiteral("4-11"));
    QCOMPARE(frames[QLatin1String("frameCount")].toInt(), 24);

    const QJsonArray ingredients = active[QLatin1String("ingredients")].toArray();
    QCOMPARE(ingredients.size(), 1);
    QCOMPARE(ingredients[0][QLatin1String("title")].toString(), QStringLiteral("plate.mp4"));
    QCOMPARE(ingredients[0][QLatin1String("relationship")].toString(), QStringLiteral("parentOf"));
    QCOMPARE(ingredients[0][QLatin1String("metadata")][QLatin1String("sha256")].toString(),
             sha256Of(clip_));

    // Retake's own reader agrees, and with the test root trusted says so.
    const Run shown = cli({QStringLiteral("provenance"), out, QStringLiteral("--trust"),
                           certs_.filePath(QStringLiteral("root.pem"))});
    QVERIFY2(shown.ok(), qPrintable(shown.err));
    QVERIFY2(shown.out.contains(QLatin1String("Content Credentials TRUSTED")),
             qPrintable(shown.out));
    QVERIFY(shown.out.contains(QLatin1String("signed by: Retake Test Signer")));
    QVERIFY(shown.out.contains(QLatin1String("frames regenerated: 4-11")));
    QVERIFY(shown.out.contains(QLatin1String("c2pa.edited (algorithmicMedia): frames 4-11 made by "
                                             "Retake's propagate engine")));
    // The sidecar is still written, with the same record.
    QVERIFY(QFileInfo::exists(out + QStringLiteral(".provenance.json")));
}

void TestCredentials::pngSequenceFramesEachCarryCredentials() {
    const QString pattern = dir_.filePath(QStringLiteral("seq/f_####.png"));
    const Run r = cli(QStringList{QStringLiteral("export"), project_, QStringLiteral("--out"),
                                  pattern, QStringLiteral("--range"), QStringLiteral("2-5")} +
                      signing());
    QVERIFY2(r.ok(), qPrintable(r.err));
    const QStringList files = QDir(dir_.filePath(QStringLiteral("seq")))
                                  .entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 4);
    for (const QString& name : {files.first(), files.last()}) {
        const QJsonObject read = readWithC2paPython(dir_.filePath(QStringLiteral("seq/") + name));
        QCOMPARE(read[QLatin1String("state")].toString(), QStringLiteral("Valid"));
        const QJsonObject active = read[QLatin1String("active")].toObject();
        QCOMPARE(active[QLatin1String("title")].toString(), name);
        // The export's frames 0-1 are timeline frames 2-3 (original), 2-3
        // are 4-5 (regenerated).
        QCOMPARE(retakeFrames(active)[QLatin1String("regenerated")].toString(),
                 QStringLiteral("2-3"));
        QCOMPARE(retakeFrames(active)[QLatin1String("original")].toString(), QStringLiteral("0-1"));
    }
    // Still a PNG any reader opens, of the export's size.
    QImage frame(dir_.filePath(QStringLiteral("seq/") + files.first()));
    QCOMPARE(frame.size(), QSize(160, 96));
}

void TestCredentials::aChangedByteFailsValidation() {
    const QString out = dir_.filePath(QStringLiteral("tampered.mp4"));
    QVERIFY(cli(QStringList{QStringLiteral("export"), untouched_, QStringLiteral("--out"), out} +
                signing())
                .ok());
    QCOMPARE(readWithC2paPython(out)[QLatin1String("state")].toString(), QStringLiteral("Valid"));
    // A byte of the pictures (the media data, not the manifest) changed.
    QByteArray bytes = retake::testing::fileBytes(out);
    const qsizetype mdat = bytes.indexOf("mdat");
    QVERIFY(mdat > 0);
    bytes[mdat + 200] = char(bytes[mdat + 200] ^ 0x5a);
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    const QJsonObject read = readWithC2paPython(out);
    QVERIFY2(read[QLatin1String("state")].toString() == QLatin1String("Invalid") ||
                 read.contains(QLatin1String("error")),
             qPrintable(QJsonDocument(read).toJson()));
    const Run shown = cli({QStringLiteral("provenance"), out});
    QCOMPARE(shown.exitCode, 2);
    QVERIFY2(shown.out.contains(QLatin1String("Content Credentials INVALID")) &&
                 shown.out.contains(QLatin1String("problem: ")),
             qPrintable(shown.out));
}

void TestCredentials::refusedSignersWriteNothing() {
    const QString folder = dir_.filePath(QStringLiteral("refused"));
    QVERIFY(QDir().mkpath(folder));
    const QString out = QDir(folder).filePath(QStringLiteral("film.mp4"));
    const QString expired = certs_.filePath(QStringLiteral("expired_chain.pem"));
    Run r = cli({QStringLiteral("export"), project_, QStringLiteral("--out"), out,
                 QStringLiteral("--sign-cert"), expired, QStringLiteral("--sign-key"),
                 certs_.filePath(QStringLiteral("signer.key"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(expired) &&
                 r.err.contains(QLatin1String("not valid at time of signing")),
             qPrintable(r.err));
    const QString other = certs_.filePath(QStringLiteral("other.key"));
    r = cli({QStringLiteral("export"), project_, QStringLiteral("--out"), out,
             QStringLiteral("--sign-cert"), certs_.filePath(QStringLiteral("chain.pem")),
             QStringLiteral("--sign-key"), other});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(other) && r.err.contains(QLatin1String("does not match")),
             qPrintable(r.err));
    r = cli({QStringLiteral("export"), project_, QStringLiteral("--out"), out,
             QStringLiteral("--sign-cert"), certs_.filePath(QStringLiteral("chain.pem"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("--sign-cert and --sign-key go together")),
             qPrintable(r.err));
    // Nothing at all in the folder: no movie, no sidecar, no staging.
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}

void TestCredentials::untouchedExportSaysSo() {
    const QString out = dir_.filePath(QStringLiteral("untouched.mp4"));
    QVERIFY(cli(QStringList{QStringLiteral("export"), untouched_, QStringLiteral("--out"), out} +
                signing())
                .ok());
    const QJsonObject active = readWithC2paPython(out)[QLatin1String("active")].toObject();
    const QJsonArray actions = actionsOf(active);
    QVERIFY(actionNamed(actions, QStringLiteral("c2pa.edited")).isEmpty());
    for (const QJsonValue& a : actions)
        QVERIFY2(!a[QLatin1String("digitalSourceType")].toString().contains(
                     QLatin1String("Algorithmic")),
                 qPrintable(QJsonDocument(a.toObject()).toJson()));
    QCOMPARE(retakeFrames(active)[QLatin1String("original")].toString(), QStringLiteral("0-23"));
    QVERIFY(!retakeFrames(active).contains(QLatin1String("regenerated")));
    const Run shown = cli({QStringLiteral("provenance"), out});
    QVERIFY(shown.out.contains(QLatin1String("frames original: 0-23")));
    QVERIFY(!shown.out.contains(QLatin1String("regenerated")));
}

void TestCredentials::keysAreNeverCopied() {
    const QString out = dir_.filePath(QStringLiteral("keys.mp4"));
    const Run r = cli(
        QStringList{QStringLiteral("export"), project_, QStringLiteral("--out"), out} + signing());
    QVERIFY(r.ok());
    const QByteArray key =
        retake::testing::fileBytes(certs_.filePath(QStringLiteral("signer.key")));
    const QByteArray keyBody = key.mid(key.indexOf('\n') + 1, 40);
    const QByteArray keyPath = certs_.filePath(QStringLiteral("signer.key")).toUtf8();
    for (const QString& file : {out, out + QStringLiteral(".provenance.json"), project_}) {
        const QByteArray bytes = retake::testing::fileBytes(file);
        QVERIFY2(!bytes.contains(keyBody) && !bytes.contains(keyPath), qPrintable(file));
        QVERIFY(!bytes.contains(QByteArray::fromBase64(keyBody)));
    }
    QVERIFY(!r.out.toUtf8().contains(keyPath) && !r.err.toUtf8().contains(keyPath));
}

void TestCredentials::exrIsRefused() {
    const Run r = cli(QStringList{QStringLiteral("export"), project_, QStringLiteral("--out"),
                                  dir_.filePath(QStringLiteral("exr/f_####.exr"))} +
                      signing());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("EXR has no C2PA binding")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("exr"))));
}

// A camera original that carries its own credentials (signed here by
// c2pa-python as "Test Camera"): the export's manifest keeps the camera's as
// its ingredient's, and both validate.
void TestCredentials::sourceCredentialsAreKept() {
    const QString camera = dir_.filePath(QStringLiteral("camera.mp4"));
    const Run signedByCamera = retake::testing::run(
        kPython, {QStringLiteral(RETAKE_SOURCE_DIR "/tests/cli/sign_c2pa.py"), clip_, camera,
                  certs_.filePath(QStringLiteral("chain.pem")),
                  certs_.filePath(QStringLiteral("signer.key")), QStringLiteral("video/mp4")});
    QVERIFY2(signedByCamera.ok(), qPrintable(signedByCamera.err));
    const QString project = dir_.filePath(QStringLiteral("camera.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project, camera).isEmpty());
    const QString out = dir_.filePath(QStringLiteral("from-camera.mp4"));
    const Run r = cli(QStringList{QStringLiteral("export"), project, QStringLiteral("--out"), out} +
                      signing());
    QVERIFY2(r.ok(), qPrintable(r.err));
    const QJsonObject read = readWithC2paPython(out);
    QCOMPARE(read[QLatin1String("state")].toString(), QStringLiteral("Valid"));
    const QJsonObject ingredient =
        read[QLatin1String("active")][QLatin1String("ingredients")][0].toObject();
    QCOMPARE(ingredient[QLatin1String("title")].toString(), QStringLiteral("camera.mp4"));
    QVERIFY2(!ingredient[QLatin1String("active_manifest")].toString().isEmpty(),
             qPrintable(QJsonDocument(ingredient).toJson()));
    QCOMPARE(ingredient[QLatin1String("metadata")][QLatin1String("sha256")].toString(),
             sha256Of(camera));
    const Run shown = cli({QStringLiteral("provenance"), out});
    QVERIFY2(shown.out.contains(QLatin1String("camera.mp4 (parentOf)")) &&
                 shown.out.contains(QLatin1String("with its own Content Credentials")),
             qPrintable(shown.out));
}

// Two people on one project, each with their own settings (the user name in
// Settings, here two configuration folders): the credit map names who
// generated and who locked what, and the signed export names the takes'
// authors.
void TestCredentials::creditMapNamesEachUser() {
    QTemporaryDir profiles;
    const auto as = [&](const QString& user, const QStringList& args) {
        const QString config = profiles.filePath(user);
        QDir().mkpath(config + QStringLiteral("/Retake"));
        QFile conf(config + QStringLiteral("/Retake/Retake.conf"));
        if (conf.open(QIODevice::WriteOnly))
            conf.write("[user]\nname=" + user.toUtf8() + "\n");
        conf.close();
        retake::testing::RunOptions options;
        options.environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        return retake::testing::run(retake::testing::cliPath(), args, options);
    };
    const QString project = dir_.filePath(QStringLiteral("credits.retake"));
    QVERIFY(retake::testing::newProjectWithClip(project, clip_).isEmpty());
    QVERIFY(cli({QStringLiteral("mask"), project, QStringLiteral("--shot"), QStringLiteral("Plate"),
                 QStringLiteral("--rect"), QStringLiteral("40,30,30,20")})
                .ok());
    Run r = as(QStringLiteral("Alice Ng"),
               {QStringLiteral("regen"), project, QStringLiteral("--shot"), QStringLiteral("Plate"),
                QStringLiteral("--range"), QStringLiteral("4-11")});
    QVERIFY2(r.ok(), qPrintable(r.err));
    r = as(QStringLiteral("Bob Ray"),
           {QStringLiteral("lock"), project, QStringLiteral("--shot"), QStringLiteral("Plate"),
            QStringLiteral("--range"), QStringLiteral("0-3")});
    QVERIFY2(r.ok(), qPrintable(r.err));
    r = as(QStringLiteral("Bob Ray"),
           {QStringLiteral("regen"), project, QStringLiteral("--shot"), QStringLiteral("Plate"),
            QStringLiteral("--range"), QStringLiteral("14-17"), QStringLiteral("--seed"),
            QStringLiteral("3")});
    QVERIFY2(r.ok(), qPrintable(r.err));

    const Run credits = cli({QStringLiteral("credits"), project});
    QVERIFY2(credits.ok(), qPrintable(credits.err));
    QVERIFY2(credits.out.contains(QLatin1String(
                 "frames 4-11  generated by Alice Ng with propagate (seed 0)  from plate.mp4")),
             qPrintable(credits.out));
    QVERIFY2(credits.out.contains(QLatin1String("frames 14-17  generated by Bob Ray with propagate "
                                                "(seed 3)")),
             qPrintable(credits.out));
    QVERIFY2(credits.out.contains(QLatin1String("frames 0-3  locked by Bob Ray")),
             qPrintable(credits.out));
    // Unlocked again: the credit no longer covers anything.
    QVERIFY(cli({QStringLiteral("unlock"), project, QStringLiteral("--shot"),
                 QStringLiteral("Plate"), QStringLiteral("--range"), QStringLiteral("2-3")})
                .ok());
    const QJsonObject json =
        retake::testing::json(cli({QStringLiteral("credits"), project, QStringLiteral("--json")}));
    const QJsonObject shot = json[QLatin1String("shots")][0].toObject();
    QCOMPARE(shot[QLatin1String("locks")][0][QLatin1String("frames")].toArray(),
             QJsonArray{QStringLiteral("0-1")});
    QCOMPARE(shot[QLatin1String("takes")].toArray().size(), 2);
    QCOMPARE(shot[QLatin1String("takes")][0][QLatin1String("author")].toString(),
             QStringLiteral("Alice Ng"));

    // The same names in the signed export.
    const QString out = dir_.filePath(QStringLiteral("credits.mp4"));
    QVERIFY(cli(QStringList{QStringLiteral("export"), project, QStringLiteral("--out"), out} +
                signing())
                .ok());
    QStringList authors;
    for (const QJsonValue& a :
         actionsOf(readWithC2paPython(out)[QLatin1String("active")].toObject()))
        if (a[QLatin1String("action")].toString() == QLatin1String("c2pa.edited"))
            authors << a[QLatin1String("parameters")][QLatin1String("author")].toString();
    authors.sort();
    QCOMPARE(authors, (QStringList{QStringLiteral("Alice Ng"), QStringLiteral("Bob Ray")}));
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "test_credentials.moc"
