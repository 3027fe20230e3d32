#!/usr/bin/python3
"""Tracking accuracy on real footage with known motion (issue 17's goal:
mean corner error under 1 px after 40 frames, drift under 2 px at the end):
the development set's cases made by a crop over real frames, whose motion
make_cases.py states exactly. On each case's clean frames (gt/) a rectangle
is painted over real detail on frame 0 and tracked forward through
retake-cli (translation and planar models); its corners are compared with
where the crop's motion puts them.

    track_devset.py RETAKE_CLI DEVSET WORKDIR
"""
import json
import os
import subprocess
import sys

T = 40

# case: (crop x0, y0, x1, y1, zoom0, zoom1) from make_cases.py, and a
# rectangle (x, y, w, h) over detail on frame 0.
CASES = {
    "table_zoom_stroke": ((60, 40, 140, 80, 1.3, 1.0), (176, 60, 40, 120)),  # a bottle
    "room_logo": ((200, 100, 200, 100, 1.0, 1.0), (190, 160, 110, 70)),      # the table's foot
    "street_pan_blobs": ((0, 40, 300, 150, 1.0, 1.0), (20, 20, 90, 60)),      # asphalt
}


def crop(params, t):
    x0, y0, x1, y1, z0, z1 = params
    s = t / (T - 1)
    return x0 + (x1 - x0) * s, y0 + (y1 - y0) * s, z0 + (z1 - z0) * s


def truth(params, t, x, y):
    """A frame-0 position seen on frame t: the same source point."""
    cx0, cy0, z0 = crop(params, 0)
    cx, cy, z = crop(params, t)
    sx, sy = cx0 + x * z0, cy0 + y * z0
    return (sx - cx) / z, (sy - cy) / z


def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(args)}: {r.stderr}")
    return r.stdout


def main():
    cli, devset, work = sys.argv[1:4]
    cases = os.path.join(work, "devcases")
    if not os.path.isdir(os.path.join(cases, "table_zoom_stroke")):
        subprocess.run(["/usr/bin/python3", os.path.join(devset, "make_cases.py"), cases],
                       check=True, capture_output=True)
    print("Tracking on the development set's clean frames, 40 frames, known crop motion")
    for case, (params, (rx, ry, rw, rh)) in CASES.items():
        for model in ("translation", "planar"):
            project = os.path.join(work, f"{case}-{model}.retake")
            if os.path.exists(project):
                os.remove(project)
            run([cli, "new", project, "--size", "432x240", "--rate", "24"])
            run([cli, "import", project, os.path.join(cases, case, "gt", "00000.png"),
                 "--name", "Plate"])
            shape = json.loads(run([cli, "mask", project, "--shot", "Plate", "--rect",
                                    f"{rx},{ry},{rw},{rh}", "--json"]))["shape"]
            result = json.loads(run([cli, "mask", project, "--shot", "Plate", "--shape", shape,
                                     "--track", "forward", "--model", model, "--json"]))
            saved = json.load(open(project))
            keys = saved["shots"][0]["masks"][0]["painted"]["shapes"][0]["keys"]
            corners = [(rx, ry), (rx + rw, ry), (rx + rw, ry + rh), (rx, ry + rh)]
            errors, last = [], None
            for key in keys:
                t = key["frame"]
                p = key["points"]
                d = [((p[2 * i] - truth(params, t, *c)[0]) ** 2 +
                      (p[2 * i + 1] - truth(params, t, *c)[1]) ** 2) ** 0.5
                     for i, c in enumerate(corners)]
                errors.append(sum(d) / 4)
                last = (t, sum(d) / 4)
            stops = "; ".join(result["stops"])
            print(f"  {case:18s} {model:11s} {len(result['tracked']):2d}/39 frames  "
                  f"mean corner error {sum(errors) / len(errors):5.2f} px  "
                  f"at frame {last[0]}: {last[1]:5.2f} px{'  (' + stops + ')' if stops else ''}")


if __name__ == "__main__":
    main()
