#!/bin/sh
# Every benchmark under tests/bench/, one after the other, each printing its
# own ratios against the peer tool (ffmpeg, oiiotool, OpenCV). Called by the
# `bench` target (`ninja -C BUILD bench`), which builds the executables first.
# Benchmarks never fail: a missing tool is reported and the next one runs.
#   tests/bench/run_all.sh BUILD_DIR
set -u
build=$(cd "${1:?usage: run_all.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
status=0
# The bench target has built the executables; scripts must not build again.
export RETAKE_BENCH_PREBUILT=1
section() { printf '\n=== %s ===\n' "$1"; }
find_exe() { find "$build" -type f -name "$1" -perm -u+x | head -n 1; }
run() {
    "$@" || { echo "(benchmark exited with status $?)"; status=1; }
}
echo "Retake benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
section "Media I/O (tests/bench/media/run.sh)"
run "$here/media/run.sh" "$build"
section "LUT-graded ProRes export (tests/bench/colour/lut_export.sh)"
run "$here/colour/lut_export.sh" "$build"
section "EXR sequence export (tests/bench/colour/exr_export.sh)"
run "$here/colour/exr_export.sh" "$build"
section "Blocking render (camera_blocking_bench)"
run env OMP_WAIT_POLICY=PASSIVE "$(find_exe camera_blocking_bench)"
section "Reframe (camera_reframe_bench)"
if [ -n "$(find_exe camera_reframe_bench)" ]; then
    run env OMP_WAIT_POLICY=PASSIVE "$(find_exe camera_reframe_bench)"
else
    echo "(not built)"
fi
section "Region tracking (tests/bench/camera/track.sh)"
run "$here/camera/track.sh" "$build"
section "Tracking on real footage (tests/bench/camera/track_devset.py, track_logo.py)"
if [ -f "$here/../../../shared/devset/make_cases.py" ]; then
    track_work=$(mktemp -d)
    run /usr/bin/python3 "$here/camera/track_devset.py" "$build/app/retake-cli" \
        "$here/../../../shared/devset" "$track_work"
    run /usr/bin/python3 "$here/camera/track_logo.py" "$build/app/retake-cli" \
        "$here/../../../shared/devset" "$track_work"
    rm -rf "$track_work"
else
    echo "(the development set is not beside the source tree)"
fi
section "Regeneration engines (generation_bench --quick)"
run env OMP_WAIT_POLICY=PASSIVE "$(find_exe generation_bench)" --quick
section "Regeneration on real footage (tests/bench/generation/devset.sh)"
run "$here/generation/devset.sh" "$build"
section "Users' models, TorchScript and .pt2 (tests/bench/generation/models.sh)"
run "$here/generation/models.sh" "$build"
section "Render farm: one machine, the plan here, Slurm with 2 slots (tests/bench/farm/farm.sh)"
run "$here/farm/farm.sh" "$build"
section "Editor window (gui_bench --quick)"
if [ -z "$(find_exe gui_bench)" ]; then
    echo "(not built: RETAKE_BUILD_GUI is off)"
elif [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    run xvfb-run -a "$(find_exe gui_bench)" --quick
else
    run "$(find_exe gui_bench)" --quick
fi
exit $status
