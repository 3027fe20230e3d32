#!/usr/bin/env python3
"""Regenerates tests/fuzz/corpus and tests/fuzz/shell.retake from real files.

    make_corpus.py RETAKE_CLI [PYTHON_WITH_OPENTIMELINEIO]
    make_corpus.py --dicts     (only the dictionaries, from the corpus as it is)

Projects, masks and .otio files are what retake-cli writes (new, import,
lock, mask, camera, blocking, otio export) for two tiny clips made with
ffmpeg; more .otio files are written by the opentimelineio package itself.
Media paths are made relative (projects) or pointed into a folder that does
not exist (OTIO), so the fuzz targets find every file missing: the fuzzer
never opens real media. JSON is written compact to keep the seeds small.
Shot descriptions come from docs/shot-description.md and the tests.
"""

import json
import re
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def write(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), sort_keys=True)


DESCRIPTIONS = [
    "MS 35mm dolly in 2s, two people at a table, dusk",
    "CU 85mm rack focus to 6m, a woman, night",
    "CU WS a man",
    "INT. MS two people at a table, night",
    "MS 35mm zoom in to 85mm 2s, a man",
    "MS 50mm dolly zoom to 25mm, a man",
    "MS pan right 20deg over 30 frames, a man",
    "walking handheld dolly in, a man",
    "WS two people at a table, two chairs, a car, a wall",
    "orbit left 90 degrees, a man",
    "dolly out 1.5m 0.5s, a man",
    "FS a man and a woman, a child",
    "EWS 24 mm crane up 2 metres 48 frames; four men, three women, morning",
    "MS subtle hand-held, a man juggling flaming torches, 30°, dusk",
    "static MS, a pair of kids, a sphere",
]

CLI_ARGS = [
    (0, "0-9"), (0, "12"), (0, "-5--2"), (1, "24000/1001"), (1, "29.97"), (1, "25"),
    (2, "01:00:00:00"), (2, "00:01:00;02"), (3, "1.5e3"), (4, "0.5,-2"), (5, "0,-3,1.6"),
    (6, "1001"), (7, "2-10"),
]

SHELL_SESSIONS = [
    "lock --shot a --range 3-8\nundo\nredo\nsave\n",
    "unlock --shot a --range 0-23\ntakes --shot b\n",
    "mask --shot a --new --rect 4,4,20,10\nmask --shot a --stroke 1,1,30,20 --size 6 --frames 2-5\n"
    "mask --shot a --list --json\nundo\n",
    "mask --shot b --polygon 1,1,40,2,20,30 --key 3\nmask --shot b --copy-frame 2 --to 5-9\n"
    "mask --shot b --fill --frames 0-1\nmask --shot b --clear --frames 1-1\n",
    "media\nmedia --shot a --input-space \"sRGB - Texture\"\nmedia --media b.mov --input-space auto\n",
    "relink --shot a moved/a.mp4\nimport new.mov --name \"New shot\" --at 0\n",
    "takes --shot a --original --range 0-3\nlock --help\nnope\n",
]


def main():
    cli = os.path.abspath(sys.argv[1])
    python = sys.argv[2] if len(sys.argv) > 2 else "/opt/retake/venv/bin/python"
    work = tempfile.mkdtemp(prefix="retake-corpus-")
    run = lambda *args: subprocess.run(args, cwd=work, check=True, capture_output=True)
    retake = lambda *args: run(cli, *args)
    for name, src, frames in [("a.mp4", "testsrc", 24), ("b.mov", "testsrc2", 30)]:
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"{src}=size=64x36:rate=24",
            "-frames:v", str(frames), "-pix_fmt", "yuv420p", name)
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=white:size=64x36",
        "-frames:v", "1", "m.png")

    retake("new", "empty.retake")
    retake("new", "--rate", "24000/1001", "--size", "1920x1080", "--name", "Rate test",
           "rate.retake")
    retake("new", "locks.retake")
    retake("import", "locks.retake", "a.mp4")
    retake("lock", "locks.retake", "--shot", "a", "--range", "0-23")
    retake("mask", "locks.retake", "--shot", "a", "m.png")
    retake("media", "locks.retake", "--shot", "a", "--input-space", "sRGB - Texture")
    retake("new", "full.retake")
    retake("import", "full.retake", "a.mp4", "b.mov")
    retake("lock", "full.retake", "--shot", "a", "--range", "2-10")
    retake("lock", "full.retake", "--shot", "b", "--range", "0-3")
    retake("unlock", "full.retake", "--shot", "a", "--range", "5-6")
    retake("mask", "full.retake", "--shot", "a", "--new", "--rect", "4,4,20,10")
    retake("mask", "full.retake", "--shot", "a", "--stroke", "1,1,30,20,40,5", "--size", "6",
           "--hardness", "0.5")
    retake("mask", "full.retake", "--shot", "a", "--ellipse", "30,18,10,5", "--erase",
           "--frames", "3-8")
    retake("mask", "full.retake", "--shot", "b", "--new", "--polygon", "1,1,40,2,20,30",
           "--key", "0")
    retake("mask", "full.retake", "--shot", "b", "--invert", "--frames", "2-4")
    retake("camera", "full.retake", "--shot", "a", "--focal", "35", "--filmback", "super35",
           "--move", "dolly-in:1.5", "--handheld", "subtle")
    retake("camera", "full.retake", "--shot", "b", "--key", "0:0,-3,1.6:0,0,0:50:ease-in-out",
           "--key", "20:1,-3,1.6:10,0,0:35")
    retake("blocking", "full.retake", "--shot", "b", "--add", "table:box:0,0,0:1.2,0.8,0.75",
           "--add", "ann:person:0.5,0.3,0:1.7", "--sun", "30,40")

    # project: the files as written (indented) for the small ones, compact for the big one.
    for name in ["empty", "rate", "locks"]:
        with open(os.path.join(work, name + ".retake"), "rb") as f:
            write("project", name + ".retake", f.read())
    with open(os.path.join(work, "full.retake")) as f:
        full = json.load(f)
    write("project", "full.retake", compact(full))
    # The shell target's starting project: two shots, locks, painted masks, a camera move.
    shutil.copy(os.path.join(work, "full.retake"), os.path.join(HERE, "shell.retake"))

    # maskjson: every painted mask of the project, as the project file holds it.
    n = 0
    for shot in full["shots"]:
        for mask in shot.get("masks", []):
            if "painted" in mask:
                write("maskjson", f"painted{n}.json", compact(mask["painted"]))
                n += 1

    # otio: retake-cli's exports, and files the opentimelineio package writes.
    missing = "/nonexistent-retake-fuzz-media"
    for name in ["full", "locks"]:
        retake("otio", "export", name + ".retake", "--out", name + ".otio")
        with open(os.path.join(work, name + ".otio")) as f:
            text = f.read().replace("file://" + work, "file://" + missing)
        write("otio", name + ".otio", compact(json.loads(text)))
    script = os.path.join(HERE, "..", "interchange", "otio_write.py")
    subprocess.run([python, script, f"{missing}/a.mov", "b.mov", f"{missing}/c.wav",
                    os.path.join(work, "pkg.otio")], check=True)
    with open(os.path.join(work, "pkg.otio")) as f:
        pkg = json.load(f)
    # The audio clip's reference has no available_range, so that missing file
    # would stop the import; give it one (48000 samples) so the seed gets through.
    for track in pkg["tracks"]["children"]:
        for item in track["children"]:
            for ref in item.get("media_references", {}).values():
                if ref.get("available_range") is None:
                    ref["available_range"] = {
                        "OTIO_SCHEMA": "TimeRange.1",
                        "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 48000.0,
                                       "value": 0.0},
                        "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 48000.0,
                                     "value": 96000.0}}
    write("otio", "opentimelineio.otio", compact(pkg))
    subprocess.run([python, os.path.join(HERE, "otio_sequence.py"),
                    os.path.join(work, "seq.otio"), missing], check=True)
    with open(os.path.join(work, "seq.otio")) as f:
        write("otio", "imagesequence.otio", compact(json.load(f)))

    shutil.rmtree(work)

    # shotdescription: the examples of docs/shot-description.md and the tests.
    for i, text in enumerate(DESCRIPTIONS):
        write("shotdescription", f"d{i:02}.txt", text)
    # cliargs: first byte = parser (fuzz_cliargs.cpp), then the argument as typed.
    for i, (parser, text) in enumerate(CLI_ARGS):
        write("cliargs", f"a{i:02}", bytes([parser]) + text.encode())
    # shell: sessions as a script would type them (shots "a" and "b" of shell.retake).
    for i, session in enumerate(SHELL_SESSIONS):
        write("shell", f"s{i:02}.txt", session)


def json_words(obj, out):
    if isinstance(obj, dict):
        for key, value in obj.items():
            out.add(key)
            json_words(value, out)
    elif isinstance(obj, list):
        for value in obj:
            json_words(value, out)
    elif isinstance(obj, str) and len(obj) < 24 and not any(c.isdigit() for c in obj[:8]):
        out.add(obj)  # enum values ("rectangle", "ease-in-out"), not IDs or paths


def printable(word):
    return word and all(32 <= ord(c) < 127 and c not in '"\\' for c in word)


def write_dicts():
    """libFuzzer dictionaries (dict/TARGET.dict): JSON syntax and the seeds'
    keys and enum words for the JSON targets, the documented vocabulary for
    shot descriptions. run.sh passes them with -dict."""
    os.makedirs(os.path.join(HERE, "dict"), exist_ok=True)
    syntax = ["{", "}", "[", "]", ":", ",", "null", "true", "false", "-1", "1e308", "0.5"]
    for target in ["project", "otio", "maskjson"]:
        words = set()
        for name in sorted(os.listdir(os.path.join(CORPUS, target))):
            if not name.startswith("regression-"):
                with open(os.path.join(CORPUS, target, name)) as f:
                    json_words(json.load(f), words)
        lines = [json.dumps(s) for s in syntax] + [json.dumps(json.dumps(w))
                                                   for w in sorted(filter(printable, words))]
        with open(os.path.join(HERE, "dict", target + ".dict"), "w") as f:
            f.write("# fuzz_%s: JSON syntax and the seed corpus's keys (make_corpus.py)\n" % target)
            f.write("\n".join(lines) + "\n")
    with open(os.path.join(HERE, "..", "..", "docs", "shot-description.md")) as f:
        doc = f.read()
    words = set()
    quoted_words = [q for line in doc.splitlines() if not line.startswith("```")
                    for q in re.findall(r"`([^`]+)`", line)]
    for quoted in quoted_words:
        if printable(quoted) and len(quoted) < 30 and "(" not in quoted:
            words.update([quoted] + quoted.split())
    with open(os.path.join(HERE, "dict", "shotdescription.dict"), "w") as f:
        f.write("# fuzz_shotdescription: the vocabulary of docs/shot-description.md (make_corpus.py)\n")
        f.write("\n".join(json.dumps(w) for w in sorted(words)) + "\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["--dicts"]:
        write_dicts()
    else:
        main()
        write_dicts()
