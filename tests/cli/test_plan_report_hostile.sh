#!/bin/sh
# An action plan's owners and notes are text people typed: in the plan section of
# assess --plan and compare --plan they never act as control, markup or formula in any
# format, and a note's line breaks never break a line of the report (issue 15).
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME CONDITION...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
lacks() { # lacks FILE FIXED-STRING
    ! grep -qF -- "$2" "$1"
}
q=data/examples/eastbrook-quarterly
# The board's plan with every owner a formula, markup and a terminal escape, and every
# note two lines with a pipe, a tag, an OSC title sequence and a formula start.
# (In YAML's double quotes, \e is the escape character and \a the bell.)
while IFS= read -r line; do
    case $line in
    *"owner: "?*)
        printf '%s\n' '    owner: "=HYPERLINK(1)|<b>x</b> *em* \e[31mred\e[0m"' ;;
    *"note: "?*)
        printf '%s\n' '    note: "@SUM(1) first line\nsecond | <script>alert(1)</script> \e]0;t\a -2+3"' ;;
    "      "[A-Z]*) ;; # the rest of a folded note, replaced above
    *) printf '%s\n' "$line" ;;
    esac
done <tests/fixtures/plan/eastbrook-board.yaml >"$tmp/plan.yaml"
check "the hostile plan is still valid" "$bin" validate "$tmp/plan.yaml"
for fmt in text markdown html json csv; do
    "$bin" assess --plan "$tmp/plan.yaml" --format "$fmt" $q/2026-07.yaml >"$tmp/assess.$fmt" ||
        { echo "FAIL: assess $fmt"; fail=$((fail + 1)); }
    "$bin" compare --plan "$tmp/plan.yaml" --format "$fmt" $q/2026-04.yaml $q/2026-07.yaml \
        >"$tmp/compare.$fmt" || { echo "FAIL: compare $fmt"; fail=$((fail + 1)); }
    for cmd in assess compare; do
        check "$cmd $fmt: no escape character" lacks "$tmp/$cmd.$fmt" "$(printf '\033')"
        check "$cmd $fmt: no bell" lacks "$tmp/$cmd.$fmt" "$(printf '\007')"
        check "$cmd $fmt: the owner is there" grep -qF 'HYPERLINK(1)' "$tmp/$cmd.$fmt"
    done
done
check "text: shown as text, the escape as \\x1b" grep -qF '=HYPERLINK(1)|<b>x</b> *em* \x1b[31m' "$tmp/assess.text"
check "text: the note's line break is a space" grep -qF 'first line second |' "$tmp/assess.text"
check "markdown: the pipe cannot end the cell" grep -qF '=HYPERLINK(1)\|' "$tmp/assess.markdown"
check "markdown: the note's pipe cannot end the cell" grep -qF 'second \| \<script\>' "$tmp/assess.markdown"
check "markdown: no raw tag" lacks "$tmp/assess.markdown" '<b>x'
check "markdown compare: no raw tag" lacks "$tmp/compare.markdown" '<b>x'
check "html: no raw tag" lacks "$tmp/assess.html" '<b>x</b>'
check "html: no raw script" lacks "$tmp/assess.html" '<script>'
check "html: escaped" grep -qF '&lt;b&gt;x&lt;&#47;b&gt; *em* \x1b[31m' "$tmp/assess.html"
check "html compare: no raw tag" lacks "$tmp/compare.html" '<b>x</b>'
check "csv: no cell starts with the owner's formula" lacks "$tmp/assess.csv" ',"=HYPERLINK' 
check "csv: no formula in the note" grep -qF "\"'@SUM(1) first line" "$tmp/assess.csv"
check "csv compare: no formula" lacks "$tmp/compare.csv" ',"=HYPERLINK'
check "json: the owner as data" grep -qF '"owner": "=HYPERLINK(1)|<b>x</b> *em* \u001b[31mred' "$tmp/assess.json"
check "json: the note as data" grep -qF '"note": "@SUM(1) first line\nsecond | <script>' "$tmp/compare.json"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
