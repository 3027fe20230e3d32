#pragma once

// What the farm tests share: the demo project (retake-cli demo), copies of
// it, a plan's JSON, folders compared file by file, and a movie's decoded
// frames and sound as MD5s (ffmpeg).

#include "clirun.h"
#include "filebytes.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace retake::testing {

// Copies a folder tree (a project with its cache).
inline bool copyTree(const QString& from, const QString& to) {
    QDir().mkpath(to);
    for (const QFileInfo& info :
         QDir(from).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = QDir(to).filePath(info.fileName());
        if (info.isDir() ? !copyTree(info.filePath(), target)
                         : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

inline QJsonObject readJson(const QString& path) {
    return QJsonDocument::fromJson(fileBytes(path)).object();
}

// Every file of `a` is in `b` with the same bytes, and `b` has no other;
// the first difference, or empty.
inline QString compareFolders(const QString& a, const QString& b,
                              const QStringList& ignoreNames = {}) {
    const QStringList namesA = QDir(a).entryList(QDir::Files, QDir::Name);
    const QStringList namesB = QDir(b).entryList(QDir::Files, QDir::Name);
    if (namesA != namesB)
        return QStringLiteral("%1 holds %2 files, %3 holds %4")
            .arg(a)
            .arg(namesA.size())
            .arg(b)
            .arg(namesB.size());
    if (namesA.isEmpty())
        return QStringLiteral("%1 is empty").arg(a);
    for (const QString& name : namesA)
        if (!ignoreNames.contains(name) &&
            fileBytes(QDir(a).filePath(name)) != fileBytes(QDir(b).filePath(name)))
            return QStringLiteral("%1 differs between %2 and %3").arg(name, a, b);
    return {};
}

// ffmpeg's MD5 of a movie's decoded video, and of its decoded sound.
inline QStringList decodedMd5(const QString& movie) {
    QStringList sums;
    for (const char* stream : {"0:v", "0:a"}) {
        const Run r = run(QStringLiteral("ffmpeg"),
                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                           movie, QStringLiteral("-map"), QString::fromLatin1(stream),
                           QStringLiteral("-f"), QStringLiteral("md5"), QStringLiteral("-")});
        sums << (r.ok() ? r.out.trimmed() : QStringLiteral("ffmpeg failed: ") + r.err);
    }
    return sums;
}

// The decoded frame count of a movie's video.
inline int decodedFrames(const QString& movie) {
    const Run r =
        run(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
             QStringLiteral("-select_streams"), QStringLiteral("v:0"),
             QStringLiteral("-show_entries"), QStringLiteral("stream=nb_read_frames"),
             QStringLiteral("-of"), QStringLiteral("csv=p=0"), movie});
    return r.ok() ? r.out.trimmed().toInt() : -1;
}

// A regeneration that the engine splits into 4 chunks on the demo's shot
// (frames 24-47 between its locks; 12-frame chunks sharing 4).
inline QStringList demoRegenArguments() {
    return {QStringLiteral("--shot"),  QStringLiteral("Field pan"),
            QStringLiteral("--range"), QStringLiteral("24-47"),
            QStringLiteral("--param"), QStringLiteral("chunk_frames=12"),
            QStringLiteral("--param"), QStringLiteral("chunk_overlap=4"),
            QStringLiteral("--seed"),  QStringLiteral("7")};
}

inline QString takeFolder(const QString& projectDir, const QString& takeId) {
    return QDir(projectDir).filePath(QStringLiteral("demo.retake-cache/takes/") + takeId);
}

} // namespace retake::testing
