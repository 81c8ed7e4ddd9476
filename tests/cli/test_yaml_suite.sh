#!/bin/sh
# test_yaml_suite.sh STAGEGAP
# Every input of the YAML test suite (shared/corpus/yaml-test-suite, one folder per case
# with in.yaml) is valid or invalid YAML, but none is a stagegap file. Each must be
# refused by all three ways in:
#   stagegap validate --rules CASE      (as a rules file)
#   stagegap validate CASE              (as an answers file)
#   stagegap assess --output OUT CASE   (as an assessment; OUT must not appear)
# each with exit status 3 and a diagnostic on standard error that names the file, within
# a time bound: never another status, a crash, a hang or a sanitizer report.
#
# The corpus sits beside the repository: ../shared/corpus/yaml-test-suite from the
# repository root (in CI too, where the clone sits next to a copy of shared/), or
# wherever STAGEGAP_YAML_SUITE points. Without it the test is skipped, except under CI,
# where a missing corpus fails.
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)

suite=
for dir in "$(dirname "$root")/shared/corpus/yaml-test-suite" "${STAGEGAP_YAML_SUITE:-}"; do
    if [ -n "$dir" ] && [ -d "$dir" ]; then
        suite=$dir
        break
    fi
done
if [ -z "$suite" ]; then
    echo "YAML test suite not found at $(dirname "$root")/shared/corpus/yaml-test-suite" \
         "and STAGEGAP_YAML_SUITE is not set to it"
    if [ -n "${CI:-}" ] && [ "${CI}" != false ]; then
        echo "failing: under CI the corpus must be present"
        exit 1
    fi
    echo "skipped"
    exit 77
fi

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# A bound for each run: 10 seconds, or 120 when the tests run stagegap under a tool
# (STAGEGAP_TEST_RUNNER: valgrind in scripts/test.sh --deep, many times slower).
if [ -n "${STAGEGAP_TEST_RUNNER:-}" ]; then
    limit=${STAGEGAP_TEST_TIMEOUT:-120}
else
    limit=${STAGEGAP_TEST_TIMEOUT:-10}
fi
if command -v timeout >/dev/null 2>&1; then
    run_bounded() { timeout "$limit" "$@"; }
else
    run_bounded() { "$@"; }
fi

pass=0 fail=0 cases=0
# check_run CASE-FILE WHAT ARGS...: runs stagegap, expects exit 3 and the file named.
check_run() {
    file=$1 what=$2
    shift 2
    NO_COLOR=1 run_bounded "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    why=
    if [ "$rc" = 124 ]; then
        why="no answer within ${limit}s"
    elif [ "$rc" != 3 ]; then
        why="exit status $rc, expected 3"
    elif ! grep -qF -- "$file:" "$tmp/err"; then
        why="no diagnostic naming the file"
    elif grep -qE 'Sanitizer|runtime error:|LeakSanitizer' "$tmp/err"; then
        why="sanitizer report"
    elif [ -e "$tmp/report.txt" ]; then
        why="--output file written"
        rm -f "$tmp/report.txt"
    fi
    if [ -n "$why" ]; then
        echo "FAIL: $what $file: $why"
        sed 's/^/    /' "$tmp/err" | head -5
        return 1
    fi
    return 0
}

for dir in "$suite"/*/; do
    file=${dir}in.yaml
    [ -f "$file" ] || continue
    cases=$((cases + 1))
    ok=1
    check_run "$file" "rules" validate --rules "$file" || ok=0
    check_run "$file" "answers" validate "$file" || ok=0
    check_run "$file" "assess" assess --output "$tmp/report.txt" "$file" || ok=0
    if [ "$ok" = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done

if [ "$cases" = 0 ]; then
    echo "no cases (*/in.yaml) in $suite"
    exit 1
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
