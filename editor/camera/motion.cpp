#include "camera/motion.h"

#include "core/error.h"
#include "core/translate.h"
#include "model/project.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <functional>

namespace retake {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kSinusoids = 16; // per channel: dense enough to look random, cheap to sum

// splitmix64: a fixed, portable generator, so a seed means the same motion on
// every platform and library version (std::uniform_* distributions do not).
quint64 splitmix(quint64& state) {
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
double unit(quint64& state) {
    return double(splitmix(state) >> 11) * (1.0 / 9007199254740992.0);
}

// RMS-1 band-limited noise for one channel.
double bandNoise(quint64 seed, int channel, double lowHz, double highHz, double seconds) {
    quint64 state = seed * 0x2545F4914F6CDD1Dull + quint64(channel + 1) * 0x9E3779B97F4A7C15ull;
    double sum = 0;
    for (int i = 0; i < kSinusoids; ++i) {
        const double f = lowHz + (highHz - lowHz) * unit(state);
        const double phase = 2 * kPi * unit(state);
        sum += std::sin(2 * kPi * f * seconds + phase);
    }
    return sum * std::sqrt(2.0 / kSinusoids);
}

double phaseOf(quint64 seed, int channel) {
    quint64 state = seed ^ (0xD1B54A32D192ED03ull * quint64(channel + 101));
    return 2 * kPi * unit(state);
}

CameraPose lerp(const CameraPose& a, const CameraPose& b, double t) {
    const auto mix = [t](double x, double y) { return x + (y - x) * t; };
    CameraPose p;
    p.position = {mix(a.position.x, b.position.x), mix(a.position.y, b.position.y),
                  mix(a.position.z, b.position.z)};
    p.panDeg = mix(a.panDeg, b.panDeg);
    p.tiltDeg = mix(a.tiltDeg, b.tiltDeg);
    p.rollDeg = mix(a.rollDeg, b.rollDeg);
    p.focalLengthMm = mix(a.focalLengthMm, b.focalLengthMm);
    p.focusDistanceM = mix(a.focusDistanceM, b.focusDistanceM);
    return p;
}

CameraPose resolved(CameraPose pose, const Camera& camera) {
    if (!(pose.focalLengthMm > 0))
        pose.focalLengthMm = camera.focalLengthMm;
    if (!(pose.focusDistanceM > 0))
        pose.focusDistanceM = camera.focusDistanceM;
    return pose;
}

// Level direction the camera looks in (pan only), and its right.
Vec3 levelForward(double panDeg) {
    const double p = panDeg * kPi / 180;
    return {-std::sin(p), std::cos(p), 0};
}
Vec3 levelRight(double panDeg) {
    const double p = panDeg * kPi / 180;
    return {std::cos(p), std::sin(p), 0};
}
Vec3 add(const Vec3& a, const Vec3& b, double s = 1) {
    return {a.x + b.x * s, a.y + b.y * s, a.z + b.z * s};
}

} // namespace

double ease(Easing easing, double t) {
    t = std::clamp(t, 0.0, 1.0);
    switch (easing) {
    case Easing::Linear:
        return t;
    case Easing::EaseIn:
        return t * t;
    case Easing::EaseOut:
        return 1 - (1 - t) * (1 - t);
    case Easing::EaseInOut:
        return t * t * (3 - 2 * t);
    case Easing::Hold:
        return t >= 1 ? 1 : 0;
    }
    return t;
}

QString toString(Easing easing) {
    switch (easing) {
    case Easing::Linear:
        return QStringLiteral("linear");
    case Easing::EaseIn:
        return QStringLiteral("ease-in");
    case Easing::EaseOut:
        return QStringLiteral("ease-out");
    case Easing::EaseInOut:
        return QStringLiteral("ease-in-out");
    case Easing::Hold:
        return QStringLiteral("hold");
    }
    return QStringLiteral("linear");
}

bool easingFromString(const QString& text, Easing* easing) {
    for (Easing e :
         {Easing::Linear, Easing::EaseIn, Easing::EaseOut, Easing::EaseInOut, Easing::Hold})
        if (text.compare(toString(e), Qt::CaseInsensitive) == 0) {
            *easing = e;
            return true;
        }
    return false;
}

CameraPose keyedPose(const Camera& camera, double frame) {
    const auto& keys = camera.motion.keys;
    if (keys.isEmpty())
        return resolved(camera.motion.pose, camera);
    if (frame <= double(keys.front().frame))
        return resolved(keys.front().pose, camera);
    if (frame >= double(keys.back().frame))
        return resolved(keys.back().pose, camera);
    const auto next =
        std::upper_bound(keys.begin(), keys.end(), frame,
                         [](double f, const CameraKey& k) { return f < double(k.frame); });
    const CameraKey& b = *next;
    const CameraKey& a = *(next - 1);
    const double t = (frame - double(a.frame)) / double(b.frame - a.frame);
    return lerp(resolved(a.pose, camera), resolved(b.pose, camera), ease(a.easing, t));
}

HandheldOffset handheldAt(const Handheld& h, double seconds) {
    HandheldOffset o;
    if (!h.active())
        return o;
    const auto noise = [&](int channel) {
        return bandNoise(h.seed, channel, h.bandLowHz, h.bandHighHz, seconds);
    };
    if (h.rotationDeg > 0) {
        o.panDeg = h.rotationDeg * noise(0);
        o.tiltDeg = h.rotationDeg * noise(1);
        o.rollDeg = 0.5 * h.rotationDeg * noise(2); // operators hold the horizon better
    }
    if (h.positionCm > 0) {
        o.localM.x = h.positionCm / 100 * noise(3);
        o.localM.y = h.positionCm / 100 * noise(4);
        o.localM.z = h.positionCm / 100 * noise(5);
    }
    if (h.walkCm > 0) {
        // A step lifts the camera twice per stride and sways it once per
        // stride; the sway rolls the frame by about 0.25 deg per cm.
        const double w = 2 * kPi * h.walkHz * seconds;
        o.localM.y += h.walkCm / 100 * std::sin(w + phaseOf(h.seed, 0));
        const double sway = std::sin(w / 2 + phaseOf(h.seed, 1));
        o.localM.x += 0.5 * h.walkCm / 100 * sway;
        o.rollDeg += 0.25 * h.walkCm * sway;
    }
    if (h.breathCm > 0) {
        const double b = std::sin(2 * kPi * h.breathHz * seconds + phaseOf(h.seed, 2));
        o.localM.y += h.breathCm / 100 * b;
        o.tiltDeg += 0.1 * h.breathCm * b;
    }
    return o;
}

CameraPose evaluatePose(const Camera& camera, double frame, Rational frameRate) {
    CameraPose pose = keyedPose(camera, frame);
    const Handheld& h = camera.motion.handheld;
    if (!h.active())
        return pose;
    const HandheldOffset o = handheldAt(h, frame / frameRate.toDouble());
    // The offset is in the keyed camera's own axes: an operator's sway is
    // relative to where the camera points.
    const RigidTransform m = cameraToWorld(pose);
    for (int i = 0; i < 3; ++i) {
        const double d = m.r[i][0] * o.localM.x + m.r[i][1] * o.localM.y + m.r[i][2] * o.localM.z;
        (i == 0 ? pose.position.x : i == 1 ? pose.position.y : pose.position.z) += d;
    }
    pose.panDeg += o.panDeg;
    pose.tiltDeg += o.tiltDeg;
    pose.rollDeg += o.rollDeg;
    return pose;
}

const QVector<HandheldPreset>& handheldPresets() {
    // RMS amplitudes; peaks reach about 2.5x. Bands from shoulder-rig
    // measurements: most operator energy sits between 0.5 and 3 Hz.
    static const QVector<HandheldPreset> presets = {
        {"off", Handheld{0, 0, 0.5, 3.0, 0, 1.8, 0, 0.25, 1}},
        {"subtle", Handheld{0.15, 0.3, 0.3, 2.0, 0, 1.8, 0.3, 0.25, 1}},
        {"handheld", Handheld{0.4, 0.8, 0.5, 3.0, 0, 1.8, 0.5, 0.25, 1}},
        {"heavy", Handheld{1.0, 2.0, 0.5, 5.0, 0, 1.8, 1.0, 0.3, 1}},
        {"walking", Handheld{0.5, 1.0, 0.5, 3.0, 2.0, 1.8, 0.3, 0.3, 1}},
        {"running", Handheld{1.5, 3.0, 1.0, 6.0, 4.0, 2.8, 0, 0.5, 1}},
    };
    return presets;
}

const HandheldPreset* findHandheldPreset(const QString& name) {
    for (const auto& p : handheldPresets())
        if (name.compare(QLatin1String(p.name), Qt::CaseInsensitive) == 0)
            return &p;
    return nullptr;
}

void setKey(CameraMotion& motion, const CameraKey& key) {
    auto it = std::lower_bound(motion.keys.begin(), motion.keys.end(), key.frame,
                               [](const CameraKey& k, FrameNumber f) { return k.frame < f; });
    if (it != motion.keys.end() && it->frame == key.frame)
        *it = key;
    else
        motion.keys.insert(it, key);
}

bool removeKey(CameraMotion& motion, FrameNumber frame) {
    for (int i = 0; i < motion.keys.size(); ++i)
        if (motion.keys[i].frame == frame) {
            motion.keys.remove(i);
            return true;
        }
    return false;
}

QString toString(MoveKind kind) {
    switch (kind) {
    case MoveKind::Pan:
        return QStringLiteral("pan");
    case MoveKind::Tilt:
        return QStringLiteral("tilt");
    case MoveKind::DollyIn:
        return QStringLiteral("dolly-in");
    case MoveKind::DollyOut:
        return QStringLiteral("dolly-out");
    case MoveKind::Truck:
        return QStringLiteral("truck");
    case MoveKind::Pedestal:
        return QStringLiteral("pedestal");
    case MoveKind::Crane:
        return QStringLiteral("crane");
    case MoveKind::Zoom:
        return QStringLiteral("zoom");
    case MoveKind::DollyZoom:
        return QStringLiteral("dolly-zoom");
    case MoveKind::Orbit:
        return QStringLiteral("orbit");
    case MoveKind::FocusPull:
        return QStringLiteral("focus-pull");
    }
    return {};
}

bool moveKindFromString(const QString& text, MoveKind* kind) {
    for (MoveKind k : {MoveKind::Pan, MoveKind::Tilt, MoveKind::DollyIn, MoveKind::DollyOut,
                       MoveKind::Truck, MoveKind::Pedestal, MoveKind::Crane, MoveKind::Zoom,
                       MoveKind::DollyZoom, MoveKind::Orbit, MoveKind::FocusPull})
        if (text.compare(toString(k), Qt::CaseInsensitive) == 0) {
            *kind = k;
            return true;
        }
    return false;
}

CameraMotion withMove(const Camera& camera, const MoveParams& move) {
    const auto fail = [](const QString& message) { throw Error(ErrorKind::Usage, message); };
    if (move.frames < 1)
        fail(tr("A move needs at least one frame (got %1).").arg(move.frames));
    if (!std::isfinite(move.amount))
        fail(tr("The move amount must be a number."));
    if (!(move.subjectDistanceM > 0))
        fail(tr("The subject distance must be greater than 0 m."));
    const CameraPose start = keyedPose(camera, double(move.start));
    const FrameNumber end = move.start + move.frames;
    const double d0 = move.subjectDistanceM;

    // Pose at move fraction s (0..1, already eased for multi-key moves).
    std::function<CameraPose(double)> at;
    int segments = 1; // moves along arcs are written as several keys
    switch (move.kind) {
    case MoveKind::Pan:
    case MoveKind::Tilt:
        at = [&](double s) {
            CameraPose p = start;
            (move.kind == MoveKind::Pan ? p.panDeg : p.tiltDeg) += move.amount * s;
            return p;
        };
        break;
    case MoveKind::DollyIn:
    case MoveKind::DollyOut:
    case MoveKind::Truck:
    case MoveKind::Pedestal: {
        if (move.amount < 0 && move.kind != MoveKind::Truck && move.kind != MoveKind::Pedestal)
            fail(tr("Dolly distances are positive; use dolly-in or dolly-out for the direction."));
        Vec3 dir = move.kind == MoveKind::Truck      ? levelRight(start.panDeg)
                   : move.kind == MoveKind::Pedestal ? Vec3{0, 0, 1}
                                                     : levelForward(start.panDeg);
        const double amount = move.kind == MoveKind::DollyOut ? -move.amount : move.amount;
        at = [=](double s) {
            CameraPose p = start;
            p.position = add(start.position, dir, amount * s);
            return p;
        };
        break;
    }
    case MoveKind::Crane: {
        const double t0 = start.tiltDeg * kPi / 180;
        const double horizontal = d0 * std::cos(t0);
        const double targetZ = start.position.z + d0 * std::sin(t0);
        segments = 8;
        at = [=](double s) {
            CameraPose p = start;
            p.position.z = start.position.z + move.amount * s;
            p.tiltDeg = std::atan2(targetZ - p.position.z, horizontal) * 180 / kPi;
            return p;
        };
        break;
    }
    case MoveKind::Zoom:
    case MoveKind::DollyZoom: {
        if (!(move.amount > 0))
            fail(tr("The end focal length must be greater than 0 mm (got %1).").arg(move.amount));
        const double f0 = start.focalLengthMm, f1 = move.amount;
        // Subject size is proportional to f / d: d1 = d0 f1 / f0. Both are
        // interpolated with the same eased fraction, so f / d stays constant
        // on every in-between frame too (d is affine in f).
        const double d1 = d0 * f1 / f0;
        const Vec3 fwd = levelForward(start.panDeg);
        const bool dolly = move.kind == MoveKind::DollyZoom;
        at = [=](double s) {
            CameraPose p = start;
            p.focalLengthMm = f0 + (f1 - f0) * s;
            if (dolly)
                p.position = add(start.position, fwd, (d0 - d1) * s);
            return p;
        };
        break;
    }
    case MoveKind::Orbit: {
        const Vec3 fwd = levelForward(start.panDeg);
        const Vec3 pivot = add(start.position, fwd, d0);
        const Vec3 arm{start.position.x - pivot.x, start.position.y - pivot.y, 0};
        // Ten turns is more than any shot holds; far beyond, the segment count
        // (one per 5 degrees) overflows int (4e123 degrees) or fills memory.
        if (!(std::abs(move.amount) <= 3600))
            fail(tr("An orbit turns at most 3600 degrees (got %1).").arg(move.amount));
        segments = std::max(2, int(std::ceil(std::abs(move.amount) / 5.0)));
        at = [=](double s) {
            const double a = move.amount * s * kPi / 180;
            CameraPose p = start;
            p.position.x = pivot.x + arm.x * std::cos(a) - arm.y * std::sin(a);
            p.position.y = pivot.y + arm.x * std::sin(a) + arm.y * std::cos(a);
            p.panDeg = start.panDeg + move.amount * s;
            return p;
        };
        break;
    }
    case MoveKind::FocusPull: {
        if (!(move.amount > 0))
            fail(tr("The end focus distance must be greater than 0 m (got %1).").arg(move.amount));
        const double s0 = start.focusDistanceM, s1 = move.amount;
        at = [=](double s) {
            CameraPose p = start;
            p.focusDistanceM = s0 + (s1 - s0) * s;
            return p;
        };
        break;
    }
    }

    CameraMotion motion = camera.motion;
    // Keys of a camera that never keyed its focal length keep following the
    // lens (0), so a later --focal still applies to the whole shot.
    bool followsLens = motion.pose.focalLengthMm <= 0;
    for (const auto& k : motion.keys)
        followsLens = followsLens && k.pose.focalLengthMm <= 0;
    const bool zooms = move.kind == MoveKind::Zoom || move.kind == MoveKind::DollyZoom;
    // Likewise the focus distance: keys follow the camera's until one pulls focus.
    bool followsFocus = motion.pose.focusDistanceM <= 0;
    for (const auto& k : motion.keys)
        followsFocus = followsFocus && k.pose.focusDistanceM <= 0;
    const bool pullsFocus = move.kind == MoveKind::FocusPull;
    // What the camera already does over the range (an earlier move, keys):
    // the new move is added to it, so a dolly and then a pan on the same
    // frames make the dolly-and-pan every operator does at once (replacing
    // the keys lost the dolly), and the camera's later keys carry the move's
    // end offset, as the move was added from its start on.
    QVector<CameraKey> inside, before, after;
    for (const auto& k : motion.keys)
        (k.frame < move.start ? before : k.frame > end ? after : inside).push_back(k);
    bool baseMoves = keyedPose(camera, double(move.start)) != keyedPose(camera, double(end));
    for (const auto& k : inside)
        baseMoves = baseMoves || resolved(k.pose, camera) != start;
    const auto plus = [&](CameraPose p, double s) {
        const CameraPose moved = at(s);
        p.position = {p.position.x + moved.position.x - start.position.x,
                      p.position.y + moved.position.y - start.position.y,
                      p.position.z + moved.position.z - start.position.z};
        p.panDeg += moved.panDeg - start.panDeg;
        p.tiltDeg += moved.tiltDeg - start.tiltDeg;
        p.rollDeg += moved.rollDeg - start.rollDeg;
        p.focalLengthMm += moved.focalLengthMm - start.focalLengthMm;
        p.focusDistanceM += moved.focusDistanceM - start.focusDistanceM;
        return p;
    };
    const auto write = [&](FrameNumber frame, const CameraPose& pose, Easing easing) {
        CameraPose p = pose;
        if (followsLens && !zooms)
            p.focalLengthMm = 0;
        if (followsFocus && !pullsFocus)
            p.focusDistanceM = 0;
        setKey(motion, {frame, p, easing});
    };
    if (!baseMoves) {
        motion.keys = before + after;
        segments = std::min<FrameNumber>(segments, move.frames);
        for (int i = 0; i <= segments; ++i) {
            const double u = double(i) / segments;
            const FrameNumber frame = move.start + FrameNumber(std::llround(u * move.frames));
            // One segment: the key's easing shapes the move. Several
            // segments: eased positions on linear segments approximate the
            // same curve.
            const double s = segments == 1 ? double(i) : ease(move.easing, u);
            write(frame, at(s),
                  segments == 1 || move.easing == Easing::Hold ? move.easing : Easing::Linear);
        }
        return motion;
    }

    // Later keys: their own poses plus the move's end offset (their
    // segments keep their shape, both ends moving alike).
    for (CameraKey& k : after)
        k.pose = plus(resolved(k.pose, camera), 1.0);
    // Two keys hold the sum exactly when the camera's own motion over the
    // range is one segment between the same frames with the same easing
    // (poses interpolate linearly, so sums of eased segments are eased
    // sums).
    if (segments == 1 && inside.size() == 2 && inside.front().frame == move.start &&
        inside.back().frame == end && inside.front().easing == move.easing) {
        motion.keys = before;
        write(move.start, keyedPose(camera, double(move.start)), move.easing);
        write(end, plus(keyedPose(camera, double(end)), 1.0), inside.back().easing);
        for (const CameraKey& k : after)
            write(k.frame, k.pose, k.easing);
        return motion;
    }
    // Otherwise the sum on every frame, across the camera's own segments
    // that the range cuts into, so their curves stay as they were.
    const FrameNumber first = before.isEmpty() ? move.start : before.back().frame + 1;
    const FrameNumber last = after.isEmpty() ? end : after.front().frame - 1;
    if (!before.isEmpty())
        before.back().easing = Easing::Linear;
    motion.keys = before;
    for (FrameNumber f = first; f <= last; ++f) {
        const double u = std::clamp(double(f - move.start) / double(move.frames), 0.0, 1.0);
        const Easing easing =
            f == last && after.isEmpty()
                ? (!inside.isEmpty() && inside.back().frame == end ? inside.back().easing
                                                                   : move.easing)
                : Easing::Linear;
        write(f, plus(keyedPose(camera, double(f)), ease(move.easing, u)), easing);
    }
    for (const CameraKey& k : after)
        write(k.frame, k.pose, k.easing);
    return motion;
}

Camera withSubjectAt(const Camera& camera, double distanceM) {
    if (!std::isfinite(distanceM) || !(distanceM > 0))
        throw Error(ErrorKind::Usage,
                    tr("The subject distance must be more than 0 m (not %1).").arg(distanceM));
    // Forward along the view axis by how much nearer the subject must be.
    const double closer = camera.focusDistanceM - distanceM;
    const auto moved = [&](CameraPose pose) {
        const RigidTransform m = cameraToWorld(pose);
        // Camera-local forward is -Z.
        pose.position = {pose.position.x - m.r[0][2] * closer, pose.position.y - m.r[1][2] * closer,
                         pose.position.z - m.r[2][2] * closer};
        if (pose.focusDistanceM > 0) {
            pose.focusDistanceM -= closer;
            if (!(pose.focusDistanceM > 0))
                throw Error(ErrorKind::Usage,
                            tr("Moving the camera %1 m closer puts a focus pull behind it; "
                               "frame the subject from further away.")
                                .arg(closer, 0, 'f', 2));
        }
        return pose;
    };
    Camera out = camera;
    out.focusDistanceM = distanceM;
    out.motion.pose = moved(camera.motion.pose);
    for (CameraKey& key : out.motion.keys)
        key.pose = moved(key.pose);
    return out;
}

} // namespace retake
