#!/bin/sh
# An evidence file's titles, sources and category levels are text people typed: in
# assess, compare and trend --evidence they never act as control, markup or formula in
# any format (issue 31). And the loader's limits hold: a file over 1 MiB, over 200
# indicators, over 500 values of one indicator, a deep nest, each refused with a located
# error and exit 3, never a hang or a crash.
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
cat >"$tmp/ev.yaml" <<'YAML'
format: stagegap-evidence/1
rules: signs-of-safety
organisation: "=HYPERLINK(1)|<b>org</b>"
indicators:
  - id: audit
    title: "=HYPERLINK(1)|<b>x</b> [link](http://x) \e[31mred\e]0;t\a *em*"
    source: "@SUM(1) <script>alert(1)</script>"
    scale: {kind: category, levels: ["<i>poor</i>", "=good|", "\e[2Jgreat"]}
    better: higher
    bears-on: [implement.reformed-assessment]
    values: [{date: 2026-03-31, value: "<i>poor</i>"}, {date: 2026-06-30, value: "=good|"}]
YAML
check "the hostile evidence file is still valid" "$bin" validate "$tmp/ev.yaml"
for fmt in text markdown html json csv; do
    "$bin" assess --evidence "$tmp/ev.yaml" --format "$fmt" $q/2026-07.yaml >"$tmp/a.$fmt" &&
        "$bin" compare --evidence "$tmp/ev.yaml" --format "$fmt" $q/2026-04.yaml $q/2026-07.yaml >"$tmp/c.$fmt" &&
        "$bin" trend --evidence "$tmp/ev.yaml" --format "$fmt" $q/2026-04.yaml $q/2026-07.yaml >"$tmp/t.$fmt" ||
        { echo "FAIL: $fmt run"; fail=$((fail + 1)); }
    for r in a c t; do
        check "$r.$fmt: no escape character" lacks "$tmp/$r.$fmt" "$(printf '\033')"
        check "$r.$fmt: no bell" lacks "$tmp/$r.$fmt" "$(printf '\007')"
        # trend's CSV names an indicator by its id, the others by its title
        [ "$r.$fmt" = t.csv ] || check "$r.$fmt: the title is there" grep -qF 'HYPERLINK(1)' "$tmp/$r.$fmt"
    done
done
for r in a c t; do
    check "$r.markdown: no raw tag" lacks "$tmp/$r.markdown" '<b>x'
    check "$r.markdown: no live link" lacks "$tmp/$r.markdown" '[link](http'
    check "$r.html: no raw tag" lacks "$tmp/$r.html" '<b>x</b>'
    check "$r.html: no raw level tag" lacks "$tmp/$r.html" '<i>poor'
    check "$r.html: no raw script" lacks "$tmp/$r.html" '<script>'
    check "$r.csv: no cell starts with a formula" lacks "$tmp/$r.csv" ',"='
    check "$r.csv: no cell starts with @" lacks "$tmp/$r.csv" ',"@'
done
check "text: the escape shown as \\x1b" grep -qF '\x1b[31m' "$tmp/a.text"
check "trend csv: the level, guarded" grep -qF "audit: =good| (2026-06-30)" "$tmp/t.csv"

refused() { # refused NAME EXPECTED-MESSAGE FILE
    timeout 20 "$bin" validate "$3" >"$tmp/r.out" 2>"$tmp/r.err"
    rc=$?
    check "$1: exit 3" [ "$rc" -eq 3 ]
    check "$1: says why" grep -qF -- "$2" "$tmp/r.err"
}
head='format: stagegap-evidence/1
rules: signs-of-safety
indicators:'
one='  - {id: i%d, title: T, source: S, scale: {kind: percentage}, better: higher, bears-on: [sustain], values: []}\n'
{ echo "$head"; i=0; while [ $i -lt 201 ]; do printf "$one" $i; i=$((i + 1)); done; } >"$tmp/many.yaml"
refused "201 indicators" "many.yaml:4:3: error: indicators lists 1 to 200 indicators, not 201" "$tmp/many.yaml"
{ echo "$head"; echo "  - {id: i, title: T, source: S, scale: {kind: percentage}, better: higher, bears-on: [sustain],"
  printf '     values: ['; i=0; while [ $i -lt 501 ]; do printf '{date: %04d-01-01, value: 1}, ' $((1900 + i)); i=$((i + 1)); done; echo ']}'; } >"$tmp/values.yaml"
refused "501 values" "values.yaml:5:14: error: values lists at most 500 dated values, not 501" "$tmp/values.yaml"
{ echo "$head"; i=0; while [ $i -lt 30000 ]; do echo "# padding line $i, to pass the size limit of an evidence file"; i=$((i + 1)); done; } >"$tmp/big.yaml"
refused "over 1 MiB" "big.yaml: error: file is larger than the limit of 1048576 bytes" "$tmp/big.yaml"
{ echo "$head"; printf '  - '; i=0; while [ $i -lt 5000 ]; do printf '['; i=$((i + 1)); done; echo; } >"$tmp/deep.yaml"
refused "a deep nest" "deep.yaml:" "$tmp/deep.yaml"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
