#include "ocio/colourpipeline.h"

#include "core/atomicfile.h"
#include "core/error.h"
#include "core/translate.h"
#include "ocio/ocioimpl.h"

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

QStringList cdlCorrectionIds(const QString& path) {
    const QFileInfo info(path);
    if (!info.isFile())
        throwBadInput(path, tr("no such CDL file"));
    QStringList ids;
    try {
        const auto group = OCIO::CDLTransform::CreateGroupFromFile(
            QFile::encodeName(info.absoluteFilePath()).constData());
        for (int i = 0; i < group->getNumTransforms(); ++i) {
            const auto cdl = OCIO::DynamicPtrCast<const OCIO::CDLTransform>(group->getTransform(i));
            const QString id = cdl ? fromOcio(cdl->getID()) : QString();
            ids << (id.isEmpty() ? QString::number(i) : id);
        }
    } catch (const OCIO::Exception& e) {
        throwBadInput(path, tr("not a CDL OpenColorIO can read: %1").arg(fromOcio(e.what())));
    }
    return ids;
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

ColourPipeline::ColourPipeline(std::shared_ptr<const Impl> impl)
    : d_(std::move(impl)) {}

ColourPipeline ColourPipeline::bundled() {
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
    return ColourPipeline(impl);
}

ColourPipeline ColourPipeline::fromFile(const QString& path) {
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
    return ColourPipeline(result);
}

ColourPipeline ColourPipeline::load(const QString& path) {
    return path.isEmpty() ? bundled() : fromFile(path);
}

QString ColourPipeline::configPath() const {
    return d_->path;
}

QString ColourPipeline::configName() const {
    return fromOcio(d_->config->getName());
}

QStringList ColourPipeline::colourSpaces() const {
    QStringList names;
    const auto& c = *d_->config;
    for (int i = 0;
         i < c.getNumColorSpaces(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ACTIVE); ++i)
        names << fromOcio(c.getColorSpaceNameByIndex(OCIO::SEARCH_REFERENCE_SPACE_ALL,
                                                     OCIO::COLORSPACE_ACTIVE, i));
    return names;
}

QStringList ColourPipeline::roles() const {
    QStringList names;
    for (int i = 0; i < d_->config->getNumRoles(); ++i)
        names << fromOcio(d_->config->getRoleName(i));
    return names;
}

QStringList ColourPipeline::displays() const {
    QStringList names;
    for (int i = 0; i < d_->config->getNumDisplays(); ++i)
        names << fromOcio(d_->config->getDisplay(i));
    return names;
}

QStringList ColourPipeline::views(const QString& display) const {
    QStringList names;
    const QByteArray d = display.toUtf8();
    for (int i = 0; i < d_->config->getNumViews(d.constData()); ++i)
        names << fromOcio(d_->config->getView(d.constData(), i));
    return names;
}

QString ColourPipeline::defaultDisplay() const {
    return fromOcio(d_->config->getDefaultDisplay());
}

QString ColourPipeline::defaultView(const QString& display) const {
    return fromOcio(d_->config->getDefaultView(display.toUtf8().constData()));
}

bool ColourPipeline::hasColourSpace(const QString& nameAliasOrRole) const {
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

QStringList ColourPipeline::closeColourSpaces(const QString& name, int limit) const {
    const QString wanted = name.simplified().toLower();
    if (wanted.isEmpty())
        return {};
    QList<std::pair<int, QString>> scored;
    for (const QString& candidate : colourSpaces() + roles()) {
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

QString ColourPipeline::colourSpaceName(const QString& nameAliasOrRole) const {
    auto cs = d_->config->getColorSpace(nameAliasOrRole.toUtf8().constData());
    if (!cs) {
        const QStringList close = closeColourSpaces(nameAliasOrRole);
        if (!close.isEmpty())
            throw Error(ErrorKind::Usage,
                        tr("Unknown colour space \"%1\" in %2. Did you mean: %3? Known: %4.")
                            .arg(nameAliasOrRole, d_->label,
                                 QStringLiteral("\"%1\"").arg(close.join(QStringLiteral("\", \""))),
                                 colourSpaces().join(QStringLiteral(", "))));
        throw Error(ErrorKind::Usage, tr("Unknown colour space \"%1\" in %2. Known: %3.")
                                          .arg(nameAliasOrRole, d_->label,
                                               colourSpaces().join(QStringLiteral(", "))));
    }
    return fromOcio(cs->getName());
}

QString ColourPipeline::inputSpaceFor(const QString& mediaPath, const ColourTags& tags) const {
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
    // Primaries an EXR's chromaticities named (openexr/exrfile.cpp): its
    // values are scene-linear in them.
    if (tags.primaries == QLatin1String("aces-ap0"))
        fromTags = QStringLiteral("ACES2065-1");
    else if (tags.primaries == QLatin1String("aces-ap1"))
        fromTags = QStringLiteral("ACEScg");
    else if (tags.primaries == QLatin1String("smpte428"))
        fromTags = QStringLiteral("CIE-XYZ-D65");
    if (hasColourSpace(fromTags))
        return colourSpaceName(fromTags);
    // File rules are the config author's say: a studio config may map
    // "*_logc.mov" to ARRI LogC, ours maps EXR to linear.
    // Rules may name a role ("default"); callers get the colour space.
    return colourSpaceName(
        fromOcio(d_->config->getColorSpaceFromFilepath(QFile::encodeName(mediaPath).constData())));
}

ColourTags ColourPipeline::tagsFor(const ColourGrade& grade) const {
    QString space;
    if (!grade.display.isEmpty()) {
        space = fromOcio(d_->config->getDisplayViewColorSpaceName(
            grade.display.toUtf8().constData(), grade.view.toUtf8().constData()));
        if (space.isEmpty() || space == QLatin1String("<USE_DISPLAY_NAME>"))
            space = grade.display;
    } else {
        space = grade.outputSpace.isEmpty() ? grade.inputSpace : grade.outputSpace;
        if (hasColourSpace(space))
            space = colourSpaceName(space);
    }
    // Names (and aliases) of the ACES studio configs and ours follow one
    // convention; spaces it does not cover get no claim at all.
    const QString n = space.toLower();
    ColourTags tags;
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

ColourProcessor ColourPipeline::processor(const ColourGrade& grade) const {
    const auto& config = d_->config;
    if (grade.inputSpace.isEmpty())
        throw Error(ErrorKind::Usage, tr("A colour grade needs an input colour space."));
    const QString input = colourSpaceName(grade.inputSpace);
    const QString working =
        grade.workingSpace.isEmpty() ? input : colourSpaceName(grade.workingSpace);
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
        convert(working, grade.outputSpace.isEmpty() ? input : colourSpaceName(grade.outputSpace));
    }

    ColourProcessor result;
    auto impl = std::make_shared<ColourProcessor::Impl>();
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

} // namespace retake
