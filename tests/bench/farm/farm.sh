#!/bin/sh
# Render farm benchmark (issue 14; docs/farm.md): 96 frames of 720p real
# footage regenerated (propagate, an ellipse over the whole shot) three ways:
#   single  retake-cli regen, one process
#   local   the farm plan's tasks one after the other here (farm run): the
#           plan's own overhead (a process and a library load per task,
#           context and overlap frames read twice)
#   slurm   the same plan on a one-node Slurm cluster with 2 task slots,
#           started by tests/farm/slurm_cluster.sh (root only; otherwise
#           said and skipped)
# and prints wall times, ratios, and the frames each way reads. The takes
# must be identical; a difference is printed. Never fails CI.
#   tests/bench/farm/farm.sh BUILD_DIR
set -u
build=$(cd "${1:?usage: farm.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cli="$build/app/retake-cli"
devset=${DEVSET:-$here/../../../../shared/devset}
work=$(mktemp -d)
cluster=
cleanup() {
    [ -n "$cluster" ] && bash "$here/../../farm/slurm_cluster.sh" stop "$cluster" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

clip="$devset/clips/car-detection.mp4"
if [ -f "$clip" ]; then
    ffmpeg -v error -i "$clip" -vf scale=1280:720 -frames:v 96 -c:v libx264 -crf 12 "$work/clip.mp4"
else
    echo "(no development set at $devset: a synthetic clip instead)"
    ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=24 -frames:v 96 -c:v libx264 -crf 12 "$work/clip.mp4"
fi
make_project() {
    mkdir -p "$1"
    "$cli" new "$1/p.retake" --force >/dev/null &&
        "$cli" import "$1/p.retake" "$work/clip.mp4" --name Plate >/dev/null &&
        "$cli" mask "$1/p.retake" --shot Plate --new --ellipse 640,400,140,90 >/dev/null
}
make_project "$work/single" && make_project "$work/local" && make_project "$work/slurm" || {
    echo "cannot make the benchmark's projects"
    exit 0
}
args="--shot Plate --seed 1"
echo "Farm: 96 frames of 1280x720, propagate; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

t0=$(now)
# shellcheck disable=SC2086
take=$("$cli" regen "$work/single/p.retake" $args 2>/dev/null | cut -f1)
t1=$(now)
single=$(secs "$t0" "$t1")
echo "  single run (retake-cli regen)        ${single} s"

t0=$(now)
# shellcheck disable=SC2086
"$cli" farm plan "$work/local/p.retake" --out "$work/local.json" regen $args >"$work/plan.txt" 2>/dev/null
t1=$(now)
tasks=$(grep -c 'task ' "$work/plan.txt")
echo "  plan (mask pass, $tasks tasks)              $(secs "$t0" "$t1") s"
"$cli" farm run "$work/local.json" >"$work/local.txt" 2>/dev/null
t2=$(now)
local_run=$(secs "$t1" "$t2")
echo "  farm run here, tasks in turn          ${local_run} s  ($(awk -v a="$local_run" -v b="$single" 'BEGIN { printf "%.2f", a / b }')x the single run)"
/usr/bin/python3 - "$work/local.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
chunks = plan["chunks"]
read = sum(b - a for a, b in chunks)
frames = max(b for a, b in chunks) - min(a for a, b in chunks)
print(f"  frames the chunk tasks read           {read} for {frames} ({read / frames:.2f}x: chunk overlap)")
PY
sed -n 's/^task \([0-9]*\)\tdone in \(.*\)/    task \1: \2/p' "$work/local.txt"
echo "  chunk results on shared storage       $(du -sm "$work/local.farm/chunks" | cut -f1) MB (written by the chunk tasks, read by the assembly)"

if [ "$(id -u)" -ne 0 ]; then
    echo "  slurm: skipped (the one-node cluster needs root)"
elif ! command -v slurmctld >/dev/null; then
    echo "  slurm: skipped (slurmctld is not installed: packaging/setup-debian12.sh)"
else
    cluster="$work/cluster"
    if out=$(bash "$here/../../farm/slurm_cluster.sh" start "$cluster" 2>"$work/cluster.err"); then
        export SLURM_CONF="$cluster/slurm.conf"
        t0=$(now)
        # shellcheck disable=SC2086
        "$cli" farm plan "$work/slurm/p.retake" --out "$work/slurm.json" regen $args >/dev/null 2>&1
        "$cli" farm submit "$work/slurm.json" --slurm >/dev/null 2>&1
        until "$cli" farm status "$work/slurm.json" >/dev/null 2>&1; do
            if "$cli" farm status "$work/slurm.json" 2>/dev/null | grep -q failed; then
                echo "  slurm: a task failed"
                "$cli" farm status "$work/slurm.json"
                break
            fi
            sleep 0.5
        done
        t1=$(now)
        slurm=$(secs "$t0" "$t1")
        echo "  Slurm, 1 node, 2 task slots           ${slurm} s  ($(awk -v a="$single" -v b="$slurm" 'BEGIN { printf "%.2f", a / b }')x faster than the single run)"
        "$cli" farm status "$work/slurm.json" --json | /usr/bin/python3 -c '
import json, sys
s = json.load(sys.stdin)
for t in s["tasks"]:
    print("    task %d (%s): %.1f s" % (t["task"], t["kind"], t.get("seconds", 0)))'
    else
        echo "  slurm: the cluster did not start:"
        tail -5 "$work/cluster.err"
    fi
fi

# The takes are the same bytes.
ltake=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['take'])" "$work/local.json")
if diff -r "$work/single/p.retake-cache/takes/$take" "$work/local/p.retake-cache/takes/$ltake" >/dev/null; then
    echo "  the farm's take is bit-identical to the single run's"
else
    echo "  DIFFERENCE: the farm's take differs from the single run's"
fi
