#!/usr/bin/env bash
# Media I/O benchmark: Retake against the ffmpeg tool, same machine, same run.
#
#   tests/bench/media/run.sh BUILD_DIR [WORK_DIR]
#
# Makes its clips with ffmpeg (kept in WORK_DIR between runs), builds the
# media_bench target, and prints one table:
#   - decode of a 10 s 1080p long-GOP H.264 clip to RGB frames, against
#     `ffmpeg -i clip -f null -` (decode only) and with -pix_fmt rgb24
#     (the same work);                                     goal >= 0.9x
#   - random seek latency on that clip;                    goal median < 40 ms
#   - export of the same 1080p RGB frames to ProRes 422 HQ, against
#     `ffmpeg -c:v prores_ks -profile:v 3`;                goal >= 1.0x
#   - stepping back one frame during playback, and back 3 frames after a
#     jump, in a viewer's reader (pictures kept);          goal < 15 ms
#   - peak memory opening and seeking a 1-minute vs a 10-minute 1080p clip;
#                                                          goal: flat
#   - proxies (editor/proxy): made for the 1-minute 1080p clip (goal < 30 s)
#     against ffmpeg making the same all-intra H.264 at half size; random
#     jumps as the viewer makes them, in the originals and in the proxies of
#     1080p and 4K long-GOP clips;                         goal median < 25 ms,
#                                                          p95 < 60 ms
# Ratios are medians of RUNS (default 5) rounds that alternate Retake and
# ffmpeg (A B A B ...), so both see the same machine; the load average is
# printed before and after.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 BUILD_DIR [WORK_DIR]" >&2
  exit 2
fi
BUILD_DIR=$(cd "$1" && pwd)
WORK=${2:-/tmp/retake-media-bench}
RUNS=${RUNS:-5}
mkdir -p "$WORK"
command -v ffmpeg >/dev/null || { echo "ffmpeg is not installed" >&2; exit 1; }

# The `bench` target builds it first (a nested build of the same tree would clash).
[[ -n "${RETAKE_BENCH_PREBUILT:-}" ]] || cmake --build "$BUILD_DIR" --target media_bench >/dev/null
BENCH=$(find "$BUILD_DIR" -type f -name media_bench -perm -u+x | head -n 1)
[[ -x "$BENCH" ]] || { echo "media_bench not found in $BUILD_DIR" >&2; exit 1; }

FF=(ffmpeg -hide_banner -loglevel error -y)
CLIP="$WORK/long_gop_1080p_10s.mp4"
SHORT_GOP="$WORK/short_gop_1080p_10s.mp4"
MINUTE="$WORK/1080p_1min.mp4"
TEN_MINUTES="$WORK/1080p_10min.mp4"
FRAMES="$WORK/frames_1080p_rgb24.raw"
EXPORT_FRAMES=50

echo "Making test clips in $WORK ..." >&2
[[ -s "$CLIP" ]] || "${FF[@]}" -f lavfi -i testsrc2=s=1920x1080:r=25:d=10 \
  -c:v libx264 -preset veryfast -g 48 -bf 3 -pix_fmt yuv420p "$CLIP"
[[ -s "$SHORT_GOP" ]] || "${FF[@]}" -f lavfi -i testsrc2=s=1920x1080:r=25:d=10 \
  -c:v libx264 -preset veryfast -g 12 -bf 3 -pix_fmt yuv420p "$SHORT_GOP"
[[ -s "$MINUTE" ]] || "${FF[@]}" -f lavfi -i testsrc2=s=1920x1080:r=25:d=60 \
  -c:v libx264 -preset ultrafast -crf 32 -g 48 -pix_fmt yuv420p "$MINUTE"
if [[ ! -s "$TEN_MINUTES" ]]; then
  # Ten copies of the minute, stream-copied: a real 10-minute file in seconds.
  for _ in $(seq 10); do echo "file '$MINUTE'"; done > "$WORK/ten.txt"
  "${FF[@]}" -f concat -safe 0 -i "$WORK/ten.txt" -c copy "$TEN_MINUTES"
fi
UHD="$WORK/long_gop_2160p_10s.mp4"
[[ -s "$UHD" ]] || "${FF[@]}" -f lavfi -i testsrc2=s=3840x2160:r=25:d=10 \
  -c:v libx264 -preset ultrafast -crf 28 -g 48 -bf 3 -pix_fmt yuv420p "$UHD"
[[ -s "$FRAMES" ]] || "${FF[@]}" -i "$CLIP" -frames:v "$EXPORT_FRAMES" -f rawvideo \
  -pix_fmt rgb24 "$FRAMES"

value() { sed -n "s/^$1=//p"; }                      # media_bench key=value lines
rtime() { sed -n 's/.*rtime=\([0-9.]*\)s.*/\1/p'; } # ffmpeg -benchmark
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ff() { ffmpeg -hide_banner -nostdin -benchmark "$@" 2>&1 | rtime; }

# Rounds alternate between Retake and ffmpeg and the median of each is
# kept, so both see the same machine (the cores are shared with other work).
# ffmpeg's rtime excludes opening its input; Retake's decode time excludes
# opening and indexing too (reported on their own below).
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Decoding ..." >&2
: > "$WORK/decode.txt"
for _ in $(seq "$RUNS"); do
  echo "retake $("$BENCH" decode "$CLIP" | value decode_seconds)" >> "$WORK/decode.txt"
  echo "null $(ff -i "$CLIP" -f null -)" >> "$WORK/decode.txt"
  echo "rgb $(ff -i "$CLIP" -pix_fmt rgb24 -f null -)" >> "$WORK/decode.txt"
done
pick() { awk -v k="$1" '$1 == k { print $2 }' "$2" | median; }
retake_decode=$(pick retake "$WORK/decode.txt")
ffmpeg_decode=$(pick null "$WORK/decode.txt")
ffmpeg_decode_rgb=$(pick rgb "$WORK/decode.txt")
retake_open=$("$BENCH" decode "$CLIP" | value open_seconds)

echo "Seeking ..." >&2
seek=$("$BENCH" seek "$CLIP" 100 1)
seek_short=$("$BENCH" seek "$SHORT_GOP" 100 1)
step=$("$BENCH" stepback "$CLIP" 40 1)

echo "Exporting ..." >&2
: > "$WORK/export.txt"
for _ in $(seq "$RUNS"); do
  echo "retake $("$BENCH" export "$FRAMES" 1920 1080 "$EXPORT_FRAMES" "$WORK/retake_prores.mov" |
    value seconds)" >> "$WORK/export.txt"
  echo "ffmpeg $(ff -y -f rawvideo -pix_fmt rgb24 -s 1920x1080 -r 25 -i "$FRAMES" \
    -frames:v "$EXPORT_FRAMES" -c:v prores_ks -profile:v 3 -pix_fmt yuv422p10le "$WORK/ffmpeg_prores.mov")" >> "$WORK/export.txt"
done
retake_export=$(pick retake "$WORK/export.txt")
ffmpeg_export=$(pick ffmpeg "$WORK/export.txt")

echo "Proxies ..." >&2
# Each made afresh (the proxy folder emptied first), alternating with ffmpeg
# making the same all-intra H.264 at half size.
: > "$WORK/proxy.txt"
for _ in $(seq "$RUNS"); do
  rm -rf "$WORK/proxies-cache"
  proxy_minute=$("$BENCH" proxy "$MINUTE" half "$WORK/proxies-cache" 20 1)
  echo "retake $(value build_seconds <<<"$proxy_minute")" >> "$WORK/proxy.txt"
  echo "ffmpeg $(ff -y -i "$MINUTE" -vf scale=960:540 -c:v libx264 -preset ultrafast -crf 20 \
    -g 1 -pix_fmt yuv420p "$WORK/ffmpeg_proxy.mp4")" >> "$WORK/proxy.txt"
done
retake_proxy=$(pick retake "$WORK/proxy.txt")
ffmpeg_proxy=$(pick ffmpeg "$WORK/proxy.txt")
proxy_hd=$("$BENCH" proxy "$CLIP" half "$WORK/proxies-cache" 100 1)
proxy_uhd=$("$BENCH" proxy "$UHD" half "$WORK/proxies-cache" 100 1)
rm -rf "$WORK/proxies-cache"

echo "Measuring memory ..." >&2
mem_minute=$("$BENCH" memory "$MINUTE" 50 1)
mem_ten=$("$BENCH" memory "$TEN_MINUTES" 50 1)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
fps() { awk -v s="$1" 'BEGIN { printf "%.1f fps", 250 / s }'; }
export_fps() { awk -v s="$1" -v n="$EXPORT_FRAMES" 'BEGIN { printf "%.1f fps", n / s }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }

row() { printf '%-48s %14s %14s %9s   %s\n' "$@"; }
echo
echo "Retake media I/O benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)," \
  "load $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; medians of $RUNS alternating rounds)"
row "Measure" "Retake" "ffmpeg" "Ratio" "Goal"
row "Decode 1080p H.264 (g48 bf3) to RGB, 250 frames" "$(fps "$retake_decode")" \
  "$(fps "$ffmpeg_decode")" "$(ratio "$ffmpeg_decode" "$retake_decode")" ">= 0.9x (vs -f null)"
row "  same, ffmpeg also converting to rgb24" "$(fps "$retake_decode")" \
  "$(fps "$ffmpeg_decode_rgb")" "$(ratio "$ffmpeg_decode_rgb" "$retake_decode")" ""
row "Random seek, 1080p g48 bf3: median" "$(value median_ms <<<"$seek") ms" "-" "-" "< 40 ms"
row "Random seek, 1080p g48 bf3: p95" "$(value p95_ms <<<"$seek") ms" "-" "-" ""
row "Random seek, 1080p g12 bf3: median" "$(value median_ms <<<"$seek_short") ms" "-" "-" ""
row "Random seek, 1080p g12 bf3: p95" "$(value p95_ms <<<"$seek_short") ms" "-" "-" ""
row "Step back 1 frame during playback: median" "$(value step_back_median_ms <<<"$step") ms" "-" "-" "< 15 ms"
row "Step back 1 frame during playback: p95" "$(value step_back_p95_ms <<<"$step") ms" "-" "-" ""
row "Back 3 frames after a jump: median" "$(value back3_median_ms <<<"$step") ms" "-" "-" ""
row "Export $EXPORT_FRAMES RGB frames 1080p to ProRes 422 HQ" "$(export_fps "$retake_export")" \
  "$(export_fps "$ffmpeg_export")" "$(ratio "$ffmpeg_export" "$retake_export")" ">= 1.0x"
row "Proxy of the 1-minute 1080p clip (half, 1500 fr)" "$retake_proxy s" \
  "$ffmpeg_proxy s" "$(ratio "$ffmpeg_proxy" "$retake_proxy")" "< 30 s"
row "Random jump, 1080p g48 original: median" "$(value original_median_ms <<<"$proxy_hd") ms" "-" "-" "< 60 ms"
row "Random jump, 1080p g48 original: p95" "$(value original_p95_ms <<<"$proxy_hd") ms" "-" "-" ""
row "Random jump, 1080p g48 half proxy: median" "$(value proxy_median_ms <<<"$proxy_hd") ms" "-" "-" "< 25 ms"
row "Random jump, 1080p g48 half proxy: p95" "$(value proxy_p95_ms <<<"$proxy_hd") ms" "-" "-" "< 60 ms"
row "Random jump, 2160p g48 original: median" "$(value original_median_ms <<<"$proxy_uhd") ms" "-" "-" ""
row "Random jump, 2160p g48 original: p95" "$(value original_p95_ms <<<"$proxy_uhd") ms" "-" "-" ""
row "Random jump, 2160p g48 half proxy: median" "$(value proxy_median_ms <<<"$proxy_uhd") ms" "-" "-" "< 25 ms"
row "Random jump, 2160p g48 half proxy: p95" "$(value proxy_p95_ms <<<"$proxy_uhd") ms" "-" "-" "< 60 ms"
row "Proxy of the 2160p clip (half, 250 frames)" "$(value build_seconds <<<"$proxy_uhd") s" "-" "-" ""
row "Open + index 10 s clip (not in decode time)" "$retake_open s" "-" "-" ""
row "Open 1-minute 1080p clip (index)" "$(value open_seconds <<<"$mem_minute") s" "-" "-" ""
row "Open 10-minute 1080p clip (index)" "$(value open_seconds <<<"$mem_ten") s" "-" "-" ""
row "RSS of the process before opening (libraries)" "$(mb "$(value rss_start_kb <<<"$mem_minute")")" "-" "-" ""
row "Peak RSS, open + 50 seeks, 1-minute clip" "$(mb "$(value peak_rss_kb <<<"$mem_minute")")" "-" "-" ""
row "Peak RSS, open + 50 seeks, 10-minute clip" "$(mb "$(value peak_rss_kb <<<"$mem_ten")")" "-" \
  "$(ratio "$(value peak_rss_kb <<<"$mem_ten")" "$(value peak_rss_kb <<<"$mem_minute")")" "flat (~1.0x)"
