#!/bin/sh
# LUT-graded 1080p ProRes 422 HQ export: retake-cli vs ffmpeg's lut3d filter
# with prores_ks on the same clip and the same 33^3 .cube, in the same run.
# Prints both times and the ratio (>1.0x = Retake is faster). Never fails CI.
#   tests/bench/colour/lut_export.sh BUILD_DIR [FRAMES]
set -eu
build=${1:?usage: lut_export.sh BUILD_DIR [FRAMES]}
frames=${2:-96}
cli="$build/app/retake-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Source: 1080p24 ProRes 422 HQ, 10-bit, what a graded plate usually is.
ffmpeg -v error -f lavfi -i "testsrc2=size=1920x1080:rate=24" -frames:v "$frames" \
    -c:v prores_ks -profile:v 3 -pix_fmt yuv422p10le "$work/clip.mov"
python3 - "$work/look.cube" <<'PY'
import sys
n = 33
with open(sys.argv[1], "w") as f:
    f.write("LUT_3D_SIZE %d\n" % n)
    for b in range(n):
        for g in range(n):
            for r in range(n):
                R, G, B = r / (n - 1), g / (n - 1), b / (n - 1)
                f.write("%.6f %.6f %.6f\n" % (min(1, 0.8 * R ** 0.7 + 0.2 * G),
                                             0.15 * R + 0.7 * G + 0.15 * B, B ** 1.3))
PY
"$cli" new "$work/bench.retake" >/dev/null
"$cli" import "$work/bench.retake" "$work/clip.mov" >/dev/null

# Wall time is what the goal is about; CPU time (user + system, all
# threads) is printed too because other jobs sharing the cores stretch wall
# time but not CPU time.
python3 - "$frames" "$cli" "$work" <<'PY'
import os, resource, subprocess, sys, time
frames, cli, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def timed(args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu

retake = timed([cli, "export", work + "/bench.retake", "--lut", work + "/look.cube",
                "--codec", "prores-422hq", "--no-audio", "--out", work + "/retake.mov"])
ffmpeg = timed(["ffmpeg", "-v", "error", "-y", "-i", work + "/clip.mov", "-vf",
                "lut3d=file=" + work + "/look.cube", "-c:v", "prores_ks", "-profile:v", "3",
                "-pix_fmt", "yuv422p10le", work + "/ffmpeg.mov"])
print("LUT-graded 1080p ProRes 422 HQ, %d frames, 33^3 cube (load %.2f)" % (frames, os.getloadavg()[0]))
print("  retake-cli export:      %.2f s (%.1f fps), CPU %.2f s" % (retake[0], frames / retake[0], retake[1]))
print("  ffmpeg lut3d+prores_ks: %.2f s (%.1f fps), CPU %.2f s" % (ffmpeg[0], frames / ffmpeg[0], ffmpeg[1]))
print("  ratio (ffmpeg time / retake time): %.2fx wall, %.2fx CPU" % (ffmpeg[0] / retake[0], ffmpeg[1] / retake[1]))
PY
