#!/bin/bash
# Builds Retake's libFuzzer targets with clang (ASan + UBSan) into
# BUILD_DIR/fuzz and runs each for SECONDS on a copy of its seed corpus,
# after replaying its reproducers in tests/fuzz/regressions.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS
#
# Exit 0: no finding. 1: a target crashed, hung, leaked past the RSS limit or
# failed a sanitizer check; its input is in BUILD_DIR/fuzz/findings/TARGET/.
# 77: no clang with libFuzzer here (ctest counts that as skipped).
# Environment: RETAKE_FUZZ_CXX (default clang++-14, else clang++),
# RETAKE_FUZZ_JOBS (build jobs, default 2), RETAKE_FUZZ_TARGETS (a subset,
# e.g. "project otio"). Every target's corpus grows only in a temporary copy:
# the checked-in seeds stay as they are.
set -euo pipefail
# Leaks inside OpenTimelineIO's reader are upstream's (see lsan.supp).
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
build_dir=$(realpath -m "$1")
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
out="$build_dir/fuzz"

cxx=${RETAKE_FUZZ_CXX:-}
if [ -z "$cxx" ]; then
    for c in clang++-14 clang++; do
        if command -v "$c" > /dev/null; then
            cxx=$c
            break
        fi
    done
fi
if [ -z "$cxx" ] || ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, long) { return 0; }' |
    "$cxx" -x c++ -fsanitize=fuzzer,address,undefined -o /dev/null - 2> /dev/null; then
    echo "fuzz: no clang with libFuzzer (apt-get install clang-14 libclang-rt-14-dev); skipped"
    exit 77
fi

start=$(date +%s)
if [ ! -f "$out/CMakeCache.txt" ]; then
    cmake -S "$here/libfuzzer" -B "$out" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" > "$out.configure.log" 2>&1 ||
        { cat "$out.configure.log"; exit 1; }
fi
cmake --build "$out" -j "${RETAKE_FUZZ_JOBS:-2}" > "$out/build.log" 2>&1 ||
    { tail -50 "$out/build.log"; exit 1; }
echo "fuzz: built in $(($(date +%s) - start)) s ($cxx)"

targets=${RETAKE_FUZZ_TARGETS:-$(cd "$here" && ls fuzz_*.cpp | sed 's/^fuzz_//; s/\.cpp$//')}
mkdir -p "$out/logs"
failed=()
for t in $targets; do
    exe="$out/fuzz_$t"
    findings="$out/findings/$t"
    mkdir -p "$findings"
    # Every reproducer first: a fixed bug must stay fixed whatever the fuzzer finds.
    if [ -d "$here/regressions/$t" ] && [ -n "$(ls -A "$here/regressions/$t")" ]; then
        if ! "$exe" -runs=1 -close_fd_mask=1 "$here/regressions/$t"/* > "$out/logs/$t.regressions.log" 2>&1; then
            echo "fuzz: $t: a reproducer in tests/fuzz/regressions/$t fails again:"
            grep -E "ERROR|SUMMARY|Running:" "$out/logs/$t.regressions.log" | tail -5
            failed+=("$t")
            continue
        fi
    fi
    dict=()
    [ -f "$here/dict/$t.dict" ] && dict=(-dict="$here/dict/$t.dict")
    corpus=$(mktemp -d)
    cp "$here/corpus/$t"/* "$corpus"/
    # -close_fd_mask=1 drops the targets' stdout (the shell's "ok lock" lines);
    # sanitizer reports go to stderr and stay.
    if "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=1 \
        -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" "$corpus" > "$out/logs/$t.log" 2>&1; then
        echo "fuzz: $t: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$out/logs/$t.log" | tail -1)s," \
            "$(ls "$corpus" | wc -l) inputs in the corpus, no finding"
    else
        echo "fuzz: $t: FINDING; log $out/logs/$t.log, input in $findings:"
        grep -E "ERROR:|SUMMARY:|Test unit written|#[0-9]+ 0x" "$out/logs/$t.log" | head -25
        failed+=("$t")
    fi
    rm -rf "$corpus"
done
echo "fuzz: $(($(date +%s) - start)) s in all"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in: ${failed[*]}"
    exit 1
fi
