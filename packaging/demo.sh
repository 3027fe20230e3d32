#!/usr/bin/env bash
# Installs what Retake needs, builds it, and runs the main job on the bundled
# demo. With a display it then opens the editor on the result.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
out=${1:-$root/retake-demo}
"$root/packaging/setup-debian12.sh"
BUILD_DIR=$build "$root/packaging/build.sh"
"$build/app/retake-cli" demo "$out"
echo "Results are in $out"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/app/retake" ]; then
  exec "$build/app/retake" "$out/demo.retake"
fi
