#pragma once

// A user's model file checked before it is used: what it is, what it
// accepts, a trial run, and its SHA-256 (shown with the choice, recorded
// with every take and depth export that uses it). The CLI's `model check`
// and the GUI's Check buttons both ask this.

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace retake {

struct ModelFileCheck {
    QString file;
    QString sha256;
    QString kind;        // "TorchScript" or "AOTInductor package"
    QString compiledFor; // "any device (TorchScript)", "cpu (AVX512 ...)", "cuda ..."
    QString role;        // "inpainting" or "depth"
    bool takesPrompt = false;
    QStringList inputs; // "frames [T 2 to 16, C 3, H 64, W 96] float32"
    QStringList outputs;
    QString device;     // where the trial ran
    QString trialShape; // "[2,3,64,96]"
    double secondsPerFrame = 0;
    QStringList notes;

    QStringList describe() const; // the lines `model check` prints
    QJsonObject toJson() const;
};

// role: "inpainting", "depth" or empty (the model's inputs decide); device:
// "cpu", "cuda", "cuda:N", "auto". Loads the generation library. Throws
// Error(BadInput) naming the file and the problem, Error(Usage) for a bad
// role or device.
ModelFileCheck checkModelFile(const QString& path, const QString& role, const QString& device);

} // namespace retake
