#!/usr/bin/env bash
# Installs what Retake needs, builds it, and runs every test (ctest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/packaging/setup-debian12.sh"
BUILD_DIR=$build "$root/packaging/build.sh"
cd "$build"
ctest --output-on-failure -j 2 --timeout 600 "$@"
