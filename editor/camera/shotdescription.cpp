#include "camera/shotdescription.h"

#include "camera/motion.h"
#include "camera/shotdescriptiongrammar.h"
#include "core/error.h"
#include "core/translate.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <optional>

// The parser and the scene layout; the lexer and the vocabulary tables are in
// shotdescriptiongrammar.cpp.

namespace retake {

namespace {

using namespace shotdesc;

constexpr double kPi = 3.14159265358979323846;
constexpr int kMaxCount = 6;

[[noreturn]] void fail(const QString& message) {
    throw Error(ErrorKind::Usage, message);
}

[[noreturn]] void contradiction(const QString& a, const QString& b, const QString& what) {
    fail(
        tr("Contradictory terms in the shot description: \"%1\" and \"%2\" (%3).").arg(a, b, what));
}

// --- Parser ------------------------------------------------------------------

// A value set once; a second, different value is a contradiction.
template <class T> struct Slot {
    std::optional<T> value;
    QString words;
    void set(const T& v, const QString& by, const QString& what) {
        if (value && !(*value == v))
            contradiction(words, by, what);
        if (!value) {
            value = v;
            words = by;
        }
    }
};

struct ThingRequest {
    const ThingKind* kind;
    int count;
};

struct Parsed {
    Slot<int> size, timeOfDay, interior, moveKind, direction;
    Slot<double> focal, moveAmount;
    Slot<FrameNumber> duration;
    Slot<QString> handheld;
    QVector<ThingRequest> things;
};

class Parser {
public:
    Parser(QVector<Token>& tokens, const ShotDescriptionSettings& settings)
        : t_(tokens)
        , settings_(settings) {}

    Parsed run() {
        for (int i = 0; i < t_.size();) {
            const int n = step(i);
            i += std::max(n, 1);
        }
        return p_;
    }

private:
    QVector<Token>& t_;
    const ShotDescriptionSettings& settings_;
    Parsed p_;

    bool isWord(int i, const QString& w) const {
        return i < t_.size() && t_[i].kind == Token::Word && t_[i].word == w;
    }
    // Length of the longest phrase of `table` at i (0 = none); its value in *value.
    int match(int i, const QVector<Phrase>& table, int* value) const {
        int best = 0;
        for (const auto& ph : table) {
            const int n = int(ph.words.size());
            if (n <= best)
                continue;
            bool all = true;
            for (int k = 0; k < n && all; ++k)
                all = isWord(i + k, ph.words[k]);
            if (all) {
                best = n;
                *value = ph.value;
            }
        }
        return best;
    }
    QString text(int i, int n) {
        QStringList words;
        for (int k = i; k < i + n; ++k) {
            words << t_[k].original;
            t_[k].used = true;
        }
        return words.join(QLatin1Char(' '));
    }

    FrameNumber framesOf(const Token& q) const {
        const double f =
            q.unit == QLatin1String("s") ? q.value * settings_.frameRate.toDouble() : q.value;
        return FrameNumber(std::llround(f));
    }

    int step(int i) {
        const Token& tok = t_[i];
        int value = 0, n = 0;
        if (tok.kind == Token::Quantity) {
            if (tok.unit == QLatin1String("mm")) {
                if (!(tok.value > 0))
                    fail(tr("The focal length must be greater than 0 mm (got \"%1\").")
                             .arg(tok.original));
                p_.focal.set(tok.value, text(i, 1), tr("two focal lengths"));
                return 1;
            }
            if (tok.unit == QLatin1String("s") || tok.unit == QLatin1String("f")) {
                p_.duration.set(framesOf(tok), text(i, 1), tr("two durations"));
                return 1;
            }
            return 1; // metres or degrees outside a move: reported as unknown
        }
        if ((n = match(i, movePhrases(), &value)))
            return n + moveModifiers(i, n, MoveKind(value));
        if (isWord(i, QStringLiteral("dolly")))
            fail(tr("\"%1\" needs a direction: dolly in, dolly out or dolly zoom.")
                     .arg(tok.original));
        if ((n = match(i, sizePhrases(), &value))) {
            p_.size.set(value, text(i, n), tr("two shot sizes"));
            return n;
        }
        if ((n = match(i, timePhrases(), &value))) {
            p_.timeOfDay.set(value, text(i, n), tr("two times of day"));
            return n;
        }
        if ((n = match(i, placePhrases(), &value))) {
            p_.interior.set(value, text(i, n), tr("interior and exterior"));
            return n;
        }
        for (const auto& hh : handheldPhrases()) {
            bool all = true;
            for (int k = 0; k < hh.first.size() && all; ++k)
                all = isWord(i + k, hh.first[k]);
            if (all) {
                const int len = int(hh.first.size());
                p_.handheld.set(hh.second, text(i, len), tr("two kinds of camera support"));
                return len;
            }
        }
        // [COUNT] NOUN
        const int count = countWord(tok);
        const int nounAt = count > 0 ? i + 1 : i;
        for (const auto& kind : things()) {
            if (nounAt >= t_.size() || t_[nounAt].kind != Token::Word)
                break;
            const QString& w = t_[nounAt].word;
            const bool plural = w == kind.plural, singular = w == kind.singular;
            if (!plural && !singular)
                continue;
            // A plural without a count means two; a singular without one, one.
            const int c = count > 0 ? count : (plural ? 2 : 1);
            if (c > kMaxCount)
                fail(tr("At most %1 of each kind in a shot description (\"%2\").")
                         .arg(kMaxCount)
                         .arg(text(i, nounAt - i + 1)));
            p_.things.push_back({&kind, c});
            text(i, nounAt - i + 1);
            return nounAt - i + 1;
        }
        if (tok.kind == Token::Word && fillerWords().contains(tok.word)) {
            t_[i].used = true;
            return 1;
        }
        return 1; // unknown: stays unused
    }

    // Direction words, amounts and durations after a move; returns how many.
    int moveModifiers(int i, int n, MoveKind kind) {
        p_.moveKind.set(int(kind), text(i, n), tr("two camera moves"));
        QString amountUnit;
        QStringList plus, minus; // direction words
        switch (kind) {
        case MoveKind::Pan:
        case MoveKind::Orbit:
            plus = {"left"};
            minus = {"right"};
            amountUnit = QStringLiteral("deg");
            break;
        case MoveKind::Truck:
            plus = {"right"};
            minus = {"left"};
            amountUnit = QStringLiteral("m");
            break;
        case MoveKind::Tilt:
            plus = {"up"};
            minus = {"down"};
            amountUnit = QStringLiteral("deg");
            break;
        case MoveKind::Pedestal:
        case MoveKind::Crane:
            plus = {"up"};
            minus = {"down"};
            amountUnit = QStringLiteral("m");
            break;
        case MoveKind::Zoom:
            plus = {"in"};
            minus = {"out"};
            amountUnit = QStringLiteral("mm");
            break;
        case MoveKind::DollyZoom:
            amountUnit = QStringLiteral("mm");
            break;
        case MoveKind::DollyIn:
        case MoveKind::DollyOut:
        case MoveKind::FocusPull:
            amountUnit = QStringLiteral("m");
            break;
        }
        int k = i + n;
        while (k < t_.size()) {
            const Token& m = t_[k];
            if (m.kind == Token::Word && (plus.contains(m.word) || minus.contains(m.word))) {
                p_.direction.set(plus.contains(m.word) ? 1 : -1, text(k, 1), tr("two directions"));
                ++k;
            } else if (m.kind == Token::Word &&
                       QStringList{"to", "over", "for", "by", "in", "during"}.contains(m.word) &&
                       k + 1 < t_.size() && t_[k + 1].kind == Token::Quantity) {
                t_[k].used = true;
                ++k;
            } else if (m.kind == Token::Quantity && m.unit == amountUnit) {
                if (!(m.value > 0))
                    fail(
                        tr("The move amount must be greater than 0 (got \"%1\").").arg(m.original));
                p_.moveAmount.set(m.value, text(k, 1), tr("two amounts for one move"));
                ++k;
            } else if (m.kind == Token::Quantity &&
                       (m.unit == QLatin1String("s") || m.unit == QLatin1String("f"))) {
                p_.duration.set(framesOf(m), text(k, 1), tr("two durations"));
                ++k;
            } else {
                break;
            }
        }
        return k - (i + n);
    }
};

// Sun and sky per time of day (azimuth in the pan convention: 0 = +Y, the
// way the camera looks; positive = left).
void applyTimeOfDay(BlockingScene& s, TimeOfDay t) {
    struct Light {
        double azimuth, elevation, intensity;
        Vec3 sky;
    };
    static const Light lights[] = {
        {-100, 4, 0.5, {0.55, 0.45, 0.50}},  // dawn: low, on the right, pink sky
        {-60, 25, 0.9, {0.50, 0.65, 0.90}},  // morning
        {170, 70, 1.0, {0.40, 0.60, 0.95}},  // noon: high, from behind the camera
        {60, 40, 1.0, {0.45, 0.62, 0.90}},   // afternoon
        {100, 5, 0.6, {0.60, 0.40, 0.30}},   // dusk: setting sun on the left, orange sky
        {100, -20, 0.0, {0.02, 0.03, 0.08}}, // night: the sun is down, dark blue sky
    };
    const Light& l = lights[int(t)];
    s.sunAzimuthDeg = l.azimuth;
    s.sunElevationDeg = l.elevation;
    s.sunIntensity = l.intensity;
    s.skyColour = l.sky;
}

const Vec3 kPeopleColours[] = {{0.55, 0.20, 0.15}, {0.15, 0.30, 0.55}, {0.20, 0.45, 0.20},
                               {0.55, 0.45, 0.15}, {0.40, 0.20, 0.45}, {0.15, 0.45, 0.45}};

} // namespace

DescribedShot describeShot(const QString& text, const Camera& base,
                           const ShotDescriptionSettings& settings) {
    QVector<Token> tokens = tokenize(text);
    if (tokens.isEmpty())
        fail(tr("The shot description is empty."));
    // Every number of a shot (mm, m, s, degrees, frames) is far below this;
    // beyond it a value overflows later, far from the word that caused it.
    for (const Token& t : tokens)
        if (t.kind != Token::Word && !(t.value <= 1e6))
            fail(tr("\"%1\" is out of range (numbers in a shot description go up to 1000000).")
                     .arg(t.original.size() > 24 ? t.original.left(20) + QStringLiteral("…")
                                                 : t.original));
    const Parsed p = Parser(tokens, settings).run();

    DescribedShot out;
    for (const auto& t : tokens)
        if (!t.used)
            out.unknownWords << t.original;
    out.camera = base;
    Camera& cam = out.camera;
    if (p.focal.value)
        cam.focalLengthMm = *p.focal.value;
    out.shotSize = p.size.value ? ShotSize(*p.size.value) : ShotSize::Medium;

    // People first, then props, in the order written.
    BlockingScene& scene = out.scene;
    scene.enabled = true;
    if (p.timeOfDay.value)
        applyTimeOfDay(scene, TimeOfDay(*p.timeOfDay.value));
    const bool interior = p.interior.value && *p.interior.value == 1;
    if (interior)
        scene.groundColour = {0.35, 0.28, 0.22}; // a wooden floor
    int nextId = 2;
    QMap<QString, int> named;
    const auto add = [&](const ThingKind& kind, Vec3 at, double yaw = 0) {
        BlockingObject o;
        o.id = nextId++;
        o.name = kind.singular + QString::number(++named[kind.singular]);
        o.shape = kind.shape;
        o.size = kind.size;
        o.position = at;
        o.yawDeg = yaw;
        o.colour = kind.person ? kPeopleColours[(o.id - 2) % 6] : kind.colour;
        scene.objects.push_back(o);
        return o;
    };
    int tables = 0;
    for (const auto& r : p.things)
        if (r.kind->singular == QLatin1String("table") || r.kind->singular == QLatin1String("desk"))
            tables += r.count;
    int people = 0;
    double tallestPerson = 0;
    for (const auto& r : p.things)
        people += r.kind->person ? r.count : 0;
    if (people > kMaxCount)
        fail(tr("At most %1 people in a shot description (got %2).").arg(kMaxCount).arg(people));
    // Around a table: its two ends, then behind it; else a row facing the camera.
    static const Vec3 atTable[] = {{-0.95, 0, 0},   {0.95, 0, 0},     {-0.35, 0.75, 0},
                                   {0.35, 0.75, 0}, {-0.95, 0.75, 0}, {0.95, 0.75, 0}};
    int person = 0;
    for (const auto& r : p.things) {
        if (!r.kind->person)
            continue;
        for (int k = 0; k < r.count; ++k, ++person) {
            const Vec3 at =
                tables > 0 ? atTable[person] : Vec3{(person - (people - 1) / 2.0) * 0.7, 0, 0};
            add(*r.kind, at);
            tallestPerson = std::max(tallestPerson, r.kind->size.z);
        }
    }
    static const Vec3 background[] = {{1.8, 1.6, 0},  {-1.8, 1.6, 0}, {3.0, 3.0, 0},
                                      {-3.0, 3.0, 0}, {0, 3.2, 0},    {4.5, 5.0, 0},
                                      {-4.5, 5.0, 0}, {2.5, 6.5, 0},  {-2.5, 6.5, 0}};
    // Without people the first prop is the subject, at the origin.
    bool originFree = people == 0 && tables == 0;
    bool tablePlaced = false;
    double originHeight = 0;
    int slot = 0, chairs = 0, walls = 0;
    for (const auto& r : p.things) {
        if (r.kind->person)
            continue;
        const QString& s = r.kind->singular;
        for (int k = 0; k < r.count; ++k) {
            if (s == QLatin1String("wall")) {
                // Back, left, right; more walls stand further back.
                static const Vec3 wallAt[] = {{0, 4, 0}, {-4, 0.5, 0}, {4, 0.5, 0}};
                add(*r.kind, walls < 3 ? wallAt[walls] : Vec3{0, 4.0 + 1.5 * (walls - 2), 0},
                    walls == 1 || walls == 2 ? 90 : 0);
                ++walls;
                continue;
            }
            if ((s == QLatin1String("table") || s == QLatin1String("desk")) && !tablePlaced) {
                tablePlaced = true;
                add(*r.kind, {0, 0, 0});
                originHeight = r.kind->size.z;
            } else if (originFree) {
                originFree = false;
                add(*r.kind, {0, 0, 0});
                originHeight = r.kind->size.z;
            } else if (s == QLatin1String("chair") && chairs < std::max(people, 2) && tables > 0) {
                const Vec3 seat = atTable[chairs];
                add(*r.kind, {seat.x * 1.5, seat.y == 0 ? 0 : 1.2, 0});
                ++chairs;
            } else {
                add(*r.kind, background[slot % 9]);
                ++slot;
            }
        }
    }
    if (interior) { // a room: back and side walls unless the text gave them
        const ThingKind* wall = nullptr;
        for (const auto& k : things())
            if (k.singular == QLatin1String("wall"))
                wall = &k;
        static const Vec3 wallAt[] = {{0, 4, 0}, {-4, 0.5, 0}, {4, 0.5, 0}};
        for (; walls < 3; ++walls)
            add(*wall, wallAt[walls], walls == 0 ? 0 : 90);
    }

    // The subject and the distance that frames it.
    out.subjectHeightM = tallestPerson > 0 ? tallestPerson : originHeight > 0 ? originHeight : 1.75;
    const double h = out.subjectHeightM;
    const int w = settings.imageWidth, ih = settings.imageHeight;
    out.subjectDistanceM = distanceForShotSize(cam, w, ih, out.shotSize, h);
    const double d = out.subjectDistanceM;
    const double k = shotSizeInfo(out.shotSize).frameHeightInSubjects;
    CameraPose pose;
    const double eye = h * 0.914;
    // Up to a full shot the camera is level, the top of the head a tenth of
    // the frame below its top edge (headroom): the frame spans h + 0.1 k h
    // down to h - 0.9 k h, its middle at h - 0.4 k h. Wider, at eye height,
    // tilted down to the subject's middle.
    if (k <= 1.2) {
        pose.position = {0, -d, h - 0.4 * k * h};
    } else {
        pose.position = {0, -d, eye};
        pose.tiltDeg = -std::atan2(eye - h / 2, d) * 180 / kPi;
    }
    cam.motion = CameraMotion();
    cam.motion.pose = pose;
    cam.motion.handheld.seed = base.motion.handheld.seed;
    cam.focusDistanceM = k <= 1.2 ? d : std::hypot(d, eye - h / 2); // on the subject

    if (p.moveKind.value) {
        const MoveKind kind = MoveKind(*p.moveKind.value);
        const int dir = p.direction.value ? *p.direction.value : 1;
        const double f = cam.focalLengthMm;
        double amount = 0;
        switch (kind) {
        case MoveKind::Pan:
            amount = 30;
            break;
        case MoveKind::Tilt:
            amount = 15;
            break;
        case MoveKind::DollyIn:
        case MoveKind::DollyOut:
            amount = 0.3 * d;
            break;
        case MoveKind::Truck:
            amount = 1;
            break;
        case MoveKind::Pedestal:
            amount = 0.5;
            break;
        case MoveKind::Crane:
            amount = 1.5;
            break;
        case MoveKind::Zoom:
            amount = dir > 0 ? 2 * f : f / 2;
            break;
        case MoveKind::DollyZoom:
            amount = f / 2;
            break;
        case MoveKind::Orbit:
            amount = 45;
            break;
        case MoveKind::FocusPull:
            amount = 2 * cam.focusDistanceM;
            break;
        }
        if (p.moveAmount.value) {
            amount = *p.moveAmount.value;
            if (kind == MoveKind::Zoom && p.direction.value && (amount > f) != (dir > 0))
                contradiction(p.direction.words, p.moveAmount.words,
                              tr("the lens is %1 mm").arg(f));
        }
        const bool signedByDirection =
            kind != MoveKind::Zoom && kind != MoveKind::DollyZoom && kind != MoveKind::FocusPull;
        if (signedByDirection)
            amount *= dir;
        if ((kind == MoveKind::DollyIn) && amount >= d)
            fail(tr("\"%1\" %2 m would pass the subject %3 m away.")
                     .arg(p.moveKind.words)
                     .arg(amount)
                     .arg(d, 0, 'f', 2));
        const FrameNumber frames = p.duration.value          ? *p.duration.value
                                   : settings.shotFrames > 0 ? settings.shotFrames
                                                             : 48;
        if (frames < 2)
            fail(tr("A move needs at least 2 frames (\"%1\").").arg(p.duration.words));
        if (settings.shotFrames > 0 && frames > settings.shotFrames)
            fail(tr("The move lasts %1 frames (\"%2\") but the shot has %3.")
                     .arg(frames)
                     .arg(p.duration.words)
                     .arg(settings.shotFrames));
        MoveParams move;
        move.kind = kind;
        move.start = settings.startFrame;
        move.frames = frames - 1;
        move.amount = amount;
        move.subjectDistanceM = d;
        cam.motion = withMove(cam, move);
        out.moveFrames = frames;
    } else if (p.duration.value && settings.shotFrames > 0 &&
               *p.duration.value > settings.shotFrames) {
        fail(tr("The shot lasts %1 frames (\"%2\") but has %3.")
                 .arg(*p.duration.value)
                 .arg(p.duration.words)
                 .arg(settings.shotFrames));
    }
    if (p.handheld.value) {
        const QString preset = *p.handheld.value;
        if (preset == QLatin1String("off") && p.moveKind.value)
            contradiction(p.handheld.words, p.moveKind.words, tr("a static camera and a move"));
        const quint64 seed = cam.motion.handheld.seed;
        cam.motion.handheld = findHandheldPreset(preset)->handheld;
        cam.motion.handheld.seed = seed;
    }
    return out;
}

ShotDescriptionSettings shotDescriptionSettings(const Project& project, const Shot& shot) {
    ShotDescriptionSettings s;
    s.imageWidth = project.width;
    s.imageHeight = project.height;
    s.frameRate = project.frameRate;
    s.startFrame = shot.source.start;
    s.shotFrames = shot.duration();
    return s;
}

} // namespace retake
