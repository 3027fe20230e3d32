#include "media/mediasignature.h"

#include <QFile>
#include <QFileInfo>
#include <cstring>

namespace retake {

bool hasMediaSignature(const QByteArray& head, const QString& suffix) {
    const auto at = [&](int offset, const char* magic, int size) {
        return head.size() >= offset + size &&
               std::memcmp(head.constData() + offset, magic, std::size_t(size)) == 0;
    };
    // Pictures: PNG, JPEG (and MJPEG), TIFF, OpenEXR, DPX, BMP, GIF, WebP.
    if (at(0, "\x89PNG\r\n\x1a\n", 8) || at(0, "\xff\xd8\xff", 3) || at(0, "II*\0", 4) ||
        at(0, "MM\0*", 4) || at(0, "\x76\x2f\x31\x01", 4) || at(0, "SDPX", 4) || at(0, "XPDS", 4) ||
        at(0, "BM", 2) || at(0, "GIF8", 4))
        return true;
    // Movies: ISO BMFF boxes (MP4, MOV, M4V, 3GP), Matroska/WebM, RIFF (AVI,
    // WAV, WebP), MXF, MPEG program and transport streams, NUT, FLV, Ogg.
    for (const char* box : {"ftyp", "moov", "mdat", "free", "wide", "skip", "pnot"})
        if (at(4, box, 4))
            return true;
    if (at(0, "\x1a\x45\xdf\xa3", 4) || at(0, "RIFF", 4) || at(0, "\x06\x0e\x2b\x34", 4) ||
        at(0, "\x00\x00\x01\xba", 4) || at(0, "\x00\x00\x01\xb3", 4) ||
        (head.size() >= 1 && head[0] == '\x47' &&
         (suffix == QLatin1String("ts") || suffix == QLatin1String("mts") ||
          suffix == QLatin1String("m2ts"))) ||
        at(0, "nut/multimedia", 14) || at(0, "FLV", 3) || at(0, "OggS", 4))
        return true;
    // Sound: FLAC, MP3 (ID3 tag or frame sync), AAC ADTS, AIFF.
    if (at(0, "fLaC", 4) || at(0, "ID3", 3) || at(0, "FORM", 4) ||
        (head.size() >= 2 && uchar(head[0]) == 0xff && (uchar(head[1]) & 0xe0) == 0xe0))
        return true;
    // Targa has no signature; its name is all there is.
    return suffix == QLatin1String("tga");
}

bool fileHasMediaSignature(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return hasMediaSignature(file.read(kMediaSignatureBytes), QFileInfo(path).suffix().toLower());
}

} // namespace retake
