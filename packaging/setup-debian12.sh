#!/usr/bin/env bash
# Installs everything Retake's build, tests, benchmarks and demo need on a fresh
# Debian 12 machine. Idempotent; run as root. Nothing is fetched but Debian and
# PyPI packages.
#
#   RETAKE_VENV   where the Python environment holding libtorch lives
#                 (default /opt/retake/venv; reused across checkouts)
set -euo pipefail

RETAKE_VENV=${RETAKE_VENV:-/opt/retake/venv}

debian_packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-format git
  patch  # cmake/RetakeOpenTimelineIO.cmake patches OpenTimelineIO's reader
  # Qt 6 (Widgets, Multimedia for audio, Linguist tools for translations)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-multimedia-dev libgl-dev
  # media and colour
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
  libswresample-dev libavfilter-dev
  libopencolorio-dev opencolorio-tools
  libopenexr-dev openexr
  libimath-dev  # also OpenTimelineIO's (fetched from PyPI's sdist by cmake/RetakeOpenTimelineIO.cmake)
  libopencv-dev  # carries OpenCVConfig.cmake; DIS optical flow, inpaint baselines
  libzip-dev  # OpenTimelineIO bundles (.otioz)
  # BLAS for the CPU fallback libtorch; reference BLAS is ~30x slower
  libopenblas0-pthread
  # tests, benchmark peers, screenshots
  xvfb xauth x11-utils imagemagick fonts-dejavu-core ffmpeg
  openimageio-tools time
  blender  # Blender 3.4: checks exported cameras (.chan add-on, Python) and EXR depth
  ccache
  clang-14 libclang-rt-14-dev  # libFuzzer, ASan and UBSan for tests/fuzz (ctest -L fuzz)
  python3 python3-venv
  # the render farm's test cluster (tests/farm/slurm_cluster.sh): one-node
  # Slurm with its own munged
  slurmctld slurmd slurm-client munge
  # the development set's case builder and scorer (../shared/devset)
  python3-numpy python3-pil python3-opencv python3-skimage
)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The test cluster runs its own munged, slurmctld and slurmd (own key, socket,
# ports, all under its directory), so the system's are not wanted. Installing
# starts none in a container (no systemd: invoke-rc.d finds no runlevel, or
# policy-rc.d forbids it); under systemd it starts and enables munge, while
# slurmctld and slurmd wait for /etc/slurm/slurm.conf. Unless this machine is
# a configured Slurm node, stop and disable them. (Not through /etc/init.d:
# their stop and status act on every slurmd or munged by name, the test
# cluster's too.)
if [ -d /run/systemd/system ] && [ ! -e /etc/slurm/slurm.conf ]; then
  for unit in slurmd slurmctld munge; do
    if systemctl -q is-enabled "$unit" 2>/dev/null ||
      systemctl -q is-active "$unit" 2>/dev/null; then
      echo "setup: stopping and disabling the system's $unit" >&2
      systemctl -q disable --now "$unit"
    fi
  done
fi

# libtorch comes from PyPI's torch wheel (CUDA-enabled, ships TorchConfig.cmake).
python=$(command -v python3)
if [ ! -x "$RETAKE_VENV/bin/python" ]; then
  "$python" -m venv "$RETAKE_VENV"
fi
if ! "$RETAKE_VENV/bin/python" -c 'import torch, pxr, opentimelineio, numpy' 2>/dev/null; then
  echo "setup: installing torch, usd-core, opentimelineio into $RETAKE_VENV" >&2
  "$RETAKE_VENV/bin/pip" install -q --disable-pip-version-check \
    torch usd-core opentimelineio numpy
fi
# The render farm's job templates are checked and run locally with the Open
# Job Description CLI (tests/farm). It is still 0.x and Retake relies on its
# command line, so the minor version is pinned.
if ! "$RETAKE_VENV/bin/python" -c 'import openjd.cli' 2>/dev/null; then
  echo "setup: installing openjd-cli into $RETAKE_VENV" >&2
  "$RETAKE_VENV/bin/pip" install -q --disable-pip-version-check 'openjd-cli~=0.8.0'
fi
# Content Credentials (C2PA): the reference implementation's C library comes
# in the c2pa-python wheel; Retake declares the C API it uses for this
# version (editor/c2pa/c2paapi.h), so it is pinned exactly. The tests read
# what Retake signs with the same wheel's Python Reader.
if ! "$RETAKE_VENV/bin/pip" show c2pa-python 2>/dev/null | grep -qx 'Version: 0.38.1'; then
  echo "setup: installing c2pa-python into $RETAKE_VENV" >&2
  "$RETAKE_VENV/bin/pip" install -q --disable-pip-version-check 'c2pa-python==0.38.1'
fi
echo "setup: done (Torch_DIR=$("$RETAKE_VENV/bin/python" -c 'import torch;print(torch.utils.cmake_prefix_path)')/Torch)" >&2
