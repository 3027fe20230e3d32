#pragma once

// Preferences kept in QSettings: the OCIO config and look the viewer uses
// (display and view are picked in the viewer itself), the default
// regeneration engine and device, the viewer's frame cache size and its
// proxies. Keys: color/ocioConfig, color/look, regen/defaultEngine,
// regen/device, cache/sizeMB, proxies/size (off, half, quarter),
// user/name (who the credit map and Content Credentials name; core/username.h),
// credentials/certificate and credentials/key (the files' paths, never their
// contents: exports sign with them, export/exporter.h).

#include "c2pa/contentcredentials.h"
#include "proxy/proxies.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace retake::gui {

// The viewer's proxy size the user chose (default half); nullopt = off.
std::optional<ProxySize> proxySizeSetting();
// The signing certificate and key chosen in Settings; nullopt when either
// is not set.
std::optional<CredentialSigner> credentialSignerSetting();

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    QLineEdit* ocioConfigEdit() const { return config_; }
    QLineEdit* lookEdit() const { return look_; }
    QComboBox* engineCombo() const { return engine_; }
    QComboBox* deviceCombo() const { return device_; }
    QSpinBox* cacheSpin() const { return cache_; }
    QComboBox* proxyCombo() const { return proxies_; }
    QLineEdit* certificateEdit() const { return certificate_; }
    QLineEdit* keyEdit() const { return key_; }
    QLineEdit* userNameEdit() const { return userName_; }

    // Checks the config and look load, then saves; on a problem shows it
    // (naming the file) and returns false, saving nothing.
    bool apply();
    void accept() override;

private:
    QLineEdit* config_;
    QLineEdit* look_;
    QComboBox* engine_;
    QComboBox* device_;
    QSpinBox* cache_;
    QComboBox* proxies_;
    QLineEdit* certificate_;
    QLineEdit* key_;
    QLineEdit* userName_;
};

} // namespace retake::gui
