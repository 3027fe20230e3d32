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

now() { date +%s.%N; }
t0=$(now)
"$cli" export "$work/bench.retake" --lut "$work/look.cube" --codec prores-422hq --no-audio \
    --out "$work/retake.mov" 2>/dev/null >/dev/null
t1=$(now)
ffmpeg -v error -y -i "$work/clip.mov" -vf "lut3d=file=$work/look.cube" -c:v prores_ks \
    -profile:v 3 -pix_fmt yuv422p10le "$work/ffmpeg.mov"
t2=$(now)
python3 - "$t0" "$t1" "$t2" "$frames" <<'PY'
import sys
t0, t1, t2, n = map(float, sys.argv[1:])
retake, ffmpeg = t1 - t0, t2 - t1
print("LUT-graded 1080p ProRes 422 HQ, %d frames, 33^3 cube" % n)
print("  retake-cli export: %.2f s (%.1f fps)" % (retake, n / retake))
print("  ffmpeg lut3d+prores_ks: %.2f s (%.1f fps)" % (ffmpeg, n / ffmpeg))
print("  ratio (ffmpeg time / retake time): %.2fx" % (ffmpeg / retake))
PY
