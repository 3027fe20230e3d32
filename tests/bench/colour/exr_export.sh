#!/bin/sh
# EXR sequence export: retake-cli vs oiiotool converting the same frames
# (a 1080p half-float RGB EXR sequence) to half EXR with the same compression
# (ZIP, PIZ, DWAA, none), in the same run. Prints both times and the ratio
# (>1.0x = Retake is faster); each figure is the best of RUNS (default 3)
# interleaved runs, to damp a shared machine. Never fails CI.
#   tests/bench/colour/exr_export.sh BUILD_DIR [FRAMES]
set -eu
build=${1:?usage: exr_export.sh BUILD_DIR [FRAMES]}
frames=${2:-24}
runs=${RUNS:-3}
cli="$build/app/retake-cli"
command -v oiiotool >/dev/null || { echo "oiiotool is not installed" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is not installed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Source: moving test pattern, 16-bit PNG -> half-float ZIP EXR (what a plate is).
mkdir -p "$work/png" "$work/src"
ffmpeg -v error -f lavfi -i "testsrc2=size=1920x1080:rate=24" -frames:v "$frames" \
    -pix_fmt rgb48be -start_number 1001 "$work/png/src.%04d.png"
oiiotool "$work/png/src.#.png" -d half --compression zip -o "$work/src/src.#.exr"
rm -rf "$work/png"
"$cli" new "$work/bench.retake" --rate 24 >/dev/null
"$cli" import "$work/bench.retake" "$work/src/src.1001.exr" >/dev/null

now() { date +%s.%N; }
best() { sort -g | head -n 1; }
echo "EXR sequence export, $frames frames 1920x1080 RGB half, best of $runs ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-12s %16s %16s %8s\n' compression retake-cli oiiotool ratio
for comp in zip piz dwaa none; do
    : > "$work/times"
    for _ in $(seq "$runs"); do
        rm -rf "$work/r" "$work/o"
        mkdir -p "$work/r" "$work/o"
        t0=$(now)
        "$cli" export "$work/bench.retake" --out "$work/r/out.####.exr" --exr-type half \
            --exr-compression "$comp" >/dev/null 2>&1
        t1=$(now)
        oiiotool "$work/src/src.#.exr" -d half --compression "$comp" -o "$work/o/out.#.exr"
        t2=$(now)
        echo "$t0 $t1 $t2" | awk '{ printf "retake %.4f\noiio %.4f\n", $2 - $1, $3 - $2 }' >> "$work/times"
    done
    r=$(awk '$1 == "retake" { print $2 }' "$work/times" | best)
    o=$(awk '$1 == "oiio" { print $2 }' "$work/times" | best)
    [ "$(ls "$work/r" | grep -c '\.exr$')" -eq "$frames" ] || echo "  warning: retake wrote $(ls "$work/r" | grep -c '\.exr$') files" >&2
    awk -v c="$comp" -v r="$r" -v o="$o" -v n="$frames" 'BEGIN {
        printf "  %-12s %7.2f s %5.1f fps %6.2f s %5.1f fps %7.2fx\n", c, r, n / r, o, n / o, o / r }'
done
echo "  (ratio = oiiotool time / retake time; goal >= 1.0x)"
