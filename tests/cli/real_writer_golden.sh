#!/bin/sh
# real_writer_golden.sh STAGEGAP NAME LAYOUT EXPECTED_EXIT IMPORT-ARGS...
# Runs "stagegap import IMPORT-ARGS... --output DIR" on a fixture of
# tests/fixtures/import/real-writers/ and checks the exit status, standard output (DIR
# shown as OUT) and standard error against tests/golden/real-writers/NAME.out and .err,
# and the answers files written against tests/golden/real-writers/LAYOUT.answers: every
# file's name and text but its first line (which names the file imported). That golden
# is shared by every writer of a layout and written only from the layout's CSV source
# (NAME ending in .csv), so each workbook must give the CSV's very answers. A refused
# import (EXPECTED_EXIT 3) must leave DIR uncreated. UPDATE_GOLDEN=1 writes the goldens.
set -u
bin=$1 name=$2 layout=$3 want=$4
shift 4
golden=tests/golden/real-writers
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

NO_COLOR=1 COLUMNS=80 "$bin" import "$@" --output "$tmp/out" >"$tmp/stdout" 2>"$tmp/err" </dev/null
got=$?
sed "s|$tmp/out|OUT|g" "$tmp/stdout" >"$tmp/out.txt"
: >"$tmp/answers"
if [ -d "$tmp/out" ]; then
    for f in "$tmp/out"/*; do
        printf '== %s\n' "${f##*/}" >>"$tmp/answers"
        sed 1d "$f" >>"$tmp/answers"
    done
fi

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$golden"
    cp "$tmp/out.txt" "$golden/$name.out"
    cp "$tmp/err" "$golden/$name.err"
    case $name in *.csv) [ "$want" = 0 ] && cp "$tmp/answers" "$golden/$layout.answers" ;; esac
fi

status=0
if [ "$got" != "$want" ]; then
    echo "exit status $got, expected $want" >&2
    status=1
fi
diff -u "$golden/$name.out" "$tmp/out.txt" >&2 || status=1
diff -u "$golden/$name.err" "$tmp/err" >&2 || status=1
if [ "$want" = 0 ]; then
    if ! diff -u "$golden/$layout.answers" "$tmp/answers" >&2; then
        echo "the answers differ from those of the layout's CSV source ($layout.answers)" >&2
        status=1
    fi
elif [ -e "$tmp/out" ]; then
    echo "a refused import created its output directory" >&2
    status=1
fi
exit $status
