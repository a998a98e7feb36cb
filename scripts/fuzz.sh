#!/usr/bin/env bash
# Builds the fuzz targets (Fuzz/Targets, one per parser of outside input) with libFuzzer's coverage and
# AddressSanitizer in .build-fuzz, then runs each for SECONDS (default 30) on a scratch copy of its corpus
# (Fuzz/Corpus/<target>: the committed corpus never grows here). A crash, a sanitizer report, a timeout, running
# out of memory or a failed fuzzAssert fails the run; libFuzzer saves the input that did it in the artifacts
# folder, which is named at the end. Replay a saved input with `.build-fuzz/release/<target> <file>` (or,
# without sanitizers, `swift run <target> <file>`).
#
# Usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]
#   FUZZ_ARTIFACTS=folder        where failing inputs go (default .build-fuzz/artifacts/<date-time>)
#   FUZZ_CONFIGURATION=debug     build the targets without optimization (default release)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
shift || true
if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for folder in Fuzz/Targets/*/; do targets+=("$(basename "$folder")"); done
fi
scratch=.build-fuzz
# Optimized code runs each target 3 to 5 times as often in the same time; bounds and overflow checks stay.
configuration=${FUZZ_CONFIGURATION:-release}
artifacts=${FUZZ_ARTIFACTS:-$scratch/artifacts/$(date +%Y%m%d-%H%M%S)}

# libFuzzer without its own main (each target's main calls LLVMFuzzerRunDriver), from the toolchain's clang
# runtime: swiftc's -sanitize=fuzzer would link the one with a main, which clashes with the main SwiftPM gives
# every executable. The coverage options are the ones -sanitize=fuzzer turns on.
resources=$(swiftc -print-target-info | sed -n 's/^ *"runtimeResourcePath": "\(.*\)",*$/\1/p')
libfuzzer="$resources/clang/lib/linux/libclang_rt.fuzzer_no_main-$(uname -m).a"
if [ ! -f "$libfuzzer" ]; then
    echo "fuzz: no libFuzzer in this toolchain ($libfuzzer)" >&2
    exit 1
fi
flags=(
    --scratch-path "$scratch" -c "$configuration"
    -Xswiftc -sanitize=address
    -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table
    -Xswiftc -DFUZZING
    -Xcc -fsanitize=address
    -Xcc -fsanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table
    -Xlinker --whole-archive -Xlinker "$libfuzzer" -Xlinker --no-whole-archive -Xlinker -lstdc++
)

build_log=$scratch/fuzz-build.log
mkdir -p "$scratch"
: >"$build_log"
start=$SECONDS
for target in "${targets[@]}"; do
    # ld.gold warns "Cannot export local symbol '__asan_…'" for every target: harmless, so kept in the log only.
    if ! swift build "${flags[@]}" --product "$target" >>"$build_log" 2>&1; then
        grep -v "Cannot export local symbol" "$build_log" | tail -40 >&2
        echo "fuzz: building $target failed (the whole log is $build_log)" >&2
        exit 1
    fi
done
bin=$(swift build "${flags[@]}" --show-bin-path)
echo "fuzz: built ${#targets[@]} targets in $((SECONDS - start)) s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
for target in "${targets[@]}"; do
    mkdir -p "$work/$target/corpus" "$work/$target/tmp" "$artifacts/$target"
    cp Fuzz/Corpus/"$target"/* "$work/$target/corpus/"
    log=$work/$target/fuzz.log
    status=0
    # libFuzzer looks for leaks after any input that allocates more than it frees, which takes milliseconds; the
    # targets that read files through libxml2 or Foundation meet a suppressed leak on many inputs, so they are
    # checked only when they exit (which fails the run too, but without saving an input).
    leaks=1
    case $target in FuzzReturnXML | FuzzFormulaFile) leaks=0 ;; esac
    # The Swift runtime's backtracer would attach to a crashing target and hold it up; libFuzzer reports crashes.
    # Leaks inside libxml2 and Foundation that our code cannot avoid are suppressed (see the file for each).
    SWIFT_BACKTRACE=enable=no TMPDIR="$work/$target/tmp" LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt" \
        "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=$leaks -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target/" "$work/$target/corpus" </dev/null >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    if [ "$status" -eq 0 ]; then
        echo "fuzz: $target: ${runs:-?} runs in ${seconds} s, ${coverage:-cov: ?}, corpus $(ls "$work/$target/corpus" | wc -l) inputs"
    else
        cp "$log" "$artifacts/$target/fuzz.log"
        grep -v "Cannot export local symbol" "$log" | tail -60 >&2
        echo "fuzz: $target FAILED (exit $status); the input and the log are in $artifacts/$target/" >&2
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#failed[@]} of ${#targets[@]} targets failed: ${failed[*]}; inputs saved in $artifacts" >&2
    exit 1
fi
# Nothing failed: drop the empty folders (libFuzzer may leave slow-unit files, which are not failures).
find "$artifacts" -depth -type d -empty -delete 2>/dev/null || true
echo "fuzz: all ${#targets[@]} targets ran ${seconds} s each without a failure"
