#!/bin/sh
# scripts/test.sh [--deep]
#
# Installs what is missing, builds, and runs the tests in two tiers (README, "Quick
# start"; CONTRIBUTING.md, "The test tiers and their budget").
#
# The fast tier, the default: what a contributor runs before every commit (about 3
# minutes on a 2-core machine, at most 12):
#   1. the release build, warnings as errors: the whole suite (unit, CLI golden and
#      script tests, the HTML in Chromium);
#   2. the address + undefined sanitizer build (leaks on): the whole suite again, the
#      YAML test suite given to every loader among it;
#   3. the committed .clang-format against the sources.
# --deep adds what is slow (what .ci/run runs; about 13 minutes, at most 30):
#   4. the thread sanitizer build: the tests that start threads (ctest label `threads`:
#      every golden command again with --jobs 1, 2, 3 and 8, test_jobs, the work queue);
#   5. valgrind over the release build's own binary: the tests labelled `valgrind`, a set
#      that runs every command, format and loader at least once (tests/CMakeLists.txt
#      says which and why): no memory error, no definite leak;
#   6. each libFuzzer target for FUZZ_SECONDS (default 30), starting from the corpus
#      kept in fuzz/corpus/ (fuzz/run.sh; `fuzz/run.sh --grow` for long runs);
#   7. the benchmark runner as a smoke test (no timings asserted);
#   8. the Windows cross-build: the CLI tests under wine, then the release zip;
#   9. README's quick start on fresh Debian 12 and 13 roots
#      (scripts/fresh-machine-check.sh; needs root, as in CI).
# Every run ends with a table of each step's wall-clock seconds and the total.
#
# STAGEGAP_QUICK=1 runs step 1 only and installs only what it needs (the fresh-machine
# check runs this in each new root).
set -eu
cd "$(dirname "$0")/.."
deep=no
case "${1:-}" in
--deep) deep=yes ;;
"") ;;
-h | --help)
    sed -n '2,29s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
*)
    echo "usage: scripts/test.sh [--deep]" >&2
    exit 2
    ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)
export STAGEGAP_BROWSER_TESTS=1

# ---- the timing table ----
# step NAME ends the step before (if any) and starts NAME; the table is printed at exit,
# whatever the outcome, with the step that was running when a failure stopped the run.
times=$(mktemp "${TMPDIR:-/tmp}/stagegap-test-times.XXXXXX")
started=$(date +%s)
step_name=""
step_start=$started
end_step() {
    [ -n "$step_name" ] || return 0
    printf '%s\t%s\t%s\n' "$step_name" "$(($(date +%s) - step_start))" "$1" >>"$times"
    step_name=""
}
step() {
    end_step ok
    step_name=$*
    step_start=$(date +%s)
    printf '\n== %s\n' "$*"
}
not_run() { # not_run NAME WHY: a step this run could not take, in the table as such
    end_step ok
    printf '%s\t-\tNOT RUN: %s\n' "$1" "$2" >>"$times"
}
print_table() {
    status=$?
    if [ "$status" -eq 0 ]; then end_step ok; else end_step FAILED; fi
    printf '\n== time per step (wall-clock seconds)\n'
    awk -F '\t' '{ printf "%7s  %-44s %s\n", $2, $1, ($3 == "ok" ? "" : $3) }' "$times"
    printf '%7s  %s\n' "$(($(date +%s) - started))" "total"
    rm -f "$times"
    exit "$status"
}
trap print_table EXIT
trap 'exit 130' INT TERM

# ---- the fast tier ----
step "release build"
if [ "${STAGEGAP_QUICK:-}" = 1 ]; then
    scripts/setup.sh --quick-tests build -DSTAGEGAP_WERROR=ON
else
    scripts/setup.sh --tests build -DSTAGEGAP_WERROR=ON
fi
step "release tests"
ctest --test-dir build --output-on-failure -j "$jobs"
[ "${STAGEGAP_QUICK:-}" = 1 ] && exit 0

step "sanitizer build (address, undefined)"
scripts/setup.sh --tests build-asan -DSTAGEGAP_WERROR=ON -DSTAGEGAP_SANITIZE=ON
step "sanitizer tests (leaks on)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"

step "formatting"
clang-format --dry-run --Werror src/*/*.c src/*/*.h src/*/*/*.c src/*/*/*.h include/*.h tests/unit/*.[ch] \
    fuzz/*.[ch] bench/*.c tools/*.c
echo "formatting: all files match .clang-format"
[ "$deep" = yes ] || exit 0

# ---- the deep tier ----
# gcc's thread sanitizer runtime (libtsan2) comes with gcc itself, through libgcc-N-dev.
step "thread sanitizer build"
scripts/setup.sh --tests build-tsan -DSTAGEGAP_WERROR=ON -DSTAGEGAP_TSAN=ON
step "thread sanitizer: tests that start threads"
TSAN_OPTIONS=halt_on_error=1:exitcode=66 \
    ctest --test-dir build-tsan --output-on-failure -j "$jobs" -L '^threads$'

# The release build's binary, run by each test through tests' stagegap-under-test
# wrapper: any memory error or definite leak makes it exit 99, which no test expects.
step "valgrind: every command, format and loader"
STAGEGAP_TEST_RUNNER="valgrind -q --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite --show-leak-kinds=definite" JOBS_GOLDEN=2 \
    ctest --test-dir build --output-on-failure -j "$jobs" -L '^valgrind$'

step "fuzzing (each target ${FUZZ_SECONDS:-30} s)"
fuzz/run.sh

step "benchmark smoke test"
bench/run.sh --smoke

step "Windows build, tests under wine"
scripts/setup.sh --windows
tests/windows/run_wine.sh
step "Windows zip under wine"
tests/windows/zip_smoke.sh

if [ "$(id -u)" -eq 0 ]; then
    step "fresh-machine check (Debian 12 and 13)"
    scripts/fresh-machine-check.sh bookworm trixie
elif [ "${CI:-}" = true ]; then
    echo "scripts/test.sh: the fresh-machine check needs root, and CI must run it" >&2
    exit 1
else
    not_run "fresh-machine check (Debian 12 and 13)" "needs root: sudo scripts/fresh-machine-check.sh"
fi
