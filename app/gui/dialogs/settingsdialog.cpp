#include "dialogs/settingsdialog.h"

#include "core/error.h"
#include "core/username.h"
#include "ocio/colourpipeline.h"
#include "regen/regenerate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace retake::gui {

namespace {

QWidget* withBrowse(QLineEdit* edit, const std::function<void()>& browse) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* button = new QPushButton(SettingsDialog::tr("Browse…"));
    QObject::connect(button, &QPushButton::clicked, edit, browse);
    layout->addWidget(button);
    return row;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , config_(new QLineEdit)
    , look_(new QLineEdit)
    , engine_(new QComboBox)
    , device_(new QComboBox)
    , cache_(new QSpinBox)
    , proxies_(new QComboBox)
    , certificate_(new QLineEdit)
    , key_(new QLineEdit)
    , userName_(new QLineEdit) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const QSettings settings;
    config_->setPlaceholderText(tr("Retake's bundled ACES config"));
    config_->setText(settings.value(QStringLiteral("color/ocioConfig")).toString());
    config_->setToolTip(tr("An OCIO config (.ocio) for the viewer's display transform; empty "
                           "uses the config bundled with Retake."));
    look_->setPlaceholderText(tr("None"));
    look_->setText(settings.value(QStringLiteral("color/look")).toString());
    look_->setToolTip(tr("A LUT file (.cube, .3dl, .spi3d, …) the viewer applies as a look."));
    for (const QString& engine : regenerationEngines())
        engine_->addItem(engine, engine);
    engine_->setCurrentIndex(std::max(
        0, engine_->findData(regenerationEngineNamed(
               settings.value(QStringLiteral("regen/defaultEngine"), QStringLiteral("propagate"))
                   .toString()))));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    device_->setCurrentIndex(std::max(
        0, device_->findData(
               settings.value(QStringLiteral("regen/device"), QStringLiteral("cpu")).toString())));
    cache_->setRange(0, 65536);
    cache_->setSingleStep(128);
    cache_->setSuffix(tr(" MB"));
    cache_->setValue(settings.value(QStringLiteral("cache/sizeMB"), 512).toInt());
    cache_->setToolTip(tr("Memory for frames the viewer has shown, so scrubbing back is instant."));

    proxies_->addItem(tr("Off"), QStringLiteral("off"));
    proxies_->addItem(tr("Half size"), QStringLiteral("half"));
    proxies_->addItem(tr("Quarter size"), QStringLiteral("quarter"));
    proxies_->setCurrentIndex(std::max(
        0, proxies_->findData(
               settings.value(QStringLiteral("proxies/size"), QStringLiteral("half")).toString())));
    proxies_->setToolTip(
        tr("Long-GOP or larger-than-HD video gets an all-intra copy at this size, made in the "
           "background, so every jump in the viewer decodes one small picture. Only the viewer "
           "uses them: export, regeneration and masks always read the original."));

    userName_->setPlaceholderText(currentUserName());
    userName_->setText(settings.value(QStringLiteral("user/name")).toString());
    userName_->setToolTip(tr("Recorded with each take and lock you make (the project's credit "
                             "map) and in signed exports. Empty: your login name."));
    certificate_->setPlaceholderText(tr("None: exports are not signed"));
    certificate_->setText(settings.value(QStringLiteral("credentials/certificate")).toString());
    certificate_->setToolTip(tr("Your Content Credentials (C2PA) certificate chain, PEM, yours "
                                "first. Exports can then carry a signed record of what was "
                                "generated, by what, from which sources."));
    key_->setPlaceholderText(tr("None"));
    key_->setText(settings.value(QStringLiteral("credentials/key")).toString());
    key_->setToolTip(tr("The certificate's private key, PEM. Read when signing; never copied "
                        "into projects, logs or exports."));

    auto* form = new QFormLayout;
    form->addRow(tr("OCIO config"), withBrowse(config_, [this] {
                     const QString path = QFileDialog::getOpenFileName(
                         this, tr("OCIO Config"), config_->text(), tr("OCIO configs (*.ocio)"));
                     if (!path.isEmpty())
                         config_->setText(path);
                 }));
    form->addRow(tr("Viewer look"), withBrowse(look_, [this] {
                     const QString path = QFileDialog::getOpenFileName(
                         this, tr("Look LUT"), look_->text(),
                         tr("LUT files (*.cube *.3dl *.csp *.spi1d *.spi3d *.cc *.cdl);;"
                            "All files (*)"));
                     if (!path.isEmpty())
                         look_->setText(path);
                 }));
    form->addRow(tr("Default engine"), engine_);
    form->addRow(tr("Device"), device_);
    form->addRow(tr("Viewer cache"), cache_);
    form->addRow(tr("Proxies"), proxies_);
    form->addRow(tr("Your name"), userName_);
    form->addRow(tr("Signing certificate"), withBrowse(certificate_, [this] {
                     const QString path = QFileDialog::getOpenFileName(
                         this, tr("Signing Certificate"), certificate_->text(),
                         tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
                     if (!path.isEmpty())
                         certificate_->setText(path);
                 }));
    form->addRow(tr("Signing key"), withBrowse(key_, [this] {
                     const QString path =
                         QFileDialog::getOpenFileName(this, tr("Signing Key"), key_->text(),
                                                      tr("PEM keys (*.pem *.key);;All files (*)"));
                     if (!path.isEmpty())
                         key_->setText(path);
                 }));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

std::optional<ProxySize> proxySizeSetting() {
    ProxySize size = ProxySize::Half;
    if (!proxySizeFromString(
            QSettings().value(QStringLiteral("proxies/size"), QStringLiteral("half")).toString(),
            &size))
        return std::nullopt;
    return size;
}

std::optional<CredentialSigner> credentialSignerSetting() {
    const QSettings settings;
    CredentialSigner signer;
    signer.certificateChain = settings.value(QStringLiteral("credentials/certificate")).toString();
    signer.privateKey = settings.value(QStringLiteral("credentials/key")).toString();
    if (signer.certificateChain.isEmpty() || signer.privateKey.isEmpty())
        return std::nullopt;
    return signer;
}

bool SettingsDialog::apply() {
    const QString config = config_->text().trimmed();
    const QString look = look_->text().trimmed();
    try {
        const ColourPipeline pipeline = ColourPipeline::load(config);
        if (!look.isEmpty()) {
            // Compiling a processor with the look reads and checks the LUT file.
            ColourGrade grade;
            grade.inputSpace = pipeline.colourSpaces().value(0);
            grade.lutPath = look;
            pipeline.processor(grade);
        }
    } catch (const Error& e) {
        QMessageBox box(QMessageBox::Warning, tr("Settings"),
                        tr("The colour settings cannot be used."), QMessageBox::Ok, this);
        box.setInformativeText(e.message());
        box.exec();
        return false;
    }
    const QString certificate = certificate_->text().trimmed();
    const QString key = key_->text().trimmed();
    try {
        // Both or neither; a pair the library refuses is said now, not at export.
        if (certificate.isEmpty() != key.isEmpty())
            throw Error(ErrorKind::Usage, tr("Give both the signing certificate and its key, or "
                                             "neither."));
        if (!certificate.isEmpty())
            checkSigner(CredentialSigner{certificate, key, QString()});
    } catch (const Error& e) {
        QMessageBox box(QMessageBox::Warning, tr("Settings"),
                        tr("The signing certificate cannot be used."), QMessageBox::Ok, this);
        box.setInformativeText(e.message());
        box.exec();
        return false;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("color/ocioConfig"), config);
    settings.setValue(QStringLiteral("color/look"), look);
    settings.setValue(QStringLiteral("regen/defaultEngine"), engine_->currentData());
    settings.setValue(QStringLiteral("regen/device"), device_->currentData());
    settings.setValue(QStringLiteral("cache/sizeMB"), cache_->value());
    settings.setValue(QStringLiteral("proxies/size"), proxies_->currentData());
    settings.setValue(QStringLiteral("user/name"), userName_->text().trimmed());
    settings.setValue(QStringLiteral("credentials/certificate"), certificate);
    settings.setValue(QStringLiteral("credentials/key"), key);
    return true;
}

void SettingsDialog::accept() {
    if (apply())
        QDialog::accept();
}

} // namespace retake::gui
