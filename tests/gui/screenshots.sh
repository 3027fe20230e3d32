#!/bin/sh
# Screenshots of the real editor window under Xvfb, checked for being neither
# blank nor the wrong size.
#
#   tests/gui/screenshots.sh BUILD_DIR OUTDIR
#
# Makes the demo project with `retake-cli demo` (or, if that fails, a small
# one with retake-cli new/import/lock/mask), starts `retake` on it in a few
# states and saves OUTDIR/<state>.png:
#   storyboard.png        English UI at frame 0: storyboard cards, viewer, timeline
#   timeline-locked.png   playhead in a locked range, mask overlay on
#   timeline-take.png     playhead on a regenerated (unlocked) frame: take bars, lock hatching
#   job-running.png       a regeneration started with --regenerate, its row in the Jobs dock
#   german.png            the same project with --lang de
#   mask-painting.png     painting mode on, a painted ellipse and stroke (shown in red)
set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR OUTDIR" >&2
    exit 2
fi
BUILD_DIR=$(cd "$1" && pwd)
mkdir -p "$2"
OUTDIR=$(cd "$2" && pwd)
WIDTH=1280
HEIGHT=800

# Run the rest on a private X server.
if [ -z "${RETAKE_SCREENSHOTS_ON_XVFB:-}" ]; then
    RETAKE_SCREENSHOTS_ON_XVFB=1 exec xvfb-run -a -s "-screen 0 ${WIDTH}x${HEIGHT}x24" \
        sh "$0" "$BUILD_DIR" "$OUTDIR"
fi

APP="$BUILD_DIR/app/retake"
CLI="${RETAKE_CLI:-$BUILD_DIR/app/retake-cli}"
for f in "$APP" "$CLI"; do
    [ -x "$f" ] || { echo "screenshots: $f is not built" >&2; exit 1; }
done

# Settings, autosaves and caches of this run only.
export XDG_CONFIG_HOME="$OUTDIR/config" XDG_DATA_HOME="$OUTDIR/data" XDG_CACHE_HOME="$OUTDIR/cache"
rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$OUTDIR"/*.png

PROJECT="$OUTDIR/demo/demo.retake"
rm -rf "$OUTDIR/demo"
# The demo saves its project before exporting; a failed export does not matter here.
"$CLI" demo "$OUTDIR/demo" >"$OUTDIR/demo.log" 2>&1 || echo "screenshots: retake-cli demo failed (see $OUTDIR/demo.log)" >&2
if [ ! -f "$PROJECT" ]; then
    echo "screenshots: no demo project; making a small one" >&2
    PROJECT="$OUTDIR/small/small.retake"
    rm -rf "$OUTDIR/small" && mkdir -p "$OUTDIR/small"
    ffmpeg -v error -y -f lavfi -i testsrc2=s=432x240:r=24:d=3 -c:v libx264 -pix_fmt yuv420p \
        "$OUTDIR/small/clip.mp4"
    convert -size 432x240 xc:black -fill white -draw "rectangle 318,14 418,48" \
        "$OUTDIR/small/mask.png"
    "$CLI" new "$PROJECT" --name "Small demo"
    "$CLI" import "$PROJECT" "$OUTDIR/small/clip.mp4" --name "Field pan"
    "$CLI" lock "$PROJECT" --shot "Field pan" --range 0-23
    "$CLI" lock "$PROJECT" --shot "Field pan" --range 48-71
    "$CLI" mask "$PROJECT" "$OUTDIR/small/mask.png" --shot "Field pan"
fi

# shoot NAME [retake arguments...]: start retake, wait for its window and for
# the frame and thumbnails to load, grab the screen, quit.
shoot() {
    name=$1
    shift
    "$APP" "$@" "$PROJECT" >"$OUTDIR/$name.log" 2>&1 &
    pid=$!
    tries=0
    until xwininfo -root -tree 2>/dev/null | grep -q 'Retake"'; do
        tries=$((tries + 1))
        if [ $tries -gt 150 ] || ! kill -0 $pid 2>/dev/null; then
            echo "screenshots: no Retake window for $name (see $OUTDIR/$name.log)" >&2
            kill $pid 2>/dev/null || true
            exit 1
        fi
        sleep 0.2
    done
    # Frames and thumbnails load off the UI thread; a loaded CI machine needs the time.
    sleep 8
    import -window root "$OUTDIR/$name.png"
    kill $pid
    wait $pid 2>/dev/null || true
}

# check NAME: the expected size, not blank, and dark like the theme.
check() {
    png="$OUTDIR/$1.png"
    size=$(identify -format '%w %h' "$png")
    [ "$size" = "$WIDTH $HEIGHT" ] || { echo "screenshots: $1.png is $size" >&2; exit 1; }
    stats=$(convert "$png" -format '%[fx:standard_deviation] %[fx:mean]' info:)
    echo "$1.png: $size, standard deviation and mean $stats"
    echo "$stats" | awk '{ exit !($1 > 0.05 && $2 > 0.05 && $2 < 0.5) }' ||
        { echo "screenshots: $1.png looks blank or not like the editor" >&2; exit 1; }
}

shoot storyboard --lang en
check storyboard

# The mask overlay is a saved setting of the viewer.
mkdir -p "$XDG_CONFIG_HOME/Retake"
printf '[viewer]\nshowMask=true\n' >"$XDG_CONFIG_HOME/Retake/Retake.conf"
shoot timeline-locked --lang en --frame 60
check timeline-locked

shoot timeline-take --lang en --frame 36
check timeline-take

# A slow engine (it trains a small network first), so the job still runs at the shot.
printf '[viewer]\nshowMask=false\n[regen]\ndefaultEngine=shot-trained\n' >"$XDG_CONFIG_HOME/Retake/Retake.conf"
shoot job-running --lang en --frame 30 --regenerate 24-47
check job-running
rm -f "$XDG_CONFIG_HOME/Retake/Retake.conf"

shoot german --lang de --frame 30
check german

# Mask painting: shapes painted with the CLI, painting mode on (a saved setting).
"$CLI" mask "$PROJECT" --shot "Field pan" --ellipse 150,150,70,45 >/dev/null
"$CLI" mask "$PROJECT" --shot "Field pan" --stroke 40,60,120,40,200,70 --size 24 --hardness 0.3 >/dev/null
printf '[viewer]\nshowMask=true\n[maskPainting]\nactive=true\n' >"$XDG_CONFIG_HOME/Retake/Retake.conf"
shoot mask-painting --lang en --frame 30
check mask-painting

# The states differ from one another.
differs() {
    pixels=$(compare -metric AE "$OUTDIR/$1.png" "$OUTDIR/$2.png" null: 2>&1 || true)
    [ "${pixels%% *}" -gt 1000 ] 2>/dev/null ||
        { echo "screenshots: $1.png and $2.png are the same ($pixels)" >&2; exit 1; }
}
differs storyboard timeline-locked
differs storyboard german
differs timeline-locked timeline-take
differs storyboard job-running
differs german mask-painting
echo "screenshots: OK in $OUTDIR"
