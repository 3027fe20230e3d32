#!/usr/bin/env python3
"""Refuses any include that runs up Retake's layers.

The order below is the architecture: ARCHITECTURE.md draws it, and this test
is what holds it. A folder may include its own files and those of folders on
lower levels; folders on the same level (the library adapters) may not include
each other. A new folder in editor/ must be placed here before it builds
green. Beside the order, the three libraries keep their walls: generation/
knows no Qt and nothing of editor/ or app/; editor/ knows no widgets and
nothing of app/; each external library is included only from its adapter
(OpenTimelineIO's from editor/interchange/).

usage: check_layers.py SOURCE_DIR
"""
import os
import re
import sys

# editor/, bottom to top. One entry per level.
EDITOR_LEVELS = [
    ["core"],             # rational time, ranges, errors, atomic files, progress
    ["media"],            # images, media info, reader/encoder interfaces, sequences
    ["model"],            # the project and its value types (camera, blocking, masks)
    ["mask"],             # painted masks: JSON and rasterising
    ["ffmpeg", "openexr", "ocio", "zip", "c2pa"],  # adapters: the only includes of those libraries
    ["mediaio"],          # opens and writes files through the adapters
    ["proxy"],            # proxies: small all-intra copies of media for the viewer
    ["timeline"],         # what is at frame N: frame source, media colour, audio mix
    ["engines"],          # the bridge to generation/: loads it, converts images, errors
    ["tracking"],         # mask shapes that follow the picture (the region tracker)
    ["regen"],            # a shot range -> engine -> a take
    ["camera"],           # lens, moves, blocking scenes, reframe
    ["projectfile"],      # the project file (JSON, versions)
    ["export"],           # footage, EXR, depth, provenance
    ["interchange"],      # OpenTimelineIO: the adapter of its C++ library
    ["document"],         # undo, autosave, edits
    ["farm"],             # render farm plans, tasks, Slurm and Open Job Description
    ["jobs"],             # work off the GUI thread
]

# External headers and the only folders that may include them.
ADAPTERS = {
    r"libav\w*/|libsw\w*/": {"editor/ffmpeg"},
    r"Imf\w*\.h|Imath\w*\.h|OpenEXR/": {"editor/openexr"},
    r"OpenColorIO/": {"editor/ocio"},
    r"^zip\.h$|^zipconf\.h$": {"editor/zip"},
    r"opentimelineio/|opentime/": {"editor/interchange"},
    r"torch/|ATen/|c10/": {"generation"},
    r"opencv2/": {"generation"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def sources(root, top):
    for folder, _, names in os.walk(os.path.join(root, top)):
        for name in sorted(names):
            if name.endswith((".h", ".cpp")):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        match = INCLUDE.match(line)
                        if match:
                            yield os.path.relpath(path, root), number, match.group(1), match.group(2)


def check(root):
    level_of = {folder: i for i, level in enumerate(EDITOR_LEVELS) for folder in level}
    problems = []

    editor = os.path.join(root, "editor")
    for folder in sorted(os.listdir(editor)):
        if os.path.isdir(os.path.join(editor, folder)) and folder not in level_of:
            problems.append(f"editor/{folder}/ has no place in the layer order "
                            f"(tests/architecture/check_layers.py)")

    for top in ("editor", "generation", "app"):
        for path, number, quote, target in sources(root, top):
            where = f"{path}:{number}: #include {quote}{target}"
            own = path.split(os.sep)
            for pattern, allowed in ADAPTERS.items():
                if quote == "<" and re.match(pattern, target) and \
                        not any(path.startswith(a + "/") for a in allowed):
                    problems.append(f"{where}: only {', '.join(sorted(allowed))} may include it")
            if top == "generation" and quote == "<" and re.match(r"Q[A-Za-z]", target):
                problems.append(f"{where}: generation/ knows no Qt")
            if top == "editor" and quote == "<" and re.match(r"QtWidgets|Q(Widget|Dialog|Application\b)", target):
                problems.append(f"{where}: editor/ knows no widgets")
            if top != "editor" or quote != '"':
                continue
            first = target.split("/")[0]
            if "/" not in target or first not in level_of:
                continue  # same-folder include, or a library's own path
            mine = own[1]
            if first == mine:
                continue
            if level_of[first] == level_of[mine]:
                problems.append(f"{where}: {mine}/ and {first}/ are on one level and may not "
                                f"include each other")
            elif level_of[first] > level_of[mine]:
                problems.append(f"{where}: runs up ({mine}/ is below {first}/)")
        if top in ("generation", "editor"):
            for path, number, quote, target in sources(root, top):
                if quote == '"' and re.match(r"(app|gui|cli)/", target):
                    problems.append(f"{path}:{number}: #include \"{target}\": {top}/ knows nothing of app/")

    return problems


def self_test():
    """The check must be able to fail: a tree with one include of each kind
    it refuses gets exactly those refusals."""
    import tempfile
    files = {
        "editor/core/clock.h": '#include "jobs/queue.h"\n',            # runs up
        "editor/ffmpeg/reader.h": '#include "ocio/pipeline.h"\n',      # across a level
        "editor/ocio/pipeline.h": "#include <libavcodec/avcodec.h>\n",  # wrong adapter
        "editor/export/otio.cpp": "#include <opentimelineio/clip.h>\n",  # OTIO outside interchange/
        "editor/jobs/queue.h": '#include "core/clock.h"\n#include <QWidget>\n',
        "editor/newthing/a.h": "",                                      # unplaced folder
        "generation/engine.cpp": "#include <QString>\n",
    }
    with tempfile.TemporaryDirectory() as root:
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, name)), exist_ok=True)
            with open(os.path.join(root, name), "w") as f:
                f.write(text)
        os.makedirs(os.path.join(root, "app"))
        found = check(root)
    expected = ["editor/newthing/ has no place", "editor/core/clock.h:1", "editor/ffmpeg/reader.h:1",
                "editor/ocio/pipeline.h:1", "editor/export/otio.cpp:1", "editor/jobs/queue.h:2", "generation/engine.cpp:1"]
    missing = [e for e in expected if not any(p.startswith(e) for p in found)]
    if missing or len(found) != len(expected):
        print("self-test failed; expected refusals of", expected, "got", found)
        return False
    return True


def main():
    if not self_test():
        return 2
    problems = check(sys.argv[1])
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} includes break the layer order")
        return 1
    print(f"layer order holds: {' < '.join('/'.join(level) for level in EDITOR_LEVELS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
