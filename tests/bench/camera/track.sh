#!/bin/sh
# Region tracking at 1080p (camera_track_bench) and plain OpenCV on the same
# frames (track_peer.py), with the ratio. Never fails: a missing tool is said.
#   tests/bench/camera/track.sh BUILD_DIR [FRAMES]
set -u
build=$(cd "${1:?usage: track.sh BUILD_DIR [FRAMES]}" && pwd)
frames=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
bench=$(find "$build" -type f -name camera_track_bench -perm -u+x | head -n 1)
if [ -z "$bench" ]; then
    echo "camera_track_bench is not built (ninja -C BUILD camera_track_bench)"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
OMP_WAIT_POLICY=PASSIVE "$bench" "$frames" --peer "$work" | tee "$work/ours"
if /usr/bin/python3 -c "import cv2, numpy" 2>/dev/null; then
    /usr/bin/python3 "$here/track_peer.py" "$work" "$frames" | tee "$work/peer"
    awk '/frames tracked/ { ours[$1] = $5 }
         /OpenCV alone/ { gsub(/[():]/, "", $3); peer[$3] = $4 }
         END { for (m in ours) if (m in peer)
                   printf "  %s: Retake %.1f frames/s, OpenCV alone %.1f (x%.2f; Retake also checks every point backward%s)\n",
                          m, ours[m], peer[m], ours[m] / peer[m], m == "planar" ? " and refines by ECC" : "" }' \
        "$work/ours" "$work/peer"
else
    echo "  (no python3 with cv2 and numpy for the peer: python3-opencv python3-numpy)"
fi
