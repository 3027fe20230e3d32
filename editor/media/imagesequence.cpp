#include "media/imagesequence.h"

#include "core/error.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <map>

namespace retake {

QString SequenceScan::pattern() const {
    auto escape = [](QString s) { return s.replace(QLatin1Char('%'), QStringLiteral("%%")); };
    const QString number = padding > 0
                               ? QLatin1String("%0") + QString::number(padding) + QLatin1Char('d')
                               : QStringLiteral("%d");
    return escape(prefix) + number + escape(suffix);
}

QString SequenceScan::filePath(std::int64_t number) const {
    return QStringLiteral("%1/%2%3%4")
        .arg(directory, prefix)
        .arg(number, padding, 10, QLatin1Char('0'))
        .arg(suffix);
}

bool hasNumberedNeighbour(const QString& path) {
    const QFileInfo file(path);
    static const QRegularExpression numbered(
        QStringLiteral("^(.*?)(\\d+)(\\.\\w*[A-Za-z_]\\w*)?$"));
    const QRegularExpressionMatch match = numbered.match(file.fileName());
    if (!match.hasMatch() || match.captured(2).size() > 18)
        return false;
    const QString digits = match.captured(2);
    const std::int64_t number = digits.toLongLong();
    const bool padded = digits.size() > 1 && digits.front() == QLatin1Char('0');
    for (const std::int64_t neighbour : {number - 1, number + 1}) {
        if (neighbour < 0)
            continue;
        const QString middle =
            padded ? QStringLiteral("%1").arg(neighbour, int(digits.size()), 10, QLatin1Char('0'))
                   : QString::number(neighbour);
        if (QFileInfo::exists(file.dir().filePath(match.captured(1) + middle + match.captured(3))))
            return true;
    }
    return false;
}

std::optional<SequenceScan> scanSequence(const QString& path) {
    const QFileInfo file(path);
    // The number is the last run of digits before the extension, as in
    // render0001.exr, shot_0007.png, frame.0001.tif.
    static const QRegularExpression numbered(
        QStringLiteral("^(.*?)(\\d+)(\\.\\w*[A-Za-z_]\\w*)?$"));
    const QRegularExpressionMatch match = numbered.match(file.fileName());
    if (!match.hasMatch())
        return std::nullopt;

    SequenceScan scan;
    scan.directory = file.absolutePath();
    scan.prefix = match.captured(1);
    scan.suffix = match.captured(3);
    const QString digits = match.captured(2);
    if (digits.size() > 18)
        return std::nullopt;

    // Padded names have one width; unpadded ones (1, 2, ..., 10) grow. A name
    // without a leading zero only says "unpadded" when files of other widths
    // exist.
    std::map<int, std::vector<std::int64_t>> byWidth; // unpadded-looking numbers
    std::vector<std::int64_t> sameWidth;
    const QStringList names = QDir(scan.directory).entryList(QDir::Files | QDir::Hidden);
    for (const QString& name : names) {
        if (!name.startsWith(scan.prefix) || !name.endsWith(scan.suffix) ||
            name.size() <= scan.prefix.size() + scan.suffix.size())
            continue;
        const QStringView middle = QStringView(name).mid(
            scan.prefix.size(), name.size() - scan.prefix.size() - scan.suffix.size());
        if (middle.size() > 18 || !std::all_of(middle.begin(), middle.end(), [](QChar c) {
                return c.isDigit() && c.unicode() < 128;
            }))
            continue;
        const std::int64_t number = middle.toLongLong();
        if (middle.size() == digits.size())
            sameWidth.push_back(number);
        if (middle.size() == 1 || middle.front() != QLatin1Char('0'))
            byWidth[int(middle.size())].push_back(number);
    }
    std::vector<std::int64_t> numbers;
    const bool givenUnpadded = digits.size() == 1 || digits.front() != QLatin1Char('0');
    if (givenUnpadded && byWidth.size() > 1) {
        scan.padding = 0;
        for (const auto& [width, list] : byWidth)
            numbers.insert(numbers.end(), list.begin(), list.end());
    } else {
        scan.padding = int(digits.size());
        numbers = sameWidth;
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    if (numbers.empty()) // the file itself vanished between calls
        numbers.push_back(digits.toLongLong());
    scan.first = numbers.front();
    scan.last = numbers.back();

    const std::int64_t missing = scan.count() - std::int64_t(numbers.size());
    if (missing > 0) {
        QStringList listed;
        for (std::size_t i = 1; i < numbers.size() && listed.size() < 10; ++i)
            for (std::int64_t n = numbers[i - 1] + 1; n < numbers[i] && listed.size() < 10; ++n)
                listed << QString::number(n);
        QString text = listed.join(QStringLiteral(", "));
        if (missing > listed.size())
            text += QStringLiteral(" and %1 more").arg(missing - listed.size());
        throwBadInput(QDir(scan.directory).filePath(scan.pattern()),
                      QStringLiteral("image sequence has a gap: missing %1 (files %2 to %3 "
                                     "expected)")
                          .arg(text)
                          .arg(scan.first)
                          .arg(scan.last));
    }
    return scan;
}

namespace {

class SequenceReader final : public MediaReader {
public:
    SequenceReader(const SequenceScan& scan, ImageDecodeFunction decode)
        : scan_(scan)
        , decode_(std::move(decode)) {
        decode_(scan_.filePath(scan_.first), &info_);
        info_.kind = MediaKind::ImageSequence;
        info_.frameCount = scan_.count();
        info_.sequencePattern = scan_.pattern();
        info_.firstFileNumber = scan_.first;
    }

    const MediaInfo& info() const override { return info_; }

    Image readFrame(FrameNumber n) override {
        if (n < 0 || n >= info_.frameCount)
            throw Error(ErrorKind::Usage,
                        QStringLiteral("%1: frame %2 is outside the sequence (0 to %3)")
                            .arg(QDir(scan_.directory).filePath(info_.sequencePattern))
                            .arg(n)
                            .arg(info_.frameCount - 1));
        const QString path = scan_.filePath(scan_.first + n);
        Image image = decode_(path, nullptr);
        // Every frame must look like the first, or an edit would jump.
        if (image.width != info_.width || image.height != info_.height ||
            image.channels != info_.channels || image.type != info_.sampleType)
            throwBadInput(path, QStringLiteral("is %1x%2 with %3 channels, unlike the sequence's "
                                               "first file (%4x%5, %6 channels)")
                                    .arg(image.width)
                                    .arg(image.height)
                                    .arg(image.channels)
                                    .arg(info_.width)
                                    .arg(info_.height)
                                    .arg(info_.channels));
        if (info_.hasDepth && image.depth.empty())
            throwBadInput(path, QStringLiteral("has no depth channel, unlike the sequence's "
                                               "first file"));
        return image;
    }

private:
    SequenceScan scan_;
    ImageDecodeFunction decode_;
    MediaInfo info_;
};

class StillReader final : public MediaReader {
public:
    StillReader(const QString& path, const ImageDecodeFunction& decode) {
        image_ = decode(path, &info_);
        info_.kind = MediaKind::Still;
        info_.frameCount = 1;
    }

    const MediaInfo& info() const override { return info_; }

    Image readFrame(FrameNumber n) override {
        if (n != 0)
            throw Error(ErrorKind::Usage, QStringLiteral("%1: a still image has only frame 0, "
                                                         "not %2")
                                              .arg(info_.path)
                                              .arg(n));
        return image_;
    }

private:
    MediaInfo info_;
    Image image_;
};

} // namespace

std::unique_ptr<MediaReader> openImageSequence(const SequenceScan& scan,
                                               ImageDecodeFunction decode) {
    return std::make_unique<SequenceReader>(scan, std::move(decode));
}

std::unique_ptr<MediaReader> openStill(const QString& path, ImageDecodeFunction decode) {
    return std::make_unique<StillReader>(path, decode);
}

} // namespace retake
