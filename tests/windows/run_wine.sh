#!/bin/sh
# tests/windows/run_wine.sh [--all] [BUILD_DIR]
#
# Cross-builds stagegap.exe (cmake/mingw-w64-x86_64.cmake, default BUILD_DIR
# build-windows) and runs the CLI tests with it under wine, in a wine prefix of its own
# in a temporary directory (headless: a console program needs no display). The tests
# are the Linux build's own (tests/cli): the same golden files, compared byte for byte
# (standard output, standard error, exit status, and the files --output writes).
# What is not run under wine is printed, with the reason, before the tests start.
# --all also runs the slower script tests that pass under wine but are left out of CI
# for time. Needs: scripts/setup.sh --windows.
set -eu
cd "$(dirname "$0")/../.."
all=no
if [ "${1:-}" = --all ]; then
    all=yes
    shift
fi
build=${1:-build-windows}
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DSTAGEGAP_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$jobs"

tmp=$(mktemp -d)
export WINEPREFIX="$tmp/wine" WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko: a console program needs neither, and wineboot would ask for them.
export WINEDLLOVERRIDES="mscoree=;mshtml="
trap 'wineserver -k 2>/dev/null || true; rm -rf "$tmp"' EXIT
# One wine server for the whole run, started before anything else: left to itself it
# stops a few seconds after its last program, and a test starting as it stops meets
# "recvmsg: Connection reset by peer".
mkdir -p "$WINEPREFIX"
wineserver -p
wineboot -i >/dev/null 2>&1

# Not run under wine, and why (each runs in the Linux build: scripts/test.sh).
cat <<'LIST'
Not run under wine:
  unit_*                            cmocka unit tests: Linux-only by design (they test the
                                    same sources; not built for Windows)
  fuzzers, sanitizers, valgrind     Linux-only tools (fuzz/, scripts/test.sh)
  cli_*-jobs but four               the same golden files again with --jobs 1, 2, 3 and 8:
                                    4 runs each, too slow under wine for CI; the four of
                                    cli_assess-{eastbrook-text,mixed-organisations,
                                    same-file-twice,same-dir-twice}-jobs are run
  cli_test_ask_pty                  drives 'ask' through a Unix pseudo-terminal; wine has
                                    no Windows console to attach to it
  cli_test_output_safety            its links checks use Unix symbolic links, which wine 8
                                    does not show as reparse points (Windows links are)
  cli_test_jobs, cli_test_exact_oracle
                                    hundreds of runs each: over 2 minutes under wine
  cli_test_html_browser             needs Chromium (Linux); the HTML bytes are the goldens'
  cli_test_install                  installs into a Linux prefix (cmake --install)
  cli_test_yaml_suite, cli_test_privacy_properties, cli_test_benchmark_privacy,
  cli_test_evidence_scores
                                    the YAML test suite and property tests drive every
                                    loader thousands of times: Linux only, for time
  cli_test_benchmark_hostile        reads a Unix FIFO as a share file; the benchmark's
                                    goldens (cli_benchmark-*) run under wine
LIST
slow='test_anonymity|test_breakdown_over_time|test_doc_examples|test_docs_consistency'
slow="$slow|test_init_roundtrip|test_order_independence|test_plan_roundtrip|test_report_schema"
if [ "$all" = yes ]; then
    extra=""
else
    echo "  cli_$slow" | sed 's/|/, cli_/g'
    echo "                                    pass under wine; left out of CI for time (--all runs them)"
    extra="|$slow"
fi
exclude="test_ask_pty|test_output_safety|test_jobs|test_exact_oracle"
exclude="$exclude|test_html_browser|test_install|test_yaml_suite|test_privacy_properties"
exclude="$exclude|test_benchmark_privacy|test_benchmark_hostile|test_evidence_scores$extra"
jobs_tests='^cli_assess-(eastbrook-text|mixed-organisations|same-file-twice|same-dir-twice)-jobs$'
echo
# A test that fails is run once more, on its own, and the run says so: wine now and then
# drops a program as it starts (seen on 2026-12-07: cli_assess-accept-expired-markdown
# exited 1 with no output, then passed 5 times of 5 under the same prefix). A real
# failure fails twice and still fails the step.
run_tests() { # run_tests CTEST-ARGS...
    ctest --test-dir "$build" --output-on-failure -j "$jobs" "$@" && return 0
    echo "wine: running the tests that failed once more, each on its own"
    ctest --test-dir "$build" --output-on-failure --rerun-failed
}
start=$(date +%s)
status=0
run_tests -R '^cli_' -E "$exclude|-jobs$" || status=$?
run_tests -R "$jobs_tests" || status=$?
echo "wine tests took $(($(date +%s) - start)) s"
exit $status
