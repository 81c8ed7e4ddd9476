#!/bin/sh
# golden.sh STAGEGAP GOLDEN_PREFIX EXPECTED_EXIT ARGS...
# Runs STAGEGAP ARGS with NO_COLOR set, no terminal and COLUMNS=80 (or GOLDEN_COLUMNS),
# and checks the exit status; standard output must equal GOLDEN_PREFIX.out, and
# standard error GOLDEN_PREFIX.err
# when that file exists. With UPDATE_GOLDEN=1 it writes the golden files instead.
set -u
bin=$1 golden=$2 want=$3
shift 3
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

NO_COLOR=1 COLUMNS=${GOLDEN_COLUMNS:-80} "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
got=$?

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/out" "$golden.out"
    if [ -s "$tmp/err" ] || [ -f "$golden.err" ]; then cp "$tmp/err" "$golden.err"; fi
fi

status=0
if [ "$got" != "$want" ]; then
    echo "exit status $got, expected $want" >&2
    status=1
fi
if ! diff -u "$golden.out" "$tmp/out" >&2; then
    echo "standard output differs from $golden.out" >&2
    status=1
fi
if [ -f "$golden.err" ] && ! diff -u "$golden.err" "$tmp/err" >&2; then
    echo "standard error differs from $golden.err" >&2
    status=1
fi
if [ ! -f "$golden.err" ] && [ -s "$tmp/err" ]; then
    echo "unexpected standard error:" >&2
    cat "$tmp/err" >&2
    status=1
fi
exit $status
