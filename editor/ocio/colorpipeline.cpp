#include "ocio/colorpipeline.h"

#include "core/atomicfile.h"
#include "core/error.h"
#include "core/translate.h"

#include <OpenColorIO/OpenColorIO.h>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

namespace OCIO = OCIO_NAMESPACE;

// Qt resources in a static library must be registered by name once.
static void initBundledResource() {
    Q_INIT_RESOURCE(ocio_config);
}

namespace retake {

namespace {

QString fromOcio(const char* s) {
    return QString::fromUtf8(s ? s : "");
}

const QString kBundledPath = QStringLiteral(":/retake/ocio/config.ocio");

} // namespace

struct ColorPipeline::Impl {
    OCIO::ConstConfigRcPtr config;
    QString path;
    QString label; // how messages name the config
};

struct ColorProcessor::Impl {
    OCIO::ConstProcessorRcPtr processor;
    // Always float in and out: OCIO 2.1's integer-input CPU paths
    // approximate (its 8-bit path is off by up to 110 code values on the
    // ACES output transform against its own float path and ocioconvert), so
    // Retake converts integer samples itself.
    OCIO::ConstCPUProcessorRcPtr cpu;
    // 16 bits in and out, packed, for frames graded in place (the movie
    // export): OCIO converts the samples in its own vectorised loops, with no
    // float copy of the frame. Its integer paths may fold separable steps
    // into lookups and approximate, so this one is used only when it agrees
    // with the float path above on a probe lattice to within
    // kMaxUInt16Error (measured 0 on LUT, log and ACES display transforms).
    // Built on first use.
    mutable std::once_flag uint16Once;
    mutable OCIO::ConstCPUProcessorRcPtr uint16Cpu; // null = use the float path
    mutable int uint16Error = -1;
};

namespace {

// 1/8 of a 10-bit code value, 1/2 of a 14-bit one: invisible in any codec
// Retake encodes, and far inside the one-code-value match with ocioconvert
// and ffmpeg's lut3d the tests require.
constexpr int kMaxUInt16Error = 8;

} // namespace

bool CdlGrade::isIdentity() const {
    return slope == std::array<double, 3>{1, 1, 1} && offset == std::array<double, 3>{0, 0, 0} &&
           power == std::array<double, 3>{1, 1, 1} && saturation == 1.0;
}

namespace {

OCIO::CDLTransformRcPtr toOcio(const CdlGrade& grade) {
    auto cdl = OCIO::CDLTransform::Create();
    cdl->setSlope(grade.slope.data());
    cdl->setOffset(grade.offset.data());
    cdl->setPower(grade.power.data());
    cdl->setSat(grade.saturation);
    if (!grade.id.isEmpty())
        cdl->setID(grade.id.toUtf8().constData());
    return cdl;
}

// Throws when a FileTransform inside `transform` names a file the config's
// search path cannot find, so a broken studio config is reported when it is
// loaded rather than halfway through an export.
void checkFiles(const OCIO::Config& config, const OCIO::ConstTransformRcPtr& transform,
                const QString& configPath, const QString& owner) {
    if (!transform)
        return;
    if (auto group = OCIO::DynamicPtrCast<const OCIO::GroupTransform>(transform)) {
        for (int i = 0; i < group->getNumTransforms(); ++i)
            checkFiles(config, group->getTransform(i), configPath, owner);
        return;
    }
    auto file = OCIO::DynamicPtrCast<const OCIO::FileTransform>(transform);
    if (!file || QString::fromUtf8(file->getSrc()).contains(QLatin1Char('$')))
        return; // context variables resolve per shot, not at load time
    try {
        config.getCurrentContext()->resolveFileLocation(file->getSrc());
    } catch (const OCIO::Exception&) {
        throwBadInput(configPath,
                      tr("%1 uses the file \"%2\", which is missing (search path: %3)")
                          .arg(owner, fromOcio(file->getSrc()), fromOcio(config.getSearchPath())));
    }
}

void checkConfigFiles(const OCIO::Config& config, const QString& path) {
    for (int i = 0;
         i < config.getNumColorSpaces(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ALL);
         ++i) {
        const char* name = config.getColorSpaceNameByIndex(OCIO::SEARCH_REFERENCE_SPACE_ALL,
                                                           OCIO::COLORSPACE_ALL, i);
        auto cs = config.getColorSpace(name);
        const QString owner = tr("colour space \"%1\"").arg(fromOcio(name));
        for (auto dir : {OCIO::COLORSPACE_DIR_TO_REFERENCE, OCIO::COLORSPACE_DIR_FROM_REFERENCE})
            checkFiles(config, cs->getTransform(dir), path, owner);
    }
    for (int i = 0; i < config.getNumLooks(); ++i) {
        auto look = config.getLook(config.getLookNameByIndex(i));
        const QString owner = tr("look \"%1\"").arg(fromOcio(look->getName()));
        checkFiles(config, look->getTransform(), path, owner);
        checkFiles(config, look->getInverseTransform(), path, owner);
    }
    for (int i = 0; i < config.getNumViewTransforms(); ++i) {
        auto vt = config.getViewTransform(config.getViewTransformNameByIndex(i));
        const QString owner = tr("view transform \"%1\"").arg(fromOcio(vt->getName()));
        for (auto dir :
             {OCIO::VIEWTRANSFORM_DIR_TO_REFERENCE, OCIO::VIEWTRANSFORM_DIR_FROM_REFERENCE})
            checkFiles(config, vt->getTransform(dir), path, owner);
    }
}

} // namespace

CdlGrade readCdl(const QString& path, const QString& id) {
    const QFileInfo info(path);
    if (!info.isFile())
        throwBadInput(path, tr("no such CDL file"));
    CdlGrade grade;
    try {
        auto cdl = OCIO::CDLTransform::CreateFromFile(
            QFile::encodeName(info.absoluteFilePath()).constData(), id.toUtf8().constData());
        cdl->getSlope(grade.slope.data());
        cdl->getOffset(grade.offset.data());
        cdl->getPower(grade.power.data());
        grade.saturation = cdl->getSat();
        grade.id = fromOcio(cdl->getID());
    } catch (const OCIO::Exception& e) {
        throwBadInput(path, tr("not a CDL OpenColorIO can read: %1").arg(fromOcio(e.what())));
    }
    return grade;
}

void writeCdl(const QString& path, const CdlGrade& grade) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const char* format = suffix == QLatin1String("cc")    ? "ColorCorrection"
                         : suffix == QLatin1String("cdl") ? "ColorDecisionList"
                         : suffix == QLatin1String("ccc") ? "ColorCorrectionCollection"
                                                          : nullptr;
    if (!format)
        throw Error(ErrorKind::Usage, tr("%1: a CDL file ends in .cc, .cdl or .ccc").arg(path));
    std::ostringstream xml;
    try {
        auto group = OCIO::GroupTransform::Create();
        group->appendTransform(toOcio(grade));
        group->write(OCIO::Config::CreateRaw(), format, xml);
    } catch (const OCIO::Exception& e) {
        throwOutputError(path, tr("cannot write the CDL: %1").arg(fromOcio(e.what())));
    }
    const std::string text = xml.str();
    writeFileAtomically(path, QByteArray(text.data(), qsizetype(text.size())));
}

ColorPipeline::ColorPipeline(std::shared_ptr<const Impl> impl)
    : d_(std::move(impl)) {}

ColorPipeline ColorPipeline::bundled() {
    // Parsed once: the bundled config never changes while Retake runs.
    static const std::shared_ptr<const Impl> impl = [] {
        initBundledResource();
        QFile file(kBundledPath);
        if (!file.open(QIODevice::ReadOnly))
            throw Error(ErrorKind::Internal,
                        tr("The bundled OCIO config is missing from the build."));
        std::istringstream stream(file.readAll().toStdString());
        auto result = std::make_shared<Impl>();
        try {
            result->config = OCIO::Config::CreateFromStream(stream);
            result->config->validate();
        } catch (const OCIO::Exception& e) {
            throw Error(ErrorKind::Internal,
                        tr("The bundled OCIO config is broken: %1").arg(fromOcio(e.what())));
        }
        result->path = kBundledPath;
        result->label = tr("Retake's bundled OCIO config");
        return std::shared_ptr<const Impl>(result);
    }();
    return ColorPipeline(impl);
}

ColorPipeline ColorPipeline::fromFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.isFile())
        throwBadInput(path, tr("no such OCIO config file"));
    auto result = std::make_shared<Impl>();
    result->path = info.absoluteFilePath();
    // OCIO remembers which files it found or missed; a config loaded again
    // after its LUTs were fixed must look again.
    OCIO::ClearAllCaches();
    try {
        result->config = OCIO::Config::CreateFromFile(QFile::encodeName(result->path).constData());
        result->config->validate();
    } catch (const OCIO::Exception& e) {
        throwBadInput(path, tr("not a usable OCIO config: %1").arg(fromOcio(e.what())));
    }
    checkConfigFiles(*result->config, path);
    result->label = tr("the OCIO config %1").arg(result->path);
    return ColorPipeline(result);
}

ColorPipeline ColorPipeline::load(const QString& path) {
    return path.isEmpty() ? bundled() : fromFile(path);
}

QString ColorPipeline::configPath() const {
    return d_->path;
}

QString ColorPipeline::configName() const {
    return fromOcio(d_->config->getName());
}

QStringList ColorPipeline::colorSpaces() const {
    QStringList names;
    const auto& c = *d_->config;
    for (int i = 0;
         i < c.getNumColorSpaces(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ACTIVE); ++i)
        names << fromOcio(c.getColorSpaceNameByIndex(OCIO::SEARCH_REFERENCE_SPACE_ALL,
                                                     OCIO::COLORSPACE_ACTIVE, i));
    return names;
}

QStringList ColorPipeline::roles() const {
    QStringList names;
    for (int i = 0; i < d_->config->getNumRoles(); ++i)
        names << fromOcio(d_->config->getRoleName(i));
    return names;
}

QStringList ColorPipeline::displays() const {
    QStringList names;
    for (int i = 0; i < d_->config->getNumDisplays(); ++i)
        names << fromOcio(d_->config->getDisplay(i));
    return names;
}

QStringList ColorPipeline::views(const QString& display) const {
    QStringList names;
    const QByteArray d = display.toUtf8();
    for (int i = 0; i < d_->config->getNumViews(d.constData()); ++i)
        names << fromOcio(d_->config->getView(d.constData(), i));
    return names;
}

QString ColorPipeline::defaultDisplay() const {
    return fromOcio(d_->config->getDefaultDisplay());
}

QString ColorPipeline::defaultView(const QString& display) const {
    return fromOcio(d_->config->getDefaultView(display.toUtf8().constData()));
}

bool ColorPipeline::hasColorSpace(const QString& nameAliasOrRole) const {
    return !nameAliasOrRole.isEmpty() &&
           d_->config->getColorSpace(nameAliasOrRole.toUtf8().constData()) != nullptr;
}

namespace {

int editDistance(const QString& a, const QString& b) {
    std::vector<int> previous(b.size() + 1), current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j)
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                                   previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(previous, current);
    }
    return previous[b.size()];
}

} // namespace

QStringList ColorPipeline::closeColorSpaces(const QString& name, int limit) const {
    const QString wanted = name.simplified().toLower();
    if (wanted.isEmpty())
        return {};
    QList<std::pair<int, QString>> scored;
    for (const QString& candidate : colorSpaces() + roles()) {
        const QString c = candidate.toLower();
        int score = editDistance(wanted, c);
        // "slog3" for "Sony S-Log3 - S-Gamut3", "acescg" for "ACEScg": a part
        // of the name counts as close whatever the rest.
        const QString bare = QString(c).remove(QRegularExpression(QStringLiteral("[^a-z0-9.]")));
        const QString wantedBare =
            QString(wanted).remove(QRegularExpression(QStringLiteral("[^a-z0-9.]")));
        if (wantedBare.size() >= 3 && bare.contains(wantedBare))
            score = std::min(score, 1);
        if (score <= std::max(2, int(wanted.size()) / 3))
            scored.append({score, candidate});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList close;
    for (const auto& [score, candidate] : scored)
        if (close.size() < limit && !close.contains(candidate))
            close << candidate;
    return close;
}

QString ColorPipeline::colorSpaceName(const QString& nameAliasOrRole) const {
    auto cs = d_->config->getColorSpace(nameAliasOrRole.toUtf8().constData());
    if (!cs) {
        const QStringList close = closeColorSpaces(nameAliasOrRole);
        if (!close.isEmpty())
            throw Error(ErrorKind::Usage,
                        tr("Unknown colour space \"%1\" in %2. Did you mean: %3? Known: %4.")
                            .arg(nameAliasOrRole, d_->label,
                                 QStringLiteral("\"%1\"").arg(close.join(QStringLiteral("\", \""))),
                                 colorSpaces().join(QStringLiteral(", "))));
        throw Error(ErrorKind::Usage,
                    tr("Unknown colour space \"%1\" in %2. Known: %3.")
                        .arg(nameAliasOrRole, d_->label, colorSpaces().join(QStringLiteral(", "))));
    }
    return fromOcio(cs->getName());
}

QString ColorPipeline::inputSpaceFor(const QString& mediaPath, const ColorTags& tags) const {
    const bool rec709Primaries =
        tags.primaries == QLatin1String("bt709") || tags.primaries == QLatin1String("unspecified");
    QString fromTags;
    if (rec709Primaries) {
        if (tags.transfer == QLatin1String("linear"))
            fromTags = QStringLiteral("Linear Rec.709 (sRGB)");
        else if (tags.transfer == QLatin1String("iec61966-2-1"))
            fromTags = QStringLiteral("sRGB - Texture");
        else if (tags.transfer == QLatin1String("bt709") ||
                 tags.transfer == QLatin1String("smpte170m") ||
                 tags.transfer == QLatin1String("bt2020-10") ||
                 tags.transfer == QLatin1String("bt2020-12"))
            fromTags = QStringLiteral("Rec.709 - Camera");
    }
    if (hasColorSpace(fromTags))
        return colorSpaceName(fromTags);
    // File rules are the config author's say: a studio config may map
    // "*_logc.mov" to ARRI LogC, ours maps EXR to linear.
    // Rules may name a role ("default"); callers get the colour space.
    return colorSpaceName(
        fromOcio(d_->config->getColorSpaceFromFilepath(QFile::encodeName(mediaPath).constData())));
}

ColorTags ColorPipeline::tagsFor(const ColorGrade& grade) const {
    QString space;
    if (!grade.display.isEmpty()) {
        space = fromOcio(d_->config->getDisplayViewColorSpaceName(
            grade.display.toUtf8().constData(), grade.view.toUtf8().constData()));
        if (space.isEmpty() || space == QLatin1String("<USE_DISPLAY_NAME>"))
            space = grade.display;
    } else {
        space = grade.outputSpace.isEmpty() ? grade.inputSpace : grade.outputSpace;
        if (hasColorSpace(space))
            space = colorSpaceName(space);
    }
    // Names (and aliases) of the ACES studio configs and ours follow one
    // convention; spaces it does not cover get no claim at all.
    const QString n = space.toLower();
    ColorTags tags;
    const bool linear = n.contains(QLatin1String("linear")) || n.startsWith(QLatin1String("lin_"));
    const bool pq = n.contains(QLatin1String("pq")) || n.contains(QLatin1String("2084"));
    const bool hlg = n.contains(QLatin1String("hlg"));
    if (n.contains(QLatin1String("2100")) || n.contains(QLatin1String("2020"))) {
        tags.primaries = QStringLiteral("bt2020");
        tags.matrix = QStringLiteral("bt2020nc");
        tags.transfer = linear ? QStringLiteral("linear")
                        : pq   ? QStringLiteral("smpte2084")
                        : hlg  ? QStringLiteral("arib-std-b67")
                               : QStringLiteral("bt2020-10");
    } else if (n.contains(QLatin1String("srgb")) || n.contains(QLatin1String("709"))) {
        tags.primaries = QStringLiteral("bt709");
        tags.matrix = QStringLiteral("bt709");
        tags.transfer = linear                              ? QStringLiteral("linear")
                        : n.contains(QLatin1String("srgb")) ? QStringLiteral("iec61966-2-1")
                                                            : QStringLiteral("bt709");
    }
    return tags;
}

ColorProcessor ColorPipeline::processor(const ColorGrade& grade) const {
    const auto& config = d_->config;
    if (grade.inputSpace.isEmpty())
        throw Error(ErrorKind::Usage, tr("A colour grade needs an input colour space."));
    const QString input = colorSpaceName(grade.inputSpace);
    const QString working =
        grade.workingSpace.isEmpty() ? input : colorSpaceName(grade.workingSpace);
    QStringList steps{input};
    auto group = OCIO::GroupTransform::Create();
    auto convert = [&](const QString& from, const QString& to) {
        if (from == to)
            return;
        auto t = OCIO::ColorSpaceTransform::Create();
        t->setSrc(from.toUtf8().constData());
        t->setDst(to.toUtf8().constData());
        group->appendTransform(t);
        steps << to;
    };
    convert(input, working);
    if (grade.cdl) {
        group->appendTransform(toOcio(*grade.cdl));
        steps << (grade.cdl->id.isEmpty() ? QStringLiteral("CDL")
                                          : QStringLiteral("CDL %1").arg(grade.cdl->id));
    }
    if (!grade.lutPath.isEmpty()) {
        const QFileInfo lut(grade.lutPath);
        if (!lut.isFile())
            throwBadInput(grade.lutPath, tr("no such LUT file"));
        auto file = OCIO::FileTransform::Create();
        file->setSrc(QFile::encodeName(lut.absoluteFilePath()).constData());
        // Tetrahedral for 3D LUTs: the most accurate, and what ffmpeg's lut3d
        // and most finishing tools use by default.
        file->setInterpolation(OCIO::INTERP_BEST);
        // OCIO caches parsed LUTs by path; a LUT edited since the last export
        // must be read again.
        OCIO::ClearAllCaches();
        try {
            config->getProcessor(file); // parse now, so errors name the LUT
        } catch (const OCIO::Exception& e) {
            throwBadInput(grade.lutPath,
                          tr("not a LUT OpenColorIO can read: %1").arg(fromOcio(e.what())));
        }
        group->appendTransform(file);
        steps << lut.fileName();
    }
    if (!grade.display.isEmpty()) {
        if (!displays().contains(grade.display))
            throw Error(ErrorKind::Usage,
                        tr("Unknown display \"%1\" in %2. Known: %3.")
                            .arg(grade.display, d_->label, displays().join(QStringLiteral(", "))));
        const QString view = grade.view.isEmpty() ? defaultView(grade.display) : grade.view;
        if (!views(grade.display).contains(view))
            throw Error(
                ErrorKind::Usage,
                tr("Display \"%1\" has no view \"%2\". Known: %3.")
                    .arg(grade.display, view, views(grade.display).join(QStringLiteral(", "))));
        auto dv = OCIO::DisplayViewTransform::Create();
        dv->setSrc(working.toUtf8().constData());
        dv->setDisplay(grade.display.toUtf8().constData());
        dv->setView(view.toUtf8().constData());
        group->appendTransform(dv);
        steps << QStringLiteral("%1 / %2").arg(grade.display, view);
    } else {
        convert(working, grade.outputSpace.isEmpty() ? input : colorSpaceName(grade.outputSpace));
    }

    ColorProcessor result;
    auto impl = std::make_shared<ColorProcessor::Impl>();
    try {
        impl->processor = config->getProcessor(group);
        impl->cpu = impl->processor->getDefaultCPUProcessor();
    } catch (const OCIO::Exception& e) {
        throw Error(ErrorKind::BadInput,
                    tr("%1: cannot build the colour transform %2: %3")
                        .arg(d_->label, steps.join(QStringLiteral(" -> ")), fromOcio(e.what())));
    }
    result.d_ = impl;
    result.description_ = steps.join(QStringLiteral(" -> "));
    return result;
}

bool ColorProcessor::isNoOp() const {
    return !d_ || d_->processor->isNoOp();
}

namespace {

void toFloat(const Image& image, std::size_t first, std::size_t count, float* out) {
    if (image.type == SampleType::Float32) {
        std::copy_n(image.samples<float>() + first, count, out);
    } else if (image.type == SampleType::UInt16) {
        const std::uint16_t* in = image.samples<std::uint16_t>() + first;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = in[i] * (1.0f / 65535.0f);
    } else {
        const std::uint8_t* in = image.samples<std::uint8_t>() + first;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = in[i] * (1.0f / 255.0f);
    }
}

// Clamped and rounded; NaN (a broken LUT) becomes 0 rather than undefined.
float unit(float v) {
    return v > 0.0f ? std::min(v, 1.0f) : 0.0f;
}

void fromFloat(const float* in, std::size_t count, Image& image, std::size_t first) {
    if (image.type == SampleType::Float32) {
        std::copy_n(in, count, image.samples<float>() + first);
    } else if (image.type == SampleType::UInt16) {
        std::uint16_t* out = image.samples<std::uint16_t>() + first;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::uint16_t(unit(in[i]) * 65535.0f + 0.5f);
    } else {
        std::uint8_t* out = image.samples<std::uint8_t>() + first;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::uint8_t(unit(in[i]) * 255.0f + 0.5f);
    }
}

} // namespace

namespace {

// Rows [0, height) split across the cores; run(firstRow, rows).
template <class Run> void forRowBlocks(int height, const Run& run) {
    const int threads =
        std::clamp(int(std::thread::hardware_concurrency()), 1, std::max(1, height / 64));
    if (threads == 1) {
        run(0, height);
        return;
    }
    std::vector<std::thread> workers;
    const int chunk = (height + threads - 1) / threads;
    for (int t = 1; t < threads; ++t) {
        const int first = t * chunk;
        if (first < height)
            workers.emplace_back(run, first, std::min(chunk, height - first));
    }
    run(0, std::min(chunk, height));
    for (auto& w : workers)
        w.join();
}

// The float path on packed samples of any type, block by block through a
// small per-thread buffer; `in` and `out` may be the same image.
void applyFloat(const OCIO::ConstCPUProcessorRcPtr& cpu, const Image& in, Image& out, int firstRow,
                int rows) {
    const auto ordering =
        in.channels == 4 ? OCIO::CHANNEL_ORDERING_RGBA : OCIO::CHANNEL_ORDERING_RGB;
    const std::size_t rowSamples = std::size_t(in.width) * in.channels;
    const int block = std::max(1, 16384 / int(rowSamples) + 1);
    thread_local std::vector<float> buffer;
    buffer.resize(rowSamples * std::size_t(std::min(block, rows)));
    for (int row = firstRow; row < firstRow + rows; row += block) {
        const int n = std::min(block, firstRow + rows - row);
        const std::size_t first = std::size_t(row) * rowSamples, count = n * rowSamples;
        toFloat(in, first, count, buffer.data());
        if (cpu) {
            OCIO::PackedImageDesc desc(buffer.data(), in.width, n, ordering);
            cpu->apply(desc);
        }
        fromFloat(buffer.data(), count, out, first);
    }
}

void applyPacked16(const OCIO::ConstCPUProcessorRcPtr& cpu, Image& image, int firstRow, int rows) {
    const auto ordering =
        image.channels == 4 ? OCIO::CHANNEL_ORDERING_RGBA : OCIO::CHANNEL_ORDERING_RGB;
    const std::ptrdiff_t pixel = std::ptrdiff_t(image.channels) * 2;
    OCIO::PackedImageDesc desc(image.pixels.data() + std::ptrdiff_t(firstRow) * image.width * pixel,
                               image.width, rows, ordering, OCIO::BIT_DEPTH_UINT16, 2, pixel,
                               pixel * image.width);
    cpu->apply(desc);
}

// The largest difference, in 16-bit code values, between OCIO's 16-bit
// path and the float path, over a lattice of the RGB cube (with its
// corners and values near the ends, where clamping and curves bend).
int measureUint16PathError(const OCIO::ConstCPUProcessorRcPtr& floatCpu,
                           const OCIO::ConstCPUProcessorRcPtr& uint16Cpu) {
    const std::uint16_t levels[] = {0,     1,     64,    512,   2048,  4096,  8192,  12000,
                                    16384, 20000, 24576, 28000, 32768, 36000, 40960, 45000,
                                    49152, 53000, 57344, 61000, 65024, 65471, 65534, 65535};
    constexpr int n = int(sizeof(levels) / sizeof(levels[0]));
    Image probe(n * n, n, 3, SampleType::UInt16);
    std::uint16_t* p = probe.samples<std::uint16_t>();
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r, p += 3) {
                p[0] = levels[r];
                p[1] = levels[g];
                p[2] = levels[b];
            }
    Image viaFloat(probe.width, probe.height, 3, SampleType::UInt16);
    applyFloat(floatCpu, probe, viaFloat, 0, probe.height);
    applyPacked16(uint16Cpu, probe, 0, probe.height);
    int worst = 0;
    for (std::size_t i = 0; i < probe.sampleCount(); ++i)
        worst = std::max(worst, std::abs(int(probe.samples<std::uint16_t>()[i]) -
                                         int(viaFloat.samples<std::uint16_t>()[i])));
    return worst;
}

} // namespace

int ColorProcessor::uint16PathError() const {
    if (!d_)
        return 0;
    std::call_once(d_->uint16Once, [impl = d_.get()] {
        try {
            auto cpu = impl->processor->getOptimizedCPUProcessor(
                OCIO::BIT_DEPTH_UINT16, OCIO::BIT_DEPTH_UINT16, OCIO::OPTIMIZATION_DEFAULT);
            impl->uint16Error = measureUint16PathError(impl->cpu, cpu);
            if (impl->uint16Error <= kMaxUInt16Error)
                impl->uint16Cpu = cpu;
        } catch (const OCIO::Exception&) {
            impl->uint16Error = 65535; // no such path: the float one serves
        }
    });
    return d_->uint16Error;
}

Image ColorProcessor::apply(Image&& image, SampleType outType) const {
    if (outType != image.type || image.isNull() || (image.channels != 3 && image.channels != 4))
        return apply(static_cast<const Image&>(image), outType);
    if (!d_ || d_->processor->isNoOp())
        return std::move(image);
    if (image.type == SampleType::UInt16)
        uint16PathError(); // decides, once, whether the 16-bit path is exact enough
    const bool packed16 = image.type == SampleType::UInt16 && d_->uint16Cpu != nullptr;
    forRowBlocks(image.height, [&](int firstRow, int rows) {
        if (packed16)
            applyPacked16(d_->uint16Cpu, image, firstRow, rows);
        else
            applyFloat(d_->cpu, image, image, firstRow, rows);
    });
    return std::move(image);
}

Image ColorProcessor::apply(const Image& image, SampleType outType) const {
    Image out(image.width, image.height, image.channels, outType);
    out.depth = image.depth;
    out.color = image.color;
    if (image.isNull())
        return out;
    if (image.channels != 3 && image.channels != 4)
        throw Error(
            ErrorKind::Internal,
            tr("Colour transforms need RGB or RGBA images, not %1 channels.").arg(image.channels));
    const OCIO::ConstCPUProcessorRcPtr cpu = d_ ? d_->cpu : nullptr;
    forRowBlocks(image.height,
                 [&](int firstRow, int rows) { applyFloat(cpu, image, out, firstRow, rows); });
    return out;
}

} // namespace retake
