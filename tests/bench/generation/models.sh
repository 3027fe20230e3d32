#!/bin/sh
# Users' models (docs/models.md) run by Retake, next to the same model run by
# PyTorch itself in the same run: the documented temporal-mean inpainting
# model, made as a TorchScript file and as an AOTInductor package by the
# document's own example, applied to 48 frames of 1280x720 (a moving test
# picture under a moving mask) through `retake-cli inpaint --engine model`
# (decode, model, composite, PNG encode), and the package alone in Python
# (torch._inductor.aoti_load_package) as the peer. Prints frames per second
# and the ratios. Never fails CI: missing torch or tools are reported.
#   tests/bench/generation/models.sh BUILD_DIR
set -eu
build=$(cd "${1:?usage: models.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cli="$build/app/retake-cli"
python=${RETAKE_PYTHON:-/opt/retake/venv/bin/python}
if ! "$python" -c "import torch, numpy" 2>/dev/null; then
    echo "no python with torch and numpy at $python (set RETAKE_PYTHON)"
    exit 0
fi
# Debian's python3 writes the PNGs (the venv has no PIL).
pictures=/usr/bin/python3
if ! "$pictures" -c "import numpy, PIL" 2>/dev/null; then
    echo "no /usr/bin/python3 with numpy and PIL (python3-numpy python3-pil)"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The document's inpainting example, as the test runs it.
"$python" - "$here/../../../docs/models.md" "$work" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
block = re.findall(r"```python\n(.*?)```", text, re.S)[0]
open(sys.argv[2] + "/make.py", "w").write("import os, sys\nos.chdir(sys.argv[1])\n" + block)
EOF
"$python" "$work/make.py" "$work" >/dev/null 2>&1 || { echo "the docs example failed"; exit 0; }
frames=48
"$pictures" - "$work" "$frames" <<'EOF'
import os, sys
import numpy as np
from PIL import Image
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out + "/frames"); os.makedirs(out + "/masks")
h, w = 720, 1280
y, x = np.mgrid[0:h, 0:w]
frames, masks = [], []
for t in range(n):
    r = ((x + 7 * t) % 256).astype(np.uint8)
    g = ((y + 3 * t) % 256).astype(np.uint8)
    b = (((x // 40 + y // 40 + t) % 2) * 200 + 30).astype(np.uint8)
    Image.fromarray(np.dstack([r, g, b])).save(f"{out}/frames/{t:05d}.png")
    m = (((x - 300 - 12 * t) ** 2 + (y - 360) ** 2) < 90 ** 2).astype(np.uint8) * 255
    Image.fromarray(m).save(f"{out}/masks/{t:05d}.png")
    frames.append(np.dstack([r, g, b])); masks.append(m)
# The same pictures for the peer, which has no PNG reader.
np.save(out + "/frames.npy", np.stack(frames)); np.save(out + "/masks.npy", np.stack(masks))
EOF
now() { date +%s.%N; }
echo "Users' models on $frames frames of 1280x720 ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
for kind in pt pt2; do
    t0=$(now)
    "$cli" inpaint --frames "$work/frames" --masks "$work/masks" --out "$work/out_$kind" \
        --engine model --param "model=$work/temporal_mean.$kind" --param chunk_frames=16 \
        >/dev/null 2>"$work/err_$kind" || { echo "retake-cli failed:"; cat "$work/err_$kind"; exit 0; }
    t1=$(now)
    echo "$kind $t0 $t1" >> "$work/times"
done
# The peer: the package alone in PyTorch, on the same frames in the same
# chunks, already decoded (what the model costs without Retake around it).
"$python" - "$work" "$frames" <<'EOF' >> "$work/times" 2>/dev/null
import sys, time
import numpy as np, torch
work, n = sys.argv[1], int(sys.argv[2])
frames = torch.from_numpy(np.load(work + "/frames.npy")).permute(0, 3, 1, 2).float() / 255
masks = torch.from_numpy(np.load(work + "/masks.npy")).float().unsqueeze(1) / 255
package = torch._inductor.aoti_load_package(work + "/temporal_mean.pt2")
package(frames[:16].contiguous(), masks[:16].contiguous())  # warm up
t0 = time.time()
with torch.no_grad():
    for s in range(0, n, 16):
        package(frames[s:s + 16].contiguous(), masks[s:s + 16].contiguous())
t1 = time.time()
print("peer", t0, t1)
EOF
awk -v n="$frames" '
    { fps[$1] = n / ($3 - $2) }
    END {
        printf "  retake-cli inpaint, TorchScript   %7.2f fps\n", fps["pt"]
        printf "  retake-cli inpaint, .pt2 package  %7.2f fps\n", fps["pt2"]
        printf "  PyTorch, the package alone (peer) %7.2f fps (model only: no decode, composite or encode)\n", fps["peer"]
        printf "  .pt2 / TorchScript in Retake: %.2fx; Retake end to end / the model alone: %.2fx\n", fps["pt2"] / fps["pt"], fps["pt2"] / fps["peer"]
    }' "$work/times"
