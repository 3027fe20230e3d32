#include "camera/reframe.h"

#include "camera/blockingrender.h"
#include "camera/motion.h"
#include "core/error.h"
#include "core/translate.h"
#include "engines/engineerrors.h"
#include "engines/generationlibrary.h"
#include "mediaio/openmedia.h"

#include <QCoreApplication>
#include <cmath>

namespace retake {

namespace {

namespace gen = retake::generation;
constexpr double kPi = 3.14159265358979323846;
// Below this zoom the original picture covers less than 1/16 of the new
// frame: the engines would invent nearly everything.
constexpr double kMinZoom = 0.25;

bool isZero(const Vec3& v) {
    return v.x == 0 && v.y == 0 && v.z == 0;
}

// The lens a frame is drawn through, with the focal length times `zoom`.
gen::RadialLens radialLens(const Intrinsics& k, double zoom) {
    return {zoom * k.fx, zoom * k.fy, k.cx, k.cy, k.k1, k.k2};
}

using M3 = std::array<std::array<double, 3>, 3>;
M3 mul(const M3& a, const M3& b) {
    M3 c{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                c[i][j] += a[i][k] * b[k][j];
    return c;
}

gen::PinholeCamera pinhole(const Intrinsics& k, const CameraPose& pose) {
    gen::PinholeCamera c;
    c.width = k.width;
    c.height = k.height;
    c.fx = k.fx;
    c.fy = k.fy;
    c.cx = k.cx;
    c.cy = k.cy;
    c.k1 = k.k1;
    c.k2 = k.k2;
    const RigidTransform m = cameraToWorld(pose);
    const double t[3] = {m.t.x, m.t.y, m.t.z};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j)
            c.cameraToWorld[i][j] = m.r[i][j];
        c.cameraToWorld[i][3] = t[i];
    }
    return c;
}

QString describe(const ReframeRequest& r) {
    QStringList parts;
    if (r.focalLengthMm > 0)
        parts << QStringLiteral("focal=%1mm").arg(r.focalLengthMm);
    else if (r.zoom != 1)
        parts << QStringLiteral("zoom=%1").arg(r.zoom);
    if (r.panDeg != 0 || r.tiltDeg != 0 || r.rollDeg != 0)
        parts
            << QStringLiteral("pan=%1 tilt=%2 roll=%3").arg(r.panDeg).arg(r.tiltDeg).arg(r.rollDeg);
    if (!isZero(r.moveM))
        parts << QStringLiteral("move=%1,%2,%3").arg(r.moveM.x).arg(r.moveM.y).arg(r.moveM.z);
    if (r.handheld.active())
        parts << QStringLiteral("handheld=%1/%2deg seed %3")
                     .arg(r.handheld.rotationDeg)
                     .arg(r.handheld.positionCm)
                     .arg(r.handheld.seed);
    if (r.depthOfField)
        parts << QStringLiteral("dof");
    return parts.join(QLatin1Char(' '));
}

} // namespace

gen::Homography reframeNormalisedHomography(double panDeg, double tiltDeg, double rollDeg,
                                            const Vec3& moveM, double planeDistanceM) {
    // A point (x, y) of a picture is the ray (x, y, 1): x right, y up,
    // forward 1. The new camera's rays are turned into the original's frame.
    const double r = rollDeg * kPi / 180, c = std::cos(r), s = std::sin(r);
    // The camera turns counter-clockwise, so the picture turns clockwise:
    // the original coordinates are the new ones turned back by +roll.
    const M3 roll{{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}};
    // Then the turn of a pan-and-tilt head: tilted up about the camera's
    // right axis, panned left about its up axis. A turn about the lens's
    // centre is exactly this homography whatever the depth, so the picture
    // keystones as a real pan or tilt does (straight ahead moves by
    // f tan(angle), the edges by more).
    const double p = panDeg * kPi / 180, t = tiltDeg * kPi / 180;
    const M3 pan{{{std::cos(p), 0, -std::sin(p)}, {0, 1, 0}, {std::sin(p), 0, std::cos(p)}}};
    const M3 tilt{{{1, 0, 0}, {0, std::cos(t), std::sin(t)}, {0, -std::sin(t), std::cos(t)}}};
    const M3 turn = mul(pan, mul(tilt, roll));
    if (isZero(moveM))
        return turn;
    const double d = planeDistanceM;
    if (!(d > 0) || !std::isfinite(d))
        throw Error(ErrorKind::Usage,
                    tr("A 2D camera move needs the distance of the plane it is seen on "
                       "(the focus distance), greater than 0 m (got %1).")
                        .arg(d));
    // A point the original camera sees at x (depth d, lateral x d) is at
    // (x d - right) / (d - forward) from the moved camera.
    const double scale = 1 - moveM.z / d;
    if (!(scale > 0.05))
        throw Error(ErrorKind::Usage,
                    tr("A 2D camera move of %1 m forward reaches the plane at the focus "
                       "distance (%2 m).")
                        .arg(moveM.z)
                        .arg(d));
    const M3 move{{{scale, 0, moveM.x / d}, {0, scale, moveM.y / d}, {0, 0, 1}}};
    return mul(move, turn);
}

gen::Homography reframeHomography(const Intrinsics& k, double zoom, double panDeg, double tiltDeg,
                                  double rollDeg) {
    // Output pixel -> the new camera's normalised coordinates (y up) ->
    // rolled -> shifted by the pan/tilt -> the original camera's pixels.
    const double zfx = zoom * k.fx, zfy = zoom * k.fy;
    const M3 toNormalised{{{1 / zfx, 0, -k.cx / zfx}, {0, -1 / zfy, k.cy / zfy}, {0, 0, 1}}};
    const M3 toPixels{{{k.fx, 0, k.cx}, {0, -k.fy, k.cy}, {0, 0, 1}}};
    return mul(toPixels, mul(reframeNormalisedHomography(panDeg, tiltDeg, rollDeg), toNormalised));
}

CameraPose movedPose(const CameraPose& pose, const Vec3& moveM, double panDeg, double tiltDeg,
                     double rollDeg) {
    CameraPose out = pose;
    // Camera-local axes: +X right, +Y up, +Z backwards; forward is -Z.
    const RigidTransform m = cameraToWorld(pose);
    const double local[3] = {moveM.x, moveM.y, -moveM.z};
    double world[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            world[i] += m.r[i][j] * local[j];
    out.position = {pose.position.x + world[0], pose.position.y + world[1],
                    pose.position.z + world[2]};
    out.panDeg += panDeg;
    out.tiltDeg += tiltDeg;
    out.rollDeg += rollDeg;
    return out;
}

RegenResult reframe(const Project& project, const QString& cacheDir, const ReframeRequest& request,
                    Progress& progress) {
    const Shot* shot = project.findShot(request.shotId);
    if (!shot)
        throw Error(ErrorKind::Usage, tr("No shot with ID %1.").arg(idToString(request.shotId)));
    const auto usage = [](const QString& message) { throw Error(ErrorKind::Usage, message); };
    if (!std::isfinite(request.zoom) || !(request.zoom >= kMinZoom))
        usage(tr("--zoom %1 would leave less than 1/16 of the frame to the original picture "
                 "(at least %2).")
                  .arg(request.zoom)
                  .arg(kMinZoom));
    if (request.focalLengthMm < 0 || !std::isfinite(request.focalLengthMm))
        usage(tr("The new focal length must be greater than 0 mm (got %1).")
                  .arg(request.focalLengthMm));
    for (double a : {request.panDeg, request.tiltDeg, request.rollDeg})
        if (!std::isfinite(a) || std::abs(a) >= 90)
            usage(tr("Pan, tilt and roll must be between -90 and 90 degrees (got %1).").arg(a));
    if (request.engine == QLatin1String("interpolate"))
        usage(tr("The interpolate engine replaces whole frames; reframe with propagate, model "
                 "or shot-trained."));
    const bool moves = request.zoom != 1 || request.focalLengthMm > 0 || request.panDeg != 0 ||
                       request.tiltDeg != 0 || request.rollDeg != 0 || !isZero(request.moveM) ||
                       request.handheld.active();
    if (request.depthOfField && moves)
        usage(tr("Depth of field is applied on its own: run reframe once for the move and once "
                 "with --dof on the result."));
    if (!request.depthOfField && !moves)
        usage(tr("Nothing to reframe: give a zoom, focal length, pan, tilt, roll, move, "
                 "handheld or depth of field."));
    const bool byDepth = !isZero(request.moveM) || request.depthOfField;
    const MediaRef* media = project.findMedia(shot->mediaId);
    if (byDepth && (!media || !media->hasDepth))
        usage(tr("Shot \"%1\" has no depth (an EXR Z channel or a blocking render): a camera "
                 "move or depth of field needs one.")
                  .arg(shot->name));

    const Camera camera = shot->camera;
    const Rational rate = project.frameRate;
    std::shared_ptr<MediaReader> depthReader;
    RegenRequest regen;
    regen.shotId = request.shotId;
    regen.range = request.range;
    regen.engine = request.engine;
    regen.parameters = request.parameters;
    regen.seed = request.seed;
    regen.device = request.device;
    regen.contextFrames = 0; // neighbours in the old framing would mislead the engine
    regen.transform = [&, shotStart = shot->source.start](FrameNumber f, const Image& picture,
                                                          gen::FrameStack& frames,
                                                          gen::FrameStack& masks, int t) {
        const CameraPose pose = evaluatePose(camera, double(f), rate);
        const Intrinsics k = intrinsics(camera, picture.width, picture.height, pose.focalLengthMm);
        const double zoom =
            request.focalLengthMm > 0 ? request.focalLengthMm / pose.focalLengthMm : request.zoom;
        HandheldOffset shake;
        if (request.handheld.active())
            shake = handheldAt(request.handheld, double(f) / rate.toDouble());
        std::vector<float> depth;
        if (byDepth) {
            depth = picture.depth;
            if (depth.empty()) { // an active take shows: its depth is the media's
                if (!depthReader)
                    depthReader = openMedia(media->path, media->kind);
                depth = depthReader->readFrame(f).depth;
            }
            if (depth.size() != std::size_t(picture.width) * picture.height)
                throwBadInput(media->path, tr("frame %1 has no depth").arg(f - shotStart));
        }
        double masked = 0;
        generation::Backend& engines = generationBackend();
        translateEngineErrors([&] {
            if (request.depthOfField) {
                const gen::BlockingView v =
                    blockingView(camera, pose, picture.width, picture.height, true);
                engines.depthOfFieldFromDepth(frames, t, depth.data(), v.focusDistanceM,
                                              v.dofScalePx);
                std::fill(masks.frame(t), masks.frame(t) + masks.planeSize(), 0.0f);
            } else if (byDepth) {
                const CameraPose to =
                    movedPose(pose,
                              {request.moveM.x + shake.localM.x, request.moveM.y + shake.localM.y,
                               request.moveM.z - shake.localM.z},
                              request.panDeg + shake.panDeg, request.tiltDeg + shake.tiltDeg,
                              request.rollDeg + shake.rollDeg);
                const Intrinsics kTo =
                    intrinsics(camera, picture.width, picture.height, pose.focalLengthMm * zoom);
                masked = engines.reprojectFrame(frames, masks, t, depth.data(), pinhole(k, pose),
                                                pinhole(kTo, to));
            } else {
                // Without depth the handheld position shake is taken as seen
                // on a plane at the focus distance (reframeNormalisedHomography).
                const Vec3 shakeMove{shake.localM.x, shake.localM.y, -shake.localM.z};
                masked = engines.warpFrameThroughLens(
                    frames, masks, t, radialLens(k, zoom),
                    reframeNormalisedHomography(
                        request.panDeg + shake.panDeg, request.tiltDeg + shake.tiltDeg,
                        request.rollDeg + shake.rollDeg, shakeMove, pose.focusDistanceM),
                    radialLens(k, 1));
            }
        });
        if (masked >= 1.0)
            usage(tr("Frame %1 of shot \"%2\": the new framing sees none of the original picture "
                     "(the whole frame would have to be invented).")
                      .arg(f - shotStart)
                      .arg(shot->name));
    };
    RegenResult result = regenerate(project, cacheDir, regen, progress);
    result.take.parameters.insert(QStringLiteral("reframe"), describe(request));
    if (request.handheld.active() && !byDepth)
        result.notes << tr("Without depth, the handheld position shake is approximated as seen "
                           "on a plane at the focus distance.");
    return result;
}

} // namespace retake
