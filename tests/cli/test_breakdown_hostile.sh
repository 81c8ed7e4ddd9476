#!/bin/sh
# A group's name is text from the inputs: in a breakdown it never acts as control,
# markup or formula in any format (issue 13).
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
mkdir "$tmp/survey"
# Northside (7 respondents, shown apart) becomes a name that is markup in every format.
# (In YAML's double quotes, \e is the escape character.) Role and locality are left out,
# so that team is the only field and its groups are shown (docs/privacy.md).
for f in tests/fixtures/survey/*.yaml; do
    while IFS= read -r line; do
        case $line in
        *"team: Northside"*)
            printf '%s"%s"%s\n' "${line%%Northside*}" '=HYPERLINK(1)|<b>x</b> *em* \e[31mred\e[0m' \
                "${line#*Northside}" ;;
        *) printf '%s\n' "$line" ;;
        esac
    done <"$f" | sed -E 's/role: [^,}]*, //; s/, locality: [A-Za-z]+//; s/locality: [A-Za-z]+//' \
        >"$tmp/survey/$(basename "$f")"
done
for fmt in text markdown html json csv; do
    "$bin" assess --by team --format "$fmt" "$tmp/survey" >"$tmp/out.$fmt" ||
        { echo "FAIL: assess $fmt"; fail=$((fail + 1)); }
    check "$fmt: no escape character" lacks "$tmp/out.$fmt" "$(printf '\033')"
done
check "text: shown as text, the escape as \\x1b" grep -qF '=HYPERLINK(1)|<b>x</b> *em* \x1b[31mr' "$tmp/out.text"
check "markdown: the pipe cannot end the cell" grep -qF '=HYPERLINK(1)\|' "$tmp/out.markdown"
check "markdown: no raw tag" lacks "$tmp/out.markdown" '<b>x'
check "html: no raw tag" lacks "$tmp/out.html" '<b>x</b>'
check "html: escaped" grep -qF '&lt;b&gt;x&lt;&#47;b&gt; *em* \x1b[31m' "$tmp/out.html"
check "csv: no formula" grep -qF "\"'=HYPERLINK(1)" "$tmp/out.csv"
check "json: the name as data" grep -qF '"team": "=HYPERLINK(1)|<b>x</b> *em* \u001b[31mred' "$tmp/out.json"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
