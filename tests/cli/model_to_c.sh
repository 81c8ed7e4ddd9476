#!/bin/sh
# tools/model_to_c, the build-time generator of the built-in model (docs/performance.md,
# "The built-in model as data"): a model that does not load is refused with the loader's
# located diagnostics, exit 1 and no output file; so is an overlay; a wrong command line
# is exit 2; a plain model is written as C data under the name and symbol given.
# Registered by tests/CMakeLists.txt when the generator is built here (not cross-compiling).
set -u
gen=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}
# run NAME EXPECTED_EXIT ARGS...: stderr into $tmp/NAME.err
run() {
    name=$1 want=$2
    shift 2
    "$gen" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$name: exit $got, expected $want"; fi
}
has() { # has NAME TEXT
    if grep -qF -- "$2" "$tmp/$1.err"; then ok; else bad "$1: no '$2' in: $(cat "$tmp/$1.err")"; fi
}

run usage 2 data/epis.yaml
has usage "usage: model_to_c MODEL.yaml NAME SYMBOL OUTPUT.c"

run broken 1 tests/fixtures/rules-errors.yaml "x (built in)" sym "$tmp/broken.c"
has broken "tests/fixtures/rules-errors.yaml:"
has broken "error:"
[ -e "$tmp/broken.c" ] && bad "broken: an output file was written" || ok

run missing 1 "$tmp/no-such.yaml" "x" sym "$tmp/missing.c"
has missing "no-such.yaml"
[ -e "$tmp/missing.c" ] && bad "missing: an output file was written" || ok

run overlay 1 data/examples/eastbrook-overlay.yaml "x" sym "$tmp/overlay.c"
has overlay "cannot extend the built-in one"
[ -e "$tmp/overlay.c" ] && bad "overlay: an output file was written" || ok

run epis 0 data/epis.yaml "epis.yaml (test)" rules_test_epis "$tmp/epis.c"
if grep -q '^const struct rules rules_test_epis = {$' "$tmp/epis.c" &&
    grep -qF '.file = "epis.yaml (test)"' "$tmp/epis.c" &&
    grep -qF '.id = "epis"' "$tmp/epis.c"; then ok; else bad "epis: not the model as C data"; fi
[ -s "$tmp/epis.err" ] && bad "epis: said something: $(cat "$tmp/epis.err")" || ok

echo "model_to_c: $pass passed, $fail failed"
[ "$fail" = 0 ]
