#!/bin/sh
# Regeneration quality and speed on real footage: builds the development
# set's cases (../shared/devset next to the source tree, or DEVSET), runs
# `retake-cli inpaint` (propagate, default parameters unless PARAMS is set,
# e.g. PARAMS="dilate=0 feather=0") on each and prints score.py's table: mask
# PSNR, frame PSNR, SSIM, change outside the mask, temporal warp error, next
# to OpenCV Telea and Navier-Stokes; then the frames per second of each case.
# Add --diagnostic to score the three still-picture cases instead. Never
# fails CI: a missing devset or tool is reported.
#   tests/bench/generation/devset.sh BUILD_DIR [--diagnostic]
set -eu
build=$(cd "${1:?usage: devset.sh BUILD_DIR [--diagnostic]}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
devset=${DEVSET:-$here/../../../../shared/devset}
cli="$build/app/retake-cli"
if [ ! -f "$devset/make_cases.py" ]; then
    echo "the development set is not at $devset (set DEVSET)"
    exit 0
fi
devset=$(cd "$devset" && pwd)
# Debian's python3 has the modules the scripts import; one earlier on PATH
# (pyenv, a venv) may not.
python=
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c "import numpy, cv2, PIL, skimage" 2>/dev/null; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "no python3 with numpy, cv2, PIL and skimage (python3-numpy python3-opencv python3-pil python3-skimage)"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "${2:-}" = "--diagnostic" ]; then
    "$python" "$devset/make_cases.py" --diagnostic "$work/cases" >/dev/null
else
    "$python" "$devset/make_cases.py" "$work/cases" >/dev/null
fi
params=
for p in ${PARAMS:-}; do params="$params --param $p"; done
now() { date +%s.%N; }
: > "$work/speed"
for case_dir in "$work"/cases/*/; do
    case=$(basename "$case_dir")
    frames=$(ls "$case_dir/frames" | wc -l)
    t0=$(now)
    # shellcheck disable=SC2086 # params are separate words on purpose
    "$cli" inpaint --frames "$case_dir/frames" --masks "$case_dir/masks" \
        --out "$work/results/$case" $params >/dev/null 2>"$work/err" ||
        { echo "$case: retake-cli inpaint failed:"; cat "$work/err"; }
    t1=$(now)
    echo "$case $frames $t0 $t1" >> "$work/speed"
done
echo "Regeneration on the development set (propagate${PARAMS:+, $PARAMS}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
"$python" "$devset/score.py" "$work/cases" "retake=$work/results"
awk '{ s = $4 - $3; printf "  %-22s %3d frames %7.2f s %6.2f fps\n", $1, $2, s, $2 / s }' "$work/speed"
