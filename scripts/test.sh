#!/bin/sh
# Quick start, part two: install what is missing, build, and run the whole test suite:
#   1. the release build, warnings as errors: unit, CLI golden and script tests;
#   2. the address + undefined sanitizer build (leaks on): the same suite, with the
#      YAML test suite given to every loader;
#   3. the thread sanitizer build: the CLI tests (every one of --jobs among them) and
#      the work queue's unit tests, stopping at the first report;
#   4. the CLI tests again under valgrind: no errors, no definite leaks;
#   5. each libFuzzer target for FUZZ_SECONDS (default 60);
#   6. the benchmark runner as a smoke test (no timings asserted);
#   7. the committed .clang-format against the sources.
# Set STAGEGAP_QUICK=1 to run step 1 only (and install only what it needs).
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
export STAGEGAP_BROWSER_TESTS=1

step() { printf '\n== %s\n' "$*"; }

step "release build"
if [ "${STAGEGAP_QUICK:-}" = 1 ]; then
    scripts/setup.sh --quick-tests build -DSTAGEGAP_WERROR=ON
else
    scripts/setup.sh --tests build -DSTAGEGAP_WERROR=ON
fi
ctest --test-dir build --output-on-failure -j "$jobs"
[ "${STAGEGAP_QUICK:-}" = 1 ] && exit 0

step "sanitizer build (address, undefined, leaks)"
scripts/setup.sh --tests build-asan -DSTAGEGAP_WERROR=ON -DSTAGEGAP_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"

# gcc's thread sanitizer runtime (libtsan2) comes with gcc itself, through libgcc-N-dev.
step "thread sanitizer build (--jobs)"
scripts/setup.sh --tests build-tsan -DSTAGEGAP_WERROR=ON -DSTAGEGAP_TSAN=ON
TSAN_OPTIONS=halt_on_error=1:exitcode=66 \
    ctest --test-dir build-tsan --output-on-failure -j "$jobs" -R '^(cli_|unit_workq$)' \
    -E 'yaml_suite|fuzz_regressions|html_browser|install'

step "CLI tests under valgrind"
scripts/setup.sh --tests build-valgrind -DSTAGEGAP_VALGRIND=ON
ctest --test-dir build-valgrind --output-on-failure -j "$jobs" -R '^cli_' \
    -E 'yaml_suite|fuzz_regressions|html_browser|install'

step "fuzzing"
fuzz/run.sh

step "benchmark smoke test"
bench/run.sh --smoke

step "formatting"
clang-format --dry-run --Werror src/*.c src/*.h src/win/*.h include/*.h tests/unit/*.[ch] fuzz/*.[ch] bench/*.c
echo "formatting: all files match .clang-format"
