#!/bin/sh
# An acceptance's reason and who accepted it are text people typed: in the "Accepted
# gaps" section of assess --accept they never act as control, markup or formula in any
# format, and a reason's line breaks never break a line of the report (issue 16).
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
# (In YAML's double quotes, \e is the escape character and \a the bell.)
cat >"$tmp/accept.yaml" <<'YAML'
format: stagegap-accept/1
rules: signs-of-safety
accepted:
  - item: implement.common-commitment-across-organisations
    reason: "@SUM(1) first line\nsecond | <script>alert(1)</script> \e]0;t\a *em* # -2+3"
    accepted-by: "=HYPERLINK(1)|<b>x</b> [link](http://x) \e[31mred\e[0m"
    expires: 2027-04-01
YAML
check "the hostile accept file is still valid" "$bin" validate "$tmp/accept.yaml"
for fmt in text markdown html json csv; do
    "$bin" assess --accept "$tmp/accept.yaml" --format "$fmt" $q/2026-07.yaml >"$tmp/assess.$fmt" ||
        { echo "FAIL: assess $fmt"; fail=$((fail + 1)); }
    check "$fmt: no escape character" lacks "$tmp/assess.$fmt" "$(printf '\033')"
    check "$fmt: no bell" lacks "$tmp/assess.$fmt" "$(printf '\007')"
    check "$fmt: who accepted is there" grep -qF 'HYPERLINK(1)' "$tmp/assess.$fmt"
    check "$fmt: the reason is there" grep -qF 'SUM(1) first line' "$tmp/assess.$fmt"
done
check "text: shown as text, the escape as \\x1b" grep -qF '=HYPERLINK(1)|<b>x</b> [link](http://x) \x1b[31m' "$tmp/assess.text"
check "text: the reason's line break is a space" grep -qF 'first line second |' "$tmp/assess.text"
check "markdown: the pipe cannot end the cell" grep -qF '=HYPERLINK(1)\|' "$tmp/assess.markdown"
check "markdown: the reason's pipe cannot end the cell" grep -qF 'second \| \<script\>' "$tmp/assess.markdown"
check "markdown: no raw tag" lacks "$tmp/assess.markdown" '<b>x'
check "markdown: no live link" lacks "$tmp/assess.markdown" '[link](http'
check "html: no raw tag" lacks "$tmp/assess.html" '<b>x</b>'
check "html: no raw script" lacks "$tmp/assess.html" '<script>'
check "html: escaped" grep -qF '&lt;b&gt;x&lt;&#47;b&gt;' "$tmp/assess.html"
check "csv: no cell starts with a formula" lacks "$tmp/assess.csv" ',"=HYPERLINK'
check "csv: the reason's formula is guarded" grep -qF "\"'@SUM(1) first line" "$tmp/assess.csv"
check "json: who accepted as data" grep -qF '"accepted_by": "=HYPERLINK(1)|<b>x</b> [link](http://x) \u001b[31mred' "$tmp/assess.json"
check "json: the reason as data" grep -qF '"reason": "@SUM(1) first line\nsecond | <script>' "$tmp/assess.json"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
